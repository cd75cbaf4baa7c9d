"""Tests for analysis.report.clusters; expected values hand-computed from 002 (lines cited)."""
import re

import pytest

from analysis.core import text
from analysis.metrics import clusters as metrics_clusters
from analysis.report import clusters as ch


def test_programme_ratios_match_printed():
    p = ch.programme_frame()
    # line 2385: 377 action plans of 301 planned, printed 125 %
    row = p[p.row_no == 5].iloc[0]
    assert row.ratio == pytest.approx(377 / 301)
    assert p.matches.all()


def test_changes_recompute_table27():
    c = ch.indicator_changes().set_index("key")
    # line 2435: 1143471 -> 1349295 persons, printed 18 %
    assert c.loc[ch.JOBS, "abs_change"] == pytest.approx(205824)
    assert c.loc[ch.JOBS, "verdict"] == "ok"
    # line 2437: 2.1 -> 2.2 billion dollars, printed 6 % (4.76 %)
    assert c.loc[ch.EXPORTS, "change_pct"] == pytest.approx(100 * (2.2 / 2.1 - 1))
    assert c.loc[ch.EXPORTS, "verdict"] == "rounding"  # 0 % to 9.76 % from inputs rounded to 0.1
    from analysis.sources import audit
    f = audit.run()
    f = f[(f.dataset == "cluster_indicators") & f.check.str.startswith("after/before")].set_index("item")
    assert c.set_index("indicator")["verdict"].to_dict() == f["verdict"].to_dict()  # the chapter agrees with the audit


def test_derived_exports_per_firm():
    d = ch.derived_frame().set_index("quantity")
    # lines 2424, 2437: 2.1/118392 -> 2.2/139702 billion dollars per firm
    expected = 100 * ((2.2 / 139702) / (2.1 / 118392) - 1)
    assert d.loc["exports per firm", "change_pct"] == pytest.approx(expected)


def test_sales_deflated_uses_cpi_and_offset():
    s = ch.sales_deflated([1400])
    # 1400 -> 2021, 1401 -> 2022; CPI inflation 2022 = 43.4885 % (reference file)
    assert int(s.year_gregorian.iloc[0]) == 2021
    assert s.before_real.iloc[0] == pytest.approx(1718 * 1.434885, rel=1e-4)
    assert s.real_change_pct.iloc[0] == pytest.approx(100 * (2595 / (1718 * 1.434885) - 1), rel=1e-4)


def test_province_totals_against_printed():
    t = ch.province_totals()
    # line 2959: totals 54 running, 129 completed, 7 in 1401; Kohgiluyeh row flagged -> 51
    assert (t["running_sum"], t["running_printed"]) == (51, 54)
    assert t["completed_sum"] == t["completed_printed"] == 129
    assert t["started_sum"] == t["started_printed"] == 27  # line 3009
    assert t["feasibility_sum"] == 27  # Table 26 row 2, line 2379
    assert [k for k, _ in t["flagged"]] == ["Kohgiluyeh and Boyer-Ahmad"]


def test_name_mismatches():
    m = ch.name_count_mismatches()
    got = {(r.province, r.status): (r.printed, r.names) for r in m.itertuples()}
    # line 2869: Qom running printed 2, one name; line 2925: Markazi completed printed 4, five names
    assert got == {("Qom", "running"): (2, 1), ("Markazi", "finished"): (4, 5)}


def test_values_have_no_missing():
    v = ch.values()
    assert all(isinstance(x, str) and x and "nan" not in x.lower() for x in v.values())


# --------------------------------------------------------------------------- one home for words and measures
@pytest.fixture
def persian():
    text.use_language("fa")
    yield
    text.use_language("en")


def test_programme_ratio_is_the_planactual_achievement():
    p = ch.programme_frame()
    # planactual.achievement adds its status; Table 26 has no zero plan (lines 2377-2393)
    assert list(p.status.unique()) == ["defined"]
    # line 2381: 54 running projects of 62 planned, printed 87 %
    row = p[p.row_no == 3].iloc[0]
    assert row.ratio == pytest.approx(54 / 62)
    assert row.pct_recomputed == 87


def test_caveat_text_is_the_metric_caveat():
    # the chapter shows the caveat from text/en/clusters.yml; it must say what the metric documents
    assert text.en("clusters.caveat") == metrics_clusters.CAVEAT


def test_english_values_read_as_before():
    v = ch.values()
    # Table 26: all 7 printed percentages recomputed (lines 2377-2393)
    assert v["cl_pct_match"] == "7 of 7"
    # line 2869 Qom running printed 2, one name; line 2925 Markazi completed printed 4, five names
    assert v["cl_mismatches"] == "Qom (running: 2 printed, 1 named); Markazi (finished: 4 printed, 5 named)"
    # line 2907 prints only '2 - 0 - 0' for Kohgiluyeh and Boyer-Ahmad
    assert v["cl_flagged_raw"] == "2 - 0 - 0"


def test_persian_edition_has_persian_words(persian):
    v = ch.values()
    assert v["cl_pct_match"] == "۷ از ۷"  # 7 of 7, in Persian digits
    assert v["cl_flagged_provinces"] == "کهگیلویه و بویراحمد"
    assert v["cl_mismatches"].startswith("قم (در حال اجرا: ۲ مورد")  # 2 printed, in Persian digits
    for table in (ch.programme_table(), ch.changes_table(), ch.derived_table(), ch.deflated_table(),
                  ch.names_table()):
        heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", table._repr_html_())
        assert heads and not [h for h in heads if re.search("[A-Za-z]", h)], heads
    units = set(ch.changes_table().df[text.fa("unit")])
    assert {"بنگاه", "میلیارد دلار", "میلیارد ریال"} <= units


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("name", ["change_figure", "province_figure"])
def test_figure_reads_on_a_phone_and_in_print(name, lang):
    from tests.report.readable import assert_readable

    from analysis.report import clusters
    assert_readable(clusters, name, lang)


def test_change_figure_writes_every_indicator_whole():
    # 002 Table 27: 7 indicators, each name written whole above its bars
    c = ch.indicator_changes()
    shown = [x.get_text().replace("\n", " ") for x in ch.change_figure().axes[0].texts]
    assert len(shown) == len(c) == 7
    for e, f in zip(c.indicator, c.indicator_fa):
        assert any(e in s and f in s for s in shown), (e, f)
