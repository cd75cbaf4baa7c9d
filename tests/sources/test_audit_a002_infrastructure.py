"""Audit of 002 utilities (audit/a002_infrastructure): expected findings, hand-computed from the seed."""
from analysis.sources.audit import a002_infrastructure as a


def findings(func):
    return {f.item: (f.printed, None if f.recomputed is None else round(f.recomputed, 4), f.verdict) for f in func()}


def test_water_total_rows_add_up():
    # 002 line 994 prints the total "872 922 جمع" (actual 872, plan 922). Provinces (lines
    # 931-990) sum to 739 plan / 718 actual, plus revived water (line 992) 183 / 154.
    result = {f.item.split(":")[0]: (f.printed, f.recomputed, f.verdict) for f in a.water_totals()}
    expected = {"plan": (922, 739 + 183, "ok"), "actual": (872, 718 + 154, "ok")}
    assert result == expected


def test_infrastructure_totals():
    by = {(f.dataset, f.item.split(":")[0]): (f.printed, round(f.recomputed, 4), f.verdict) for f in a.infrastructure_totals()}
    assert by == {
        ("phone_by_province", "plan"): (15, 15.0, "ok"),  # line 1280
        ("phone_by_province", "actual"): (11, 11.0, "ok"),
        ("fibre_by_province", "plan"): (30, 30.0, "ok"),  # line 1371
        ("fibre_by_province", "actual"): (23, 23.0, "ok"),
        # line 1185: 657 / 639.8 printed; West Azerbaijan (line 1126) left out
        ("electricity_by_province", "plan"): (657, 638.5, "discrepancy"),
        ("electricity_by_province", "actual"): (639.8, 609.9, "discrepancy"),
    }


def test_infrastructure_cross_tables():
    result = findings(a.infrastructure_cross_tables)
    expected = {
        # Table 12 line 888 (739/718) vs Table 13 lines 931-990
        "water plan: Table 12 vs Table 13's 31 provinces (lines 931-990)": (739, 739.0, "ok"),
        "water actual: Table 12 vs Table 13's 31 provinces (lines 931-990)": (718, 718.0, "ok"),
        # Table 12 line 890 (638/657) vs Table 14 line 1185 (639.8/657)
        "electricity plan: Table 12 vs the per-province table's printed total": (657, 657.0, "ok"),
        "electricity actual: Table 12 vs the per-province table's printed total": (638, 639.8, "discrepancy"),
        "telephone plan: Table 12 vs the per-province table's printed total": (15, 15.0, "ok"),
        "telephone actual: Table 12 vs the per-province table's printed total": (11, 11.0, "ok"),
        "fibre plan: Table 12 vs the per-province table's printed total": (30, 30.0, "ok"),
        "fibre actual: Table 12 vs the per-province table's printed total": (23, 23.0, "ok"),
    }
    assert result == expected
