"""Chapter "Business clusters · خوشه‌های کسب‌وکار" (notebooks/04_clusters.md).

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
from analysis.core.text import bi, language, pair, stacked, t
from analysis.metrics import clusters, planactual, prices
from analysis.report import cite, figures
from analysis.report.display import DASH, Table, Traced, localise, num, pct, percent, plain
from analysis.report.numerals import persian_ticks
from analysis.sources.datasets import load

#: Table 27 indicators by their key: ``indicator_en`` in lower case, words joined by ``_``
#: (:func:`indicator_key`), as in the ``key`` column of :func:`indicator_changes`.
FIRMS = "firms_in_supported_clusters"
JOBS = "employment_in_supported_clusters"
SALES = "total_sales_of_cluster_products"
EXPORTS = "exports_of_supported_firms"
NETWORKS = "networks_in_supported_clusters"

#: 002 line 2402: cluster development takes "generally 3 to 5 years" (۳ تا ۵ سال) before results show.
RESULT_LAG_YEARS = (3, 5)
#: Jalali year of the "after" values (end of 1401, Table 27 caption line 2416).
AFTER_YEAR = 1401
#: Jalali years tried for the unknown "before" year in the deflated view.
SCENARIO_YEARS = tuple(range(1396, 1401))
#: The assumed year the prose quotes between the first and the last of :data:`SCENARIO_YEARS`.
MID_YEAR = 1398

#: Table 30-32 status columns in display order, with their text keys.
STATUS_COLUMNS = {"running_1401": "clusters.running", "completed_total": "clusters.completed_total",
                  "completed_1401": "clusters.completed_1401", "started_1401": "clusters.started_1401"}


# --------------------------------------------------------------------------- words
# the edition's forms of labels, names and figure titles (analysis.core.text)
_label, _name, _title = bi, pair, stacked


def _province(key: str) -> str:
    """A province's name in the edition's language."""
    return key if language() == "en" else get(key).fa


def _slug(word: str) -> str:
    """``'Billion US dollars'`` -> ``'billion_us_dollars'``: a key made of a data label."""
    return "_".join(str(word).lower().split())


indicator_key = _slug


def _join(items, sep: str = "clusters.list_sep") -> str:
    """Items joined by the language's list separator (``;`` or ``؛``) and a space."""
    return f"{t(sep)} ".join(items)


# --------------------------------------------------------------------------- Table 26
def programme_frame() -> pd.DataFrame:
    """Table 26 with the achievement ratio recomputed by :func:`analysis.metrics.planactual.achievement`
    (``actual / plan``, uncapped).

    Columns of ``cluster_programme`` plus ``ratio``, ``pct`` and ``status`` (from
    ``achievement``), ``pct_recomputed`` (rounded to whole percent as printed) and
    ``matches`` (recomputed == printed).
    """
    df = planactual.achievement(load("cluster_programme"))
    df["pct_recomputed"] = df["pct"].round(0)
    df["matches"] = df["pct_recomputed"] == df["pct_printed"].astype(float)
    return df


def programme_table() -> Table:
    df = programme_frame()
    out = pd.DataFrame({
        _label("indicator"): [_name(e, f) for e, f in zip(df.item_en, df.item_fa)],
        _label("unit"): [_name(e, f) for e, f in zip(df.unit_en, df.unit_fa)],
        _label("plan"): [num(v) for v in df.plan], _label("actual"): [num(v) for v in df.actual],
        _label("ratio"): [pct(r) for r in df.ratio],
        _label("clusters.printed_pct"): [percent(int(v)) for v in df.pct_printed],
    })
    return Table(out, caption=t("clusters.t26_caption"), cite=cite.rows("cluster_programme", df))


# --------------------------------------------------------------------------- Table 27
def indicator_changes() -> pd.DataFrame:
    """Table 27 through :func:`analysis.metrics.clusters.changes` (printed change checked to whole percent).

    ``indicator`` is the English label, ``key`` its :func:`indicator_key` (:data:`FIRMS` ...).
    """
    df = load("cluster_indicators").rename(columns={"indicator_en": "indicator"})
    df["key"] = df["indicator"].map(indicator_key)
    return clusters.changes(df, printed="change_pct_printed")


def changes_table() -> Table:
    c = indicator_changes()
    dec = {"billion_us_dollars": 1}  # decimals by unit key; 0 otherwise
    c = c.assign(unit_key=c.unit.map(_slug))
    out = pd.DataFrame({
        _label("indicator"): [_name(e, f) for e, f in zip(c.indicator, c.indicator_fa)],
        _label("unit"): [t(f"clusters.unit_{u}") for u in c.unit_key],
        _label("clusters.before"): [num(b, dec.get(u, 0)) for b, u in zip(c.before, c.unit_key)],
        _label("clusters.after"): [num(a, dec.get(u, 0)) for a, u in zip(c.after, c.unit_key)],
        _label("clusters.abs_change"): [num(a, dec.get(u, 0)) for a, u in zip(c.abs_change, c.unit_key)],
        _label("clusters.change_pct"): [pct(v / 100) for v in c.change_pct],
        _label("clusters.printed_change"): [percent(int(v)) for v in c.change_pct_printed],
        _label("clusters.verdict"): [t(f"clusters.verdict_{_slug(v)}") for v in c.verdict],
    })
    return Table(out, caption=t("clusters.t27_caption", caveat=t("clusters.caveat")),
                 cite=cite.rows("cluster_indicators", c))


def derived_frame() -> pd.DataFrame:
    """Per-firm ratios and new jobs (:func:`analysis.metrics.clusters.derived` on Table 27).

    ``quantity`` as the metric names it (``jobs per firm`` ...), ``key`` the same with ``_``.
    """
    df = load("cluster_indicators")
    df = df.assign(indicator=df["indicator_en"].map(indicator_key))
    d = clusters.derived(df, firms=FIRMS, jobs=JOBS, sales=SALES, exports=EXPORTS)
    d.insert(1, "key", d["quantity"].map(_slug))
    return d


def derived_table() -> Table:
    d = derived_frame()
    # scale of each quantity to its displayed unit (text key clusters.u_<quantity>), decimals
    scale = {"jobs_per_firm": (1, 2),        # persons per firm
             "sales_per_firm": (1e3, 1),     # billion rials -> million rials per firm
             "exports_per_firm": (1e6, 1),   # billion US dollars -> thousand US dollars per firm
             "new_jobs": (1, 0)}             # persons
    rows = []
    for _, r in d.iterrows():
        f, dec = scale[r.key]
        rows.append({_label("clusters.quantity"): t(f"clusters.q_{r.key}"), _label("unit"): t(f"clusters.u_{r.key}"),
                     _label("clusters.before"): num(r.before * f, dec) if r.key != "new_jobs" else DASH,
                     _label("clusters.after"): num(r.after * f, dec),
                     _label("clusters.change_pct"): pct(r.change_pct / 100)})
    t27 = load("cluster_indicators")
    rows_of = dict(zip(t27["indicator_en"].map(indicator_key), cite.rows("cluster_indicators", t27)))
    used = {"jobs_per_firm": (JOBS, FIRMS), "sales_per_firm": (SALES, FIRMS), "exports_per_firm": (EXPORTS, FIRMS),
            "new_jobs": (JOBS,)}
    cites = [cite.computed("derived_from", what=t(f"clusters.q_{r.key}"),
                           cites=cite.join(*(rows_of[k] for k in used[r.key])).short) for _, r in d.iterrows()]
    return Table(pd.DataFrame(rows), caption=t("clusters.derived_caption"), cite=cites)


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
    t27 = load("cluster_indicators")
    t27 = t27.set_index(t27["indicator_en"].map(indicator_key))
    before, after = float(t27.loc[SALES, "before"]), float(t27.loc[SALES, "after"])
    inf = prices.load_inflation()[prices.SERIES[series]]
    base = prices.jalali_to_gregorian_year(AFTER_YEAR)
    idx = prices.price_index(inf, base_year=base)
    ys = list(years)
    greg = prices.jalali_to_gregorian_year(ys)
    real = prices.deflate([before] * len(ys), greg, idx, base_year=base)
    out = pd.DataFrame({"year_jalali": ys, "year_gregorian": greg, "before_nominal": before,
                        "before_real": real.to_numpy(), "after": after})
    out["real_change_pct"] = clusters.changes(out, before="before_real", after="after")["change_pct"]
    return out


def deflated_table() -> Table:
    s = sales_deflated()
    out = pd.DataFrame({
        _label("clusters.assumed_year"): [localise(f"{y} (≈ {g})") for y, g in zip(s.year_jalali, s.year_gregorian)],
        _label("clusters.before_nominal"): [num(v) for v in s.before_nominal],
        _label("clusters.before_real"): [num(v) for v in s.before_real],
        _label("clusters.after"): [num(v) for v in s.after],
        _label("clusters.real_change"): [pct(v / 100) for v in s.real_change_pct],
    })
    t27 = load("cluster_indicators")
    sales = cite.source("cluster_indicators", t27[t27["indicator_en"].map(indicator_key) == SALES].iloc[0])
    cites = [cite.computed("deflated_from", cite=sales.short, year=y, deflator="iran_inflation") for y in s.year_jalali]
    return Table(out, caption=t("clusters.deflated_caption", offset=plain(prices.JALALI_OFFSET)), cite=cites)


# --------------------------------------------------------------------------- by province
def province_counts() -> pd.DataFrame:
    """Printed counts per province (registry order): running, completed (all years),
    completed in 1401 (Table 30), started in 1401 (Table 31), feasibility studies
    completed in 1401 (Table 29), and whether the Table 30 row is flagged.
    Provinces absent from Tables 29/31 count 0 (those tables list only provinces
    with at least one)."""
    t30 = planactual.province_rows(load("cluster_projects_by_province")).set_index("province")
    t31 = planactual.province_rows(load("cluster_projects_started")).set_index("province")
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
    """Cluster names (Tables 30-32) per province and status, 'Persian (English)' (Persian
    alone in the Persian edition), joined by the list separator.

    Table 32 repeats Table 30's completed-in-1401 column, so only Table 30/31 names are
    used. A flagged name is marked with an asterisk.
    """
    n = load("cluster_project_names")
    n = n[n["table"].isin(["30", "31"])]
    english = language() == "en"
    n = n.assign(text=[(f"{name_fa} ({name_en})" if english else name_fa) + (" *" if pd.notna(fl) else "")
                       for name_fa, name_en, fl in zip(n.cluster_fa, n.cluster_en, n.flag)])
    wide = n.groupby(["province", "status"], sort=False)["text"].agg(_join).unstack("status")
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
        row = {_label("province"): _name(p.key, p.fa)}
        for status, key in STATUS_COLUMNS.items():
            count_col = {"running_1401": "running", "completed_total": "completed_total",
                         "completed_1401": "completed_1401", "started_1401": "started_1401"}[status]
            v = c.loc[k, count_col]
            names = w.loc[k, status] if pd.notna(w.loc[k, status]) else DASH
            mark = " *" if status == "running_1401" and "running" in str(c.loc[k, "flag"]) else ""
            row[_label(key)] = (f"{num(v)}{mark}: {names}" if names != DASH else f"{num(v)}{mark}")
        rows.append(row)
    return Table(pd.DataFrame(rows), caption=t("clusters.names_caption"), cite=[_names_cite(k) for k in keys()])


def _names_cite(key: str) -> cite.Cite:
    """A province's row of the names table: its Table 30 row (counts), its Table 31 row where it has
    one, and the lines of its names (Tables 30-31)."""
    parts = [cite.province_or_absent("cluster_projects_by_province", key)]
    t31 = planactual.province_rows(load("cluster_projects_started"))
    if (t31["province"] == key).any():
        parts.append(cite.province("cluster_projects_started", key))
    return cite.join(*parts)


#: Width (inches), resolution, text size (points) and the most height per width of the chapter's
#: bar charts: 9.6 points on a 5-inch figure shows about 9.1 pixels high on a phone.
FIG_WIDTH, FIG_DPI, FIG_TEXT, MAX_ASPECT = 5.0, 150, 9.6, 1.15


def _fit(label: str, width_px: float) -> str:
    """:func:`analysis.report.figures.fit_label` at this chapter's text size."""
    return figures.fit_label(label, width_px, FIG_TEXT, FIG_DPI)


def province_figure():
    """Counts by province: running, completed (all years), started in 1401, feasibility studies
    1401, as four small panels sharing the province names (most clusters and studies at the top).
    Sized for a phone and one printed page (:data:`FIG_WIDTH`, :data:`FIG_TEXT`, :data:`MAX_ASPECT`)."""
    figures.setup()
    import matplotlib.pyplot as plt
    import numpy as np

    c = province_counts()
    c = c.assign(_order=c.completed_total.fillna(0) + c.running.fillna(0)).sort_values("_order", ascending=False, kind="stable")
    rtl = figures.mirrored()
    # one name per row, in the edition's language (both names in the chapter's tables)
    labels = [get(k).fa if rtl else get(k).key for k in c.index]
    series = [("running", "clusters.running", figures.PALETTE["actual"]),
              ("completed_total", "clusters.completed_total", figures.PALETTE["plan"]),
              ("started_1401", "clusters.started_1401", figures.PALETTE["highlight"]),
              ("feasibility_1401", "clusters.feasibility_1401", figures.PALETTE["national"])]
    names_w = max(figures.text_width(x, FIG_TEXT, FIG_DPI) for x in labels) / FIG_DPI + 0.08
    width = FIG_WIDTH - 0.15 - names_w
    gap = 0.16
    panel_w = (width - 3 * gap) / 4
    height = 5.35  # 31 rows of names about 10 points apart, the panels' titles above
    fig, axes = plt.subplots(1, 4, figsize=(FIG_WIDTH, height), dpi=FIG_DPI, sharey=True)
    top, bottom = height - 0.62, 0.42
    y = np.arange(len(c))
    order = list(range(4))[::-1] if rtl else list(range(4))
    for pos, (col, key, colour) in zip(order, series):
        ax = axes[pos]
        x0 = (0.05 + pos * (panel_w + gap)) if rtl else (0.05 + names_w + pos * (panel_w + gap))
        ax.set_position((x0 / FIG_WIDTH, bottom / height, panel_w / FIG_WIDTH, (top - bottom) / height))
        ax.barh(y, c[col].fillna(0), height=0.7, color=colour)
        ax.set_title(figures.wrap_to_width(t(key), panel_w * FIG_DPI * 1.1, FIG_TEXT, FIG_DPI), fontsize=FIG_TEXT, pad=3,
                     linespacing=1.05, va="bottom")
        hi = max(1.0, float(c[col].max()))
        ax.set_xlim(0, hi * 1.08)
        ax.set_xticks([0, int(hi)])
        ax.tick_params(axis="x", labelsize=FIG_TEXT, pad=2)
        ax.tick_params(axis="y", labelsize=FIG_TEXT, length=0, pad=2)
        ax.grid(axis="y", visible=False)
        ax.set_ylim(len(c) - 0.5, -0.5)
    axes[3 if rtl else 0].set_yticks(y, labels)
    for pos in range(4):
        figures.mirror(axes[pos])
        persian_ticks(axes[pos])
        names = pos == (3 if rtl else 0)  # the names beside the first panel in reading order
        axes[pos].tick_params(axis="y", labelleft=names and not rtl, labelright=names and rtl)
    plt.close(fig)
    return fig


def change_figure():
    """Percentage change per Table 27 indicator, recomputed vs printed: one pair of bars per
    indicator, its name written whole above them (wrapped, never cut). Sized for a phone and one
    printed page (:data:`FIG_WIDTH`, :data:`FIG_TEXT`, :data:`MAX_ASPECT`)."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.transforms import blended_transform_factory

    c = indicator_changes()
    rtl = figures.mirrored()
    text_px = FIG_WIDTH * FIG_DPI * 0.95
    labels = [_fit(f if rtl else pair(e, f), text_px) for e, f in zip(c.indicator, c.indicator_fa)]
    line_in = FIG_TEXT * 1.2 / 72
    rows, y = [], 0.0
    for lab in labels:
        n = lab.count("\n") + 1
        rows.append((y, n, lab))
        y += n + 2 * 0.85 + 0.35
    top_in, bottom_in = 0.55, 1.2  # the title; the axis, its label and the legend
    body = y * line_in
    h = body + top_in + bottom_in
    fig = plt.figure(figsize=(FIG_WIDTH, h), dpi=FIG_DPI)
    ax = fig.add_axes((0.03, bottom_in / h, 0.94, body / h))
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    x_text, ha = (1.0, "right") if rtl else (0.0, "left")
    for i, (top, n, lab) in enumerate(rows):
        ax.text(x_text, top + n / 2, lab, transform=trans, fontsize=FIG_TEXT, va="center", ha=ha, linespacing=1.05)
        b1, b2 = top + n + 0.45, top + n + 0.45 + 0.85
        ax.barh(b1, c.change_pct.iloc[i], height=0.8, color=figures.PALETTE["actual"],
                label=_label("clusters.change_pct") if i == 0 else None)
        ax.barh(b2, float(c.change_pct_printed.iloc[i]), height=0.8, color=figures.PALETTE["plan"],
                label=_label("clusters.printed_change") if i == 0 else None)
    ax.set_ylim(y, 0)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="x", labelsize=FIG_TEXT, pad=2)
    ax.set_xlabel(_label("clusters.fig_change_x"), fontsize=FIG_TEXT, labelpad=2)
    ax.set_title(_fit(_label("clusters.fig_change_title"), text_px), fontsize=FIG_TEXT, pad=4)
    figures.mirror(ax)  # Persian: names from the right, bars growing leftwards
    persian_ticks(ax)
    fig.legend(loc="lower center", ncol=1, frameon=False, fontsize=FIG_TEXT, bbox_to_anchor=(0.5, 0.0),
               handlelength=1.5, borderaxespad=0.1)
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- glue values
def values() -> dict[str, str]:
    """Every value the chapter's prose cites, formatted (in the edition's language where a value
    holds words), keyed by the placeholders of ``text/<lang>/clusters.yml``."""
    p = programme_frame()
    c = indicator_changes().set_index("key")
    d = derived_frame().set_index("key")
    s = sales_deflated()
    tot = province_totals()
    mm = name_count_mismatches()
    t30 = load("cluster_projects_by_province")
    flagged_raw = t30.loc[t30.flag.notna() & (t30.row_kind == "province"), "raw_text"].dropna()
    v = {
        "cl_n_rows_t26": plain(len(p)),
        "cl_n_over": plain((p.ratio > 1).sum()),
        "cl_pct_match": t("clusters.n_of", n=plain(p.matches.sum()), total=plain(len(p))),
        "cl_running_plan": num(p.loc[p.row_no == 3, "plan"].iloc[0]),
        "cl_running_actual": num(p.loc[p.row_no == 3, "actual"].iloc[0]),
        "cl_firms_before": num(c.loc[FIRMS, "before"]), "cl_firms_after": num(c.loc[FIRMS, "after"]),
        "cl_firms_change": pct(c.loc[FIRMS, "change_pct"] / 100),
        "cl_jobs_before": num(c.loc[JOBS, "before"]), "cl_jobs_after": num(c.loc[JOBS, "after"]),
        "cl_jobs_change": pct(c.loc[JOBS, "change_pct"] / 100),
        "cl_new_jobs": num(d.loc["new_jobs", "after"]),
        "cl_jobs_per_firm_before": num(d.loc["jobs_per_firm", "before"], 2),
        "cl_jobs_per_firm_after": num(d.loc["jobs_per_firm", "after"], 2),
        "cl_exports_before": num(c.loc[EXPORTS, "before"], 1), "cl_exports_after": num(c.loc[EXPORTS, "after"], 1),
        "cl_exports_change": pct(c.loc[EXPORTS, "change_pct"] / 100),
        "cl_exports_low": pct(c.loc[EXPORTS, "change_low"] / 100), "cl_exports_high": pct(c.loc[EXPORTS, "change_high"] / 100),
        "cl_exports_printed": percent(int(c.loc[EXPORTS, 'change_pct_printed'])),
        "cl_exports_per_firm_change": pct(d.loc["exports_per_firm", "change_pct"] / 100),
        "cl_sales_before": num(c.loc[SALES, "before"]), "cl_sales_after": num(c.loc[SALES, "after"]),
        "cl_sales_change": pct(c.loc[SALES, "change_pct"] / 100),
        "cl_sales_per_firm_before": num(d.loc["sales_per_firm", "before"] * 1e3, 1),
        "cl_networks_change": pct(c.loc[NETWORKS, "change_pct"] / 100),
        "cl_networks_printed": percent(int(c.loc[NETWORKS, 'change_pct_printed'])),
        "cl_n_discrepancy": plain((c.verdict == "discrepancy").sum()),
        "cl_n_rounding": plain((c.verdict == "rounding").sum()),
        "cl_lag_min": plain(RESULT_LAG_YEARS[0]), "cl_lag_max": plain(RESULT_LAG_YEARS[1]),
        "cl_scen_first": plain(s.year_jalali.iloc[0]), "cl_scen_last": plain(s.year_jalali.iloc[-1]),
        "cl_scen_mid": plain(MID_YEAR),
        "cl_jalali_offset": plain(prices.JALALI_OFFSET),
        "cl_real_first": pct(s.real_change_pct.iloc[0] / 100),
        "cl_real_last": pct(s.real_change_pct.iloc[-1] / 100),
        "cl_real_1398": pct(s.set_index("year_jalali").loc[MID_YEAR, "real_change_pct"] / 100),
        "cl_running_sum": plain(tot["running_sum"]), "cl_running_printed": plain(tot["running_printed"]),
        "cl_completed_sum": plain(tot["completed_sum"]), "cl_completed_1401": plain(tot["completed_1401_printed"]),
        "cl_started_sum": plain(tot["started_sum"]), "cl_feasibility_sum": plain(tot["feasibility_sum"]),
        "cl_n_prov_running": plain(tot["n_provinces_running"]), "cl_n_prov_started": plain(tot["n_provinces_started"]),
        "cl_flagged_provinces": _join((_province(k) for k, _ in tot["flagged"]), "clusters.name_sep") or DASH,
        "cl_flagged_raw": _join(flagged_raw) or DASH,
        "cl_mismatches": _join(t("clusters.mismatch", province=_province(r.province),
                                 status=t(f"clusters.status_{r.status}"), printed=plain(r.printed), names=plain(r.names))
                               for r in mm.itertuples()) or t("clusters.none"),
        "cl_caveat": t("clusters.caveat"),
    }
    for k, source in _value_cites(p, c, s).items():
        v[k] = Traced(v[k], source)
    return v


def _value_cites(p: pd.DataFrame, c: pd.DataFrame, s: pd.DataFrame) -> dict[str, cite.Cite]:
    """The source of each number of :func:`values` a reader could check: a Table 26/27 cell cites
    its seed line, a computed number its computation and the rows it uses (the years of the
    deflated view, the lag and the list values stay plain)."""
    t26, t27 = "cluster_programme", "cluster_indicators"
    row = {k: cite.source(t27, r) for k, r in c.iterrows()}  # Table 27 rows by indicator key
    running = cite.source(t26, p.loc[p.row_no == 3].iloc[0])

    def change(key: str) -> cite.Cite:
        return cite.computed("growth_row", new="after", old="before", cite=row[key].long)

    def derived(quantity: str, *keys: str) -> cite.Cite:
        return cite.computed("derived_from", what=t(f"clusters.q_{quantity}"),
                             cites=cite.join(*(row[k] for k in keys)).short)

    def verdicts(verdict: str) -> cite.Cite:
        return cite.computed("count_verdict_rows", verdict=t(f"clusters.verdict_{_slug(verdict)}"), n=len(c),
                             dataset=t27, column="change_pct_printed")

    sales = cite.source(t27, c.loc[SALES]).short

    def real(year) -> cite.Cite:
        return cite.computed("deflated_from", cite=sales, year=year, deflator="iran_inflation")

    def province_sum(dataset: str, column: str) -> cite.Cite:
        return cite.computed("sum_column", dataset=dataset, column=column,
                             n=len(planactual.province_rows(load(dataset))))

    def total_row(dataset: str) -> cite.Cite:
        d = load(dataset)
        return cite.source(dataset, d[d.row_kind == "total"].iloc[0])

    t30, t31 = "cluster_projects_by_province", "cluster_projects_started"
    return {
        "cl_n_rows_t26": cite.computed("count_rows", n=len(p), dataset=t26),
        "cl_n_over": cite.computed("count_over_plan", n=len(p), dataset=t26),
        "cl_pct_match": cite.computed("count_printed_match", n=len(p), dataset=t26),
        "cl_running_plan": running, "cl_running_actual": running,
        "cl_firms_before": row[FIRMS], "cl_firms_after": row[FIRMS], "cl_firms_change": change(FIRMS),
        "cl_jobs_before": row[JOBS], "cl_jobs_after": row[JOBS], "cl_jobs_change": change(JOBS),
        "cl_new_jobs": derived("new_jobs", JOBS),
        "cl_jobs_per_firm_before": derived("jobs_per_firm", JOBS, FIRMS),
        "cl_jobs_per_firm_after": derived("jobs_per_firm", JOBS, FIRMS),
        "cl_exports_before": row[EXPORTS], "cl_exports_after": row[EXPORTS], "cl_exports_change": change(EXPORTS),
        "cl_exports_low": cite.computed("change_range", cite=row[EXPORTS].long),
        "cl_exports_high": cite.computed("change_range", cite=row[EXPORTS].long),
        "cl_exports_printed": row[EXPORTS],
        "cl_exports_per_firm_change": derived("exports_per_firm", EXPORTS, FIRMS),
        "cl_sales_before": row[SALES], "cl_sales_after": row[SALES], "cl_sales_change": change(SALES),
        "cl_sales_per_firm_before": derived("sales_per_firm", SALES, FIRMS),
        "cl_networks_change": change(NETWORKS), "cl_networks_printed": row[NETWORKS],
        "cl_n_discrepancy": verdicts("discrepancy"), "cl_n_rounding": verdicts("rounding"),
        "cl_real_first": real(s.year_jalali.iloc[0]), "cl_real_last": real(s.year_jalali.iloc[-1]),
        "cl_real_1398": real(MID_YEAR),
        "cl_running_sum": province_sum(t30, "running"), "cl_running_printed": total_row(t30),
        "cl_completed_sum": province_sum(t30, "completed_total"), "cl_completed_1401": total_row(t30),
        "cl_started_sum": province_sum(t31, "started_1401"),
        "cl_feasibility_sum": province_sum("cluster_feasibility_by_province", "studies_completed"),
        "cl_n_prov_running": cite.computed("count_provinces_with", dataset=t30, column="running",
                                           n=len(planactual.province_rows(load(t30)))),
        "cl_n_prov_started": cite.computed("count_provinces_with", dataset=t31, column="started_1401",
                                           n=len(planactual.province_rows(load(t31)))),
    }


def province_map():
    """Two labelled maps of :func:`province_counts`: projects completed (all years) and running in
    1401, one colour per count; a flagged Table 30 row is hatched as flagged in the running map."""
    import matplotlib
    from matplotlib.colors import BoundaryNorm

    from analysis.report import maps

    c = province_counts()
    panels = []
    for col, title, flagged_too in (("completed_total", "clusters.map_completed", False),
                                    ("running", "clusters.map_running", True)):
        hi = int(c[col].max())
        bounds = list(range(0, hi + 2))
        cmap = matplotlib.colormaps["YlGnBu"].resampled(len(bounds) - 1)
        states = {k: "flagged" for k in c.index[c.flag.notna()]} if flagged_too else {}
        values = {k: (None if k in states else float(v)) for k, v in c[col].items()}
        panels.append(maps.Panel(_label(title), values, norm=BoundaryNorm([b - 0.5 for b in bounds], len(bounds) - 1),
                                 cmap=cmap, label=_label("clusters.map_label"), states=states,
                                 ticks=tuple(range(0, hi + 1, 1 if hi <= 6 else 2))))
    return maps.stacked_maps(panels)
