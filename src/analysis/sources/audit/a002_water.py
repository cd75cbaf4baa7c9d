"""Audit of 002 Table 13 (water per province)."""
from __future__ import annotations

from analysis.sources.audit import Finding, audit, compare_total
from analysis.sources.datasets import load


@audit
def water_totals() -> list[Finding]:
    df = load("water_by_province")
    total = df[df.row_kind == "total"].iloc[0]
    body = df[df.row_kind != "total"]
    return [
        compare_total("water_by_province", f"{col}: 31 provinces + revived water vs printed total (جمع)",
                      int(total[col]), int(body[col].sum()), source_line=int(total.source_line))
        for col in ("plan", "actual")
    ]
