"""Audit of 002 loan and credit schemes (audit/a002_loans): expected verdicts."""
from analysis.sources.audit import a002_loans as a


def _findings(func):
    return {f.item: (f.printed, f.recomputed, f.verdict) for f in func()}


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
