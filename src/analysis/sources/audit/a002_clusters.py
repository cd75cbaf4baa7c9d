"""Audit of 002 chapter 3, sections 3-1 and 3-2 (``extract/s002_clusters``): the
business-cluster programme (Tables 26-32) and the subcontracting exchange (Tables 33-34):
printed totals and percentages, cross-table and table-vs-prose consistency, the cluster
names listed against the printed counts.

Projects, clusters, names, firms, networks, providers, organisations and persons are counts
(exact); Table 27's exports (billion US dollars) and sales (billion rials) and every printed
percentage are rounded at their last printed digit.
"""
from __future__ import annotations

from collections import Counter

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    compare,
    compare_columns,
    compare_percent_rows,
    compare_total,
    exact,
    figure,
    printed_on,
    rounded,
    total_row,
)
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load


@audit
def cluster_programme() -> list[Finding]:
    out = compare_percent_rows("cluster_programme", "item_en")
    t26 = load("cluster_programme").set_index("row_no")
    t28 = load("cluster_map_updates")
    t29 = load("cluster_feasibility_by_province")
    t30 = load("cluster_projects_by_province")
    t30_total = total_row(t30)
    t32 = load("cluster_projects_completed_1401")
    out += [  # counts of projects and studies: exact
        compare_total("cluster_programme", "row 1 map-update projects: Table 26 actual vs Table 28 rows",
                      exact(int(t26.loc[1, "actual"])), exact(len(t28)), check="cross-table", source_line=2377),
        compare_total("cluster_map_updates", "map-update projects: prose (line 2591) vs Table 28 rows",
                      exact(printed_on("002", 2591, 7)), exact(len(t28)), check="table vs prose", source_line=2591),
        compare_total("cluster_programme", "row 2 feasibility studies: Table 26 actual vs Table 29 sum",
                      exact(int(t26.loc[2, "actual"])), exact(int(t29.studies_completed.sum())), check="cross-table",
                      source_line=2379),
        compare_total("cluster_feasibility_by_province", "feasibility studies completed: prose (line 2624) vs Table 29 sum",
                      exact(printed_on("002", 2624, 27)), exact(int(t29.studies_completed.sum())), check="table vs prose",
                      source_line=2624),
        compare_total("cluster_programme", "row 3 projects running: Table 26 actual vs Table 30 printed total",
                      exact(int(t26.loc[3, "actual"])), exact(int(t30_total.running)), check="cross-table", source_line=2381),
        compare_total("cluster_programme", "row 4 projects completed: Table 26 actual vs Table 30 printed total (1401)",
                      exact(int(t26.loc[4, "actual"])), exact(int(t30_total.completed_1401)), check="cross-table",
                      source_line=2383),
        compare_total("cluster_programme", "row 4 projects completed: Table 26 actual vs Table 32 printed total",
                      exact(int(t26.loc[4, "actual"])), exact(int(body_rows(t32, "total").completed_1401.iloc[0])),
                      check="cross-table", source_line=2383),
    ]
    return out


#: Table 27's exports row (``indicator_en``), the appendix's worked example of the rounding rule.
EXPORTS = "Exports of supported firms"

CHANGE_PROSE = {  # indicator_en -> (line, printed absolute increase) where the prose states one
    "Firms in supported clusters": (2504, 21310),
    "Total sales of cluster products": (2559, 877),
}


@audit
def cluster_indicators() -> list[Finding]:
    df = load("cluster_indicators")
    out = []
    for r in df.itertuples():
        before, after = figure(r.before, r.unit), figure(r.after, r.unit)
        # after / before - 1, each printed figure once (see analysis.sources.audit.intervals)
        out.append(compare("cluster_indicators", "after/before - 1 vs printed change %", r.indicator_en,
                           rounded(r.change_pct_printed), 100 * (after / before - 1), source_line=int(r.source_line)))
        if r.indicator_en in CHANGE_PROSE:
            ln, v = CHANGE_PROSE[r.indicator_en]
            out.append(compare_total("cluster_indicators", f"{r.indicator_en}: increase stated in prose (line {ln})",
                                     figure(printed_on("002", ln, v), r.unit), after - before, check="table vs prose",
                                     source_line=ln))
    emp = df[df.indicator_en == "Employment in supported clusters"].iloc[0]
    # 'در حدود 205 هزار نفر': an approximate figure, one unit of its last digit (a thousand persons) either side
    out.append(compare_total("cluster_indicators", "employment increase: prose 'about 205 thousand' (line 2519)",
                             Interval.about(printed_on("002", 2519, 205)) * 1000, exact(emp.after) - exact(emp.before),
                             check="table vs prose", source_line=2519, note="rounded in the prose"))
    sales = df[df.indicator_en == "Total sales of cluster products"].iloc[0]
    exports = df[df.indicator_en == EXPORTS].iloc[0]
    out.append(Finding("cluster_indicators", "unit plausibility",
                       "total sales (billion rials) vs exports (billion US dollars)", sales.after, exports.after, "unit",
                       int(sales.source_line),
                       "sales of 2595 billion rials are far below exports of 2.2 billion dollars at any 1401 exchange "
                       "rate (several hundred thousand rials per dollar), so the sales unit is probably misprinted; "
                       "the prose (line 2557) also labels the sales figure 'total employment'"))
    return out


def _name_counts(table: str, status: str) -> Counter:
    names = load("cluster_project_names")
    sel = names[(names.table == table) & (names.status == status)]
    return Counter(sel.province)


@audit
def cluster_projects() -> list[Finding]:
    t30 = load("cluster_projects_by_province")
    total = total_row(t30)
    body = body_rows(t30, "province")
    out = compare_columns("cluster_projects_by_province", ("running", "completed_total", "completed_1401"),
                          "{col}: 31 provinces vs printed total (مجموع)", body_kind="province", count=True)
    out.append(compare_total("cluster_projects_by_province", "completed clusters: prose (line 2668) vs Table 30 total",
                             exact(printed_on("002", 2668, 129)), exact(int(total.completed_total)), check="table vs prose",
                             source_line=2668))
    # names listed vs printed counts, per province
    status_col = {"running_1401": "running", "completed_total": "completed_total", "completed_1401": "completed_1401"}
    for status, col in status_col.items():
        counts = _name_counts("30", status)
        for r in body.itertuples():
            n_names = counts.get(r.province, 0)
            printed = int(getattr(r, col))
            if n_names != printed:
                out.append(compare_total("cluster_project_names", f"{r.province} {col}: names listed vs printed count",
                                         exact(printed), exact(n_names), check="names listed vs printed count",
                                         source_line=int(r.source_line)))
    # Table 31
    t31 = load("cluster_projects_started")
    t31_total = total_row(t31)
    t31_body = body_rows(t31, "province")
    out.append(compare_total("cluster_projects_started", "started in 1401: 21 provinces vs printed total (مجموع)",
                             exact(int(t31_total.started_1401)), exact(int(t31_body.started_1401.sum())),
                             source_line=int(t31_total.source_line)))
    out.append(compare_total("cluster_projects_started", "started in 1401: prose (line 2829) vs printed total",
                             exact(printed_on("002", 2829, 27)), exact(int(t31_total.started_1401)), check="table vs prose",
                             source_line=2829))
    started = _name_counts("31", "started_1401")
    bad = [r.province for r in t31_body.itertuples() if started.get(r.province, 0) != r.started_1401]
    out.append(compare_total("cluster_projects_started", "all 21 provinces", exact(0), exact(len(bad)),
                             check="names listed vs printed count", source_line=2967, note=", ".join(bad)))
    # started in 1401 should be among the running projects (Table 30)
    names = load("cluster_project_names")
    running = set(zip(names[names.status == "running_1401"].province, names[names.status == "running_1401"].cluster_fa))
    missing = [f"{p}: {c}" for p, c in zip(names[names.table == "31"].province, names[names.table == "31"].cluster_fa)
               if (p, c) not in running]
    out.append(Finding("cluster_project_names", "started (Table 31) listed among running (Table 30)",
                       "clusters started in 1401", 0, len(missing), "ok" if not missing else "note", 2967,
                       "names differ in wording or are absent: " + "; ".join(missing)))
    # Table 32 vs Table 30 completed in 1401
    t32 = load("cluster_projects_completed_1401")
    out.append(compare_total("cluster_projects_completed_1401", "completed in 1401: names listed vs printed total",
                             exact(int(body_rows(t32, "total").completed_1401.iloc[0])),
                             exact(int(_name_counts("32", "completed_1401").total())), source_line=3030))
    a = _name_counts("32", "completed_1401")
    b = _name_counts("30", "completed_1401")
    diff = sorted(set(a.items()) ^ set(b.items()))
    out.append(Finding("cluster_project_names", "cross-table", "completed in 1401 per province: Table 32 vs Table 30",
                       sum(a.values()), sum(b.values()), "ok" if not diff else "discrepancy", 3018, str(diff) if diff else ""))
    return out


@audit
def subcontracting() -> list[Finding]:
    out = compare_percent_rows("subcontracting_plan_actual", "item_en")
    reg = load("subcontracting_plan_actual").iloc[0]
    # 1800 is a round figure of the summary of results (line 3094, beside '10 secretariats' and 'more than
    # 100 national employers'): read as rounded to the hundred
    out.append(compare_total("subcontracting_plan_actual", "units registered: prose 1800 (line 3094) vs table actual",
                             rounded(printed_on("002", 3094, 1800), -2), exact(reg.actual), check="table vs prose",
                             source_line=3094, note="rounded in the prose (read as rounded to the hundred)"))
    sec = load("subcontracting_secretariats")
    out.append(compare_total("subcontracting_secretariats", "secretariats: rows vs prose (line 3092: 10)",
                             exact(printed_on("002", 3092, 10)), exact(len(sec)), check="table vs prose", source_line=3092))
    return out
