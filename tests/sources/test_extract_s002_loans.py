"""002 loan and credit schemes (extract/s002_loans): hand-checked rows."""
import pandas as pd

from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    m = pd.Series(True, index=df.index)
    for k, v in where.items():
        m &= df[k] == v
    assert m.sum() == 1, (name, where)
    return df[m].iloc[0]


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
