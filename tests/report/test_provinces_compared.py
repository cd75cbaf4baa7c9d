"""Chapter 03 (provinces compared): expected values hand-computed from seed 002 lines."""
import doctest

import pytest

from analysis.report import provinces_compared as ch_provinces


@pytest.fixture(scope="module")
def m():
    return ch_provinces.matrix()


@pytest.fixture(scope="module")
def v():
    return ch_provinces.values()


def test_doctests():
    assert doctest.testmod(ch_provinces).failed == 0


def test_matrix_cells(m):
    assert m.ratio.shape == (31, 8)
    # 002 line 955: Khuzestan water plan 20, actual 84; line 939: Alborz plan 25, actual 0
    assert m.ratio.loc["Khuzestan", "water"] == pytest.approx(4.2)
    assert m.ratio.loc["Alborz", "water"] == 0
    # line 649: Zanjan land actual printed '021', flagged -> excluded
    assert m.state.loc["Zanjan", "land"] == "flagged"
    assert m.ratio.isna().loc["Zanjan", "land"]
    # undefined cells are exactly the non-defined states
    assert ((m.state == "defined") == m.ratio.notna()).all().all()


def test_state_counts(m):
    sc = ch_provinces.state_counts(m)
    assert sc.loc["electricity", "flagged"] == 10  # 10 flagged lines of Table 14
    assert sc.loc["phone", "not_in_table"] == 31 - 13  # Table 15 lists 13 provinces
    assert sc.loc["wastewater_estates", "zero_plan"] == 24
    assert int(sc.to_numpy().sum()) == 31 * 8
    assert len(m.flagged) == 11


def test_aggregates_water():
    agg = ch_provinces.aggregates()
    # Table 13 province rows: 718 / 739 (the printed total 872/922 includes revived water)
    assert agg.loc["water", "ratio_of_sums"] == pytest.approx(718 / 739)
    assert agg.loc["water", "gap_pp"] > 0
    ind, g = ch_provinces.gap_explanation()
    assert ind == "water" and g.table.iloc[0]["province"] == "Zanjan"  # line 957: plan 99, actual 5


def test_fits():
    fs = ch_provinces.fits()
    assert set(fs) == set(ch_provinces.FIT_INDICATORS)
    cb = fs["capital_budget"]
    assert cb.n == 31 and cb.slope_ci[0] < 1 < cb.slope_ci[1]
    assert fs["water"].slope_ci[0] < 0  # interval includes zero


def test_budget(v):
    b = ch_provinces.budget()
    tehran = b[b.province == "Tehran"].iloc[0]  # line 4823: 1,170,000 / 1,200,000
    assert tehran.share == pytest.approx(0.975) and tehran["rank"] == 1
    assert v["cmp_budget_share"] == "68.4 %"  # line 4871: 14,933,562 / 21,816,992


def test_units_jobs_and_projects():
    u = ch_provinces.units_jobs()
    # prose line 5324: 50,842 units and 1,015,870 jobs to the end of 1401
    assert u["units_cum_1401"].sum() == 50842 and u["employment_cum_1401"].sum() == 1015870
    p = ch_provinces.projects()
    assert (p["stage_sum"] == p["total"]).all()
    isf = p[p.province == "Isfahan"].iloc[0]  # line 5579
    assert (isf.stage_land_allocated, isf.total) == (2018, 4826)


def test_finances_nominal_and_real():
    f = ch_provinces.finances()
    ea = f[f.province == "East Azerbaijan"].iloc[0]  # line 6042: 8,646,325 / 5,430,172 = +59 %
    assert ea.growth_nominal == pytest.approx(8646325 / 5430172 - 1)
    # real: deflated by 2022 CPI inflation of 43.4885 % (World Bank FP.CPI.TOTL.ZG)
    assert ea.growth_real == pytest.approx((8646325 / 5430172) / 1.434885 - 1, rel=1e-4)
    assert int(f["growth_flagged"].sum()) == 4  # Ilam, Tehran, Razavi and North Khorasan


def test_values_and_tables_clean(m, v):
    assert all(isinstance(x, str) and x and "nan" not in x.lower().split() for x in v.values())
    for t in (ch_provinces.rankings_table(m), ch_provinces.aggregates_table(), ch_provinces.budget_table(),
              ch_provinces.contracts_table(), ch_provinces.units_jobs_table(), ch_provinces.finances_table(),
              ch_provinces.fits_table()):
        h = t._repr_html_()
        assert ">nan<" not in h and "None" not in h and "<NA>" not in h


@pytest.fixture
def persian():
    from analysis.core import text
    text.use_language("fa")
    yield
    text.use_language("en")


def test_gap_text_is_the_metrics_sentence():
    # the chapter's sentence (text/en/provinces_compared.yml) says exactly what
    # analysis.metrics.planactual.explain_gap says: Table 13, Zanjan line 957 plan 99, actual 5
    ind, g = ch_provinces.gap_explanation()
    assert ch_provinces.gap_text(g) == g.text
    assert "Zanjan (plan 99, ratio 5.1 %" in g.text


def test_english_values_read_as_before(v):
    assert v["cmp_best_n"] == "6 of 6"
    assert v["cmp_fit_capital_budget_outside"] == "none"
    assert v["cmp_flagged_list"].startswith("Land: Zanjan; Electricity: West Azerbaijan, Ilam, ")
    # Table 66 sums: 122,727,790 / 81,713,062 million rials = +50.19 %; real, deflated by 1.434885: +4.67 %
    assert v["cmp_res_growth_nominal"] == "50.2 %" and v["cmp_res_growth_real"] == "4.7 %"
    # Table 57/56 sums: 1,015,870 jobs / 50,842 units = 19.98 per unit
    assert v["cmp_jpu_cum"] == "20.0"


def test_persian_edition(persian):
    v = ch_provinces.values()
    assert v["cmp_best_n"] == "۶ از ۶"  # 6 of 6, in Persian digits
    assert v["cmp_best_province"] == "همدان"
    assert v["cmp_fit_water_outside"] == "خراسان جنوبی"
    assert v["cmp_fit_capital_budget_outside"] == "هیچ‌کدام"
    assert " تا " in v["cmp_fit_land_ci"]
    assert v["cmp_gap_text"].startswith("میانگین نسبت‌های استانی (۱۱۷٫۱٪) ۱۹٫۹ واحد درصد بیشتر از")
    assert "زنجان (برنامه ۹۹" in v["cmp_gap_text"]
    assert ch_provinces.rankings_table().caption.startswith("رتبه هر استان")


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_heat_map_reads_on_a_phone_and_in_print(lang):
    # issue 12: readable at 390 px; issue 9: one A4 page, never shrunk below 7 pt
    from analysis.core import text
    from analysis.report import figures
    text.use_language(lang)
    try:
        fig = ch_provinces.heatmap()
        s = figures.shown_sizes(fig)
        assert s["phone_px"] >= 8.5, s  # every text, cells included
        assert s["print_pt"] >= 7.0 and s["print_mm"][1] <= figures.PRINT_HEIGHT_MM, s
        ax = fig.axes[0]
        assert len(ax.get_yticklabels()) == 31 and len(ax.get_xticklabels()) == 8  # provinces are rows
        box = fig.bbox
        for lab in ax.get_yticklabels():  # no province name cut at the figure's edge
            assert lab.get_window_extent().x0 >= box.x0 - 1
    finally:
        text.use_language("en")
