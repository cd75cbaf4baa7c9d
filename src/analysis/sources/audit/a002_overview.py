"""Audit of the headline figures of 002 chapters 1-2 (``extract/s002_overview``): the figures
the prose states against the tables and against each other. Reports only; nothing is
corrected. Each figure is exact or rounded by its unit (:func:`analysis.sources.audit.figure`):
parks/zones are counts, hectares, MW, litres per second and percentages are rounded at their
last printed digit.
"""
from __future__ import annotations

from analysis.sources.audit import Finding, audit, cell, compare_percent, compare_total, exact, figure, total_row
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load

PROSE = "overview_prose_figures"


def _prose() -> dict[str, tuple[float, int, str]]:
    """figure_id -> (value, source line, unit)."""
    df = load(PROSE)
    return {r.figure_id: (float(r.value), int(r.source_line), r.unit) for r in df.itertuples()}


def _fig(p: dict, fid: str) -> Interval:
    """A prose figure as an interval (exact for a count, rounded otherwise)."""
    v, _, unit = p[fid]
    return figure(v, unit)


@audit
def prose_vs_tables() -> list[Finding]:
    """Figures stated in the prose against the tables and against each other."""
    p = _prose()
    out = []

    def chk(fid, item, recomputed: Interval, *, note=""):
        out.append(compare_total(PROSE, item, _fig(p, fid), recomputed, check="prose vs table", source_line=p[fid][1],
                                 note=note))

    t1 = load("approved_parks")
    chk("parks_approved_1401", "42 parks approved: prose vs Table 1 rows", exact(int((t1.row_kind == "park").sum())))
    chk("parks_approved_1401_area", "10418 ha approved: prose vs Table 1 total",
        cell("approved_parks", "hectares", total_row(t1).hectares), note="Table 1 prints 10418.03")
    t12 = load("infrastructure_plan").set_index("row_no")

    def t12_fig(row, col):
        return figure(t12.loc[row, col], t12.loc[row, "unit"])

    chk("electricity_added_1401", "638 MW added: prose vs Table 12 actual", t12_fig(2, "actual"))
    chk("parks_gas_connected_1401", "23 parks gasified: prose vs Table 12 actual", t12_fig(3, "actual"))
    chk("parks_phone_connected_1401", "11 parks given telephone: prose vs Table 12 actual", t12_fig(4, "actual"))
    chk("parks_fibre_connected_1401", "20 parks connected to fibre: prose vs Table 12 actual", t12_fig(5, "actual"),
        note="Table 16's total also gives 23")
    water = load("water_by_province")
    chk("water_added_1401", "872 l/s added: prose vs Table 13 printed total",
        cell("water_by_province", "actual", total_row(water).actual))
    t8 = load("registered_deeds_plan").iloc[0]
    chk("registered_deed_area_1401", "2765.5 ha registered deeds: prose vs Table 8 actual", figure(t8.actual, t8.unit),
        note="Table 8 prints 2765 (rounded)")
    t10 = load("subdivision_deeds_plan").iloc[0]
    chk("subdivision_deed_area_1401", "3967 ha subdivision deeds: prose vs Table 10 actual", figure(t10.actual, t10.unit),
        note=f"the prose figure equals Table 10's plan ({int(t10.plan)}), not its actual")

    # printed shares of a count (or of an area)
    def pct(fid, item, actual: Interval, plan: Interval, note=""):
        v, line, _ = p[fid]
        out.append(compare_percent(PROSE, item, v, actual, plan, source_line=line, note=note))

    pct("parks_with_water_share", "parks with water: 849 of 858 in operation", _fig(p, "parks_with_water"),
        _fig(p, "parks_in_operation"))
    pct("parks_with_gas_share", "parks with gas: 706 of 858 in operation", _fig(p, "parks_with_gas"),
        _fig(p, "parks_in_operation_gas_paragraph"))
    pct("parks_with_phone_share", "parks with telephone: 797 of 858 in operation (printed 'about 93')",
        _fig(p, "parks_with_phone"), _fig(p, "parks_in_operation_phone_paragraph"))
    pct("registered_land_subdivision_deed_share", "subdivision deeds: 93138 of 129352 ha with registered deeds",
        _fig(p, "land_subdivision_deed_area"), _fig(p, "land_registered_deed_area"))
    pct("parks_phone_connected_1401_pct_of_plan", "telephone 1401: 11 parks of Table 12's plan 15",
        _fig(p, "parks_phone_connected_1401"), t12_fig(4, "plan"))
    pct("parks_fibre_connected_1401_pct_of_plan", "fibre 1401: 20 parks (prose) of Table 12's plan 30",
        _fig(p, "parks_fibre_connected_1401"), t12_fig(5, "plan"),
        note="with Table 12's actual 23 the share would be 76.7 %")

    # the share of land with registered deeds needs a base the report does not print
    t6 = load("estate_land_area").iloc[0]
    base = float(t6.cumulative_to_1400 + t6.actual_1401)
    v, line, _ = p["land_registered_deed_share"]
    out.append(Finding(PROSE, "actual/plan vs printed %",
                       "land with registered deeds: 129352 ha of land in hand (Table 6: 149901 + 5916 ha)", v,
                       round(100 * p["land_registered_deed_area"][0] / base, 4), "note", line,
                       "base assumed: land in hand at end of 1400 plus 1401's addition; chart 5 (line 257) prints 83 %"))

    # shares of a whole that should add to 100
    # the whole is exactly 100 %; each printed share is rounded
    v = [_fig(p, k) for k in ("contracts_operational_share", "contracts_under_construction_share",
                              "contracts_unconverted_transfer_share")]
    out.append(compare_total(PROSE, "chart 2: shares of contracts (operational + under construction + unconverted transfers)",
                             exact(100), Interval.sum(v), check="shares add to 100 %", source_line=197,
                             note="100 is implied, not printed; 2.9 % of contracts are not accounted for in the caption"))
    v = [_fig(p, k) for k in ("industrial_land_ready_share", "industrial_land_allotted_share")]
    out.append(compare_total(PROSE, "chart 3: industrial land ready + allotted", exact(100), Interval.sum(v),
                             check="shares add to 100 %", source_line=221, note="100 is implied, not printed"))

    # headline shares of parks with land (chart 4) against the counts in the prose
    for share, count in (("parks_with_land_water_share", "parks_with_water"),
                         ("parks_with_land_electricity_share", "parks_with_electricity"),
                         ("parks_with_land_gas_share", "parks_with_gas"),
                         ("parks_with_land_phone_share", "parks_with_phone"),
                         ("parks_with_land_fibre_share", "parks_with_fibre")):
        s, line, _ = p[share]
        c, cline, _ = p[count]
        out.append(Finding(PROSE, "implied base of a headline share", f"parks with land implied by {count} ({int(c)}, line {cline}) / {s} %",
                           None, round(100 * c / s, 1), "note", line,
                           "all five chart-4 shares imply about 950 parks/zones with land (the base is not printed); "
                           "858 in operation / 950 = 90 %, as printed on line 230"))
    c, line, _ = p["parks_with_electricity"]
    out.append(Finding(PROSE, "count within its base", "parks with electricity (862) vs parks in operation (858)",
                       p["parks_in_operation"][0], c, "note", line,
                       "more parks are said to have electricity than are in operation: the electricity count may include "
                       "parks with land not yet in operation"))
    return out
