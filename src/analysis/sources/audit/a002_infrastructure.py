"""Audit of 002 chapter 2, sections 2-5 and 2-6 (``extract/s002_infrastructure``): the
per-province utility tables (13-16) against their printed totals and against Table 12.
Reports only; nothing is corrected. Litres per second and megawatts are rounded at their last
printed digit; parks connected to telephone or fibre are counts (exact).
"""
from __future__ import annotations

from analysis.sources.audit import Finding, audit, body_rows, cell, column_sum, compare_columns, compare_total, figure, total_row
from analysis.sources.datasets import load


@audit
def water_totals() -> list[Finding]:
    return compare_columns("water_by_province", ("plan", "actual"),
                           "{col}: 31 provinces + revived water vs printed total (جمع)")


@audit
def infrastructure_totals() -> list[Finding]:
    """Row sums against printed totals (Tables 14, 15, 16)."""
    out = []
    for name in ("phone_by_province", "fibre_by_province"):
        out += compare_columns(name, ("plan", "actual"), "{col}: provinces vs printed national total (جمع کشور)")
    name = "electricity_by_province"
    df = load(name)
    tot, body = total_row(df), body_rows(df)
    for col in ("plan", "actual"):
        s = round(float(body[col].sum()), 4)
        out.append(compare_total(
            name, f"{col}: provinces vs printed national total (جمع کشور)",
            cell(name, col, tot[col]), column_sum(name, body[col], col), source_line=int(tot.source_line),
            note=f"West Azerbaijan's garbled {col} (line 1126) is left out: the printed total implies "
                 f"{round(float(tot[col]) - s, 4)} MW for it; 11 label-first rows have an inferred plan/actual order"))
    return out


@audit
def infrastructure_cross_tables() -> list[Finding]:
    """Table 12 against Tables 13-16."""
    out = []
    t12 = load("infrastructure_plan").set_index("row_no")
    water = load("water_by_province")
    wp = body_rows(water, "province")
    for col in ("plan", "actual"):
        out.append(compare_total("infrastructure_plan", f"water {col}: Table 12 vs Table 13's 31 provinces (lines 931-990)",
                                 figure(t12.loc[1, col], t12.loc[1, "unit"]), column_sum("water_by_province", wp[col], col),
                                 check="cross-table",
                                 source_line=int(t12.loc[1, "source_line"]),
                                 note="Table 13's printed total (872/922) also includes 154/183 l/s of revived water"))
    for row, name, what in ((2, "electricity_by_province", "electricity"), (4, "phone_by_province", "telephone"),
                            (5, "fibre_by_province", "fibre")):
        tot = total_row(load(name))
        for col in ("plan", "actual"):
            out.append(compare_total("infrastructure_plan", f"{what} {col}: Table 12 vs the per-province table's printed total",
                                     figure(t12.loc[row, col], t12.loc[row, "unit"]), cell(name, col, tot[col]),
                                     check="cross-table",
                                     source_line=int(t12.loc[row, "source_line"])))
    return out


@audit
def infrastructure_oddities() -> list[Finding]:
    """Unit and layout oddities worth stating beside the data."""
    return [
        Finding("fibre_by_province", "label", "Table 16's column header says fixed telephone; the title says optical fibre",
                None, None, "note", 1304, "copy error in the source's header"),
        Finding("infrastructure_plan", "unit", "water: Table 12 (739/718 l/s) excludes revived water, Table 13's total (922/872) includes it",
                None, None, "note", 888, "both are 'water supplied in 1401'; the prose (line 908) uses 872"),
    ]
