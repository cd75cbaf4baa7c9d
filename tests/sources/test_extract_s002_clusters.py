"""002 business clusters and the subcontracting exchange (extract/s002_clusters): hand-checked rows."""
from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where, len(df))
    return df.iloc[0]


def test_t26_action_plans():
    # line 2385: " %125 377 301 برنامه عمل ..." -> 125 %, actual 377, plan 301
    r = _row("cluster_programme", row_no=5)
    assert (r.plan, r.actual, r.pct_printed) == (301, 377, 125)


def test_t27_indicators():
    # line 2424: " %18 139702 118392 ..." (change, after, before)
    r = _row("cluster_indicators", indicator_en="Firms in supported clusters")
    assert (r.before, r.after, r.change_pct_printed) == (118392.0, 139702.0, 18)
    # label on lines 2428-2430, numbers in logical order on line 2431: "699 1728 147%"; the row
    # cites the line of its numbers
    r = _row("cluster_indicators", source_line=2431)
    assert (r.before, r.after, r.change_pct_printed) == (699.0, 1728.0, 147)
    assert "source_line_end" not in load("cluster_indicators").columns
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
    # line 3082: " 98 1827 1799 تعداد" -> 98 %, plan 1827, actual 1799; the label is on lines
    # 3079-3081 (no number there), so the row cites 3082
    r = load("subcontracting_plan_actual").iloc[0]
    assert (r.plan, r.actual, r.pct_printed, r.source_line) == (1827, 1799, 98, 3082)
