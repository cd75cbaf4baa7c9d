"""The number and date formatters of analysis.report.display in both editions.

English: exactly what the book printed before the Persian edition (the English book must not
change). Persian: Persian digits, ٬ thousands, ٫ decimals, ٪ right after the number, the minus
sign after a left-to-right mark. Expected strings are written by hand."""
import datetime as dt
import math

import jdatetime
import pandas as pd
import pytest

from analysis.core import text
from analysis.report import display as d

LRM = "\u200e"
MINUS = "\u2212"

# (formatter, arguments, English, Persian)
CASES = [
    (d.num, (16262,), "16,262", "۱۶٬۲۶۲"),
    (d.num, (5051281,), "5,051,281", "۵٬۰۵۱٬۲۸۱"),
    (d.num, (9.14, 1), "9.1", "۹٫۱"),
    (d.num, (0,), "0", "۰"),
    (d.num, (999.96, 1), "1,000.0", "۱٬۰۰۰٫۰"),
    (d.num, (-1234.5, 1), "-1,234.5", LRM + MINUS + "۱٬۲۳۴٫۵"),
    (d.pct, (718 / 739,), "97.2 %", "۹۷٫۲٪"),  # 002 line 955: Khuzestan water 718 of 739 planned
    (d.pct, (1.136,), "113.6 %", "۱۱۳٫۶٪"),
    (d.pct, (0.95, 0), "95 %", "۹۵٪"),
    (d.pct, (-0.112,), "-11.2 %", LRM + MINUS + "۱۱٫۲٪"),
    (d.pct, (12.5,), "1,250.0 %", "۱٬۲۵۰٫۰٪"),
    (d.ordinal, (1,), "1st", "۱"),
    (d.ordinal, (2,), "2nd", "۲"),
    (d.ordinal, (13,), "13th", "۱۳"),
    (d.ordinal, (22.0,), "22nd", "۲۲"),
    (d.percent, (75.7,), "75.7 %", "۷۵٫۷٪"),
    (d.percent, (12.0,), "12 %", "۱۲٪"),
    (d.percent, (3.14159, 1), "3.1 %", "۳٫۱٪"),
    (d.fixed, (0.456,), "0.46", "۰٫۴۶"),
    (d.fixed, (19.94, 1), "19.9", "۱۹٫۹"),
    (d.fixed, (1234.5, 1), "1234.5", "۱۲۳۴٫۵"),  # no thousands separator
    (d.signed, (12,), "+12", LRM + "+۱۲"),
    (d.signed, (-3.0,), "-3", LRM + MINUS + "۳"),
    (d.general, (7.5,), "7.5", "۷٫۵"),
    (d.general, (99.0,), "99", "۹۹"),
    (d.plain, (1401,), "1401", "۱۴۰۱"),
    (d.plain, ("2022",), "2022", "۲۰۲۲"),
    # 003 (khz_minutes_dates): meeting 1399/11/21 = 2021-02-09
    (d.jalali_date, (jdatetime.date(1399, 11, 21),), "1399/11/21", "۲۱ بهمن ۱۳۹۹"),
    (d.jalali_date, ("۹۹/۱۱/۲۵",), "1399/11/25", "۲۵ بهمن ۱۳۹۹"),
    (d.jalali_date, (dt.date(2023, 3, 20),), "1401/12/29", "۲۹ اسفند ۱۴۰۱"),
    (d.gregorian_date, (dt.date(2021, 2, 9),), "2021-02-09", "۹ فوریه ۲۰۲۱"),
    (d.gregorian_date, (jdatetime.date(1399, 11, 21),), "2021-02-09", "۹ فوریه ۲۰۲۱"),
    (d.gregorian_date, (dt.date(2022, 3, 21),), "2022-03-21", "۲۱ مارس ۲۰۲۲"),
]
IDS = [f"{f.__name__}{args}" for f, args, *_ in CASES]


@pytest.fixture
def persian():
    text.use_language("fa")
    yield
    text.use_language("en")


@pytest.mark.parametrize(("f", "args", "english", "persian_"), CASES, ids=IDS)
def test_english_unchanged(f, args, english, persian_):
    assert f(*args) == english


@pytest.mark.parametrize(("f", "args", "english", "persian_"), CASES, ids=IDS)
def test_persian(persian, f, args, english, persian_):
    assert f(*args) == persian_


FORMATTERS = [d.num, d.pct, d.ordinal, d.percent, d.fixed, d.signed, d.general, d.plain,
              d.jalali_date, d.gregorian_date]


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, math.nan], ids=["None", "nan", "NA", "math.nan"])
@pytest.mark.parametrize("f", FORMATTERS, ids=lambda f: f.__name__)
def test_missing_is_the_dash_in_both_editions(f, missing, lang):
    text.use_language(lang)
    try:
        assert f(missing) == "—"
    finally:
        text.use_language("en")


def test_localise_leaves_words_and_identifiers(persian):
    assert d.localise("12 of 31") == "۱۲ of ۳۱"
    assert d.localise("002 · T13 · l.955") == "۰۰۲ · T13 · l.955"  # digits inside a word stay
    assert d.localise("1,234 %", "en") == "1,234 %"


def test_table_cells_in_persian_are_numbers(persian):
    t = d.Table(pd.DataFrame({"a": [16262, 7], "f": [2.25, -3.5], "b": ["x", "y"]}),
                formats={"b": lambda v: d.pct(-0.112) if v == "x" else d.ordinal(3)})
    h = t._repr_html_()
    assert '<td class="num">۱۶٬۲۶۲</td>' in h and f'<td class="num">{LRM}{MINUS}۳٫۵</td>' in h
    assert '<td class="num">۲٫۲</td>' in h  # a float cell: one decimal, as in English (2.2)
    assert f'<td class="num">{LRM}{MINUS}۱۱٫۲٪</td>' in h and '<td class="num">۳</td>' in h


def test_table_cells_in_english_unchanged():
    h = d.Table(pd.DataFrame({"a": [16262, 7], "f": [2.25, -3.5], "b": ["x", "y"]}))._repr_html_()
    assert '<td class="num">16,262</td>' in h and '<td class="num">-3.5</td>' in h and '<td class="num">2.2</td>' in h


def test_numpy_integer_cells(persian):  # a row of integers only: numpy integers, shown bare
    import numpy as np
    h = d.Table(pd.DataFrame({"year": [np.int64(1401)]}))._repr_html_()
    assert '<td class="num">۱۴۰۱</td>' in h
    text.use_language("en")
    assert '<td class="num">1401</td>' in d.Table(pd.DataFrame({"year": [np.int64(1401)]}))._repr_html_()


def test_a_persian_cell_that_opens_with_a_signed_number_is_right_to_left(persian):
    """fa writes a minus as a left-to-right mark and U+2212 ("‎−۰٫۰۹"): with dir="auto" the
    mark would make the cell left-to-right (seen by the browser check on the scaling table)."""
    import pandas as pd
    html_ = d.Table(pd.DataFrame({"x": ["\u200e−۰٫۰۹ تا ۱٫۰۱", "abc"]}))._repr_html_()
    assert '<td class="text" dir="rtl">\u200e−۰٫۰۹ تا ۱٫۰۱</td>' in html_
    assert '<td class="text" dir="auto">abc</td>' in html_


def test_a_persian_cell_that_opens_with_a_latin_name_is_right_to_left():
    """In the Persian edition a cell with Persian words is right-to-left even when a Latin name
    opens it (the trace table's "province = Khuzestan، plan = ۲۰", a citation "actual/plan از …");
    in the English edition such a cell keeps dir="auto" (an English name · its Persian twin)."""
    from types import SimpleNamespace

    import pandas as pd
    frame = pd.DataFrame({"x": ["province = Khuzestan، plan = ۲۰"]})
    cites = [SimpleNamespace(short="actual/plan از 002 · ج7 · س630", long="...")]
    with text.language_as("fa"):
        html_ = d.Table(frame, cite=cites)._repr_html_()
    assert '<td class="text" dir="rtl">province = Khuzestan، plan = ۲۰</td>' in html_
    assert '<td class="cite" dir="rtl">actual/plan از 002 · ج7 · س630</td>' in html_
    with text.language_as("en"):
        html_ = d.Table(pd.DataFrame({"x": ["Water supply · \u2068تأمین آب\u2069"]}))._repr_html_()
    assert '<td class="text" dir="auto">Water supply' in html_
