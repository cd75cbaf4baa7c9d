"""002c: hand-checked rows of Tables 35-63 (002 lines 3113-4662) and their audit findings."""
import pandas as pd

from analysis.sources.audit import a002c_sme as a
from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    m = pd.Series(True, index=df.index)
    for k, v in where.items():
        m &= df[k] == v
    assert m.sum() == 1, (name, where)
    return df[m].iloc[0]


def _findings(func):
    return {f.item: (f.printed, f.recomputed, f.verdict) for f in func()}


# --- hand-checked rows ----------------------------------------------------------------------
def test_t35_tech_service_centres(seeds_available):
    # line 3127 "40": row 1 (line 3117), operational centres
    r = _row("tech_service_centres", row_no=1)
    assert (r.status, r.centres, r.source_line, r.source_line_end) == ("operational", 40, 3117, 3127)


def test_t36_t38_projects(seeds_available):
    # line 3192 " 302 سودآوري   شياافز"; line 3346 " 18 نه سازي مصرف سوخت بهي"
    assert _row("tech_centre_projects_by_indicator", indicator="profitability increase").projects == 302
    assert _row("tech_town_projects_by_indicator", indicator="fuel use optimisation").projects == 18


def test_t37_mashhad(seeds_available):
    # line 3314 " 2 12 5 21 1 3 97 برداري بهره  مشهد  2"
    r = _row("tech_town_components", province="Razavi Khorasan")
    result = [int(r[c]) for c in ("production_operational", "production_assigned", "rnd_operational", "rnd_assigned",
                                  "lab_operational", "lab_assigned", "consultants", "row_no")]
    expected = [2, 12, 5, 21, 1, 3, 97, 2]
    assert result == expected


def test_t39_investment(seeds_available):
    # line 3395 "2 10 980": row 2, 10 investments, 980 billion rials
    r = _row("tech_market_actions", row_no=2)
    assert (r["count"], r.amount_billion_rials, r.amount_rials) == (10, 980, 980 * 10**9)


def test_t40_t43_budgets(seeds_available):
    # line 3509 "... 31.500 31.500 54 31.500 58.200 1400سال": approved 58 200, allocated 31 500, 54 %
    r = _row("loan_scheme_budgets", table_no="40", year=1400)
    assert (r.approved, r.allocated, r.allocated_pct_printed, r.deposited) == (58200, 31500, 54.0, 31500)
    # line 3657 "155.200 81.500 53% 81.500 81.500" (logical order)
    r = _row("loan_scheme_budgets", table_no="43", year=1400, funding_form="cash")
    assert (r.approved, r.allocated, r.allocated_pct_printed, r.received_from_treasury) == (155200, 81500, 53.0, 81500)
    # line 3660 "32.000 32.000 100%", bonds maturing 1403, line 3665 "0" deposited
    r = _row("loan_scheme_budgets", table_no="43", year=1400, funding_form="treasury_bonds")
    assert (r.approved, r.deposited, pd.isna(r.received_from_treasury)) == (32000, 0, True)


def test_t41_t44_t46_t47_facilities(seeds_available):
    # line 3566 "31.500 63.000 94.500 2 31.458 40"
    r = _row("loan_scheme_bank_facilities", table_no="41", year=1400)
    assert (r.deposited, r.bank_resources, r.facilities_total, r.leverage_printed, r.approved_facilities, r.jobs) == \
        (31500, 63000, 94500, 2.0, 31458, 40)
    # line 3736 "349 تلفيقي 243.453 81.151 162.302 50 244.500 163.000 81.500 1400" (visual order)
    r = _row("loan_scheme_bank_facilities", table_no="44", year=1400)
    assert (r.deposited, r.bank_resources, r.facilities_total, r.contracts, r.contract_bank_share,
            r.contract_org_share, r.contract_total, r.returned_to_treasury) == \
        (81500, 163000, 244500, 50, 162302, 81151, 243453, 349)
    # line 3802 "... تلفيقي 7235000 5788000 1447000 2000000"
    r = _row("loan_scheme_bank_facilities", table_no="46", year=1401)
    assert (r.approved_budget, r.deposited, r.bank_resources, r.facilities_total) == (2000000, 1447000, 5788000, 7235000)
    # line 3891 "1400 28500 57.000 85500 3 57.000 28.500 85.500 0 0"
    r = _row("loan_scheme_bank_facilities", table_no="47", year=1400)
    assert (r.deposited, r.bank_resources, r.facilities_total, r.contracts, r.contract_total, r.returned_to_treasury) == \
        (28500, 57000, 85500, 3, 85500, 0)


def test_t42_t45_t48_achievements(seeds_available):
    # line 3611 "34 1188 3500"; line 3823 "45 9007 20067"; line 3921 "6.4 32 500"
    assert tuple(_row("loan_scheme_achievements", table_no="42")[["target", "actual", "pct_printed"]]) == (3500, 1188, 34.0)
    assert tuple(_row("loan_scheme_achievements", table_no="45", indicator="employment")[["target", "actual"]]) == (20067, 9007)
    assert _row("loan_scheme_achievements", table_no="48").pct_printed == 6.4


def test_plan_actual_rows(seeds_available):
    # line 4019 "%117 91202 77886 1202956": pct, actual, plan, cumulative
    r = _row("training_export_plan_actual", table_no="49", row_no=2)
    assert (r.cumulative_to_1401, r.plan_1401, r.actual_1401, r.pct_printed) == (1202956, 77886, 91202, 117.0)
    # line 4176 "22801 19472 ... 2": actual, plan (Table 52)
    r = _row("training_export_plan_actual", table_no="52", row_no=2)
    assert (r.plan_1401, r.actual_1401, pd.isna(r.pct_printed)) == (19472, 22801, True)
    # line 4485 "75.7 53 70 279 نفر GIZ"
    r = _row("training_export_plan_actual", table_no="59", row_no=1)
    assert (r.cumulative_to_1401, r.plan_1401, r.actual_1401, r.pct_printed) == (279, 70, 53, 75.7)
    # line 4662 "49596 2200 4806 4/218" (logical order; % flagged)
    r = _row("training_export_plan_actual", table_no="63", row_no=1)
    assert (r.cumulative_to_1401, r.plan_1401, r.actual_1401, r.pct_printed, r.raw_text) == (49596, 2200, 4806, 218.4, "4/218")
    assert r.flag.startswith("pct_printed=")


def test_t50_t51_t55(seeds_available):
    # line 4102 "1165 25" (skills, logical order)
    r = _row("training_course_types", course_type="skills")
    assert (r.courses, r.pct_printed) == (1165, 25.0)
    # line 4156 9th value 605, line 4158 9th value 13
    r = _row("training_course_subjects", position=9)
    assert (r.courses, r.pct_printed) == (605, 13.0)
    # line 4306 "32 90 122"
    assert _row("theses_by_degree", degree="doctoral").theses == 32


def test_prose_figures(seeds_available):
    # line 3487: 743286 million rials deposited 1390-1401; line 4562: target 67 million USD
    assert _row("sme_support_prose_figures", topic="renovation", item="funds deposited with agent banks 1390-1401").value == 743286
    assert _row("sme_support_prose_figures", topic="export consortia", item="export target 1401").value == 67


# --- audit findings -------------------------------------------------------------------------
def test_audit_effectiveness_totals(seeds_available):
    # line 3208 prints 1344 (= 216+302+30+243+36+169+74+107+167); line 3350 prints 328
    result = sorted((f.printed, f.recomputed, f.verdict) for f in a.effectiveness_totals())
    expected = [(328, 328, "ok"), (1344, 1344, "ok")]
    assert result == expected


def test_audit_tech_towns(seeds_available):
    # line 3324 total "10 112 5 34 4 18 239"; prose lines 3259-3260: 239 consultants, 164 units
    result = {v for v in (f.verdict for f in a.tech_town_totals())}
    assert result == {"ok"}


def test_audit_loan_budgets(seeds_available):
    f = _findings(a.loan_budget_checks)
    # line 3657: 81.5/155.2 = 52.51 % printed 53; line 3667: 119/170.791 = 69.68 % printed 70
    assert f["Table 43 technical_credit_public 1400 cash: allocated / approved"][2] == "ok"
    assert f["Table 43 technical_credit_public 1401 cash: allocated / approved"][2] == "ok"
    # Chart 16 (lines 3675-3701) 187200 = 155 200 + 32 000 (lines 3657, 3660)
    assert f["Table 43 approved 1400 (cash + bonds rows) vs Chart 16"] == (187200, 187200, "ok")
    assert {v[2] for v in f.values()} == {"ok"}


def test_audit_loan_facilities(seeds_available):
    f = _findings(a.loan_facility_checks)
    # line 3566: 63.000 / 31.500 = 2 as printed
    assert f["Table 41 renovation 1400: bank resources / deposited funds vs printed ratio"][2] == "ok"
    # line 3736: 81 500 - 81 151 = 349 returned to treasury
    assert f["Table 44 technical_credit_public 1400: deposited - organisation share of contracts vs printed returned to treasury"] == (349, 349, "ok")
    # line 3802: bank 5 788 000 = 4 x 1 447 000
    assert f["Table 46 bank resources vs 4 x deposited (prose line 3769: bank four times the companies' share)"][2] == "ok"
    assert {v[2] for v in f.values()} <= {"ok", "note", "unit"}


def test_audit_loan_achievements(seeds_available):
    f = _findings(a.loan_achievement_checks)
    # line 3921: 32/500 = 6.4 %
    assert f["Table 48 dairy: industrial firms assisted"] == (6.4, 6.4, "ok")
    # lines 3590/3594: 974 + 214 = 1188 (line 3489)
    assert f["renovation: prose breakdown (units renovated (machinery, production lines) + units given working capital) vs prose total"] == (1188, 1188, "ok")
    assert {v[2] for v in f.values()} == {"ok"}


def test_audit_training_exports(seeds_available):
    f = _findings(a.training_export_checks)
    # line 4572 "126.5 105 83 602" vs prose line 4562: target 67, achieved 52 million USD
    assert f["Table 60 row 1 plan_1401 vs prose (export target 1401)"] == (67, 83, "discrepancy")
    assert f["Table 60 row 1 actual_1401 vs prose (exports achieved 1401)"] == (52, 105, "discrepancy")
    # line 4662: 4806/2200 = 218.45 %, printed 218.4 after un-swapping '4/218'
    assert f["Table 63 row 1: industrial units supported to attend domestic and foreign exhibitions"][2] == "rounding"
    # line 4228: 6489/4807 = 134.99 % printed 135
    assert f["Table 53 row 2: industrial tour participants"][2] == "ok"
    # line 4644/4646: 4043 + 763 = 4806
    assert f["Table 63 actual vs prose domestic + foreign units (4043 + 763)"] == (4806, 4806, "ok")
    bad = sorted(k for k, v in f.items() if v[2] == "discrepancy")
    assert bad == ["Table 60 row 1 actual_1401 vs prose (exports achieved 1401)", "Table 60 row 1 plan_1401 vs prose (export target 1401)"]


def test_audit_course_types_and_subjects(seeds_available):
    f = _findings(a.course_type_and_subject_checks)
    # line 4106 total 4654 = 3164 + 1165 + 325; the 15 values of line 4156 add up to 4654
    assert f["courses: 3 types vs printed total (جمع کل)"] == (4654, 4654, "ok")
    assert f["courses: 15 subject categories vs Table 50 total (4654)"] == (4654, 4654, "ok")
    assert {v[2] for v in f.values()} == {"ok"}
