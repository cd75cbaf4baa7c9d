"""The province chapter builder (analysis.report.province_chapter), checked against the seed lines."""
import pandas as pd
import pytest

from analysis.core.provinces import UnknownProvinceError
from analysis.report import province_chapter as chapters


@pytest.fixture(scope="module")
def khz():
    return chapters.province_chapter("Khuzestan")


def test_facts_read_from_their_tables(khz):
    f = khz.facts.set_index("key")
    # 002 line 5398: "1911 150 123 خوزستان 13" (Table 56, operating units, cumulative first)
    assert f.loc["units_cum_1401", "value"] == 1911
    # 002 line 5495: "30843 1748 2602 خوزستان 13" (Table 57, jobs in operating units)
    assert f.loc["employment_cum_1401", "value"] == 30843
    assert khz.values["jobs_per_unit"] == "16.1"  # 30843 / 1911 = 16.14


def test_profile_water_and_budget(khz):
    prof = khz.profile.set_index("indicator")
    # 002 line 955: " 84 20 ن خوزستا 13" -> plan 20, actual 84, ratio 4.2, the highest of 31
    assert (prof.loc["water", "plan"], prof.loc["water", "actual"]) == (20, 84)
    assert prof.loc["water", "ratio"] == pytest.approx(4.2)
    assert prof.loc["water", "rank"] == 1
    # 002 line 4833: "3,099,380 5,051,281 خوزستان 13" -> allocation / agreement = 61.4 %
    assert khz.values["budget_ratio"] == "61.4 %"
    assert khz.values["budget_agreement"] == "5,051,281"


def test_programme_links():
    assert "07_kaleh" in chapters.province_chapter("Ilam").header().data
    assert "06_khuzestan" in chapters.province_chapter("Khuzestan").header().data
    assert "07_kaleh" not in chapters.province_chapter("Yazd").header().data


def test_download_has_only_this_province(khz, tmp_path):
    path = khz.download(str(tmp_path / "downloads"))
    df = pd.read_csv(path)
    assert len(df) == int(khz.values["n_download_rows"]) > 0
    water = df[(df.dataset == "water_by_province") & (df.column == "actual")]
    assert water.value.tolist() == [84] and water.source_line.tolist() == [955]


def test_unknown_province():
    with pytest.raises(UnknownProvinceError, match="valid keys|Valid keys"):
        chapters.province_chapter("Atlantis")


# ---------------------------------------------------------------- measures from analysis.metrics
def test_resources_growth_from_metrics(khz):
    # 002 line 6066: Khuzestan 3.921.250 (1401) and 2.870.902 (1400) million rials -> 3921250 / 2870902 - 1
    # = 36.6 % (the source prints 37 %)
    assert khz.values["resources_growth"] == "36.6 %"


def test_profile_figure_national_bar_is_planactuals_ratio_of_sums(khz):
    fig = khz.profile_figure()
    ax = fig.axes[0]
    # indicators are drawn top to bottom in indicators.yml order, one national bar each; water is the second
    from analysis.report import figures
    bars = [ln for ln in ax.lines if ln.get_color() == figures.PALETTE["national"]]
    assert len(bars) == len(khz.inds)
    water = [bars[1]]
    assert [i.key for i in khz.inds][1] == "water"
    # 002 Table 13, province rows: 718 achieved of 739 planned
    assert water[0].get_xdata()[0] == pytest.approx(100 * 718 / 739)


def test_no_parks_counts_the_parks_of_table_1():
    # Fars has none of the parks of 002 Table 1 (lines 287-370: 42 parks and a total row)
    html = chapters.province_chapter("Fars").parks_display().data
    assert "None of the 42 parks approved in 1401" in html


# ---------------------------------------------------------------- HTML and reproducibility
def test_header_escapes_values(khz):
    import dataclasses
    ch = chapters.province_chapter("Khuzestan")
    ch.p = dataclasses.replace(ch.p, fa='<b>"x" & y</b>', iso="IR-<10>")
    html = ch.header().data
    assert '<span lang="fa">&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</span>' in html
    assert "<code>IR-&lt;10&gt;</code>" in html and "<b>" not in html
    assert "ISIPO&#x27;s 1401 report" in html  # the text itself is escaped too


def test_build_box_has_no_wall_clock_time(khz, monkeypatch):
    import time
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = khz.build_box().data
    later = time.time() + 86_400 * 400  # the clock moves on by 400 days between two builds
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "gmtime", lambda *a: time.localtime(later))
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: "1999-01-01 00:00 UTC")
    assert khz.build_box().data == first
    assert "1999" not in first and "UTC" not in first
    assert chapters.data_version() in first and "province = &#x27;Khuzestan&#x27;" in first


def test_build_box_date_from_source_date_epoch(khz, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    box = khz.build_box().data
    assert "<code>2023-11-14</code>" in box and "SOURCE_DATE_EPOCH" in box
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        khz.build_box()


# ---------------------------------------------------------------- words from text/<lang>/
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_keys_built_in_code_exist(lang):
    from analysis.core import text
    from analysis.metrics.indicators import indicators
    from analysis.sources.datasets import dataset, unit_key
    keys = list(chapters.STATUS_KEYS.values())
    keys += [f"province.status_{s}" for s in chapters.CLUSTER_STATUSES]
    keys += [f"province.action_{a}" for a in dataset("approved_parks").columns["action"]["allowed"]]
    keys += [f"units.{unit_key(i.unit)}" for i in indicators()]
    keys += [f[0] for f in chapters.FACTS]
    assert [k for k in keys if k not in text.labels(lang)] == []


def test_english_table_texts_read_as_before(khz):
    df = khz.profile_table().df
    assert "Table" in df.columns
    water = df.iloc[1]
    assert water.iloc[1] == "litres/second" and water.iloc[2] == "13"
    # 002 line 955: plan 20, actual 84 -> rank 1 of the 31 provinces with a ratio, over plan
    assert list(water.iloc[-2:]) == ["1 of 31", "over"]


def test_persian_edition_of_the_chapter():
    from analysis.core import text
    text.use_language("fa")
    try:
        ilam = chapters.province_chapter("Ilam")
        assert ilam.name == "ایلام"
        assert "این استان یکی از چهار استان برنامه اشتغال" in ilam.header().data
        df = ilam.profile_table().df
        assert df.iloc[1, 1] == "لیتر بر ثانیه"
        assert ilam.values["budget_rank"].isdigit()  # no English ordinal suffix
        assert ilam.values["best"] in {i.fa for i in ilam.inds}
    finally:
        text.use_language("en")


# ---------------------------------------------------------------- counting cluster projects once
def test_khuzestan_cluster_projects_counted_once(khz):
    # 002 Table 30, lines 2804-2806 (running in 1401): فناوری اطلاعات، محصولات پلاستیکی;
    # lines 2809-2811 (completed): آبزی پروری، نفت، گاز و تجهیزات پتروشیمی، خرما، پوشاک، ادوات کشاورزی;
    # Table 31, line 2979 (started in 1401): محصولات پلاستیکی، خدمات فناوری اطلاعات.
    # 9 entries, 8 distinct names: plastic products is both running and started in 1401
    # (خدمات فناوری اطلاعات is a different name from فناوری اطلاعات and counts apart).
    c = chapters.cluster_counts(khz.clusters)
    assert (c["entries"], c["projects"], c["repeated"]) == (9, 8, 1)
    assert c["lists"] == {"محصولات پلاستیکی": [("30", "running_1401"), ("31", "started_1401")]}
    assert (khz.values["n_clusters"], khz.values["n_cluster_projects"], khz.values["n_cluster_repeated"]) == ("9", "8", "1")
    assert khz.values["cluster_repeats"] == "1 appears in more than one list: plastic products (Table 30: running; Table 31: started in 1401)"


def test_cluster_sentence_in_both_languages():
    from analysis.core.text import t, use_language
    try:
        use_language("fa")
        v = chapters.province_chapter("Khuzestan").values
        sentence = t("province.clusters_intro", **v)
        assert "۹ مورد" in sentence and "۸ پروژه" in sentence and "محصولات پلاستیکی (جدول ۳۰: در حال اجرا؛ جدول ۳۱: آغازشده در ۱۴۰۱)" in sentence
    finally:
        use_language("en")
    v = chapters.province_chapter("Khuzestan").values
    assert t("province.clusters_intro", **v) == (
        "Tables 30–32 of the report list 9 entries for this province, naming 8 distinct cluster development projects; "
        "1 appears in more than one list: plastic products (Table 30: running; Table 31: started in 1401).")


def test_a_province_whose_projects_are_listed_once():
    # Yazd prints its plastics both running and started; a province with no repeat says so
    counts = {p: chapters.cluster_counts(chapters.cluster_names(p))["repeated"] for p in ("Yazd", "Tehran", "Qom")}
    assert counts["Yazd"] == 2
    none = [p for p, n in counts.items() if n == 0]
    for p in none:
        assert chapters.province_chapter(p).values["cluster_repeats"] == "none is listed in more than one list"
