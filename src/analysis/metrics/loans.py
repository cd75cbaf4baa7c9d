"""Loans and credit schemes: money units, leverage, attainment, jobs per money.

Money in the sources comes in many units (002: million rials; 003: billion
tomans and billion rials in one paragraph; 004: billion and thousand billion
rials). :func:`to_rials` converts any of :data:`MONEY_UNITS` to rials (1 toman =
10 rials). Sums over several years are **nominal** rials of mixed years; every
ratio here takes an optional ``years`` argument and returns a ``note`` saying
so (:func:`money_note`), to be printed beside the number.

Each ratio returns a :class:`Result` with ``value``, ``status`` (``'defined'``
or ``'undefined: ...'``) and ``note``; an undefined ratio has ``value`` None
(NaN element-wise for Series).

>>> to_rials(130, "billion tomans")
1300000000000.0
>>> leverage(63000, 31500, years=1400).value  # 002 line 3566: bank resources / managed funds = 2
2.0
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.core.digits import normalise_fa

#: Rials per unit. Keys are normalised (lower case, Persian letters, single spaces).
MONEY_UNITS: dict[str, float] = {
    "rials": 1.0, "thousand rials": 1e3, "million rials": 1e6, "billion rials": 1e9,
    "thousand billion rials": 1e12, "trillion rials": 1e12,
    "tomans": 10.0, "thousand tomans": 1e4, "million tomans": 1e7, "billion tomans": 1e10,
    "thousand billion tomans": 1e13, "trillion tomans": 1e13,
    "ریال": 1.0, "هزار ریال": 1e3, "میلیون ریال": 1e6, "میلیارد ریال": 1e9, "هزار میلیارد ریال": 1e12,
    "تومان": 10.0, "هزار تومان": 1e4, "میلیون تومان": 1e7, "میلیارد تومان": 1e10,
    "هزار میلیارد تومان": 1e13,
}
_SINGULAR = {"rial": "rials", "toman": "tomans"}


def _unit_key(unit: str) -> str:
    if not isinstance(unit, str):
        raise ValueError(f"money unit must be a string, got {unit!r}; valid units: {list(MONEY_UNITS)}")
    u = normalise_fa(unit).lower()
    words = [_SINGULAR.get(w, w) for w in u.split()]
    u = " ".join(words)
    if u not in MONEY_UNITS:
        raise ValueError(f"unknown money unit {unit!r}; valid units: {', '.join(MONEY_UNITS)}")
    return u


def unit_factor(unit: str) -> float:
    """Rials per one ``unit``.

    >>> unit_factor("هزار ميليارد ريال")  # Arabic yeh accepted
    1000000000000.0
    >>> unit_factor("crore")
    Traceback (most recent call last):
    ...
    ValueError: unknown money unit 'crore'; valid units: rials, thousand rials, ...
    """
    return MONEY_UNITS[_unit_key(unit)]


def to_rials(value, unit: str):
    """Convert an amount (scalar, list, array or Series) to rials.

    Examples
    --------
    004 line 194: 551 million rials per job.

    >>> to_rials(551, "million rials")
    551000000.0
    >>> to_rials(pd.Series([31500.0]), "million rials").tolist()
    [31500000000.0]
    """
    f = unit_factor(unit)
    if isinstance(value, pd.Series):
        return pd.to_numeric(value).astype(float) * f
    if isinstance(value, (list, tuple, np.ndarray)):
        return np.asarray(value, dtype=float) * f
    return float(value) * f


def convert(value, from_unit: str, to_unit: str):
    """Convert between money units.

    >>> convert(130, "billion tomans", "billion rials")
    1300.0
    """
    return to_rials(value, from_unit) / unit_factor(to_unit)


def money_note(years=None, currency: str = "rials") -> str:
    """What kind of money a figure is: one year's nominal rials or mixed years.

    Examples
    --------
    >>> money_note(1401)
    '1401 nominal rials'
    >>> money_note(range(1390, 1402))
    '1390–1401 nominal rials, mixed years'
    >>> money_note()
    'nominal rials, year not stated'
    """
    if years is None:
        return f"nominal {currency}, year not stated"
    ys = [int(years)] if np.ndim(years) == 0 and not isinstance(years, range) else sorted({int(y) for y in years})
    if not ys:
        return f"nominal {currency}, year not stated"
    if len(ys) == 1:
        return f"{ys[0]} nominal {currency}"
    return f"{ys[0]}–{ys[-1]} nominal {currency}, mixed years"


@dataclass(frozen=True)
class Result:
    """A ratio with its status and a note on the money's years."""

    value: Any
    status: Any
    note: str = ""

    @property
    def defined(self) -> bool:
        s = self.status
        return bool(np.all(np.asarray(s) == "defined")) if not isinstance(s, str) else s == "defined"


def _divide(num, den, zero_reason: str, note: str) -> Result:
    if isinstance(num, pd.Series) or isinstance(den, pd.Series):
        n = num.astype(float) if isinstance(num, pd.Series) else num
        d = den.astype(float) if isinstance(den, pd.Series) else den
        n_s, d_s = pd.Series(n, dtype=float), pd.Series(d, dtype=float)
        if isinstance(num, pd.Series) and not isinstance(den, pd.Series):
            d_s = pd.Series(float(den), index=num.index)
        if isinstance(den, pd.Series) and not isinstance(num, pd.Series):
            n_s = pd.Series(float(num), index=den.index)
        status = pd.Series("defined", index=n_s.index, dtype=object)
        status[d_s == 0] = f"undefined: {zero_reason}"
        status[d_s.isna() | n_s.isna()] = "undefined: missing value"
        value = (n_s / d_s.where(status == "defined")).where(status == "defined")
        return Result(value, status, note)
    if num is None or den is None or (isinstance(num, float) and math.isnan(num)) or (
            isinstance(den, float) and math.isnan(den)):
        return Result(None, "undefined: missing value", note)
    if float(den) == 0:
        return Result(None, f"undefined: {zero_reason}", note)
    return Result(float(num) / float(den), "defined", note)


def leverage(facilities, deposits, years=None) -> Result:
    """Facilities (loans) per unit of funds deposited with the agent banks.

    Both in the same unit. Zero deposits -> ``value`` None, status
    ``'undefined: zero deposits'``. Which numerator to use is the caller's
    choice: 002 Table 41 prints the ratio of *bank resources* to managed funds
    (2); total facilities payable over managed funds is 3.

    Examples
    --------
    002 line 3566 (year 1400, million rials): deposits 31.500, bank resources
    63.000, total facilities 94.500, printed ratio 2.

    >>> leverage(94500, 31500, years=1400)
    Result(value=3.0, status='defined', note='1400 nominal rials')
    >>> leverage(10, 0).status
    'undefined: zero deposits'
    """
    return _divide(facilities, deposits, "zero deposits", money_note(years))


def attainment(actual, target, years=None) -> Result:
    """Attainment of a target (units financed, jobs created): ``actual / target``, uncapped.

    >>> attainment(25668, 30000).value
    0.8556
    >>> attainment(5, 0).status
    'undefined: zero target'
    """
    note = "" if years is None else money_note(years)
    return _divide(actual, target, "zero target", note)


def jobs_per_billion_rials(jobs, money, unit: str = "billion rials", years=None) -> Result:
    """Jobs per billion rials of money (``money`` given in ``unit``).

    Examples
    --------
    004 line 208 (KALEH Table 6, the four provinces): 66 465 jobs for
    1 000 + 32 626 + 3 000 billion rials.

    >>> r = jobs_per_billion_rials(66465, 1000 + 32626 + 3000, years=1398)
    >>> round(r.value, 3), r.note
    (1.815, '1398 nominal rials')
    """
    billions = to_rials(money, unit) / 1e9
    return _divide(jobs, billions, "zero money", money_note(years))


def rials_per_job(money, jobs, unit: str = "rials", years=None, out_unit: str = "rials") -> Result:
    """Money per job, in ``out_unit`` (default rials). Zero jobs -> undefined.

    Examples
    --------
    >>> r = rials_per_job(36626, 66465, unit="billion rials", out_unit="million rials", years=1398)
    >>> round(r.value, 2)
    551.06
    >>> rials_per_job(10, 0).status
    'undefined: zero jobs'
    """
    per = to_rials(money, unit) / unit_factor(out_unit)
    return _divide(per, jobs, "zero jobs", money_note(years))


def kaleh_cost_per_job(frame: pd.DataFrame, money_cols: Sequence[str], jobs_col: str,
                       money_unit: str = "billion rials", out_unit: str = "million rials") -> pd.DataFrame:
    """Cost per job per row of a financing table: sum of money columns / jobs.

    KALEH (004) prints "551 million rials per job (facilities and public budget)"
    (line 194); its Table 6 (lines 200-208) gives per province the interest
    subsidy, facilities and grants in billion rials and the jobs. This function
    recomputes the cost per job for every row (the total row included, if the
    frame has one).

    Parameters
    ----------
    frame : DataFrame
    money_cols : list of str
        Money columns, all in ``money_unit``.
    jobs_col : str
    money_unit, out_unit : str
        Units of :data:`MONEY_UNITS`.

    Returns
    -------
    DataFrame
        ``frame`` with ``money_total`` (in ``money_unit``), ``cost_per_job`` (in
        ``out_unit``) and ``status`` (``'undefined: zero jobs'`` where jobs are 0).

    Examples
    --------
    >>> t6 = pd.DataFrame({"province": ["Ilam", "4 provinces"], "subsidy": [236, 1000],
    ...                    "facilities": [7700, 32626], "grants": [708, 3000], "jobs": [15840, 66465]})
    >>> kaleh_cost_per_job(t6, ["subsidy", "facilities", "grants"], "jobs")["cost_per_job"].round(1).tolist()
    [545.7, 551.1]
    """
    cols = list(money_cols) + [jobs_col]
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not in frame; columns are {list(frame.columns)}")
    if not money_cols:
        raise ValueError("money_cols is empty")
    factor = unit_factor(money_unit) / unit_factor(out_unit)
    out = frame.copy()
    money = out[list(money_cols)].apply(pd.to_numeric, errors="raise").astype(float)
    if money.isna().any().any():
        raise ValueError(f"missing money values in rows {list(out.index[money.isna().any(axis=1)])}")
    out["money_total"] = money.sum(axis=1)
    r = _divide(out["money_total"] * factor, pd.to_numeric(out[jobs_col]).astype(float), "zero jobs", "")
    out["cost_per_job"] = r.value
    out["status"] = r.status
    return out
