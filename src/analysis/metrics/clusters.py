"""Business clusters (خوشه‌های کسب‌وکار): before/after indicators and status counts.

002 Table 27 (lines 2424-2439) compares the supported clusters' indicators
before the intervention with the end of 1401. :func:`changes` recomputes the
printed change; :func:`derived` adds per-firm ratios and new jobs. Read
:data:`CAVEAT` before reading any of it as an effect.

>>> t27 = pd.DataFrame({"indicator": ["firms", "jobs"], "unit": ["firm", "person"],
...                     "before": [118392, 1143471], "after": [139702, 1349295],
...                     "printed_change": [18, 18]})
>>> changes(t27)[["indicator", "abs_change", "change_pct", "verdict"]].round(2)
  indicator  abs_change  change_pct verdict
0     firms       21310        18.0      ok
1      jobs      205824        18.0      ok
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.core import provinces
from analysis.metrics.planactual import _require  # one frame-and-columns check for the library

CAVEAT = (
    "A before/after comparison of the clusters that the programme supported: there is no control "
    "group of unsupported clusters, the interval spans several years (from each cluster's entry to "
    "the end of 1401), and money is in nominal rials of different years (Iranian inflation was "
    "30-45 % a year). The changes describe the supported clusters; they are not a causal effect of "
    "the programme."
)

#: Allowed cluster statuses in a long frame, in display order.
STATUSES = ("started", "running", "finished")

CHANGE_VERDICTS = ("ok", "rounding", "discrepancy", "undefined", "not printed")




def changes(df: pd.DataFrame, before: str = "before", after: str = "after",
            printed: str = "printed_change", unit: str = "unit") -> pd.DataFrame:
    """Absolute and percentage change, and the printed change checked with the audit's rule.

    ``change_pct = 100 * (after - before) / before``; a zero or missing ``before`` gives NaN
    with ``verdict = 'undefined'``. When the frame has a ``printed`` column, ``diff_pp =
    change_pct - printed`` and ``verdict`` is the audit's (:func:`analysis.sources.audit.judge`):
    the printed figures stand for intervals (half a unit of their last printed digit; a count,
    by the ``unit`` column, is exact), and the printed change is ``'ok'`` when the recomputation
    rounds to it, ``'rounding'`` when the intervals overlap, ``'discrepancy'`` only when they do
    not; ``'not printed'`` where the printed cell is empty. ``change_low``/``change_high`` give
    the interval of the recomputed change.

    Examples
    --------
    002 line 2426 (networks 235 -> 566, counts, printed 140 %: 140.85 % truncated) and
    line 2437 (exports 2.1 -> 2.2 billion dollars, printed 6 %: 4.8 %, but from rounded
    inputs anything from 0 % to 9.8 %):

    >>> t = pd.DataFrame({"indicator": ["networks", "exports"], "before": [235, 2.1],
    ...                   "after": [566, 2.2], "printed_change": [140, 6],
    ...                   "unit": ["network", "billion US dollars"]})
    >>> changes(t)[["change_pct", "change_low", "change_high", "verdict"]].round(2)
       change_pct  change_low  change_high      verdict
    0      140.85      140.85       140.85  discrepancy
    1        4.76        0.00         9.76     rounding
    """
    from analysis.sources.audit import figure, judge, rounded

    _require(df, [before, after])
    out = df.copy()
    b = pd.to_numeric(out[before], errors="raise").astype(float)
    a = pd.to_numeric(out[after], errors="raise").astype(float)
    out["abs_change"] = a - b
    ok = b.notna() & a.notna() & (b != 0)
    out["change_pct"] = (100.0 * (a - b) / b.where(ok)).where(ok)
    units = out[unit] if unit in out.columns else pd.Series("", index=out.index)
    low, high, verdict = [], [], []
    p = pd.to_numeric(out[printed], errors="raise").astype(float) if printed in out.columns else None
    for i in out.index:
        if not ok[i]:
            low.append(np.nan), high.append(np.nan), verdict.append("undefined")
            continue
        read = (lambda x, u=units[i]: figure(x, u)) if units[i] else rounded  # no unit: a rounded measure
        change = 100 * (read(df.at[i, after]) / read(df.at[i, before]) - 1)
        low.append(change.low), high.append(change.high)
        if p is None or pd.isna(p[i]):
            verdict.append("not printed")
        else:
            verdict.append(judge(rounded(df.at[i, printed]), change))
    out["change_low"], out["change_high"] = low, high
    if p is not None:
        out["diff_pp"] = out["change_pct"] - p
    verdict = pd.Series(verdict, index=out.index, dtype=object)
    verdict[~ok] = "undefined"
    out["verdict"] = verdict
    # keep the abs change integer-looking when inputs were integers
    if pd.api.types.is_integer_dtype(df[before]) and pd.api.types.is_integer_dtype(df[after]):
        out["abs_change"] = out["abs_change"].astype("int64")
    return out


def derived(df: pd.DataFrame, firms: str, jobs: str | None = None, sales: str | None = None,
            exports: str | None = None, indicator: str = "indicator", before: str = "before",
            after: str = "after", unit: str = "unit") -> pd.DataFrame:
    """Per-firm ratios and new jobs from a before/after indicator frame.

    Parameters
    ----------
    df : DataFrame
        Columns ``indicator``, ``before``, ``after`` and optionally ``unit``.
    firms, jobs, sales, exports : str
        The ``indicator`` labels of the number of firms, jobs, sales and exports
        (``firms`` required; the others optional).

    Returns
    -------
    DataFrame
        One row per derived quantity: ``quantity``, ``unit``, ``before``,
        ``after``, ``abs_change``, ``change_pct``. Quantities: ``jobs per firm``,
        ``sales per firm``, ``exports per firm`` (unit: the indicator's unit
        ``per firm``) and ``new jobs`` (``after - before`` of jobs). Money is
        nominal; see :data:`CAVEAT`.

    Raises
    ------
    KeyError
        A named indicator is not in the frame (the message lists those present).
    ValueError
        An indicator appears more than once, or firms are zero.

    Examples
    --------
    002 lines 2424 and 2435:

    >>> t = pd.DataFrame({"indicator": ["firms", "jobs"], "unit": ["firms", "persons"],
    ...                   "before": [118392, 1143471], "after": [139702, 1349295]})
    >>> derived(t, firms="firms", jobs="jobs")[["quantity", "before", "after"]].round(3)
            quantity      before      after
    0  jobs per firm       9.658      9.658
    1       new jobs       0.000  205824.000
    """
    _require(df, [indicator, before, after])
    present = list(df[indicator])

    def row(label: str) -> pd.Series:
        hits = df[df[indicator] == label]
        if hits.empty:
            raise KeyError(f"indicator {label!r} not in frame; indicators are {present}")
        if len(hits) > 1:
            raise ValueError(f"indicator {label!r} appears {len(hits)} times")
        return hits.iloc[0]

    f = row(firms)
    fb, fa = float(f[before]), float(f[after])
    if fb == 0 or fa == 0:
        raise ValueError(f"number of firms is zero (before {fb:g}, after {fa:g}): per-firm ratios undefined")
    rows = []
    for name, label in (("jobs per firm", jobs), ("sales per firm", sales), ("exports per firm", exports)):
        if label is None:
            continue
        r = row(label)
        u = r[unit] if unit in df.columns else None
        rows.append({"quantity": name, "unit": f"{u} per firm" if u else "per firm",
                     "before": float(r[before]) / fb, "after": float(r[after]) / fa})
    if jobs is not None:
        r = row(jobs)
        rows.append({"quantity": "new jobs", "unit": r[unit] if unit in df.columns else None,
                     "before": 0.0, "after": float(r[after]) - float(r[before])})
    out = pd.DataFrame(rows, columns=["quantity", "unit", "before", "after"])
    out["abs_change"] = out["after"] - out["before"]
    per = out["quantity"] != "new jobs"
    out["change_pct"] = np.where(per, 100.0 * (out["after"] - out["before"]) / out["before"].where(per), np.nan)
    return out


def status_counts(df: pd.DataFrame, province: str = "province", status: str = "status",
                  cluster: str = "cluster_name") -> pd.DataFrame:
    """Clusters per province and status (started / running / finished).

    Counts distinct cluster names per province and status (a cluster listed
    twice under the same status counts once). Columns: the three
    :data:`STATUSES` (always present, zero-filled) and ``total`` (their sum: a
    cluster listed under two statuses counts in both); one row per
    province that appears, in registry order.

    Raises
    ------
    ValueError
        A status outside :data:`STATUSES`, or a missing cluster name.
    analysis.core.provinces.UnknownProvinceError
        A province that is not a registry key.

    Examples
    --------
    >>> long = pd.DataFrame({"province": ["Khuzestan", "Khuzestan", "Ilam", "Khuzestan"],
    ...                      "status": ["running", "finished", "running", "running"],
    ...                      "cluster_name": ["date palm", "leather", "honey", "date palm"]})
    >>> status_counts(long)
                started  running  finished  total
    province
    Ilam              0        1         0      1
    Khuzestan         0        1         1      2
    """
    _require(df, [province, status, cluster])
    bad = sorted({str(s) for s in df[status] if s not in STATUSES})
    if bad:
        raise ValueError(f"unknown cluster status(es) {bad}; valid: {list(STATUSES)}")
    if df[cluster].isna().any():
        raise ValueError(f"missing cluster name in rows {list(df.index[df[cluster].isna()])}")
    for p in df[province].unique():
        provinces.validate_key(p)
    d = df.drop_duplicates([province, status, cluster])
    table = pd.crosstab(d[province], d[status]).reindex(columns=list(STATUSES), fill_value=0)
    order = [k for k in provinces.keys() if k in table.index]
    table = table.reindex(order).astype(int)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    table.index.name = province
    return table
