"""002 capital budgets and finances (extract/s002_budget_finance): hand-checked rows."""
from analysis.sources.datasets import load


def _row(name, **key):
    df = load(name)
    for k, v in key.items():
        df = df[df[k] == v]
    assert len(df) == 1
    return df.iloc[0]


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
