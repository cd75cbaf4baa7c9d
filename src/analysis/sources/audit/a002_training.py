"""Audit of 002 training and SME promotion (``extract/s002_training``): printed percentages of
Tables 49-63, cross-checks between Tables 49-55 and against the prose of chapter 3, the
course types and subjects against their totals, and the organisation's staff courses
(participants x hours = person-hours). Courses, persons, theses, units and the other counted
things are exact; exports (million US dollars) and percentages are rounded at their last printed
digit.
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    chapter3_prose,
    compare_percent,
    compare_total,
    exact,
    figure,
    note_finding,
    rounded,
    total_row,
)
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load


@audit
def training_export_checks() -> list[Finding]:
    ds = "training_export_plan_actual"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        item = f"Table {r.table_no} row {r.row_no}: {r.indicator}"
        if pd.isna(r.pct_printed):
            out.append(note_finding(ds, "actual/plan (no % printed)", item, None,
                             round(100 * r.actual_1401 / r.plan_1401, 4), int(r.source_line), "no percentage printed"))
            continue
        note = "printed '4/218' read as 218.4 (flagged)" if not pd.isna(r.flag) else ""
        out.append(compare_percent(ds, item, float(r.pct_printed), figure(r.actual_1401, r.unit), figure(r.plan_1401, r.unit),
                                   source_line=int(r.source_line), note=note))
    get = lambda t, n, c: int(df[(df.table_no == t) & (df.row_no == n)][c].iloc[0])  # noqa: E731
    unit = lambda t, n: df[(df.table_no == t) & (df.row_no == n)].unit.iloc[0]  # noqa: E731
    types = load("training_course_types")
    out.append(compare_total(ds, "Table 49 courses held 1401 vs Table 50 total", exact(int(body_rows(types, "total").courses.iloc[0])),
                             exact(get("49", 1, "actual_1401")), check="cross-table", source_line=4106))
    out.append(compare_total(ds, "Table 52 skills courses 1401 vs Table 50 skills row",
                             exact(int(types[types.course_type == "skills"].courses.iloc[0])),
                             exact(get("52", 1, "actual_1401")), check="cross-table", source_line=4102))
    th = load("theses_by_degree")
    out.append(compare_total(ds, "Table 54 theses 1401 vs Table 55 total", exact(int(body_rows(th, "total").theses.iloc[0])),
                             exact(get("54", 1, "actual_1401")), check="cross-table", source_line=4306))
    checks = [  # (table, row, column, prose topic, prose item)
        ("54", 1, "actual_1401", "theses", "thesis contracts 1401"),
        ("56", 1, "actual_1401", "start-ups", "top start-up ideas supported 1401"),
        ("56", 2, "actual_1401", "start-ups", "start-up events held 1401"),
        ("57", 1, "actual_1401", "insurance", "special insurance policies 1401"),
        ("58", 1, "actual_1401", "documentation", "volumes/reports/clips of entrepreneurship experience"),
        ("59", 1, "actual_1401", "GIZ", "final participants 1401"),
        ("59", 1, "plan_1401", "GIZ", "applicants registered 1401"),
        ("59", 1, "cumulative_to_1401", "GIZ", "participants since the start"),
        ("60", 1, "plan_1401", "export consortia", "export target 1401"),
        ("60", 1, "actual_1401", "export consortia", "exports achieved 1401"),
        ("60", 1, "cumulative_to_1401", "export consortia", "exports to end 1401"),
        ("61", 1, "actual_1401", "SME exports", "exports 1401 (about)"),
        ("61", 1, "cumulative_to_1401", "SME exports", "exports to end 1401 (about)"),
        ("62", 1, "actual_1401", "export management companies", "exports 1401"),
        ("62", 1, "cumulative_to_1401", "export management companies", "exports to end 1401"),
        ("63", 1, "actual_1401", "exhibitions", "units attending exhibitions 1401"),
    ]
    for t, n, c, topic, item in checks:
        v, line = chapter3_prose(topic, item)
        note = ""
        if t == "59" and c == "plan_1401":
            note = "the prose's 70 are applicants registered, the table's 70 the 1401 target"
        if t == "61" and c == "actual_1401":
            out.append(note_finding(ds, "table vs prose", f"Table {t} {c} vs prose ('about' {v})", v, get(t, n, c), line,
                             "prose says 'بالغ بر 3000' (about 3000) million USD for 858 units; the table prints 3076"))
            continue
        out.append(compare_total(ds, f"Table {t} row {n} {c} vs prose ({item})", figure(v, unit(t, n)),
                                 figure(get(t, n, c), unit(t, n)), check="table vs prose", source_line=line, note=note))
    dom, _ = chapter3_prose("exhibitions", "units attending domestic exhibitions")
    fore, line = chapter3_prose("exhibitions", "units attending foreign exhibitions")
    out.append(compare_total(ds, "Table 63 actual vs prose domestic + foreign units (4043 + 763)",
                             exact(get("63", 1, "actual_1401")), exact(dom) + exact(fore), check="table vs prose",
                             source_line=line))
    return out


@audit
def course_type_and_subject_checks() -> list[Finding]:
    out = []
    ds = "training_course_types"
    df = load(ds)
    tot = total_row(df)
    items = body_rows(df, "item")
    # courses and theses are counts (exact); printed percents are rounded
    out.append(compare_total(ds, "courses: 3 types vs printed total (جمع کل)", exact(int(tot.courses)),
                             exact(int(items.courses.sum())), source_line=int(tot.source_line)))
    out.append(compare_total(ds, "percent: 3 types vs printed total 100", rounded(tot.pct_printed),
                             Interval.sum(rounded(x) for x in items.pct_printed), source_line=int(tot.source_line)))
    for _, r in items.iterrows():
        out.append(compare_percent(ds, f"{r.course_type}: share of all courses", float(r.pct_printed), exact(int(r.courses)),
                                   exact(int(tot.courses)),
                                   source_line=int(r.source_line if pd.isna(r.source_line_end) else r.source_line_end)))
    ds = "training_course_subjects"
    sub = load(ds)
    out.append(compare_total(ds, "courses: 15 subject categories vs Table 50 total (4654)", exact(int(tot.courses)),
                             exact(int(sub.courses.sum())), check="cross-table", source_line=4156))
    out.append(compare_total(ds, "printed percents of the 15 categories vs 100", exact(100),
                             Interval.sum(rounded(x) for x in sub.pct_printed), check="percent sum", source_line=4158,
                             note="whole-number percents: each within half a point of its share"))
    for _, r in sub.iterrows():
        out.append(compare_percent(ds, f"category {r.position}: share of 4654 courses", float(r.pct_printed),
                                   exact(int(r.courses)), exact(int(tot.courses)), source_line=4158))
    ds = "theses_by_degree"
    th = load(ds)
    out.append(compare_total(ds, "theses: doctoral + master's vs printed total", exact(int(body_rows(th, "total").theses.iloc[0])),
                             exact(int(body_rows(th, "item").theses.sum())), source_line=4306))
    return out


@audit
def staff_training() -> list[Finding]:
    df = load("staff_training_courses")
    out = []
    for _, r in df.iterrows():
        # participants, hours of a course and person-hours are counts: exact
        out.append(compare_total("staff_training_courses", f"course {r.course_no}: participants x hours vs printed person-hours",
                                 exact(r.person_hours), exact(r.participants) * exact(r.course_hours),
                                 check="product vs printed", source_line=int(r.source_line)))
        if r.managers > r.participants:
            out.append(Finding("staff_training_courses", "managers within participants", f"course {r.course_no}",
                               float(r.participants), float(r.managers), "discrepancy", int(r.source_line),
                               printed_interval=exact(r.participants), recomputed_interval=exact(r.managers)))
    return out
