"""Audit of 002 capital budgets and finances (audit/a002_budget_finance): expected verdicts."""
import pandas as pd

from analysis.sources.audit import a002_budget_finance as a


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
