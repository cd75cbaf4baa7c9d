"""Audit of the 002 headline figures (audit/a002_overview): expected findings, hand-computed from the seed."""
import math

from analysis.sources.audit import a002_overview as a


def findings(func):
    return {f.item: (f.printed, None if f.recomputed is None else round(f.recomputed, 4), f.verdict) for f in func()}


def test_prose_vs_tables():
    result = findings(a.prose_vs_tables)
    expected = {
        "20 parks connected to fibre: prose vs Table 12 actual": (20, 23.0, "discrepancy"),  # line 1284 vs 896
        "3967 ha subdivision deeds: prose vs Table 10 actual": (3967, 3277.0, "discrepancy"),  # line 704 vs 822
        "638 MW added: prose vs Table 12 actual": (638, 638.0, "ok"),  # line 1104 vs 890
        "872 l/s added: prose vs Table 13 printed total": (872, 872.0, "ok"),  # line 908 vs 994
        "parks with water: 849 of 858 in operation": (99, 98.951, "ok"),  # lines 904-906
        # line 1286: 20 of 30 parks (counts, exact) = 66.67 %, outside the printed 66's [65.5, 66.5]: truncated
        "fibre 1401: 20 parks (prose) of Table 12's plan 30": (66, 66.6667, "discrepancy"),
        # line 704 prints 2765.5 ha ([2765.45, 2765.55]), Table 8 (line 720) 2765 ([2764.5, 2765.5]): they touch
        "2765.5 ha registered deeds: prose vs Table 8 actual": (2765.5, 2765.0, "rounding"),
        # lines 197-201: 49.3 + 47.6 + 0.2
        "chart 2: shares of contracts (operational + under construction + unconverted transfers)": (100.0, 97.1, "discrepancy"),
        "chart 3: industrial land ready + allotted": (100.0, 100.0, "ok"),  # lines 221-223: 29 + 71
    }
    assert {k: result[k] for k in expected} == expected
    implied = [f.recomputed for f in a.prose_vs_tables() if f.check == "implied base of a headline share"]
    assert len(implied) == 5 and all(math.isclose(x, 950, abs_tol=1.5) for x in implied)
