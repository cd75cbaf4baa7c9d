"""Chapter 'Provinces compared': the province x indicator achievement matrix, rankings,
ratio of sums against mean of ratios, the log-log scaling fits, and the provincial
tables of seed 002 that have no plan (budget, contracts and land, operational units and
jobs, projects under construction, provincial company finances).

Achievement frames come from :func:`analysis.metrics.indicators.frames` (flagged plan/actual
cells are already missing there, so they never enter a ratio, a sum or a fit); the
arithmetic from :mod:`analysis.metrics.planactual`.

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
from analysis.core.text import bi, en, fa, pair
from analysis.metrics import planactual
from analysis.metrics.indicators import frames, indicators
from analysis.metrics.indicators import get as get_indicator
from analysis.report import figures
from analysis.report.display import DASH, Table, num, ordinal, pct
from analysis.sources.datasets import load

#: Cell states of the matrix, besides ``'defined'``.
STATES = ("defined", "zero plan", "flagged", "not in table")

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
    """``'Khuzestan · خوزستان'``."""
    return pair(key, get_province(key).fa)


def short(ind: str) -> str:
    """Short bilingual column label of an indicator (``text`` key ``cmp_ind_<key>``)."""
    return bi(f"cmp_ind_{ind}")


# --------------------------------------------------------------------------- matrix
@dataclass
class Matrix:
    """Province x indicator achievement: ``ratio`` (NaN where undefined) and ``state``."""

    ratio: pd.DataFrame
    state: pd.DataFrame
    flagged: pd.DataFrame  # province, indicator, flag text of every flagged cell


def matrix() -> Matrix:
    """Achievement ratio of every province on every indicator of ``indicators.yml``.

    ``state`` is ``'defined'``, ``'zero plan'`` (nothing planned, ratio undefined),
    ``'flagged'`` (plan or actual unreadable in the source, excluded) or
    ``'not in table'`` (the printed table has no row for the province).
    """
    keys = [p.key for p in registry()]
    inds = [i.key for i in indicators()]
    ratio = pd.DataFrame(np.nan, index=keys, columns=inds)
    state = pd.DataFrame("not in table", index=keys, columns=inds)
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
                state.loc[p, ind] = "zero plan"
            else:
                state.loc[p, ind] = "flagged" if r["flagged"] else "not in table"
    return Matrix(ratio, state, pd.DataFrame(flagged, columns=["province", "indicator", "flag"]))


def heatmap(m: Matrix | None = None):
    """Heat map of the matrix: colour = ratio (0 to 200 %, centred on 100 %), undefined
    cells hatched by reason, with the percentage printed in each defined cell."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.colors import TwoSlopeNorm
    from matplotlib.patches import Patch, Rectangle

    m = matrix() if m is None else m
    r = m.ratio
    fig, ax = plt.subplots(figsize=(7.5, 10.2))
    norm = TwoSlopeNorm(vmin=0, vcenter=1, vmax=2)
    cmap = plt.get_cmap("RdYlBu").copy()
    cmap.set_bad("white")
    im = ax.imshow(np.ma.masked_invalid(r.clip(upper=2).to_numpy(dtype=float)), cmap=cmap, norm=norm, aspect="auto")
    hatch = {"zero plan": "..", "flagged": "xxx", "not in table": "///"}
    for i, prov in enumerate(r.index):
        for j, ind in enumerate(r.columns):
            s = m.state.loc[prov, ind]
            if s == "defined":
                v = r.loc[prov, ind]
                ax.text(j, i, f"{100 * v:.0f}", ha="center", va="center", fontsize=6.5,
                        color="white" if v < 0.3 or v > 1.8 else "black")
            else:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="#f2f2f2", edgecolor="#9e9e9e",
                                       hatch=hatch[s], lw=0))
    ax.set_xticks(range(len(r.columns)))
    ax.set_xticklabels([f"{en('cmp_ind_' + c)}\n{fa('cmp_ind_' + c)}" for c in r.columns], fontsize=7, rotation=0)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(r.index)))
    ax.set_yticklabels([province_label(k) for k in r.index], fontsize=7)
    ax.grid(False)
    for s in ("top", "right", "left", "bottom"):
        ax.spines[s].set_visible(False)
    cb = fig.colorbar(im, ax=ax, orientation="horizontal", fraction=0.03, pad=0.02, extend="max")
    cb.set_ticks([0, 0.5, 1, 1.5, 2])
    cb.set_ticklabels(["0", "50", "100", "150", "≥ 200"])
    cb.set_label("Achievement, actual / plan (%) · نسبت تحقق (درصد)", fontsize=8)
    handles = [Patch(facecolor="#f2f2f2", edgecolor="#9e9e9e", hatch=hatch[s], label=en("cmp_state_" + s.replace(" ", "_")))
               for s in ("zero plan", "flagged", "not in table")]
    fig.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=7.5, bbox_to_anchor=(0.5, 0.0))
    fig.tight_layout(rect=(0, 0.03, 1, 1))
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
            row[short(ind)] = DASH if pd.isna(v) else f"{int(v)}/{int(n[ind])}"
        row[bi("cmp_at_least_plan")] = f"{int(rk.loc[p, 'n_at_least_plan'])} of {int(rk.loc[p, 'n_defined'])}"
        rows.append(row)
    return Table(pd.DataFrame(rows), caption="Rank of each province on each indicator (1 = highest achievement "
                 "ratio; rank/number of provinces with a ratio; ties share the best rank), and how many of the seven "
                 "delivery indicators reached at least 100 % of plan. Source: 002, Tables 7, 13-16, 20, 53.")


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
    rows = [{bi("indicator"): get_indicator(k).label, bi("unit"): r["unit"], bi("cmp_n_defined"): str(int(r["n_defined"])),
             bi("national_ratio"): pct(r["ratio_of_sums"]), bi("cmp_mean_ratio"): pct(r["mean_ratio"]),
             bi("cmp_median_ratio"): pct(r["median_ratio"]), bi("cmp_gap_pp"): num(r["gap_pp"], 1)}
            for k, r in agg.iterrows()]
    return Table(pd.DataFrame(rows), caption="Ratio of sums (sum of actuals / sum of plans) against the mean and median "
                 "of the provincial ratios; gap = mean − ratio of sums, percentage points. Flagged cells excluded. "
                 "Source: 002, Tables 7, 13-16, 20, 53.")


def gap_explanation(ind: str | None = None) -> tuple[str, planactual.GapExplanation]:
    """:func:`analysis.metrics.planactual.explain_gap` for the indicator with the largest absolute
    gap (or the one named)."""
    agg = aggregates()
    ind = ind or agg["gap_pp"].abs().idxmax()
    return ind, planactual.explain_gap(_frames()[ind])


# --------------------------------------------------------------------------- scaling fit
def fits(keys=FIT_INDICATORS) -> dict[str, planactual.ScalingFit]:
    """:func:`analysis.metrics.planactual.scaling_fit` for each indicator of ``keys``."""
    fr = _frames()
    return {k: planactual.scaling_fit(fr[k]) for k in keys}


def fits_table(fs: dict | None = None) -> Table:
    fs = fits() if fs is None else fs
    rows = []
    for k, f in fs.items():
        rows.append({bi("indicator"): get_indicator(k).label, bi("cmp_n_fit"): str(f.n),
                     bi("cmp_slope"): f"{f.slope:.2f}", bi("cmp_slope_ci"): f"{f.slope_ci[0]:.2f} to {f.slope_ci[1]:.2f}",
                     bi("cmp_r2"): f"{f.r2:.2f}", bi("cmp_dropped"): str(len(f.dropped)),
                     bi("cmp_outside"): ", ".join(f.outside["province"]) or DASH})
    return Table(pd.DataFrame(rows), caption="OLS of log(actual) on log(plan) across provinces (statsmodels): slope with "
                 "95 % confidence interval, R², provinces dropped (zero or flagged plan or actual) and provinces outside "
                 "the 95 % prediction interval. Descriptive only: the provinces are a population, not a sample. "
                 "Source: 002, Tables 7, 13, 14, 53.")


def fit_figure(fs: dict | None = None):
    """One panel per fitted indicator: provinces, fitted line, 95 % prediction band (log axes)."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    fs = fits() if fs is None else fs
    n = len(fs)
    cols = 2
    rows_ = int(np.ceil(n / cols))
    fig, axes = plt.subplots(rows_, cols, figsize=(7.5, 3.0 * rows_))
    axes = np.atleast_1d(axes).ravel()
    for ax, (k, f) in zip(axes, fs.items()):
        d = f.fitted.sort_values("log_plan")
        x = np.exp(d["log_plan"])
        ax.fill_between(x, np.exp(d["lower"]), np.exp(d["upper"]), color=figures.PALETTE["muted"], alpha=0.6,
                        lw=0, label="95 % prediction band")
        ax.plot(x, np.exp(d["predicted"]), color=figures.PALETTE["actual"], lw=1.4, label=f"fit, slope {f.slope:.2f}")
        lo, hi = float(min(d["plan"].min(), d["actual"].min())), float(max(d["plan"].max(), d["actual"].max()))
        ax.plot([lo, hi], [lo, hi], color="#555", lw=0.8, ls=":", label="actual = plan")
        inside = d[~d["outside"]]
        out = d[d["outside"]]
        ax.scatter(inside["plan"], inside["actual"], s=14, color=figures.PALETTE["actual"], zorder=3)
        ax.scatter(out["plan"], out["actual"], s=22, color=figures.PALETTE["highlight"], zorder=4)
        for _, r in out.iterrows():
            ax.annotate(province_label(r["province"]), (r["plan"], r["actual"]), fontsize=6.5,
                        xytext=(3, 3), textcoords="offset points")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ind = get_indicator(k)
        ax.set_title(pair(ind.en, ind.fa), fontsize=8.5)
        ax.set_xlabel(f"Plan · برنامه ({ind.unit})", fontsize=7.5)
        ax.set_ylabel(f"Actual · عملکرد ({ind.unit})", fontsize=7.5)
        ax.tick_params(labelsize=7)
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(FuncFormatter(lambda v, _: num(v)))
            axis.set_minor_formatter(NullFormatter())
        ax.legend(fontsize=6, loc="upper left", frameon=False)
    for ax in axes[n:]:
        ax.set_visible(False)
    fig.tight_layout()
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- provincial tables
def _prov(name: str) -> pd.DataFrame:
    df = _load(name)
    return df[df["row_kind"] == "province"].reset_index(drop=True)


def _total(name: str) -> pd.Series:
    df = _load(name)
    return df[df["row_kind"] == "total"].iloc[0]


def budget() -> pd.DataFrame:
    """Table 53: agreement, allocation (million rials) and share allocated, ranked."""
    d = _prov("capital_budget_by_province")[["province", "agreement", "allocation"]].copy()
    d["agreement"] = d["agreement"].astype(float)
    d["allocation"] = d["allocation"].astype(float)
    d["share"] = d["allocation"] / d["agreement"]
    d["rank"] = d["share"].rank(ascending=False, method="min").astype(int)
    return d.sort_values("share", ascending=False).reset_index(drop=True)


def budget_table(b: pd.DataFrame | None = None) -> Table:
    b = budget() if b is None else b
    rows = [{bi("province"): province_label(r.province), bi("cmp_agreement_bn"): num(r.agreement / 1000),
             bi("cmp_allocation_bn"): num(r.allocation / 1000), bi("cmp_allocated_share"): pct(r.share),
             bi("rank"): ordinal(r.rank)} for r in b.itertuples()]
    return Table(pd.DataFrame(rows), caption="Provincial capital-asset credits 1401: agreement exchanged and allocation "
                 "received (billion rials, nominal), share allocated. Source: 002, Table 53.")


def contracts() -> pd.DataFrame:
    """Table 54: contracts and land allotted in 1401 and cumulatively, hectares per contract."""
    d = _prov("contracts_land_by_province").copy()
    d["ha_per_contract_1401"] = d["area_1401_ha"] / d["contracts_1401"].astype(float).replace(0, np.nan)
    return d.sort_values("contracts_1401", ascending=False).reset_index(drop=True)


def contracts_table(c: pd.DataFrame | None = None) -> Table:
    c = contracts() if c is None else c
    rows = [{bi("province"): province_label(r.province), bi("contracts_1401"): num(r.contracts_1401),
             bi("area_1401_ha"): num(r.area_1401_ha, 1 if r.area_1401_ha % 1 else 0),
             bi("cmp_ha_per_contract"): num(r.ha_per_contract_1401, 2),
             bi("contracts_cum_1401"): num(r.contracts_cum_1401), bi("area_cum_1401_ha"): num(r.area_cum_1401_ha)}
            for r in c.itertuples()]
    return Table(pd.DataFrame(rows), caption="Contracts concluded and land allotted to applicants, 1401 and cumulative "
                 "to the end of 1401 (the year labels of the annual columns are inferred; see the data notes). "
                 "Source: 002, Table 54.")


def units_jobs() -> pd.DataFrame:
    """Tables 56-57: units brought into operation and their jobs, 1401 and cumulative, jobs per unit."""
    u = _prov("operational_units_by_province")[["province", "units_1400", "units_1401", "units_cum_1401"]]
    e = _prov("operational_employment_by_province")[["province", "employment_1400", "employment_1401",
                                                     "employment_cum_1401"]]
    d = u.merge(e, on="province", validate="one_to_one")
    d["jobs_per_unit_1401"] = d["employment_1401"].astype(float) / d["units_1401"].astype(float).replace(0, np.nan)
    d["jobs_per_unit_cum"] = d["employment_cum_1401"].astype(float) / d["units_cum_1401"].astype(float).replace(0, np.nan)
    return d.sort_values("units_cum_1401", ascending=False).reset_index(drop=True)


def units_jobs_table(d: pd.DataFrame | None = None) -> Table:
    d = units_jobs() if d is None else d
    rows = [{bi("province"): province_label(r.province), bi("units_1401"): num(r.units_1401),
             bi("employment_1401"): num(r.employment_1401), bi("cmp_jobs_per_unit_1401"): num(r.jobs_per_unit_1401, 1),
             bi("units_cum_1401"): num(r.units_cum_1401), bi("employment_cum_1401"): num(r.employment_cum_1401),
             bi("cmp_jobs_per_unit_cum"): num(r.jobs_per_unit_cum, 1)} for r in d.itertuples()]
    return Table(pd.DataFrame(rows), caption="Units brought into operation in industrial estates and zones and their "
                 "jobs, 1401 and cumulative to the end of 1401; jobs per unit. Source: 002, Tables 56 and 57.")


STAGES = ("stage_land_allocated", "stage_walling", "stage_shed_installation", "stage_halls_buildings",
          "stage_machinery_installation")


def projects() -> pd.DataFrame:
    """Table 58: projects under construction by stage; ``stage_sum`` beside the printed total."""
    d = _prov("projects_under_construction_by_province").copy()
    d["stage_sum"] = d[list(STAGES)].sum(axis=1)
    return d.sort_values("total", ascending=True).reset_index(drop=True)


def projects_figure(d: pd.DataFrame | None = None):
    """Stacked horizontal bars of projects under construction by stage, per province."""
    figures.setup()
    import matplotlib.pyplot as plt

    d = projects() if d is None else d
    colours = ["#cfd8dc", "#9aa5b1", "#5b8fa8", "#1f6f8b", "#0b3c5d"]
    fig, ax = plt.subplots(figsize=(7.5, 8.0))
    left = np.zeros(len(d))
    labels = [province_label(k) for k in d["province"]]
    for s, c in zip(STAGES, colours):
        v = d[s].astype(float).to_numpy()
        ax.barh(labels, v, left=left, color=c, label=bi("cmp_" + s), height=0.75)
        left += v
    ax.set_xlabel("Projects under construction, end of 1401 · طرح‌های در دست ساخت")
    ax.set_title("Projects under construction by stage · طرح‌های در دست ساخت به تفکیک مرحله", fontsize=10)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", visible=False)
    ax.legend(fontsize=7, loc="lower right", frameon=True)
    fig.tight_layout()
    plt.close(fig)
    return fig


def finances(base_year: int = 2021) -> pd.DataFrame:
    """Tables 65-66: resources 1401 and 1400, operating-expense share, nominal growth
    (recomputed and printed) and real growth at ``base_year`` prices.

    Real growth deflates 1401 resources with the World Bank CPI index
    (:func:`analysis.metrics.prices.deflate`), Jalali 1400 -> 2021, 1401 -> 2022
    (see :data:`analysis.metrics.prices.APPROXIMATION`).
    """
    from analysis.metrics.prices import deflate, jalali_to_gregorian_year, load_inflation, price_index

    e = _prov("provincial_companies_resources_expenses_1401")[["province", "resources", "opex", "nonopex"]]
    g = _prov("provincial_companies_resources_1400_1401")[["province", "resources_1401", "resources_1400",
                                                          "growth_pct", "flag"]]
    d = e.merge(g, on="province", validate="one_to_one")
    d["opex_share"] = d["opex"].astype(float) / d["resources"].astype(float)
    d["nonopex_share"] = d["nonopex"].astype(float) / d["resources"].astype(float)
    d["growth_nominal"] = d["resources_1401"].astype(float) / d["resources_1400"].astype(float) - 1
    idx = price_index(load_inflation()["cpi_inflation_pct"], base_year=base_year)
    y1401 = jalali_to_gregorian_year(1401)
    real1401 = deflate(d["resources_1401"].astype(float).to_numpy(), [y1401] * len(d), idx, base_year)
    real1400 = deflate(d["resources_1400"].astype(float).to_numpy(), [jalali_to_gregorian_year(1400)] * len(d), idx,
                       base_year)
    d["growth_real"] = real1401.to_numpy() / real1400.to_numpy() - 1
    d["growth_flagged"] = d["flag"].notna()
    return d.sort_values("growth_nominal", ascending=False).reset_index(drop=True)


def finances_table(d: pd.DataFrame | None = None) -> Table:
    d = finances() if d is None else d
    rows = []
    for r in d.itertuples():
        printed = f"{num(r.growth_pct)} %" + (" *" if r.growth_flagged else "")
        rows.append({bi("province"): province_label(r.province), bi("cmp_resources_1401_bn"): num(r.resources_1401 / 1000),
                     bi("cmp_resources_1400_bn"): num(r.resources_1400 / 1000), bi("opex_share"): pct(r.opex_share),
                     bi("cmp_growth_nominal"): pct(r.growth_nominal), bi("cmp_growth_printed"): printed,
                     bi("cmp_growth_real"): pct(r.growth_real)})
    return Table(pd.DataFrame(rows), caption="Provincial companies' resources (billion rials, nominal), share of "
                 "operating expenses in 1401, and growth 1400→1401: nominal (recomputed and printed; * = printed cell "
                 "garbled in the source and read by the extractor) and real (deflated with the World Bank CPI, "
                 "Jalali 1400/1401 taken as Gregorian 2021/2022). Source: 002, Tables 65 and 66.")


# --------------------------------------------------------------------------- glued values
def values() -> dict[str, str]:
    """Every number the chapter's prose cites, formatted."""
    from analysis.metrics.prices import load_inflation

    m = matrix()
    sc = state_counts(m)
    out: dict[str, str] = {
        "cmp_n_provinces": str(len(m.ratio)),
        "cmp_n_indicators": str(len(m.ratio.columns)),
        "cmp_n_cells": str(m.ratio.size),
        "cmp_n_defined": str(int(sc["defined"].sum())),
        "cmp_n_zero_plan": str(int(sc["zero plan"].sum())),
        "cmp_n_flagged": str(int(sc["flagged"].sum())),
        "cmp_n_not_in_table": str(int(sc["not in table"].sum())),
        "cmp_flagged_list": "; ".join(f"{en('cmp_ind_' + ind)}: {', '.join(g['province'])}"
                                      for ind, g in m.flagged.groupby("indicator", sort=False)) or "none",
        "cmp_phone_n": str(int(sc.loc["phone", "defined"])),
        "cmp_fibre_n": str(int(sc.loc["fibre", "defined"])),
    }
    rk = rankings(m)
    best = rk.sort_values(["share_at_least_plan", "n_at_least_plan"], ascending=False).iloc[0]
    out["cmp_best_province"] = province_label(best.name)
    out["cmp_best_n"] = f"{int(best.n_at_least_plan)} of {int(best.n_defined)}"
    agg = aggregates()
    for k in agg.index:
        out[f"cmp_ros_{k}"] = pct(agg.loc[k, "ratio_of_sums"])
        out[f"cmp_mean_{k}"] = pct(agg.loc[k, "mean_ratio"])
    ind, g = gap_explanation()
    out["cmp_gap_indicator"] = get_indicator(ind).label
    out["cmp_gap_text"] = g.text
    out["cmp_gap_pp"] = num(100 * abs(g.gap), 1)
    fs = fits()
    for k, f in fs.items():
        out[f"cmp_fit_{k}_slope"] = f"{f.slope:.2f}"
        out[f"cmp_fit_{k}_ci"] = f"{f.slope_ci[0]:.2f} to {f.slope_ci[1]:.2f}"
        out[f"cmp_fit_{k}_n"] = str(f.n)
        out[f"cmp_fit_{k}_dropped"] = str(len(f.dropped))
        out[f"cmp_fit_{k}_outside"] = ", ".join(f.outside["province"]) or "none"
    out["cmp_fit_n_ind"] = str(len(fs))
    out["cmp_fit_n_min"] = str(min(f.n for f in fs.values()))
    out["cmp_fit_n_max"] = str(max(f.n for f in fs.values()))
    # budget
    b = budget()
    t = _total("capital_budget_by_province")
    out["cmp_budget_agreement_bn"] = num(float(t.agreement) / 1000)
    out["cmp_budget_allocation_bn"] = num(float(t.allocation) / 1000)
    out["cmp_budget_share"] = pct(float(t.allocation) / float(t.agreement))
    out["cmp_budget_top"] = f"{province_label(b.iloc[0].province)} ({pct(b.iloc[0].share)})"
    out["cmp_budget_bottom"] = f"{province_label(b.iloc[-1].province)} ({pct(b.iloc[-1].share)})"
    out["cmp_budget_median"] = pct(b["share"].median())
    # contracts
    c = contracts()
    out["cmp_contracts_1401"] = num(c["contracts_1401"].sum())
    out["cmp_area_1401"] = num(c["area_1401_ha"].sum(), 1)
    out["cmp_contracts_cum"] = num(c["contracts_cum_1401"].sum())
    out["cmp_area_cum"] = num(c["area_cum_1401_ha"].sum())
    out["cmp_contracts_top"] = f"{province_label(c.iloc[0].province)} ({num(c.iloc[0].contracts_1401)})"
    out["cmp_ha_per_contract"] = num(c["area_1401_ha"].sum() / c["contracts_1401"].sum(), 2)
    # units and jobs
    u = units_jobs()
    out["cmp_units_1401"] = num(u["units_1401"].sum())
    out["cmp_jobs_1401"] = num(u["employment_1401"].sum())
    out["cmp_units_cum"] = num(u["units_cum_1401"].sum())
    out["cmp_jobs_cum"] = num(u["employment_cum_1401"].sum())
    out["cmp_jpu_1401"] = num(u["employment_1401"].sum() / u["units_1401"].sum(), 1)
    out["cmp_jpu_cum"] = num(u["employment_cum_1401"].sum() / u["units_cum_1401"].sum(), 1)
    hi = u.sort_values("jobs_per_unit_cum", ascending=False)
    out["cmp_jpu_high"] = f"{province_label(hi.iloc[0].province)} ({num(hi.iloc[0].jobs_per_unit_cum, 1)})"
    out["cmp_jpu_low"] = f"{province_label(hi.iloc[-1].province)} ({num(hi.iloc[-1].jobs_per_unit_cum, 1)})"
    # projects
    p = projects()
    out["cmp_projects_total"] = num(p["total"].sum())
    out["cmp_projects_land_share"] = pct(p["stage_land_allocated"].sum() / p["total"].sum())
    out["cmp_projects_machinery_share"] = pct(p["stage_machinery_installation"].sum() / p["total"].sum())
    out["cmp_projects_mismatch"] = str(int((p["stage_sum"] != p["total"]).sum()))
    out["cmp_projects_top"] = f"{province_label(p.iloc[-1].province)} ({num(p.iloc[-1].total)})"
    # finances
    f = finances()
    r1401, r1400 = f["resources_1401"].sum(), f["resources_1400"].sum()
    out["cmp_res_1401_bn"] = num(r1401 / 1000)
    out["cmp_res_1400_bn"] = num(r1400 / 1000)
    out["cmp_res_growth_nominal"] = pct(r1401 / r1400 - 1)
    cpi = load_inflation()["cpi_inflation_pct"]
    out["cmp_cpi_2022"] = f"{cpi.loc[2022]:.1f} %"
    out["cmp_res_growth_real"] = pct((r1401 / r1400) / (1 + cpi.loc[2022] / 100) - 1)
    out["cmp_n_real_decline"] = str(int((f["growth_real"] < 0).sum()))
    out["cmp_n_nominal_decline"] = str(int((f["growth_nominal"] < 0).sum()))
    out["cmp_growth_top"] = f"{province_label(f.iloc[0].province)} ({pct(f.iloc[0].growth_nominal)} nominal)"
    out["cmp_growth_bottom"] = f"{province_label(f.iloc[-1].province)} ({pct(f.iloc[-1].growth_nominal)} nominal)"
    out["cmp_n_growth_flagged"] = str(int(f["growth_flagged"].sum()))
    out["cmp_opex_share"] = pct(f["opex"].sum() / f["resources"].sum())
    return out
