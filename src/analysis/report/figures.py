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
