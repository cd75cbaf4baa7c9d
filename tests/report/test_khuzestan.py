"""Tests of analysis.report.khuzestan (the Khuzestan chapter). Expected values are read from the
seed lines cited."""
import pandas as pd

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
    assert v["prog_share"] == v["prog_share_printed"]
    # line 363: up to 130 billion tomans = 1 300 billion rials
    assert v["r7_rials"] == "1,300"
    # line 238: loan-to-deposit ratio 51 %, rank 27-28
    assert (v["ltd"], v["ltd_rank_lo"], v["ltd_rank_hi"]) == ("51 %", "27", "28")


def test_billion_rials():
    assert kz.billion_rials(1_300_000_000_000) == "1,300"
    assert kz.billion_rials(None) == "—"


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
