"""Audit of 002 Tables 18-34 (part 002b): printed totals and percentages, cross-table and
table-vs-prose consistency. Figures quoted from the prose are read from their seed line
(:func:`prose`), which fails if the number is not printed there.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.core.digits import numbers_on_line
from analysis.core.paths import seed_lines
from analysis.sources.audit import Finding, audit, compare_percent, compare_total
from analysis.sources.datasets import load


def prose(line_no: int, value: float) -> float:
    """A figure printed in the running text of 002 on ``line_no`` (checked to be there)."""
    if float(value) not in numbers_on_line(seed_lines("002")[line_no - 1]):
        raise ValueError(f"{value} is not printed on 002 line {line_no}")
    return value


def _pcts(name: str, label_col: str) -> list[Finding]:
    """Printed achievement % vs 100 * actual / plan, cited at the line holding the numbers."""
    df = load(name)
    out = []
    for _, r in df.iterrows():
        end = r.get("source_line_end")
        line = int(end) if end is not None and not pd.isna(end) else int(r["source_line"])
        out.append(compare_percent(name, str(r[label_col]), float(r["pct_printed"]), float(r["actual"]),
                                   float(r["plan"]), source_line=line))
    return out


# ------------------------------------------------------------------ Tables 18-25
@audit
def tech_centres() -> list[Finding]:
    df = load("tech_centre_projects")
    return [compare_total("tech_centre_projects", "credit spent in 1401: 5 projects vs prose (90000 million rials)",
                          prose(1400, 90000), int(df.credit_spent_1401.sum()), check="row sum vs prose",
                          source_line=1400)]


@audit
def wastewater() -> list[Finding]:
    out = _pcts("wastewater_plan_actual", "unit_en")
    t19 = load("wastewater_plan_actual").set_index("unit_en")
    t20 = load("wastewater_by_province")
    total = t20[t20.row_kind == "total"].iloc[0]
    body = t20[t20.row_kind == "province"]
    for col in ("estates_plan", "estates_actual", "modules_plan", "modules_actual"):
        out.append(compare_total("wastewater_by_province", f"{col}: 31 provinces vs printed total (جمع)",
                                 int(total[col]), int(body[col].sum()), source_line=int(total.source_line)))
    for col, unit in (("estates", "industrial estate/zone"), ("modules", "treatment module")):
        for kind in ("plan", "actual"):
            out.append(compare_total("wastewater_by_province", f"{col}_{kind}: Table 20 total vs Table 19 {kind}",
                                     int(t19.loc[unit, kind]), int(total[f"{col}_{kind}"]),
                                     check="cross-table", source_line=int(total.source_line)))
    mod_actual = int(t19.loc["treatment module", "actual"])
    out.append(compare_total("wastewater_plan_actual", "modules brought into operation: prose (line 1454) vs Table 19 actual",
                             prose(1454, 12), mod_actual, check="table vs prose", source_line=1454,
                             note="the prose quotes 12 modules, the planned figure"))
    out.append(compare_total("wastewater_plan_actual", "modules brought into operation: prose (line 1736) vs Table 19 actual",
                             prose(1736, 9), mod_actual, check="table vs prose", source_line=1736))
    out.append(Finding("wastewater_plan_actual", "table vs prose",
                       "plants in operation: '250 modules in 196 estates' (line 1456) vs '250 plants in 269 modules' (line 1738-1740)",
                       prose(1456, 250), prose(1740, 269), "note", 1738,
                       "the prose counts plants and modules inconsistently (250 modules vs 269 modules)"))
    return out


@audit
def green_space() -> list[Finding]:
    return _pcts("green_space", "item_en")


@audit
def environment() -> list[Finding]:
    df = load("environment_plan_actual").set_index("item_en")
    units = int(df.loc["Industrial units connected to a treatment plant", "actual"])
    eia = int(df.loc["Environmental impact assessment studies", "actual"])
    studies = int(df.loc["Design studies of wastewater treatment plants and effluent-reuse systems", "actual"])
    cap = load("wastewater_capacity").set_index("row_no")
    return [
        compare_total("environment_plan_actual", "units connected in 1401: prose (line 1742) vs table actual",
                      prose(1742, 1905), units, check="table vs prose", source_line=1715),
        compare_total("environment_plan_actual", "environmental assessments approved: prose (line 1756) vs table actual",
                      prose(1756, 17), eia, check="table vs prose", source_line=1721),
        compare_total("environment_plan_actual",
                      "design + reuse studies approved: prose (line 1754: 17 + 6) vs table actual",
                      prose(1754, 17) + prose(1754, 6), studies, check="table vs prose", source_line=1717,
                      note="the prose may count approvals, the table studies carried out"),
        compare_total("wastewater_capacity", "capacity m3/day: prose (line 1740) vs table",
                      prose(1740, 186998), int(cap.loc[1, "value"]), check="table vs prose", source_line=1732),
        compare_total("wastewater_capacity", "units connected: prose (line 1746) vs table",
                      prose(1746, 29717), int(cap.loc[2, "value"]), check="table vs prose", source_line=1734),
        Finding("wastewater_capacity", "table vs prose",
                "coverage: printed 73 % (line 1748) vs 29717 connected / 37170 covered units",
                prose(1748, 73), round(100 * 29717 / prose(1748, 37170), 2), "note", 1748,
                "the denominator of the printed 73 % is not stated; 29717/37170 gives 79.9 %"),
    ]


@audit
def fire() -> list[Finding]:
    df = load("fire_stations")
    out = []
    for item, prose_line, prose_val in (("fire stations", 1799, 309), ("fire engines", 1797, 390)):
        d = df[df.item == item]
        total = d[d.measure == "total"].iloc[0]
        added = int(d[d.measure == "added_in_year"].value.iloc[0])
        cum = d[d.measure == "cumulative_to_end_of_year"].sort_values("year")
        c1400 = int(cum[cum.year == 1400].value.iloc[0])
        out.append(compare_total("fire_stations", f"{item}: end-1400 stock + added in 1401 vs printed total",
                                 int(total.value), c1400 + added, check="stock + flow vs printed total",
                                 source_line=int(total.source_line)))
        out.append(compare_total("fire_stations", f"{item}: printed total vs prose (line {prose_line})",
                                 prose(prose_line, prose_val), int(total.value), check="table vs prose",
                                 source_line=prose_line))
        falls = int((cum.value.diff() < 0).sum())
        out.append(Finding("fire_stations", "cumulative series never falls", f"{item}: years 1391-1400",
                           0, falls, "ok" if falls == 0 else "discrepancy", int(total.source_line)))
    return out


# ------------------------------------------------------------------ Tables 26-34
@audit
def cluster_programme() -> list[Finding]:
    out = _pcts("cluster_programme", "item_en")
    t26 = load("cluster_programme").set_index("row_no")
    t28 = load("cluster_map_updates")
    t29 = load("cluster_feasibility_by_province")
    t30 = load("cluster_projects_by_province")
    t30_total = t30[t30.row_kind == "total"].iloc[0]
    t32 = load("cluster_projects_completed_1401")
    out += [
        compare_total("cluster_programme", "row 1 map-update projects: Table 26 actual vs Table 28 rows",
                      int(t26.loc[1, "actual"]), len(t28), check="cross-table", source_line=2377),
        compare_total("cluster_map_updates", "map-update projects: prose (line 2591) vs Table 28 rows",
                      prose(2591, 7), len(t28), check="table vs prose", source_line=2591),
        compare_total("cluster_programme", "row 2 feasibility studies: Table 26 actual vs Table 29 sum",
                      int(t26.loc[2, "actual"]), int(t29.studies_completed.sum()), check="cross-table", source_line=2379),
        compare_total("cluster_feasibility_by_province", "feasibility studies completed: prose (line 2624) vs Table 29 sum",
                      prose(2624, 27), int(t29.studies_completed.sum()), check="table vs prose", source_line=2624),
        compare_total("cluster_programme", "row 3 projects running: Table 26 actual vs Table 30 printed total",
                      int(t26.loc[3, "actual"]), int(t30_total.running), check="cross-table", source_line=2381),
        compare_total("cluster_programme", "row 4 projects completed: Table 26 actual vs Table 30 printed total (1401)",
                      int(t26.loc[4, "actual"]), int(t30_total.completed_1401), check="cross-table", source_line=2383),
        compare_total("cluster_programme", "row 4 projects completed: Table 26 actual vs Table 32 printed total",
                      int(t26.loc[4, "actual"]), int(t32[t32.row_kind == "total"].completed_1401.iloc[0]),
                      check="cross-table", source_line=2383),
    ]
    return out


CHANGE_PROSE = {  # indicator_en -> (line, printed absolute increase) where the prose states one
    "Firms in supported clusters": (2504, 21310),
    "Total sales of cluster products": (2559, 877),
}


@audit
def cluster_indicators() -> list[Finding]:
    df = load("cluster_indicators")
    out = []
    for r in df.itertuples():
        ratio = 100.0 * (r.after - r.before) / r.before
        verdict = "ok" if round(ratio) == r.change_pct_printed else (
            "rounding" if abs(ratio - r.change_pct_printed) < 1.0001 else "discrepancy")
        out.append(Finding("cluster_indicators", "after/before - 1 vs printed change %", r.indicator_en,
                           r.change_pct_printed, round(ratio, 4), verdict, int(r.source_line)))
        if r.indicator_en in CHANGE_PROSE:
            ln, v = CHANGE_PROSE[r.indicator_en]
            out.append(compare_total("cluster_indicators", f"{r.indicator_en}: increase stated in prose (line {ln})",
                                     prose(ln, v), round(r.after - r.before), check="table vs prose", source_line=ln))
    emp = df[df.indicator_en == "Employment in supported clusters"].iloc[0]
    out.append(Finding("cluster_indicators", "table vs prose", "employment increase: prose 'about 205 thousand' (line 2519)",
                       prose(2519, 205) * 1000, emp.after - emp.before, "ok", 2519, "rounded in the prose"))
    sales = df[df.indicator_en == "Total sales of cluster products"].iloc[0]
    exports = df[df.indicator_en == "Exports of supported firms"].iloc[0]
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
    out = []
    t30 = load("cluster_projects_by_province")
    total = t30[t30.row_kind == "total"].iloc[0]
    body = t30[t30.row_kind == "province"]
    for col in ("running", "completed_total", "completed_1401"):
        out.append(compare_total("cluster_projects_by_province", f"{col}: 31 provinces vs printed total (مجموع)",
                                 int(total[col]), int(body[col].sum()), source_line=int(total.source_line)))
    out.append(compare_total("cluster_projects_by_province", "completed clusters: prose (line 2668) vs Table 30 total",
                             prose(2668, 129), int(total.completed_total), check="table vs prose", source_line=2668))
    # names listed vs printed counts, per province
    status_col = {"running_1401": "running", "completed_total": "completed_total", "completed_1401": "completed_1401"}
    for status, col in status_col.items():
        counts = _name_counts("30", status)
        for r in body.itertuples():
            n_names = counts.get(r.province, 0)
            printed = int(getattr(r, col))
            if n_names != printed:
                out.append(compare_total("cluster_project_names", f"{r.province} {col}: names listed vs printed count",
                                         printed, n_names, check="names listed vs printed count",
                                         source_line=int(r.source_line)))
    # Table 31
    t31 = load("cluster_projects_started")
    t31_total = t31[t31.row_kind == "total"].iloc[0]
    t31_body = t31[t31.row_kind == "province"]
    out.append(compare_total("cluster_projects_started", "started in 1401: 21 provinces vs printed total (مجموع)",
                             int(t31_total.started_1401), int(t31_body.started_1401.sum()),
                             source_line=int(t31_total.source_line)))
    out.append(compare_total("cluster_projects_started", "started in 1401: prose (line 2829) vs printed total",
                             prose(2829, 27), int(t31_total.started_1401), check="table vs prose", source_line=2829))
    started = _name_counts("31", "started_1401")
    bad = [r.province for r in t31_body.itertuples() if started.get(r.province, 0) != r.started_1401]
    out.append(Finding("cluster_projects_started", "names listed vs printed count", "all 21 provinces",
                       0, len(bad), "ok" if not bad else "discrepancy", 2967, ", ".join(bad)))
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
                             int(t32[t32.row_kind == "total"].completed_1401.iloc[0]),
                             int(_name_counts("32", "completed_1401").total()), source_line=3030))
    a = _name_counts("32", "completed_1401")
    b = _name_counts("30", "completed_1401")
    diff = sorted(set(a.items()) ^ set(b.items()))
    out.append(Finding("cluster_project_names", "cross-table", "completed in 1401 per province: Table 32 vs Table 30",
                       sum(a.values()), sum(b.values()), "ok" if not diff else "discrepancy", 3018, str(diff) if diff else ""))
    return out


@audit
def subcontracting() -> list[Finding]:
    out = _pcts("subcontracting_plan_actual", "item_en")
    reg = load("subcontracting_plan_actual").iloc[0]
    out.append(Finding("subcontracting_plan_actual", "table vs prose",
                       "units registered: prose 'about 1800' (line 3094) vs table actual", prose(3094, 1800),
                       float(reg.actual), "ok", 3094, "rounded in the prose"))
    sec = load("subcontracting_secretariats")
    out.append(compare_total("subcontracting_secretariats", "secretariats: rows vs prose (line 3092: 10)",
                             prose(3092, 10), len(sec), check="table vs prose", source_line=3092))
    return out
