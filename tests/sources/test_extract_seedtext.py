"""The one seed-reading toolkit (extract/seedtext.py), on lines of the seeds themselves."""
import pytest

from analysis.sources.extract import seedtext as st
from analysis.sources.extract.seedtext import Seed

S002 = Seed("002")


def test_line_by_cited_number(seeds_available):
    # 002 line 994 prints Table 13's total row " 872 922 جمع"
    assert S002.line(994).split() == ["872", "922", "جمع"]
    assert Seed("003").norm_line(25).startswith("ساعت 11 صبح روز سه شنبه 99/11/21")  # Persian digits made Latin
    n = len(st._lines("003"))
    with pytest.raises(IndexError, match=rf"seed 003 has lines 1-{n}; asked for line {n + 1}"):
        Seed("003").line(n + 1)
    with pytest.raises(IndexError, match="asked for line 0"):
        Seed("003").line(0)


def test_number_tokens(seeds_available):
    # 002 line 3566 "31.500 63.000 94.500 2 31.458 40" (Table 41: '.' groups thousands)
    assert S002.numbers(3566, expect=6) == ["31.500", "63.000", "94.500", "2", "31.458", "40"]
    assert S002.number(3566, 0) == 31500 and S002.number(3566, 0, decimal=".") == 31.5
    assert S002.last_number(3566) == 40
    with pytest.raises(ValueError, match=r"002 line 3566: expected 5 number tokens"):
        S002.numbers(3566, expect=5)
    with pytest.raises(IndexError, match=r"002 line 3566 has 6 number tokens"):
        S002.number(3566, 6)


def test_cells():
    assert st.integer("31.500") == 31500
    assert st.integer("10،250،690") == 10250690  # 002 line 5928: Arabic comma groups thousands
    assert st.pct("75.7") == 75.7
    assert st.cell("%64") == 64 and st.cell("830/4", decimal="/") == 830.4
    assert st.is_cell("-7") and not st.is_cell("(103)") and not st.is_cell("-")
    with pytest.raises(ValueError, match="not a number cell"):
        st.cell("جمع")


def test_visual_order_rows(seeds_available):
    # 002 line 720 " %64 2765 4310 هكتار ...": pct, actual, plan, label (Table 8)
    r = S002.row(720)
    assert r.numbers_before == ["%64", "2765", "4310"] and r.numbers_after == [] and r.label.startswith("هكتار")
    # 002 line 992: revived water, row 32, neither a province nor the total
    r = S002.row(992)
    assert (r.numbers_before, r.numbers_after) == (["154", "183"], ["32"])
    assert st.row_identity(r.label) == ("other", None, st.norm(r.label))
    assert st.row_identity(r.label, other_fa="آب احیا شده") == ("other", None, "آب احیا شده")
    # rows of Table 13 (lines 931-994) with two numbers before a label: 31 provinces, revived water, total
    rows = S002.table(921, 1003, 2)
    assert len(rows) == 33 and rows[-1].line_no == 994


def test_provinces_and_totals(seeds_available):
    assert st.province_of("قيآذربايجان شر") == ("East Azerbaijan", "آذربایجان شرقی")  # scrambled, Arabic yeh
    assert st.province_of("جمع") is None
    with pytest.raises(KeyError, match="unknown province"):
        st.province("آتلانتیس")
    assert st.province_prefix(["خراسان", "رضوي", "5مشهد"]) == (("Razavi Khorasan", "خراسان رضوی"), 2)
    # totals as printed: 002 lines 788 "ع مج", 994 "جمع", 1280 "جمع كشور", 1371 "ع كشور مج"
    assert all(st.is_total(x) for x in ("ع مج", "جمع", "جمع كشور", "ع كشور مج"))
    assert not st.is_total("كشور") and not st.is_total("مجموعه")
    assert st.row_identity("ع كشور مج", total_fa="جمع کشور") == ("total", None, "جمع کشور")
    with pytest.raises(ValueError, match=r"002 line 992: row label .* is neither a province nor the total"):
        S002.labelled(992, S002.row(992).label, plan=183)
    assert S002.labelled(994, "جمع", plan=922) == dict(row_kind="total", province=None, label_fa="جمع", plan=922,
                                                       source_line=994)


def test_letters(seeds_available):
    assert st.same_word("ع مج", "جمع") and st.same_word("گاز", "كاز") and not st.same_word("جمع", "جمعه")
    # 002 line 1424 " 100 1276 40000 2اردبيل   اردبيل 1": Table 18's project "Ardabil 2"
    assert S002.check_label("اردبیل 2", 1424) == "اردبیل 2"
    with pytest.raises(ValueError, match=r"label 'بروجن' not found on 002 lines 1424-1424"):
        S002.check_label("بروجن", 1424)
    S002.need(994, "جمع")
    with pytest.raises(ValueError, match="002 line 994 does not contain"):
        S002.need(994, "کشور")


def test_prose_figures_and_dates(seeds_available):
    assert st.read(st.norm("حدود ۱۴/۵٪ بیکاری"), r"حدود (\S+)٪") == (14.5, None, "14/5")
    assert st.read(st.norm("بالای ۸۰-۷۰٪"), r"بالای (\d+)-(\d+)٪") == (70.0, 80.0, "80-70")  # 003 line 232
    assert st.read("یک شانزدهم", r"(یک شانزدهم)")[0] == 1 / 16  # 003 line 254, in words
    assert st.is_words("هشت") and not st.is_words("42")
    with pytest.raises(LookupError, match="not found on line"):
        st.read("no figure here", r"(\d+) جلسه")
    # 003 line 25: the meeting of 99/11/21; two-digit years by core.jalali's one rule
    assert st.date_on(Seed("003").norm_line(25), r"(\d+)/(\d+)/(\d+)") == "1399/11/21"
    assert st.ymd(97, 1, 23) == "1397/01/23"  # 001 line 8: 23 Farvardin, year 97
    with pytest.raises(ValueError, match="not a valid Jalali date"):
        st.ymd(1401, 12, 30)  # 1401 is not a leap year
