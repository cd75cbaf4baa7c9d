"""Audit of 002 chapter 2, sections 2-1 to 2-4 (``extract/s002_land``): printed totals against
row sums (Tables 1, 7, 9, 11), printed % against actual/plan (Tables 3, 5, 6, 8, 10), the
per-park hectares of Table 7, and Tables 6/7, 8/9, 10/11 against each other. Reports only;
nothing is corrected. Hectares and percentages are rounded at their last printed digit;
companies and parks are counts (exact).
"""
from __future__ import annotations

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    cell,
    column_sum,
    compare_percent,
    compare_total,
    exact,
    figure,
    rounded,
    total_row,
)
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load


@audit
def printed_percentages() -> list[Finding]:
    """Tables 3, 5, 6, 8, 10: printed achievement % against 100 * actual / plan."""
    out = []
    for name in ("service_company_law", "new_parks_plan", "registered_deeds_plan", "subdivision_deeds_plan"):
        for r in load(name).itertuples():
            out.append(compare_percent(name, r.item, r.pct_printed, figure(r.actual, r.unit), figure(r.plan, r.unit),
                                       source_line=r.source_line))
    r = load("estate_land_area").iloc[0]
    out.append(compare_percent("estate_land_area", "land added in 1401", r.pct_printed, figure(r.actual_1401, r.unit),
                               figure(r.plan_1401, r.unit), source_line=int(r.source_line)))
    return out


@audit
def land_totals() -> list[Finding]:
    """Row sums against printed totals (Tables 1, 7, 9, 11)."""
    out = []
    t1 = load("approved_parks")
    tot = total_row(t1)
    out.append(compare_total("approved_parks", "hectares: 42 parks vs printed total (جمع)", cell("approved_parks", "hectares", tot.hectares),
                             column_sum("approved_parks", body_rows(t1).hectares, "hectares"), source_line=int(tot.source_line)))
    name = "land_added_by_province"
    t7 = load(name)
    tot, body = total_row(t7), body_rows(t7)
    out.append(compare_total(name, "target: 31 provinces vs printed total (جمع)",
                             cell(name, "target", tot.target), column_sum(name, body.target, "target"),
                             source_line=int(tot.source_line)))
    out.append(compare_total(name, "actual: 31 provinces vs printed total (جمع)",
                             cell(name, "actual", tot.actual), column_sum(name, body.actual, "actual"), source_line=int(tot.source_line),
                             note="Zanjan's actual is flagged (printed '021', read 21); reading it as 120 gives 5826.5, "
                                  "still 90 short of the printed total"))
    for name, label in (("registered_deeds_by_province", "hectares: 25 provinces vs printed total (جمع)"),
                        ("subdivision_deeds_by_province", "hectares: 19 provinces vs printed total (جمع)")):
        df = load(name)
        tot = total_row(df)
        out.append(compare_total(name, label, cell(name, "hectares", tot.hectares),
                                 column_sum(name, body_rows(df).hectares, "hectares"), source_line=int(tot.source_line)))
    return out


@audit
def land_parts() -> list[Finding]:
    """Table 7: per-park hectares printed in parentheses against each province's actual.

    ``parts_sum`` is derived (the extractor keeps the sum, not each part's printed digits), so
    each of the ``parts_count`` parts is taken as rounded to the whole hectare, the coarsest
    Table 7 prints: an interval at least as wide as the parts allow (it can only make a
    verdict 'rounding' where a narrower one would say 'discrepancy', never the reverse)."""
    name = "land_added_by_province"
    df = load(name)
    out = []
    for r in df[df.parts_sum.notna()].itertuples():
        # the parts' sum, each part within half a hectare of its printed value
        parts = exact(r.parts_sum) + Interval.sum(rounded(0) for _ in range(int(r.parts_count)))
        out.append(compare_total(name, f"{r.province}: per-park hectares in parentheses vs actual",
                                 cell(name, "actual", r.actual), parts, check="parts sum vs printed row value",
                                 source_line=int(r.source_line)))
    return out


@audit
def land_cross_tables() -> list[Finding]:
    """Tables 6/7, 8/9, 10/11 against each other."""
    out = []
    t6 = load("estate_land_area").iloc[0]
    t7 = total_row(load("land_added_by_province"))
    out.append(compare_total("estate_land_area", "plan 1401: Table 6 vs Table 7's total target", rounded(t6.plan_1401),
                             rounded(t7.target), check="cross-table", source_line=int(t6.source_line)))
    out.append(compare_total("estate_land_area", "actual 1401: Table 6 vs Table 7's total actual", rounded(t6.actual_1401),
                             rounded(t7.actual), check="cross-table", source_line=int(t6.source_line),
                             note="Table 6 prints 5916, Table 7 5916.5 (rounded)"))
    t8 = load("registered_deeds_plan").iloc[0]
    t9 = total_row(load("registered_deeds_by_province"))
    out.append(compare_total("registered_deeds_plan", "actual: Table 8 vs Table 9's printed total", rounded(t8.actual),
                             rounded(t9.hectares), check="cross-table", source_line=int(t8.source_line)))
    t10 = load("subdivision_deeds_plan").iloc[0]
    t11 = total_row(load("subdivision_deeds_by_province"))
    out.append(compare_total("subdivision_deeds_plan", "actual: Table 10 vs Table 11's printed total", rounded(t10.actual),
                             rounded(t11.hectares), check="cross-table", source_line=int(t10.source_line),
                             note="Table 11 prints 3276.6, Table 10 3277 (rounded)"))
    return out


@audit
def land_oddities() -> list[Finding]:
    """Unit and layout oddities worth stating beside the data."""
    return [
        Finding("approved_parks", "unit", "hectares: '/' is the decimal point in rows, '.' in the total", None, None,
                "unit", 372, "rows print 830/4 (830.4 ha), the total prints 10418.03"),
        Finding("subdivision_deeds_by_province", "row numbers", "row numbers 3, 10, 13 missing; 4 rows unnumbered",
                None, None, "note", 835, "Ilam, Zanjan, Golestan, Gilan (lines 835, 847, 857, 859) have no row number"),
    ]
