"""Tests of analysis.report.khuzestan (the Khuzestan chapter). Expected values are read from the
seed lines cited."""
import pandas as pd
import pytest

from analysis.report import khuzestan as kz


def test_sector_fa_strips_prefix():
    assert kz.sector_fa("زیربخش گردشگری") == "گردشگری"
    assert kz.sector_fa("بخش کشاورزی") == "کشاورزی"


def test_programmes_per_sector():
    s = kz.programmes_per_sector()
    # 000: 137 programmes in 16 sectors/sub-sectors (table of contents, lines 55-70)
    assert s["programmes"].sum() == 137 and len(s) == 16
    # money and finance: two programmes (lines 74-75)
    assert int(s.set_index("sector_en").loc["Money and finance", "programmes"]) == 2


def test_agency_counts_leave_flagged_out():
    all_rows = kz.agency_counts(include_flagged=True)
    clean = kz.agency_counts()
    # 'شوش' (lines 94 and 192) is flagged: 16 rows
    assert "شوش" in set(all_rows["agency_fa"]) and "شوش" not in set(clean["agency_fa"])
    v = kz.programme_values()
    assert v["k_flagged_rows"] == "16" and v["k_flagged_lines"] == "94, 192"
    assert v["k_programmes"] == "137" and v["k_approved_g"] == "2022-07-31"


def test_council_values():
    v = kz.council_values()
    # 001 line 8: 42 resolutions, 38 implemented, four pending: 38/42 = 90.48 %
    assert (v["c_total"], v["c_done"], v["c_pending"], v["c_share"]) == ("42", "38", "4", "90.5 %")
    assert v["c_check"] == "equal"
    # eight sessions in two years = one per quarter
    assert v["c_held"] == v["c_required"] == "8"


def test_resolution_deadlines():
    r = kz.resolutions().set_index("number")
    # 003 line 337: 'پایان بهمن ۹۹' = 1399/11/30 = 2021-02-18, 9 days after the meeting (1399/11/21, line 25)
    assert (r.loc[1, "deadline_j"], r.loc[1, "deadline_g"], r.loc[1, "days_from_meeting"]) == ("1399/11/30", "2021-02-18", 9)
    # line 348: 'جذب کامل تسهیلات' is a condition: no date
    assert pd.isna(r.loc[2, "deadline_j"]) and pd.isna(r.loc[2, "days_from_meeting"])
    # line 350: 'تا پایان سال' = 1399/12/30 (1399 is a leap year) = 2021-03-20, 39 days
    assert (r.loc[4, "deadline_j"], r.loc[4, "deadline_g"], r.loc[4, "days_from_meeting"]) == ("1399/12/30", "2021-03-20", 39)
    # line 362: 'تا ۹۹/۱۱/۲۶' = 2021-02-14, 5 days after the meeting, 1 after the resolutions
    assert (r.loc[6, "deadline_g"], r.loc[6, "days_from_meeting"], r.loc[6, "days_from_resolutions"]) == ("2021-02-14", 5, 1)
    # every non-relative reading agrees with the transcribed deadline_jalali
    assert r.loc[r["deadline_kind"] != "relative", "agrees_with_data"].all()
    html = kz.resolutions_table()._repr_html_()
    assert "None" not in html and "nan" not in html


def test_minutes_values():
    v = kz.minutes_values()
    # 003 line 256: unemployment 14.7 % (1396) to 14.5 % (1398), a fall of 0.2 points
    assert (v["u_1396"], v["u_1398"], v["u_fall"], v["u_fall_recomputed"]) == ("14.7 %", "14.5 %", "0.2", "0.2")
    # line 254: about 1 500 billion tomans of programme loans = 15 000 billion rials, of 24 000 billion
    # tomans (240 000 billion rials) lent by the network: 1/16 = 6.25 %
    assert (v["prog_loans"], v["net_loans"]) == ("15,000", "240,000")
    assert v["prog_share"] == v["prog_share_printed"] == "6.25 %"
    # line 363: up to 130 billion tomans = 1 300 billion rials
    assert v["r7_rials"] == "1,300"
    # line 238: loan-to-deposit ratio 51 %, rank 27-28
    assert (v["ltd"], v["ltd_rank_lo"], v["ltd_rank_hi"]) == ("51 %", "27", "28")


def test_billion_rials():
    assert kz.billion_rials(1_300_000_000_000) == "1,300"
    assert kz.billion_rials(None) == "—"
    # 003 line 232: a loan ceiling of "up to 50 million tomans" = 500 million rials = 0.5 billion (was shown as 0)
    assert kz.billion_rials(500_000_000) == "0.5"


def test_lending_and_rates_tables_keep_small_figures():
    lend = kz.lending_table().df
    assert "0.5" in set(lend.iloc[:, 4])  # the 50-million-toman ceiling of line 232, in billion rials
    # line 254: "one sixteenth" (printed in words), 1/16 = 0.0625, not rounded to 0.1
    rates = kz.rates_table().df
    assert any(cell.startswith("0.0625") for cell in rates.iloc[:, 2])


def test_isipo_values():
    v = kz.isipo_values()
    # 002 line 955: water 84 / 20 = 420 %, the highest ratio
    assert (v["i_water_ratio"], v["i_water_rank"]) == ("420.0 %", "1st")
    # 002 line 4833: allocation 3 099 380 of agreement 5 051 281 million rials = 61.4 %
    assert v["i_budget_ratio"] == "61.4 %"
    # line 5398: 150 units operational in 1401; line 5495: 1 748 jobs -> 11.7 per unit
    assert (v["i_units_1401"], v["i_jobs_1401"], v["i_jobs_per_unit_1401"]) == ("150", "1,748", "11.7")
    n = sum(int(v[k]) for k in ("i_over", "i_met", "i_under", "i_not_started", "i_undefined"))
    assert n == int(v["i_n"])


def test_tables_show_no_raw_missing_values():
    for t in (kz.profile_table(), kz.stocks_table(), kz.lending_table(), kz.rates_table(),
              kz.agency_table(), kz.sector_table()):
        html = t._repr_html_()
        assert ">nan<" not in html and ">None<" not in html and "<NA>" not in html


def test_figures_build():
    import matplotlib.figure
    assert isinstance(kz.sector_figure(), matplotlib.figure.Figure)
    assert isinstance(kz.agency_figure(), matplotlib.figure.Figure)


def test_year_end_deadlines():
    # 003 lines 350, 359 and 363: 'تا پایان سال' (twice) and 'تا پایان سال جاری' = 1399/12/30
    assert kz.resolutions_values()["r_year_end"] == "3"


def test_stocks_units_and_tables_from_catalogue():
    s = kz.stocks().set_index("column")
    # 002 Table 56 (units, lines 5357-5450) and Table 53 (capital budget, million rials)
    assert (s.loc["units_1401", "table"], s.loc["units_1401", "unit"]) == ("56", "unit")
    assert (s.loc["allocation", "table"], s.loc["allocation", "unit"]) == ("53", "million rials")
    html = kz.stocks_table()._repr_html_()
    assert ">units<" in html and ">million rials<" in html and "150" in html


@pytest.fixture(scope="module")
def by_language():
    """The paragraphs' values in each language (computed once: they read every dataset of the chapter)."""
    return {lang: kz.say_values(lang) for lang in ("en", "fa")}


def test_paragraphs_read_in_both_languages(by_language):
    from analysis.core.text import t
    en, fa = by_language["en"], by_language["fa"]
    # the names the prose glosses: 000 line 55 ff., 'امور عمومی' has the most programmes (17)
    assert en["sector_top"] == "Public affairs (امور عمومی)" and fa["sector_top"] == "امور عمومی"
    # §6.1: 54 agencies and 586 programme-agency rows (602 rows less the 16 flagged 'شوش' rows)
    assert "54 distinct agencies and 586 programme–agency" in " ".join(t("khuzestan.agencies", "en", **en).split())
    # 001 line 8: 38 + 4 = 42; 003 line 363: 'تا سقف ۱۳۰ میلیارد تومان'
    assert (en["c_check"], fa["c_check"]) == ("equal", "برابر است")
    assert (en["r7_printed"], fa["r7_printed"]) == ("up to 130 billion tomans", "تا سقف 130 میلیارد تومان")
    assert (en["i_water_rank"], fa["i_water_rank"]) == ("1st", "1")
    keys = ("intro", "programme", "agencies", "flagged", "council", "resolutions", "deadlines", "unemployment",
            "money", "loan_figures", "isipo", "isipo_units")
    for lang, v in (("en", en), ("fa", fa)):
        for k in keys:
            assert "{{" not in t(f"khuzestan.{k}", lang, **v)


def test_values_keep_the_english_words(by_language):
    v = kz.values("en")
    assert {k: v[k] for k in ("c_check", "r_leap", "k_flagged_lines")} == {
        "c_check": "equal", "r_leap": "a leap year", "k_flagged_lines": "94, 192"}
    assert all(by_language["en"][k] == x for k, x in v.items())


def test_every_data_word_shown_has_a_text():
    from analysis.core.text import labels
    from analysis.sources.datasets import load
    f = load("khz_minutes_figures")
    f = f[f["category"].isin(["loan", "rate"])]
    words = {("u", u) for u in f["unit"]} | {("q", q) for q in f["qualifier"] if q != "exact"}
    words |= {("scope", x) for x in f["scope"]} | {("level", x) for x in kz.programmes_per_sector()["level"]}
    words |= {("u", u) for u in kz.stocks()["unit"]}
    for lang in ("en", "fa"):
        missing = [(k, w) for k, w in words if f"khuzestan.{k}_{kz._slug(w)}" not in labels(lang)]
        assert missing == [], lang
    for lang in ("en", "fa"):
        assert all(f"khuzestan.stock_{c}" in labels(lang) for _, c in kz.STOCKS)


def test_unknown_data_word_names_the_key():
    with pytest.raises(KeyError, match="u_furlongs"):
        kz.word("u", "furlongs")


def test_category_words():
    p = kz.isipo_profile().set_index("indicator")
    # 002 line 955: water 420 % -> over; the zero plan of the wastewater modules (Table 20) is named
    assert kz.category_text(p.loc["water", "category"], p.loc["water", "status"], "en") == "over"
    assert kz.category_text("undefined", "undefined: zero plan", "fa") == "نامعین: برنامه صفر"


def test_filled_paragraphs_are_not_read_as_lists(by_language):
    """A line of a filled paragraph that starts like '1. ' or '- ' would become a Markdown list."""
    import re

    from analysis.core.text import t
    listy = re.compile(r"^\s*(\d+[.)]|[-+*])\s")
    keys = ("intro", "programme", "agencies", "flagged", "council", "resolutions", "deadlines", "unemployment",
            "money", "loan_figures", "isipo", "isipo_units", "cap_sectors", "cap_agencies")
    for lang, v in by_language.items():
        for k in keys:
            assert [line for line in t(f"khuzestan.{k}", lang, **v).splitlines() if listy.match(line)] == [], (lang, k)
