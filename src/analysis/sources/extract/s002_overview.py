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
    (1025, 0, "water_not_drawable_drought", "water", "litre/second", ".",
     "Water supplied to parks/zones that cannot be drawn because of drought (a challenge of section 2-5-3)"),
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


# Number tokens of lines 180-1288 deliberately not transcribed (analysis.sources.coverage):
# "<line> <token> ... | <kind> [detail]". The data rows of the tables catalogued as their own
# datasets are those datasets' business; their captions and headers are covered here.
SKIPPED = """
181 2 | chart Chart 2
205 3 | chart Chart 3
225 4 | chart Chart 4
242 5 | chart Chart 5
261 6 | chart Chart 6
275 1 2 | section 2-1
281 1401 | year the year the parks were approved
283 1 | table Table 1
283 1401 | year in Table 1's caption
376 2 2 | section 2-2
378 44 | law Article 44 of the Constitution (اصل ۴۴)
378 3 | law Article 3 of the law implementing the Article 44 policies
378 5 | law Note 5 (تبصره ۵), clause a
384 1401 | year the end of 1401, the date of the licence counts
387 3 2 | section 2-3
389 1 3 2 | section 2-3-1
391 1387 | year the year the law on industrial parks was passed
393 1390 | year the year its regulation was approved
403 8 | law Article 8 of the Civil Service Management Law
405 5 | law Note 5 (تبصره ۵)
405 3 | law Article 3 of the law implementing the Article 44 policies
405 44 | law Article 44 of the Constitution
415 96 | year 1396
433 2 | table Table 2
433 1401 | year in Table 2's caption
436 3 | table Table 3, cited
438 3 | table Table 3
438 1401 | year in Table 3's caption
448 8 7 | chart Charts 7 and 8, cited
450 1390 1401 | year 1390-1401, the period of Charts 7-8
452 7 | chart Chart 7
456 8 | chart Chart 8
483 38 | law Article 38 of the value-added tax law
489 11 | law Article 11 of the regulation of the industrial-parks law
495 9 | law Article 9
501 5 1 | law Articles 1 and 5 of the regulation
507 2 3 2 | section 2-3-2
558 5 | law Article 5 of the law
560 4 2 | section 2-4
564 5 | table Table 5, cited
566 5 | table Table 5
576 6 | table Table 6, cited
578 6 | table Table 6
578 1401 | year in Table 6's caption
587 1400 | year Table 6's column header (1400)
591 1400 | year Table 6's column header (actual 1400)
595 1401 | year Table 6's column header (1401)
599 1401 | year Table 6's column header (actual 1401)
606 7 | table Table 7
606 1401 | year in Table 7's caption
608 1401 | year Table 7's column header
608 12 | period Table 7's column header 'twelve-month actual 1401' (عملکرد ۱۲ ماهه)
614 1401 | year Table 7's column header
686 1 4 2 | section 2-4-1
686 1401 | year in the heading of section 2-4-1
702 1401 | year the year of the deeds transcribed on this line
704 1401 | year the year of the deeds transcribed on this line
708 2 4 2 | section 2-4-2
712 8 | table Table 8, cited
716 8 | table Table 8
722 9 | table Table 9
758 1401 | year the running page header (عملکرد ... در سال ۱۴۰۱)
760 16 | page page number
790 3 4 2 | section 2-4-3
814 4 4 2 | section 2-4-4
816 10 | table Table 10, cited
818 10 | table Table 10
823 5 4 2 | section 2-4-5
825 11 | table Table 11
871 6 4 2 | section 2-4-6
879 5 2 | section 2-5
881 1 5 2 | section 2-5-1
883 12 | table Table 12, cited
884 12 | table Table 12
898 2 5 2 | section 2-5-2
904 0114 | garbled the year 1401 (سال ۱۴۰۱), digits out of order
908 1401 | year the year of the water added, transcribed on this line
912 872 | repeat 908 the 872 litres/second of 1401, named again
912 13 | table Table 13, cited
916 13 | table Table 13
998 154 | repeat 992 the 154 litres/second revived with the Ministry of Energy (Table 13, row 32)
1010 3 5 2 | section 2-5-3
1012 81 | law Article 81
1012 54 | law Article 54
1012 2 | law the law of additions to the state's financial regulations (2)
1041 1 3 5 2 | section 2-5-3-1
1059 4/12/1384 | date of the Ministry of Energy's resolution
1088 57379 139939 | reference the cabinet resolution's number (۵۷۳۷۹/ت۱۳۹۹۳۹)
1090 5 | law clause 5 (بند ۵) of the note
1090 2/12/1399 | date of the cabinet's resolution on water tariffs
1096 4 5 2 | section 2-5-4
1096 1401 | year in the heading of section 2-5-4
1098 1140 | garbled the year 1401 (تا پایان سال ۱۴۰۱), digits out of order
1108 14 | table Table 14, cited
1110 14 | table Table 14
1196 5 5 2 | section 2-5-5
1198 1401 | year the end of 1401, the date of the counts on this line
1205 1401 | year the caption of photographs of 1401 gas projects
1209 6 2 5 | section 2-5-6
1211 1401 | year the end of 1401, the date of the counts on this line
1215 1401 | year the year of the telephone projects
1229 15 | table Table 15, cited
1231 15 | table Table 15
1282 7 5 2 | section 2-5-7
1284 1401 | year the year of the fibre connections transcribed on this line
1288 1401 | year the end of 1401, the date of the count on this line
"""


@register("overview_prose_figures", "002_text_overview_figures.csv")
def overview_prose_figures() -> pd.DataFrame:
    rows = []
    for n, idx, fid, topic, unit, dec, desc in PROSE:
        rows.append(dict(figure_id=fid, topic=topic, description_en=desc,
                         value=S.number(n, idx, decimal=dec), unit=unit, source_line=n))
    return pd.DataFrame(rows)
