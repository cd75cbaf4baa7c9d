"""002 Tables 52-67 (lines 4764-6194): hand-checked rows and the audit's verdicts."""
import pandas as pd
import pytest

from analysis.sources.audit import a002d_budget_units_finance as a
from analysis.sources.datasets import load


def _row(name, **key):
    df = load(name)
    for k, v in key.items():
        df = df[df[k] == v]
    assert len(df) == 1
    return df.iloc[0]


# ------------------------------------------------------------------------- hand-checked rows
def test_t52_plan_row():
    # line 4772: " 2409 2177 ... 1304012022" = allocation 2409, agreement 2177 (billion rials)
    r = _row("capital_budget_national_by_plan", plan_code="1304012022")
    result = (r.allocation, r.agreement, r.allocation_rials, r.source_line)
    expected = (2409, 2177, 2409 * 10**9, 4772)
    assert result == expected


def test_t53_normal_and_label_first_rows():
    # line 4811: " 620,000 766,900 آذربايجان غربي 2" = allocation 620,000, agreement 766,900
    r = _row("capital_budget_by_province", province="West Azerbaijan")
    assert (r.allocation, r.agreement) == (620000, 766900)
    # line 4861: "ن مازندرا 27  1,158,218 685,675" (label first) = agreement, allocation
    r = _row("capital_budget_by_province", province="Mazandaran")
    assert (r.agreement, r.allocation, r.source_line) == (1158218, 685675, 4861)


def test_t54_row():
    # line 5283 Khuzestan: area 2466 154 196 2355, contracts 4438 164 402 4330
    r = _row("contracts_land_by_province", province="Khuzestan")
    result = r[["area_cum_1401_ha", "area_1401_ha", "area_1400_ha", "area_cum_1400_ha",
                "contracts_cum_1401", "contracts_1401", "contracts_1400", "contracts_cum_1400"]].tolist()
    expected = [2466, 154, 196, 2355, 4438, 164, 402, 4330]
    assert result == expected
    # line 5289: Sistan and Baluchestan area 1401 printed '59/7'
    assert _row("contracts_land_by_province", province="Sistan and Baluchestan").area_1401_ha == pytest.approx(59.7)


def test_t55_t56_t57_rows():
    # line 5351: " 3154802 405755 647764 ميليارد ريال ..." = cumulative, 1401, 1400
    r = _row("operational_units_national", indicator="investment")
    assert (r.cum_1401, r.value_1401, r.value_1400) == (3154802, 405755, 647764)
    # line 5398: " 1911 150 123 خوزستان 13"
    r = _row("operational_units_by_province", province="Khuzestan")
    assert (r.units_cum_1401, r.units_1401, r.units_1400) == (1911, 150, 123)
    # line 5495: " 30843 1748 2602 خوزستان 13"
    r = _row("operational_employment_by_province", province="Khuzestan")
    assert (r.employment_cum_1401, r.employment_1401, r.employment_1400) == (30843, 1748, 2602)


def test_t58_row():
    # line 5597: " 2474 167 187 471 432 1217 تان خوزس 13"
    r = _row("projects_under_construction_by_province", province="Khuzestan")
    result = r[["total", "stage_machinery_installation", "stage_halls_buildings",
                "stage_shed_installation", "stage_walling", "stage_land_allocated"]].tolist()
    assert result == [2474, 167, 187, 471, 432, 1217]


def test_t61_row():
    # line 5794: " 1760 32 15 55 عموم كاركنان اكسل پيشرفته عمومي 6"
    r = _row("staff_training_courses", course_no=6)
    assert (r.person_hours, r.course_hours, r.managers, r.participants) == (1760, 32, 15, 55)


def test_t63_t64_rows():
    # line 5902: " ( 2.870.000) ( 3.550.000) ساير هزينه ها 3" = 1400, 1401, bracketed = negative
    r = _row("org_financial_summary", item_no=3)
    assert (r.amount_1401, r.amount_1400) == (-3550000, -2870000)
    # line 5928: " ( 10،250،690) ( 13.548.832) ..." 1400 cell uses the Arabic comma and is flagged
    r = _row("consolidated_financial_summary", item_no=2)
    assert (r.amount_1401, r.amount_1400) == (-13548832, -10250690)
    assert r.flag.startswith("amount_1400=") and r.raw_text == "10،250،690"


def test_t65_t66_t67_rows():
    # line 5974 Tehran: "%15 1.980.681 %84 11.276.592 13.397.515"
    r = _row("provincial_companies_resources_expenses_1401", province="Tehran")
    assert (r.nonopex_pct, r.nonopex, r.opex_pct, r.opex, r.resources) == (15, 1980681, 84, 11276592, 13397515)
    # line 6056: "4%3 9.398.655 13.397.515 تهران 8" growth read as 43, flagged
    r = _row("provincial_companies_resources_1400_1401", province="Tehran")
    assert (r.growth_pct, r.resources_1400, r.resources_1401, r.raw_text) == (43, 9398655, 13397515, "4%3")
    # line 6176: " -%1 249.842 247.983 كهگيلويه و بويراحمد 23"
    r = _row("provincial_companies_opex_1400_1401", province="Kohgiluyeh and Boyer-Ahmad")
    assert (r.growth_pct, r.opex_1400, r.opex_1401) == (-1, 249842, 247983)


# ----------------------------------------------------------------------------- audit verdicts
def _findings(func):
    return pd.DataFrame([f.as_row() for f in func()])


def test_budget_totals_ok():
    # line 4792 "5620 5456 جمع"; line 4871 "14933562 21816992 جمع": rows add up exactly
    df = _findings(a.capital_budgets)
    sums = df[df.check == "row sum vs printed total"]
    assert list(sums.verdict) == ["ok"] * 4
    # prose 69 % (line 4800) vs 14933562 / 21816992 = 68.4 %
    r = df[df.item.str.startswith("allocation / agreement")].iloc[0]
    assert (r.verdict, round(r.recomputed, 1)) == ("rounding", 68.4)


def test_contracts_land_totals():
    # line 5321: area totals 46095 / 3592 vs province sums 46093 / 3590; contracts all add up
    df = _findings(a.contracts_land).set_index("item")
    result = {k.split(":")[0]: (v.printed, v.recomputed, v.verdict)
              for k, v in df[df.check == "row sum vs printed total"].iterrows()}
    assert result["area_cum_1400_ha"] == (46095, 46093, "discrepancy")
    assert result["area_1400_ha"] == (3592, 3590, "discrepancy")
    assert result["area_1401_ha"][2] == "rounding"  # 2427.7 (Sistan 59.7) vs 2428
    for c in ("contracts_cum_1400", "contracts_1400", "contracts_1401", "contracts_cum_1401", "area_cum_1401_ha"):
        assert result[c][2] == "ok"
    # headline shares: 24440 / 47380 = 51.6 % (line 170); 50842 / 103050 = 49.3 % (line 197)
    shares = df[df.check == "actual/plan vs printed %"]
    assert list(shares.verdict) == ["ok", "ok"]


def test_operational_units_cross_table_ok():
    # Tables 56 (line 5450) and 57 (line 5547) totals and province sums equal Table 55 rows 1-2
    df = _findings(a.operational_units)
    cross = df[df.check.isin(["row sum vs printed total", "province sum vs national table"])]
    assert len(cross) == 12 and set(cross.verdict) == {"ok"}
    # averages: 225152 printed vs 647764000/2877 = 225152.6 (truncated), line 5353
    r = df[df.item == "avg_investment_per_unit (value_1400) vs recomputed ratio"].iloc[0]
    assert r.verdict == "rounding"


def test_projects_and_training_add_up():
    # line 5654 "49076 4211 4981 13387 5867 20630": every row's stages add up to its total
    assert set(_findings(a.projects_under_construction).verdict) == {"ok"}
    # person-hours = participants x hours on all 23 lines (e.g. line 5743: 10 x 16 = 160)
    assert set(_findings(a.staff_training).verdict) == {"ok"}


def test_financial_statements_add_up():
    # lines 5898-5912 and 5926-5948: each statement adds up in both years; grants 3,550,000 (line 6209)
    assert set(_findings(a.financial_summaries).verdict) == {"ok"}


def test_provincial_companies_discrepancies():
    df = _findings(a.provincial_companies)
    bad = df[df.verdict == "discrepancy"].set_index("item")
    # line 6104: printed 1400 resources total 80,386,704; 31 provinces sum to 81,713,062; the gap is exactly
    # West Azerbaijan's 1,326,358 (line 6044): the printed total leaves that row out
    r = bad.loc["resources_1400: sum of 31 rows vs printed total (جمع)"]
    assert (r.printed, r.recomputed) == (80386704, 81713062) and "West Azerbaijan" in r.note
    # line 6194: printed 1400 opex total 62,708,466 vs 63,528,027 (gap 819,561 ~ West Azerbaijan 819,560, line 6134)
    r = bad.loc["opex_1400: sum of 31 rows vs printed total (جمع)"]
    assert (r.printed, r.recomputed) == (62708466, 63528027) and "West Azerbaijan" in r.note
    # line 6054 Bushehr: printed 87 % vs 1,308,359 / 736,301 - 1 = 77.7 %
    r = bad.loc["Bushehr: resources 1401 over 1400"]
    assert (r.printed, round(r.recomputed, 1)) == (87, 77.7)
    # line 6022: printed opex share 82 % vs 102,284,743 / 122,727,790 = 83.3 %
    r = bad.loc["total: opex / resources"]
    assert (r.printed, round(r.recomputed, 1)) == (82, 83.3)
    assert len(bad) == 4
