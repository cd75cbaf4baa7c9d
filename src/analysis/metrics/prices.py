"""Prices: the inflation reference, a price index, and deflating nominal rials.

The reference series (``data/reference/iran_inflation_worldbank.csv``, catalogued as the
reference dataset ``iran_inflation`` in ``data/catalog.yml``; provenance and licence in
``data/reference/README.md``) is annual inflation for **Gregorian** years. The sources count in
**Jalali** years, which run from about 21 March: Jalali 1401 is 2022-03-21 to
2023-03-20. :func:`jalali_to_gregorian_year` maps a Jalali year to the Gregorian
year in which it starts (``Y + 621``); 1401 -> 2022 covers 285 of its 365 days
(78 %). Deflating Jalali-year money with a Gregorian-year index is therefore an
approximation; say so wherever it is used (:data:`APPROXIMATION`).

>>> idx = price_index(pd.Series({2020: 10.0, 2021: 20.0, 2022: 50.0}), base_year=2021)
>>> idx.round(2).tolist()
[83.33, 100.0, 150.0]
>>> deflate([150.0], [2022], idx, base_year=2021).tolist()
[100.0]
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core import paths

INFLATION_FILE = "iran_inflation_worldbank.csv"
INFLATION_DATASET = "iran_inflation"  # its name in the catalogue's reference: section
SERIES = {"cpi": "cpi_inflation_pct", "gdp_deflator": "gdp_deflator_inflation_pct"}
JALALI_OFFSET = 621
APPROXIMATION = (
    "Jalali year Y is deflated with the index of Gregorian year Y + 621 (the year in which it starts: "
    "Jalali 1401 = 2022-03-21 to 2023-03-20). The last ~80 days of each Jalali year fall in the next "
    "Gregorian year, so the real values are approximate."
)


def load_inflation(path: str | Path | None = None) -> pd.DataFrame:
    """The inflation reference: one row per Gregorian year, inflation in percent.

    Columns ``cpi_inflation_pct`` (World Bank FP.CPI.TOTL.ZG) and
    ``gdp_deflator_inflation_pct`` (NY.GDP.DEFL.KD.ZG), indexed by ``year``.

    Without ``path``, the repository's copy is read through the catalogue
    (:func:`analysis.sources.datasets.load_reference`): row count, finite numbers and unique
    years are checked there.

    Raises
    ------
    FileNotFoundError
        The CSV is not there (for the default, a
        :class:`~analysis.sources.datasets.DataFileMissing` naming ``data/reference/...``).
    ValueError
        A required column is missing or years are duplicated (for the default, a
        :class:`~analysis.sources.datasets.DataError` naming file, line and column).

    Examples
    --------
    >>> inf = load_inflation()  # doctest: +SKIP
    >>> round(inf.loc[2019, "cpi_inflation_pct"], 1)  # doctest: +SKIP
    39.9
    """
    if path is None:
        from analysis.sources.datasets import load_reference

        df = load_reference(INFLATION_DATASET)
        df["year"] = df["year"].astype(int)
        path = paths.REFERENCE / INFLATION_FILE
    else:
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"inflation reference not found: {path}")
        df = pd.read_csv(path)
    need = ["year", *SERIES.values()]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}; columns are {list(df.columns)}")
    if df["year"].duplicated().any():
        raise ValueError(f"{path}: duplicated years {sorted(df.loc[df['year'].duplicated(), 'year'])}")
    return df.set_index("year").sort_index()[list(SERIES.values())]


def price_index(inflation: pd.Series, base_year: int) -> pd.Series:
    """A price level from annual inflation rates, ``base_year = 100``.

    ``index[y] = index[y - 1] * (1 + inflation[y] / 100)``. The first year's
    inflation links it to a year outside the series, so it is not used; the
    series must have consecutive years.

    Parameters
    ----------
    inflation : Series
        Annual inflation in percent, indexed by year (e.g. a column of
        :func:`load_inflation`).
    base_year : int
        Must be in the series.

    Raises
    ------
    ValueError
        Gaps or missing values in the years, or ``base_year`` not covered.

    Examples
    --------
    >>> price_index(pd.Series({2019: 40.0, 2020: 25.0, 2021: 20.0}), 2019).tolist()
    [100.0, 125.0, 150.0]
    """
    s = pd.Series(inflation, dtype=float).sort_index()
    if s.empty:
        raise ValueError("inflation series is empty")
    years = [int(y) for y in s.index]
    if years != list(range(years[0], years[-1] + 1)):
        gaps = sorted(set(range(years[0], years[-1] + 1)) - set(years))
        raise ValueError(f"inflation years must be consecutive; missing {gaps}")
    if s.isna().any():
        raise ValueError(f"inflation missing for years {[int(y) for y in s.index[s.isna()]]}")
    if (s <= -100).any():
        raise ValueError("inflation of -100 % or less is not a price change")
    if base_year not in years:
        raise ValueError(f"base year {base_year} outside the series ({years[0]}–{years[-1]})")
    growth = (1 + s / 100.0).to_numpy()
    level = np.cumprod(np.r_[1.0, growth[1:]])  # relative to the first year
    level = level / level[years.index(base_year)] * 100.0
    return pd.Series(level, index=pd.Index(years, name="year"), name=f"price index ({base_year} = 100)")


def jalali_to_gregorian_year(year):
    """Gregorian year in which a Jalali year starts: ``Y + 621`` (an approximation).

    Jalali 1401 runs 2022-03-21 to 2023-03-20, so 1401 -> 2022 (see
    :data:`APPROXIMATION`). Two-digit years are expanded by
    :func:`analysis.core.jalali.expand_year`.

    >>> jalali_to_gregorian_year(1401), jalali_to_gregorian_year(99)
    (2022, 2020)
    >>> jalali_to_gregorian_year([1390, 1401])
    [2011, 2022]
    """
    from analysis.core.jalali import expand_year

    if isinstance(year, (list, tuple, np.ndarray, pd.Series, pd.Index)):
        out = [expand_year(int(y)) + JALALI_OFFSET for y in year]
        return pd.Series(out, index=year.index) if isinstance(year, pd.Series) else out
    return expand_year(int(year)) + JALALI_OFFSET


def deflate(values, years, index: pd.Series, base_year: int):
    """Real values in ``base_year`` prices: ``value * index[base_year] / index[year]``.

    ``years`` must be in the index's calendar (convert Jalali years first with
    :func:`jalali_to_gregorian_year`).

    Raises
    ------
    ValueError
        A year (or the base year) is not in the index; the message names the
        available range. Lengths of ``values`` and ``years`` differ.

    Examples
    --------
    >>> idx = pd.Series({2021: 100.0, 2022: 143.5})
    >>> deflate([287.0, 100.0], [2022, 2021], idx, 2021).round(1).tolist()
    [200.0, 100.0]
    >>> deflate([1.0], [2030], idx, 2021)
    Traceback (most recent call last):
    ...
    ValueError: year(s) [2030] not in the price index; available 2021–2022
    """
    idx = pd.Series(index, dtype=float)
    idx.index = [int(y) for y in idx.index]
    scalar = np.ndim(values) == 0
    v = pd.Series([values] if scalar else list(values), dtype=float)
    y = [int(years)] if np.ndim(years) == 0 else [int(x) for x in years]
    if len(y) != len(v):
        raise ValueError(f"values ({len(v)}) and years ({len(y)}) differ in length")
    rng = f"{min(idx.index)}–{max(idx.index)}" if len(idx) else "none"
    bad = sorted({x for x in y if x not in idx.index} | ({base_year} - set(idx.index)))
    if bad:
        raise ValueError(f"year(s) {bad} not in the price index; available {rng}")
    factor = idx[base_year] / idx.loc[y].to_numpy()
    out = v.to_numpy() * factor
    if scalar:
        return float(out[0])
    if isinstance(values, pd.Series):
        return pd.Series(out, index=values.index, name=values.name)
    return pd.Series(out)


def real_growth(new, old, new_year: int, old_year: int, index: pd.Series):
    """Real growth from ``old`` (money of ``old_year``) to ``new`` (money of ``new_year``).

    ``new`` is deflated to ``old_year`` prices with :func:`deflate`, then
    :func:`analysis.metrics.rates.growth` is taken: ``new * index[old_year] / index[new_year] / old - 1``.
    Years are in the index's calendar (Gregorian for :func:`load_inflation`; convert Jalali
    years with :func:`jalali_to_gregorian_year` and read :data:`APPROXIMATION`).

    Parameters
    ----------
    new, old : number, Series or array-like
    new_year, old_year : int
    index : Series
        A price level by year (:func:`price_index`); its base year does not matter.

    Examples
    --------
    002 Table 66, line 6042 (East Azerbaijan): 8,646,325 million rials in 1401 against
    5,430,172 in 1400 is +59.2 % nominal; with prices up 43.5 % (World Bank CPI, 2022):

    >>> idx = pd.Series({2021: 100.0, 2022: 143.4885})
    >>> round(real_growth(8646325, 5430172, 2022, 2021, idx), 4)
    0.1097
    """
    from analysis.metrics.rates import growth

    if np.ndim(new) == 0:
        real_new = deflate(float(new), new_year, index, old_year)
    else:
        values = new if isinstance(new, pd.Series) else np.asarray(new, dtype=float)
        real_new = deflate(values, [new_year] * len(values), index, old_year)
        if not isinstance(new, pd.Series):
            real_new = real_new.to_numpy()
    return growth(real_new, old)
