"""Audit of 002 Tables 52-67 (lines 4764-6194): budgets, contracts and land, operational
units, projects under construction, staff training and finances."""
from __future__ import annotations

import pandas as pd

from analysis.sources.audit import Finding, audit, compare_percent, compare_total
from analysis.sources.datasets import load


def _sums(name: str, cols: list[str], body_kind: str = "province") -> list[Finding]:
    df = load(name)
    total = df[df.row_kind == "total"].iloc[0]
    body = df[df.row_kind == body_kind]
    out = []
    for col in cols:
        f = compare_total(name, f"{col}: sum of {len(body)} rows vs printed total (جمع)",
                          float(total[col]), float(body[col].sum()), source_line=int(total.source_line),
                          tol=1e-6)
        if f.verdict != "ok" and abs(f.difference) < 0.5:
            f.verdict, f.note = "rounding", "printed total rounds a sum with a decimal cell"
        if f.verdict == "discrepancy" and "province" in body:
            # which single row is closest to the gap? (a row left out of the printed total)
            gap = f.difference
            near = body.loc[(body[col] - gap).abs().idxmin()]
            if abs(near[col] - gap) <= 0.001 * abs(gap):
                f.note = (f"the gap ({gap:g}) is within 0.1 % of {near.province}'s value ({near[col]:g}, "
                          f"line {near.source_line}): the printed total seems to leave that row out")
        out.append(f)
    return out


def _average(dataset: str, item: str, printed: float, ratio: float, source_line: int) -> Finding:
    """A printed whole-number average: ok if it is the rounded ratio, rounding if truncated."""
    if round(ratio) == printed:
        verdict = "ok"
    elif abs(ratio - printed) < 1:
        verdict = "rounding"
    else:
        verdict = "discrepancy"
    return Finding(dataset, "printed average vs ratio", item, printed, round(ratio, 4), verdict, source_line)


def compare_growth(dataset: str, item: str, printed: float, new: float, old: float, *,
                   source_line: int | None = None, note: str = "") -> Finding:
    """Printed growth % against ``100 * (new / old - 1)``: ok when equal after rounding to a
    whole number, rounding within one point, else discrepancy."""
    growth = 100.0 * new / old - 100.0
    if round(growth) == printed:
        verdict = "ok"
    elif abs(growth - printed) < 1.0001:
        verdict = "rounding"
    else:
        verdict = "discrepancy"
    return Finding(dataset, "growth vs printed %", item, printed, round(growth, 4), verdict, source_line, note)


# ---------------------------------------------------------------------------------- budgets
@audit
def capital_budgets() -> list[Finding]:
    out = _sums("capital_budget_national_by_plan", ["agreement", "allocation"], body_kind="plan")
    out += _sums("capital_budget_by_province", ["agreement", "allocation"])
    df = load("capital_budget_by_province")
    t = df[df.row_kind == "total"].iloc[0]
    out.append(compare_percent("capital_budget_by_province",
                               "allocation / agreement, all provinces, vs the prose's 69 % (lines 4762, 4800)",
                               69, float(t.allocation), float(t.agreement), source_line=4800))
    alloc_bn = float(t.allocation) / 1000
    out.append(Finding("capital_budget_by_province", "prose vs table",
                       "allocation in the prose (15000 billion rials, line 4800) vs table total / 1000",
                       15000, alloc_bn, "rounding" if abs(alloc_bn - 15000) < 500 else "discrepancy", 4800,
                       "the prose rounds 14,933.562 billion rials to 15,000"))
    out.append(compare_total("capital_budget_by_province",
                             "agreements in the prose (21817 billion rials, lines 4760/4798) vs table total / 1000",
                             21817, float(t.agreement) / 1000, check="prose vs table", source_line=4798, tol=0.5))
    nat = load("capital_budget_national_by_plan")
    over = nat[(nat.row_kind == "plan") & (nat.allocation > nat.agreement)]
    for _, r in over.iterrows():
        out.append(Finding("capital_budget_national_by_plan", "allocation within agreement",
                           f"plan {r.plan_code} ({r.item_en}): allocation exceeds the agreement",
                           float(r.agreement), float(r.allocation), "note", int(r.source_line),
                           "allocation above the exchanged agreement (billion rials)"))
    return out


# ------------------------------------------------------------------------ contracts and land
@audit
def contracts_land() -> list[Finding]:
    name = "contracts_land_by_province"
    cols = ["contracts_cum_1400", "contracts_1400", "contracts_1401", "contracts_cum_1401",
            "area_cum_1400_ha", "area_1400_ha", "area_1401_ha", "area_cum_1401_ha"]
    out = _sums(name, cols)
    df = load(name)
    t = df[df.row_kind == "total"].iloc[0]
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
                               51.6, float(units.loc["land_area", "cum_1401"]), float(t.area_cum_1401_ha),
                               decimals=1, source_line=170))
    out.append(compare_percent(name, "operational units (Table 55) / contracts to end of 1401, vs the 49.3 % of line 197",
                               49.3, float(units.loc["operational_units", "cum_1401"]), float(t.contracts_cum_1401),
                               decimals=1, source_line=197))
    return out


# ------------------------------------------------------------------------ operational units
@audit
def operational_units() -> list[Finding]:
    nat = load("operational_units_national").set_index("indicator")
    line = dict(zip(nat.index, nat.source_line))
    out = []
    for col in ("value_1400", "value_1401", "cum_1401"):
        u, e = float(nat.loc["operational_units", col]), float(nat.loc["employment", col])
        ha, inv = float(nat.loc["land_area", col]), float(nat.loc["investment", col])
        for ind, rec in (("avg_employment_per_unit", e / u), ("avg_land_per_unit", ha * 10000 / u),
                         ("avg_investment_per_unit", inv * 1000 / u)):
            out.append(_average("operational_units_national", f"{ind} ({col}) vs recomputed ratio",
                                float(nat.loc[ind, col]), rec, int(line[ind])))
    # cross-table: Table 56 and 57 totals and province sums vs Table 55
    for other, ind, cols in (("operational_units_by_province", "operational_units", ("units_1400", "units_1401", "units_cum_1401")),
                             ("operational_employment_by_province", "employment", ("employment_1400", "employment_1401", "employment_cum_1401"))):
        out += _sums(other, list(cols))
        df = load(other)
        body = df[df.row_kind == "province"]
        for col, ncol in zip(cols, ("value_1400", "value_1401", "cum_1401")):
            out.append(compare_total(other, f"{col}: sum of 31 provinces vs Table 55 {ind} ({ncol})",
                                     float(nat.loc[ind, ncol]), float(body[col].sum()),
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
    out = _sums(name, stages + ["total"])
    df = load(name)
    for _, r in df.iterrows():
        label = r.province if r.row_kind == "province" else "printed total row"
        out.append(compare_total(name, f"{label}: five stages vs the row's printed total",
                                 float(r.total), float(sum(r[s] for s in stages)), check="stages vs row total",
                                 source_line=int(r.source_line)))
    return out


# ------------------------------------------------------------------------------ staff training
@audit
def staff_training() -> list[Finding]:
    df = load("staff_training_courses")
    out = []
    for _, r in df.iterrows():
        out.append(compare_total("staff_training_courses", f"course {r.course_no}: participants x hours vs printed person-hours",
                                 float(r.person_hours), float(r.participants * r.course_hours),
                                 check="product vs printed", source_line=int(r.source_line)))
        if r.managers > r.participants:
            out.append(Finding("staff_training_courses", "managers within participants", f"course {r.course_no}",
                               float(r.participants), float(r.managers), "discrepancy", int(r.source_line)))
    return out


# ---------------------------------------------------------------------------------- finances
def _statement(name: str, steps: list[tuple[int, list[int]]]) -> list[Finding]:
    df = load(name).set_index("item_no")
    out = []
    for col in ("amount_1401", "amount_1400"):
        for result, parts in steps:
            out.append(compare_total(name, f"{col}: row {result} = sum of rows {parts}",
                                     float(df.loc[result, col]), float(sum(df.loc[p, col] for p in parts)),
                                     check="statement arithmetic", source_line=int(df.loc[result, "source_line"])))
    return out


@audit
def financial_summaries() -> list[Finding]:
    out = _statement("org_financial_summary", [(4, [1, 2, 3]), (6, [4, 5]), (8, [6, 7])])
    out += _statement("consolidated_financial_summary",
                      [(3, [1, 2]), (7, [3, 4, 5, 6]), (10, [7, 8, 9]), (12, [10, 11])])
    org = load("org_financial_summary").set_index("item_no")
    out.append(compare_total("org_financial_summary",
                             "other expenses 1401 vs grants paid to subsidiaries in the prose (3,550,000 million rials, line 6209)",
                             3550000, float(-org.loc[3, "amount_1401"]), check="prose vs table", source_line=6209))
    return out


@audit
def provincial_companies() -> list[Finding]:
    out = []
    t65 = "provincial_companies_resources_expenses_1401"
    out += _sums(t65, ["resources", "opex", "nonopex"])
    df = load(t65)
    for _, r in df.iterrows():
        label = r.province if r.row_kind == "province" else "total"
        for amt, pct in (("opex", "opex_pct"), ("nonopex", "nonopex_pct")):
            out.append(compare_percent(t65, f"{label}: {amt} / resources", float(r[pct]), float(r[amt]),
                                       float(r.resources), source_line=int(r.source_line)))
    for name, stem, t65col in (("provincial_companies_resources_1400_1401", "resources", "resources"),
                               ("provincial_companies_opex_1400_1401", "opex", "opex")):
        out += _sums(name, [f"{stem}_1401", f"{stem}_1400"])
        g = load(name)
        for _, r in g.iterrows():
            label = r.province if r.row_kind == "province" else "total"
            f = compare_growth(name, f"{label}: {stem} 1401 over 1400", float(r.growth_pct),
                               float(r[f"{stem}_1401"]), float(r[f"{stem}_1400"]),
                               source_line=int(r.source_line),
                               note="growth cell flagged (garbled % sign)" if pd.notna(r.flag) else "")
            if f.verdict == "discrepancy" and round(f.recomputed) == int(str(int(f.printed))[::-1]):
                f.note = "printed growth has its two digits swapped against the recomputed value"
            out.append(f)
        m = g.merge(df, on=["row_kind", "province"], suffixes=("", "_65"))
        for _, r in m.iterrows():
            if r[f"{stem}_1401"] != r[t65col]:
                out.append(compare_total(name, f"{r.province or 'total'}: {stem} 1401 vs Table 65",
                                         float(r[t65col]), float(r[f"{stem}_1401"]), check="cross-table",
                                         source_line=int(r.source_line)))
        out.append(Finding(name, "cross-table", f"{stem} 1401: rows equal to Table 65 (of {len(m)})",
                           float(len(m)), float((m[f"{stem}_1401"] == m[t65col]).sum()),
                           "ok" if (m[f"{stem}_1401"] == m[t65col]).all() else "discrepancy"))
    # prose (lines 6108-6110): largest growth Semnan, largest decrease Kohgiluyeh and Boyer-Ahmad
    g = load("provincial_companies_resources_1400_1401")
    g = g[g.row_kind == "province"].assign(rec=lambda d: d.resources_1401 / d.resources_1400)
    top, low = g.loc[g.rec.idxmax(), "province"], g.loc[g.rec.idxmin(), "province"]
    out.append(Finding("provincial_companies_resources_1400_1401", "prose vs table",
                       f"largest growth (prose: Semnan) recomputed: {top}; largest decrease (prose: Kohgiluyeh and Boyer-Ahmad) recomputed: {low}",
                       None, None, "ok" if (top, low) == ("Semnan", "Kohgiluyeh and Boyer-Ahmad") else "discrepancy", 6108))
    return out
