"""Helpers for part 002b (002 lines ~1400-3110: Tables 18-34).

Numbers are always taken from the seed line by position among the line's number tokens
(``tok(line, i)``), so nothing numeric is retyped. Labels that the PDF extraction scrambled
(cluster names, indicator titles) are written out in the extractors' per-line specs; each is
checked against its cited lines with :func:`check_label` (all its letters must occur there),
so a label can never be attached to the wrong line silently.

No extractor is registered here.
"""
from __future__ import annotations

import re
from collections import Counter

from analysis.core.digits import normalise_fa, number_tokens, parse_number
from analysis.core.paths import seed_lines
from analysis.core.provinces import get

SEED = "002"


def line(n: int) -> str:
    """Line ``n`` (1-based) of seed 002."""
    return seed_lines(SEED)[n - 1]


def toks(n: int) -> list[str]:
    """Number tokens of line ``n`` in printed (visual, left-to-right) order."""
    return number_tokens(line(n))


def tok(n: int, i: int, decimal: str = "none") -> float | int:
    """The ``i``-th number token of line ``n`` as a number (int when whole).

    ``decimal`` is the decimal separator ("none": every separator groups thousands).
    """
    t = toks(n)
    if i >= len(t):
        raise IndexError(f"002 line {n} has {len(t)} number tokens {t}; wanted index {i}")
    x = parse_number(t[i], decimal=decimal)
    return int(x) if float(x).is_integer() else x


_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_FOLD = str.maketrans({"گ": "ک", "آ": "ا"})  # the source sometimes prints ک for گ, ا for آ


def _letters(text: str) -> Counter:
    return Counter(_LETTER.findall(normalise_fa(text).translate(_FOLD)))


def check_label(label: str, first: int, last: int | None = None) -> str:
    """Return ``label`` (normalised) after checking its letters all occur on lines first..last.

    Guards the hand-unscrambled labels: a label typed for the wrong line fails loudly.
    """
    last = last or first
    have = Counter()
    for n in range(first, last + 1):
        have += _letters(line(n))
    need = _letters(label)
    missing = need - have
    if missing:
        raise ValueError(f"label {label!r} not found on 002 lines {first}-{last}: missing {dict(missing)}")
    return normalise_fa(label)


def prov(fa: str) -> tuple[str, str]:
    """(registry key, registry Persian name) of a province named in Persian."""
    p = get(fa)
    return p.key, p.fa
