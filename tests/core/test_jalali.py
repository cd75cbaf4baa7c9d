"""Tests of analysis.core.jalali; dates from 003 (meeting 99/11/21, line 25; resolutions 1399/11/25, line 334)."""
import datetime as dt

import jdatetime
import pytest

from analysis.core import jalali as J


@pytest.mark.parametrize("text, expected", [
    ("۹۹/۱۱/۲۱", (1399, 11, 21)),  # 003 line 25
    ("۱۳۹۹/۱۱/۲۵", (1399, 11, 25)),  # 003 line 334
    ("1401/05/09", (1401, 5, 9)),  # 000: approval date
    ("٩٩/١١/٢٦", (1399, 11, 26)),  # Arabic-Indic digits
    (" 01/1/1 ", (1401, 1, 1)),  # two-digit 01 -> 1401, unpadded month/day
    ("1399-12-30", (1399, 12, 30)),  # leap year
])
def test_parse_date(text, expected):
    assert J.parse_date(text) == jdatetime.date(*expected)


def test_two_digit_rule():
    assert J.TWO_DIGIT_PIVOT == 50
    assert J.expand_year(50) == 1450 and J.expand_year(51) == 1351
    assert J.expand_year(99) == 1399 and J.expand_year(0) == 1400
    with pytest.raises(ValueError, match="three-digit"):
        J.expand_year(399)


@pytest.mark.parametrize("bad", ["1401/12/30", "99/13/01", "99/07/31", "hello", "1399/11"])
def test_parse_date_invalid(bad):
    with pytest.raises(ValueError):
        J.parse_date(bad)


def test_parse_date_types():
    assert J.parse_date(dt.date(2021, 2, 9)) == jdatetime.date(1399, 11, 21)
    with pytest.raises(TypeError):
        J.parse_date(13991121)


def test_to_gregorian_and_format():
    assert J.to_gregorian("۹۹/۱۱/۲۱") == dt.date(2021, 2, 9)  # Tuesday, as 003 line 25 says (سه شنبه)
    assert J.to_gregorian("۹۹/۱۱/۲۱").weekday() == 1
    assert J.format_jalali("99/11/21") == "۱۳۹۹/۱۱/۲۱"
    assert J.format_jalali(jdatetime.date(1401, 5, 9), persian_digits=False) == "1401/05/09"
    assert J.format_jalali(dt.date(2022, 3, 21), persian_digits=False, sep="-") == "1401-01-01"


def test_year_span_and_leap():
    assert J.year_span(1401) == (dt.date(2022, 3, 21), dt.date(2023, 3, 20))
    assert J.year_span(1399) == (dt.date(2020, 3, 20), dt.date(2021, 3, 20))  # 1399 is leap: 366 days
    assert (J.year_span(1399)[1] - J.year_span(1399)[0]).days == 365
    assert [J.month_length(1401, m) for m in (1, 6, 7, 11, 12)] == [31, 31, 30, 30, 29]
    assert J.month_length(1403, 12) == 30
    with pytest.raises(ValueError):
        J.month_length(1401, 13)


def test_deadline_end_of_bahman():
    d = J.parse_deadline("پایان بهمن ۹۹")  # 003 line 337
    assert d.date == jdatetime.date(1399, 11, 30) and d.kind == "end of month" and d.reason == ""
    assert d.gregorian == dt.date(2021, 2, 18)
    assert J.parse_deadline("تا پايان بهمن ماه ۱۳۹۹").date == jdatetime.date(1399, 11, 30)  # Arabic yeh


def test_deadline_end_of_year_relative():
    ref = "۱۳۹۹/۱۱/۲۵"  # 003 line 334
    for text in ("تا پایان سال", "تا پایان سال جاری", "پايان سال"):  # lines 350, 361, 363
        d = J.parse_deadline(text, reference=ref)
        assert d.date == jdatetime.date(1399, 12, 30), text  # 1399 is leap: 30 Esfand
    assert J.parse_deadline("تا پایان سال", reference="1401/05/09").date == jdatetime.date(1401, 12, 29)
    assert J.parse_deadline("پایان سال ۱۴۰۰").date == jdatetime.date(1400, 12, 29)
    d = J.parse_deadline("تا پایان سال")
    assert d.date is None and "reference" in d.reason


def test_deadline_month_without_year():
    assert J.parse_deadline("پایان اسفند", reference="1401/05/09").date == jdatetime.date(1401, 12, 29)
    # Bahman already past on 1401/12/10 -> next year's Bahman
    assert J.parse_deadline("پایان بهمن", reference="1401/12/10").date == jdatetime.date(1402, 11, 30)
    assert J.parse_deadline("پایان اسفند").date is None


def test_deadline_date_and_duration():
    assert J.parse_deadline("تا ۹۹/۱۱/۲۶").date == jdatetime.date(1399, 11, 26)  # 003 line 362
    d = J.parse_deadline("یک ماه", reference="۹۹/۱۱/۲۵")  # 003 line 349
    assert d.date == jdatetime.date(1399, 12, 25) and d.kind == "duration"
    assert J.parse_deadline("۱۰ روز", reference="1399/12/25").date == jdatetime.date(1400, 1, 5)
    assert J.parse_deadline("یک ماه").date is None


@pytest.mark.parametrize("text, reason", [
    ("مستمر", "continuous: no deadline"),
    ("continuous", "continuous: no deadline"),
    ("جذب کامل تسهیلات", "no date, month-end, year-end or duration found"),  # 003 line 348
    ("", "empty deadline"),
    (None, "empty deadline"),
])
def test_deadline_unparseable(text, reason):
    d = J.parse_deadline(text)
    assert d.date is None and d.reason == reason and d.gregorian is None


def test_days_between():
    meeting = "۹۹/۱۱/۲۱"  # 003 line 25
    assert J.days_between(meeting, J.parse_deadline("پایان بهمن ۹۹")) == 9  # to 1399/11/30
    # to 1399/12/30: 9 days to the end of Bahman + 30 days of Esfand (2021-02-09 -> 2021-03-20)
    assert J.days_between(meeting, J.parse_deadline("تا پایان سال", reference=meeting)) == 39
    assert J.days_between(meeting, "۹۹/۱۱/۲۶") == 5
    assert J.days_between("1401/01/01", "1400/12/29") == -1
    assert J.days_between(meeting, J.parse_deadline("مستمر")) is None


def test_month_names():
    assert J.MONTHS["بهمن"] == 11 and J.MONTHS["esfand"] == 12 and J.MONTHS["امرداد"] == 5
    assert len(set(J.MONTHS.values())) == 12 and len(J.MONTH_NAMES_FA) == 12


def test_make_date_and_month_names():
    assert J.make_date(97, 1, 23) == jdatetime.date(1397, 1, 23)  # 001 line 8: 23 Farvardin, year 97
    assert J.make_date(1399, 12, 30) == jdatetime.date(1399, 12, 30)  # leap year
    with pytest.raises(ValueError, match="not a valid Jalali date"):
        J.make_date(1401, 12, 30)
    assert J.MONTH_NAMES_EN[10] == "Bahman" and len(J.MONTH_NAMES_EN) == 12


def test_two_digit_years_in_the_seeds_are_13xx(seeds_available):
    """One rule for two-digit years (pivot 50) serves every extractor. On every two-digit
    year the seeds print, it agrees with reading them as 13xx: dates 99/11/21 and 99/11/26
    (003 lines 25, 362), years after سال or a month name (001 lines 5-14: 97, 93, 95; 002 line
    3839: 92; 003 lines 256, 337, 348: 96, 99, 97)."""
    import re

    from analysis.core.digits import normalise_fa, to_latin_digits
    from analysis.core.paths import SEED_FILES, seed_lines

    months = "|".join(normalise_fa(m) for m in (*J.MONTH_NAMES_FA, "سال"))
    # a year after سال or a month name, or glued before سال (scrambled right-to-left text: "92سال")
    year_after_word = re.compile(rf"(?<!\S)(?:{months})\s*(\d{{2}})(?![\d/.])|(?<![\d/.])(\d{{2}})سال")
    years = set()
    for seed in SEED_FILES:
        for line in seed_lines(seed):
            t = normalise_fa(to_latin_digits(line))
            years |= {int(m.group(1)) for m in J._DATE_IN_TEXT.finditer(t) if len(m.group(1)) == 2}
            years |= {int(a or b) for a, b in year_after_word.findall(t)}
    assert years == {92, 93, 95, 96, 97, 99} | {31, 59, 66}
    # 31, 59 and 66 are not years: "سال 31" is a line-wrapped 1401 on 002 lines 6544-6554,
    # "سال 59" a line-wrapped count (002 line 1880), "سال 66" a table number (002 line 6026)
    assert {y: J.expand_year(y) for y in (92, 93, 95, 96, 97, 99)} == {y: 1300 + y for y in (92, 93, 95, 96, 97, 99)}
