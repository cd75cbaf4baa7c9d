"""The per-province plan-versus-actual indicators (``indicators.yml``) as frames.

>>> [i.key for i in indicators()][:3]
['land', 'water', 'electricity']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis.core.text import pair
from analysis.sources.datasets import flagged_columns, load

FILE = Path(__file__).with_name("indicators.yml")


@dataclass(frozen=True)
class Indicator:
    key: str
    dataset: str
    table: str
    plan: str
    actual: str
    unit: str
    kind: str
    en: str
    fa: str

    @property
    def label(self) -> str:
        return pair(self.en, self.fa)


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    return tuple(Indicator(**d) for d in yaml.safe_load(FILE.read_text(encoding="utf-8"))["indicators"])


def get(key: str) -> Indicator:
    for i in indicators():
        if i.key == key:
            return i
    raise KeyError(f"unknown indicator {key!r}; valid: {[i.key for i in indicators()]}")


def frame(ind: Indicator | str) -> pd.DataFrame:
    """Province rows of an indicator: ``province, plan, actual, unit`` (+ ``flag`` if any).

    Cells flagged as unreadable in the data (``flag`` naming the plan or actual column)
    are set to missing here, so a garbled cell never enters a ratio or a rank.
    """
    ind = get(ind) if isinstance(ind, str) else ind
    df = load(ind.dataset)
    if "row_kind" in df.columns:
        df = df[df["row_kind"] == "province"]
    out = pd.DataFrame({
        "province": df["province"].astype(str).to_numpy(),
        "plan": pd.to_numeric(df[ind.plan]).astype(float).to_numpy(),
        "actual": pd.to_numeric(df[ind.actual]).astype(float).to_numpy(),
    })
    out["unit"] = ind.unit
    flags = df["flag"].fillna("").astype(str).to_numpy() if "flag" in df.columns else [""] * len(out)
    out["flag"] = flags
    for col, src in (("plan", ind.plan), ("actual", ind.actual)):
        bad = [src in flagged_columns(f) for f in flags]
        out.loc[bad, col] = float("nan")
    out["flagged"] = [bool(f) for f in flags]
    return out


def frames(kind: str | None = None) -> dict[str, pd.DataFrame]:
    """All indicator frames (optionally of one kind), keyed by indicator key."""
    return {i.key: frame(i) for i in indicators() if kind is None or i.kind == kind}


def jobs_per_unit(jobs, units):
    """Jobs per unit: ``jobs / units``, missing (NaN) where there are no units.

    002 Tables 56 and 57 give, per province, the units brought into operation in
    the industrial estates and the jobs in those units; this is the one definition
    of jobs per unit the chapters use.

    Parameters
    ----------
    jobs, units : number or Series
        Counts (persons and units); missing values allowed.

    Returns
    -------
    float or Series of float
        NaN where ``units`` is zero or missing or ``jobs`` is missing.

    Raises
    ------
    ValueError
        A negative count.

    Examples
    --------
    Khuzestan, 1401: 150 units became operational (002 line 5398) with 1 748 jobs
    (line 5495):

    >>> round(jobs_per_unit(1748, 150), 2)
    11.65
    >>> jobs_per_unit(12, 0)
    nan
    >>> jobs_per_unit(pd.Series([1748, 12]), pd.Series([150, 0])).round(2).tolist()
    [11.65, nan]
    """
    def counts(x):
        if isinstance(x, pd.Series):
            return pd.to_numeric(x).astype(float)
        return float("nan") if x is None or pd.isna(x) else float(x)

    j, u = counts(jobs), counts(units)
    if bool((pd.Series(j) < 0).any()) or bool((pd.Series(u) < 0).any()):
        raise ValueError(f"jobs and units must be counts >= 0; got jobs {jobs!r}, units {units!r}")
    if isinstance(j, pd.Series) or isinstance(u, pd.Series):
        return j / (u.where(u != 0) if isinstance(u, pd.Series) else (u if u else float("nan")))
    return j / u if u > 0 else float("nan")
