"""Audit of the sources' own arithmetic.

Recomputes what the sources print (totals, percentages, growth rates, cross-table
figures) and reports each comparison as a :class:`Finding`. Nothing in ``data/`` is
corrected: findings are published beside the data.

Audit modules (``a0*.py`` in this package) are named like the extractors whose datasets
they check (``a002_land`` checks what ``extract/s002_land`` writes); they register
functions with :func:`audit`; each returns a list of findings. :func:`run` collects them
into one frame. The helpers below are the comparisons and look-ups the modules share.
"""
from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import asdict, dataclass

import jdatetime
import pandas as pd

from analysis.core.digits import normalise_fa, numbers_on_line
from analysis.sources.datasets import load
from analysis.sources.extract.seedtext import Seed

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


def compare_columns(name: str, cols, item: str, *, body_kind: str | None = None, cast=int) -> list[Finding]:
    """Each column's rows (of ``body_kind``, or all but the total) against the printed total
    row; ``item`` is a format string with ``{col}``, values are ``cast`` as printed."""
    df = load(name)
    total, body = total_row(df), body_rows(df, body_kind)
    return [compare_total(name, item.format(col=col), cast(total[col]), cast(body[col].sum()),
                          source_line=int(total.source_line)) for col in cols]


def compare_sums(name: str, cols: list[str], body_kind: str = "province") -> list[Finding]:
    """Each column's rows against the printed total row; a gap equal to one row's value is noted."""
    df = load(name)
    total, body = total_row(df), body_rows(df, body_kind)
    out = []
    for col in cols:
        f = compare_total(name, f"{col}: sum of {len(body)} rows vs printed total (جمع)",
                          float(total[col]), float(body[col].sum()), source_line=int(total.source_line),
                          tol=1e-6)
        if f.verdict != "ok" and abs(f.difference) < 0.5:
            f.verdict, f.note = "rounding", "printed total rounds a sum with a decimal cell"
        if f.verdict == "discrepancy" and "province" in body:
            # which single row is closest to the gap? (a row left out of the printed total)
            gap = f.difference
            near = body.loc[(body[col] - gap).abs().idxmin()]
            if abs(near[col] - gap) <= 0.001 * abs(gap):
                f.note = (f"the gap ({gap:g}) is within 0.1 % of {near.province}'s value ({near[col]:g}, "
                          f"line {near.source_line}): the printed total seems to leave that row out")
        out.append(f)
    return out


def compare_rounded(dataset: str, check: str, item: str, printed: float, value: float, *,
                    source_line: int | None = None, note: str = "", tol: float = 1.0) -> Finding:
    """A printed whole number (an average, a growth %) against the value it rounds:
    ``ok`` if ``round(value)`` is printed, ``rounding`` within ``tol`` (truncated instead
    of rounded), else ``discrepancy``.

    >>> compare_rounded("t", "growth vs printed %", "x", 140, 140.85).verdict
    'rounding'
    """
    if round(value) == printed:
        verdict = "ok"
    elif abs(value - printed) < tol:
        verdict = "rounding"
    else:
        verdict = "discrepancy"
    return Finding(dataset, check, item, printed, round(value, 4), verdict, source_line, note)


def compare_near(dataset: str, check: str, item: str, printed: float, recomputed: float, tol: float,
                 line: int | None, note: str = "", decimals: int | None = None, more_than: bool = False) -> Finding:
    """ok if equal (after rounding to ``decimals`` when given; or, for a 'more than'
    statement, if the recomputed value exceeds the printed one), 'rounding' within tol,
    else discrepancy."""
    diff = abs(recomputed - printed)
    equal = diff < 1e-9 or (decimals is not None and round(recomputed, decimals) == printed)
    if more_than and recomputed >= printed:
        equal = True
    verdict = "ok" if equal else ("rounding" if diff <= tol else "discrepancy")
    return Finding(dataset, check, item, printed, round(recomputed, 4), verdict, line, note)


def note_finding(dataset: str, check: str, item: str, printed, recomputed, line: int | None, text: str,
         verdict: str = "note") -> Finding:
    """A finding that states something beside the data rather than comparing (verdict ``note``)."""
    return Finding(dataset, check, item, printed, recomputed, verdict, line, text)


WEEKDAYS_FA = ["دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]  # Monday=0


def compare_weekday(dataset: str, item: str, date: str, printed: str, line: int) -> Finding:
    """A printed weekday against the Jalali calendar's weekday of ``date`` ('YYYY/MM/DD')."""
    y, m, d = (int(x) for x in date.split("/"))
    g = jdatetime.date(y, m, d).togregorian()
    actual = WEEKDAYS_FA[g.weekday()]
    ok = normalise_fa(printed).replace(" ", "") == actual.replace(" ", "")
    return Finding(dataset, "printed weekday vs Jalali calendar", item, None, None, "ok" if ok else "discrepancy",
                   line, f"{date} = {g.isoformat()} ({g.strftime('%A')}); printed {printed}, calendar {actual}")


def compare_percent_rows(name: str, label_col: str) -> list[Finding]:
    """Each row's printed achievement % against 100 * actual / plan, cited at the line
    holding the numbers (``source_line_end`` when the row spans lines)."""
    df = load(name)
    out = []
    for _, r in df.iterrows():
        end = r.get("source_line_end")
        line = int(end) if end is not None and not pd.isna(end) else int(r["source_line"])
        out.append(compare_percent(name, str(r[label_col]), float(r["pct_printed"]), float(r["actual"]),
                                   float(r["plan"]), source_line=line))
    return out


# ---------------------------------------------------------------------------- look-ups
def printed_on(seed: str, line_no: int, value: float) -> float:
    """A figure quoted from the running text of a seed, checked to be printed on its line."""
    if float(value) not in numbers_on_line(Seed(seed).line(line_no)):
        raise ValueError(f"{value} is not printed on {seed} line {line_no}")
    return value


def chapter3_prose(topic: str, item: str) -> tuple[int, int]:
    """(value, source line) of a figure stated in the prose of 002 chapter 3
    (``sme_support_prose_figures``), used by the technology, loans and training audits."""
    df = load("sme_support_prose_figures")
    r = df[(df.topic == topic) & (df["item"] == item)].iloc[0]
    return int(r.value), int(r.source_line)


def total_row(df: pd.DataFrame) -> pd.Series:
    """The printed total row (``row_kind == "total"``) of a dataset."""
    return df[df.row_kind == "total"].iloc[0]


def body_rows(df: pd.DataFrame, kind: str | None = None) -> pd.DataFrame:
    """The rows a total adds up: of ``kind``, or every row but the total."""
    return df[df.row_kind == kind] if kind else df[df.row_kind != "total"]


def row_where(df: pd.DataFrame, col: str, value) -> pd.Series:
    """The first row of ``df`` whose ``col`` equals ``value``."""
    return df.loc[df[col] == value].iloc[0]


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
