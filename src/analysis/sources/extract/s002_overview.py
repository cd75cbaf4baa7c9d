"""002, the headline figures of chapters 1-2 as the prose states them: the captions of
charts 1-5 (shares of land, contracts and parks with each utility, lines 180-259), the
parks approved in 1401 (lines 277-279), private parks (384-386), deeds (698-704) and the
utility paragraphs of section 2-5 (water, electricity, gas, telephone, fibre; lines
904-1288).

The sentences came out scrambled but each cited line carries one statement; each value is
the number token of its line at the given index.
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed

S = Seed("002")

# --------------------------------------------------------------------------------------
# Prose figures (lines 180-1288). (line, index of the number token on the line, id, topic,
# unit, decimal separator, English description). The value is the token read from the line.
PROSE = [
    (180, 0, "land_allotted_operational_share", "land", "%", ".",
     "Share of all allotted land held by units that have started operation (chart 1)"),
    (197, 0, "contracts_operational_share", "contracts", "%", ".",
     "Share of all concluded contracts whose units are in operation (chart 2)"),
    (199, 0, "contracts_under_construction_share", "contracts", "%", ".",
     "Share of all concluded contracts that are projects under construction (chart 2)"),
    (201, 0, "contracts_unconverted_transfer_share", "contracts", "%", ".",
     "Share of all concluded contracts that are transferred contracts not yet converted (chart 2)"),
    (221, 0, "industrial_land_ready_share", "land", "%", ".",
     "Share of total industrial land area that is ready for allotment (chart 3)"),
    (223, 0, "industrial_land_allotted_share", "land", "%", ".",
     "Share of total industrial land area allotted to applicants (chart 3)"),
    (228, 0, "approved_parks_with_land_share", "infrastructure", "%", ".",
     "Share of approved industrial parks/zones that have land (chart 4)"),
    (230, 0, "parks_with_land_operational_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that are in operation (chart 4)"),
    (232, 0, "parks_with_land_water_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have water (chart 4)"),
    (234, 0, "parks_with_land_electricity_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have electricity (chart 4)"),
    (236, 0, "parks_with_land_gas_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have gas (chart 4)"),
    (238, 0, "parks_with_land_phone_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have fixed telephone (chart 4)"),
    (240, 0, "parks_with_land_fibre_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have optical fibre (chart 4)"),
    (257, 0, "land_registered_deed_share_chart", "deeds", "%", ".",
     "Share of land in hand that has a registered (title) deed (chart 5)"),
    (259, 0, "registered_land_subdivision_deed_share_chart", "deeds", "%", ".",
     "Share of land with registered deeds that also has subdivision deeds (chart 5)"),
    (277, 0, "parks_approved_1401", "new parks", "parks/zones", ".",
     "Industrial parks/zones approved for creation or expansion in 1401 (Table 1)"),
    (279, 0, "parks_approved_1401_area", "new parks", "hectare", ".",
     "Area of the parks/zones approved in 1401 (Table 1)"),
    (384, 0, "private_parks_establishment_licences", "private parks", "parks", ".",
     "Non-government industrial parks issued an establishment licence, to end of 1401"),
    (386, 0, "private_parks_operation_licences", "private parks", "parks", ".",
     "Non-government industrial parks issued an operation licence, to end of 1401"),
    (698, 1, "land_registered_deed_share", "deeds", "%", ".",
     "Share of land in hand of parks/zones that has a registered (title) deed"),
    (698, 0, "land_registered_deed_area", "deeds", "hectare", ".",
     "Land in hand of parks/zones that has a registered (title) deed"),
    (700, 1, "registered_land_subdivision_deed_share", "deeds", "%", ".",
     "Share of land with registered deeds that has subdivision deeds"),
    (700, 0, "land_subdivision_deed_area", "deeds", "hectare", "none",
     "Land with subdivision deeds (printed 93,138: comma groups thousands)"),
    (702, 0, "parks_registered_deeds_1401", "deeds", "parks/zones", ".",
     "Parks/zones for which registered deeds were obtained in 1401"),
    (704, 1, "registered_deed_area_1401", "deeds", "hectare", ".",
     "Registered deeds obtained in 1401"),
    (704, 0, "subdivision_deed_area_1401", "deeds", "hectare", ".",
     "Subdivision deeds obtained in 1401 (as stated in the prose)"),
    (904, 1, "parks_in_operation", "water", "parks/zones", ".",
     "Parks/zones in operation (land being allotted), end of 1401 (water paragraph)"),
    (904, 0, "parks_with_water", "water", "parks/zones", ".",
     "Parks/zones in operation that have water, end of 1401"),
    (906, 2, "parks_with_water_share", "water", "%", ".",
     "Share of parks/zones in operation that have water"),
    (906, 1, "water_supplied_cumulative", "water", "litre/second", ".",
     "Water supplied to parks/zones, cumulative to end of 1401"),
    (906, 0, "parks_water_connected_1401", "water", "parks/zones", ".",
     "Parks/zones supplied with water in 1401"),
    (908, 0, "water_added_1401", "water", "litre/second", ".",
     "Water supply added in 1401 including revived water (Table 13 total)"),
    (1098, 1, "parks_with_electricity", "electricity", "parks/zones", ".",
     "Parks/zones with electricity, end of 1401"),
    (1098, 0, "electricity_supplied_cumulative", "electricity", "MW", ".",
     "Electric capacity supplied to parks/zones, cumulative to end of 1401"),
    (1104, 1, "parks_electrified_1401", "electricity", "parks/zones", ".",
     "Parks/zones electrified in 1401"),
    (1104, 0, "electricity_added_1401", "electricity", "MW", ".",
     "Electric capacity added for industrial units in 1401"),
    (1198, 1, "parks_in_operation_gas_paragraph", "gas", "parks/zones", ".",
     "Parks/zones in operation, end of 1401 (gas paragraph)"),
    (1198, 0, "parks_with_gas", "gas", "parks/zones", ".",
     "Parks/zones in operation that have gas, end of 1401"),
    (1200, 0, "parks_with_gas_share", "gas", "%", ".",
     "Share of parks/zones in operation that have gas"),
    (1203, 0, "parks_gas_connected_1401", "gas", "parks/zones", ".",
     "Parks/zones connected to gas in 1401"),
    (1211, 1, "parks_in_operation_phone_paragraph", "phone", "parks/zones", ".",
     "Parks/zones in operation, end of 1401 (telephone paragraph)"),
    (1211, 0, "parks_with_phone", "phone", "parks/zones", ".",
     "Parks/zones in operation that have fixed telephone, end of 1401"),
    (1213, 0, "parks_with_phone_share", "phone", "%", ".",
     "Share of parks/zones in operation that have fixed telephone (about)"),
    (1221, 1, "parks_phone_connected_1401", "phone", "parks/zones", ".",
     "Parks/zones given fixed telephone in 1401"),
    (1221, 0, "parks_phone_connected_1401_pct_of_plan", "phone", "%", ".",
     "Parks/zones given fixed telephone in 1401, as % of plan"),
    (1284, 0, "parks_fibre_connected_1401", "fibre", "parks/zones", ".",
     "Parks/zones connected to optical fibre in 1401"),
    (1286, 0, "parks_fibre_connected_1401_pct_of_plan", "fibre", "%", ".",
     "Parks/zones connected to optical fibre in 1401, as % of plan"),
    (1288, 0, "parks_with_fibre", "fibre", "parks/zones", ".",
     "Parks/zones with optical-fibre infrastructure, end of 1401"),
]


@register("overview_prose_figures", "002_text_overview_figures.csv")
def overview_prose_figures() -> pd.DataFrame:
    rows = []
    for n, idx, fid, topic, unit, dec, desc in PROSE:
        rows.append(dict(figure_id=fid, topic=topic, description_en=desc,
                         value=S.number(n, idx, decimal=dec), unit=unit, source_line=n))
    return pd.DataFrame(rows)
