"""Helpers shared by the extractors: reading table rows out of scrambled RTL lines.

The PDF extraction printed each table row in *visual* order, left to right: for a
right-to-left table the leftmost column comes first and the row number (ردیف, the
rightmost column) last. So ``" 25 22 قيآذربايجان شر 1"`` is: actual 25, plan 22,
province, row 1.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.core.digits import normalise_fa, to_latin_digits
from analysis.core.paths import seed_lines
from analysis.core.provinces import UnknownProvinceError, get

_TOKEN = re.compile(r"-?\d+(?:[.,/٫٬]\d+)*-?")


@dataclass
class Row:
    line_no: int  # 1-based, as cited in data/
    text: str
    numbers_before: list[str]  # number tokens left of the label, in visual (left-to-right) order
    label: str  # the text between
    numbers_after: list[str]  # number tokens right of the label (usually the row number)


def lines(seed: str) -> list[str]:
    return seed_lines(seed)


def split_row(text: str, line_no: int) -> Row:
    """Split a visual-order table line into leading numbers, label, trailing numbers.

    >>> r = split_row(" 25 22 قيآذربايجان شر 1", 1)
    >>> r.numbers_before, r.numbers_after
    (['25', '22'], ['1'])
    """
    t = to_latin_digits(text).strip()
    tokens = t.split()
    before, after = [], []
    while tokens and _TOKEN.fullmatch(tokens[0]):
        before.append(tokens.pop(0))
    while tokens and _TOKEN.fullmatch(tokens[-1]):
        after.insert(0, tokens.pop())
    return Row(line_no, text, before, " ".join(tokens), after)


def province_of(label: str) -> tuple[str, str] | None:
    """(key, registry Persian name) if the label is a province name, else None."""
    try:
        p = get(label)
    except UnknownProvinceError:
        return None
    return p.key, p.fa


def table_rows(seed: str, first: int, last: int) -> list[Row]:
    """Non-blank lines first..last (inclusive, 1-based) split into :class:`Row`."""
    ls = lines(seed)
    out = []
    for n in range(first, last + 1):
        text = ls[n - 1]
        if text.strip():
            out.append(split_row(text, n))
    return out


def label_fa(label: str) -> str:
    return normalise_fa(label)
