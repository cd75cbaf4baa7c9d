"""Chapter 'Provinces compared': the province x indicator achievement matrix, rankings,
ratio of sums against mean of ratios, the log-log scaling fits, and the provincial
tables of seed 002 that have no plan (budget, contracts and land, operational units and
jobs, projects under construction, provincial company finances).

Achievement frames come from :func:`analysis.metrics.indicators.frames` (flagged plan/actual
cells are already missing there, so they never enter a ratio, a sum or a fit); the
arithmetic from :mod:`analysis.metrics.planactual`, :mod:`analysis.metrics.rates` and
:mod:`analysis.metrics.prices`. Every word a reader sees comes from
``text/<lang>/provinces_compared.yml`` (keys ``provinces_compared.<key>``).

>>> m = matrix()
>>> m.state.loc["Zanjan", "land"], m.state.loc["Tehran", "water"]
('flagged', 'defined')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from analysis.core.provinces import get as get_province
from analysis.core.provinces import registry
from analysis.core.text import bi, language, pair, t
from analysis.metrics import planactual, prices, rates
from analysis.metrics.indicators import frames, indicators
from analysis.metrics.indicators import get as get_indicator
from analysis.report import cite, figures
from analysis.report.display import DASH, Table, Traced, fixed, localise, num, ordinal, pct, percent, plain, signed, unit_text
from analysis.report.numerals import persian_ticks
from analysis.sources.datasets import load

#: Cell states of the matrix: a ratio, or why there is none (text keys ``provinces_compared.state_<state>``).
STATES = ("defined", "zero_plan", "flagged", "not_in_table")

#: Indicators for which a log-log scaling fit is shown: enough provinces with both values > 0
#: and plans of varied size. Telephone, fibre and wastewater plans are 0, 1 or 2 estates (or
#: modules), which gives degenerate or meaningless fits.
FIT_INDICATORS = ("land", "water", "electricity", "capital_budget")


@lru_cache(maxsize=1)
def _frames() -> dict[str, pd.DataFrame]:
    """:func:`analysis.metrics.indicators.frames`, loaded once per session (callers do not mutate them)."""
    return frames()


@cache
def _load(name: str) -> pd.DataFrame:
    return load(name)


def province_label(key: str) -> str:
    """``'Khuzestan · خوزستان'`` (bilingual, as in the tables)."""
    return pair(key, get_province(key).fa)


def province_name(key: str) -> str:
    """The province's name in the current language: ``'Khuzestan'`` or ``'خوزستان'``."""
    return get_province(key).fa if language() == "fa" else key


def province_text(key: str) -> str:
    """A province cited in the prose: bilingual in the English edition, Persian in the Persian one."""
    return get_province(key).fa if language() == "fa" else province_label(key)


def indicator_text(key: str) -> str:
    """An indicator cited in the prose: bilingual in the English edition, Persian in the Persian one."""
    ind = get_indicator(key)
    return ind.fa if language() == "fa" else ind.label


def short(ind: str) -> str:
    """Short bilingual column label of an indicator (text key ``provinces_compared.ind_<key>``)."""
    return bi(f"provinces_compared.ind_{ind}")


def _join(items, sep: str = "list_sep") -> str:
    """Items joined by the language's list separator (``provinces_compared.list_sep`` or ``group_sep``)."""
    return f"{t('provinces_compared.' + sep)} ".join(items)


# --------------------------------------------------------------------------- matrix
@dataclass
class Matrix:
    """Province x indicator achievement: ``ratio`` (NaN where undefined) and ``state``."""

    ratio: pd.DataFrame
    state: pd.DataFrame
    flagged: pd.DataFrame  # province, indicator, flag text of every flagged cell


def matrix() -> Matrix:
    """Achievement ratio of every province on every indicator of ``indicators.yml``.

    ``state`` is ``'defined'``, ``'zero_plan'`` (nothing planned, ratio undefined),
    ``'flagged'`` (plan or actual unreadable in the source, excluded) or
    ``'not_in_table'`` (the printed table has no row for the province).
    """
    keys = [p.key for p in registry()]
    inds = [i.key for i in indicators()]
    ratio = pd.DataFrame(np.nan, index=keys, columns=inds)
    state = pd.DataFrame("not_in_table", index=keys, columns=inds)
    flagged = []
    for ind, f in _frames().items():
        a = planactual.achievement(f)
        for _, r in a.iterrows():
            p = r["province"]
            if r["status"] == planactual.DEFINED:
                ratio.loc[p, ind], state.loc[p, ind] = r["ratio"], "defined"
            elif r["flagged"] and (pd.isna(r["plan"]) or pd.isna(r["actual"])):
                state.loc[p, ind] = "flagged"
                flagged.append({"province": p, "indicator": ind, "flag": r["flag"]})
            elif r["status"] == planactual.ZERO_PLAN:
                state.loc[p, ind] = "zero_plan"
            else:
                state.loc[p, ind] = "flagged" if r["flagged"] else "not_in_table"
    return Matrix(ratio, state, pd.DataFrame(flagged, columns=["province", "indicator", "flag"]))


#: Heat map: width (inches), resolution and text size (points). On a 390-pixel phone the image is
#: shown about 342 pixels wide: 9.5 points on 5 inches is 9.0 pixels there; in print the 750-pixel
#: image fills the 176 mm column, or as much of it as a 205 mm page height leaves.
HEAT_WIDTH, HEAT_DPI, HEAT_TEXT = 5.0, 150, 9.5


def heatmap(m: Matrix | None = None):
    """Heat map of the matrix: colour = ratio (0 to 200 %, centred on 100 %: :func:`analysis.report.figures.ratio_norm`),
    undefined cells hatched by reason (:data:`analysis.report.figures.HATCH`), with the percentage printed in
    each defined cell. The maps of :mod:`analysis.report.maps` use the same scale and hatching.

    Provinces are rows named in the reader's language, indicators columns under short upright names
    (read from below), so that every text is :data:`HEAT_TEXT` points on a :data:`HEAT_WIDTH`-inch figure."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    m = matrix() if m is None else m
    r = m.ratio
    from matplotlib.font_manager import FontProperties

    fig = plt.figure(figsize=(HEAT_WIDTH, 4.0), dpi=HEAT_DPI)
    renderer = fig.canvas.get_renderer()
    names = [province_name(k) for k in r.index]
    widest = max(renderer.get_text_width_height_descent(n, FontProperties(size=HEAT_TEXT), ismath=False)[0] for n in names)
    names_in = widest / HEAT_DPI + 0.15  # the row names' column: the widest name and the tick pad
    row_in, head_in, foot_in = 0.172, 0.8, 1.5
    h = head_in + row_in * len(r.index) + foot_in
    fig.set_size_inches(HEAT_WIDTH, h)
    # the Persian edition is mirrored: province names on the right, the first indicator rightmost
    rtl = language() == "fa"
    cells_w = 1 - names_in / HEAT_WIDTH - 0.005
    ax = fig.add_axes((0.005 if rtl else names_in / HEAT_WIDTH, foot_in / h, cells_w, row_in * len(r.index) / h))
    im = ax.imshow(np.ma.masked_invalid(r.clip(upper=figures.RATIO_MAX).to_numpy(dtype=float)), cmap=figures.ratio_cmap(),
                   norm=figures.ratio_norm(), aspect="auto")
    for i, prov in enumerate(r.index):
        for j, ind in enumerate(r.columns):
            s = m.state.loc[prov, ind]
            if s == "defined":
                v = r.loc[prov, ind]
                ax.text(j, i, localise(f"{100 * v:.0f}"), ha="center", va="center", fontsize=HEAT_TEXT, color=figures.text_colour(v))
            else:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=figures.MISSING_FACE,
                                       edgecolor=figures.MISSING_EDGE, hatch=figures.HATCH[s], lw=0))
    ax.set_xticks(range(len(r.columns)))
    ax.set_xticklabels([t("provinces_compared.ind_" + c) for c in r.columns], fontsize=HEAT_TEXT, rotation=90)
    ax.xaxis.tick_top()
    ax.tick_params(length=0, pad=2)
    ax.set_yticks(range(len(r.index)))
    ax.set_yticklabels(names, fontsize=HEAT_TEXT)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    ax.grid(False)
    for s in ("top", "right", "left", "bottom"):
        ax.spines[s].set_visible(False)
    bar = fig.add_axes((0.12, 1.17 / h, 0.76, 0.13 / h))
    cb = figures.ratio_colourbar(fig, im, None, bi("provinces_compared.heatmap_colourbar"), cax=bar,
                                 orientation="horizontal")
    cb.ax.tick_params(labelsize=HEAT_TEXT)
    cb.set_label(bi("provinces_compared.heatmap_colourbar"), fontsize=HEAT_TEXT, labelpad=1)
    fig.legend(handles=figures.state_handles(), loc="lower center", ncol=2, frameon=False, fontsize=HEAT_TEXT,
               bbox_to_anchor=(0.5, 0.0), handlelength=1.5, columnspacing=1.0, borderaxespad=0.1)
    persian_ticks(ax)
    plt.close(fig)
    return fig


def state_counts(m: Matrix | None = None) -> pd.DataFrame:
    """Per indicator: provinces with a ratio, zero plan, flagged, not in table."""
    m = matrix() if m is None else m
    out = pd.DataFrame({s: (m.state == s).sum() for s in STATES}).reindex(columns=STATES)
    return out


# --------------------------------------------------------------------------- rankings
def rankings(m: Matrix | None = None) -> pd.DataFrame:
    """Province x indicator rank (1 = highest ratio; ties share the best rank), plus
    ``n_defined`` and ``n_at_least_plan`` (ratio >= 100 %) over the delivery indicators."""
    m = matrix() if m is None else m
    rk = m.ratio.rank(ascending=False, method="min")
    delivery = [i.key for i in indicators() if i.kind == "delivery"]
    out = rk.copy()
    out["n_defined"] = m.ratio[delivery].notna().sum(axis=1)
    out["n_at_least_plan"] = (m.ratio[delivery] >= 1).sum(axis=1)
    out["share_at_least_plan"] = out["n_at_least_plan"] / out["n_defined"].replace(0, np.nan)
    return out


def rankings_table(m: Matrix | None = None) -> Table:
    m = matrix() if m is None else m
    rk = rankings(m)
    n = m.ratio.notna().sum()
    rows = []
    order = rk.sort_values(["share_at_least_plan", "n_at_least_plan"], ascending=False, na_position="last").index
    for p in order:
        row = {bi("province"): province_label(p)}
        for ind in m.ratio.columns:
            v = rk.loc[p, ind]
            row[short(ind)] = DASH if pd.isna(v) else localise(f"{int(v)}/{int(n[ind])}")
        row[bi("provinces_compared.at_least_plan")] = t("provinces_compared.n_of", n=plain(rk.loc[p, "n_at_least_plan"]),
                                                        total=plain(rk.loc[p, "n_defined"]))
        rows.append(row)
    cites = [cite.computed("rank_row", province=province_name(p), n_indicators=len(m.ratio.columns)) for p in order]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.rankings_caption"), cite=cites)


# --------------------------------------------------------------------------- aggregates
def aggregates() -> pd.DataFrame:
    """Per indicator: ratio of sums beside mean and median of the provincial ratios
    (:func:`analysis.metrics.planactual.aggregate`), and the gap in percentage points."""
    rows = []
    for ind, f in _frames().items():
        a = planactual.aggregate(f).iloc[0].to_dict()
        a["indicator"] = ind
        a["gap_pp"] = 100 * (a["mean_ratio"] - a["ratio_of_sums"])
        rows.append(a)
    return pd.DataFrame(rows).set_index("indicator")


def aggregates_table(agg: pd.DataFrame | None = None) -> Table:
    agg = aggregates() if agg is None else agg
    rows = [{bi("indicator"): get_indicator(k).label, bi("unit"): unit_text(r["unit"]),
             bi("provinces_compared.n_defined"): plain(r["n_defined"]),
             bi("national_ratio"): pct(r["ratio_of_sums"]), bi("provinces_compared.mean_ratio"): pct(r["mean_ratio"]),
             bi("provinces_compared.median_ratio"): pct(r["median_ratio"]), bi("provinces_compared.gap_pp"): num(r["gap_pp"], 1)}
            for k, r in agg.iterrows()]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.aggregates_caption"),
                 cite=[_aggregate_cite(k, "aggregate_row", int(r["n"])) for k, r in agg.iterrows()])


def _aggregate_cite(ind: str, key: str, n: int, **values) -> cite.Cite:
    """The citation of a statistic over the province rows of an indicator's dataset (``provenance.<key>``)."""
    i = get_indicator(ind)
    return cite.computed(key, dataset=i.dataset, num=i.actual, den=i.plan, n=n, **values)


def gap_explanation(ind: str | None = None) -> tuple[str, planactual.GapExplanation]:
    """:func:`analysis.metrics.planactual.explain_gap` for the indicator with the largest absolute
    gap (or the one named)."""
    agg = aggregates()
    ind = ind or agg["gap_pp"].abs().idxmax()
    return ind, planactual.explain_gap(_frames()[ind])


def gap_text(g: planactual.GapExplanation, top: int = 3) -> str:
    """The sentence that explains a gap between the mean of ratios and the ratio of sums, in the
    current language, naming the provinces that pull the two apart (:meth:`GapExplanation.movers`)."""
    if abs(g.gap) < 1e-12:
        return t("provinces_compared.gap_equal", ros=pct(g.ratio_of_sums))
    n = len(g.table)
    pulls = [t("provinces_compared.gap_pull", province=province_name(r["province"]),
               plan=num(r["plan"], 0 if float(r["plan"]).is_integer() else 1), ratio=pct(r["ratio"]),
               weight=pct(r["plan_weight"]), equal=pct(1 / n)) for _, r in g.movers(top).iterrows()]
    side = t("provinces_compared.gap_above" if g.gap > 0 else "provinces_compared.gap_below")
    return t("provinces_compared.gap_text", mean=pct(g.mean_ratio), gap=num(100 * abs(g.gap), 1), side=side,
             ros=pct(g.ratio_of_sums), pulls=_join(pulls, "group_sep"))


# --------------------------------------------------------------------------- scaling fit
def fits(keys=FIT_INDICATORS) -> dict[str, planactual.ScalingFit]:
    """:func:`analysis.metrics.planactual.scaling_fit` for each indicator of ``keys``."""
    fr = _frames()
    return {k: planactual.scaling_fit(fr[k]) for k in keys}


def fits_table(fs: dict | None = None) -> Table:
    fs = fits() if fs is None else fs
    rows = []
    for k, f in fs.items():
        rows.append({bi("indicator"): get_indicator(k).label, bi("provinces_compared.n_fit"): plain(f.n),
                     bi("provinces_compared.slope"): fixed(f.slope), bi("provinces_compared.slope_ci"): slope_range(f),
                     bi("provinces_compared.r2"): fixed(f.r2), bi("provinces_compared.dropped"): plain(len(f.dropped)),
                     bi("provinces_compared.outside"): _join(province_name(p) for p in f.outside["province"]) or DASH})
    cites = [cite.computed("fit", dataset=get_indicator(k).dataset, actual=get_indicator(k).actual,
                           plan=get_indicator(k).plan, n=f.n) for k, f in fs.items()]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.fits_caption"), cite=cites)


def slope_range(f: planactual.ScalingFit) -> str:
    """The 95 % confidence interval of a fit's slope: ``'0.98 to 1.15'``."""
    return t("provinces_compared.range", low=fixed(f.slope_ci[0]), high=fixed(f.slope_ci[1]))


def fit_figure(fs: dict | None = None):
    """One panel per fitted indicator: provinces, fitted line, 95 % prediction band (log axes).

    Two panels a row on a :data:`HEAT_WIDTH`-inch figure, every text at least 9 points (8.5 pixels
    on a phone), one legend under the panels; panel titles wrapped to the panel's width."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    fs = fits() if fs is None else fs
    n = len(fs)
    cols = 2
    rows_ = int(np.ceil(n / cols))
    panel_h, foot = 2.75, 0.55
    fig, axes = plt.subplots(rows_, cols, figsize=(HEAT_WIDTH, panel_h * rows_ + foot), dpi=HEAT_DPI)
    fig.subplots_adjust(left=0.185, right=0.985, top=1 - 0.42 / (panel_h * rows_ + foot),
                        bottom=(foot + 0.45) / (panel_h * rows_ + foot), wspace=0.62, hspace=0.8)
    axes = np.atleast_1d(axes).ravel()
    for ax, (k, f) in zip(axes, fs.items()):
        d = f.fitted.sort_values("log_plan")
        x = np.exp(d["log_plan"])
        ax.fill_between(x, np.exp(d["lower"]), np.exp(d["upper"]), color=figures.PALETTE["muted"], alpha=0.6,
                        lw=0, label=t("provinces_compared.fit_band"))
        ax.plot(x, np.exp(d["predicted"]), color=figures.PALETTE["actual"], lw=1.4,
                label=t("provinces_compared.fit_line", slope=fixed(f.slope)))
        lo, hi = float(min(d["plan"].min(), d["actual"].min())), float(max(d["plan"].max(), d["actual"].max()))
        ax.plot([lo, hi], [lo, hi], color="#555", lw=0.8, ls=":", label=t("provinces_compared.fit_identity"))
        inside = d[~d["outside"]]
        out = d[d["outside"]]
        ax.scatter(inside["plan"], inside["actual"], s=14, color=figures.PALETTE["actual"], zorder=3)
        ax.scatter(out["plan"], out["actual"], s=22, color=figures.PALETTE["highlight"], zorder=4)
        for _, r in out.iterrows():
            right = r["plan"] > np.sqrt(x.min() * x.max())  # name to the left of a point in the right half
            ax.annotate(province_name(r["province"]), (r["plan"], r["actual"]), fontsize=9,
                        xytext=(-3 if right else 3, 3), textcoords="offset points", ha="right" if right else "left")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ind = get_indicator(k)
        width_px = ax.get_position().width * HEAT_WIDTH * HEAT_DPI * 1.15  # a title may reach into the margins
        ax.set_title(figures.wrap_to_width(indicator_text(k), width_px, 9.5, HEAT_DPI), fontsize=9.5)
        ax.set_xlabel(f"{t('plan')} ({unit_text(ind.unit)})", fontsize=9)
        ax.set_ylabel(f"{t('actual')} ({unit_text(ind.unit)})", fontsize=9, labelpad=1)
        ax.tick_params(labelsize=9)
        ax.text(0.03, 0.97, t("provinces_compared.fit_line", slope=fixed(f.slope)), transform=ax.transAxes,
                fontsize=9, ha="left", va="top", color=figures.PALETTE["actual"])
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(FuncFormatter(lambda v, _: num(v)))
            axis.set_minor_formatter(NullFormatter())
        # a scatter of plan against actual is not mirrored: its axes are numbers, not categories
        persian_ticks(ax)
    handles, labels = axes[0].get_legend_handles_labels()
    slope = t("provinces_compared.fit_line", slope="").rstrip(" ,:")  # each panel's slope is in the table
    labels = [slope if lab.startswith(slope) else lab for lab in labels]
    fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False, fontsize=9, bbox_to_anchor=(0.5, 0.0),
               handlelength=1.4, columnspacing=0.9)
    for ax in axes[n:]:
        ax.set_visible(False)
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- provincial tables
def _prov(name: str) -> pd.DataFrame:
    return planactual.province_rows(_load(name)).reset_index(drop=True)


def budget() -> pd.DataFrame:
    """Table 53: agreement, allocation (million rials) and share allocated
    (:func:`analysis.metrics.planactual.achievement` of allocation on agreement), ranked."""
    d = _prov("capital_budget_by_province")[["province", "agreement", "allocation"]].copy()
    d["agreement"] = d["agreement"].astype(float)
    d["allocation"] = d["allocation"].astype(float)
    d["share"] = planactual.achievement(d, plan="agreement", actual="allocation")["ratio"]
    d["rank"] = d["share"].rank(ascending=False, method="min").astype(int)
    return d.sort_values("share", ascending=False).reset_index(drop=True)


def budget_table(b: pd.DataFrame | None = None) -> Table:
    b = budget() if b is None else b
    rows = [{bi("province"): province_label(r.province), bi("provinces_compared.agreement_bn"): num(r.agreement / 1000),
             bi("provinces_compared.allocation_bn"): num(r.allocation / 1000),
             bi("provinces_compared.allocated_share"): pct(r.share), bi("rank"): ordinal(r.rank)} for r in b.itertuples()]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.budget_caption"),
                 cite=[cite.province("capital_budget_by_province", r.province) for r in b.itertuples()])


def contracts() -> pd.DataFrame:
    """Table 54: contracts and land allotted in 1401 and cumulatively, hectares per contract."""
    d = _prov("contracts_land_by_province").copy()
    d["ha_per_contract_1401"] = rates.per_unit(d["area_1401_ha"], d["contracts_1401"])
    return d.sort_values("contracts_1401", ascending=False).reset_index(drop=True)


def contracts_table(c: pd.DataFrame | None = None) -> Table:
    c = contracts() if c is None else c
    rows = [{bi("province"): province_label(r.province), bi("contracts_1401"): num(r.contracts_1401),
             bi("area_1401_ha"): num(r.area_1401_ha, 1 if r.area_1401_ha % 1 else 0),
             bi("provinces_compared.ha_per_contract"): num(r.ha_per_contract_1401, 2),
             bi("contracts_cum_1401"): num(r.contracts_cum_1401), bi("area_cum_1401_ha"): num(r.area_cum_1401_ha)}
            for r in c.itertuples()]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.contracts_caption"),
                 cite=cite.rows("contracts_land_by_province", c))


def units_jobs() -> pd.DataFrame:
    """Tables 56-57: units brought into operation and their jobs, 1401 and cumulative, jobs per unit."""
    u = _prov("operational_units_by_province")[["province", "units_1400", "units_1401", "units_cum_1401"]]
    e = _prov("operational_employment_by_province")[["province", "employment_1400", "employment_1401",
                                                     "employment_cum_1401"]]
    d = u.merge(e, on="province", validate="one_to_one")
    d["jobs_per_unit_1401"] = rates.per_unit(d["employment_1401"], d["units_1401"])
    d["jobs_per_unit_cum"] = rates.per_unit(d["employment_cum_1401"], d["units_cum_1401"])
    return d.sort_values("units_cum_1401", ascending=False).reset_index(drop=True)


def units_jobs_table(d: pd.DataFrame | None = None) -> Table:
    d = units_jobs() if d is None else d
    rows = [{bi("province"): province_label(r.province), bi("units_1401"): num(r.units_1401),
             bi("employment_1401"): num(r.employment_1401),
             bi("provinces_compared.jobs_per_unit_1401"): num(r.jobs_per_unit_1401, 1),
             bi("units_cum_1401"): num(r.units_cum_1401), bi("employment_cum_1401"): num(r.employment_cum_1401),
             bi("provinces_compared.jobs_per_unit_cum"): num(r.jobs_per_unit_cum, 1)} for r in d.itertuples()]
    cites = [cite.join(cite.province("operational_units_by_province", r.province),
                       cite.province("operational_employment_by_province", r.province)) for r in d.itertuples()]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.units_caption"), cite=cites)


STAGES = ("stage_land_allocated", "stage_walling", "stage_shed_installation", "stage_halls_buildings",
          "stage_machinery_installation")


def projects() -> pd.DataFrame:
    """Table 58: projects under construction by stage; ``stage_sum`` beside the printed total."""
    d = _prov("projects_under_construction_by_province").copy()
    d["stage_sum"] = d[list(STAGES)].sum(axis=1)
    return d.sort_values("total", ascending=True).reset_index(drop=True)


def projects_figure(d: pd.DataFrame | None = None):
    """Stacked horizontal bars of projects under construction by stage, per province. For a phone:
    :data:`HEAT_WIDTH` inches wide, provinces named in the reader's language, every text
    :data:`HEAT_TEXT` points, the legend under the bars."""
    figures.setup()
    import matplotlib.pyplot as plt

    d = projects() if d is None else d
    colours = ["#cfd8dc", "#9aa5b1", "#5b8fa8", "#1f6f8b", "#0b3c5d"]
    names = [province_name(k) for k in d["province"]]
    widest = max(figures.text_width(n, HEAT_TEXT, HEAT_DPI) for n in names)
    names_in = widest / HEAT_DPI + 0.15
    row_in, head_in, foot_in = 0.172, 0.4, 1.95
    h = head_in + row_in * len(d) + foot_in
    fig = plt.figure(figsize=(HEAT_WIDTH, h), dpi=HEAT_DPI)
    # mirrored in the Persian edition: province names on the right, bars growing leftwards
    rtl = language() == "fa"
    bars_w = 1 - names_in / HEAT_WIDTH - 0.05
    ax = fig.add_axes((0.05 if rtl else names_in / HEAT_WIDTH, foot_in / h, bars_w, row_in * len(d) / h))
    left = np.zeros(len(d))
    y = np.arange(len(d))
    for s, c in zip(STAGES, colours):
        v = d[s].astype(float).to_numpy()
        ax.barh(y, v, left=left, color=c, label=bi("provinces_compared." + s), height=0.75)
        left += v
    ax.set_yticks(y, names)
    ax.set_ylim(-0.5, len(d) - 0.5)  # the most projects on top
    fig.text(0.5, (foot_in - 0.3) / h, figures.wrap_to_width(bi("provinces_compared.projects_x"), 0.95 * HEAT_WIDTH * HEAT_DPI,
                                                            HEAT_TEXT, HEAT_DPI), fontsize=HEAT_TEXT, ha="center", va="top")
    fig.suptitle(figures.wrap_to_width(bi("provinces_compared.projects_title"), HEAT_WIDTH * HEAT_DPI, HEAT_TEXT + 0.5,
                                       HEAT_DPI), fontsize=HEAT_TEXT + 0.5, y=1 - 0.05 / h, va="top")
    ax.tick_params(labelsize=HEAT_TEXT)
    ax.grid(axis="y", visible=False)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)
    persian_ticks(ax)
    fig.legend(loc="lower center", ncol=1, frameon=False, fontsize=HEAT_TEXT, bbox_to_anchor=(0.5, 0.0),
               handlelength=1.4, borderaxespad=0.1, labelspacing=0.3)
    plt.close(fig)
    return fig


#: Jalali years of Tables 65-66 and the Gregorian years of the price index they are matched to
#: (:func:`analysis.metrics.prices.jalali_to_gregorian_year`, see :data:`analysis.metrics.prices.APPROXIMATION`).
YEAR_OLD, YEAR_NEW = 1400, 1401


@cache
def _cpi_index() -> pd.Series:
    """World Bank CPI (FP.CPI.TOTL.ZG) as a price level, the Gregorian year of Jalali 1400 = 100."""
    inflation = prices.load_inflation()["cpi_inflation_pct"]
    return prices.price_index(inflation, base_year=prices.jalali_to_gregorian_year(YEAR_OLD))


def finances() -> pd.DataFrame:
    """Tables 65-66: resources 1401 and 1400, operating-expense share, nominal growth
    (recomputed and printed) and real growth.

    Nominal growth is :func:`analysis.metrics.rates.growth`; real growth is
    :func:`analysis.metrics.prices.real_growth` with the World Bank CPI, Jalali 1400 -> 2021,
    1401 -> 2022 (see :data:`analysis.metrics.prices.APPROXIMATION`).
    """
    e = _prov("provincial_companies_resources_expenses_1401")[["province", "resources", "opex", "nonopex"]]
    g = _prov("provincial_companies_resources_1400_1401")[["province", "resources_1401", "resources_1400",
                                                          "growth_pct", "flag"]]
    d = e.merge(g, on="province", validate="one_to_one")
    d["opex_share"] = rates.share(d["opex"], d["resources"])
    d["nonopex_share"] = rates.share(d["nonopex"], d["resources"])
    d["growth_nominal"] = rates.growth(d["resources_1401"], d["resources_1400"])
    d["growth_real"] = prices.real_growth(d["resources_1401"], d["resources_1400"].astype(float),
                                          prices.jalali_to_gregorian_year(YEAR_NEW),
                                          prices.jalali_to_gregorian_year(YEAR_OLD), _cpi_index())
    d["growth_flagged"] = d["flag"].notna()
    return d.sort_values("growth_nominal", ascending=False).reset_index(drop=True)


def finances_table(d: pd.DataFrame | None = None) -> Table:
    d = finances() if d is None else d
    rows = []
    for r in d.itertuples():
        printed = percent(r.growth_pct, 0) + (" *" if r.growth_flagged else "")
        rows.append({bi("province"): province_label(r.province),
                     bi("provinces_compared.resources_1401_bn"): num(r.resources_1401 / 1000),
                     bi("provinces_compared.resources_1400_bn"): num(r.resources_1400 / 1000),
                     bi("opex_share"): pct(r.opex_share),
                     bi("provinces_compared.growth_nominal"): pct(r.growth_nominal),
                     bi("provinces_compared.growth_printed"): printed,
                     bi("provinces_compared.growth_real"): pct(r.growth_real)})
    cites = [cite.join(cite.province("provincial_companies_resources_expenses_1401", r.province),
                       cite.province("provincial_companies_resources_1400_1401", r.province)) for r in d.itertuples()]
    return Table(pd.DataFrame(rows), caption=t("provinces_compared.finances_caption"), cite=cites)


# --------------------------------------------------------------------------- glued values
def _with_value(name: str, value: str) -> str:
    return f"{name} ({value})"


def values() -> dict[str, str]:
    """Every number the chapter's prose cites, formatted, in the current language."""
    m = matrix()
    sc = state_counts(m)
    none = t("provinces_compared.none")

    def cells(value, state: str) -> Traced:  # a count of the matrix's cells, with its computation
        return Traced(value, cite.computed("matrix_cells", state=t(f"provenance.state_{state}"),
                                           n_provinces=len(m.ratio), n_indicators=len(m.ratio.columns)))

    def summed(value, name: str, column: str, n: int) -> Traced:  # a column sum over province rows
        return Traced(value, cite.computed("sum_column", dataset=name, column=column, n=n))

    out: dict[str, str] = {
        "cmp_n_provinces": Traced(plain(len(m.ratio)), cite.computed("registry_count")),
        "cmp_n_indicators": Traced(plain(len(m.ratio.columns)), cite.computed("indicator_count")),
        "cmp_n_cells": Traced(plain(m.ratio.size), cite.computed("matrix_size", n_provinces=len(m.ratio),
                                                             n_indicators=len(m.ratio.columns))),
        "cmp_n_defined": cells(plain(sc["defined"].sum()), "defined"),
        "cmp_n_zero_plan": cells(plain(sc["zero_plan"].sum()), "zero_plan"),
        "cmp_n_flagged": cells(plain(sc["flagged"].sum()), "flagged"),
        "cmp_n_not_in_table": cells(plain(sc["not_in_table"].sum()), "not_in_table"),
        "cmp_flagged_list": _join((t("provinces_compared.flagged_group", indicator=t("provinces_compared.ind_" + ind),
                                     provinces=_join(province_name(p) for p in g["province"]))
                                   for ind, g in m.flagged.groupby("indicator", sort=False)), "group_sep") or none,
        "cmp_phone_n": plain(sc.loc["phone", "defined"]),
        "cmp_fibre_n": plain(sc.loc["fibre", "defined"]),
    }
    rk = rankings(m)
    best = rk.sort_values(["share_at_least_plan", "n_at_least_plan"], ascending=False).iloc[0]
    out["cmp_best_province"] = province_text(best.name)
    out["cmp_best_n"] = t("provinces_compared.n_of", n=plain(best.n_at_least_plan), total=plain(best.n_defined))
    agg = aggregates()
    for k in agg.index:
        n_k, n_def = int(agg.loc[k, "n"]), int(agg.loc[k, "n_defined"])
        out[f"cmp_ros_{k}"] = Traced(pct(agg.loc[k, "ratio_of_sums"]), _aggregate_cite(k, "ratio_of_sums", n_k))
        out[f"cmp_mean_{k}"] = Traced(pct(agg.loc[k, "mean_ratio"]), _aggregate_cite(k, "mean_ratios", n_def))
    ind, g = gap_explanation()
    out["cmp_gap_indicator"] = indicator_text(ind)
    out["cmp_gap_text"] = gap_text(g)
    out["cmp_gap_pp"] = num(100 * abs(g.gap), 1)
    fs = fits()
    for k, f in fs.items():
        out[f"cmp_fit_{k}_slope"] = fixed(f.slope)
        out[f"cmp_fit_{k}_ci"] = slope_range(f)
        out[f"cmp_fit_{k}_n"] = plain(f.n)
        out[f"cmp_fit_{k}_dropped"] = plain(len(f.dropped))
        out[f"cmp_fit_{k}_outside"] = _join(province_name(p) for p in f.outside["province"]) or none
    out["cmp_fit_n_ind"] = plain(len(fs))
    out["cmp_fit_n_min"] = plain(min(f.n for f in fs.values()))
    out["cmp_fit_n_max"] = plain(max(f.n for f in fs.values()))
    # budget: the national ratio of sums of Table 53 (its province rows add to the printed total, line 4871)
    b = budget()
    cb = agg.loc["capital_budget"]
    n_b = int(cb["n"])
    out["cmp_budget_agreement_bn"] = summed(num(cb["sum_plan"] / 1000), "capital_budget_by_province", "agreement", n_b)
    out["cmp_budget_allocation_bn"] = summed(num(cb["sum_actual"] / 1000), "capital_budget_by_province", "allocation",
                                             n_b)
    out["cmp_budget_share"] = Traced(pct(cb["ratio_of_sums"]), _aggregate_cite("capital_budget", "ratio_of_sums", n_b))
    out["cmp_budget_top"] = _with_value(province_text(b.iloc[0].province), pct(b.iloc[0].share))
    out["cmp_budget_bottom"] = _with_value(province_text(b.iloc[-1].province), pct(b.iloc[-1].share))
    out["cmp_budget_median"] = pct(b["share"].median())
    # contracts
    c = contracts()
    ds_c = "contracts_land_by_province"
    out["cmp_contracts_1401"] = summed(num(c["contracts_1401"].sum()), ds_c, "contracts_1401", len(c))
    out["cmp_area_1401"] = summed(num(c["area_1401_ha"].sum(), 1), ds_c, "area_1401_ha", len(c))
    out["cmp_contracts_cum"] = summed(num(c["contracts_cum_1401"].sum()), ds_c, "contracts_cum_1401", len(c))
    out["cmp_area_cum"] = summed(num(c["area_cum_1401_ha"].sum()), ds_c, "area_cum_1401_ha", len(c))
    out["cmp_contracts_top"] = _with_value(province_text(c.iloc[0].province), num(c.iloc[0].contracts_1401))
    out["cmp_ha_per_contract"] = num(rates.per_unit(c["area_1401_ha"].sum(), c["contracts_1401"].sum()), 2)
    # units and jobs
    u = units_jobs()
    ds_u, ds_e = "operational_units_by_province", "operational_employment_by_province"
    out["cmp_units_1401"] = summed(num(u["units_1401"].sum()), ds_u, "units_1401", len(u))
    out["cmp_jobs_1401"] = summed(num(u["employment_1401"].sum()), ds_e, "employment_1401", len(u))
    out["cmp_units_cum"] = summed(num(u["units_cum_1401"].sum()), ds_u, "units_cum_1401", len(u))
    out["cmp_jobs_cum"] = summed(num(u["employment_cum_1401"].sum()), ds_e, "employment_cum_1401", len(u))
    out["cmp_jpu_1401"] = num(rates.per_unit(u["employment_1401"].sum(), u["units_1401"].sum()), 1)
    out["cmp_jpu_cum"] = num(rates.per_unit(u["employment_cum_1401"].sum(), u["units_cum_1401"].sum()), 1)
    hi = u.sort_values("jobs_per_unit_cum", ascending=False)
    out["cmp_jpu_high"] = _with_value(province_text(hi.iloc[0].province), num(hi.iloc[0].jobs_per_unit_cum, 1))
    out["cmp_jpu_low"] = _with_value(province_text(hi.iloc[-1].province), num(hi.iloc[-1].jobs_per_unit_cum, 1))
    # projects
    p = projects()
    out["cmp_projects_total"] = summed(num(p["total"].sum()), "projects_under_construction_by_province", "total", len(p))
    out["cmp_projects_land_share"] = pct(rates.share(p["stage_land_allocated"].sum(), p["total"].sum()))
    out["cmp_projects_machinery_share"] = pct(rates.share(p["stage_machinery_installation"].sum(), p["total"].sum()))
    out["cmp_projects_mismatch"] = plain((p["stage_sum"] != p["total"]).sum())
    out["cmp_projects_top"] = _with_value(province_text(p.iloc[-1].province), num(p.iloc[-1].total))
    # finances
    f = finances()
    r1401, r1400 = f["resources_1401"].sum(), f["resources_1400"].sum()
    y_new, y_old = prices.jalali_to_gregorian_year(YEAR_NEW), prices.jalali_to_gregorian_year(YEAR_OLD)
    ds_f = "provincial_companies_resources_1400_1401"
    out["cmp_res_1401_bn"] = summed(num(r1401 / 1000), ds_f, "resources_1401", len(f))
    out["cmp_res_1400_bn"] = summed(num(r1400 / 1000), ds_f, "resources_1400", len(f))
    out["cmp_res_growth_nominal"] = Traced(pct(rates.growth(r1401, r1400)),
                                           cite.computed("growth_of_sums", dataset=ds_f, new="resources_1401",
                                                         old="resources_1400", n=len(f)))
    cpi = prices.load_inflation()["cpi_inflation_pct"]
    out["cmp_cpi_2022"] = percent(cpi.loc[y_new], 1)
    out["cmp_res_growth_real"] = Traced(pct(prices.real_growth(r1401, r1400, y_new, y_old, _cpi_index())),
                                        cite.computed("real_growth_of_sums", dataset=ds_f, new="resources_1401",
                                                      old="resources_1400", n=len(f), deflator="iran_inflation"))
    out["cmp_n_real_decline"] = plain((f["growth_real"] < 0).sum())
    out["cmp_n_nominal_decline"] = plain((f["growth_nominal"] < 0).sum())
    out["cmp_growth_top"] = t("provinces_compared.with_nominal", name=province_text(f.iloc[0].province),
                              value=pct(f.iloc[0].growth_nominal))
    out["cmp_growth_bottom"] = t("provinces_compared.with_nominal", name=province_text(f.iloc[-1].province),
                                 value=pct(f.iloc[-1].growth_nominal))
    out["cmp_n_growth_flagged"] = plain(f["growth_flagged"].sum())
    out["cmp_opex_share"] = pct(rates.share(f["opex"].sum(), f["resources"].sum()))
    return out


# --------------------------------------------------------------------------- maps
def ratio_maps(m: Matrix | None = None):
    """Small multiples: one map per indicator of the matrix (the delivery indicators and the
    capital-budget allocation share), the heat map's colour scale and hatching."""
    from analysis.report import maps

    m = matrix() if m is None else m
    panels = []
    for ind in m.ratio.columns:
        col = m.ratio[ind]
        panels.append((short(ind), {k: (None if pd.isna(v) else float(v)) for k, v in col.items()},
                       m.state[ind].to_dict()))
    return maps.small_multiples(panels, colourbar_label=bi("provinces_compared.heatmap_colourbar"),
                                ticks=figures.RATIO_TICKS, ticklabels=figures.ratio_ticklabels(), extend="max")


def _log_ticks(lo: float, hi: float) -> list[float]:
    """1-2-5 ticks between ``lo`` and ``hi``.

    >>> _log_ticks(250, 8000)
    [500, 1000, 2000, 5000]
    """
    out = []
    for e in range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1):
        out += [m * 10 ** e for m in (1, 2, 5) if lo <= m * 10 ** e <= hi]
    return out


def _log_panel(title_key: str, label_key: str, values: pd.Series):
    from matplotlib.colors import LogNorm

    from analysis.report import maps

    lo, hi = float(values.min()), float(values.max())
    ticks = _log_ticks(lo, hi)
    return maps.Panel(bi(title_key), {k: float(v) for k, v in values.items()}, norm=LogNorm(lo, hi),
                      cmap=_cmap("YlGnBu"), label=bi(label_key), ticks=tuple(ticks),
                      ticklabels=tuple(num(x) for x in ticks))


def _cmap(name: str):
    import matplotlib
    return matplotlib.colormaps[name]


def _extend(values: pd.Series, lo: float, hi: float) -> str:
    """The colour bar's ``extend`` for values beyond ``lo`` or ``hi``."""
    below, above = bool((values < lo).any()), bool((values > hi).any())
    return {(False, False): "neither", (True, False): "min", (False, True): "max", (True, True): "both"}[(below, above)]


def units_map(d: pd.DataFrame | None = None):
    """Two labelled maps: units in operation at the end of 1401 and their jobs (Tables 56-57,
    cumulative columns), logarithmic colour scales."""
    from analysis.report import maps

    d = units_jobs() if d is None else d
    d = d.set_index("province")
    return maps.stacked_maps([_log_panel("provinces_compared.map_units_title", "provinces_compared.map_units_label",
                                         d["units_cum_1401"].astype(float)),
                              _log_panel("provinces_compared.map_jobs_title", "provinces_compared.map_jobs_label",
                                         d["employment_cum_1401"].astype(float))])


#: Growth maps: a diverging palette (colour-blind safe) centred on no change, -100 % to +100 %.
GROWTH_CMAP, GROWTH_LIMIT = "PuOr", 1.0


def finances_map(d: pd.DataFrame | None = None):
    """Two labelled maps of the provincial companies' resource growth 1400->1401: nominal and real
    (:func:`finances`), one diverging scale centred on 0."""
    from matplotlib.colors import TwoSlopeNorm

    from analysis.report import maps

    d = finances() if d is None else d
    d = d.set_index("province")
    ticks = (-1, -0.5, 0, 0.5, 1)
    panels = []
    for col, key in (("growth_nominal", "provinces_compared.map_growth_nominal"),
                     ("growth_real", "provinces_compared.map_growth_real")):
        panels.append(maps.Panel(bi(key), {k: float(v) for k, v in d[col].items()},
                                 norm=TwoSlopeNorm(vmin=-GROWTH_LIMIT, vcenter=0, vmax=GROWTH_LIMIT),
                                 cmap=_cmap(GROWTH_CMAP), label=bi("provinces_compared.map_growth_label"),
                                 ticks=ticks, ticklabels=tuple(signed(100 * x) if x else plain(0) for x in ticks),
                                 extend=_extend(d[col], -GROWTH_LIMIT, GROWTH_LIMIT)))
    return maps.stacked_maps(panels)
