"""Helpers for the 002c extractors (002 lines ~3110-4700): read number tokens of one line.

No dataset is registered here. Tables in this part of 002 are irregular (multi-line
headers, rows in visual order on some lines and in logical order on others), so each
extractor states per line which token means what; the numbers are still read from the
line text.
"""
from __future__ import annotations

from analysis.core.digits import number_tokens, parse_number
from analysis.core.paths import seed_lines

SEED = "002"


def line(n: int) -> str:
    """Text of 1-based line ``n`` of seed 002."""
    return seed_lines(SEED)[n - 1]


def tokens(n: int, expect: int | None = None) -> list[str]:
    """Number tokens of line ``n`` in the order printed (left to right); check their count."""
    toks = number_tokens(line(n))
    if expect is not None and len(toks) != expect:
        raise ValueError(f"002 line {n}: expected {expect} number tokens, found {toks}")
    return toks


def money(tok: str) -> int:
    """A money cell: '.' groups thousands (``31.500`` is 31 500)."""
    return int(parse_number(tok, decimal="none"))


def count(tok: str) -> int:
    return int(parse_number(tok, decimal="none"))


def pct(tok: str) -> float:
    """A percentage cell; '.' is the decimal point here (``75.7``, ``6.4``)."""
    return parse_number(tok, decimal=".")


def need(n: int, fragment: str) -> None:
    """Guard: line ``n`` must contain ``fragment`` (after letter normalisation)."""
    from analysis.core.digits import normalise_fa
    if normalise_fa(fragment) not in normalise_fa(line(n)):
        raise ValueError(f"002 line {n} does not contain {fragment!r}: {line(n)!r}")
