"""Audit of 002 chapter 4, section 4-1-4 (``extract/s002_units``): contracts and land allotted
(Table 54), operational units and employment (Tables 55-57) and projects under construction
(Table 58): row sums against printed totals, printed averages against their ratios, the
per-province tables against the national one, the headline shares of chapter 1.

Contracts, units, persons and projects are counts (exact); hectares, money and the printed
averages and percentages are rounded at their last printed digit.
"""
from __future__ import annotations

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    cell,
    column_sum,
    compare,
    compare_percent,
    compare_sums,
    compare_total,
    exact,
    rounded,
    total_row,
)
from analysis.sources.datasets import load


@audit
def contracts_land() -> list[Finding]:
    name = "contracts_land_by_province"
    cols = ["contracts_cum_1400", "contracts_1400", "contracts_1401", "contracts_cum_1401",
            "area_cum_1400_ha", "area_1400_ha", "area_1401_ha", "area_cum_1401_ha"]
    out = compare_sums(name, cols)
    df = load(name)
    t = total_row(df)
    for stem, unit in (("contracts", "contracts"), ("area", "ha")):
        suffix = "_ha" if stem == "area" else ""
        net = float(t[f"{stem}_cum_1401{suffix}"] - t[f"{stem}_cum_1400{suffix}"])
        out.append(Finding(name, "net growth of cumulative vs the year's new allotments",
                           f"{stem}: cum 1401 - cum 1400 vs {stem} in 1401 (national)",
                           float(t[f"{stem}_1401{suffix}"]), net, "note", int(t.source_line),
                           f"net growth {net:g} {unit} is below the 1401 figure: cancellations/returns of land are not shown in the table"))
    # headline shares (lines 170, 197) recomputed from Tables 54-55
    units = load("operational_units_national").set_index("indicator")
    out.append(compare_percent(name, "land of operational units (Table 55) / land allotted to end of 1401, vs the 51.6 % of line 170",
                               51.6, rounded(units.loc["land_area", "cum_1401"]), cell(name, "area_cum_1401_ha", t.area_cum_1401_ha),
                               source_line=170))
    out.append(compare_percent(name, "operational units (Table 55) / contracts to end of 1401, vs the 49.3 % of line 197",
                               49.3, exact(units.loc["operational_units", "cum_1401"]),
                               cell(name, "contracts_cum_1401", t.contracts_cum_1401), source_line=197))
    return out


# ------------------------------------------------------------------------ operational units
@audit
def operational_units() -> list[Finding]:
    nat = load("operational_units_national").set_index("indicator")
    line = dict(zip(nat.index, nat.source_line))
    out = []
    for col in ("value_1400", "value_1401", "cum_1401"):
        # units and persons are counts (exact); hectares and billion rials are rounded; the averages
        # are printed rounded (a square metre, a person, a million rials)
        u, e = exact(nat.loc["operational_units", col]), exact(nat.loc["employment", col])
        ha, inv = rounded(nat.loc["land_area", col]), rounded(nat.loc["investment", col])
        for ind, rec in (("avg_employment_per_unit", e / u), ("avg_land_per_unit", ha * 10000 / u),
                         ("avg_investment_per_unit", inv * 1000 / u)):
            out.append(compare("operational_units_national", "printed average vs ratio",
                               f"{ind} ({col}) vs recomputed ratio", rounded(nat.loc[ind, col]), rec,
                               source_line=int(line[ind])))
    # cross-table: Table 56 and 57 totals and province sums vs Table 55
    for other, ind, cols in (("operational_units_by_province", "operational_units", ("units_1400", "units_1401", "units_cum_1401")),
                             ("operational_employment_by_province", "employment", ("employment_1400", "employment_1401", "employment_cum_1401"))):
        out += compare_sums(other, list(cols))
        df = load(other)
        body = body_rows(df, "province")
        for col, ncol in zip(cols, ("value_1400", "value_1401", "cum_1401")):
            out.append(compare_total(other, f"{col}: sum of 31 provinces vs Table 55 {ind} ({ncol})",
                                     exact(nat.loc[ind, ncol]), column_sum(other, body[col], col),
                                     check="province sum vs national table", source_line=int(line[ind])))
    a, b = float(nat.loc["avg_investment_per_unit", "value_1400"]), float(nat.loc["avg_investment_per_unit", "value_1401"])
    out.append(Finding("operational_units_national", "plausibility of the annual columns' year labels",
                       "average investment per unit, 1401 vs 1400 (million rials)", a, b, "note",
                       int(line["avg_investment_per_unit"]),
                       f"with the year labels of Tables 56-57 the nominal investment per unit changes by {100 * (b / a - 1):.0f} % in 1401; "
                       "Table 55's own header (line 5339) may label the two annual columns the other way round"))
    return out


# -------------------------------------------------------------------- projects under construction
@audit
def projects_under_construction() -> list[Finding]:
    name = "projects_under_construction_by_province"
    stages = ["stage_land_allocated", "stage_walling", "stage_shed_installation",
              "stage_halls_buildings", "stage_machinery_installation"]
    out = compare_sums(name, stages + ["total"])
    df = load(name)
    for _, r in df.iterrows():
        label = r.province if r.row_kind == "province" else "printed total row"
        out.append(compare_total(name, f"{label}: five stages vs the row's printed total",
                                 cell(name, "total", r.total), sum((cell(name, s, r[s]) for s in stages), exact(0)),
                                 check="stages vs row total",
                                 source_line=int(r.source_line)))
    return out
