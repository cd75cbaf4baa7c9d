"""Provenance: every transcribed number must appear on the seed line it cites."""
from __future__ import annotations

import math

import pandas as pd

from analysis.core.digits import numbers_on_line
from analysis.core.paths import seed_lines
from analysis.sources.datasets import Dataset, catalog, flagged_columns, load


def check_dataset(ds: Dataset, df: pd.DataFrame | None = None) -> list[str]:
    """Problems found: numbers not on their cited line (flagged cells are exempt)."""
    df = load(ds.name) if df is None else df
    lines = seed_lines(ds.source)
    cols = ds.numeric_columns(provenance_only=True)
    problems = []
    for i, row in df.iterrows():
        first = int(row["source_line"])
        last = int(row["source_line_end"]) if "source_line_end" in df.columns and pd.notna(row.get("source_line_end")) else first
        if not 1 <= first <= last <= len(lines):
            problems.append(f"{ds.name} row {i + 2}: source_line {first}-{last} outside {ds.source}")
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
                problems.append(f"{ds.name} row {i + 2}, column {col!r}: {v} not on {ds.source} line(s) {first}-{last}")
    return problems


def check_all() -> dict[str, list[str]]:
    return {name: check_dataset(ds) for name, ds in catalog().items()}
