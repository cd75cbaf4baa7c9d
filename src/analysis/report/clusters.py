"""Chapter "Industrial clusters · خوشه‌های صنعتی" (notebooks/04_clusters.md).

Everything the chapter shows is computed here: ISIPO's 1401 cluster programme
plan vs actual (002 Table 26, lines 2373-2393), the before/after indicators of
the 183 supported clusters (Table 27, lines 2416-2439) through
:func:`analysis.metrics.clusters.changes` and :func:`analysis.metrics.clusters.derived`, a
deflated view of the one money indicator under stated assumptions, and the
clusters by province (Tables 29-32, lines 2628-3030).

>>> round(float(programme_frame().loc[0, "ratio"]), 4)  # Table 26 row 1: 8 of 9 map updates
0.8889
"""
from __future__ import annotations

import pandas as pd

from analysis.core.provinces import get, keys
from analysis.core.text import bi, en, pair
from analysis.metrics import clusters, prices
from analysis.report import figures
from analysis.report.display import DASH, Table, num, pct
from analysis.sources.datasets import load

#: Indicator labels of Table 27 (``indicator_en``) used by :func:`analysis.metrics.clusters.derived`.
FIRMS = "Firms in supported clusters"
JOBS = "Employment in supported clusters"
SALES = "Total sales of cluster products"
EXPORTS = "Exports of supported firms"

#: 002 line 2402: cluster development takes "generally 3 to 5 years" (۳ تا ۵ سال) before results show.
RESULT_LAG_YEARS = (3, 5)
#: Jalali year of the "after" values (end of 1401, Table 27 caption line 2416).
AFTER_YEAR = 1401
#: Jalali years tried for the unknown "before" year in the deflated view.
SCENARIO_YEARS = tuple(range(1396, 1401))

#: Table 30-32 status columns in display order, with their label keys.
STATUS_COLUMNS = {"running_1401": "cl_running", "completed_total": "cl_completed_total",
                  "completed_1401": "cl_completed_1401", "started_1401": "cl_started_1401"}


# --------------------------------------------------------------------------- Table 26
def programme_frame() -> pd.DataFrame:
    """Table 26 with the achievement ratio recomputed (``actual / plan``, uncapped).

    Columns of ``cluster_programme`` plus ``ratio`` and ``pct_recomputed``
    (rounded to whole percent as printed) and ``matches`` (recomputed == printed).
    """
    df = load("cluster_programme").copy()
    df["ratio"] = df["actual"].astype(float) / df["plan"].astype(float).where(df["plan"] > 0)
    df["pct_recomputed"] = (100 * df["ratio"]).round(0)
    df["matches"] = df["pct_recomputed"] == df["pct_printed"].astype(float)
    return df


def programme_table() -> Table:
    df = programme_frame()
    out = pd.DataFrame({
        bi("indicator"): [pair(e, f) for e, f in zip(df.item_en, df.item_fa)],
        bi("unit"): [pair(e, f) for e, f in zip(df.unit_en, df.unit_fa)],
        bi("plan"): [num(v) for v in df.plan], bi("actual"): [num(v) for v in df.actual],
        bi("ratio"): [pct(r) for r in df.ratio],
        bi("cl_printed_pct"): [f"{int(v)} %" for v in df.pct_printed],
    })
    return Table(out, caption=f"{en('cl_t26_title')}. Source: 002, Table 26 (lines 2373–2393).")


# --------------------------------------------------------------------------- Table 27
def indicator_changes() -> pd.DataFrame:
    """Table 27 through :func:`analysis.metrics.clusters.changes` (printed change checked to whole percent)."""
    df = load("cluster_indicators").rename(columns={"indicator_en": "indicator"})
    return clusters.changes(df, printed="change_pct_printed", decimals=0)


_VERDICT_EN = {"ok": "matches", "rounding": "truncated (within 1 point)", "discrepancy": "differs",
               "undefined": "undefined", "not printed": "not printed"}


def changes_table() -> Table:
    c = indicator_changes()
    dec = {"billion US dollars": 1}
    out = pd.DataFrame({
        bi("indicator"): [pair(e, f) for e, f in zip(c.indicator, c.indicator_fa)],
        bi("unit"): list(c.unit),
        bi("cl_before"): [num(b, dec.get(u, 0)) for b, u in zip(c.before, c.unit)],
        bi("cl_after"): [num(a, dec.get(u, 0)) for a, u in zip(c.after, c.unit)],
        bi("cl_abs_change"): [num(a, dec.get(u, 0)) for a, u in zip(c.abs_change, c.unit)],
        bi("cl_change_pct"): [pct(v / 100) for v in c.change_pct],
        bi("cl_printed_change"): [f"{int(v)} %" for v in c.change_pct_printed],
        bi("cl_verdict"): [_VERDICT_EN[v] for v in c.verdict],
    })
    return Table(out, caption=f"{en('cl_t27_title')}. Source: 002, Table 27 (lines 2416–2439). "
                              f"{clusters.CAVEAT}")


def derived_frame() -> pd.DataFrame:
    """Per-firm ratios and new jobs (:func:`analysis.metrics.clusters.derived` on Table 27)."""
    df = load("cluster_indicators").rename(columns={"indicator_en": "indicator"})
    return clusters.derived(df, firms=FIRMS, jobs=JOBS, sales=SALES, exports=EXPORTS)


def derived_table() -> Table:
    d = derived_frame()
    scale = {"jobs per firm": (1, "persons per firm", 2),
             "sales per firm": (1e3, "million rials per firm (nominal)", 1),
             "exports per firm": (1e6, "thousand US dollars per firm", 1),
             "new jobs": (1, "persons", 0)}
    rows = []
    for _, r in d.iterrows():
        f, unit, dec = scale[r.quantity]
        rows.append({bi("cl_quantity"): r.quantity, bi("unit"): unit,
                     bi("cl_before"): num(r.before * f, dec) if r.quantity != "new jobs" else DASH,
                     bi("cl_after"): num(r.after * f, dec),
                     bi("cl_change_pct"): pct(r.change_pct / 100)})
    return Table(pd.DataFrame(rows), caption=f"{en('cl_derived_title')}. Computed from 002, Table 27. "
                                             "Money is nominal; see the caveat above.")


# --------------------------------------------------------------------------- deflated view
def sales_deflated(years=SCENARIO_YEARS, series: str = "cpi") -> pd.DataFrame:
    """Real change of cluster sales if the "before" value was of Jalali year ``Y``.

    Table 27 does not say in which year each cluster's "before" value was
    measured (each cluster entered the programme in a different year). The
    frame shows, for each assumed year ``Y``, the before value in 1401 prices
    (World Bank CPI, Jalali ``Y`` -> Gregorian ``Y + 621``, see
    :data:`analysis.metrics.prices.APPROXIMATION`) and the real change to 1401.

    Returns
    -------
    DataFrame
        ``year_jalali``, ``year_gregorian``, ``before_nominal``,
        ``before_real`` (billion rials of 1401), ``after``, ``real_change_pct``.

    Examples
    --------
    >>> s = sales_deflated([1401])
    >>> round(float(s.real_change_pct.iloc[0]), 1)  # same year: nominal change 2595/1718 - 1
    51.0
    """
    t = load("cluster_indicators").set_index("indicator_en")
    before, after = float(t.loc[SALES, "before"]), float(t.loc[SALES, "after"])
    inf = prices.load_inflation()[prices.SERIES[series]]
    base = prices.jalali_to_gregorian_year(AFTER_YEAR)
    idx = prices.price_index(inf, base_year=base)
    ys = list(years)
    greg = prices.jalali_to_gregorian_year(ys)
    real = prices.deflate([before] * len(ys), greg, idx, base_year=base)
    out = pd.DataFrame({"year_jalali": ys, "year_gregorian": greg, "before_nominal": before,
                        "before_real": real.to_numpy(), "after": after})
    out["real_change_pct"] = 100 * (out["after"] / out["before_real"] - 1)
    return out


def deflated_table() -> Table:
    s = sales_deflated()
    out = pd.DataFrame({
        bi("cl_assumed_year"): [f"{y} (≈ {g})" for y, g in zip(s.year_jalali, s.year_gregorian)],
        bi("cl_before_nominal"): [num(v) for v in s.before_nominal],
        bi("cl_before_real"): [num(v) for v in s.before_real],
        bi("cl_after"): [num(v) for v in s.after],
        bi("cl_real_change"): [pct(v / 100) for v in s.real_change_pct],
    })
    return Table(out, caption=f"{en('cl_deflated_title')}. Billion rials; before values in 1401 prices with "
                              "the World Bank CPI (FP.CPI.TOTL.ZG). " + prices.APPROXIMATION)


# --------------------------------------------------------------------------- by province
def province_counts() -> pd.DataFrame:
    """Printed counts per province (registry order): running, completed (all years),
    completed in 1401 (Table 30), started in 1401 (Table 31), feasibility studies
    completed in 1401 (Table 29), and whether the Table 30 row is flagged.
    Provinces absent from Tables 29/31 count 0 (those tables list only provinces
    with at least one)."""
    t30 = load("cluster_projects_by_province")
    t30 = t30[t30.row_kind == "province"].set_index("province")
    t31 = load("cluster_projects_started")
    t31 = t31[t31.row_kind == "province"].set_index("province")
    t29 = load("cluster_feasibility_by_province").set_index("province")
    out = pd.DataFrame(index=pd.Index(keys(), name="province"))
    out["running"] = t30["running"].astype(float)
    out["completed_total"] = t30["completed_total"].astype(float)
    out["completed_1401"] = t30["completed_1401"].astype(float)
    out["started_1401"] = t31["started_1401"].reindex(out.index).fillna(0).astype(float)
    out["feasibility_1401"] = t29["studies_completed"].reindex(out.index).fillna(0).astype(float)
    out["flag"] = t30["flag"].reindex(out.index)
    return out


def province_totals() -> dict:
    """Column sums of :func:`province_counts` beside the printed totals (Tables 30, 31)."""
    c = province_counts()
    t30 = load("cluster_projects_by_province")
    tot30 = t30[t30.row_kind == "total"].iloc[0]
    t31 = load("cluster_projects_started")
    tot31 = t31[t31.row_kind == "total"].iloc[0]
    t32 = load("cluster_projects_completed_1401")
    return {
        "running_sum": int(c.running.sum()), "running_printed": int(tot30.running),
        "completed_sum": int(c.completed_total.sum()), "completed_printed": int(tot30.completed_total),
        "completed_1401_sum": int(c.completed_1401.sum()), "completed_1401_printed": int(tot30.completed_1401),
        "completed_1401_t32": int(t32[t32.row_kind == "total"].iloc[0].completed_1401),
        "started_sum": int(c.started_1401.sum()), "started_printed": int(tot31.started_1401),
        "feasibility_sum": int(c.feasibility_1401.sum()),
        "n_provinces_running": int((c.running > 0).sum()),
        "n_provinces_started": int((c.started_1401 > 0).sum()),
        "flagged": [(k, f) for k, f in c.flag.dropna().items()],
    }


def names_frame() -> pd.DataFrame:
    """Cluster names (Tables 30-32) per province and status, 'Persian (English)', '; '-joined.

    Table 32 repeats Table 30's completed-in-1401 column, so only Table 30/31 names are
    used. A flagged name is marked with an asterisk.
    """
    n = load("cluster_project_names")
    n = n[n["table"].isin(["30", "31"])]
    n = n.assign(text=[f"{fa} ({en_})" + (" *" if pd.notna(fl) else "")
                       for fa, en_, fl in zip(n.cluster_fa, n.cluster_en, n.flag)])
    wide = n.groupby(["province", "status"], sort=False)["text"].agg("; ".join).unstack("status")
    wide = wide.reindex(index=keys(), columns=list(STATUS_COLUMNS))
    return wide


def name_count_mismatches() -> pd.DataFrame:
    """Provinces where the number of names listed differs from the printed count.

    Uses :func:`analysis.metrics.clusters.status_counts` on the names (running -> running,
    completed (all years) -> finished, started 1401 -> started).
    """
    n = load("cluster_project_names")
    n = n[n["table"].isin(["30", "31"]) & n.status.isin(["running_1401", "completed_total", "started_1401"])]
    long = pd.DataFrame({"province": n.province.astype(str),
                         "status": n.status.map({"running_1401": "running", "completed_total": "finished",
                                                 "started_1401": "started"}),
                         "cluster_name": n.cluster_fa.astype(str)})
    named = clusters.status_counts(long).reindex(keys(), fill_value=0)
    c = province_counts()
    rows = []
    for status, col in (("running", "running"), ("finished", "completed_total"), ("started", "started_1401")):
        for k in keys():
            printed, listed = c.loc[k, col], named.loc[k, status]
            if pd.notna(printed) and int(printed) != int(listed):
                rows.append({"province": k, "status": status, "printed": int(printed), "names": int(listed)})
    return pd.DataFrame(rows, columns=["province", "status", "printed", "names"])


def names_table() -> Table:
    c = province_counts()
    w = names_frame()
    rows = []
    for k in keys():
        p = get(k)
        row = {bi("province"): pair(p.key, p.fa)}
        for status, key in STATUS_COLUMNS.items():
            count_col = {"running_1401": "running", "completed_total": "completed_total",
                         "completed_1401": "completed_1401", "started_1401": "started_1401"}[status]
            v = c.loc[k, count_col]
            names = w.loc[k, status] if pd.notna(w.loc[k, status]) else DASH
            mark = " *" if status == "running_1401" and "running" in str(c.loc[k, "flag"]) else ""
            row[bi(key)] = (f"{num(v)}{mark}: {names}" if names != DASH else f"{num(v)}{mark}")
        rows.append(row)
    return Table(pd.DataFrame(rows), caption=(
        f"{en('cl_names_title')}. Printed count, then the names as listed (Persian, English rendering). "
        "* = flagged in the data (see text). Source: 002, Tables 30–31 (lines 2671–3009)."))


def province_figure():
    """Counts by province: running, completed (all years), started in 1401, feasibility studies 1401."""
    figures.setup()
    import matplotlib.pyplot as plt
    import numpy as np

    c = province_counts()
    c = c.assign(_order=c.completed_total.fillna(0) + c.running.fillna(0)).sort_values("_order")
    labels = [pair(k, get(k).fa) for k in c.index]
    series = [("running", "cl_running", figures.PALETTE["actual"]),
              ("completed_total", "cl_completed_total", figures.PALETTE["plan"]),
              ("started_1401", "cl_started_1401", figures.PALETTE["highlight"]),
              ("feasibility_1401", "cl_feasibility_1401", figures.PALETTE["national"])]
    y = np.arange(len(c))
    h = 0.2
    fig, ax = plt.subplots(figsize=(7.5, 11))
    for i, (col, key, colour) in enumerate(series):
        ax.barh(y + (1.5 - i) * h, c[col].fillna(0), height=h, color=colour, label=bi(key))
    ax.set_yticks(y, labels)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("Clusters / studies · تعداد خوشه / مطالعه")
    ax.set_title("Cluster-development projects by province, 1401\nپروژه‌های توسعه خوشه‌ای به تفکیک استان")
    ax.legend(loc="upper center", bbox_to_anchor=(0.3, -0.06), ncol=1, frameon=False, fontsize=8)
    ax.set_ylim(-0.6, len(c) - 0.4)
    fig.tight_layout()
    plt.close(fig)
    return fig


def change_figure():
    """Percentage change per Table 27 indicator, recomputed vs printed."""
    figures.setup()
    import matplotlib.pyplot as plt
    import numpy as np

    c = indicator_changes()
    import textwrap

    labels = [f"{textwrap.shorten(e, 48, placeholder='…')}\n{f}" for e, f in zip(c.indicator, c.indicator_fa)]
    y = np.arange(len(c))
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    ax.barh(y + 0.2, c.change_pct, height=0.4, color=figures.PALETTE["actual"], label=bi("cl_change_pct"))
    ax.barh(y - 0.2, c.change_pct_printed.astype(float), height=0.4, color=figures.PALETTE["plan"],
            label=bi("cl_printed_change"))
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("Change to end of 1401 (%) · تغییر تا پایان ۱۴۰۱ (درصد)")
    ax.set_title("Supported clusters before vs after (no control group)\nخوشه‌های تحت حمایت، قبل و بعد از مداخله")
    ax.legend(loc="upper center", bbox_to_anchor=(0.3, -0.13), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- glue values
def values() -> dict[str, str]:
    """Every number the chapter's prose cites, formatted."""
    p = programme_frame()
    c = indicator_changes().set_index("indicator")
    d = derived_frame().set_index("quantity")
    s = sales_deflated()
    t = province_totals()
    mm = name_count_mismatches()
    v = {
        "cl_n_rows_t26": str(len(p)),
        "cl_n_over": str(int((p.ratio > 1).sum())),
        "cl_pct_match": f"{int(p.matches.sum())} of {len(p)}",
        "cl_running_plan": num(p.loc[p.row_no == 3, "plan"].iloc[0]),
        "cl_running_actual": num(p.loc[p.row_no == 3, "actual"].iloc[0]),
        "cl_firms_before": num(c.loc[FIRMS, "before"]), "cl_firms_after": num(c.loc[FIRMS, "after"]),
        "cl_firms_change": pct(c.loc[FIRMS, "change_pct"] / 100),
        "cl_jobs_before": num(c.loc[JOBS, "before"]), "cl_jobs_after": num(c.loc[JOBS, "after"]),
        "cl_jobs_change": pct(c.loc[JOBS, "change_pct"] / 100),
        "cl_new_jobs": num(d.loc["new jobs", "after"]),
        "cl_jobs_per_firm_before": num(d.loc["jobs per firm", "before"], 2),
        "cl_jobs_per_firm_after": num(d.loc["jobs per firm", "after"], 2),
        "cl_exports_before": num(c.loc[EXPORTS, "before"], 1), "cl_exports_after": num(c.loc[EXPORTS, "after"], 1),
        "cl_exports_change": pct(c.loc[EXPORTS, "change_pct"] / 100),
        "cl_exports_printed": f"{int(c.loc[EXPORTS, 'change_pct_printed'])} %",
        "cl_exports_per_firm_change": pct(d.loc["exports per firm", "change_pct"] / 100),
        "cl_sales_before": num(c.loc[SALES, "before"]), "cl_sales_after": num(c.loc[SALES, "after"]),
        "cl_sales_change": pct(c.loc[SALES, "change_pct"] / 100),
        "cl_sales_per_firm_before": num(d.loc["sales per firm", "before"] * 1e3, 1),
        "cl_networks_change": pct(c.loc["Networks in supported clusters", "change_pct"] / 100),
        "cl_networks_printed": f"{int(c.loc['Networks in supported clusters', 'change_pct_printed'])} %",
        "cl_n_discrepancy": str(int((c.verdict == "discrepancy").sum())),
        "cl_n_rounding": str(int((c.verdict == "rounding").sum())),
        "cl_lag_min": str(RESULT_LAG_YEARS[0]), "cl_lag_max": str(RESULT_LAG_YEARS[1]),
        "cl_scen_first": str(s.year_jalali.iloc[0]), "cl_scen_last": str(s.year_jalali.iloc[-1]),
        "cl_real_first": pct(s.real_change_pct.iloc[0] / 100),
        "cl_real_last": pct(s.real_change_pct.iloc[-1] / 100),
        "cl_real_1398": pct(s.set_index("year_jalali").loc[1398, "real_change_pct"] / 100),
        "cl_running_sum": str(t["running_sum"]), "cl_running_printed": str(t["running_printed"]),
        "cl_completed_sum": str(t["completed_sum"]), "cl_completed_1401": str(t["completed_1401_printed"]),
        "cl_started_sum": str(t["started_sum"]), "cl_feasibility_sum": str(t["feasibility_sum"]),
        "cl_n_prov_running": str(t["n_provinces_running"]), "cl_n_prov_started": str(t["n_provinces_started"]),
        "cl_flagged_provinces": ", ".join(k for k, _ in t["flagged"]) or DASH,
        "cl_mismatches": "; ".join(f"{r.province} ({r.status}: {r.printed} printed, {r.names} named)"
                                   for r in mm.itertuples()) or "none",
    }
    return v
