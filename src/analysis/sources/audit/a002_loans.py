"""Audit of 002 chapter 3, sections 3-4 to 3-6 (``extract/s002_loans``): the loan and credit
schemes: printed percentages, the schemes' leverage identities (deposits + bank resources
= facilities; bank share = 2 x or 4 x the organisation's), cross-checks between tables,
charts and the prose.

Money (million rials), leverage ratios and percentages are rounded at their last printed digit;
firms, projects and jobs are counts (exact).
"""
from __future__ import annotations

import pandas as pd

from analysis.core import paths
from analysis.sources.audit import (
    Finding,
    audit,
    cell,
    chapter3_prose,
    column_sum,
    compare_percent,
    compare_total,
    exact,
    figure,
    note_finding,
    printed_on,
    quoted,
    rounded,
)
from analysis.sources.datasets import load
from analysis.sources.extract.seedtext import Seed

S = Seed("002")

#: Chart 15's bar labels (Table 40), 002 line -> value printed alone on the line: approved 1400,
#: approved 1401, allocated 1400, allocated 1401 (million rials).
CHART15 = {3519: 58200, 3521: 50470, 3523: 31500, 3525: 40000}
#: Chart 16's bar labels (Table 43), each printed as a column of single digits, one per line, from
#: the line given to the next blank line (lines 3675-3701): approved 1400, approved 1401, allocated
#: 1400, allocated 1401 (million rials).
CHART16 = {3675: 187200, 3682: 170791, 3689: 113500, 3696: 119000}
CHART16_LINES = (3675, 3701)


def _chart_digits(first: int, last: int) -> list[int]:
    """Chart 16 prints each bar value as a column of single digits, one per line, groups
    separated by blank lines."""
    groups, cur = [], ""
    for n in range(first, last + 1):
        t = S.line(n).strip()
        if t.isdigit() and len(t) == 1:
            cur += t
        elif cur:
            groups.append(int(cur))
            cur = ""
    if cur:
        groups.append(int(cur))
    return groups


def chart16() -> list[int]:
    """:data:`CHART16`'s values; with the seed texts present, they must be the digits read down the
    chart's columns (:func:`_chart_digits`), and each is recorded (:func:`analysis.sources.audit.quoted`)."""
    typed = list(CHART16.values())
    if paths.seeds_present() and (read := _chart_digits(*CHART16_LINES)) != typed:
        raise ValueError(f"002 lines {CHART16_LINES[0]}-{CHART16_LINES[1]}: Chart 16's digit columns read {read}, "
                         f"CHART16 types {typed}")
    return [quoted("002", n, v, lambda: True) for n, v in CHART16.items()]


@audit
def loan_budget_checks() -> list[Finding]:
    ds = "loan_scheme_budgets"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        item = f"Table {r.table_no} {r.scheme} {r.year} {r.funding_form}: allocated / approved"
        out.append(compare_percent(ds, item, float(r.allocated_pct_printed), cell(ds, "allocated", r.allocated),
                                   cell(ds, "approved", r.approved), source_line=int(r.source_line)))
    # Chart 15 (lines 3519-3525) prints 58200, 50470, 31500, 40000 for Table 40.
    chart15 = [printed_on("002", n, v) for n, v in CHART15.items()]
    t40 = df[df.table_no == "40"].set_index("year")
    for (label, val), line in zip([("approved 1400", t40.approved[1400]), ("approved 1401", t40.approved[1401]),
                                   ("allocated 1400", t40.allocated[1400]), ("allocated 1401", t40.allocated[1401])],
                                  (3519, 3521, 3523, 3525)):
        out.append(compare_total(ds, f"Table 40 {label} vs Chart 15", rounded(chart15.pop(0)), cell(ds, label.split()[0], val),
                                 check="table vs chart", source_line=line))
    # Chart 16 (lines 3675-3701): 1400 approved, 1401 approved, 1400 allocated, 1401 allocated.
    c16 = chart16()
    t43 = df[df.table_no == "43"]
    sums = {(y, c): column_sum(ds, t43[t43.year == y][c], c) for y in (1400, 1401) for c in ("approved", "allocated")}
    for val, key in zip(c16, [(1400, "approved"), (1401, "approved"), (1400, "allocated"), (1401, "allocated")]):
        out.append(compare_total(ds, f"Table 43 {key[1]} {key[0]} (cash + bonds rows) vs Chart 16", rounded(val), sums[key],
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
        c = {col: cell(ds, col, r[col]) for col in ("deposited", "bank_resources", "facilities_total", "contract_total",
                                                     "contract_bank_share", "contract_org_share", "returned_to_treasury")
             if not pd.isna(r[col])}
        out.append(compare_total(ds, f"{tag}: deposited + bank resources vs printed total facilities",
                                 c["facilities_total"], c["deposited"] + c["bank_resources"], source_line=line))
        ratio = r.bank_resources / r.deposited
        if not pd.isna(r.leverage_printed):
            out.append(compare_total(ds, f"{tag}: bank resources / deposited funds vs printed ratio",
                                     rounded(r.leverage_printed), c["bank_resources"] / c["deposited"], check="printed leverage",
                                     source_line=line))
        else:
            out.append(note_finding(ds, "leverage (not printed)", f"{tag}: bank resources / deposited funds", None,
                             round(float(ratio), 4), line,
                             f"facilities / deposits = {float(r.facilities_total / r.deposited):.2f}"))
        if not pd.isna(r.contracts):
            out.append(compare_total(ds, f"{tag}: contract bank share + organisation share vs printed contract total",
                                     c["contract_total"], c["contract_bank_share"] + c["contract_org_share"],
                                     source_line=line))
            out.append(note_finding(ds, "contracts vs facilities payable", f"{tag}: contracts total / facilities payable",
                             int(r.facilities_total), int(r.contract_total), line,
                             f"{100 * r.contract_total / r.facilities_total:.1f}% of the payable facilities contracted"))
        if not pd.isna(r.returned_to_treasury) and not pd.isna(r.contract_org_share):
            out.append(compare_total(ds, f"{tag}: deposited - organisation share of contracts vs printed returned to treasury",
                                     c["returned_to_treasury"], c["deposited"] - c["contract_org_share"],
                                     check="returned to treasury", source_line=line))
        if not pd.isna(r.approved_budget):
            out.append(note_finding(ds, "deposited vs approved", f"{tag}: deposited / approved budget",
                             int(r.approved_budget), int(r.deposited), line,
                             f"{100 * r.deposited / r.approved_budget:.2f}% of the approved internal resources deposited"))
    # Cross-table: deposits of Tables 41/44 equal the deposits of Tables 40/43.
    bud = load("loan_scheme_budgets")
    for tab, btab in (("41", "40"), ("44", "43")):
        for _, r in df[df.table_no == tab].iterrows():
            b = column_sum("loan_scheme_budgets", bud[(bud.table_no == btab) & (bud.year == r.year)].deposited, "deposited")
            out.append(compare_total(ds, f"Table {tab} {r.year} deposited vs Table {btab} deposited", b,
                                     cell(ds, "deposited", r.deposited), check="cross-table", source_line=int(r.source_line)))
    t46 = df[df.table_no == "46"].iloc[0]
    for item in ("internal resources approved 1401", "internal resources deposited 1401"):
        v, line = chapter3_prose("technical_credit_internal", item)
        col = "approved_budget" if "approved" in item else "deposited"
        out.append(compare_total(ds, f"Table 46 {col} vs prose", rounded(v), cell(ds, col, t46[col]), check="table vs prose",
                                 source_line=line))
    # the rule's factor 4 is exact; the deposits are rounded money
    out.append(compare_total(ds, "Table 46 bank resources vs 4 x deposited (prose line 3769: bank four times the companies' share)",
                             cell(ds, "bank_resources", t46.bank_resources), 4 * cell(ds, "deposited", t46.deposited),
                             check="printed rule", source_line=3802))
    out.append(note_finding(ds, "unit oddity", "Tables 46 and 47: money printed without thousands separators",
                     None, None, 3891, "Table 47 line 3891 mixes 28500/85500 (no separator) with 57.000/28.500/85.500 in one row; "
                     "Table 46 prints 7235000 etc. All read as million rials; the sums confirm it.", verdict="unit"))
    return out


@audit
def loan_achievement_checks() -> list[Finding]:
    ds = "loan_scheme_achievements"
    df = load(ds)
    out = []
    for _, r in df.iterrows():
        out.append(compare_percent(ds, f"Table {r.table_no} {r.scheme}: {r.indicator}", float(r.pct_printed),
                                   figure(r.actual, r.unit), figure(r.target, r.unit), source_line=int(r.source_line)))
    pairs = [("42", "industrial firms assisted", "renovation", "industrial units financed 1390-1401"),
             ("45", "projects assisted", "technical_credit_public", "projects and units financed to end 1401"),
             ("45", "employment", "technical_credit_public", "jobs created or stabilised to end 1401"),
             ("48", "industrial firms assisted", "dairy", "industrial units financed 1392-1401")]
    for tab, ind, topic, item in pairs:
        v, line = chapter3_prose(topic, item)
        a = int(df[(df.table_no == tab) & (df.indicator == ind)].actual.iloc[0])  # firms, projects, jobs: counts
        out.append(compare_total(ds, f"Table {tab} {ind} vs prose", exact(v), exact(a), check="table vs prose", source_line=line))
    for topic, parts, whole in (("renovation", ["units renovated (machinery, production lines)", "units given working capital"],
                                 "industrial units financed 1390-1401"),
                                ("technical_credit_public", ["half-finished projects completed", "active units given working capital"],
                                 "projects and units financed to end 1401")):
        v, line = chapter3_prose(topic, whole)
        out.append(compare_total(ds, f"{topic}: prose breakdown ({' + '.join(parts)}) vs prose total", exact(v),
                                 sum((exact(chapter3_prose(topic, p)[0]) for p in parts), exact(0)), check="prose arithmetic",
                                 source_line=line))
    return out
