"""Part 002b (002 Tables 18-34): hand-checked rows and the audit's expected verdicts."""

from analysis.sources.audit import a002b_tables18_34 as a
from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where, len(df))
    return df.iloc[0]


def _findings(func):
    return {f.item: (f.printed, f.recomputed, f.verdict) for f in func()}


# ------------------------------------------------------------------ hand-checked rows
def test_t18_ardabil():
    # line 1424: " 100 1276 40000 2اردبيل   اردبيل 1" -> progress 100, area 1276 m2, credit 40000
    r = _row("tech_centre_projects", row_no=1)
    result = (r.province, r.credit_spent_1401, r.floor_area_m2, r.progress_pct)
    expected = ("Ardabil", 40000, 1276, 100)
    assert result == expected


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


def test_t25_zones():
    # line 2001: " س كازرون فار 5"; line 2011: row 9 Borujerd, province not printed (flagged)
    r = _row("special_economic_zones", map_no=5)
    assert (r.zone_en, r.province, r.status) == ("Kazerun", "Fars", "approved_under_construction")
    r = _row("special_economic_zones", map_no=9)
    assert r.flag.startswith("province=") and r.status == "master_plan_in_preparation"


def test_t26_action_plans():
    # line 2385: " %125 377 301 برنامه عمل ..." -> 125 %, actual 377, plan 301
    r = _row("cluster_programme", row_no=5)
    assert (r.plan, r.actual, r.pct_printed) == (301, 377, 125)


def test_t27_indicators():
    # line 2424: " %18 139702 118392 ..." (change, after, before)
    r = _row("cluster_indicators", indicator_en="Firms in supported clusters")
    assert (r.before, r.after, r.change_pct_printed) == (118392.0, 139702.0, 18)
    # lines 2428-2431, logical order on line 2431: "699 1728 147%"
    r = _row("cluster_indicators", source_line=2428)
    assert (r.before, r.after, r.change_pct_printed, r.source_line_end) == (699.0, 1728.0, 147, 2431)
    # line 2437: " %6 2.2 2.1 ..." exports in billion dollars
    r = _row("cluster_indicators", indicator_en="Exports of supported firms")
    assert (r.before, r.after, r.unit) == (2.1, 2.2, "billion US dollars")
    assert load("cluster_indicators").indicator_fa.str.len().min() > 10


def test_t28_t29():
    # line 2611: "... مركزي ... 7"; line 2646: " 1 سمنان  12 4 اصفهان  4"
    assert _row("cluster_map_updates", row_no=7).province == "Markazi"
    assert _row("cluster_feasibility_by_province", province="Isfahan").studies_completed == 4
    assert _row("cluster_feasibility_by_province", province="Semnan").studies_completed == 1


def test_t30_lorestan():
    # line 2917: "2 عسل -فرش 4 فرش -عسل -گليم و جاجيم -سنگ 2 پلاستيك -آبزي پروري لرستان 26"
    r = _row("cluster_projects_by_province", province="Lorestan")
    assert (r.row_no, r.running, r.completed_total, r.completed_1401) == (26, 2, 4, 2)
    names = load("cluster_project_names")
    sel = names[(names.province == "Lorestan") & (names.table == "30")]
    result = sorted(zip(sel.status, sel.cluster_fa))
    expected = sorted([("running_1401", "آبزی پروری"), ("running_1401", "پلاستیک"),
                       ("completed_total", "سنگ"), ("completed_total", "گلیم و جاجیم"),
                       ("completed_total", "عسل"), ("completed_total", "فرش"),
                       ("completed_1401", "فرش"), ("completed_1401", "عسل")])
    assert result == expected


def test_t30_east_azerbaijan_block():
    # lines 2695-2715: running 3 (line 2703), completed 12 (line 2711), completed in 1401 1 (line 2715)
    r = _row("cluster_projects_by_province", province="East Azerbaijan")
    assert (r.running, r.completed_total, r.completed_1401, r.source_line, r.source_line_end) == (3, 12, 1, 2695, 2715)


def test_t31_t32():
    # line 2989: "توليد نرم افزار -چاپ و نشر   2 قم 12"
    r = _row("cluster_projects_started", province="Qom")
    assert (r.row_no, r.started_1401) == (12, 2)
    assert set(r.cluster_names_fa.split(" - ")) == {"چاپ و نشر", "تولید نرم افزار"}
    # line 3030: " 7 موعجم"
    assert _row("cluster_projects_completed_1401", row_kind="total").completed_1401 == 7


def test_t33_t34():
    # line 3071: "و خودر قطعات خراسان رضوي  9 صنايع دريايي تهران  4"
    assert _row("subcontracting_secretariats", row_no=9).province == "Razavi Khorasan"
    assert _row("subcontracting_secretariats", row_no=4).field_en == "marine industries"
    # line 3082: " 98 1827 1799 تعداد" -> 98 %, plan 1827, actual 1799
    r = load("subcontracting_plan_actual").iloc[0]
    assert (r.plan, r.actual, r.pct_printed) == (1827, 1799, 98)


# ------------------------------------------------------------------ audit verdicts
def test_audit_wastewater():
    # Table 20 total line 1602 "جمع 7 4 12 8" = column sums = Table 19 (lines 1448, 1450)
    f = _findings(a.wastewater)
    assert f["modules_actual: 31 provinces vs printed total (جمع)"] == (8, 8, "ok")
    assert f["estates_plan: Table 20 total vs Table 19 plan"] == (7, 7, "ok")
    # prose line 1736 says 9 modules; the table prints 8
    assert f["modules brought into operation: prose (line 1736) vs Table 19 actual"] == (9, 8, "discrepancy")
    assert f["industrial estate/zone"][2] == "ok"  # 4/7 = 57 % (line 1448)


def test_audit_green_space_percentages():
    # lines 1673-1679: rows 1-3 above plan print 100 %, row 4 8/11 = 72.7 % printed 72
    result = {k: v[2] for k, v in _findings(a.green_space).items()}
    expected = {"Green-space area": "capped", "Drip irrigation installed": "capped",
                "Trees and perennial shrubs planted": "capped", "Flower beds and lawn area": "rounding"}
    assert result == expected


def test_audit_environment_and_fire():
    f = _findings(a.environment)
    # line 1742 prose 1905 vs table line 1715 1908
    assert f["units connected in 1401: prose (line 1742) vs table actual"] == (1905, 1908, "discrepancy")
    assert f["capacity m3/day: prose (line 1740) vs table"][2] == "ok"
    f = _findings(a.fire)
    # line 1874: 295 + 14 = 309
    assert f["fire stations: end-1400 stock + added in 1401 vs printed total"] == (309, 309, "ok")
    assert f["fire engines: end-1400 stock + added in 1401 vs printed total"] == (390, 390, "ok")


def test_audit_tech_centres():
    # prose line 1400: 90000 million rials = 40000 + 0 + 0 + 10000 + 40000 (lines 1424-1432)
    assert _findings(a.tech_centres)["credit spent in 1401: 5 projects vs prose (90000 million rials)"] == (90000, 90000, "ok")


def test_audit_cluster_programme():
    f = _findings(a.cluster_programme)
    result = {k: v[2] for k, v in f.items() if not k.startswith("row") and "prose" not in k}
    assert set(result.values()) == {"ok"}  # all 7 printed % match (lines 2377-2393)
    # Table 26 row 1 (line 2377) reports 8 map updates; Table 28 lists 7 (lines 2599-2611)
    assert f["row 1 map-update projects: Table 26 actual vs Table 28 rows"] == (8, 7, "discrepancy")
    assert f["row 2 feasibility studies: Table 26 actual vs Table 29 sum"] == (27, 27, "ok")


def test_audit_cluster_indicators():
    f = _findings(a.cluster_indicators)
    # line 2437: exports 2.1 -> 2.2 is +4.8 %, printed 6 %
    assert f["Exports of supported firms"][0] == 6 and f["Exports of supported firms"][2] == "discrepancy"
    # line 2426: 235 -> 566 is +140.85 %, printed 140
    assert f["Networks in supported clusters"][2] == "rounding"
    assert f["Firms in supported clusters"][2] == "ok"
    assert f["total sales (billion rials) vs exports (billion US dollars)"][2] == "unit"


def test_audit_cluster_projects():
    f = _findings(a.cluster_projects)
    # line 2959 prints running total 54; the 31 province rows add up to 51
    assert f["running: 31 provinces vs printed total (مجموع)"] == (54, 51, "discrepancy")
    assert f["completed_total: 31 provinces vs printed total (مجموع)"] == (129, 129, "ok")
    assert f["completed_1401: 31 provinces vs printed total (مجموع)"] == (7, 7, "ok")
    # Markazi (lines 2926-2929): 5 completed names, printed count 4
    assert f["Markazi completed_total: names listed vs printed count"] == (4, 5, "discrepancy")
    assert f["started in 1401: 21 provinces vs printed total (مجموع)"] == (27, 27, "ok")  # line 3009
    assert f["completed in 1401: names listed vs printed total"] == (7, 7, "ok")  # line 3030


def test_audit_subcontracting():
    result = {k: v[2] for k, v in _findings(a.subcontracting).items() if "prose" not in k}
    # lines 3082-3088: 1799/1827 = 98.5 % printed 98; 207/222 = 93.2 % printed 94; rows 3-4 above plan
    expected = {"Units registered or updated in the subcontracting exchange system (SPX)": "ok",
                "Marketing activities carried out": "rounding",
                "Capacity-building activities": "capped",
                "Value of contracts concluded for members": "capped"}
    assert result == expected
