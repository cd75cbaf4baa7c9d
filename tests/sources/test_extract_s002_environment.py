"""002 wastewater, green space, environment and fire safety (extract/s002_environment): hand-checked rows."""
from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where, len(df))
    return df.iloc[0]


def test_t19_modules():
    # line 1450: " 67 8 12 مدول" -> 67 %, actual 8, plan 12
    r = _row("wastewater_plan_actual", unit_en="treatment module")
    assert (r.plan, r.actual, r.pct_printed) == (12, 8, 67)


def test_t20_isfahan_and_hamedan():
    # line 1506: "اصفهان 1 رامشه ... 1 1 (مبارکه مدول 2) ... 1" (logical order)
    r = _row("wastewater_by_province", province="Isfahan")
    assert (r.estates_plan, r.estates_actual, r.modules_plan, r.modules_actual) == (1, 1, 1, 1)
    # Hamedan: line 1598 "همدان 0 0 0 2" and the achieved 2 on line 1591
    r = _row("wastewater_by_province", province="Hamadan")
    assert (r.modules_plan, r.modules_actual, r.source_line, r.source_line_end) == (2, 2, 1591, 1598)


def test_t21_lawn():
    # line 1679: " %72 8 11 هكتار  مساحت گلكاري و چمن كاري  4"
    r = _row("green_space", row_no=4)
    assert (r.plan, r.actual, r.pct_printed) == (11.0, 8.0, 72)
    # line 1677: 0.177 actual vs 0.17 plan (million saplings)
    r = _row("green_space", row_no=3)
    assert (r.plan, r.actual) == (0.17, 0.177)


def test_t22_eia():
    # line 1721: " 27 17 شهرك/ناحيه  العات ارزيابي اثرات زيست محيطي" -> plan 27, actual 17
    r = _row("environment_plan_actual", item_en="Environmental impact assessment studies")
    assert (r.plan, r.actual) == (27, 17)


def test_t23_capacity():
    # line 1732: " 186998 كعب در روز ..."
    assert _row("wastewater_capacity", row_no=1).value == 186998


def test_t24_engines():
    # line 1876: " 390 29 361 326 295 283 267 242 217 150 88 60 ..."
    df = load("fire_stations")
    e = df[df.item == "fire engines"].set_index(["measure", "year"]).value
    result = [e[("total", 1401)], e[("added_in_year", 1401)], e[("cumulative_to_end_of_year", 1400)],
              e[("cumulative_to_end_of_year", 1391)]]
    assert result == [390, 29, 361, 60]
