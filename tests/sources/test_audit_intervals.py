"""Interval arithmetic on printed figures (audit/intervals) and the verdicts that follow from it
(audit/__init__.judge, compare_percent): hand-computed intervals for cases cited from the seeds, each
verdict category, and invariants over the whole audit."""
import math
import re
from fractions import Fraction

import pandas as pd
import pytest

from analysis.core.digits import number_tokens
from analysis.core.paths import seed_lines
from analysis.sources import audit
from analysis.sources.audit import a002_clusters, a002_environment, a002_infrastructure, compare_percent, exact, judge, rounded
from analysis.sources.audit.intervals import Interval, decimals_of
from analysis.sources.datasets import catalog, flagged_columns, load
from analysis.sources.extract.seedtext import Seed


def bounds(iv: Interval) -> tuple[float, float]:
    return iv.low, iv.high


# ---------------------------------------------------------------------------- the arithmetic
def test_printed_figures_stand_for_half_a_unit():
    assert bounds(Interval.from_printed(2.1)) == (2.05, 2.15)
    assert bounds(Interval.from_printed(872)) == (871.5, 872.5)
    assert bounds(Interval.from_printed(0.177)) == (0.1765, 0.1775)
    assert bounds(Interval.from_printed(10418.03)) == (10418.025, 10418.035)
    assert bounds(Interval.from_printed(15000, decimals=-3)) == (14500, 15500)
    assert bounds(Interval.exact(42)) == (42, 42) and Interval.exact(42).exact_point
    assert bounds(Interval.about(205)) == (204, 206)
    # the bounds are exact fractions, not binary doubles
    assert Interval.from_printed(2.1).lo == Fraction(41, 20)


def test_printed_text():
    assert bounds(Interval.from_text("۱۴/۵٪", decimal="/")) == (14.45, 14.55)
    assert bounds(Interval.from_text("31.500", decimal="none")) == (31499.5, 31500.5)
    assert Interval.from_text("9/1", decimal="/").value == Fraction(91, 10)
    with pytest.raises(ValueError, match="not a printed number"):
        Interval.from_text("12 ha")


def test_operations_take_the_extreme_corners():
    a, b = Interval.from_printed(2), Interval.from_printed(-3)  # [1.5, 2.5], [-3.5, -2.5]
    assert bounds(a + b) == (-2, 0) and (a + b).value == -1
    assert bounds(a - b) == (4, 6)
    assert bounds(a * b) == (-8.75, -3.75) and (a * b).value == -6  # corners 1.5 x -3.5 ... 2.5 x -2.5
    assert bounds(a / b) == (-1, -1.5 / 3.5)
    assert bounds(3 * a) == (4.5, 7.5) and bounds(10 - a) == (7.5, 8.5)
    assert bounds(Interval.sum([a, a, a])) == (4.5, 7.5)


def test_division_by_an_interval_holding_zero_is_undefined():
    with pytest.raises(ZeroDivisionError, match="contains 0"):
        Interval.exact(1) / Interval.from_printed(0)
    with pytest.raises(ZeroDivisionError):
        Interval.exact(1) / Interval.from_printed(0.4, decimals=0)  # [-0.1, 0.9]


def test_contains_overlaps_and_bounds():
    assert Interval.from_printed(6).contains(6.5) and not Interval.from_printed(6).contains(6.51)
    assert Interval.from_printed(5916).overlaps(Interval.from_printed(5916.5))  # closed: they touch
    assert not Interval.from_printed(638).overlaps(Interval.from_printed(639.8))
    more = Interval.at_least(9)
    assert more.contains(1e9) and not more.contains(8.99) and str(more) == "[9, ∞)"
    with pytest.raises(ValueError, match="unbounded"):
        more + 1
    with pytest.raises(ValueError, match="does not contain"):
        Interval(Fraction(1), Fraction(2), Fraction(3))


def test_decimals_of():
    assert [decimals_of(x) for x in (2.1, 64.0, 64, 0.177, 218.4, 1e16)] == [1, 0, 0, 3, 1, 0]


# ---------------------------------------------------------------------------- the verdicts
def test_each_comparison_verdict():
    assert judge(rounded(872), rounded(872)) == "ok"
    assert judge(rounded(75), exact(75.2)) == "ok"  # 75.2 rounds to the printed 75
    # three whole cells summing to 3002 stand for [3000.5, 3003.5], which touches the printed 3000's [2999.5, 3000.5]
    assert judge(rounded(3000), Interval.sum(rounded(x) for x in [1000, 1001, 1001])) == "rounding"
    assert judge(rounded(3000), Interval.sum(rounded(x) for x in [2001, 1001])) == "discrepancy"  # 3002 +- 1
    assert judge(rounded(140), exact(140.85)) == "discrepancy"
    assert judge(exact(8), exact(7)) == "discrepancy"


def test_capped_needs_the_whole_interval_above_the_printed_one():
    # 002 line 1677: 0.177 of 0.17 million saplings, printed 100: [0.1765 / 0.175, 0.1775 / 0.165] = [100.86, 107.58] %
    f = compare_percent("green_space", "trees", 100, rounded(0.177), rounded(0.17))
    assert f.verdict == "capped"
    assert f.recomputed_interval.low == pytest.approx(100 * 0.1765 / 0.175)
    assert f.recomputed_interval.high == pytest.approx(100 * 0.1775 / 0.165)
    # 101 of 100 hectares printed 100: [100.5 / 100.5, 101.5 / 99.5] = [100, 102.01] % reaches into [99.5, 100.5]
    assert compare_percent("t", "x", 100, rounded(101), rounded(100)).verdict == "rounding"
    # the same counted exactly: 101 % is above 100.5 whatever the rounding of the printed 100
    assert compare_percent("t", "x", 100, exact(101), exact(100)).verdict == "capped"


def test_zero_plan_is_a_note():
    assert compare_percent("t", "x", 0, exact(0), exact(0)).verdict == "note"
    assert compare_percent("t", "x", 50, rounded(0.2), rounded(0)).verdict == "note"  # plan [-0.5, 0.5] holds 0


def test_a_discrepancy_says_when_the_print_is_cut_off_or_raised():
    # 002 line 2426: 235 -> 566 networks = +140.85 %, printed 140
    f = audit.compare("t", "c", "x", rounded(140), 100 * (exact(566) / exact(235) - 1))
    assert f.verdict == "discrepancy" and "truncated" in f.note
    # 002 line 3084: 207 of 222 = 93.24 %, printed 94
    f = compare_percent("t", "x", 94, exact(207), exact(222))
    assert f.verdict == "discrepancy" and "rounded up" in f.note


def test_units_decide_exact_or_rounded():
    assert bounds(audit.figure(12, "project")) == (12, 12)
    assert bounds(audit.figure(12, "hectare")) == (11.5, 12.5)
    with pytest.raises(ValueError, match="neither a count"):
        audit.figure(12, "furlong")
    with pytest.raises(TypeError, match="must be an Interval"):
        audit.compare_total("t", "x", 5, rounded(5))


# ---------------------------------------------------------------------------- cases from the seeds
def test_table_27_exports_change(seeds_available):
    # 002 line 2437 " %6 2.2 2.1 ( دلارد يارميلميزان صادرات ...": exports 2.1 -> 2.2 billion US dollars, printed +6 %
    assert {"6", "2.2", "2.1"} <= set(number_tokens(Seed("002").line(2437)))
    f = next(f for f in a002_clusters.cluster_indicators() if f.item == "Exports of supported firms")
    assert f.source_line == 2437
    # 2.1 in [2.05, 2.15], 2.2 in [2.15, 2.25]: the change after / before - 1 lies in
    # [2.15 / 2.15 - 1, 2.25 / 2.05 - 1] = [0 %, 9.7561 %]; at face value 2.2 / 2.1 - 1 = 4.7619 %
    assert f.recomputed_interval.lo == 0
    assert f.recomputed_interval.high == pytest.approx(100 * (2.25 / 2.05 - 1)) == pytest.approx(9.7561, abs=1e-4)
    assert f.recomputed == pytest.approx(4.7619, abs=1e-4)
    # the printed 6 stands for [5.5, 6.5]: inside, so consistent given rounding, though 4.76 does not round to 6
    assert bounds(f.printed_interval) == (5.5, 6.5)
    assert f.verdict == "rounding"


def test_table_13_water_total(seeds_available):
    # 002 line 994 " 872 922 جمع": actual 872, plan 922 litres/second; 31 provinces (lines 931-990) and the revived
    # water of all provinces (line 992: 154 actual, 183 plan) add up to 872 and 922. Each of the 32 rows is a
    # whole number of l/s, within half a unit: the sums stand for 872 +- 16 and 922 +- 16.
    assert number_tokens(Seed("002").line(994)) == ["872", "922"]
    fs = {f.item.split(":")[0]: f for f in a002_infrastructure.water_totals()}
    actual, plan = fs["actual"], fs["plan"]
    assert bounds(actual.printed_interval) == (871.5, 872.5) and bounds(actual.recomputed_interval) == (856, 888)
    assert bounds(plan.printed_interval) == (921.5, 922.5) and bounds(plan.recomputed_interval) == (906, 938)
    assert actual.verdict == plan.verdict == "ok"


def test_table_21_flower_beds_percentage(seeds_available):
    # 002 line 1679: flower beds and lawn, plan 11 ha, actual 8 ha, printed 72 %. 8 / 11 = 72.73 % rounds to 73,
    # but the hectares stand for [7.5, 8.5] and [10.5, 11.5]: the ratio for [7.5 / 11.5, 8.5 / 10.5] = [65.22, 80.95] %
    assert {"11", "8", "72"} <= set(number_tokens(Seed("002").line(1679)))
    f = next(f for f in a002_environment.green_space() if f.item == "Flower beds and lawn area")
    assert f.recomputed_interval.low == pytest.approx(100 * 7.5 / 11.5)
    assert f.recomputed_interval.high == pytest.approx(100 * 8.5 / 10.5)
    assert bounds(f.printed_interval) == (71.5, 72.5)
    assert f.verdict == "rounding"


def test_table_34_marketing_percentage(seeds_available):
    # 002 line 3084: 207 of 222 marketing activities (counts: exact), printed 94 %: 93.24 % is outside [93.5, 94.5]
    f = next(f for f in a002_clusters.subcontracting() if f.item == "Marketing activities carried out")
    assert f.recomputed_interval.exact_point and f.recomputed == pytest.approx(100 * 207 / 222, abs=1e-4)
    assert f.verdict == "discrepancy"


# ---------------------------------------------------------------------------- the whole audit
@pytest.fixture(scope="module")
def findings(seeds_available):
    return [f for func in audit.discover() for f in func()]


def test_no_discrepancy_whose_intervals_overlap(findings):
    for f in findings:
        if f.verdict == "discrepancy" and f.printed_interval is not None:
            assert not f.printed_interval.overlaps(f.recomputed_interval), (f.dataset, f.item)


def test_every_interval_verdict_follows_the_rule(findings):
    for f in findings:
        p, r = f.printed_interval, f.recomputed_interval
        if p is None or r is None or f.verdict in ("note", "unit"):
            continue
        if f.verdict == "capped":
            assert p.value == 100 and r.lo > p.hi, (f.dataset, f.item)
        else:
            assert f.verdict == judge(p, r), (f.dataset, f.item)
        assert f.printed == float(p.value) and f.recomputed == pytest.approx(float(r.value), abs=1e-4)


def test_comparisons_without_intervals_compare_no_figures(findings):
    """A verdict of ok, rounding or discrepancy without intervals is a check of dates, names or sets."""
    bare = {(f.check, f.item.split(" ")[0]) for f in findings
            if f.verdict in ("ok", "rounding", "discrepancy") and f.recomputed_interval is None}
    assert {c for c, _ in bare} == {"printed weekday vs Jalali calendar", "prose vs table", "cross-table"}
    assert ("prose vs table", "largest") in bare and ("cross-table", "completed") in bare


def test_frame_carries_the_intervals(seeds_available):
    df = audit.run()
    assert list(df.columns) == audit.COLUMNS
    both = df.dropna(subset=["printed_low", "recomputed_low"])
    assert (both.printed_low <= both.printed).all() and (both.printed <= both.printed_high).all()
    assert (both.recomputed_low <= both.recomputed + 1e-4).all() and (both.recomputed - 1e-4 <= both.recomputed_high).all()


# ---------------------------------------------------------------------------- the printed decimals
def _token_decimals(token: str, value: float) -> set[int]:
    """Decimals of every reading of a seed token that gives ``value`` (as core.digits.readings reads it)."""
    parts = re.split(r"[.,/٫٬\u060c]", token)
    out = set()
    if any(math.isclose(float(p), value) for p in parts) or math.isclose(float("".join(parts)), value):
        out.add(0)  # no separator, separators between numbers, or every separator grouping thousands
    if len(parts) > 1 and math.isclose(float("".join(parts[:-1]) + "." + parts[-1]), value):
        out.add(len(parts[-1]))  # the last separator a decimal point
    return out


def test_stored_values_keep_their_printed_decimals(seeds_available):
    """decimals_of(stored value) is the number of decimals printed: for every transcribed number whose seed
    line prints it, some reading of the printed token has exactly those decimals (no '12.0' or '9/10' stored
    as 12 or 9.1), so the intervals come out as the source printed them."""
    problems, checked = [], 0
    for name, ds in catalog().items():
        df = load(name)
        lines = seed_lines(ds.source)
        for _, r in df.iterrows():
            skip = flagged_columns(r.get("flag")) if "flag" in df.columns else set()
            first = int(r.source_line)
            end = r.get("source_line_end")
            last = int(end) if end is not None and not pd.isna(end) else first
            tokens = [t for n in range(first, last + 1) for t in number_tokens(lines[n - 1])]
            for col in ds.numeric_columns(provenance_only=True):
                v = r[col]
                if col in skip or pd.isna(v):
                    continue
                decs = set().union(*(_token_decimals(t, abs(float(v))) for t in tokens)) if tokens else set()
                if not decs:
                    continue  # not on the line as a plain token (checked by the provenance test)
                checked += 1
                if decimals_of(v) not in decs:
                    problems.append(f"{name} line {first} {col}={v}: printed with {sorted(decs)} decimals")
    assert checked > 2500 and problems == []
