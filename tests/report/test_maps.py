"""Maps (analysis.report.maps): projection, one patch per province, the shared colour scale and
hatching, locator highlight, and the map figures the notebooks glue."""
import doctest
import math
import re

import matplotlib
import matplotlib.text
import pytest

from analysis.core import paths
from analysis.core.provinces import registry
from analysis.report import figures, maps


def test_doctests():
    assert doctest.testmod(maps).failed == 0
    assert doctest.testmod(figures).failed == 0


# --------------------------------------------------------------------------- projection
# Hand computation (spherical LCC, phi1 = 30, phi2 = 36, phi0 = 33, lambda0 = 54, R = 6371 km):
#   n   = ln(cos 30 / cos 36) / ln(tan 63 / tan 60) = ln(1.070466) / ln(1.133115) = 0.544888
#   F   = cos 30 * tan(60)^n / n = 0.866025 * 1.349020 / 0.544888 = 2.143937
#   rho(33) = R F / tan(61.5)^n = 9792.55 km;  rho(36) = R F / tan(63)^n = 9459.27 km
#   (54 E, 36 N): x = 0, y = rho(33) - rho(36) = 333.28 km (3 degrees of latitude, 333.6 km on the
#   sphere: the scale is a little under 1 between the standard parallels)
#   (60 E, 33 N): theta = n * 6 deg = 3.2693 deg; x = rho(33) sin theta = 558.47 km,
#   y = rho(33) (1 - cos theta) = 15.94 km
def test_projection_hand_computed_values():
    assert [float(v) for v in maps.lcc(54.0, 33.0)] == [0.0, 0.0]
    x, y = maps.lcc(54.0, 36.0)
    assert float(x) == pytest.approx(0.0, abs=1e-9) and float(y) == pytest.approx(333.28, abs=0.01)
    x, y = maps.lcc(60.0, 33.0)
    assert float(x) == pytest.approx(558.47, abs=0.01) and float(y) == pytest.approx(15.94, abs=0.01)
    xw, yw = maps.lcc(48.0, 33.0)  # symmetric about the central meridian
    assert float(xw) == pytest.approx(-558.47, abs=0.01) and float(yw) == pytest.approx(15.94, abs=0.01)


@pytest.mark.parametrize("lat,true_scale", [(30.0, True), (36.0, True), (33.0, False)])
def test_scale_is_true_on_the_standard_parallels_only(lat, true_scale):
    # north-south scale: projected distance of 0.01 degree of latitude over its length on the sphere
    d = 0.01
    _, y0 = maps.lcc(54.0, lat - d / 2)
    _, y1 = maps.lcc(54.0, lat + d / 2)
    k = float(y1 - y0) / (maps.RADIUS_KM * math.radians(d))
    if true_scale:
        assert k == pytest.approx(1.0, abs=1e-5)
    else:
        assert k < 0.999  # between the parallels the map is a little too small (0.9986 at 33 N)


# --------------------------------------------------------------------------- drawing
@pytest.fixture
def ax():
    fig = maps.new_figure(4)
    yield fig.add_subplot()
    matplotlib.pyplot.close(fig)


def test_every_registry_province_drawn_exactly_once(ax):
    keys = [p.key for p in registry()]
    drawn = maps.choropleth(ax, {k: (None if k == "Qom" else 1.0) for k in keys}, states={"Qom": "flagged"})
    assert sorted(drawn) == sorted(keys)
    # the provinces are a few collections (one artist each, not 31 patches): every outline in
    # exactly one filled collection, no province drawn twice, none forgotten
    filled = [c for c in ax.collections if c.get_gid() == "provinces" or c.get_gid().startswith("hatch:")]
    paths = [p for c in filled for p in c.get_paths()]
    assert len(paths) == 31 and {id(p) for p in paths} == {id(s.path) for s in maps.shapes().values()}
    assert [len(c.get_paths()) for c in ax.collections if c.get_gid() == "hatch:xxx"] == [1]  # Qom, flagged
    assert not ax.patches  # nothing drawn as a patch (add_patch walks every segment for the limits)
    for k, d in drawn.items():
        assert d.path is maps.shapes()[k].path
    assert ax.get_xlim() == maps.extent()[:2]  # limits from the cached extent, not from the data


def test_hundred_percent_is_the_palettes_centre(ax):
    drawn = maps.choropleth(ax, {"Khuzestan": 1.0, "Tehran": 0.0, "Fars": 3.5})
    rdylbu = matplotlib.colormaps["RdYlBu"]
    assert drawn["Khuzestan"].facecolor == pytest.approx(rdylbu(0.5))
    assert drawn["Tehran"].facecolor == pytest.approx(rdylbu(0.0))
    assert drawn["Fars"].facecolor == pytest.approx(rdylbu(1.0))  # 350 % shown as >= 200 %
    # the collection carries the same colours, in the shapes' order
    c = next(c for c in ax.collections if c.get_gid() == "provinces")
    i = [p is maps.shapes()["Khuzestan"].path for p in c.get_paths()].index(True)
    assert tuple(c.get_facecolors()[i]) == pytest.approx(rdylbu(0.5))
    assert figures.ratio_colour(1.0) == pytest.approx(rdylbu(0.5))


def test_hatching_of_provinces_without_a_ratio(ax):
    drawn = maps.choropleth(ax, {"Khuzestan": 1.2, "Tehran": None, "Qom": float("nan")},
                            states={"Tehran": "zero_plan", "Qom": "flagged"})
    assert drawn["Tehran"].hatch == ".."
    assert drawn["Qom"].hatch == "xxx"
    assert drawn["Fars"].hatch == "///"  # not in the values: not in the table
    assert drawn["Khuzestan"].hatch is None
    hatches = {c.get_gid(): c.get_hatch() for c in ax.collections if c.get_gid().startswith("hatch:")}
    assert hatches == {"hatch:..": "..", "hatch:xxx": "xxx", "hatch:///": "///"}


def test_heat_map_and_maps_share_scale_and_hatching():
    from analysis.report import provinces_compared as ch
    fig = ch.heatmap()
    hatches = {p.get_hatch() for p in fig.axes[0].patches}
    assert hatches == set(figures.HATCH.values())  # the matrix has all three states
    im = fig.axes[0].images[0]
    assert (im.norm.vmin, im.norm.vcenter, im.norm.vmax) == (0, 1, 2) and im.cmap.name.startswith("RdYlBu")


def _outlines(fig):
    from matplotlib.patches import PathPatch
    return [p for a in fig.axes for p in a.patches if isinstance(p, PathPatch)
            and p.get_facecolor()[3] == 0 and p.get_edgecolor()[:3] == (0.0, 0.0, 0.0)]


def test_locator_highlights_exactly_the_chosen_province():
    ratios = {p.key: 0.5 for p in registry()}
    fig = maps.locator("Qom", ratios, label="x", note="50 %")
    out = _outlines(fig)
    assert len(out) == 1 and out[0].get_path() is maps.shapes()["Qom"].path
    texts = [t.get_text() for a in fig.axes for t in a.texts]
    assert any(t.startswith("Qom") and "50 %" in t for t in texts)
    assert any("OpenStreetMap" in t.get_text() for t in fig.texts)


def test_kaleh_map_highlights_its_four_provinces():
    from analysis.report import kaleh
    fig = kaleh.province_map()
    outlined = {next(k for k, s in maps.shapes().items() if s.path is p.get_path()) for p in _outlines(fig)}
    assert outlined == {"Kermanshah", "Ilam", "Lorestan", "Hamadan"}  # 004: the initials K-A-L-H


def test_province_chapter_locator_uses_the_budget_ratio():
    from analysis.report import province_chapter as pc
    ch = pc.province_chapter("Tehran")
    r = ch.headline_ratios()
    assert len(r) == 31
    assert r["Tehran"] == pytest.approx(1_170_000 / 1_200_000)  # 002 line 4823: allocation / agreement
    assert len(_outlines(ch.locator_figure())) == 1


def test_every_map_credits_openstreetmap():
    from analysis.report import clusters, provinces_compared
    for fig in (provinces_compared.ratio_maps(), provinces_compared.units_map(), provinces_compared.finances_map(),
                clusters.province_map()):
        assert any(t.get_text() == "© OpenStreetMap contributors" for t in fig.texts)


def test_small_multiples_one_map_per_indicator():
    from analysis.report import provinces_compared as ch
    m = ch.matrix()
    fig = ch.ratio_maps(m)
    maps_axes = [a for a in fig.axes if any(c.get_gid() == "provinces" for c in a.collections)]
    assert len(maps_axes) == len(m.ratio.columns) == 8
    # hatched provinces: one per undefined cell of the matrix
    hatched = sum(len(c.get_paths()) for a in maps_axes for c in a.collections if c.get_gid().startswith("hatch:"))
    assert hatched == int((m.state != "defined").to_numpy().sum())


# --------------------------------------------------------------------------- notebooks
MAP_FIGURES = {
    "02_national.md": {"fig_national_land", "fig_national_environment", "fig_national_programmes", "fig_national_loans",
                       "fig_national_training"},  # one figure per group of indicators, each fits a page
    "03_provinces_compared.md": {"fig_provinces_heatmap", "fig_provinces_map_ratios", "fig_provinces_scaling",
                                 "fig_provinces_map_units", "fig_provinces_projects", "fig_provinces_map_finances"},
    "04_clusters.md": {"fig_clusters_change", "fig_clusters_provinces", "fig_clusters_map"},
    "05_loans.md": {"fig_loans_cost"},
    "07_kaleh.md": {"fig_kaleh_map", "fig_kaleh_financing"},
    "province.md": {"fig_profile", "fig_locator"},
}


@pytest.mark.parametrize("notebook", sorted(MAP_FIGURES))
def test_notebook_glues_and_shows_its_figures(notebook):
    text = (paths.ROOT / "notebooks" / notebook).read_text(encoding="utf-8")
    glued = set(re.findall(r'glue\("(fig_\w+)"', text))
    shown = re.findall(r"```\{glue:figure\} (fig_\w+)", text)
    assert glued == set(shown) == MAP_FIGURES[notebook]
    assert len(shown) == len(set(shown))
    # a named figure is cited in the chapter's text ({numref}) in the text files
    for name in re.findall(r":name: (fig-[\w-]+)", text):
        cited = any(f"{{numref}}`{name}`" in p.read_text(encoding="utf-8") for p in (paths.ROOT / "text" / "en").glob("*.yml"))
        assert cited, f"{notebook}: {name} is not cited with {{numref}} in text/en"


# --------------------------------------------------------------------------- sizes (issue 12: a 390 px phone)
def _map_figures():
    from analysis.report import clusters, kaleh, provinces_compared
    from analysis.report import province_chapter as pc
    return {"ratio_maps": provinces_compared.ratio_maps(), "units_map": provinces_compared.units_map(),
            "finances_map": provinces_compared.finances_map(), "clusters_map": clusters.province_map(),
            "kaleh_map": kaleh.province_map(), "locator": pc.province_chapter("Kohgiluyeh and Boyer-Ahmad").locator_figure()}


def test_map_text_reads_on_a_phone_and_titles_do_not_widen_the_image():
    for name, fig in _map_figures().items():
        s = figures.shown_sizes(fig)
        # the tight-cropped PNG is the figure's width and its 0.1 in margins, no wider: a long title
        # wrapped (finances_map was 876 px with its title on one line)
        assert s["width"] <= (maps.WIDTH + 0.25) * maps.DPI, (name, s["width"])
        # smallest text (province names) about 8.5 px on a phone showing the image 342 px wide
        assert s["min_font"] >= maps.MIN_FONT and s["phone_px"] >= 8.0, (name, s)
        for ax in fig.axes:  # titles, colour-bar labels and legends at the larger size
            if ax.get_title():
                assert ax.title.get_fontsize() >= maps.TEXT, name
        for leg in fig.legends:
            assert all(x.get_fontsize() >= maps.TEXT for x in leg.get_texts()), name


def test_title_wrapped_to_the_axes_width():
    fig = maps.new_figure(2.0)
    ax = fig.add_axes((0, 0, 1, 1))
    long = " ".join(["Resource growth of the provincial companies"] * 3)
    maps.set_title(ax, long)
    assert "\n" in ax.get_title() and ax.get_title().replace("\n", " ") == long  # wrapped, every word kept
    assert ax.title.get_window_extent().width <= maps.WIDTH * maps.DPI
    matplotlib.pyplot.close(fig)


def test_a_highlight_map_is_the_same_bytes_whatever_the_hash_seed():
    """The highlighted outlines were drawn in a set's order, which changes with Python's hash
    seed: two clean builds wrote different KALEH map PNGs (seen by the e2e byte-identity test)."""
    import os
    import subprocess
    import sys
    code = ("import hashlib, io\nfrom analysis.report import figures, kaleh\nfigures.setup()\n"
            "b = io.BytesIO(); kaleh.province_map().savefig(b, format='png', metadata={'Software': None})\n"
            "print(hashlib.sha256(b.getvalue()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(digests) == 1


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_locator_credit_overprints_no_other_text(lang):
    """The OpenStreetMap credit sits on a line of its own under the colour bar's label (the
    Persian label, centred, reached the credit's corner and was printed over it)."""
    from analysis.core import text
    from analysis.report import province_chapter as pc
    with text.language_as(lang):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        fig = pc.province_chapter("Fars").locator_figure()
        FigureCanvasAgg(fig).draw()  # as the page shows it: the colour bar's label placed
        renderer = fig.canvas.get_renderer()
        credit = next(t for t in fig.texts if "OpenStreetMap" in t.get_text())
        box = credit.get_window_extent(renderer)
        others = [t for t in fig.findobj(matplotlib.text.Text)
                  if t is not credit and t.get_visible() and t.get_text().strip() and t.get_figure() is fig]
        hits = [t.get_text() for t in others if box.overlaps(t.get_window_extent(renderer))]
    assert len(others) > 5 and hits == []
