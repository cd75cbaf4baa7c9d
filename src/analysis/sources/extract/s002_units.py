"""002 chapter 4, section 4-1-4: industrial units in the parks: contracts concluded and land
allotted to applicants (Table 54), operational units and their employment (Tables 55-57),
projects under construction by stage (Table 58).

Every number is read from its seed line; the column order of each table was confirmed
against its printed total row, the surrounding prose or internal arithmetic (see the
notes in ``data/catalog.yml``).
"""
from __future__ import annotations

import pandas as pd

from analysis.core.digits import normalise_fa, parse_number
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, with_base

S = Seed("002")


# --------------------------------------------------------------------------------------
# Table 54: contracts concluded and land allotted per province
@register("contracts_land_by_province", "002_t54_contracts_land_by_province.csv")
def contracts_land_by_province() -> pd.DataFrame:
    """Visual order: area [to end of 1401, 1401, 1400, to end of 1400], contracts [same],
    province, row (see the catalogue notes for how the order was settled)."""
    rows = []
    for r in S.table(5259, 5321, 8):
        a = [parse_number(x, decimal="/") for x in r.numbers_before[:4]]
        c = [int(x) for x in r.numbers_before[4:]]
        rows.append(S.labelled(r.line_no, r.label,
                               contracts_cum_1400=c[3], contracts_1400=c[2], contracts_1401=c[1],
                               contracts_cum_1401=c[0],
                               area_cum_1400_ha=a[3], area_1400_ha=a[2], area_1401_ha=a[1],
                               area_cum_1401_ha=a[0]))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Table 55: operational units, national
INDICATORS_55 = {
    5341: ("operational_units", "unit"),
    5343: ("employment", "person"),
    5345: ("avg_employment_per_unit", "person"),
    5347: ("land_area", "hectare"),
    5349: ("avg_land_per_unit", "square metre"),
    5351: ("investment", "billion rials"),
    5353: ("avg_investment_per_unit", "million rials"),
}


@register("operational_units_national", "002_t55_operational_units_national.csv")
def operational_units_national() -> pd.DataFrame:
    """Visual order: to end of 1401, year 1401, year 1400, unit, indicator, row; the same
    layout as Tables 56-57 (see notes)."""
    rows = []
    for n, (ind, unit) in INDICATORS_55.items():
        r = S.row(n)
        cum, y1401, y1400 = (int(x) for x in r.numbers_before)
        rows.append(dict(indicator=ind, unit=unit, label_fa=normalise_fa(r.label),
                         value_1400=y1400, value_1401=y1401, cum_1401=cum, source_line=n))
    return with_base(pd.DataFrame(rows), ["value_1400", "value_1401", "cum_1401"])


def _three_col_province(first: int, last: int, names: tuple[str, str, str]) -> pd.DataFrame:
    """Visual order: to end of 1401, 1401, 1400, province, row."""
    rows = []
    for r in S.table(first, last, 3):
        cum, y1401, y1400 = (int(x) for x in r.numbers_before)
        rows.append(S.labelled(r.line_no, r.label, **{names[0]: y1400, names[1]: y1401, names[2]: cum}))
    return pd.DataFrame(rows)


@register("operational_units_by_province", "002_t56_operational_units_by_province.csv")
def operational_units_by_province() -> pd.DataFrame:
    return _three_col_province(5374, 5450, ("units_1400", "units_1401", "units_cum_1401"))


@register("operational_employment_by_province", "002_t57_operational_employment_by_province.csv")
def operational_employment_by_province() -> pd.DataFrame:
    return _three_col_province(5471, 5547, ("employment_1400", "employment_1401", "employment_cum_1401"))


# --------------------------------------------------------------------------------------
# Table 58: projects under construction by stage
@register("projects_under_construction_by_province", "002_t58_projects_under_construction_by_province.csv")
def projects_under_construction_by_province() -> pd.DataFrame:
    """Visual order: total, machinery installation, completion of production halls and
    ancillary buildings, shed installation, walling, land allocated, province, row. The
    total is leftmost (it equals the sum of the other five on every line); the five stages
    are read right to left in the order of construction progress (see notes)."""
    rows = []
    for r in S.table(5573, 5654, 6):
        total, mach, halls, shed, wall, land = (int(x) for x in r.numbers_before)
        rows.append(S.labelled(r.line_no, r.label, stage_land_allocated=land, stage_walling=wall,
                               stage_shed_installation=shed, stage_halls_buildings=halls,
                               stage_machinery_installation=mach, total=total))
    return pd.DataFrame(rows)
