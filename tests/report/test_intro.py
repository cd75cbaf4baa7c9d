"""Tests of analysis.report.intro (Introduction and Methods chapters)."""
import datetime as dt

import pytest

from analysis.core import text
from analysis.metrics import planactual
from analysis.report import intro as ch_intro
from analysis.sources.datasets import catalog


def test_source_dates_jalali_and_gregorian():
    d = ch_intro.source_dates()
    # 000 line 49: approved ۱۴۰۱/۰۵/۰۹ = 31 July 2022
    assert d["000"].jalali == "1401/05/09" and d["000"].gregorian == "2022-07-31"
    # 002 covers Jalali 1401 = 2022-03-21 .. 2023-03-20
    assert d["002"].gregorian == "2022-03-21 to 2023-03-20"
    # 003 line 25: meeting ۹۹/۱۱/۲۱ = 9 February 2021; resolutions 1399/11/25 (line 334) = 13 February 2021
    assert d["003"].jalali == "meeting 1399/11/21, resolutions 1399/11/25"
    assert d["003"].gregorian == "2021-02-09, 2021-02-13"
    # 004: Tir 1398 = 1398/04/01 (2019-06-22) .. 1398/04/31 (2019-07-22)
    assert d["004"].gregorian == "2019-06-22 to 2019-07-22"
    # 001 line 2: news of Friday 30 Shahrivar 1397 = 21 September 2018 (a Friday)
    assert d["001"].gregorian.startswith("2018-09-21")
    assert dt.date(2018, 9, 21).weekday() == 4


def test_sources_table_covers_all_datasets():
    s = ch_intro.sources()
    assert list(s["id"]) == ["000", "001", "002", "003", "004"]
    assert s["datasets"].sum() == len(catalog())
    assert (s["rows"] > 0).all()
    html = ch_intro.sources_table()._repr_html_()
    assert ">nan<" not in html and ">None<" not in html


def test_book_counts():
    c = ch_intro.book_counts()
    assert c["n_provinces"] == "31"
    assert c["n_datasets"] == str(len(catalog()))
    assert int(c["n_findings"].replace(",", "")) >= int(c["n_discrepancy"].replace(",", "")) > 0


def test_methods_values_water_table_13():
    v = ch_intro.methods_values()
    # 002 line 955: Khuzestan water plan 20, actual 84 -> 420 %
    assert (v["m_khz_plan"], v["m_khz_actual"], v["m_khz_ratio"]) == ("20", "84", "420.0 %")
    # province rows of Table 13 sum to 739 planned and 718 achieved (the printed total, line 994,
    # adds the 'revived water' row: 922 / 872): 718 / 739 = 97.2 %
    assert (v["m_sum_plan"], v["m_sum_actual"], v["m_ratio_of_sums"]) == ("739", "718", "97.2 %")
    assert v["m_under"] == "95 %" and v["m_over"] == "105 %" and v["m_tolerance"] == "5 %"
    cats = sum(int(v[k]) for k in ("m_cat_not_started", "m_cat_under", "m_cat_met", "m_cat_over", "m_cat_undefined"))
    assert cats == int(v["m_n"]) == 31
    # 2022-03-21 .. 2022-12-31 is 286 days of the 365 of 1401
    assert (v["m_days_in_first"], v["m_days"], v["m_greg_year"]) == ("286", "365", "2022")


def test_category_table_counts_all_provinces():
    t = ch_intro.category_table()
    assert t.df.iloc[:, 2].sum() == 31


def test_provenance_values_no_problems(seeds_available):
    v = ch_intro.provenance_values()
    assert v["p_problems"] == "0"
    assert int(v["p_checked"].replace(",", "")) > 1000


# ---------------------------------------------------------------- words from text/<lang>/
def test_gap_sentence_is_planactuals_explanation_in_words():
    # the methods chapter says explain_gap's result from text/en/methods.yml; in English it is the
    # sentence planactual writes itself, so the glued m_gap_text did not change
    gap = planactual.explain_gap(ch_intro.water())
    assert ch_intro.gap_sentence(gap) == gap.text
    assert ch_intro.methods_values()["m_gap_text"] == gap.text
    # water: the mean of ratios is above the ratio of sums
    assert ch_intro.methods_values()["m_gap_side"] == "above"


def test_gap_sentence_in_persian(persian):
    gap = planactual.explain_gap(ch_intro.water())
    s = ch_intro.gap_sentence(gap)
    assert s.startswith("میانگین نسبت‌های استانی") and "بیشتر از" in s
    # 002 line 957: Zanjan planned 99 and achieved 5 (5.1 %), the largest pull; named in Persian,
    # with Persian digits; 19.9 percentage points = 117.1 % - 97.2 % (mean of ratios - ratio of sums)
    assert "بیشترین اثر را این استان‌ها دارند: زنجان (برنامه ۹۹، نسبت تحقق ۵٫۱٪" in s
    assert "(۱۱۷٫۱٪) ۱۹٫۹ واحد درصد بیشتر از" in s
    assert "Zanjan" not in s and "{{" not in s


def test_category_table_rules_from_planactual_thresholds():
    df = ch_intro.category_table().df
    rules = dict(zip(df.iloc[:, 0], df.iloc[:, 1]))
    assert rules["under"] == "0 < ratio < 95 %" and rules["met"] == "95 % ≤ ratio ≤ 105 %"
    assert rules["over"] == "ratio > 105 %"


def test_sources_in_persian(persian):
    d = ch_intro.source_dates()
    # 003: meeting 99/11/21, resolutions 99/11/25 (khz_minutes_dates); Persian month names and digits
    assert d["003"].jalali == "جلسه ۲۱ بهمن ۱۳۹۹، مصوبات ۲۵ بهمن ۱۳۹۹"
    assert d["003"].gregorian == "۹ فوریه ۲۰۲۱، ۱۳ فوریه ۲۰۲۱"  # 1399/11/21 = 2021-02-09
    assert d["004"].jalali == "تیر ۱۳۹۸" and d["002"].gregorian == "۲۱ مارس ۲۰۲۲ تا ۲۰ مارس ۲۰۲۳"
    s = ch_intro.sources()
    assert s.loc[s["id"] == "002", "who"].item() == "سازمان صنایع کوچک و شهرک‌های صنعتی ایران"
    doc = ch_intro.sources_table().df.iloc[:, 1]
    assert doc.iloc[0] == "سند ارتقای بهره‌وری استان خوزستان"  # the Persian edition names the documents in Persian only


def test_english_document_names_are_bilingual():
    doc = ch_intro.sources_table().df.iloc[:, 1]
    assert doc.iloc[0] == ("Khuzestan province productivity-promotion document: the 1401 programme catalogue"
                           " · سند ارتقای بهره‌وری استان خوزستان")


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_keys_built_in_code_exist(lang):
    keys = [f"intro.src_{sid}_{part}" for sid in ch_intro.SOURCE_IDS for part in ("title", "who")]
    keys += [f"intro.month_{m}" for m in range(1, 13)]
    keys += [ch_intro.category_key(c) for c in planactual.CATEGORIES]
    keys += ["methods.rule_" + c.replace(" ", "_") for c in planactual.CATEGORIES]
    assert [k for k in keys if k not in text.labels(lang)] == []


def test_category_key_names_the_valid_categories():
    with pytest.raises(KeyError, match="valid"):
        ch_intro.category_key("excellent")
