"""Display helpers for notebooks: formatted numbers and HTML tables (no Python reprs,
no raw ``nan`` shown to readers)."""
from __future__ import annotations

import html
import math
import re

import pandas as pd

DASH = "—"


def escape(text) -> str:
    """Text made safe to put into HTML: ``&``, ``<``, ``>`` and both quotes escaped.

    The one escaping helper of the report: every HTML snippet the chapters build puts
    its values through it.

    >>> escape('<b>"R&D"</b>'), escape("ISIPO's")
    ('&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;', 'ISIPO&#x27;s')
    """
    return html.escape(str(text), quote=True)


def is_missing(x) -> bool:
    try:
        return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) or bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def num(x, decimals: int = 0) -> str:
    """A number with thousands separators; missing values as a dash.

    >>> num(16262), num(9.14, 1), num(float("nan"))
    ('16,262', '9.1', '—')
    """
    if is_missing(x):
        return DASH
    return f"{x:,.{decimals}f}"


def pct(ratio, decimals: int = 1) -> str:
    """A ratio as a percentage: ``pct(1.136) -> '113.6 %'``; missing -> dash.

    >>> pct(718 / 739)
    '97.2 %'
    """
    if is_missing(ratio):
        return DASH
    return f"{100 * ratio:,.{decimals}f} %"


def ordinal(n) -> str:
    """>>> ordinal(1), ordinal(2), ordinal(11), ordinal(23)
    ('1st', '2nd', '11th', '23rd')
    """
    if is_missing(n):
        return DASH
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Cells that read as numbers (aligned as numbers): 1,234 · -11.2 % · 12 of 31 · 3.00 · — ; also with
# Persian digits and separators (۱۲٬۳۴۵ · ۱۱٫۲ ٪ · ۱۲ از ۳۱) for the Persian edition
_D = r"[\d۰-۹]"
NUMERIC_CELL = re.compile(rf"^\s*(?:[-−+]?(?:{_D}|[,٬])+(?:[.٫]{_D}+)?\s*[%٪]?|{_D}+ (?:of|از) {_D}+|—)\s*$")


class Table:
    """An HTML table with a caption; renders in Jupyter and in the book."""

    def __init__(self, df: pd.DataFrame, caption: str = "", formats: dict | None = None,
                 highlight: int | None = None, classes: str = "dataframe book-table"):
        self.df, self.caption, self.formats, self.highlight, self.classes = df, caption, formats or {}, highlight, classes

    def _cell(self, col, v) -> str:
        f = self.formats.get(col)
        if f is not None:
            text = f(v)
        elif is_missing(v):
            text = DASH
        elif isinstance(v, float):
            text = num(v, 1)
        elif isinstance(v, int):
            text = num(v)
        else:
            text = str(v)
        return escape(text)

    def _repr_html_(self) -> str:
        # dir="auto": each header, caption and text cell takes the direction of its first strong
        # letter, so a Persian cell is right-to-left inside an English page and vice versa
        head = "".join(f'<th dir="auto">{escape(c)}</th>' for c in self.df.columns)
        rows = []
        for i, (_, r) in enumerate(self.df.iterrows()):
            mark = ' class="row-highlight"' if self.highlight is not None and i == self.highlight else ""
            cells = []
            for c in self.df.columns:
                text = self._cell(c, r[c])
                if NUMERIC_CELL.match(html.unescape(text)):
                    cells.append(f'<td class="num">{text}</td>')
                else:
                    cells.append(f'<td class="text" dir="auto">{text}</td>')
            rows.append(f"<tr{mark}>{''.join(cells)}</tr>")
        cap = f'<caption dir="auto">{escape(self.caption)}</caption>' if self.caption else ""
        # a wide table scrolls sideways on screen instead of overflowing the page; the scrolling
        # box is a labelled region a keyboard can reach (tab to it, then the arrow keys)
        from analysis.core.text import t
        label = escape(self.caption or t("table"))
        return (f'<div class="table-scroll" tabindex="0" role="region" aria-label="{label}">'
                f'<table class="{self.classes}">{cap}<thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    def to_markdown_text(self) -> str:  # for tests
        return self.df.to_string()


def say(key: str, lang: str | None = None, **values):
    """A paragraph (or several) of reader-visible prose from ``text/<lang>/``, values filled in,
    as Markdown the book renders (MyST: roles such as ``{numref}`` and ``{doc}`` work).

    Notebooks call this instead of holding prose in Markdown cells, so every sentence has one
    home per language; extra ``values`` not named in the text are ignored.
    """
    from IPython.display import Markdown

    from analysis.core.text import t
    return Markdown(t(key, lang, **values))


def glue_texts(glue, keys, lang: str | None = None, **values) -> None:
    """Glue the plain text of each key under the key itself, for the headings of a notebook's
    Markdown (``## {glue:text}`national.h_printed```), which code cannot emit."""
    from analysis.core.text import t
    for key in keys:
        glue(key, t(key, lang, **values), display=False)


def glue_captions(glue, keys, lang: str | None = None, **values) -> None:
    """Glue each key's text as Markdown under the key itself, for figure captions:
    ``{glue:figure}`` with ``{glue:md}`national.cap_ratios``` as its body (emphasis works in a
    caption; cross-reference roles do not)."""
    from IPython.display import Markdown

    from analysis.core.text import t
    for key in keys:
        glue(key, Markdown(t(key, lang, **values)), display=False)


def unit_text(unit: str, lang: str | None = None) -> str:
    """A catalogue unit (``litre/second``) in the reader's words (``text/<lang>/units.yml``).

    >>> unit_text("litre/second"), unit_text("park/zone", "fa")
    ('litres/second', 'شهرک/ناحیه')
    """
    from analysis.core.text import t
    from analysis.sources.datasets import unit_key
    return t(f"units.{unit_key(unit)}", lang)
