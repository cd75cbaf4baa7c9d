"""Provenance: every transcribed number must be printed on the seed line it cites.

What a row's citation must satisfy (flagged cells and ``provenance: false`` columns are
exempt; the sign is ignored, since the right-to-left extraction moves minus signs):

* **Whole tokens.** A value must be the reading of a whole number token on its lines:
  every separator grouping thousands (``31.500`` is 31 500) or the last one the decimal
  point (``14/5`` is 14.5, ``6,2`` is 6.2). A piece of a token (the ``500`` of ``31.500``,
  the ``05`` of ``1401/05/09``) does not count (:func:`token_values`).
* **The cited lines.** A row citing one line (``source_line``) must have all its numbers on
  that line. A row citing a range (``source_line`` .. ``source_line_end``, for a row whose
  numbers are printed on several lines) must have all its numbers inside the range, and the
  range must be tight: its first and its last line must each hold at least one of the row's
  numbers. A citation thus points at numbers, never at a label line above or below them
  (the book cites ``source_line``).

Until this check, a range was enough: any number anywhere in ``source_line ..
source_line_end`` was accepted, including on the label lines a range was stretched over, and
a value equal to any piece of a token was accepted too.

Problems are one line each, placed like the loader's messages: the file, the line of the
file (header = line 1) with the data row it starts, and the column.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from analysis.core.digits import number_tokens
from analysis.core.paths import seed_lines
from analysis.sources.datasets import DataError, Dataset, catalog, display_path, flagged_columns, load, row_locations

__all__ = ["check_all", "check_dataset", "checked_values", "flagged_columns", "line_values", "token_values"]

_SEP = re.compile(r"[.,/٫٬\u060c]")


def token_values(token: str) -> set[float]:
    """The numbers a whole printed token can be: all separators grouping thousands, or the
    last separator the decimal point (the others grouping thousands).

    >>> sorted(token_values("31.500"))
    [31.5, 31500.0]
    >>> sorted(token_values("14/5"))
    [14.5, 145.0]
    >>> sorted(token_values("1188"))
    [1188.0]
    """
    parts = _SEP.split(token)
    out = {float("".join(parts))}
    if len(parts) >= 2:
        out.add(float("".join(parts[:-1]) + "." + parts[-1]))
    return out


def line_values(text: str) -> set[float]:
    """Every value a whole number token of a line can be (:func:`token_values`)."""
    out: set[float] = set()
    for tok in number_tokens(text):
        out |= token_values(tok)
    return out


def _on(value, found: set[float]) -> bool:
    v = abs(float(value))
    return any(math.isclose(v, x, rel_tol=1e-9, abs_tol=1e-9) for x in found)


def cited_range(row, df: pd.DataFrame) -> tuple[int, int]:
    """(first, last) line a row cites: ``source_line`` and ``source_line_end`` (or the first again)."""
    first = int(row["source_line"])
    end = row.get("source_line_end") if "source_line_end" in df.columns else None
    return first, first if end is None or pd.isna(end) else int(end)


def checked_values(ds: Dataset, df: pd.DataFrame, row) -> list[tuple[str, float]]:
    """(column, value) of a row that provenance checks: numbers with provenance, not flagged, not empty."""
    skip = flagged_columns(row.get("flag")) if "flag" in df.columns else set()
    return [(c, row[c]) for c in ds.numeric_columns(provenance_only=True) if c not in skip and pd.notna(row[c])]


def check_dataset(ds: Dataset, df: pd.DataFrame | None = None) -> list[str]:
    """Problems found: numbers not on their cited lines, or ranges whose ends hold none of the
    row's numbers (see the module docstring)."""
    df = load(ds.name) if df is None else df
    lines = seed_lines(ds.source)
    where = display_path(ds.path)
    locs: list[str] = []

    def at(i: int) -> str:  # the row's place in the file, looked up only when there is a problem
        if not locs:
            try:
                locs.extend(row_locations(ds.path))
            except DataError:
                locs.append("")
        return locs[i] if i < len(locs) and locs[i] else f"data row {i + 1}"

    problems = []
    for i, (_, row) in enumerate(df.iterrows()):
        first, last = cited_range(row, df)
        if not 1 <= first <= last <= len(lines):
            problems.append(f"{where}: {at(i)}, column 'source_line': {first}-{last} outside {ds.source} "
                            f"(lines 1-{len(lines)})")
            continue
        on_line = {n: line_values(lines[n - 1]) for n in range(first, last + 1)}
        found = set().union(*on_line.values())
        values = checked_values(ds, df, row)
        span = f"{first}" if first == last else f"{first}-{last}"
        for col, v in values:
            if not _on(v, found):
                problems.append(f"{where}: {at(i)}, column {col!r}: {v} is not on {ds.source} line {span}")
        if last > first and values:
            for end, col in ((first, "source_line"), (last, "source_line_end")):
                if not any(_on(v, on_line[end]) for _, v in values):
                    held = sorted({n for _, v in values for n in on_line if _on(v, on_line[n])})
                    problems.append(f"{where}: {at(i)}, column {col!r}: line {end} of the cited range {span} holds none "
                                    f"of the row's numbers (they are on line(s) {', '.join(map(str, held)) or 'none'}); "
                                    f"cite the lines that hold them")
    return problems


def check_all() -> dict[str, list[str]]:
    return {name: check_dataset(ds) for name, ds in catalog().items()}
