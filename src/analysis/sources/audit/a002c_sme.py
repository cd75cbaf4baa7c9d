"""Audit of 002 Tables 35-63 (technology services, loan schemes, training, exports): printed
totals, printed percentages, the schemes' leverage identities, and cross-checks between tables,
charts and prose within 002 lines 3113-4662."""
from __future__ import annotations

import pandas as pd

from analysis.core.paths import seed_lines
from analysis.sources.audit import Finding, audit, compare_percent, compare_total
from analysis.sources.datasets import load


def _prose(topic: str, item: str) -> tuple[int, int]:
    df = load("sme_support_prose_figures")
    r = df[(df.topic == topic) & (df["item"] == item)].iloc[0]
    return int(r.value), int(r.source_line)


def _note(ds, check, item, printed, recomputed, line, note, verdict="note") -> Finding:
    return Finding(ds, check, item, printed, recomputed, verdict, line, note)


@audit
def effectiveness_totals() -> list[Finding]:
    out = []
    for ds in ("tech_centre_projects_by_indicator", "tech_town_projects_by_indicator"):
        df = load(ds)
        tot = df[df.row_kind == "total"].iloc[0]
        out.append(compare_total(ds, "projects: indicators vs printed total (جمع)", int(tot.projects),
                                 int(df[df.row_kind == "item"].projects.sum()), source_line=int(tot.source_line)))
    return out


@audit
def tech_town_totals() -> list[Finding]:
    ds = "tech_town_components"
    df = load(ds)
    tot = df[df.row_kind == "total"].iloc[0]
    body = df[df.row_kind == "province"]
    cols = ["production_operational", "production_assigned", "rnd_operational", "rnd_assigned",
            "lab_operational", "lab_assigned", "consultants"]
    out = [compare_total(ds, f"{c}: 6 towns vs printed total (مجموع)", int(tot[c]), int(body[c].sum()),
                         source_line=int(tot.source_line)) for c in cols]
    v, line = _prose("tech towns", "engineering consultants settled in technology towns")
    out.append(compare_total(ds, "consultants: printed total vs prose (239 consultants)", v, int(tot.consultants),
                             check="table vs prose", source_line=line))
    v, line = _prose("tech towns", "technology units established in technology towns")
    out.append(compare_total(ds, "assigned production + R&D units + laboratories (total row) vs prose (164 units)", v,
                             int(tot.production_assigned + tot.rnd_assigned + tot.lab_assigned),
                             check="table vs prose", source_line=line))
    return out


def _chart_digits(first: int, last: int) -> list[int]:
    """Chart 16 prints each bar value as a column of single digits, one per line, groups
    separated by blank lines."""
    ls = seed_lines("002")
    groups, cur = [], ""
    for n in range(first, last + 1):
        t = ls[n - 1].strip()
        if t.isdigit() and len(t) == 1:
            cur += t
        elif cur:
            groups.append(int(cur))
            cur = ""
    if cur:
        groups.append(int(cur))
    return groups


@audit
def loan_budget_checks() -> list[Finding]:
    ds = "loan_scheme_budgets"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        item = f"Table {r.table_no} {r.scheme} {r.year} {r.funding_form}: allocated / approved"
        out.append(compare_percent(ds, item, float(r.allocated_pct_printed), int(r.allocated), int(r.approved),
                                   source_line=int(r.source_line)))
    # Chart 15 (lines 3519-3525) prints 58200, 50470, 31500, 40000 for Table 40.
    ls = seed_lines("002")
    chart15 = [int(ls[n - 1].strip()) for n in (3519, 3521, 3523, 3525)]
    t40 = df[df.table_no == "40"].set_index("year")
    for (label, val), line in zip([("approved 1400", t40.approved[1400]), ("approved 1401", t40.approved[1401]),
                                   ("allocated 1400", t40.allocated[1400]), ("allocated 1401", t40.allocated[1401])],
                                  (3519, 3521, 3523, 3525)):
        out.append(compare_total(ds, f"Table 40 {label} vs Chart 15", chart15.pop(0), int(val),
                                 check="table vs chart", source_line=line))
    # Chart 16 (lines 3675-3701): 1400 approved, 1401 approved, 1400 allocated, 1401 allocated.
    c16 = _chart_digits(3675, 3701)
    t43 = df[df.table_no == "43"]
    sums = {(y, c): int(t43[t43.year == y][c].sum()) for y in (1400, 1401) for c in ("approved", "allocated")}
    for val, key in zip(c16, [(1400, "approved"), (1401, "approved"), (1400, "allocated"), (1401, "allocated")]):
        out.append(compare_total(ds, f"Table 43 {key[1]} {key[0]} (cash + bonds rows) vs Chart 16", val, sums[key],
                                 check="table vs chart", source_line=3675,
                                 note="Chart 16 value read from its vertical digits, lines 3675-3701"))
    return out


@audit
def loan_facility_checks() -> list[Finding]:
    ds = "loan_scheme_bank_facilities"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        tag = f"Table {r.table_no} {r.scheme} {r.year}"
        line = int(r.source_line)
        out.append(compare_total(ds, f"{tag}: deposited + bank resources vs printed total facilities",
                                 int(r.facilities_total), int(r.deposited + r.bank_resources), source_line=line))
        ratio = r.bank_resources / r.deposited
        if not pd.isna(r.leverage_printed):
            out.append(compare_total(ds, f"{tag}: bank resources / deposited funds vs printed ratio",
                                     float(r.leverage_printed), round(float(ratio), 4), check="printed leverage",
                                     source_line=line, tol=0.005))
        else:
            out.append(_note(ds, "leverage (not printed)", f"{tag}: bank resources / deposited funds", None,
                             round(float(ratio), 4), line,
                             f"facilities / deposits = {float(r.facilities_total / r.deposited):.2f}"))
        if not pd.isna(r.contracts):
            out.append(compare_total(ds, f"{tag}: contract bank share + organisation share vs printed contract total",
                                     int(r.contract_total), int(r.contract_bank_share + r.contract_org_share),
                                     source_line=line))
            out.append(_note(ds, "contracts vs facilities payable", f"{tag}: contracts total / facilities payable",
                             int(r.facilities_total), int(r.contract_total), line,
                             f"{100 * r.contract_total / r.facilities_total:.1f}% of the payable facilities contracted"))
        if not pd.isna(r.returned_to_treasury) and not pd.isna(r.contract_org_share):
            out.append(compare_total(ds, f"{tag}: deposited - organisation share of contracts vs printed returned to treasury",
                                     int(r.returned_to_treasury), int(r.deposited - r.contract_org_share),
                                     check="returned to treasury", source_line=line))
        if not pd.isna(r.approved_budget):
            out.append(_note(ds, "deposited vs approved", f"{tag}: deposited / approved budget",
                             int(r.approved_budget), int(r.deposited), line,
                             f"{100 * r.deposited / r.approved_budget:.2f}% of the approved internal resources deposited"))
    # Cross-table: deposits of Tables 41/44 equal the deposits of Tables 40/43.
    bud = load("loan_scheme_budgets")
    for tab, btab in (("41", "40"), ("44", "43")):
        for _, r in df[df.table_no == tab].iterrows():
            b = int(bud[(bud.table_no == btab) & (bud.year == r.year)].deposited.sum())
            out.append(compare_total(ds, f"Table {tab} {r.year} deposited vs Table {btab} deposited", b, int(r.deposited),
                                     check="cross-table", source_line=int(r.source_line)))
    t46 = df[df.table_no == "46"].iloc[0]
    for item in ("internal resources approved 1401", "internal resources deposited 1401"):
        v, line = _prose("technical_credit_internal", item)
        col = "approved_budget" if "approved" in item else "deposited"
        out.append(compare_total(ds, f"Table 46 {col} vs prose", v, int(t46[col]), check="table vs prose",
                                 source_line=line))
    out.append(compare_total(ds, "Table 46 bank resources vs 4 x deposited (prose line 3769: bank four times the companies' share)",
                             int(t46.bank_resources), int(4 * t46.deposited), check="printed rule", source_line=3802))
    out.append(_note(ds, "unit oddity", "Tables 46 and 47: money printed without thousands separators",
                     None, None, 3891, "Table 47 line 3891 mixes 28500/85500 (no separator) with 57.000/28.500/85.500 in one row; "
                     "Table 46 prints 7235000 etc. All read as million rials; the sums confirm it.", verdict="unit"))
    return out


@audit
def loan_achievement_checks() -> list[Finding]:
    ds = "loan_scheme_achievements"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        dec = 1 if r.pct_printed % 1 else 0
        out.append(compare_percent(ds, f"Table {r.table_no} {r.scheme}: {r.indicator}", float(r.pct_printed),
                                   int(r.actual), int(r.target), decimals=dec, source_line=int(r.source_line)))
    pairs = [("42", "industrial firms assisted", "renovation", "industrial units financed 1390-1401"),
             ("45", "projects assisted", "technical_credit_public", "projects and units financed to end 1401"),
             ("45", "employment", "technical_credit_public", "jobs created or stabilised to end 1401"),
             ("48", "industrial firms assisted", "dairy", "industrial units financed 1392-1401")]
    for tab, ind, topic, item in pairs:
        v, line = _prose(topic, item)
        a = int(df[(df.table_no == tab) & (df.indicator == ind)].actual.iloc[0])
        out.append(compare_total(ds, f"Table {tab} {ind} vs prose", v, a, check="table vs prose", source_line=line))
    for topic, parts, whole in (("renovation", ["units renovated (machinery, production lines)", "units given working capital"],
                                 "industrial units financed 1390-1401"),
                                ("technical_credit_public", ["half-finished projects completed", "active units given working capital"],
                                 "projects and units financed to end 1401")):
        v, line = _prose(topic, whole)
        out.append(compare_total(ds, f"{topic}: prose breakdown ({' + '.join(parts)}) vs prose total", v,
                                 sum(_prose(topic, p)[0] for p in parts), check="prose arithmetic", source_line=line))
    return out


@audit
def training_export_checks() -> list[Finding]:
    ds = "training_export_plan_actual"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        item = f"Table {r.table_no} row {r.row_no}: {r.indicator}"
        if pd.isna(r.pct_printed):
            out.append(_note(ds, "actual/plan (no % printed)", item, None,
                             round(100 * r.actual_1401 / r.plan_1401, 4), int(r.source_line), "no percentage printed"))
            continue
        dec = 1 if float(r.pct_printed) % 1 else 0
        note = "printed '4/218' read as 218.4 (flagged)" if not pd.isna(r.flag) else ""
        out.append(compare_percent(ds, item, float(r.pct_printed), int(r.actual_1401), int(r.plan_1401), decimals=dec,
                                   source_line=int(r.source_line), note=note))
    get = lambda t, n, c: int(df[(df.table_no == t) & (df.row_no == n)][c].iloc[0])  # noqa: E731
    types = load("training_course_types")
    out.append(compare_total(ds, "Table 49 courses held 1401 vs Table 50 total", int(types[types.row_kind == "total"].courses.iloc[0]),
                             get("49", 1, "actual_1401"), check="cross-table", source_line=4106))
    out.append(compare_total(ds, "Table 52 skills courses 1401 vs Table 50 skills row", int(types[types.course_type == "skills"].courses.iloc[0]),
                             get("52", 1, "actual_1401"), check="cross-table", source_line=4102))
    th = load("theses_by_degree")
    out.append(compare_total(ds, "Table 54 theses 1401 vs Table 55 total", int(th[th.row_kind == "total"].theses.iloc[0]),
                             get("54", 1, "actual_1401"), check="cross-table", source_line=4306))
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
        v, line = _prose(topic, item)
        note = ""
        if t == "59" and c == "plan_1401":
            note = "the prose's 70 are applicants registered, the table's 70 the 1401 target"
        if t == "61" and c == "actual_1401":
            out.append(_note(ds, "table vs prose", f"Table {t} {c} vs prose ('about' {v})", v, get(t, n, c), line,
                             "prose says 'بالغ بر 3000' (about 3000) million USD for 858 units; the table prints 3076"))
            continue
        out.append(compare_total(ds, f"Table {t} row {n} {c} vs prose ({item})", v, get(t, n, c),
                                 check="table vs prose", source_line=line, note=note))
    dom, _ = _prose("exhibitions", "units attending domestic exhibitions")
    fore, line = _prose("exhibitions", "units attending foreign exhibitions")
    out.append(compare_total(ds, "Table 63 actual vs prose domestic + foreign units (4043 + 763)", get("63", 1, "actual_1401"),
                             dom + fore, check="table vs prose", source_line=line))
    return out


@audit
def course_type_and_subject_checks() -> list[Finding]:
    out = []
    ds = "training_course_types"
    df = load(ds)
    tot = df[df.row_kind == "total"].iloc[0]
    items = df[df.row_kind == "item"]
    out.append(compare_total(ds, "courses: 3 types vs printed total (جمع کل)", int(tot.courses), int(items.courses.sum()),
                             source_line=int(tot.source_line)))
    out.append(compare_total(ds, "percent: 3 types vs printed total 100", float(tot.pct_printed), float(items.pct_printed.sum()),
                             source_line=int(tot.source_line)))
    for _, r in items.iterrows():
        out.append(compare_percent(ds, f"{r.course_type}: share of all courses", float(r.pct_printed), int(r.courses),
                                   int(tot.courses), source_line=int(r.source_line if pd.isna(r.source_line_end) else r.source_line_end)))
    ds = "training_course_subjects"
    sub = load(ds)
    out.append(compare_total(ds, "courses: 15 subject categories vs Table 50 total (4654)", int(tot.courses),
                             int(sub.courses.sum()), check="cross-table", source_line=4156))
    out.append(compare_total(ds, "printed percents of the 15 categories vs 100", 100, float(sub.pct_printed.sum()),
                             check="percent sum", source_line=4158, tol=2, note="whole-number percents; up to 2 points of rounding tolerated"))
    for _, r in sub.iterrows():
        out.append(compare_percent(ds, f"category {r.position}: share of 4654 courses", float(r.pct_printed), int(r.courses),
                                   int(tot.courses), source_line=4158))
    ds = "theses_by_degree"
    th = load(ds)
    out.append(compare_total(ds, "theses: doctoral + master's vs printed total", int(th[th.row_kind == "total"].theses.iloc[0]),
                             int(th[th.row_kind == "item"].theses.sum()), source_line=4306))
    return out
