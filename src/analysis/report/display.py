"""Display helpers for notebooks: formatted numbers and HTML tables (no Python reprs,
no raw ``nan`` shown to readers)."""
from __future__ import annotations

import html
import math
import numbers
import re

import pandas as pd

DASH = "—"
PERSIAN_LETTER = re.compile("[\u0600-\u06ff]")


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


# ------------------------------------------------------------------ numbers in the reader's language
# Every formatter below writes the number the English way first (Latin digits, "," thousands,
# "." decimals, " %") and then, in the Persian edition (:func:`analysis.core.text.language` "fa"),
# puts it into Persian form with :func:`localise`: so the English book is unchanged and both
# editions show the same value (:func:`analysis.report.numerals.value_of` reads either back).

#: In Persian a minus sign is U+2212 after a left-to-right mark (U+200E), as CLDR writes it for
#: Persian: the mark keeps the sign on the left of the digits inside right-to-left text.
FA_MINUS = "\u200e\u2212"
FA_PLUS = "\u200e+"
#: ARABIC PERCENT SIGN, right after the number with no space, as Persian text writes it
FA_PERCENT = "\u066a"

_EN_NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d,]*(?:\.\d+)?(?: ?%)?")


def _fa_number(m: re.Match) -> str:
    from analysis.core.digits import PERSIAN_DECIMAL, PERSIAN_THOUSANDS, to_persian_digits
    text = m.group(0)
    sign = {"-": FA_MINUS, "+": FA_PLUS}.get(text[0], "")
    text = text.lstrip("+-")
    percent = FA_PERCENT if text.endswith("%") else ""
    text = text.rstrip("% ")
    text = text.replace(",", "\0").replace(".", PERSIAN_DECIMAL).replace("\0", PERSIAN_THOUSANDS)
    return sign + to_persian_digits(text) + percent


def localise(text: str, lang: str | None = None) -> str:
    """Numbers written the English way (``1,234.5``, ``-11.2 %``, ``12``) in the reader's
    language (default :func:`analysis.core.text.language`): unchanged in English; in Persian
    with Persian digits, ``٬`` thousands, ``٫`` decimals, ``٪`` right after the number and a
    minus sign that stays on the left of the digits (:data:`FA_MINUS`). Words around the
    numbers stay as they are.

    For a module that formats a number its own way: ``localise(f"{x:.2f}")``.

    >>> localise("-11.2 %"), localise("16,262", "fa"), localise("-11.2 %", "fa") == "\u200e\u2212۱۱٫۲٪"
    ('-11.2 %', '۱۶٬۲۶۲', True)
    """
    from analysis.core.text import language
    if (lang or language()) != "fa":
        return text
    return _EN_NUMBER.sub(_fa_number, str(text))


def num(x, decimals: int = 0) -> str:
    """A number with thousands separators; missing values as a dash. In Persian
    (:func:`localise`): ``۱۶٬۲۶۲``, ``۹٫۱``.

    >>> num(16262), num(9.14, 1), num(float("nan"))
    ('16,262', '9.1', '—')
    """
    if is_missing(x):
        return DASH
    return localise(f"{x:,.{decimals}f}")


def pct(ratio, decimals: int = 1) -> str:
    """A ratio as a percentage: ``pct(1.136) -> '113.6 %'``; missing -> dash. In Persian
    ``۱۱۳٫۶٪`` (no space before ``٪``).

    >>> pct(718 / 739)
    '97.2 %'
    """
    if is_missing(ratio):
        return DASH
    return localise(f"{100 * ratio:,.{decimals}f} %")


def percent(value, decimals: int | None = None) -> str:
    """A number that is already a percentage (a printed ``75.7``), with the percent sign:
    ``decimals`` fixed places with thousands separators, or (``None``) as short as the
    value allows (``:g``: the printed figure as printed). Missing -> dash.

    >>> percent(75.7), percent(12.0), percent(3.14159, 1), percent(None)
    ('75.7 %', '12 %', '3.1 %', '—')
    """
    if is_missing(value):
        return DASH
    text = f"{value:g}" if decimals is None else f"{value:,.{decimals}f}"
    return localise(f"{text} %")


def fixed(x, decimals: int = 2) -> str:
    """A number with ``decimals`` places and no thousands separators (a slope, an R², a
    difference in percentage points). Missing -> dash.

    >>> fixed(0.1234), fixed(-1.5, 1), fixed(float("nan"))
    ('0.12', '-1.5', '—')
    """
    if is_missing(x):
        return DASH
    return localise(f"{x:.{decimals}f}")


def signed(x, decimals: int = 0) -> str:
    """A number with its sign always shown (``+12``, ``-3``, ``+0.2``), e.g. a change.

    >>> signed(12), signed(-3.0), signed(0.25, 1)
    ('+12', '-3', '+0.2')
    """
    if is_missing(x):
        return DASH
    return localise(f"{x:+.{decimals}f}")


def general(x) -> str:
    """A number as short as it can be written (``:g``): ``7.5``, ``12``; missing -> dash.

    >>> general(7.50), general(12.0)
    ('7.5', '12')
    """
    if is_missing(x):
        return DASH
    return localise(f"{x:g}")


def plain(x) -> str:
    """An integer, or a string of digits, with no thousands separators (a year ``1401``, a
    small count), in the reader's digits. Missing -> dash.

    >>> plain(1401), plain(31.0), plain("1401")
    ('1401', '31', '1401')
    """
    if is_missing(x):
        return DASH
    return localise(x if isinstance(x, str) else str(int(x)))


def ordinal(n) -> str:
    """A rank: the English ordinal; in Persian the plain number, as the Persian text writes
    ranks (``رتبه {{rank}} از {{n}}``: ``رتبه ۳ از ۳۱``).

    >>> ordinal(1), ordinal(2), ordinal(11), ordinal(23)
    ('1st', '2nd', '11th', '23rd')
    """
    from analysis.core.text import language
    if is_missing(n):
        return DASH
    n = int(n)
    if language() == "fa":
        return localise(str(n))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ------------------------------------------------------------------------------------------ dates
def jalali_date(d) -> str:
    """A Jalali date (``jdatetime.date``, a printed date, or a Gregorian ``datetime.date``,
    converted): ``1399/11/21`` in English; ``۲۱ بهمن ۱۳۹۹`` in Persian (day, month name from
    ``text/fa/dates.yml``, year). Missing -> dash.

    >>> import jdatetime
    >>> jalali_date(jdatetime.date(1399, 11, 21))
    '1399/11/21'
    """
    from analysis.core import jalali
    from analysis.core.text import language, t
    if is_missing(d):
        return DASH
    if language() != "fa":
        return jalali.format_jalali(d, persian_digits=False)
    j = jalali.parse_date(d)
    return t("dates.date", day=plain(j.day), month=t(f"dates.jalali_{j.month}"), year=plain(j.year))


def gregorian_date(d) -> str:
    """A Gregorian date (``datetime.date``, or a ``jdatetime.date``, converted): ISO
    ``2021-02-09`` in English; ``۹ فوریه ۲۰۲۱`` in Persian. Missing -> dash.

    >>> import datetime
    >>> gregorian_date(datetime.date(2021, 2, 9))
    '2021-02-09'
    """
    from analysis.core.text import language, t
    if is_missing(d):
        return DASH
    if hasattr(d, "togregorian"):
        d = d.togregorian()
    if language() != "fa":
        return d.isoformat()
    return t("dates.date", day=plain(d.day), month=t(f"dates.gregorian_{d.month}"), year=plain(d.year))


# Cells that read as numbers (aligned as numbers): 1,234 · -11.2 % · 12 of 31 · 3.00 · — ; also with
# Persian digits and separators (۱۲٬۳۴۵ · ۱۱٫۲٪ · ‎−۳ · ۱۲ از ۳۱) for the Persian edition (a sign
# there follows a left-to-right mark, :data:`FA_MINUS`)
_D = r"[\d۰-۹]"
NUMERIC_CELL = re.compile(rf"^\s*(?:\u200e?[-−+]?(?:{_D}|[,٬])+(?:[.٫]{_D}+)?\s*[%٪]?|{_D}+ (?:of|از) {_D}+|—)\s*$")


def _cites(df: pd.DataFrame, cite) -> list | None:
    """The per-row citations of a :class:`Table`: ``cite`` is a sequence of
    :class:`analysis.report.cite.Cite` (one per row), or ``None``."""
    if cite is None:
        return None
    cites = list(cite)
    if len(cites) != len(df):
        raise ValueError(f"Table: {len(cites)} citations for {len(df)} rows; give one citation per row")
    return cites


IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")  # snake_case: a dataset or column name


class Table:
    """An HTML table with a caption; renders in Jupyter and in the book.

    ``cite`` (one :class:`analysis.report.cite.Cite` per row) adds a last column,
    ``<th class="cite">`` / ``<td class="cite">``, with each row's short citation
    (``002 · T13 · l.955``, or the computation of a computed row), and the long form as the row's
    ``title`` (shown on hover); the row also carries ``data-cite`` with the short form.

    >>> from analysis.report import cite
    >>> html_ = Table(pd.DataFrame({"v": [84]}), cite=[cite.source("water_by_province", {"source_line": 955})])._repr_html_()
    >>> '<td class="cite" dir="auto">002 · T13 · l.955</td>' in html_, 'title="Seed 002' in html_
    (True, True)
    """

    def __init__(self, df: pd.DataFrame, caption: str = "", formats: dict | None = None,
                 highlight: int | None = None, classes: str = "dataframe book-table", cite=None):
        self.df, self.caption, self.formats, self.highlight, self.classes = df, caption, formats or {}, highlight, classes
        #: one :class:`analysis.report.cite.Cite` per row (``None``: the table cites nothing)
        self.cites = _cites(df, cite)

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
        elif isinstance(v, numbers.Number) and not isinstance(v, bool):
            text = localise(str(v))  # a numpy integer: as before in English, Persian digits in Persian
        else:
            text = str(v)
        return escape(text)

    def _repr_html_(self) -> str:
        # dir="auto": each header, caption and text cell takes the direction of its first strong
        # letter, so a Persian cell is right-to-left inside an English page and vice versa
        from analysis.core.text import language, t
        persian = language() == "fa"

        def direction(text: str) -> str:
            # a cell with Persian words in it is right-to-left in the Persian edition even when it
            # opens with a Latin name ("province = Khuzestan، plan = ۲۰"; a citation "actual/plan
            # از …"), and in either edition when it opens with a signed Persian number ("‎−۰٫۰۹ تا
            # ۱٫۰۱", whose left-to-right mark comes first): dir="auto" would lay it out
            # left-to-right and scramble its order
            if PERSIAN_LETTER.search(text) and (persian or text.startswith("\u200e")):
                return "rtl"
            return "auto"
        head = "".join(f'<th dir="auto">{escape(c)}</th>' for c in self.df.columns)
        if self.cites is not None:
            head += f'<th class="cite" dir="auto">{escape(t("provenance.col_source"))}</th>'
        rows = []
        for i, (_, r) in enumerate(self.df.iterrows()):
            mark = ' class="row-highlight"' if self.highlight is not None and i == self.highlight else ""
            cit = self.cites[i] if self.cites is not None else None
            if cit is not None:
                mark += f' title="{escape(cit.long)}" data-cite="{escape(cit.short)}"'
            cells = []
            for c in self.df.columns:
                text = self._cell(c, r[c])
                if NUMERIC_CELL.match(html.unescape(text)):
                    cells.append(f'<td class="num">{text}</td>')
                else:
                    if IDENTIFIER.match(text):  # a dataset or column name: may break after its underscores
                        text = text.replace("_", "_<wbr>")
                    cells.append(f'<td class="text" dir="{direction(text)}">{text}</td>')
            if self.cites is not None:
                short = escape(cit.short) if cit is not None else DASH
                cells.append(f'<td class="cite" dir="{direction(short)}">{short}</td>')
            rows.append(f"<tr{mark}>{''.join(cells)}</tr>")
        cap = f'<caption dir="auto">{escape(self.caption)}</caption>' if self.caption else ""
        # a wide table scrolls sideways on screen instead of overflowing the page; the scrolling
        # box is a labelled region a keyboard can reach (tab to it, then the arrow keys)
        label = escape(self.caption or t("table"))
        return (f'<div class="table-scroll" tabindex="0" role="region" aria-label="{label}">'
                f'<table class="{self.classes}">{cap}<thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    def to_markdown_text(self) -> str:  # for tests
        return self.df.to_string()


class Traced(str):
    """A value for the prose that knows where it comes from: the text itself (a ``str``, so it
    glues, compares and formats as the plain value) and ``source``, the words a reader sees on
    hover (a seed line's long citation, or the computation: "ratio of sums of
    water_by_province.plan/actual, 31 provinces").

    :func:`say` renders it as ``<span class="traced" title="…">value</span>``; everywhere else
    (headings, captions, :func:`analysis.core.text.t`) it is the plain text.

    >>> v = Traced("113.6 %", 'ratio of "sums" <all>')
    >>> v == "113.6 %", v.html()
    (True, '<span class="traced" title="ratio of &quot;sums&quot; &lt;all&gt;">113.6 %</span>')
    """

    def __new__(cls, text, source):
        obj = super().__new__(cls, text)
        obj.source = source.long if hasattr(source, "long") else str(source)
        return obj

    def __reduce__(self):
        return (Traced, (str(self), self.source))

    def html(self) -> str:
        """The value in a ``span`` whose ``title`` is its source, escaped (the value is left as
        Markdown, as any other value of :func:`say`)."""
        return f'<span class="traced" title="{escape(self.source)}">{str.__str__(self)}</span>'


def traced(values: dict) -> dict:
    """``values`` with every :class:`Traced` value as its HTML ``span`` (what :func:`say` puts in)."""
    return {k: v.html() if isinstance(v, Traced) else v for k, v in values.items()}


def say(key: str, lang: str | None = None, **values):
    """A paragraph (or several) of reader-visible prose from ``text/<lang>/``, values filled in,
    as Markdown the book renders (MyST: roles such as ``{numref}`` and ``{doc}`` work).

    Notebooks call this instead of holding prose in Markdown cells, so every sentence has one
    home per language; extra ``values`` not named in the text are ignored. A :class:`Traced`
    value shows its source on hover.
    """
    from IPython.display import Markdown

    from analysis.core.text import t
    return Markdown(t(key, lang, **traced(values)))


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
