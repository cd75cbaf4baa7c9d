"""The one toolkit every extractor reads the seed texts with.

* **Lines by cited number.** ``Seed("002").line(931)`` is line 931 as cited in ``data/``
  (1-based); a number past the end fails naming the seed and its length. Each seed is
  read once.
* **Number tokens on a line.** :meth:`Seed.numbers` (digit runs with their separators,
  Persian digits made Latin) and :meth:`Seed.number` (the i-th of them as a number);
  :func:`integer` and :func:`pct` read one token under this source's two conventions
  (separators group thousands in counts and money; ``.`` is the decimal point in
  percentages).
* **Visual-order table rows.** The PDF extraction printed each row of a right-to-left
  table left to right: leftmost column first, the row number (ردیف) last. So
  ``" 25 22 قيآذربايجان شر 1"`` is actual 25, plan 22, province, row 1;
  :func:`split_row` cuts such a line into the numbers before the label, the label, and
  the numbers after it.
* **Provinces** through :mod:`analysis.core.provinces`; **letters** through
  :mod:`analysis.core.digits` (:func:`same_word`, :meth:`Seed.check_label`: a label
  written out for a scrambled line must have all its letters on that line).
* **Figures in prose** (:func:`read`, :func:`is_words`, :func:`date_on`), the dates by
  the one two-digit-year rule of :mod:`analysis.core.jalali`.
* **Row builders**: :func:`flagged` (a row dict with empty ``flag``/``raw_text``),
  :func:`row_identity` (province row, printed total or other row), :func:`nullable_int`.
* **Base units**: :data:`BASE_UNITS` and :func:`with_base` give a value printed with a
  multiplier in its unit ("66 thousand jobs") its value in a unit of the catalogue's
  vocabulary (66 000 person), in ``<column>_base`` and ``unit_base``.

>>> r = split_row(" 25 22 قيآذربايجان شر 1", 1)
>>> r.numbers_before, province_of(r.label), r.numbers_after
(['25', '22'], ('East Azerbaijan', 'آذربایجان شرقی'), ['1'])
>>> read(norm("حدود ۱۴/۵٪ بیکاری"), r"حدود (\\S+)٪")
(14.5, None, '14/5')
>>> date_on(norm("روز سه شنبه ۹۹/۱۱/۲۱"), r"(\\d+)/(\\d+)/(\\d+)")
'1399/11/21'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pandas as pd

from analysis.core import jalali
from analysis.core.digits import letters, normalise_fa, number_tokens, parse_number, to_latin_digits
from analysis.core.paths import seed_lines
from analysis.core.provinces import UnknownProvinceError, get

ARABIC_COMMA = "\u060c"  # a thousands separator in 002 Table 64
# A number cell: digits with separators, a % sign on either side (002 prints "%64"), a
# minus sign on either side (right-to-left extraction moves it).
_CELL = re.compile(r"-?%?\d+(?:[.,/٫٬]\d+)*%?-?")

# Numbers printed as words in these sources (Persian words -> value).
WORD_NUMBERS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "هشت": 8, "هفتاد": 70, "یکصد": 100,
    "سیزده هزار": 13000, "یک شانزدهم": 1 / 16,
}


# ------------------------------------------------------------------------------ lines
@cache
def _lines(seed: str) -> tuple[str, ...]:
    return tuple(seed_lines(seed))


def norm(text: str) -> str:
    """Latin digits, Persian letters, single spaces: the form prose patterns are matched against."""
    return normalise_fa(to_latin_digits(text))


@dataclass(frozen=True)
class Seed:
    """One seed text, read by the line numbers ``data/`` cites (``source_line``)."""

    name: str  # "000" .. "004"

    def line(self, n: int) -> str:
        """The text of 1-based line ``n`` as printed."""
        ls = _lines(self.name)
        if not 1 <= n <= len(ls):
            raise IndexError(f"seed {self.name} has lines 1-{len(ls)}; asked for line {n}")
        return ls[n - 1]

    def norm_line(self, n: int) -> str:
        """Line ``n`` with Latin digits and normalised letters (see :func:`norm`)."""
        return norm(self.line(n))

    def words(self, n: int) -> list[str]:
        """Whitespace-separated tokens of line ``n``, Persian digits made Latin."""
        return to_latin_digits(self.line(n)).split()

    def cells(self, n: int, sep: str = "\t", normalise: bool = True) -> list[str]:
        """The cells of a ``sep``-separated line, letters normalised (else only stripped)."""
        return [normalise_fa(c) if normalise else c.strip() for c in self.line(n).split(sep)]

    def numbers(self, n: int, expect: int | None = None) -> list[str]:
        """Number tokens of line ``n`` in printed (left-to-right) order; ``expect`` checks their count."""
        toks = number_tokens(self.line(n))
        if expect is not None and len(toks) != expect:
            raise ValueError(f"{self.name} line {n}: expected {expect} number tokens, found {toks}")
        return toks

    def number(self, n: int, i: int, decimal: str = "none") -> int | float:
        """The ``i``-th number token of line ``n`` as a number (an int when whole).

        ``decimal`` is the decimal separator ("none": every separator groups thousands).
        """
        toks = self.numbers(n)
        if i >= len(toks):
            raise IndexError(f"{self.name} line {n} has {len(toks)} number tokens {toks}; wanted index {i}")
        return whole(parse_number(toks[i], decimal=decimal))

    def last_number(self, n: int) -> int | float:
        """The last number token of line ``n`` (a row number printed rightmost)."""
        return self.number(n, len(self.numbers(n)) - 1)

    def need(self, n: int, fragment: str) -> None:
        """Guard: line ``n`` must contain ``fragment`` (after letter normalisation)."""
        if normalise_fa(fragment) not in normalise_fa(self.line(n)):
            raise ValueError(f"{self.name} line {n} does not contain {fragment!r}: {self.line(n)!r}")

    def check_label(self, label: str, first: int, last: int | None = None) -> str:
        """``label`` normalised, after checking that its letters all occur on lines first..last.

        Guards the labels written out for scrambled lines: a label typed for the wrong
        line fails loudly.
        """
        last = last or first
        have = sum((letters(self.line(n)) for n in range(first, last + 1)), start=letters(""))
        missing = letters(label) - have
        if missing:
            raise ValueError(f"label {label!r} not found on {self.name} lines {first}-{last}: missing {dict(missing)}")
        return normalise_fa(label)

    def row(self, n: int) -> Row:
        """Line ``n`` split as a visual-order table row (:func:`split_row`)."""
        return split_row(self.line(n), n)

    def rows(self, first: int, last: int) -> list[Row]:
        """The non-blank lines first..last (inclusive) as :class:`Row`."""
        return [self.row(n) for n in range(first, last + 1) if self.line(n).strip()]

    def labelled(self, n: int, label: str, *, total_fa: str = "جمع", **values) -> dict:
        """A per-province table row: ``row_kind, province, label_fa, **values, source_line``.

        The label must name a province or the printed total (:func:`row_identity`).
        """
        kind, key, fa = row_identity(label, total_fa=total_fa)
        if kind == "other":
            raise ValueError(f"{self.name} line {n}: row label {label!r} is neither a province nor the total (جمع)")
        return dict(row_kind=kind, province=key, label_fa=fa, **values, source_line=n)

    def table(self, first: int, last: int, numbers: int) -> list[Row]:
        """The rows of lines first..last with a label and exactly ``numbers`` number cells
        before it (other lines there are headers, page heads or wrapped text)."""
        return [r for r in self.rows(first, last) if len(r.numbers_before) == numbers and r.label]


# ------------------------------------------------------------------------------ cells
def whole(x: float) -> int | float:
    """An int when the number is whole, else the float."""
    return int(x) if float(x).is_integer() else x


def integer(tok: str) -> int:
    """A count or money cell: every separator groups thousands (``31.500`` is 31 500,
    ``10،250،690`` is 10 250 690)."""
    return int(parse_number(tok.replace(ARABIC_COMMA, "."), decimal="none"))


def pct(tok: str) -> float:
    """A percentage cell; ``.`` is the decimal point (``75.7``, ``6.4``)."""
    return parse_number(tok, decimal=".")


def is_cell(tok: str) -> bool:
    """Whether a whitespace token is a number cell (``%`` or ``-`` attached allowed)."""
    return bool(_CELL.fullmatch(tok))


def cell(tok: str, decimal: str = ".") -> int | float:
    """A number cell as a number (an int when whole), ``%`` dropped."""
    if not is_cell(tok):
        raise ValueError(f"not a number cell: {tok!r}")
    return whole(parse_number(tok, decimal=decimal))


# ------------------------------------------------------------------------------ rows
@dataclass
class Row:
    line_no: int  # 1-based, as cited in data/
    text: str
    numbers_before: list[str]  # number cells left of the label, in visual (left-to-right) order
    label: str  # the text between
    numbers_after: list[str]  # number cells right of the label (usually the row number)


def split_row(text: str, line_no: int) -> Row:
    """Split a visual-order table line into leading number cells, label, trailing number cells.

    >>> r = split_row(" %64 2765 4310 هكتار زمين 3", 720)
    >>> r.numbers_before, r.label, r.numbers_after
    (['%64', '2765', '4310'], 'هكتار زمين', ['3'])
    """
    tokens = to_latin_digits(text).split()
    before, after = [], []
    while tokens and is_cell(tokens[0]):
        before.append(tokens.pop(0))
    while tokens and is_cell(tokens[-1]):
        after.insert(0, tokens.pop())
    return Row(line_no, text, before, " ".join(tokens), after)


# ------------------------------------------------------------------------------ provinces and letters
def province_of(label: str) -> tuple[str, str] | None:
    """(registry key, registry Persian name) if the label names a province, else None."""
    try:
        p = get(label)
    except UnknownProvinceError:
        return None
    return p.key, p.fa


def province(label: str) -> tuple[str, str]:
    """(registry key, registry Persian name) of a province; unknown names raise."""
    p = get(label)
    return p.key, p.fa


def province_prefix(words: list[str], max_words: int = 5) -> tuple[tuple[str, str] | None, int]:
    """Longest run of leading words that names a province: ((key, fa), words used) or (None, 0)."""
    best: tuple[tuple[str, str] | None, int] = (None, 0)
    for k in range(1, min(max_words, len(words)) + 1):
        p = province_of(" ".join(words[:k]))
        if p:
            best = (p, k)
    return best


def same_word(a: str, b: str) -> bool:
    """Same letters (order, spaces, ک/گ and ا/آ ignored): a scrambled word against a known one."""
    return letters(a) == letters(b)


TOTAL = "جمع"


def is_total(label: str) -> bool:
    """Whether a row label is the printed total: جمع, or جمع کشور (national total), in any
    letter order (``"ع مج"``, ``"ع كشور مج"``)."""
    t = normalise_fa(label)
    return TOTAL in t or same_word(" ".join(w for w in t.split() if w != "کشور"), TOTAL)


def row_identity(label: str, *, total_fa: str = TOTAL, other_fa: str | None = None) -> tuple[str, str | None, str]:
    """(row_kind, province key, label_fa) of a table row's label.

    A province gives ``("province", key, registry name)``; the printed total
    (:func:`is_total`) ``("total", None, total_fa)``; anything else ``("other", None,
    other_fa or the normalised label)``.

    >>> row_identity("ع كشور مج", total_fa="جمع کشور")
    ('total', None, 'جمع کشور')
    """
    p = province_of(label)
    if p:
        return "province", p[0], p[1]
    if is_total(label):
        return "total", None, total_fa
    return "other", None, other_fa or normalise_fa(label)


def flagged(**row) -> dict:
    """A row dict with ``flag`` and ``raw_text`` empty unless given."""
    row.setdefault("flag", None)
    row.setdefault("raw_text", None)
    return row


def nullable_int(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """Give integer columns with empty cells pandas' nullable ``Int64`` type (in place)."""
    for c in cols:
        df[c] = df[c].astype("Int64")
    return df


# ------------------------------------------------------------------------------ prose figures
def _value(token: str, decimal: str) -> float:
    token = token.strip()
    if token in WORD_NUMBERS:
        return float(WORD_NUMBERS[token])
    return parse_number(token, decimal=decimal)


def read(text: str, pattern: str, decimal: str = "/") -> tuple[float, float | None, str]:
    """(value, value_max, raw token) of the figure ``pattern`` captures on ``text``.

    A pattern with two groups is a printed range; it is printed right to left, so the
    two numbers may come in either order: value is the smaller, value_max the larger.
    Raises ``LookupError`` when the pattern is not on the line (the seed changed).

    >>> read(norm("ما در دو سال گذشته هشت جلسه"), r"(هشت) جلسه")
    (8.0, None, 'هشت')
    """
    m = re.search(pattern, text)
    if not m:
        raise LookupError(f"pattern {pattern!r} not found on line: {text[:120]!r}")
    groups = [g for g in m.groups() if g is not None]
    vals = [_value(g, decimal) for g in groups]
    raw = "-".join(groups)
    if len(vals) == 1:
        return vals[0], None, raw
    return min(vals), max(vals), raw


def is_words(raw: str) -> bool:
    """Whether a figure was printed in words (no digit)."""
    return not re.search(r"\d", raw)


def ymd(year, month, day) -> str:
    """'YYYY/MM/DD' (Latin digits) of a valid Jalali date; two-digit years by
    :func:`analysis.core.jalali.expand_year`."""
    return jalali.format_jalali(jalali.make_date(int(year), int(month), int(day)), persian_digits=False)


def date_on(text: str, pattern: str) -> str:
    """A date captured as (year, month, day) groups on ``text``, as 'YYYY/MM/DD'."""
    m = re.search(pattern, text)
    if not m:
        raise LookupError(f"date pattern {pattern!r} not found on line: {text[:120]!r}")
    return ymd(*m.groups())


# ------------------------------------------------------------------------------ base units
#: A printed unit -> (multiplier, the unit of the catalogue's vocabulary it multiplies). Units
#: of the vocabulary stand for themselves (multiplier 1). Money: 1 toman = 10 rials; 'billion
#: (tomans implied)' is read as billion tomans, as the minutes' value_rials reads it.
BASE_UNITS: dict[str, tuple[int, str]] = {
    # counts of people
    "person": (1, "person"), "persons": (1, "person"), "job": (1, "person"),
    "thousand persons": (10**3, "person"), "million persons": (10**6, "person"),
    "thousand jobs": (10**3, "person"), "million jobs": (10**6, "person"),
    # other counts
    "unit": (1, "unit"), "cooperatives": (1, "cooperative"), "thousand cooperatives": (10**3, "cooperative"),
    "million saplings": (10**6, "sapling"), "million visits per year": (10**6, "visit per year"),
    "project": (1, "project"), "contract": (1, "contract"), "course": (1, "course"), "thesis": (1, "thesis"),
    "centre": (1, "centre"), "hour": (1, "hour"), "person-hour": (1, "person-hour"), "module": (1, "module"),
    # measures
    "%": (1, "%"), "hectare": (1, "hectare"), "square metre": (1, "square metre"),
    "litre/second": (1, "litre/second"), "MW": (1, "MW"),
    # money
    "rials": (1, "rials"), "million rials": (10**6, "rials"), "billion rials": (10**9, "rials"),
    "thousand billion rials": (10**12, "rials"), "million tomans": (10**7, "rials"),
    "billion tomans": (10**10, "rials"), "billion (tomans implied)": (10**10, "rials"),
    "million USD": (10**6, "US dollar"), "million US dollars": (10**6, "US dollar"),
    "billion US dollars": (10**9, "US dollar"), "million EUR": (10**6, "euro"),
}


def base_value(value, unit: str) -> tuple[int | float | None, str | None]:
    """(value in the base unit, base unit) of a value printed in ``unit``; (None, None) when the
    unit has no base (a count named by the row, a year, a rank).

    Exact: the printed decimal times the multiplier (6.2 million is 6 200 000, not 6 200 000.000000001).

    >>> base_value(6.2, "million persons"), base_value(66, "thousand jobs"), base_value(3, "years")
    ((6200000, 'person'), (66000, 'person'), (None, None))
    """
    if unit not in BASE_UNITS or value is None or pd.isna(value):
        return None, None
    factor, base = BASE_UNITS[unit]
    return whole(float(Decimal(repr(float(value))) * factor)), base


def with_base(df: pd.DataFrame, columns, unit: str = "unit") -> pd.DataFrame:
    """``df`` with ``<column>_base`` for each value column (floats, as the catalogue types them)
    and ``unit_base`` (:func:`base_value` of the row's ``unit`` column), placed after the last
    value column."""
    out = df.copy()
    bases = [base_value(None, u)[1] if u not in BASE_UNITS else BASE_UNITS[u][1] for u in out[unit]]
    at = max(out.columns.get_loc(c) for c in columns) + 1
    for k, c in enumerate(columns):
        vals = [base_value(v, u)[0] for v, u in zip(out[c], out[unit])]
        out.insert(at + k, f"{c}_base", pd.Series(vals, index=out.index, dtype=float))
    out.insert(at + len(columns), "unit_base", pd.Series(bases, index=out.index, dtype=object))
    return out
