"""Figures of the Persian edition: Persian digits on every axis, colour bar and value label,
Persian words only, and charts of categories mirrored (names on the right, bars growing
leftwards); the English edition's figures as they were (Latin digits, names on the left).

Latin letters that stay in a Persian figure, and why (:data:`LATIN_ALLOWED`):
``OpenStreetMap`` (the boundaries' ODbL licence requires the name in the credit of every map);
``CDA``, ``TA``, ``SPX``, ``GIZ``, ``SME``, ``BDSp`` (acronyms the Persian source text itself
writes in Latin letters: seed 002 Tables 26, 34, 59, 62 and 27). No Latin digit stays.
"""
import io
import re

import pytest

from analysis.core import text
from analysis.core.digits import to_latin_digits
from analysis.report import figures, khuzestan, national, numerals
from analysis.report import provinces_compared as pc
from analysis.report.province_chapter import province_chapter

LATIN_ALLOWED = {"OpenStreetMap", "CDA", "TA", "SPX", "GIZ", "SME", "BDSp"}
LATIN_DIGIT = re.compile(r"[0-9]")
LATIN_WORD = re.compile(r"[A-Za-z]+")


@pytest.fixture(scope="module")
def nat():
    return national.national_frame()


@pytest.fixture(scope="module")
def m():
    return pc.matrix()


def in_language(lang, make):
    """The figure ``make()`` draws in ``lang``, drawn once (so every tick label is made)."""
    before = text.language()
    text.use_language(lang)
    try:
        fig = make()
        fig.savefig(io.BytesIO(), format="png", dpi=60)  # draw: tick labels get their texts
        return fig
    finally:
        text.use_language(before)


def shown_texts(fig) -> list[str]:
    from matplotlib.text import Text
    return [x.get_text() for x in fig.findobj(Text) if x.get_visible() and x.get_text().strip()]


def colour_bars(fig) -> list:
    """The colour bars' axes of a figure (an inset colour bar is a child of another axes)."""
    axes = [a for ax in fig.axes for a in (ax, *ax.child_axes)]
    return [a for a in axes if getattr(a, "_colorbar", None) is not None]


def ytick_labels(ax):
    return [x for x in ax.get_yticklabels() if x.get_visible() and x.get_text().strip()]


SAMPLE = {
    **{f"national_{g.key}": (lambda nat, m, g=g: national.figure(nat, g.key)) for g in national.GROUPS},
    "heatmap": lambda nat, m: pc.heatmap(m),
    "ratio_maps": lambda nat, m: pc.ratio_maps(m),
    "finances_map": lambda nat, m: pc.finances_map(),
    "khuzestan_sectors": lambda nat, m: khuzestan.sector_figure(),
    "khuzestan_agencies": lambda nat, m: khuzestan.agency_figure(),
    "profile_khuzestan": lambda nat, m: province_chapter("Khuzestan").profile_figure(),
    "locator_khuzestan": lambda nat, m: province_chapter("Khuzestan").locator_figure(),
}


@pytest.mark.parametrize("name", list(SAMPLE))
def test_persian_figure_has_persian_digits_and_words_only(name, nat, m):
    fig = in_language("fa", lambda: SAMPLE[name](nat, m))
    texts = shown_texts(fig)
    assert texts
    assert not [s for s in texts if LATIN_DIGIT.search(s)], name
    latin = {w for s in texts for w in LATIN_WORD.findall(s)}
    assert latin <= LATIN_ALLOWED, (name, latin - LATIN_ALLOWED)
    # the numbers are there, in Persian: every map's colour bar and every chart's value axis
    assert any(re.search("[۰-۹]", s) for s in texts), name


@pytest.mark.parametrize("name", ["national_land", "heatmap", "khuzestan_sectors", "profile_khuzestan"])
def test_english_figure_keeps_latin_digits(name, nat, m):
    texts = shown_texts(in_language("en", lambda: SAMPLE[name](nat, m)))
    # the Persian half of a bilingual label (isolated, analysis.core.text.pair) is Persian text
    english = [re.sub("\u2068[^\u2069]*\u2069", "", s) for s in texts]
    assert not [s for s in english if re.search("[۰-۹]", s)], name
    assert any(LATIN_DIGIT.search(s) for s in texts), name


def test_colour_bar_ticks_read_the_same_in_both_editions(m):
    """The achievement colour bar: 0, 50, 100, 150, ≥ 200 in English, the same values in
    Persian digits (``≥ ۲۰۰``); not mirrored (low on the left in both)."""
    def bar(lang):
        fig = in_language(lang, lambda: pc.ratio_maps(m))
        cax = colour_bars(fig)[0]
        labels = [x for x in cax.get_xticklabels() if x.get_text()]
        return [x.get_text() for x in sorted(labels, key=lambda x: x.get_window_extent().x0)]

    en, fa = bar("en"), bar("fa")
    assert en == ["0", "50", "100", "150", "≥ 200"]
    assert fa == ["۰", "۵۰", "۱۰۰", "۱۵۰", "≥ ۲۰۰"]
    assert [to_latin_digits(s) for s in fa] == en


def test_finances_map_signed_ticks():
    def bar(lang):
        fig = in_language(lang, pc.finances_map)
        cax = colour_bars(fig)[0]
        return [x.get_text() for x in cax.get_xticklabels() if x.get_text()]

    assert bar("en") == ["-100", "-50", "0", "+50", "+100"]
    assert [numerals.value_of(s) for s in bar("fa")] == [-100, -50, 0, 50, 100]
    assert bar("fa")[0] == "\u200e\u2212۱۰۰" and bar("fa")[-1] == "\u200e+۱۰۰"


# ----------------------------------------------------------------------------- mirrored charts
#: Charts of categories with the names as y tick labels, and the axes that carries them.
TICK_CHARTS = {
    "khuzestan_sectors": (lambda nat, m: khuzestan.sector_figure(), 0),
    "khuzestan_agencies": (lambda nat, m: khuzestan.agency_figure(), 0),
    "heatmap": (lambda nat, m: pc.heatmap(m), 0),
    "projects": (lambda nat, m: pc.projects_figure(), 0),
}


@pytest.mark.parametrize("name", list(TICK_CHARTS))
def test_category_names_on_the_right_in_persian_on_the_left_in_english(name, nat, m):
    make, i = TICK_CHARTS[name]
    for lang in ("en", "fa"):
        fig = in_language(lang, lambda: make(nat, m))
        ax = fig.axes[i]
        box = ax.get_window_extent()
        labels = ytick_labels(ax)
        assert labels, (name, lang)
        for x in labels:
            e = x.get_window_extent()
            if lang == "fa":
                assert e.x0 >= box.x1 - 1, (name, x.get_text())
            else:
                assert e.x1 <= box.x0 + 1, (name, x.get_text())
        assert ax.xaxis_inverted() == (lang == "fa"), name


def test_khuzestan_bars_grow_leftwards_and_labels_say_their_value():
    for lang in ("en", "fa"):
        fig = in_language(lang, khuzestan.sector_figure)
        ax = fig.axes[0]
        box = ax.get_window_extent()
        bars = ax.patches
        values = [x for x in ax.texts]
        assert len(bars) == len(values) == len(khuzestan.programmes_per_sector())
        for bar, label in zip(bars, values):
            b, e = bar.get_window_extent(), label.get_window_extent()
            # the label gives the bar's value (in Persian digits in fa) ...
            assert numerals.value_of(label.get_text()) == bar.get_width()
            assert (re.fullmatch("[۰-۹]+", label.get_text()) if lang == "fa"
                    else re.fullmatch("[0-9]+", label.get_text())), label.get_text()
            if lang == "fa":  # ... the bar starts at the right edge, its label beyond its left end
                assert abs(b.x1 - box.x1) < 2 and e.x1 <= b.x0 + 1
            else:
                assert abs(b.x0 - box.x0) < 2 and e.x0 >= b.x1 - 1


def test_heatmap_cells_say_their_percentage(m):
    fig = in_language("fa", lambda: pc.heatmap(m))
    ax = fig.axes[0]
    cells = {(round(x.get_position()[1]), round(x.get_position()[0])): x.get_text() for x in ax.texts}
    r = m.ratio
    defined = [(i, j) for i, p in enumerate(r.index) for j, c in enumerate(r.columns) if m.state.loc[p, c] == "defined"]
    assert len(cells) == len(defined)
    for i, j in defined:
        assert numerals.value_of(cells[(i, j)]) == round(100 * r.iloc[i, j]), (i, j)
    # the first indicator is the rightmost column in Persian
    first = ax.transData.transform((0, 0))[0]
    last = ax.transData.transform((len(r.columns) - 1, 0))[0]
    assert first > last


@pytest.mark.parametrize("group", ["land", "loans"])
def test_national_figure_mirrored_in_persian(nat, group):
    """The national figure writes its labels over the bars: in Persian they are right-aligned
    at the right edge and the bars start there; the log axis reads 5 ... 400 from right to left."""
    for lang in ("en", "fa"):
        fig = in_language(lang, lambda: national.figure(nat, group))
        ax = fig.axes[0]
        box = ax.get_window_extent()
        for bar in ax.patches:
            e = bar.get_window_extent()
            assert abs((e.x1 - box.x1) if lang == "fa" else (e.x0 - box.x0)) < 2, (lang, group)
        for label in ax.texts:
            assert label.get_horizontalalignment() == ("right" if lang == "fa" else "left")
        ticks = sorted((x for x in ax.get_xticklabels() if x.get_text()), key=lambda x: x.get_window_extent().x0)
        values = [numerals.value_of(x.get_text()) for x in ticks]
        assert values == sorted(values, reverse=(lang == "fa")), (lang, values)
        assert values[0 if lang == "en" else -1] == 5


def test_profile_figure_mirrored_in_persian():
    for lang in ("en", "fa"):
        fig = in_language(lang, lambda: province_chapter("Khuzestan").profile_figure())
        ax = fig.axes[0]
        zero, hundred = (ax.transData.transform((v, 0))[0] for v in (0, 100))
        assert (zero > hundred) == (lang == "fa")
        names = [x for x in ax.texts]
        assert names and all(x.get_horizontalalignment() == ("right" if lang == "fa" else "left") for x in names)
        note = ax.get_xlabel().split("\n")[-1]
        assert ("۴۰۰٪" if lang == "fa" else "400 %") in note


def test_mirror_does_nothing_in_english():
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.barh([0, 1], [1, 2])
    assert figures.mirror(ax, "en") is False and not ax.xaxis_inverted()
    assert figures.mirror(ax, "fa") is True and ax.xaxis_inverted()
    assert figures.mirror(ax, "fa") is True and ax.xaxis_inverted()  # twice: still mirrored once
    assert ax.yaxis.get_label_position() == "right"
    plt.close(fig)


# ------------------------------------------------------------------------ national labels' words
def test_national_names_and_units_in_persian(nat):
    """Tables 3-17 have no clean Persian label (the extracted text is garbled: 002 line 720 reads
    ``هکتار د ثبتیاراضی دارای سن``): their names come from ``labels.yml`` (``nat_item_<slug>``,
    whose English text is the data's own item, so a renamed item fails here); units the data give
    in English only from ``units.yml`` (catalogue units) or ``labels.yml`` (``nat_unit_<slug>``)."""
    from analysis.core.text import t
    from analysis.sources.datasets import unit_key
    for spec in national.SPECS:
        if spec.item_fa is None and spec.dataset != national.BUDGET_DATASET:
            rows = national.spec_rows(spec)
            for r in national.load(spec.dataset).itertuples():
                assert t(f"nat_item_{unit_key(r.item)}", "en") == r.item
            assert rows["indicator_fa"].map(lambda s: not LATIN_WORD.search(s)).all(), spec.dataset
    for r in nat.itertuples():
        assert set(LATIN_WORD.findall(r.unit_fa)) == set(), (r.dataset, r.unit_fa)
        assert set(LATIN_WORD.findall(r.indicator_fa)) <= LATIN_ALLOWED, (r.dataset, r.indicator_fa)
    # 002 line 720: land with registered deeds, in hectares
    deeds = nat[nat.dataset == "registered_deeds_plan"].iloc[0]
    assert (deeds.indicator_fa.endswith("اراضی دارای سند ثبتی"), deeds.unit_fa) == (True, "هکتار")
    assert (deeds.indicator, deeds.unit) == ("Deeds: land with registered deeds", "hectare")
