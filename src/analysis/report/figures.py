"""Figure style: Vazirmatn for Persian and Latin text, consistent sizes, bilingual labels.

matplotlib >= 3.11 shapes Persian itself (joined letters, right-to-left runs) through
libraqm; do not add arabic-reshaper/python-bidi on top, which would reverse it again.
The font comes from the ``vazirmatn`` npm package (OFL), copied by the build scripts to
``_fonts/`` (git-ignored). Without it, figures fall back to DejaVu Sans and a warning
says so.
"""
from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

from analysis.core import paths

FONT_FAMILY = "Vazirmatn"
PALETTE = {"plan": "#9aa5b1", "actual": "#1f6f8b", "national": "#c0392b", "highlight": "#e67e22", "muted": "#cfd8dc"}


def font_files() -> list[Path]:
    return sorted((paths.FONTS / "ttf").glob("Vazirmatn-*.ttf"))


@lru_cache(maxsize=1)
def setup() -> str:
    """Register Vazirmatn with matplotlib and set the book's style; returns the font family used."""
    import matplotlib

    matplotlib.use("Agg") if not matplotlib.get_backend().lower().startswith(("module://matplotlib_inline", "agg")) else None
    from matplotlib import font_manager, rcParams

    files = font_files()
    family = FONT_FAMILY
    if files:
        for f in files:
            font_manager.fontManager.addfont(str(f))
    else:
        warnings.warn(f"Vazirmatn not found in {paths.FONTS}/ttf; run scripts/setup.sh (figures fall back to DejaVu Sans)", stacklevel=2)
        family = "DejaVu Sans"
    rcParams.update({
        "font.family": family,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.dpi": 110,
        "savefig.dpi": 150,
        "figure.figsize": (7.5, 4.2),
        "svg.fonttype": "path",
    })
    return family


def bilingual(en: str, fa: str) -> str:
    """Label with English and Persian (the Persian isolated for bidi), see :func:`analysis.core.text.pair`.

    >>> bilingual("Khuzestan", "خوزستان") == "Khuzestan · \u2068خوزستان\u2069"
    True
    """
    from analysis.core.text import pair
    return pair(en, fa)


# --------------------------------------------------------------------------- achievement colours
#: Why a province has no achievement ratio (text keys ``provinces_compared.state_<state>``) and how
#: a heat-map cell or a map's province without one is hatched. Shared by the heat map
#: (:func:`analysis.report.provinces_compared.heatmap`) and every map (:mod:`analysis.report.maps`).
HATCH = {"zero_plan": "..", "flagged": "xxx", "not_in_table": "///"}
#: Face and hatch colour of a cell or province without a value.
MISSING_FACE, MISSING_EDGE = "#f2f2f2", "#9e9e9e"
#: Achievement ratios are coloured from 0 through 1 (plan met, the palette's pale centre) to 2 (200 %
#: or more): a diverging ColorBrewer palette safe for the common colour-vision deficiencies.
RATIO_MIN, RATIO_CENTRE, RATIO_MAX = 0.0, 1.0, 2.0
RATIO_CMAP = "RdYlBu"
RATIO_TICKS = (0, 0.5, 1, 1.5, 2)
#: Text on a coloured cell turns white where the colour is dark (both ends of the palette).
DARK_BELOW, DARK_ABOVE = 0.3, 1.8


def ratio_norm():
    """The achievement colour scale: a :class:`~matplotlib.colors.TwoSlopeNorm` from 0 to 2 centred on 1.

    >>> float(ratio_norm()(1.0)), float(ratio_norm()(2.0))
    (0.5, 1.0)
    """
    from matplotlib.colors import TwoSlopeNorm
    return TwoSlopeNorm(vmin=RATIO_MIN, vcenter=RATIO_CENTRE, vmax=RATIO_MAX)


def ratio_cmap():
    """The achievement palette (a copy: callers may change it), missing values white."""
    import matplotlib
    return matplotlib.colormaps[RATIO_CMAP].with_extremes(bad="white")


def ratio_colour(value: float):
    """RGBA colour of an achievement ratio on the shared scale (values above 2 as 2)."""
    return ratio_cmap()(ratio_norm()(min(float(value), RATIO_MAX)))


def text_colour(value: float) -> str:
    """Black or white, whichever reads on the colour of ``value`` (an achievement ratio)."""
    return "white" if value < DARK_BELOW or value > DARK_ABOVE else "black"


def ratio_colourbar(fig, mappable, ax, label: str, **kw):
    """The shared colour bar of achievement ratios: ticks 0, 50, 100, 150, ≥ 200 (%), in the
    reader's digits (:func:`ratio_ticklabels`; fixed labels, so
    :func:`analysis.report.numerals.persian_ticks` has nothing to add). A colour bar is not
    mirrored in the Persian edition: it reads as the maps' key, low on the left."""
    cb = fig.colorbar(mappable, ax=ax, extend="max", **kw)
    cb.set_ticks(list(RATIO_TICKS))
    cb.set_ticklabels(ratio_ticklabels())
    cb.set_label(label, fontsize=8)
    return cb


def ratio_ticklabels() -> list[str]:
    """The achievement colour bar's tick labels in the reader's digits
    (:func:`analysis.report.display.localise`).

    >>> ratio_ticklabels()
    ['0', '50', '100', '150', '≥ 200']
    """
    from analysis.report.display import localise
    return [localise(f"{100 * x:g}") for x in RATIO_TICKS[:-1]] + [localise(f"≥ {100 * RATIO_TICKS[-1]:g}")]


def state_handles(states=tuple(HATCH)):
    """Legend entries of the hatched states (words from ``provinces_compared.state_<state>``)."""
    from matplotlib.patches import Patch

    from analysis.core.text import t
    return [Patch(facecolor=MISSING_FACE, edgecolor=MISSING_EDGE, hatch=HATCH[s], label=t("provinces_compared.state_" + s))
            for s in states]


@lru_cache(maxsize=8)
def _renderer(dpi: float):
    from matplotlib.backends.backend_agg import RendererAgg
    return RendererAgg(10, 10, dpi)


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, dpi: float) -> float:
    """Width in pixels of one line of ``text`` at ``size`` points and ``dpi``, in the book's font
    (cached: the same titles and labels are measured for every province's map)."""
    from matplotlib.font_manager import FontProperties
    setup()
    return _renderer(dpi).get_text_width_height_descent(text, FontProperties(size=size), ismath=False)[0]


def wrap_to_width(text: str, width_px: float, size: float, dpi: float) -> str:
    """``text`` broken between words (never at a no-break space) into lines at most ``width_px``
    pixels wide at ``size`` points and ``dpi`` (:func:`text_width`; a single word wider stays whole;
    existing line breaks are kept).

    >>> wrap_to_width("a b c", 1e6, 9.5, 150), wrap_to_width("a b c", 1, 9.5, 150)
    ('a b c', 'a\\nb\\nc')
    """
    out: list[str] = []
    for para in text.split("\n"):
        lines: list[str] = []
        for word in para.split(" "):
            if lines and text_width(lines[-1] + " " + word, size, dpi) <= width_px:
                lines[-1] += " " + word
            else:
                lines.append(word)
        out += lines
    return "\n".join(out)


# --------------------------------------------------------------------------- sizes as shown
#: How the book shows a figure's PNG: a 390-pixel phone about :data:`PHONE_PX` CSS pixels wide
#: (never wider than the image); the print edition at 96 pixels an inch, scaled down to the
#: 176 mm column and to 205 mm height (``book/_static/print.css``).
PHONE_PX, PRINT_WIDTH_MM, PRINT_HEIGHT_MM = 342, 176.0, 205.0


def shown_sizes(fig) -> dict:
    """A figure as the notebooks show it (PNG, tight bounding box, at the figure's dpi): ``width``
    and ``height`` (pixels), ``min_font`` (points, its smallest text), ``phone_px`` (that text's
    height in CSS pixels on a phone), ``print_pt`` (its size in print) and ``print_mm`` (width,
    height printed).

    >>> import matplotlib.pyplot as plt
    >>> f = plt.figure(figsize=(5, 2), dpi=150); ax = f.add_axes((0, 0, 1, 1), xticks=[], yticks=[])
    >>> _ = ax.text(0.5, 0.5, "x", fontsize=9.5)
    >>> s = shown_sizes(f); s["width"], round(s["phone_px"], 1), round(s["print_pt"], 1)
    (780, 8.7, 12.7)

    (the tight box adds 0.1 inch each side: 5.2 inches, 780 pixels; 9.5 pt is 19.8 image pixels,
    times 342 / 780 on a phone; in print 780 pixels shrink to 176 mm, 19.8 px × 0.75 × 0.853.)
    """
    import io

    from matplotlib.text import Text
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi, bbox_inches="tight")
    w, h = Image.open(buf).size
    sizes = [x.get_fontsize() for x in fig.findobj(Text) if x.get_visible() and x.get_text().strip()]
    low = min(sizes)
    px_per_pt = fig.dpi / 72
    width_mm = min(w / 96 * 25.4, PRINT_WIDTH_MM)
    scale = width_mm / (w / 96 * 25.4)  # print size over natural size
    height_mm = h / 96 * 25.4 * scale
    if height_mm > PRINT_HEIGHT_MM:
        scale *= PRINT_HEIGHT_MM / height_mm
        width_mm, height_mm = width_mm * PRINT_HEIGHT_MM / height_mm, PRINT_HEIGHT_MM
    return {"width": w, "height": h, "min_font": low, "phone_px": low * px_per_pt * min(1.0, PHONE_PX / w),
            "print_pt": low * px_per_pt / 96 * 72 * scale, "print_mm": (width_mm, height_mm)}


# --------------------------------------------------------------------------- the Persian edition
def mirrored(lang: str | None = None) -> bool:
    """Whether figures are drawn mirrored: in the Persian edition (``lang``, default
    :func:`analysis.core.text.language`) a chart of categories reads from the right."""
    from analysis.core.text import language
    return (lang or language()) == "fa"


def mirror(ax, lang: str | None = None) -> bool:
    """Mirror a horizontal chart of categories for a right-to-left reader (the Persian edition,
    :func:`mirrored`): the value axis inverted, so bars start at the right and grow leftwards
    (a log axis too: its values still rise from right to left), the category labels (y tick
    labels and the y axis label) on the right, the spine of the category axis with them. In
    English nothing changes. Returns whether ``ax`` was mirrored.

    Call it after the bars and tick labels are set (it keeps them) and before
    :func:`analysis.report.numerals.persian_ticks`. Bar-end value labels must then be aligned
    ``ha="right"`` (:func:`value_ha`) to stay beside their bar.
    """
    if not mirrored(lang):
        return False
    if not ax.xaxis_inverted():
        ax.invert_xaxis()
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    left, right = ax.spines["left"].get_visible(), ax.spines["right"].get_visible()
    ax.spines["left"].set_visible(right)
    ax.spines["right"].set_visible(left)
    return True


def value_ha(lang: str | None = None) -> str:
    """Horizontal alignment of a label written just past a bar's end: ``left`` in English,
    ``right`` in the mirrored Persian edition (:func:`mirror`)."""
    return "right" if mirrored(lang) else "left"


def fit_label(label: str, width_px: float, fontsize: float, dpi: float) -> str:
    """A bilingual ``English · Persian`` label on one line if it fits ``width_px``, else its two
    names on lines of their own (each wrapped between words, never cut)."""
    one = wrap_to_width(label, width_px, fontsize, dpi)
    if "\n" not in one or " · " not in label:
        return one
    return "\n".join(wrap_to_width(part, width_px, fontsize, dpi) for part in label.split(" · ", 1))
