"""Chapter 02 (national plan vs actual): expected values hand-computed from seed 002 lines."""
import doctest

import pytest

from analysis.report import national as ch_national


@pytest.fixture(scope="module")
def nat():
    return ch_national.national_frame()


def row(nat, table, text):
    hit = nat[(nat["table"] == table) & nat["indicator"].str.contains(text, regex=False)]
    assert len(hit) == 1, (table, text, len(hit))
    return hit.iloc[0]


def test_doctests():
    assert doctest.testmod(ch_national).failed == 0


def test_every_dataset_and_row(nat):
    assert list(nat.columns) == ch_national.COLUMNS
    assert nat["dataset"].nunique() == len(ch_national.SPECS)
    # 2 + 2 + 1 + 1 + 1 + 5 + 2 + 2 + 4 + 4 + 7 + 4 + 4 + 17 + 1 rows (Tables 3 ... 63, 52 total)
    assert len(nat) == 57
    assert (nat["status"] == "defined").all()
    assert nat["ratio"].notna().all()


def test_capped_industrial_land(nat):
    # 002 line 572: plan 2477, actual 2776, printed 100 -> 2776 / 2477 = 112.07 %
    r = row(nat, "5", "industrial land")
    assert r.ratio == pytest.approx(2776 / 2477)
    assert r.verdict == "capped" and r.category == "over"


def test_truncated_land_in_hand(nat):
    # 002 line 605: 5916 / 6187 = 95.62 %, printed 95. Whole hectares allow [5915.5 / 6187.5, 5916.5 / 6186.5]
    # = [95.604, 95.636] %, outside the printed 95's [94.5, 95.5]: cut off, not rounded
    r = row(nat, "6", "land in hand")
    assert r.recomputed_pct == pytest.approx(95.6198, abs=1e-3)
    assert r.recomputed_low == pytest.approx(100 * 5915.5 / 6187.5)
    assert r.recomputed_high == pytest.approx(100 * 5916.5 / 6186.5)
    assert r.verdict == "discrepancy" and r.how == "truncated" and r.category == "met"


def test_rounding_flower_beds(nat):
    # 002 line 1679: 8 of 11 hectares = 72.73 %, printed 72; the hectares allow [7.5 / 11.5, 8.5 / 10.5] = [65.2, 81.0] %
    r = row(nat, "21", "Flower beds")
    assert (r.recomputed_low, r.recomputed_high) == (pytest.approx(100 * 7.5 / 11.5), pytest.approx(100 * 8.5 / 10.5))
    assert r.verdict == "rounding" and r.how == ""


def test_counts_are_exact(nat):
    # 002 line 1448: 4 of 7 estates (counts): the recomputed interval is the single value 57.14 %
    r = nat[(nat["table"] == "19") & (nat["unit"] == "industrial estate/zone")].iloc[0]
    assert r.recomputed_low == r.recomputed_high == pytest.approx(100 * 4 / 7)


def test_dairy_loans_one_decimal(nat):
    # 002 line 3921: 32 / 500 = 6.4 %, printed 6.4 (one decimal) -> ok
    r = row(nat, "48", "industrial firms assisted")
    assert r.ratio == pytest.approx(0.064)
    assert r.verdict == "ok" and r.period == "1392-1401"


def test_contracts_capped(nat):
    # 002 line 3088: 2,254,536 / 910,000 million rials = 247.75 %, printed 100
    r = row(nat, "34", "Value of contracts")
    assert r.pct == pytest.approx(247.7512, abs=1e-3)
    assert r.verdict == "capped"


def test_no_printed_pct(nat):
    # 002 line 888: water 718 of 739 l/s, Table 12 prints no %
    r = row(nat, "12", "water supplied")
    assert r.ratio == pytest.approx(718 / 739)
    assert r.verdict == "not printed"


def test_flagged_printed_pct_kept_out_of_ratio(nat):
    # 002 line 4662: 4806 / 2200 = 218.4545 %, printed '4/218' read as 218.4 and flagged; units are counted, so
    # 218.4545 is exact and outside 218.4's [218.35, 218.45]
    r = row(nat, "63", "exhibitions")
    assert r.flag.startswith("pct_printed=")
    assert r.ratio == pytest.approx(4806 / 2200)
    assert r.verdict == "discrepancy" and r.how == "truncated"


def test_capital_budget_total(nat):
    # 002 line 4792: allocation 5620 vs agreement 5456 billion rials
    r = nat[nat["dataset"] == "capital_budget_national_by_plan"].iloc[0]
    assert (r.plan, r.actual, r.unit) == (5456, 5620, "billion rials")


def test_summary_counts(nat):
    s = ch_national.summary(nat)
    # capped: lines 572, 1673, 1675, 1677, 3086, 3088
    assert s["nat_n_capped"] == "6"
    # not explained by rounding: lines 605 (95.62 printed 95), 3084 (93.24 printed 94), 4662 (218.45 printed 218.4);
    # within rounding: line 1679 (72.73 printed 72, hectares)
    assert (s["nat_n_discrepancy"], s["nat_n_rounding"]) == ("3", "1")
    assert s["nat_rounding_list"].startswith("Green space: Flower beds and lawn area (Table 21: printed 72 %, recomputed 72.7 %;")
    assert "65.2–81.0 %" in s["nat_rounding_list"]
    assert "(Table 6: printed 95 %, recomputed 95.62 %, cut off instead of rounded)" in s["nat_discrepancy_list"]
    assert "(Table 34: printed 94 %, recomputed 93.24 %, rounded up instead of to the nearest)" in s["nat_discrepancy_list"]
    assert int(s["nat_n_over"]) + int(s["nat_n_met"]) + int(s["nat_n_under"]) + int(s["nat_n_not_started"]) == 57
    assert s["nat_bottom1"].startswith("Dairy-industry loans")
    assert all("nan" not in v.lower().split() for v in s.values())


def test_verdict_function():
    assert ch_national.verdict(64, 2765, 4310, "hectare")[0] == "ok"  # line 720
    assert ch_national.verdict(57, 4, 7, "industrial estate/zone")[0] == "ok"  # line 1448
    assert ch_national.verdict(94, 207, 222, "count")[0] == "discrepancy"  # line 3084: 93.24 printed 94, counts
    assert ch_national.verdict(72, 8, 11, "hectare")[0] == "rounding"  # line 1679
    assert ch_national.verdict(50, float("nan"), 10, "hectare")[0] == "not checked"
    with pytest.raises(ValueError, match="neither a count"):
        ch_national.verdict(50, 5, 10, "furlong")


def test_table_html(nat):
    html = ch_national.table(nat)._repr_html_()
    assert "nan" not in html.lower().replace("nana", "") and "None" not in html


def test_figure_groups_cover_every_dataset_once():
    datasets = [d for g in ch_national.GROUPS for d in g.datasets]
    assert sorted(datasets) == sorted(s.dataset for s in ch_national.SPECS)
    # 002 Tables 42, 45, 48: the three loan schemes' cumulative targets in their own figure
    assert ch_national.figure_tables(ch_national.national_frame(), "loans") == "42, 45, 48"


def _png_size(fig):
    import io

    from PIL import Image
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi, bbox_inches="tight")  # as the notebook shows it
    return Image.open(buf).size


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_figures_fit_a_phone_and_a_page(nat, lang):
    from matplotlib.text import Text

    from analysis.core import text
    text.use_language(lang)
    try:
        shown = []
        for g in ch_national.GROUPS:
            fig = ch_national.figure(nat, g.key)
            w, h = _png_size(fig)
            # print: the image fills the 176 mm column; at most 205 mm tall (book/_static/print.css)
            assert h / w <= ch_national.MAX_ASPECT <= 205 / 176, (g.key, w, h)
            # phone: shown ~342 px wide; the smallest text at least 9 px there
            sizes = [x.get_fontsize() for x in fig.findobj(Text) if x.get_text().strip()]
            assert min(sizes) / 72 * fig.dpi * 342 / w >= 9.0, (g.key, min(sizes), w)
            ax = fig.axes[0]
            box = ax.get_window_extent()
            labels = [x for x in ax.texts if x.get_fontweight() != "bold"]
            assert len(labels) == len(ax.patches)  # one label per bar
            for x in labels:  # no label runs out of the figure
                e = x.get_window_extent()
                assert box.x0 - 1 <= e.x0 and e.x1 <= box.x1 + 1, (g.key, x.get_text())
            shown += [x.get_text().replace("\n", " ") for x in labels]
        # every defined indicator in exactly one figure, its label whole (never cut with "…")
        d = nat[nat["status"] == "defined"]
        assert len(shown) == len(d) == 57
        assert not any("…" in s for s in shown)
        assert sorted(shown) == sorted(ch_national.chart_label(r, ratio=True) for r in d.itertuples())
    finally:
        text.use_language("en")


def test_chart_label_keeps_ratio_with_its_sign(nat):
    # 002 line 3088: 2,254,536 / 910,000 = 247.75 % -> "248 %", never broken before the "%" or the "·"
    r = nat[(nat["table"] == "34") & nat["indicator"].str.contains("Value of contracts")].iloc[0]
    lab = ch_national.chart_label(r, ratio=True)
    assert lab == "T34 · Value of contracts concluded for members [million rials]\u00a0·\u00a0248\u00a0%"
    assert ch_national.context_of(r) == ("subcontracting", "Value of contracts concluded for members")


@pytest.fixture
def persian():
    from analysis.core import text
    text.use_language("fa")
    yield
    text.use_language("en")


def test_english_values_read_as_before(nat):
    s = ch_national.summary(nat)
    # 002 line 3088: 2,254,536 / 910,000 million rials = 247.75 %
    assert s["nat_top1"] == "Subcontracting: Value of contracts concluded for members (247.8 %, Table 34)"
    # 002 line 572: 2776 / 2477 = 112.07 %, printed 100; first of the six capped rows
    assert s["nat_capped_list"].startswith("New parks/zones: industrial land (Table 5: 112.1 % printed as 100 %); ")
    assert s["nat_under_below"] == "95 %" and s["nat_over_above"] == "105 %"
    t = ch_national.table(nat)
    # 002 line 4662: "4/218" printed beside plan 2200 and actual 4806 (Table 63)
    assert list(t.df[(t.df.iloc[:, 4] == "2,200") & (t.df.iloc[:, 5] == "4,806")].iloc[:, 6]) == ["218.4 %"]
    html = t._repr_html_()
    assert "capped at 100 %" in html and "over plan (&gt; 105 %)" in html
    assert "<caption dir=\"auto\">National plan/actual indicators of ISIPO's 1401 report" in html.replace("&#x27;", "'")


def test_persian_edition(nat, persian):
    import re

    s = ch_national.summary(nat)
    # the subcontracting table (002 line 3088) carries a clean Persian item name: no Latin word left
    assert s["nat_top1"].startswith("پیمانکاری فرعی: ")
    assert "۲۴۷٫۸٪" in s["nat_top1"] and "جدول ۳۴" in s["nat_top1"]  # 247.8 %, table 34 in Persian digits
    assert re.search(r"[A-Za-z]{3}", s["nat_top1"]) is None
    assert "؛ " in s["nat_capped_list"] and "چاپ‌شده به صورت ۱۰۰ درصد" in s["nat_capped_list"]
    t = ch_national.table(nat)
    assert set(t.df.iloc[:, 8]) <= {ch_national.category_text(c) for c in ("not started", "under", "met", "over")}
    assert "بیش از برنامه" in t.df.iloc[0, 8]
    # 002 line 4662 prints "4/218" beside plan 2200 and actual 4806 (exhibitions, Table 63): the
    # printed percentage 218.4 in Persian form, ٪ right after the digits (was "۲۱۸٫۴ %")
    printed = t.df[(t.df.iloc[:, 4] == "۲٬۲۰۰") & (t.df.iloc[:, 5] == "۴٬۸۰۶")].iloc[:, 6]
    assert list(printed) == ["۲۱۸٫۴٪"]
    assert "<caption dir=\"auto\">شاخص‌های برنامه و عملکرد ملی" in t._repr_html_()
