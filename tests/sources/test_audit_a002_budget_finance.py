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
    # prose 69 % (line 4800) vs 14933562 / 21816992 million rials = 68.449 %: the money is rounded to the million
    # (+-0.5), which moves the ratio by less than 1e-5 points; 69 stands for [68.5, 69.5]: no overlap
    r = df[df.item.str.startswith("allocation / agreement")].iloc[0]
    assert (r.verdict, round(r.recomputed, 1)) == ("discrepancy", 68.4)
    assert (r.printed_low, r.printed_high) == (68.5, 69.5)
    assert 68.4491 < r.recomputed_low < r.recomputed_high < 68.4493
    assert "68.75 %" in r.note  # the prose's own 15000 / 21817 (line 4800) rounds to 69
    # 15000 billion rials (line 4800), a round figure read to the thousand: [14500, 15500] holds 14933.562
    r = df[df.item.str.startswith("allocation in the prose")].iloc[0]
    assert (r.verdict, r.printed_low, r.printed_high) == ("ok", 14500, 15500)


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
    # line 6070 Semnan: printed growth 101 % vs 100.35 % (money to the million: the interval is 1e-5 wide):
    # 101 stands for [100.5, 101.5], which 100.35 misses: rounded up, not to the nearest
    r = bad.loc["Semnan: resources 1401 over 1400"]
    assert (r.printed, round(r.recomputed, 2)) == (101, 100.35) and "rounded up" in r.note
    assert len(bad) == 5
