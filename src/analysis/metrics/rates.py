"""Simple rates: per-unit ratios (jobs per unit, hectares per contract), shares and growth.

One definition each, so every chapter divides the same way: a zero or missing
denominator gives NaN (undefined), never ``inf``; scalars give a float, a Series keeps
its index, anything else array-like gives a numpy array.

002 Tables 56-57, Qazvin (lines 5408 and 5519): 30,308 jobs in 992 operating units to the
end of 1401 is 30.6 jobs per unit.

>>> round(per_unit(30308, 992), 1)
30.6
>>> per_unit(5, 0)
nan
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd


def _float(x):
    if isinstance(x, pd.Series):
        return pd.to_numeric(x, errors="raise").astype(float)
    if np.ndim(x) == 0:
        return math.nan if x is None or x is pd.NA else float(x)
    return np.asarray(x, dtype=float)


def _divide(numerator, denominator):
    n, d = _float(numerator), _float(denominator)
    if isinstance(d, pd.Series):
        d = d.where(d != 0)
    elif isinstance(d, np.ndarray):
        d = np.where(d == 0, np.nan, d)
    elif d == 0 or math.isnan(d):
        if isinstance(n, (pd.Series, np.ndarray)):
            return n * math.nan
        return math.nan
    return n / d


def per_unit(total, units):
    """``total / units``: jobs per operating unit, hectares per contract, rials per job.

    Parameters
    ----------
    total, units : number, Series or array-like
        Same length when both are not scalars. Zero or missing ``units`` give NaN.

    Returns
    -------
    float, Series or ndarray

    Examples
    --------
    002 Table 54: the province rows add to 2,427.7 hectares allotted by 5,678 contracts in
    1401 (the printed total, line 5321, rounds the area to 2,428):

    >>> round(per_unit(2427.7, 5678), 2)
    0.43
    >>> per_unit(pd.Series([10.0, 3.0]), pd.Series([4, 0])).tolist()
    [2.5, nan]
    """
    return _divide(total, units)


def share(part, whole):
    """``part / whole`` as a fraction (``0.42`` for 42 %); a zero or missing ``whole`` gives NaN.

    Examples
    --------
    002 Table 65, total row (line 6022): operating expenses of 102,284,743 out of resources
    of 122,727,790 million rials:

    >>> round(share(102284743, 122727790), 3)
    0.833
    """
    return _divide(part, whole)


def growth(new, old):
    """Relative change ``new / old - 1`` (``0.5`` for +50 %); a zero or missing ``old`` gives NaN.

    Nominal money grows with prices; for real growth see
    :func:`analysis.metrics.prices.real_growth`.

    Examples
    --------
    002 Table 66, line 6042 (East Azerbaijan): resources 8,646,325 in 1401 against 5,430,172
    million rials in 1400:

    >>> round(growth(8646325, 5430172), 4)
    0.5923
    >>> growth(pd.Series([3.0, 1.0]), pd.Series([2.0, 0.0])).tolist()
    [0.5, nan]
    """
    return _divide(new, old) - 1
