"""Maps of Iran's 31 provinces: choropleths, small multiples and locator maps.

The boundaries are ``data/reference/iran_provinces.geojson`` (OpenStreetMap, ODbL; read through
:func:`analysis.sources.datasets.load_reference`, once per session), matched to the registry by
ISO 3166-2 code, projected with :func:`lcc` (a Lambert conformal conic centred on Iran) and
drawn as matplotlib patches: no GIS library. Achievement ratios use the heat map's colour scale
and hatching (:func:`analysis.report.figures.ratio_norm`, :data:`analysis.report.figures.HATCH`).
Every map carries the credit ``map_credit`` in ``labels.yml`` ("© OpenStreetMap contributors").

Maps are drawn for a phone as much as for a desk: :data:`WIDTH` inches wide, so that their
province names (:data:`MIN_FONT` points) are about 8.5 CSS pixels and their titles, colour-bar and
legend text (:data:`TEXT` points) about 9 pixels when a 390-pixel phone shows the image 342
pixels wide (``points / 72 * 342 / width``); titles are wrapped to the width (:func:`set_title`), so
that no title widens its image.

>>> x, y = lcc(LON0, LAT0)
>>> float(x), float(y)
(0.0, 0.0)
"""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from analysis.core.provinces import get as get_province
from analysis.core.provinces import registry
from analysis.core.text import language, t
from analysis.report import figures
from analysis.report.numerals import persian_ticks

#: Projection: standard parallels, origin latitude and central meridian (degrees), Earth radius (km).
LAT1, LAT2, LAT0, LON0 = 30.0, 36.0, 33.0, 54.0
RADIUS_KM = 6371.0
#: Figure width (inches), smallest font (points: province names), other text (points: titles,
#: colour bars, legends, credit) and resolution (dots per inch) of a map.
WIDTH, MIN_FONT, TEXT, DPI = 5.0, 9.0, 9.5, 150
#: Provinces too small (or too narrow) on a fully labelled map for their name: labelled beside
#: it with a leader line, at the (longitude, latitude) given here: in the Caspian Sea north of
#: Tehran, Alborz and Qom; west of Khuzestan and in the Persian Gulf for the two Zagros provinces.
LEADERS = {"Alborz": (50.0, 38.9), "Tehran": (51.7, 38.6), "Qom": (53.3, 38.2),
           "Chaharmahal and Bakhtiari": (46.4, 31.45), "Kohgiluyeh and Boyer-Ahmad": (49.0, 28.7)}  # not reader text
#: Label positions (longitude, latitude) where the centre of the largest part is a poor place
#: for the name (a crescent, a long coast, a neighbour's label too close).
LABEL_AT = {"Hormozgan": (56.6, 27.2), "Gilan": (49.4, 37.25), "Mazandaran": (53.1, 36.4),
            "Golestan": (55.2, 37.35), "Bushehr": (51.5, 28.5), "Markazi": (49.9, 34.3),
            "Qazvin": (49.8, 36.05), "Semnan": (54.3, 35.3), "Ardabil": (48.1, 38.7),
            "West Azerbaijan": (45.45, 36.75), "East Azerbaijan": (47.0, 38.15), "Khuzestan": (48.9, 30.95),
            "Kermanshah": (46.6, 34.35), "Ilam": (46.8, 33.3), "Lorestan": (48.5, 33.4)}
EDGE = "white"


def lcc(lon, lat):
    """Lambert conformal conic projection (spherical), kilometres east and north of (:data:`LON0`, :data:`LAT0`).

    With φ₁, φ₂ the standard parallels, φ₀ the origin latitude, λ₀ the central meridian, R the radius
    and T(φ) = tan(π/4 + φ/2):

        n = ln(cos φ₁ / cos φ₂) / ln(T(φ₂) / T(φ₁)),   F = cos φ₁ · T(φ₁)ⁿ / n,
        ρ(φ) = R · F / T(φ)ⁿ,   θ = n (λ − λ₀),
        x = ρ(φ) sin θ,   y = ρ(φ₀) − ρ(φ) cos θ.

    The scale is true along both standard parallels (30° and 36° N), a little too small between
    them and too large outside: under 1 % over Iran (25°-40° N). Angles are kept, so provinces keep
    their shapes. Accepts scalars or numpy arrays of degrees.
    """
    rad = math.pi / 180
    p1, p2, p0 = LAT1 * rad, LAT2 * rad, LAT0 * rad

    def tt(p):
        return np.tan(math.pi / 4 + np.asarray(p) / 2)

    n = math.log(math.cos(p1) / math.cos(p2)) / math.log(tt(p2) / tt(p1))
    f = math.cos(p1) * tt(p1) ** n / n
    rho = RADIUS_KM * f / tt(np.asarray(lat, dtype=float) * rad) ** n
    rho0 = RADIUS_KM * f / tt(p0) ** n
    theta = n * (np.asarray(lon, dtype=float) - LON0) * rad
    return rho * np.sin(theta), rho0 - rho * np.cos(theta)


@dataclass(frozen=True)
class Shape:
    """One province on the map: its outline (a :class:`matplotlib.path.Path`, km) and label point."""

    key: str
    path: object
    label_xy: tuple[float, float]
    area_km2: float


def _ring_area_centroid(x, y) -> tuple[float, float, float]:
    """Signed area and centroid of a closed ring (shoelace)."""
    x0, y0, x1, y1 = x[:-1], y[:-1], x[1:], y[1:]
    cross = x0 * y1 - x1 * y0
    a = cross.sum() / 2
    if a == 0:
        return 0.0, float(x.mean()), float(y.mean())
    return float(a), float(((x0 + x1) * cross).sum() / (6 * a)), float(((y0 + y1) * cross).sum() / (6 * a))


@lru_cache(maxsize=1)
def shapes() -> dict[str, Shape]:
    """Every registry province's projected outline, keyed by registry key (read and projected once).

    The file is read as plain JSON from its catalogued path: the catalogue's checks
    (:func:`analysis.sources.datasets.load_reference`, run by ``validate_all`` and the tests) take
    longer than drawing a map, which every province chapter does. Raises a ``ValueError`` naming
    the file and feature when a feature's ISO code is not in the registry or a registry province
    has no feature."""
    import json

    from matplotlib.path import Path

    from analysis.sources.datasets import reference

    ds = reference("iran_provinces")
    where = ds.raw.get("path")
    doc = json.loads(ds.path.read_text(encoding="utf-8"))
    by_iso = {p.iso: p.key for p in registry()}
    out: dict[str, Shape] = {}
    for i, feat in enumerate(doc["features"]):
        iso = feat["properties"].get("iso_3166_2")
        if iso not in by_iso:
            raise ValueError(f"{where}: feature {i + 1}: iso_3166_2 {iso!r} is not a registry province "
                             f"(src/analysis/core/provinces.yml)")
        geom = feat["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        verts, codes, best, total = [], [], (0.0, 0.0, 0.0), 0.0
        for poly in polygons:
            for j, ring in enumerate(poly):
                lon, lat = np.asarray(ring, dtype=float).T
                x, y = lcc(lon, lat)
                verts.append(np.column_stack([x, y]))
                c = np.full(len(x), Path.LINETO, dtype=Path.code_type)
                c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
                codes.append(c)
                if j == 0:
                    a, cx, cy = _ring_area_centroid(x, y)
                    total += abs(a)
                    if abs(a) > best[0]:
                        best = (abs(a), cx, cy)
        key = by_iso[iso]
        if key in LABEL_AT:
            lx, ly = lcc(*LABEL_AT[key])
            label = (float(lx), float(ly))
        else:
            label = (best[1], best[2])
        out[key] = Shape(key, Path(np.concatenate(verts), np.concatenate(codes)), label, total)
    missing = [p.key for p in registry() if p.key not in out]
    if missing:
        raise ValueError(f"{where}: no feature for {', '.join(missing)} (registry ISO codes "
                         f"{', '.join(get_province(k).iso for k in missing)})")
    return out


@lru_cache(maxsize=1)
def extent() -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 of all provinces (km), a 20 km margin around them (the leader-line labels
    are inside: in the Caspian Sea, west of Khuzestan, in the Persian Gulf)."""
    ext = np.array([s.path.get_extents().extents for s in shapes().values()])
    return (float(ext[:, 0].min()) - 20, float(ext[:, 2].max()) + 20,
            float(ext[:, 1].min()) - 20, float(ext[:, 3].max()) + 20)


def aspect() -> float:
    """Height / width of the map's extent."""
    x0, x1, y0, y1 = extent()
    return (y1 - y0) / (x1 - x0)


def name(key: str, wrap: int = 13, both: bool = True) -> str:
    """A province's map label: English over Persian in the English edition (English alone with
    ``both=False``: a map naming all 31 provinces has no room for two names each on a phone),
    Persian alone in the Persian one; long English names wrapped.

    >>> name("Sistan and Baluchestan", wrap=13).split("\\n")
    ['Sistan and', 'Baluchestan', 'سیستان و بلوچستان']
    >>> name("Sistan and Baluchestan", both=False)
    'Sistan and\\nBaluchestan'
    """
    p = get_province(key)
    if language() == "fa":
        return p.fa
    return "\n".join(textwrap.wrap(p.key, wrap) + ([p.fa] if both else []))


def set_title(ax, text: str, fontsize: float = TEXT, **kw) -> None:
    """``ax``'s title, wrapped between words to the axes' width (a long bilingual title would
    otherwise widen the figure's tight-cropped image, and shrink every text on a phone)."""
    fig = ax.figure
    width_px = ax.get_position().width * fig.get_figwidth() * fig.dpi
    ax.set_title(figures.wrap_to_width(text, width_px, fontsize, fig.dpi), fontsize=fontsize, **kw)


def credit(ax, fontsize: float = TEXT) -> None:
    """The OpenStreetMap credit the boundaries' licence requires (``map_credit`` in ``labels.yml``), bottom left."""
    ax.text(0.0, 0.0, t("map_credit"), transform=ax.transAxes, fontsize=fontsize, color="#555555",
            ha="left", va="bottom")


def _blank(ax) -> None:
    x0, x1, y0, y1 = extent()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xticks([])  # no ticks to lay out (the axis is off, but its ticks would still be made)
    ax.set_yticks([])
    ax.set_axis_off()


def _add(ax, patch):
    """Add a patch without :meth:`~matplotlib.axes.Axes.add_patch`'s update of the data limits
    (a walk over every curve segment, the slowest step of drawing a map: the limits are set by
    :func:`extent`)."""
    patch.axes = ax
    patch.set_transform(ax.transData)
    return ax.add_artist(patch)


@dataclass(frozen=True)
class Drawn:
    """How :func:`choropleth` drew one province: its outline, face colour (RGBA) and hatch (``None``: plain)."""

    path: object
    facecolor: tuple
    hatch: str | None = None


def _collection(ax, paths, gid: str, **kw):
    """All ``paths`` as one :class:`~matplotlib.collections.PathCollection` (one artist to draw,
    not 31), added without updating the data limits (:func:`_blank` sets them from :func:`extent`)."""
    from matplotlib.collections import PathCollection

    c = PathCollection(paths, transform=ax.transData, **kw)
    c.set_gid(gid)
    ax.add_collection(c, autolim=False)
    return c


def choropleth(ax, values: dict, *, norm=None, cmap=None, states: dict | None = None, labels: bool = False,
               highlight=(), label_keys=None, notes: dict | None = None, fontsize: float = MIN_FONT,
               show_credit: bool = True, callouts: bool = False, leaders: dict | None = None) -> dict:
    """Draw every registry province on ``ax`` and return ``{key: Drawn}`` (:class:`Drawn`).

    ``values`` maps registry keys to a number or ``None``; with ``norm`` and ``cmap`` (default:
    the achievement scale of :func:`analysis.report.figures.ratio_norm`) a number gives the
    face colour. A province without a number is hatched by ``states[key]`` (``zero_plan``,
    ``flagged`` or ``not_in_table``, :data:`analysis.report.figures.HATCH`; default ``not_in_table``);
    a province whose state is ``'none'`` is drawn plain grey, not hatched (outside a programme, say).
    ``highlight`` provinces get a thick black outline, drawn on top. ``labels`` puts names on
    every province (or on ``label_keys``), with ``notes[key]`` (a value, say) under the name; the
    small provinces of :data:`LEADERS` are labelled beside the map with a leader line. When only
    ``label_keys`` are named, their names are boxed, and with ``callouts`` put beside the map
    (:func:`callout_at`) so that the province itself stays visible.

    The provinces are drawn as a few path collections (gid ``provinces``; ``hatch:<hatch>`` for
    each hatching, ``borders`` for the hatched ones' white borders): one artist each, however many
    provinces, which is what makes a province chapter's locator map fast.
    """
    from matplotlib.patches import PathPatch

    norm = figures.ratio_norm() if norm is None else norm
    cmap = figures.ratio_cmap() if cmap is None else cmap
    states = states or {}
    notes = notes or {}
    highlight = set(highlight)
    drawn: dict[str, Drawn] = {}
    plain, hatched = [], {}  # (path, face colour) and {hatch: [path]}
    for key, s in shapes().items():
        v = values.get(key)
        if v is not None and not (isinstance(v, float) and math.isnan(v)):
            drawn[key] = Drawn(s.path, tuple(cmap(norm(v))))
            plain.append(drawn[key])
        elif states.get(key) == "none":
            drawn[key] = Drawn(s.path, _rgba(figures.MISSING_FACE))
            plain.append(drawn[key])
        else:
            h = figures.HATCH[states.get(key, "not_in_table")]
            drawn[key] = Drawn(s.path, _rgba(figures.MISSING_FACE), h)
            hatched.setdefault(h, []).append(s.path)
    if plain:
        _collection(ax, [d.path for d in plain], "provinces", facecolors=[d.facecolor for d in plain],
                    edgecolors=EDGE, linewidths=0.5, zorder=1)
    for h, paths in hatched.items():
        # the hatch takes the edge colour: hatched provinces get grey lines, and their border is
        # drawn again in white by the unhatched ``borders`` collection
        _collection(ax, paths, f"hatch:{h}", facecolors=figures.MISSING_FACE, edgecolors=figures.MISSING_EDGE,
                    linewidths=0, hatch=h, zorder=1)
    if hatched:
        _collection(ax, [p for ps in hatched.values() for p in ps], "borders", facecolors="none", edgecolors=EDGE,
                    linewidths=0.5, zorder=1.5)
    for key in sorted(highlight):  # a set: in sorted order, so two builds draw the outlines alike
        _add(ax, PathPatch(shapes()[key].path, facecolor="none", edgecolor="black", lw=1.6, zorder=3))
    if labels:
        chosen = list(shapes()) if label_keys is None else list(label_keys)
        for key in chosen:
            _label(ax, key, notes.get(key), fontsize, bold=key in highlight, boxed=label_keys is not None,
                   callout=callouts, leader_at=(leaders or {}).get(key))
    _blank(ax)
    if show_credit:
        credit(ax)
    return drawn


def _rgba(colour) -> tuple:
    from matplotlib.colors import to_rgba
    return to_rgba(colour)


#: Where a callout (a boxed name beside the map, :func:`callout_at`) goes: empty corners of the
#: map's frame, (longitude, latitude): the Caspian Sea, the north-east corner, the Persian Gulf.
CALLOUTS = {"north": (51.3, 39.0), "north_east": (61.6, 39.0), "south": (49.3, 26.4)}


def callout_at(key: str) -> tuple[float, float]:
    """Callout position of a province's boxed name: north of 33° N in the Caspian Sea (west of
    56° E) or the north-east corner, south of it in the Persian Gulf.

    >>> callout_at("Qom") == CALLOUTS["north"], callout_at("Kerman") == CALLOUTS["south"]
    (True, True)
    """

    x, y = shapes()[key].label_xy
    _, y33 = lcc(LON0, 33.0)
    x56, _ = lcc(56.0, 33.0)
    if y >= y33:
        return CALLOUTS["north"] if x < x56 else CALLOUTS["north_east"]
    return CALLOUTS["south"]


def _label(ax, key: str, note: str | None, fontsize: float, bold: bool = False, boxed: bool = False,
           callout: bool = False, leader_at: tuple | None = None) -> None:
    """A province's name (and note): boxed when few provinces are named, else with a white halo;
    a boxed name goes beside the map with a leader line when ``callout``."""
    from matplotlib import patheffects

    text = name(key, both=boxed) + (f"\n{note}" if note else "")
    kw = {"fontsize": fontsize, "ha": "center", "va": "center", "weight": "bold" if bold else "normal",
          "zorder": 5, "linespacing": 0.9}
    if boxed:
        kw["bbox"] = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "#333333", "lw": 0.5, "alpha": 0.9}
    else:
        kw["path_effects"] = [patheffects.withStroke(linewidth=2.2, foreground="white", alpha=0.85)]
    if leader_at is not None or key in LEADERS and not boxed or boxed and callout:
        tx, ty = lcc(*(leader_at or (LEADERS[key] if not boxed else callout_at(key))))
        ax.annotate(text, xy=shapes()[key].label_xy, xytext=(float(tx), float(ty)),
                    arrowprops={"arrowstyle": "-", "color": "#333333", "lw": 0.6, "shrinkA": 0, "shrinkB": 2}, **kw)
    else:
        x, y = shapes()[key].label_xy
        ax.text(x, y, text, **kw)


def new_figure(height: float, width: float = WIDTH):
    """A figure for maps, at :data:`DPI` so that a phone's dense screen shows it sharply."""
    figures.setup()
    import matplotlib.pyplot as plt
    return plt.figure(figsize=(width, height), dpi=DPI)


def small_multiples(panels, *, norm=None, cmap=None, ncols: int = 2, colourbar_label: str = "",
                    ticks=None, ticklabels=None, extend: str = "neither", states_legend=tuple(figures.HATCH),
                    panel_height: float | None = None):
    """One unlabelled map per panel, ``panels`` a list of ``(title, values, states)``, one colour
    scale for all (default the achievement scale and its colour bar), the hatching legend below.

    Returns the figure; its first ``len(panels)`` axes are the maps.
    """
    import matplotlib.pyplot as plt
    from matplotlib.cm import ScalarMappable

    norm = figures.ratio_norm() if norm is None else norm
    cmap = figures.ratio_cmap() if cmap is None else cmap
    nrows = math.ceil(len(panels) / ncols)
    panel_height = WIDTH / ncols * aspect() + 0.3 if panel_height is None else panel_height
    foot = 0.75 if states_legend else 0.35  # the hatching legend, then the credit under it
    height = panel_height * nrows + 1.1 + foot
    fig = new_figure(height)
    grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[panel_height] * nrows + [1.05], hspace=0.12,
                            wspace=0.03, left=0.01, right=0.99, top=1 - 0.05 / height, bottom=foot / height)
    axes = []
    for i, (title, values, states) in enumerate(panels):
        ax = fig.add_subplot(grid[i // ncols, i % ncols])
        choropleth(ax, values, norm=norm, cmap=cmap, states=states, show_credit=False)
        set_title(ax, title, pad=2)
        axes.append(ax)
    cax = fig.add_subplot(grid[nrows, :])
    cax.set_axis_off()
    bar = cax.inset_axes((0.15, 0.78, 0.7, 0.14))
    cb = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=bar, orientation="horizontal", extend=extend)
    if ticks is not None:
        cb.set_ticks(list(ticks))
        if ticklabels is not None:
            cb.set_ticklabels(list(ticklabels))
    cb.ax.tick_params(labelsize=TEXT)
    cb.set_label(colourbar_label, fontsize=TEXT)
    # tick labels given come in the reader's digits from the caller (analysis.report.display
    # formatters); those the colour bar makes itself get Persian digits here. A colour bar is a
    # key, not a chart: low on the left in both editions, as the maps are not mirrored either.
    if ticklabels is None:
        persian_ticks(cb.ax)
    if states_legend:
        fig.legend(handles=figures.state_handles(states_legend), loc="lower center", ncol=2,
                   frameon=False, fontsize=TEXT, bbox_to_anchor=(0.5, 0.2 / height), handlelength=1.6, columnspacing=0.8)
    fig.text(0.01, 0.04 / height, t("map_credit"), fontsize=TEXT, color="#555555")
    plt.close(fig)
    return fig


def ratio_panels_colourbar(fig, ax, label: str):
    """The achievement colour bar (ticks 0 to ≥ 200 %) under a single map."""
    from matplotlib.cm import ScalarMappable
    return figures.ratio_colourbar(fig, ScalarMappable(norm=figures.ratio_norm(), cmap=figures.ratio_cmap()), ax, label,
                                   orientation="horizontal", fraction=0.045, pad=0.02, shrink=0.8)


CREDIT_LINE = 0.22  # inches under a locator map's colour-bar label for the OpenStreetMap credit


def locator(province_key: str, ratios: dict, *, label: str, note: str, title: str = ""):
    """A province chapter's locator map: every province coloured by its ``ratios`` (the
    achievement scale), ``province_key`` outlined in black and named with ``note`` (its ratio),
    the colour bar labelled ``label``."""
    import matplotlib.pyplot as plt

    # from the foot: the credit on a line of its own (CREDIT_LINE inches: the colour bar's label,
    # centred, is as wide as the credit's corner in Persian and overprinted it), the bar, the map
    height = WIDTH * aspect() + 1.35 + CREDIT_LINE
    fig = new_figure(height)
    ax = fig.add_axes((0.0, (1.0 + CREDIT_LINE) / height, 1.0, WIDTH * aspect() / height))
    choropleth(ax, ratios, highlight=[province_key], labels=True, label_keys=[province_key],
               notes={province_key: note}, fontsize=TEXT, show_credit=False, callouts=True)
    if title:
        set_title(ax, title)
    bar = fig.add_axes((0.15, (0.62 + CREDIT_LINE) / height, 0.7, 0.12 / height))
    from matplotlib.cm import ScalarMappable
    cb = figures.ratio_colourbar(fig, ScalarMappable(norm=figures.ratio_norm(), cmap=figures.ratio_cmap()), None, label,
                                 cax=bar, orientation="horizontal")
    cb.set_label(label, fontsize=TEXT)
    cb.minorticks_off()
    bar.tick_params(labelsize=TEXT)
    fig.text(0.01, 0.01, t("map_credit"), fontsize=TEXT, color="#555555")
    plt.close(fig)
    return fig


def highlight_map(keys, *, notes: dict | None = None, title: str = "", colour: str = figures.PALETTE["highlight"],
                  leaders: dict | None = None):
    """A map with ``keys`` filled in ``colour``, outlined and named (with ``notes[key]`` under the
    name, at ``leaders[key]`` (longitude, latitude) with a leader line when given), every other
    province plain grey."""
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap, Normalize

    keys = list(keys)
    fig = new_figure(4.3)
    ax = fig.add_axes((0.0, 0.04, 1.0, 0.9))
    choropleth(ax, {k: 1.0 for k in keys}, norm=Normalize(0, 1), cmap=ListedColormap([colour]),
               states={p.key: "none" for p in registry() if p.key not in keys}, highlight=keys, labels=True,
               label_keys=keys, notes=notes, fontsize=TEXT, show_credit=False, leaders=leaders)
    if title:
        set_title(ax, title)
    fig.text(0.01, 0.01, t("map_credit"), fontsize=TEXT, color="#555555")
    plt.close(fig)
    return fig


@dataclass
class Panel:
    """One labelled map of :func:`stacked_maps`: ``values`` and ``states`` as for :func:`choropleth`,
    its own colour scale (``norm``, ``cmap``) and colour bar (``label``, ``ticks`` and their texts)."""

    title: str
    values: dict
    norm: object = None
    cmap: object = None
    label: str = ""
    states: dict | None = None
    ticks: tuple | None = None
    ticklabels: tuple | None = None
    extend: str = "neither"


def stacked_maps(panels: list[Panel], *, map_height: float | None = None, fontsize: float = MIN_FONT):
    """Fully labelled maps one above the other (each the width of the figure, so the names stay
    legible on a phone), each with its colour bar; the credit at the foot."""
    import matplotlib.pyplot as plt
    from matplotlib.cm import ScalarMappable

    map_height = WIDTH * aspect() if map_height is None else map_height
    bar_h, title_h, foot = 0.9, 0.62, 0.27  # a title may wrap to two lines: room for both above the map
    per = map_height + bar_h + title_h
    height = per * len(panels) + foot
    fig = new_figure(height)
    axes = []
    for i, p in enumerate(panels):
        top = height - i * per  # inches from the bottom
        ax = fig.add_axes((0.0, (top - title_h - map_height) / height, 1.0, map_height / height))
        norm = figures.ratio_norm() if p.norm is None else p.norm
        cmap = figures.ratio_cmap() if p.cmap is None else p.cmap
        choropleth(ax, p.values, norm=norm, cmap=cmap, states=p.states, labels=True, fontsize=fontsize,
                   show_credit=False)
        set_title(ax, p.title, pad=3)
        bar = fig.add_axes((0.18, (top - per + 0.4) / height, 0.64, 0.1 / height))
        cb = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=bar, orientation="horizontal", extend=p.extend)
        if p.ticks is not None:
            cb.set_ticks(list(p.ticks))
            cb.minorticks_off()
            if p.ticklabels is not None:
                cb.set_ticklabels(list(p.ticklabels))
        cb.ax.tick_params(labelsize=TEXT)
        cb.set_label(p.label, fontsize=TEXT, labelpad=1)
        if p.ticklabels is None:  # given labels are in the reader's digits already (see small_multiples)
            persian_ticks(cb.ax)
        axes.append(ax)
    fig.text(0.01, 0.04 / height, t("map_credit"), fontsize=TEXT, color="#555555")
    plt.close(fig)
    return fig
