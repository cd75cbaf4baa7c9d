"""Plan versus actual: achievement ratios, categories, aggregates, ranks, profiles.

Every plan/actual table of the sources (e.g. 002 Table 13, water supplied per
province, lines 931-994) goes through these functions. Conventions:

* The achievement **ratio** is ``actual / plan``, uncapped (the sources sometimes
  print 100 % where the ratio is higher; the audit reports that, here the ratio is
  what the numbers say).
* A ratio that cannot be computed is never ``inf`` and never a silent ``NaN``: the
  ``status`` column says why (:data:`STATUSES`).
* The national (or group) ratio is the **ratio of sums** ``sum(actual) / sum(plan)``;
  the mean and median of the provincial ratios are reported beside it, and
  :func:`explain_gap` says why they differ.
* Frames carrying a ``row_kind`` column (the ``data/`` convention) are reduced to
  ``row_kind == "province"`` rows before aggregating or ranking, so printed totals
  are never counted twice.

>>> df = pd.DataFrame({"province": ["East Azerbaijan", "Alborz", "Khuzestan"],
...                    "plan": [22, 25, 20], "actual": [25, 0, 84]})
>>> achievement(df)[["province", "ratio", "status"]]
          province     ratio   status
0  East Azerbaijan  1.136364  defined
1           Alborz  0.000000  defined
2        Khuzestan  4.200000  defined
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.core import provinces
from analysis.core.text import language, t

#: A ratio below this (and above 0) is ``'under'``.
UNDER_BELOW = 0.95
#: A ratio above this is ``'over'``; ``UNDER_BELOW <= ratio <= OVER_ABOVE`` is ``'met'``.
OVER_ABOVE = 1.05
#: The default ``(under_below, over_above)`` thresholds of :func:`categorise`.
THRESHOLDS = (UNDER_BELOW, OVER_ABOVE)
CATEGORIES = ("not started", "under", "met", "over", "undefined")

DEFINED = "defined"
ZERO_PLAN = "undefined: zero plan"
MISSING_PLAN = "undefined: missing plan"
MISSING_ACTUAL = "undefined: missing actual"
NOT_REPORTED = "undefined: province not in table"
STATUSES = (DEFINED, ZERO_PLAN, MISSING_PLAN, MISSING_ACTUAL, NOT_REPORTED)


# --------------------------------------------------------------------------- helpers
def _require(df: pd.DataFrame, cols: Sequence[str]) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not in frame; columns are {list(df.columns)}")


def _numeric(df: pd.DataFrame, col: str) -> pd.Series:
    s = df[col]
    try:
        out = pd.to_numeric(s, errors="raise").astype(float)
    except (ValueError, TypeError):
        bad = [v for v in s if not _is_number_like(v)]
        raise ValueError(f"column {col!r} must be numeric; non-numeric value(s): {bad[:5]}") from None
    return out


def _is_number_like(v) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return v is None or v is pd.NA


def province_rows(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that are provinces: drops printed totals when a ``row_kind`` column exists.

    >>> t = pd.DataFrame({"province": ["Qom", None], "row_kind": ["province", "total"],
    ...                   "plan": [30, 922], "actual": [0, 872]})
    >>> len(province_rows(t))
    1
    """
    if "row_kind" in df.columns:
        return df[df["row_kind"] == "province"]
    return df


def check_units(df: pd.DataFrame, unit: str = "unit") -> str | None:
    """The single unit of a frame's ``unit`` column; ``ValueError`` naming them if several.

    Returns ``None`` when the frame has no unit column.

    >>> check_units(pd.DataFrame({"unit": ["litre/second", "litre/second"]}))
    'litre/second'
    >>> check_units(pd.DataFrame({"unit": ["hectare", "litre/second"]}))
    Traceback (most recent call last):
    ...
    ValueError: cannot combine values in different units: ['hectare', 'litre/second']
    """
    if unit not in df.columns:
        return None
    units = sorted({str(u) for u in df[unit].dropna()})
    if len(units) > 1:
        raise ValueError(f"cannot combine values in different units: {units}")
    return units[0] if units else None


# --------------------------------------------------------------------------- achievement
def achievement(df: pd.DataFrame, plan: str = "plan", actual: str = "actual",
                printed_pct: str | None = None) -> pd.DataFrame:
    """Achievement ratio ``actual / plan`` with an explicit status for every row.

    Parameters
    ----------
    df : DataFrame
        One row per item (province, indicator ...).
    plan, actual : str
        Names of the plan and actual columns (numeric; missing values allowed).
    printed_pct : str, optional
        Column with the percentage the source prints; kept beside the recomputed
        ``pct`` as ``printed_pct`` with the difference ``pct_diff`` (points).

    Returns
    -------
    DataFrame
        A copy of ``df`` with ``ratio`` (uncapped), ``pct`` (``100 * ratio``) and
        ``status``, one of :data:`STATUSES`. ``ratio`` is NaN exactly where
        ``status`` is not ``'defined'``; it is never infinite.

    Raises
    ------
    KeyError
        A named column is missing.
    ValueError
        A column is not numeric, or a plan or actual is negative.

    Examples
    --------
    002 line 931 (East Azerbaijan, water: plan 22, actual 25), line 939 (Alborz,
    plan 25, actual 0), and two made-up rows:

    >>> df = pd.DataFrame({"plan": [22, 25, 0, None], "actual": [25, 0, 3, 4]})
    >>> achievement(df)
       plan  actual     ratio         pct                   status
    0  22.0      25  1.136364  113.636364                  defined
    1  25.0       0  0.000000    0.000000                  defined
    2   0.0       3       NaN         NaN     undefined: zero plan
    3   NaN       4       NaN         NaN  undefined: missing plan
    """
    cols = [plan, actual] + ([printed_pct] if printed_pct else [])
    _require(df, cols)
    p, a = _numeric(df, plan), _numeric(df, actual)
    for name, s in ((plan, p), (actual, a)):
        neg = s[s < 0]
        if len(neg):
            raise ValueError(f"column {name!r} has negative values at rows {list(neg.index)[:10]}: {list(neg)[:10]}")
    status = pd.Series(DEFINED, index=df.index, dtype=object)
    status[(p == 0) & a.notna()] = ZERO_PLAN
    status[a.isna()] = MISSING_ACTUAL
    status[p.isna()] = MISSING_PLAN
    ok = status == DEFINED
    ratio = pd.Series(np.nan, index=df.index, dtype=float)
    ratio[ok] = a[ok] / p[ok]
    out = df.copy()
    out["ratio"] = ratio
    out["pct"] = 100.0 * ratio
    out["status"] = status
    if printed_pct:
        printed = _numeric(df, printed_pct)
        out = out.drop(columns=[printed_pct]) if printed_pct != "printed_pct" else out
        out["printed_pct"] = printed
        out["pct_diff"] = out["pct"] - printed
    return out


def categorise(ratio, thresholds: tuple[float, float] = THRESHOLDS):
    """Category of an achievement ratio.

    ``'not started'`` (ratio 0, i.e. actual 0 with a positive plan),
    ``'under'`` (``0 < ratio < thresholds[0]``), ``'met'``
    (``thresholds[0] <= ratio <= thresholds[1]``), ``'over'``
    (``ratio > thresholds[1]``), ``'undefined'`` (NaN / None: see the status of
    :func:`achievement`). Defaults: :data:`UNDER_BELOW` = 0.95 and
    :data:`OVER_ABOVE` = 1.05, i.e. within 5 % of the plan counts as met.

    Parameters
    ----------
    ratio : float or Series
    thresholds : (float, float)
        ``(under_below, over_above)`` with ``0 < under_below <= over_above``.

    Returns
    -------
    str or Series of str

    Examples
    --------
    >>> categorise(0.0), categorise(0.5), categorise(0.95), categorise(1.05), categorise(4.2)
    ('not started', 'under', 'met', 'met', 'over')
    >>> categorise(float("nan"))
    'undefined'
    >>> categorise(pd.Series([1.0, None, 1.2])).tolist()
    ['met', 'undefined', 'over']
    """
    lo, hi = thresholds
    if not (0 < lo <= hi):
        raise ValueError(f"thresholds must satisfy 0 < under_below <= over_above, got {thresholds}")

    def one(r) -> str:
        if r is None or r is pd.NA or (isinstance(r, float) and math.isnan(r)):
            return "undefined"
        r = float(r)
        if math.isnan(r):
            return "undefined"
        if math.isinf(r) or r < 0:
            raise ValueError(f"an achievement ratio must be finite and >= 0, got {r}")
        if r == 0:
            return "not started"
        if r < lo:
            return "under"
        if r <= hi:
            return "met"
        return "over"

    if isinstance(ratio, pd.Series):
        return ratio.map(one).astype(object)
    if isinstance(ratio, (list, tuple, np.ndarray)):
        return [one(r) for r in ratio]
    return one(ratio)


# --------------------------------------------------------------------------- aggregate
AGGREGATE_COLUMNS = ["n", "n_defined", "n_undefined", "sum_plan", "sum_actual", "ratio_of_sums",
                     "mean_ratio", "median_ratio", "q1", "q3", "iqr", "min_ratio", "max_ratio", "unit"]


def _aggregate_one(g: pd.DataFrame, plan: str, actual: str) -> dict:
    unit = check_units(g)
    a = achievement(g, plan, actual)
    both = a[plan].notna() & a[actual].notna()
    sp, sa = float(a.loc[both, plan].sum()), float(a.loc[both, actual].sum())
    r = a.loc[a["status"] == DEFINED, "ratio"]
    q1, q3 = (float(r.quantile(0.25)), float(r.quantile(0.75))) if len(r) else (np.nan, np.nan)
    return {
        "n": len(a), "n_defined": len(r), "n_undefined": int(len(a) - len(r)),
        "sum_plan": sp, "sum_actual": sa, "ratio_of_sums": sa / sp if sp > 0 else np.nan,
        "mean_ratio": float(r.mean()) if len(r) else np.nan,
        "median_ratio": float(r.median()) if len(r) else np.nan,
        "q1": q1, "q3": q3, "iqr": q3 - q1,
        "min_ratio": float(r.min()) if len(r) else np.nan,
        "max_ratio": float(r.max()) if len(r) else np.nan,
        "unit": unit,
    }


def aggregate(df: pd.DataFrame, by: str | Sequence[str] | None = None, plan: str = "plan",
              actual: str = "actual") -> pd.DataFrame:
    """National (or per-group) achievement: ratio of sums beside the spread of ratios.

    ``ratio_of_sums`` is ``sum(actual) / sum(plan)`` over rows where both are
    known (rows with a zero plan count in both sums); ``mean_ratio``,
    ``median_ratio``, ``q1``, ``q3``, ``iqr``, ``min_ratio`` and ``max_ratio``
    describe the provincial ratios with status ``'defined'``; ``n`` counts rows,
    ``n_defined`` those with a ratio. ``ratio_of_sums`` is NaN only when the plans
    sum to zero. Printed total rows (``row_kind != 'province'``) are left out.

    Parameters
    ----------
    df : DataFrame
        With plan and actual columns and optionally ``unit`` and ``row_kind``.
    by : str or list of str, optional
        Group columns; ``None`` gives one row for the whole frame.

    Raises
    ------
    ValueError
        A group mixes units (its ``unit`` column holds more than one value).

    Examples
    --------
    002 Table 13 (water), lines 931, 939 and 955:

    >>> df = pd.DataFrame({"province": ["East Azerbaijan", "Alborz", "Khuzestan"],
    ...                    "plan": [22, 25, 20], "actual": [25, 0, 84]})
    >>> row = aggregate(df).iloc[0]
    >>> [round(float(row[c]), 4) for c in ('ratio_of_sums', 'mean_ratio', 'median_ratio')], int(row.n)
    ([1.6269, 1.7788, 1.1364], 3)

    (109 / 67 = 1.6269 against a mean of (25/22 + 0 + 84/20) / 3 = 1.7788.)
    """
    cols = [plan, actual] + ([] if by is None else ([by] if isinstance(by, str) else list(by)))
    _require(df, cols)
    d = province_rows(df)
    if by is None:
        return pd.DataFrame([_aggregate_one(d, plan, actual)], columns=AGGREGATE_COLUMNS)
    keys = [by] if isinstance(by, str) else list(by)
    rows = []
    for k, g in d.groupby(keys, sort=True, dropna=False):
        k = k if isinstance(k, tuple) else (k,)
        try:
            row = _aggregate_one(g, plan, actual)
        except ValueError as e:
            raise ValueError(f"group {dict(zip(keys, k))}: {e}") from None
        rows.append({**dict(zip(keys, k)), **row})
    return pd.DataFrame(rows, columns=keys + AGGREGATE_COLUMNS)


@dataclass
class GapExplanation:
    """Why the mean of provincial ratios differs from the ratio of sums.

    The ratio of sums is the plan-weighted mean of the ratios (weight
    ``w_i = plan_i / sum(plan)``); the plain mean gives every province ``1/n``.
    So ``mean - ratio_of_sums = sum((1/n - w_i) * (r_i - ratio_of_sums))``
    (the weights differences sum to zero): a province pushes the mean above the
    ratio of sums when it has a small plan and a high ratio, or a large plan
    and a low ratio. ``table`` lists each province's weights and contribution
    (largest in the direction of the gap first); ``text`` says it in a sentence.
    """

    ratio_of_sums: float
    mean_ratio: float
    gap: float
    table: pd.DataFrame = field(repr=False)
    text: str = ""

    def movers(self, top: int = 3) -> pd.DataFrame:
        """The ``top`` rows of ``table`` that pull the mean away from the ratio of sums
        (contribution of the same sign as the gap), largest first; empty when there is no gap.

        Examples
        --------
        002 Table 13 (water), lines 931, 939 and 955:

        >>> df = pd.DataFrame({"province": ["East Azerbaijan", "Alborz", "Khuzestan"],
        ...                    "plan": [22, 25, 20], "actual": [25, 0, 84]})
        >>> explain_gap(df).movers()["province"].tolist()
        ['Khuzestan', 'Alborz']
        """
        if abs(self.gap) < 1e-12:
            return self.table.iloc[0:0]
        return self.table[np.sign(self.table["contribution"]) == np.sign(self.gap)].head(top)


def explain_gap(df: pd.DataFrame, label: str = "province", plan: str = "plan", actual: str = "actual",
                top: int = 3) -> GapExplanation:
    """Decompose ``mean_ratio - ratio_of_sums`` into provincial contributions.

    Only rows with a defined ratio (positive plan, known actual) take part, so
    the ratio of sums here may differ from :func:`aggregate`'s when some plans
    are zero.

    Examples
    --------
    >>> df = pd.DataFrame({"province": ["East Azerbaijan", "Alborz", "Khuzestan"],
    ...                    "plan": [22, 25, 20], "actual": [25, 0, 84]})
    >>> g = explain_gap(df)
    >>> round(g.gap, 4), g.table.iloc[0]["province"], round(float(g.table["contribution"].sum()), 4)
    (0.1519, 'Khuzestan', 0.1519)
    >>> print(g.text)  # doctest: +ELLIPSIS
    The mean of provincial ratios (177.9 %) is 15.2 points above the ratio of sums (162.7 %)... Largest pulls: Khuzestan (plan 20, ratio 420.0 %, ...
    """
    _require(df, [label, plan, actual])
    a = achievement(province_rows(df), plan, actual)
    a = a[a["status"] == DEFINED]
    if a.empty:
        raise ValueError("no row has a defined ratio (positive plan and known actual): nothing to explain")
    n = len(a)
    w = a[plan] / a[plan].sum()
    ros = float(a[actual].sum() / a[plan].sum())
    mean = float(a["ratio"].mean())
    gap = mean - ros
    contrib = (1.0 / n - w) * (a["ratio"] - ros)
    table = pd.DataFrame({label: a[label], "plan": a[plan], "actual": a[actual], "ratio": a["ratio"],
                          "plan_weight": w, "equal_weight": 1.0 / n, "contribution": contrib})
    table = table.sort_values("contribution", ascending=gap < 0, kind="stable").reset_index(drop=True)
    if abs(gap) < 1e-12:
        text = t("metrics.gap_equal", ratio_of_sums=f"{100 * ros:.1f} %")
    else:
        movers = table[np.sign(table["contribution"]) == np.sign(gap)].head(top)
        names = t("metrics.gap_list_sep").join(
            t("metrics.gap_mover", name=_name(r[label], label), plan=f"{r['plan']:g}", ratio=f"{100 * r['ratio']:.1f} %",
              weight=f"{100 * r['plan_weight']:.1f} %", equal=f"{100 / n:.1f} %")
            for _, r in movers.iterrows())
        text = t("metrics.gap_above" if gap > 0 else "metrics.gap_below", mean=f"{100 * mean:.1f} %",
                 points=f"{100 * abs(gap):.1f}", ratio_of_sums=f"{100 * ros:.1f} %", movers=names)
    return GapExplanation(ros, mean, gap, table, text)


def _name(value, label: str) -> str:
    """A row's name in the edition's language: the Persian name of a province key in Persian."""
    if label == "province" and language() == "fa":
        try:
            return provinces.get(str(value)).fa
        except KeyError:
            return str(value)
    return str(value)


# --------------------------------------------------------------------------- rank
def rank(df: pd.DataFrame, label: str = "province", plan: str = "plan", actual: str = "actual") -> pd.DataFrame:
    """Rank provinces by achievement ratio (1 = highest) and distance from the national ratio.

    Ties share the best rank (``method='min'``: 1, 2, 2, 4). Rows with an
    undefined ratio get rank ``<NA>`` and are not counted in ``n_ranked``.
    ``national_ratio`` is the ratio of sums (see :func:`aggregate`);
    ``distance_pp`` is ``100 * (ratio - national_ratio)``, in percentage points.

    Examples
    --------
    >>> df = pd.DataFrame({"province": ["Ilam", "Bushehr", "Khuzestan", "Qom", "Semnan"],
    ...                    "plan": [15, 10, 20, 30, 0], "actual": [15, 10, 84, 0, 31]})
    >>> rank(df)[["province", "ratio", "rank", "n_ranked"]]
        province  ratio  rank  n_ranked
    0       Ilam    1.0     2         4
    1    Bushehr    1.0     2         4
    2  Khuzestan    4.2     1         4
    3        Qom    0.0     4         4
    4     Semnan    NaN  <NA>         4
    """
    _require(df, [label, plan, actual])
    d = province_rows(df)
    check_units(d)
    a = achievement(d, plan, actual)
    national = float(aggregate(d, plan=plan, actual=actual)["ratio_of_sums"].iloc[0])
    r = a["ratio"].rank(method="min", ascending=False, na_option="keep")
    out = a[[label, plan, actual, "ratio", "status"]].copy()
    out["rank"] = r.astype("Int64")
    out["n_ranked"] = int(r.notna().sum())
    out["national_ratio"] = national
    out["distance_pp"] = 100.0 * (out["ratio"] - national)
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- profile
PROFILE_COLUMNS = ["indicator", "unit", "plan", "actual", "ratio", "status", "national_ratio",
                   "rank", "n_ranked", "category"]


def profile(indicators: Mapping[str, pd.DataFrame], province: str, label: str = "province",
            plan: str = "plan", actual: str = "actual") -> pd.DataFrame:
    """One province across indicators: the input of a province chapter.

    Parameters
    ----------
    indicators : dict of name -> DataFrame
        Each frame has ``province``, ``plan``, ``actual`` and optionally ``unit``
        (one unit per frame) and ``row_kind``.
    province : str
        Registry key or any accepted name (see :func:`analysis.core.provinces.to_key`).

    Returns
    -------
    DataFrame
        One row per indicator: ``plan``, ``actual``, ``ratio``, ``status``,
        ``national_ratio``, ``rank`` (1 = highest), ``n_ranked`` and ``category``.
        An indicator whose table lacks the province has status
        ``'undefined: province not in table'``.

    Raises
    ------
    analysis.core.provinces.UnknownProvinceError
        Unknown province; the message lists the valid keys.

    Examples
    --------
    >>> water = pd.DataFrame({"province": ["Khuzestan", "Qom"], "plan": [20, 30],
    ...                       "actual": [84, 0], "unit": "litre/second"})
    >>> profile({"water": water}, "خوزستان")[["indicator", "ratio", "rank", "n_ranked", "category"]]
      indicator  ratio  rank  n_ranked category
    0     water    4.2     1         2     over
    """
    key = provinces.to_key(province)
    rows = []
    for name, frame in indicators.items():
        _require(frame, [label, plan, actual])
        try:
            unit = check_units(province_rows(frame))
        except ValueError as e:
            raise ValueError(f"indicator {name!r}: {e}") from None
        r = rank(frame, label, plan, actual)
        hit = r[r[label] == key]
        if len(hit) > 1:
            raise ValueError(f"indicator {name!r}: province {key!r} appears {len(hit)} times")
        n_ranked = int(r["n_ranked"].iloc[0]) if len(r) else 0
        national = float(r["national_ratio"].iloc[0]) if len(r) else np.nan
        if hit.empty:
            rows.append({"indicator": name, "unit": unit, "plan": np.nan, "actual": np.nan, "ratio": np.nan,
                         "status": NOT_REPORTED, "national_ratio": national, "rank": pd.NA,
                         "n_ranked": n_ranked, "category": "undefined"})
            continue
        h = hit.iloc[0]
        rows.append({"indicator": name, "unit": unit, "plan": h[plan], "actual": h[actual], "ratio": h["ratio"],
                     "status": h["status"], "national_ratio": national, "rank": h["rank"],
                     "n_ranked": n_ranked, "category": categorise(h["ratio"])})
    out = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    out["rank"] = out["rank"].astype("Int64")
    return out


# --------------------------------------------------------------------------- scaling fit
SCALING_LIMITS = (
    "Descriptive fit only. The ~31 provinces are the whole population, not a sample, so the "
    "confidence and prediction intervals describe scatter around the line, not sampling error. "
    "The slope says how actuals scale with plans across provinces (1 = proportional); it has no "
    "causal reading (plans are set knowing capacity). Provinces with a zero plan or a zero actual "
    "cannot be logged and are dropped (listed in `dropped`), which removes exactly the 'not started' "
    "cases and biases the fit towards provinces that delivered something."
)


@dataclass
class ScalingFit:
    """Result of :func:`scaling_fit`: ``log(actual) = intercept + slope * log(plan)``."""

    slope: float
    intercept: float
    slope_ci: tuple[float, float]
    intercept_ci: tuple[float, float]
    n: int
    r2: float
    dropped: pd.DataFrame = field(repr=False)
    outside: pd.DataFrame = field(repr=False)
    fitted: pd.DataFrame = field(repr=False)
    limits: str = SCALING_LIMITS

    def summary(self) -> str:
        """One paragraph: the estimates, then :data:`SCALING_LIMITS`."""
        return (f"log(actual) = {self.intercept:.3f} + {self.slope:.3f} log(plan); slope 95 % CI "
                f"[{self.slope_ci[0]:.3f}, {self.slope_ci[1]:.3f}], n = {self.n}, R² = {self.r2:.3f}; "
                f"{len(self.dropped)} row(s) dropped, {len(self.outside)} outside the 95 % prediction interval. "
                + self.limits)


def scaling_fit(df: pd.DataFrame, label: str = "province", plan: str = "plan", actual: str = "actual",
                alpha: float = 0.05) -> ScalingFit:
    """OLS of ``log(actual)`` on ``log(plan)`` across provinces (statsmodels).

    Rows with a missing, zero or negative plan or actual are dropped with a
    reason. ``outside`` lists the provinces whose log actual falls outside the
    ``1 - alpha`` prediction interval. Read :data:`SCALING_LIMITS` (also
    ``.limits``) before quoting the numbers.

    Raises
    ------
    ValueError
        Fewer than 3 usable rows, or all plans equal (no slope to fit).

    Examples
    --------
    >>> df = pd.DataFrame({"province": list("abcde"), "plan": [1, 2, 4, 8, 0],
    ...                    "actual": [2, 4, 8, 16, 3]})
    >>> fit = scaling_fit(df)
    >>> round(fit.slope, 6), round(fit.intercept, 6), fit.n, list(fit.dropped["reason"])
    (1.0, 0.693147, 4, ['zero plan'])
    """
    _require(df, [label, plan, actual])
    d = province_rows(df)
    check_units(d)
    p, a = _numeric(d, plan), _numeric(d, actual)
    reason = pd.Series("", index=d.index, dtype=object)
    reason[a <= 0] = "zero actual"
    reason[a < 0] = "negative actual"
    reason[a.isna()] = "missing actual"
    reason[p <= 0] = "zero plan"
    reason[p < 0] = "negative plan"
    reason[p.isna()] = "missing plan"
    keep = reason == ""
    dropped = pd.DataFrame({label: d.loc[~keep, label], "plan": p[~keep], "actual": a[~keep],
                            "reason": reason[~keep]}).reset_index(drop=True)
    x, y = np.log(p[keep].to_numpy()), np.log(a[keep].to_numpy())
    if len(x) < 3:
        raise ValueError(f"need at least 3 rows with positive plan and actual, got {len(x)}; dropped: "
                         f"{dropped['reason'].value_counts().to_dict()}")
    if np.ptp(x) == 0:
        raise ValueError("all plans are equal: the slope is not identified")
    import statsmodels.api as sm  # lazy: heavy import, only when fitting

    X = sm.add_constant(x)
    res = sm.OLS(y, X).fit()
    ci = res.conf_int(alpha=alpha)
    pred = res.get_prediction(X).summary_frame(alpha=alpha)
    fitted = pd.DataFrame({label: d.loc[keep, label].to_numpy(), "plan": p[keep].to_numpy(),
                           "actual": a[keep].to_numpy(), "log_plan": x, "log_actual": y,
                           "predicted": pred["mean"].to_numpy(), "lower": pred["obs_ci_lower"].to_numpy(),
                           "upper": pred["obs_ci_upper"].to_numpy()})
    fitted["outside"] = (fitted["log_actual"] < fitted["lower"]) | (fitted["log_actual"] > fitted["upper"])
    return ScalingFit(
        slope=float(res.params[1]), intercept=float(res.params[0]),
        slope_ci=(float(ci[1][0]), float(ci[1][1])), intercept_ci=(float(ci[0][0]), float(ci[0][1])),
        n=int(res.nobs), r2=float(res.rsquared), dropped=dropped,
        outside=fitted[fitted["outside"]].reset_index(drop=True), fitted=fitted,
    )
