"""Helpers for part 002a (002 lines 1-1400): tokenising visual-order lines with ``%`` signs,
separating province from park names, and building plan/actual rows.

No extractor is registered here.
"""
from __future__ import annotations

import re

from analysis.core.digits import normalise_fa, parse_number, to_latin_digits
from analysis.core.paths import seed_lines
from analysis.core.provinces import UnknownProvinceError, get

SEED = "002"
NUM = re.compile(r"^%?(\d+(?:[.,/]\d+)*)%?$")


def line(n: int) -> str:
    """Line ``n`` (1-based) of seed 002."""
    return seed_lines(SEED)[n - 1]


def tokens(n: int) -> list[str]:
    return to_latin_digits(line(n)).split()


def is_num(tok: str) -> bool:
    return bool(NUM.match(tok))


def num(tok: str, decimal: str = ".") -> float:
    """A printed number token; ``%`` signs dropped. ``decimal`` names the decimal separator."""
    m = NUM.match(tok)
    if not m:
        raise ValueError(f"not a number token: {tok!r}")
    return parse_number(m.group(1), decimal=decimal)


def as_int_if_whole(x: float):
    return int(x) if float(x).is_integer() else x


def split_visual(n: int) -> tuple[list[str], str, list[str]]:
    """Leading number tokens, label, trailing number tokens of line ``n`` (``%`` allowed)."""
    toks = tokens(n)
    before, after = [], []
    while toks and is_num(toks[0]):
        before.append(toks.pop(0))
    while toks and is_num(toks[-1]):
        after.insert(0, toks.pop())
    return before, " ".join(toks), after


def province(label: str):
    """(key, registry Persian name) or None."""
    try:
        p = get(label)
    except UnknownProvinceError:
        return None
    return p.key, p.fa


def province_prefix(words: list[str], max_words: int = 5):
    """Longest run of leading words that names a province: ((key, fa), words used) or (None, 0)."""
    best = (None, 0)
    for k in range(1, min(max_words, len(words)) + 1):
        p = province(" ".join(words[:k]))
        if p:
            best = (p, k)
    return best


def letters(text: str) -> str:
    """Sorted letters (robust to the scrambled word order of the extraction)."""
    t = normalise_fa(text).replace("آ", "ا")
    return "".join(sorted(c for c in t if c.isalpha()))


def same_word(a: str, b: str) -> bool:
    return letters(a) == letters(b)
