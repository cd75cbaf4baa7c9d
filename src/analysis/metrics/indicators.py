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

from analysis.core.text import bi, pair
from analysis.sources.datasets import dataset, flagged_columns, load, unit_key, units

FILE = Path(__file__).with_name("indicators.yml")


@dataclass(frozen=True)
class Indicator:
    key: str
    dataset: str
    table: str
    plan: str
    actual: str
    kind: str
    en: str
    fa: str

    @property
    def label(self) -> str:
        return pair(self.en, self.fa)

    @property
    def unit(self) -> str:
        """The unit, from the catalogue: the plan column's ``unit`` (one of the catalogue's units).

        >>> get("water").unit, get("land").unit
        ('litre/second', 'hectare')
        """
        unit = dataset(self.dataset).unit(self.plan)
        if unit is None:
            raise KeyError(f"indicator {self.key!r}: column {self.plan!r} of dataset {self.dataset!r} has no unit "
                           f"in data/catalog.yml; give it one of {list(units())}")
        return unit

    @property
    def unit_label(self) -> str:
        """The unit in the reader's words, English · Persian (``text/<lang>/units.yml``)."""
        return bi(f"units.{unit_key(self.unit)}")


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
