from analysis.sources.audit.a002_water import water_totals


def test_water_total_rows_add_up():
    # 002 line 994 prints the total "872 922 جمع" (actual 872, plan 922). Provinces (lines
    # 931-990) sum to 739 plan / 718 actual, plus revived water (line 992) 183 / 154.
    result = {f.item.split(":")[0]: (f.printed, f.recomputed, f.verdict) for f in water_totals()}
    expected = {"plan": (922, 739 + 183, "ok"), "actual": (872, 718 + 154, "ok")}
    assert result == expected
