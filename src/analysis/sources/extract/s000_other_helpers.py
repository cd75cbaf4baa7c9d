"""Helpers for the small seeds (000, 001, 003, 004): figures read out of prose lines.

A prose figure is located on its line by a regular expression with one capture group
(two for a printed range such as ``۸۰-۷۰٪``), matched against the line after Persian
digits become Latin digits and letters are normalised (:func:`analysis.core.digits.normalise_fa`).
So every value is read from the text of its line, never typed.

>>> t = norm("حدود ۱۴/۵٪ بیکاری")
>>> read(t, r"حدود (\\S+)٪")
(14.5, None, '14/5')
>>> read(norm("ما در دو سال گذشته هشت جلسه"), r"(هشت) جلسه")
(8.0, None, 'هشت')
"""
from __future__ import annotations

import re

from analysis.core.digits import normalise_fa, parse_number, to_latin_digits
from analysis.core.paths import seed_lines

# Numbers printed as words in these sources (value, Persian word).
WORD_NUMBERS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "هشت": 8, "هفتاد": 70, "یکصد": 100,
    "سیزده هزار": 13000,
}

QUALIFIERS = ["exact", "more than", "about", "nearly", "up to", "at least", "amounting to",
              "at least more than", "average"]


def norm(text: str) -> str:
    """Latin digits, Persian letters, single spaces: the form patterns are matched against."""
    return normalise_fa(to_latin_digits(text))


def line(seed: str, n: int) -> str:
    """Normalised text of 1-based line ``n`` of a seed."""
    return norm(seed_lines(seed)[n - 1])


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
    return not re.search(r"\d", raw)


def jalali(text: str, pattern: str, century: str = "13") -> str:
    """A date captured as (year, month, day) groups, formatted 'YYYY/MM/DD' (Latin digits).

    Two-digit years get the century prefix (``99`` -> ``1399``).

    >>> jalali(norm("روز سه شنبه ۹۹/۱۱/۲۱"), r"(\\d+)/(\\d+)/(\\d+)")
    '1399/11/21'
    """
    m = re.search(pattern, text)
    if not m:
        raise LookupError(f"date pattern {pattern!r} not found on line: {text[:120]!r}")
    y, mo, d = m.groups()
    if len(y) == 2:
        y = century + y
    return f"{int(y):04d}/{int(mo):02d}/{int(d):02d}"
