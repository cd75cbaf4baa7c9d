"""Part 002a (002 lines 1-1400): hand-checked rows and the audit's expected findings."""
import math

import pandas as pd
import pytest

from analysis.sources.audit import a002a_land_infra as a
from analysis.sources.datasets import load


def row(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where)
    return df.iloc[0]


def pick(r, cols):
    return {c: (None if pd.isna(r[c]) else (float(r[c]) if isinstance(r[c], float) else r[c])) for c in cols}


# --- hand-checked rows -------------------------------------------------------------------------
def test_prose_figures():
    df = load("overview_prose_figures").set_index("figure_id")
    # line 180 "... 51.6 ..." allotted land in operating units; line 700 "93,138" hectares;
    # line 1221 "73 ... 11"; line 1288 "464"
    result = {k: float(df.loc[k, "value"]) for k in
              ("land_allotted_operational_share", "land_subdivision_deed_area", "parks_phone_connected_1401",
               "parks_phone_connected_1401_pct_of_plan", "parks_with_fibre")}
    expected = {"land_allotted_operational_share": 51.6, "land_subdivision_deed_area": 93138.0,
                "parks_phone_connected_1401": 11.0, "parks_phone_connected_1401_pct_of_plan": 73.0,
                "parks_with_fibre": 464.0}
    assert result == expected
    assert df.loc["parks_with_fibre", "source_line"] == 1288


def test_approved_parks_rows():
    # line 323 " 19 هرمزگان تخصصي شيشه ايجاد 830/4 ملي"; line 360 " 37 خراسان رضوي  5مشهد  هتوسع 3000 مستثنيات-ملي"
    r = row("approved_parks", row_no=19)
    assert pick(r, ["province", "action", "land_status", "hectares", "source_line"]) == {
        "province": "Hormozgan", "action": "new", "land_status": "national", "hectares": 830.4, "source_line": 323}
    r = row("approved_parks", row_no=37)
    assert pick(r, ["province", "action", "land_status", "hectares"]) == {
        "province": "Razavi Khorasan", "action": "expansion", "land_status": "exempted+national", "hectares": 3000.0}
    df = load("approved_parks")
    assert (df.row_kind == "park").sum() == 42
    assert float(df[df.row_kind == "total"].hectares.iloc[0]) == 10418.03  # line 372


@pytest.mark.parametrize("name,item,expected", [
    # line 442 " 75 12 16 شركت  تشكيل شركت ..."
    ("service_company_law", "service companies formed", {"plan": 16, "actual": 12, "pct_printed": 75}),
    # line 572 " 100 2776 2477 هكتار زمين صنعتي"
    ("new_parks_plan", "industrial land", {"plan": 2477, "actual": 2776, "pct_printed": 100}),
    # line 720 " %64 2765 4310 هكتار ..."
    ("registered_deeds_plan", "land with registered deeds", {"plan": 4310, "actual": 2765, "pct_printed": 64}),
    # line 822 " %83 3277 3967 هكتار ..."
    ("subdivision_deeds_plan", "land with subdivision deeds", {"plan": 3967, "actual": 3277, "pct_printed": 83}),
    # line 888 " 718 739 ليتر بر ثانيه ..." and line 896 " 23 30 ... فيبر نوري"
    ("infrastructure_plan", "water supplied (operational phase)", {"plan": 739, "actual": 718}),
    ("infrastructure_plan", "parks/zones with optical fibre", {"plan": 30, "actual": 23}),
    # line 1389 " 958 730 كارگاه ... بخش خصوصي"
    ("workshop_units", "workshop units built by the private sector", {"plan": 730, "actual": 958}),
])
def test_plan_actual_lines(name, item, expected):
    r = row(name, item=item)
    result = {k: int(r[k]) for k in expected}
    assert result == expected


def test_estate_land_area():
    # line 605 " 95 5916 6187 6979 149901 هكتار مساحت اراضي در اختيار"
    r = load("estate_land_area").iloc[0]
    result = {k: int(r[k]) for k in ("cumulative_to_1400", "actual_1400", "plan_1401", "actual_1401", "pct_printed")}
    assert result == {"cumulative_to_1400": 149901, "actual_1400": 6979, "plan_1401": 6187,
                      "actual_1401": 5916, "pct_printed": 95}


def test_land_added_rows():
    # line 620 "آذربايجان شرقي 240 ( (103) آخولا -(119) )اسكو 222"
    r = row("land_added_by_province", province="East Azerbaijan")
    assert pick(r, ["target", "actual", "parts_sum", "source_line"]) == {
        "target": 240, "actual": 222.0, "parts_sum": 222.0, "source_line": 620}
    # Khuzestan: actual 115.6 on line 644, label and target 115 on line 647
    r = row("land_added_by_province", province="Khuzestan")
    assert pick(r, ["target", "actual", "source_line", "source_line_end"]) == {
        "target": 115, "actual": 115.6, "source_line": 644, "source_line_end": 647}
    # Zanjan, line 649 "جان نز 255 )زنجان يك( 021": actual flagged
    r = row("land_added_by_province", province="Zanjan")
    assert r.flag.startswith("actual=garbled") and r.raw_text == "021"


def test_deeds_rows():
    # line 750 " 99.5 سيستان و بلوچستان  13"; line 788 " 2765 ع مج"
    r = row("registered_deeds_by_province", province="Sistan and Baluchestan")
    assert pick(r, ["hectares", "row_no", "source_line"]) == {"hectares": 99.5, "row_no": 13, "source_line": 750}
    # line 851 " 1430 زوين ق 12"; line 847 " 417 زنجان  " (no row number)
    r = row("subdivision_deeds_by_province", province="Qazvin")
    assert pick(r, ["hectares", "row_no"]) == {"hectares": 1430.0, "row_no": 12}
    assert pd.isna(row("subdivision_deeds_by_province", province="Zanjan").row_no)


def test_electricity_rows():
    # regular line 1152 " 80 38 سمنان  15": actual 80, plan 38
    r = row("electricity_by_province", province="Semnan")
    assert pick(r, ["plan", "actual", "flag"]) == {"plan": 38.0, "actual": 80.0, "flag": None}
    # label-first line 1169 "انگلست 24  15 11.1": plan 15, actual 11.1, order flagged
    r = row("electricity_by_province", province="Golestan")
    assert (float(r.plan), float(r.actual)) == (15.0, 11.1) and "order inferred" in r.flag
    # garbled line 1126 "ان غربيآذربايج 2  81  618.": both cells empty and flagged
    r = row("electricity_by_province", province="West Azerbaijan")
    assert pd.isna(r.plan) and pd.isna(r.actual) and r.flag.count("garbled") == 2
    # total line 1185 " 639.8 657 جمع كشور"
    r = load("electricity_by_province").query("row_kind == 'total'").iloc[0]
    assert (float(r.plan), float(r.actual)) == (657.0, 639.8)
    df = load("electricity_by_province")
    assert df.flag.notna().sum() == 10  # 11 label-first lines; East Azerbaijan (20 20) needs no order flag


def test_phone_and_fibre_rows():
    # line 1248 " 0 2 ايلام  3" (Table 15); line 1332 " 2 1 نان سم 13" (Table 16)
    r = row("phone_by_province", province="Ilam")
    assert (int(r.plan), int(r.actual), int(r.source_line)) == (2, 0, 1248)
    r = row("fibre_by_province", province="Semnan")
    assert (int(r.plan), int(r.actual), int(r.source_line)) == (1, 2, 1332)
    assert len(load("phone_by_province")) == 14 and len(load("fibre_by_province")) == 26


# --- audit findings --------------------------------------------------------------------------
def findings(func):
    return {f.item: (f.printed, None if f.recomputed is None else round(f.recomputed, 4), f.verdict) for f in func()}


def test_printed_percentages():
    result = findings(a.printed_percentages)
    expected = {
        "service companies formed": (75, 75.0, "ok"),  # line 442: 12/16
        "parks/zones whose management was handed over": (71, 71.4286, "ok"),  # line 444: 10/14
        "operational phase": (94, 94.2347, "ok"),  # line 570: 4593/4874
        "industrial land": (100, 112.0711, "capped"),  # line 572: 2776/2477
        "land with registered deeds": (64, 64.1531, "ok"),  # line 720
        "land with subdivision deeds": (83, 82.6065, "ok"),  # line 822
        "land added in 1401": (95, 95.6198, "rounding"),  # line 605: 5916/6187 truncated
    }
    assert result == expected


def test_table_totals():
    result = findings(a.table_totals)
    expected = {
        "hectares: 42 parks vs printed total (جمع)": (10418.03, 10418.03, "ok"),  # line 372
        "target: 31 provinces vs printed total (جمع)": (6187, 6187.0, "ok"),  # line 685
        "actual: 31 provinces vs printed total (جمع)": (5916.5, 5727.5, "discrepancy"),  # line 685
        "hectares: 25 provinces vs printed total (جمع)": (2765, 3022.0, "discrepancy"),  # line 788
        "hectares: 19 provinces vs printed total (جمع)": (3276.6, 3236.6, "discrepancy"),  # line 867
        "plan: provinces vs printed national total (جمع کشور)": None,
        "actual: provinces vs printed national total (جمع کشور)": None,
    }
    for k, v in expected.items():
        if v is not None:
            assert result[k] == v, k
    by = {(f.dataset, f.item.split(":")[0]): (f.printed, round(f.recomputed, 4), f.verdict) for f in a.table_totals()}
    assert by[("phone_by_province", "plan")] == (15, 15.0, "ok")  # line 1280
    assert by[("phone_by_province", "actual")] == (11, 11.0, "ok")
    assert by[("fibre_by_province", "plan")] == (30, 30.0, "ok")  # line 1371
    assert by[("fibre_by_province", "actual")] == (23, 23.0, "ok")
    # line 1185: 657 / 639.8 printed; West Azerbaijan (line 1126) left out
    assert by[("electricity_by_province", "plan")] == (657, 638.5, "discrepancy")
    assert by[("electricity_by_province", "actual")] == (639.8, 609.9, "discrepancy")


def test_land_parts():
    result = {k: v for k, v in findings(a.land_parts).items() if v[2] != "ok"}
    # line 679: 24 + 1.3 + 49.9 = 75.2 against the printed 75; all other provinces add up
    expected = {"Hormozgan: per-park hectares in parentheses vs actual": (75, 75.2, "discrepancy")}
    assert result == expected
    assert len(a.land_parts()) == 18


def test_cross_tables():
    result = findings(a.cross_tables)
    expected = {
        # Table 12 line 888 (739/718) vs Table 13 lines 931-990
        "water plan: Table 12 vs Table 13's 31 provinces (lines 931-990)": (739, 739.0, "ok"),
        "water actual: Table 12 vs Table 13's 31 provinces (lines 931-990)": (718, 718.0, "ok"),
        # Table 12 line 890 (638/657) vs Table 14 line 1185 (639.8/657)
        "electricity plan: Table 12 vs the per-province table's printed total": (657, 657.0, "ok"),
        "electricity actual: Table 12 vs the per-province table's printed total": (638, 639.8, "discrepancy"),
        "telephone plan: Table 12 vs the per-province table's printed total": (15, 15.0, "ok"),
        "telephone actual: Table 12 vs the per-province table's printed total": (11, 11.0, "ok"),
        "fibre plan: Table 12 vs the per-province table's printed total": (30, 30.0, "ok"),
        "fibre actual: Table 12 vs the per-province table's printed total": (23, 23.0, "ok"),
        # Table 6 line 605 vs Table 7 line 685; Table 8 line 720 vs 9 line 788; Table 10 line 822 vs 11 line 867
        "plan 1401: Table 6 vs Table 7's total target": (6187, 6187.0, "ok"),
        "actual 1401: Table 6 vs Table 7's total actual": (5916, 5916.5, "ok"),
        "actual: Table 8 vs Table 9's printed total": (2765, 2765.0, "ok"),
        "actual: Table 10 vs Table 11's printed total": (3277, 3276.6, "ok"),
    }
    assert result == expected


def test_prose_vs_tables():
    result = findings(a.prose_vs_tables)
    expected = {
        "20 parks connected to fibre: prose vs Table 12 actual": (20, 23.0, "discrepancy"),  # line 1284 vs 896
        "3967 ha subdivision deeds: prose vs Table 10 actual": (3967, 3277.0, "discrepancy"),  # line 704 vs 822
        "638 MW added: prose vs Table 12 actual": (638, 638.0, "ok"),  # line 1104 vs 890
        "872 l/s added: prose vs Table 13 printed total": (872, 872.0, "ok"),  # line 908 vs 994
        "parks with water: 849 of 858 in operation": (99, 98.951, "ok"),  # lines 904-906
        "fibre 1401: 20 parks (prose) of Table 12's plan 30": (66, 66.6667, "rounding"),  # line 1286
        # lines 197-201: 49.3 + 47.6 + 0.2
        "chart 2: shares of contracts (operational + under construction + unconverted transfers)": (100.0, 97.1, "discrepancy"),
        "chart 3: industrial land ready + allotted": (100.0, 100.0, "ok"),  # lines 221-223: 29 + 71
    }
    assert {k: result[k] for k in expected} == expected
    implied = [f.recomputed for f in a.prose_vs_tables() if f.check == "implied base of a headline share"]
    assert len(implied) == 5 and all(math.isclose(x, 950, abs_tol=1.5) for x in implied)
