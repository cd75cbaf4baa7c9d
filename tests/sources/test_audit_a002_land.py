"""Audit of 002 parks, land and deeds (audit/a002_land): expected findings, hand-computed from the seed."""
from analysis.sources.audit import a002_land as a


def findings(func):
    return {f.item: (f.printed, None if f.recomputed is None else round(f.recomputed, 4), f.verdict) for f in func()}


def test_printed_percentages():
    result = findings(a.printed_percentages)
    expected = {
        "service companies formed": (75, 75.0, "ok"),  # line 442: 12/16
        "parks/zones whose management was handed over": (71, 71.4286, "ok"),  # line 444: 10/14
        "operational phase": (94, 94.2347, "ok"),  # line 570: 4593/4874
        "industrial land": (100, 112.0711, "capped"),  # line 572: 2776/2477
        "land with registered deeds": (64, 64.1531, "ok"),  # line 720
        "land with subdivision deeds": (83, 82.6065, "ok"),  # line 822
        # line 605: 5916/6187 = 95.62 %; hectares to the unit give [5915.5/6187.5, 5916.5/6186.5] = [95.604, 95.636],
        # outside the printed 95's [94.5, 95.5]: truncated, not rounded
        "land added in 1401": (95, 95.6198, "discrepancy"),
    }
    assert result == expected


def test_land_totals():
    result = findings(a.land_totals)
    expected = {
        "hectares: 42 parks vs printed total (جمع)": (10418.03, 10418.03, "ok"),  # line 372
        "target: 31 provinces vs printed total (جمع)": (6187, 6187.0, "ok"),  # line 685
        "actual: 31 provinces vs printed total (جمع)": (5916.5, 5727.5, "discrepancy"),  # line 685
        "hectares: 25 provinces vs printed total (جمع)": (2765, 3022.0, "discrepancy"),  # line 788
        "hectares: 19 provinces vs printed total (جمع)": (3276.6, 3236.6, "discrepancy"),  # line 867
    }
    assert result == expected


def test_land_parts():
    fs = {f.item: f for f in a.land_parts()}
    assert len(fs) == 18 and {f.verdict for f in fs.values()} == {"ok"}
    # line 679: 24 + 1.3 + 49.9 = 75.2 against the printed 75: 75.2 rounds to 75 (75 stands for [74.5, 75.5])
    f = fs["Hormozgan: per-park hectares in parentheses vs actual"]
    assert (f.printed, f.recomputed, f.verdict) == (75, 75.2, "ok")
    # the parts' digits are not kept, so each of the 3 parts is allowed half a hectare: 75.2 +- 1.5
    assert (f.recomputed_interval.low, f.recomputed_interval.high) == (73.7, 76.7)


def test_land_cross_tables():
    result = findings(a.land_cross_tables)
    expected = {
        # Table 6 line 605 vs Table 7 line 685; Table 8 line 720 vs 9 line 788; Table 10 line 822 vs 11 line 867
        "plan 1401: Table 6 vs Table 7's total target": (6187, 6187.0, "ok"),
        "actual 1401: Table 6 vs Table 7's total actual": (5916, 5916.5, "ok"),
        "actual: Table 8 vs Table 9's printed total": (2765, 2765.0, "ok"),
        "actual: Table 10 vs Table 11's printed total": (3277, 3276.6, "ok"),
    }
    assert result == expected
