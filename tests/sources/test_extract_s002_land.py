"""002 parks, land, deeds and special economic zones (extract/s002_land): hand-checked rows."""
import pandas as pd
import pytest

from analysis.sources.datasets import load


def row(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where)
    return df.iloc[0]


def pick(r, cols):
    return {c: (None if pd.isna(r[c]) else (float(r[c]) if isinstance(r[c], float) else r[c])) for c in cols}


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


def test_t25_zones():
    # line 2001: " س كازرون فار 5"; line 2011: row 9 Borujerd, province not printed (flagged)
    r = row("special_economic_zones", map_no=5)
    assert (r.zone_en, r.province, r.status) == ("Kazerun", "Fars", "approved_under_construction")
    r = row("special_economic_zones", map_no=9)
    assert r.flag.startswith("province=") and r.status == "master_plan_in_preparation"
