"""Provenance: every transcribed number must appear on the seed line it cites.

Problems are one line each, placed like the loader's messages: the file, the line of the
file (header = line 1) with the data row it starts, and the column.
"""
from __future__ import annotations

import math

import pandas as pd

from analysis.core.digits import numbers_on_line
from analysis.core.paths import seed_lines
from analysis.sources.datasets import DataError, Dataset, catalog, display_path, flagged_columns, load, row_locations


def check_dataset(ds: Dataset, df: pd.DataFrame | None = None) -> list[str]:
    """Problems found: numbers not on their cited line (flagged cells are exempt)."""
    df = load(ds.name) if df is None else df
    lines = seed_lines(ds.source)
    cols = ds.numeric_columns(provenance_only=True)
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
        first = int(row["source_line"])
        last = int(row["source_line_end"]) if "source_line_end" in df.columns and pd.notna(row.get("source_line_end")) else first
        if not 1 <= first <= last <= len(lines):
            problems.append(f"{where}: {at(i)}, column 'source_line': {first}-{last} outside {ds.source} "
                            f"(lines 1-{len(lines)})")
            continue
        found = set()
        for n in range(first, last + 1):
            found |= numbers_on_line(lines[n - 1])
        skip = flagged_columns(row.get("flag")) if "flag" in df.columns else set()
        for col in cols:
            v = row[col]
            if col in skip or pd.isna(v):
                continue
            if not any(math.isclose(abs(float(v)), x, rel_tol=1e-9, abs_tol=1e-9) for x in found):
                span = f"{first}" if first == last else f"{first}-{last}"
                problems.append(f"{where}: {at(i)}, column {col!r}: {v} is not on {ds.source} line {span}")
    return problems


def check_all() -> dict[str, list[str]]:
    return {name: check_dataset(ds) for name, ds in catalog().items()}
