"""Audit of 002 wastewater, green space, environment and fire safety (audit/a002_environment): expected verdicts."""
from analysis.sources.audit import a002_environment as a


def _findings(func):
    return {f.item: (f.printed, f.recomputed, f.verdict) for f in func()}


def test_audit_wastewater():
    # Table 20 total line 1602 "جمع 7 4 12 8" = column sums = Table 19 (lines 1448, 1450)
    f = _findings(a.wastewater)
    assert f["modules_actual: 31 provinces vs printed total (جمع)"] == (8, 8, "ok")
    assert f["estates_plan: Table 20 total vs Table 19 plan"] == (7, 7, "ok")
    # prose line 1736 says 9 modules; the table prints 8
    assert f["modules brought into operation: prose (line 1736) vs Table 19 actual"] == (9, 8, "discrepancy")
    assert f["industrial estate/zone"][2] == "ok"  # 4/7 = 57 % (line 1448)


def test_audit_green_space_percentages():
    # lines 1673-1679: rows 1-3 above plan print 100 %, row 4 8/11 = 72.7 % printed 72
    result = {k: v[2] for k, v in _findings(a.green_space).items()}
    expected = {"Green-space area": "capped", "Drip irrigation installed": "capped",
                "Trees and perennial shrubs planted": "capped", "Flower beds and lawn area": "rounding"}
    assert result == expected


def test_audit_environment_and_fire():
    f = _findings(a.environment)
    # line 1742 prose 1905 vs table line 1715 1908
    assert f["units connected in 1401: prose (line 1742) vs table actual"] == (1905, 1908, "discrepancy")
    assert f["capacity m3/day: prose (line 1740) vs table"][2] == "ok"
    f = _findings(a.fire)
    # line 1874: 295 + 14 = 309
    assert f["fire stations: end-1400 stock + added in 1401 vs printed total"] == (309, 309, "ok")
    assert f["fire engines: end-1400 stock + added in 1401 vs printed total"] == (390, 390, "ok")
