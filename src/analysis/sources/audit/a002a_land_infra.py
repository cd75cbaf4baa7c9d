"""Audit of 002 part a (lines 1-1400): headline prose figures, Tables 1, 3, 5-12, 14-17.

Printed totals against row sums, printed % against actual/plan, and cross-checks between
tables and the prose. Reports only; nothing is corrected.
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.audit import Finding, audit, compare_percent, compare_total
from analysis.sources.datasets import load

PROSE = "overview_prose_figures"


def _prose() -> dict[str, tuple[float, int]]:
    df = load(PROSE)
    return {r.figure_id: (float(r.value), int(r.source_line)) for r in df.itertuples()}


def _total(df: pd.DataFrame) -> pd.Series:
    return df[df.row_kind == "total"].iloc[0]


def _body(df: pd.DataFrame) -> pd.DataFrame:
    return df[df.row_kind != "total"]


# ------------------------------------------------------------------------------------------
@audit
def printed_percentages() -> list[Finding]:
    """Tables 3, 5, 6, 8, 10: printed achievement % against 100 * actual / plan."""
    out = []
    for name in ("service_company_law", "new_parks_plan", "registered_deeds_plan", "subdivision_deeds_plan"):
        for r in load(name).itertuples():
            out.append(compare_percent(name, r.item, r.pct_printed, r.actual, r.plan, source_line=r.source_line))
    r = load("estate_land_area").iloc[0]
    out.append(compare_percent("estate_land_area", "land added in 1401", r.pct_printed, r.actual_1401,
                               r.plan_1401, source_line=int(r.source_line)))
    return out


@audit
def table_totals() -> list[Finding]:
    """Row sums against printed totals (Tables 1, 7, 9, 11, 14, 15, 16)."""
    out = []
    t1 = load("approved_parks")
    tot = _total(t1)
    out.append(compare_total("approved_parks", "hectares: 42 parks vs printed total (جمع)", float(tot.hectares),
                             round(float(_body(t1).hectares.sum()), 4), source_line=int(tot.source_line), tol=0.005))
    t7 = load("land_added_by_province")
    tot, body = _total(t7), _body(t7)
    out.append(compare_total("land_added_by_province", "target: 31 provinces vs printed total (جمع)",
                             float(tot.target), float(body.target.sum()), source_line=int(tot.source_line)))
    out.append(compare_total("land_added_by_province", "actual: 31 provinces vs printed total (جمع)",
                             float(tot.actual), round(float(body.actual.sum()), 4), source_line=int(tot.source_line),
                             note="Zanjan's actual is flagged (printed '021', read 21); reading it as 120 gives 5826.5, "
                                  "still 90 short of the printed total"))
    for name, label in (("registered_deeds_by_province", "hectares: 25 provinces vs printed total (جمع)"),
                        ("subdivision_deeds_by_province", "hectares: 19 provinces vs printed total (جمع)")):
        df = load(name)
        tot = _total(df)
        out.append(compare_total(name, label, float(tot.hectares), round(float(_body(df).hectares.sum()), 4),
                                 source_line=int(tot.source_line)))
    for name in ("phone_by_province", "fibre_by_province"):
        df = load(name)
        tot = _total(df)
        for col in ("plan", "actual"):
            out.append(compare_total(name, f"{col}: provinces vs printed national total (جمع کشور)",
                                     float(tot[col]), float(_body(df)[col].sum()), source_line=int(tot.source_line)))
    df = load("electricity_by_province")
    tot, body = _total(df), _body(df)
    for col in ("plan", "actual"):
        s = round(float(body[col].sum()), 4)
        out.append(compare_total(
            "electricity_by_province", f"{col}: provinces vs printed national total (جمع کشور)",
            float(tot[col]), s, source_line=int(tot.source_line),
            note=f"West Azerbaijan's garbled {col} (line 1126) is left out: the printed total implies "
                 f"{round(float(tot[col]) - s, 4)} MW for it; 11 label-first rows have an inferred plan/actual order"))
    return out


@audit
def land_parts() -> list[Finding]:
    """Table 7: per-park hectares printed in parentheses against each province's actual."""
    df = load("land_added_by_province")
    out = []
    for r in df[df.parts_sum.notna()].itertuples():
        out.append(compare_total("land_added_by_province", f"{r.province}: per-park hectares in parentheses vs actual",
                                 float(r.actual), float(r.parts_sum), check="parts sum vs printed row value",
                                 source_line=int(r.source_line), tol=1e-6))
    return out


@audit
def cross_tables() -> list[Finding]:
    """Table 12 against Tables 13-16; Tables 6/7, 8/9, 10/11 against each other."""
    out = []
    t12 = load("infrastructure_plan").set_index("row_no")
    water = load("water_by_province")
    wp = water[water.row_kind == "province"]
    for col in ("plan", "actual"):
        out.append(compare_total("infrastructure_plan", f"water {col}: Table 12 vs Table 13's 31 provinces (lines 931-990)",
                                 float(t12.loc[1, col]), float(wp[col].sum()), check="cross-table",
                                 source_line=int(t12.loc[1, "source_line"]),
                                 note="Table 13's printed total (872/922) also includes 154/183 l/s of revived water"))
    for row, name, what in ((2, "electricity_by_province", "electricity"), (4, "phone_by_province", "telephone"),
                            (5, "fibre_by_province", "fibre")):
        tot = _total(load(name))
        for col in ("plan", "actual"):
            out.append(compare_total("infrastructure_plan", f"{what} {col}: Table 12 vs the per-province table's printed total",
                                     float(t12.loc[row, col]), float(tot[col]), check="cross-table",
                                     source_line=int(t12.loc[row, "source_line"])))
    t6 = load("estate_land_area").iloc[0]
    t7 = _total(load("land_added_by_province"))
    out.append(compare_total("estate_land_area", "plan 1401: Table 6 vs Table 7's total target", float(t6.plan_1401),
                             float(t7.target), check="cross-table", source_line=int(t6.source_line)))
    out.append(compare_total("estate_land_area", "actual 1401: Table 6 vs Table 7's total actual", float(t6.actual_1401),
                             float(t7.actual), check="cross-table", source_line=int(t6.source_line), tol=0.5,
                             note="Table 6 prints 5916, Table 7 5916.5 (rounded)"))
    t8 = load("registered_deeds_plan").iloc[0]
    t9 = _total(load("registered_deeds_by_province"))
    out.append(compare_total("registered_deeds_plan", "actual: Table 8 vs Table 9's printed total", float(t8.actual),
                             float(t9.hectares), check="cross-table", source_line=int(t8.source_line)))
    t10 = load("subdivision_deeds_plan").iloc[0]
    t11 = _total(load("subdivision_deeds_by_province"))
    out.append(compare_total("subdivision_deeds_plan", "actual: Table 10 vs Table 11's printed total", float(t10.actual),
                             float(t11.hectares), check="cross-table", source_line=int(t10.source_line), tol=0.5,
                             note="Table 11 prints 3276.6, Table 10 3277 (rounded)"))
    return out


@audit
def prose_vs_tables() -> list[Finding]:
    """Figures stated in the prose against the tables and against each other."""
    p = _prose()
    out = []

    def chk(fid, item, recomputed, *, tol=0.0, note=""):
        v, line = p[fid]
        out.append(compare_total(PROSE, item, v, recomputed, check="prose vs table", source_line=line, tol=tol, note=note))

    t1 = load("approved_parks")
    chk("parks_approved_1401", "42 parks approved: prose vs Table 1 rows", float((t1.row_kind == "park").sum()))
    chk("parks_approved_1401_area", "10418 ha approved: prose vs Table 1 total", float(_total(t1).hectares), tol=0.5,
        note="Table 1 prints 10418.03")
    t12 = load("infrastructure_plan").set_index("row_no")
    chk("electricity_added_1401", "638 MW added: prose vs Table 12 actual", float(t12.loc[2, "actual"]))
    chk("parks_gas_connected_1401", "23 parks gasified: prose vs Table 12 actual", float(t12.loc[3, "actual"]))
    chk("parks_phone_connected_1401", "11 parks given telephone: prose vs Table 12 actual", float(t12.loc[4, "actual"]))
    chk("parks_fibre_connected_1401", "20 parks connected to fibre: prose vs Table 12 actual", float(t12.loc[5, "actual"]),
        note="Table 16's total also gives 23")
    water = load("water_by_province")
    chk("water_added_1401", "872 l/s added: prose vs Table 13 printed total", float(_total(water).actual))
    chk("registered_deed_area_1401", "2765.5 ha registered deeds: prose vs Table 8 actual",
        float(load("registered_deeds_plan").iloc[0].actual), tol=0.5, note="Table 8 prints 2765 (rounded)")
    t10 = load("subdivision_deeds_plan").iloc[0]
    chk("subdivision_deed_area_1401", "3967 ha subdivision deeds: prose vs Table 10 actual", float(t10.actual),
        note=f"the prose figure equals Table 10's plan ({int(t10.plan)}), not its actual")

    # printed shares of a count
    def pct(fid, item, actual, plan, note=""):
        v, line = p[fid]
        out.append(compare_percent(PROSE, item, v, actual, plan, source_line=line, note=note))

    pct("parks_with_water_share", "parks with water: 849 of 858 in operation", p["parks_with_water"][0], p["parks_in_operation"][0])
    pct("parks_with_gas_share", "parks with gas: 706 of 858 in operation", p["parks_with_gas"][0], p["parks_in_operation_gas_paragraph"][0])
    pct("parks_with_phone_share", "parks with telephone: 797 of 858 in operation (printed 'about 93')",
        p["parks_with_phone"][0], p["parks_in_operation_phone_paragraph"][0])
    pct("registered_land_subdivision_deed_share", "subdivision deeds: 93138 of 129352 ha with registered deeds",
        p["land_subdivision_deed_area"][0], p["land_registered_deed_area"][0])
    pct("parks_phone_connected_1401_pct_of_plan", "telephone 1401: 11 parks of Table 12's plan 15",
        p["parks_phone_connected_1401"][0], float(t12.loc[4, "plan"]))
    pct("parks_fibre_connected_1401_pct_of_plan", "fibre 1401: 20 parks (prose) of Table 12's plan 30",
        p["parks_fibre_connected_1401"][0], float(t12.loc[5, "plan"]),
        note="with Table 12's actual 23 the share would be 76.7 %")

    # the share of land with registered deeds needs a base the report does not print
    t6 = load("estate_land_area").iloc[0]
    base = float(t6.cumulative_to_1400 + t6.actual_1401)
    v, line = p["land_registered_deed_share"]
    out.append(Finding(PROSE, "actual/plan vs printed %",
                       "land with registered deeds: 129352 ha of land in hand (Table 6: 149901 + 5916 ha)", v,
                       round(100 * p["land_registered_deed_area"][0] / base, 4), "note", line,
                       "base assumed: land in hand at end of 1400 plus 1401's addition; chart 5 (line 257) prints 83 %"))

    # shares of a whole that should add to 100
    v = [p[k][0] for k in ("contracts_operational_share", "contracts_under_construction_share",
                           "contracts_unconverted_transfer_share")]
    out.append(compare_total(PROSE, "chart 2: shares of contracts (operational + under construction + unconverted transfers)",
                             100.0, round(sum(v), 4), check="shares add to 100 %", source_line=197, tol=0.05,
                             note="100 is implied, not printed; 2.9 % of contracts are not accounted for in the caption"))
    v = [p[k][0] for k in ("industrial_land_ready_share", "industrial_land_allotted_share")]
    out.append(compare_total(PROSE, "chart 3: industrial land ready + allotted", 100.0, sum(v),
                             check="shares add to 100 %", source_line=221, tol=0.05, note="100 is implied, not printed"))

    # headline shares of parks with land (chart 4) against the counts in the prose
    for share, count in (("parks_with_land_water_share", "parks_with_water"),
                         ("parks_with_land_electricity_share", "parks_with_electricity"),
                         ("parks_with_land_gas_share", "parks_with_gas"),
                         ("parks_with_land_phone_share", "parks_with_phone"),
                         ("parks_with_land_fibre_share", "parks_with_fibre")):
        s, line = p[share]
        c, cline = p[count]
        out.append(Finding(PROSE, "implied base of a headline share", f"parks with land implied by {count} ({int(c)}, line {cline}) / {s} %",
                           None, round(100 * c / s, 1), "note", line,
                           "all five chart-4 shares imply about 950 parks/zones with land (the base is not printed); "
                           "858 in operation / 950 = 90 %, as printed on line 230"))
    c, line = p["parks_with_electricity"]
    out.append(Finding(PROSE, "count within its base", "parks with electricity (862) vs parks in operation (858)",
                       p["parks_in_operation"][0], c, "note", line,
                       "more parks are said to have electricity than are in operation: the electricity count may include "
                       "parks with land not yet in operation"))
    return out


@audit
def oddities() -> list[Finding]:
    """Unit and layout oddities worth stating beside the data."""
    return [
        Finding("approved_parks", "unit", "hectares: '/' is the decimal point in rows, '.' in the total", None, None,
                "unit", 372, "rows print 830/4 (830.4 ha), the total prints 10418.03"),
        Finding("fibre_by_province", "label", "Table 16's column header says fixed telephone; the title says optical fibre",
                None, None, "note", 1304, "copy error in the source's header"),
        Finding("subdivision_deeds_by_province", "row numbers", "row numbers 3, 10, 13 missing; 4 rows unnumbered",
                None, None, "note", 835, "Ilam, Zanjan, Golestan, Gilan (lines 835, 847, 857, 859) have no row number"),
        Finding("infrastructure_plan", "unit", "water: Table 12 (739/718 l/s) excludes revived water, Table 13's total (922/872) includes it",
                None, None, "note", 888, "both are 'water supplied in 1401'; the prose (line 908) uses 872"),
    ]
