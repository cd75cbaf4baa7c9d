"""Audit of the sources' own arithmetic.

Recomputes what the sources print (totals, percentages, growth rates, cross-table
figures) and reports each comparison as a :class:`Finding`. Nothing in ``data/`` is
corrected: findings are published beside the data.

Audit modules (``a0*.py`` in this package) register functions with :func:`audit`; each
returns a list of findings. :func:`run` collects them into one frame.
"""
from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import asdict, dataclass

import pandas as pd

VERDICTS = ("ok", "rounding", "capped", "discrepancy", "unit", "note")
AUDITS: list[Callable[[], list[Finding]]] = []


@dataclass
class Finding:
    dataset: str  # catalogue name
    check: str  # e.g. "row sum vs printed total", "actual/plan vs printed %"
    item: str  # what was checked: row label / column, in English (with Persian where useful)
    printed: float | None
    recomputed: float | None
    verdict: str
    source_line: int | None = None
    note: str = ""

    @property
    def difference(self) -> float | None:
        if self.printed is None or self.recomputed is None:
            return None
        return self.recomputed - self.printed

    def as_row(self) -> dict:
        d = asdict(self)
        d["difference"] = self.difference
        return d


def audit(func: Callable[[], list[Finding]]):
    """Register an audit function."""
    AUDITS.append(func)
    return func


def compare_total(dataset: str, item: str, printed: float, recomputed: float, *,
                  check: str = "row sum vs printed total", source_line: int | None = None,
                  tol: float = 0.0, note: str = "") -> Finding:
    """A printed total against its recomputation: ``ok`` within ``tol``, else ``discrepancy``.

    >>> compare_total("water_by_province", "actual", 872, 872).verdict
    'ok'
    >>> f = compare_total("t", "plan", 100, 98)
    >>> f.verdict, f.difference
    ('discrepancy', -2)
    """
    verdict = "ok" if abs(recomputed - printed) <= tol else "discrepancy"
    return Finding(dataset, check, item, printed, recomputed, verdict, source_line, note)


def compare_percent(dataset: str, item: str, printed_pct: float, actual: float, plan: float, *,
                    decimals: int = 0, source_line: int | None = None, note: str = "") -> Finding:
    """A printed achievement percentage against ``100 * actual / plan``.

    Verdicts: ``ok`` (equal after rounding to the printed decimals), ``rounding``
    (within one unit of the last printed digit: truncation instead of rounding),
    ``capped`` (printed 100 where the ratio is above 100 %), else ``discrepancy``.
    A zero plan gives ``note`` with no recomputed value.

    >>> compare_percent("t", "x", 100, 130, 100).verdict
    'capped'
    >>> compare_percent("t", "x", 97, 718, 739).verdict
    'ok'
    >>> compare_percent("t", "x", 97, 979, 1000).verdict  # 97.9 % printed as 97
    'rounding'
    """
    check = "actual/plan vs printed %"
    if plan == 0 or plan is None or (isinstance(plan, float) and math.isnan(plan)):
        return Finding(dataset, check, item, printed_pct, None, "note", source_line,
                       (note + " " if note else "") + "plan is zero: ratio undefined")
    ratio = 100.0 * actual / plan
    step = 10.0 ** -decimals
    if round(ratio, decimals) == round(printed_pct, decimals):
        verdict = "ok"
    elif printed_pct == 100 and ratio > 100:
        verdict = "capped"
    elif abs(ratio - printed_pct) < step * 1.0001:
        verdict = "rounding"
    else:
        verdict = "discrepancy"
    return Finding(dataset, check, item, printed_pct, round(ratio, 4), verdict, source_line, note)


def discover() -> list[Callable[[], list[Finding]]]:
    for mod in pkgutil.iter_modules(__path__):
        if mod.name.startswith("a0"):
            importlib.import_module(f"{__name__}.{mod.name}")
    return AUDITS


def run() -> pd.DataFrame:
    """All findings of all registered audits, one row each."""
    rows = []
    for func in discover():
        rows.extend(f.as_row() for f in func())
    cols = ["dataset", "check", "item", "printed", "recomputed", "difference", "verdict", "source_line", "note"]
    return pd.DataFrame(rows, columns=cols)
