"""Chapter "KALEH programme · برنامه کاله" (notebooks/07_kaleh.md).

The 1398 executive programme for business and employment development in
Kermanshah, Ilam, Lorestan and Hamadan (source 004): targets, priority
activities, financing per province and sector; then what ISIPO's 1401 report
(source 002) shows for the same four provinces. Different programmes and years:
nothing here measures KALEH's effect.

>>> [p.key for p in members()]
['Ilam', 'Kermanshah', 'Lorestan', 'Hamadan']
"""
from __future__ import annotations

import pandas as pd

from analysis.core import provinces
from analysis.core.text import bi, en, pair
from analysis.metrics import indicators, planactual
from analysis.report import figures
from analysis.report.display import DASH, Table, num, pct
from analysis.sources.datasets import load

#: Prose figures shown as the programme's targets, in display order (004 lines 35-227).
TARGETS = ("jobs", "jobs_retained_t7", "income_growth", "income_growth_years", "exports", "business_environment",
           "social_capital", "institutions", "cost_per_job", "grants", "bank_facilities", "interest_subsidy")
CONTEXT = ("population", "population_share", "active_population", "employed_population", "unemployed",
           "unemployed_share")
MONEY = (("grants", "ln_grants"), ("bank_facilities", "ln_bank_loans"), ("interest_subsidy", "ln_subsidy"))


def members() -> list[provinces.Province]:
    """The four KALEH provinces (registry order), :func:`analysis.core.provinces.members`."""
    return provinces.members("kaleh")


def _fmt_value(v: float) -> str:
    return num(v, 0 if float(v).is_integer() else 1)


def prose_table(which: tuple[str, ...], caption: str) -> Table:
    p = load("kaleh_prose_figures").set_index("figure")
    rows = []
    for f in which:
        r = p.loc[f]
        q = "" if r.qualifier == "exact" else f"{r.qualifier} "
        rows.append({bi("kl_figure"): r.description_en, bi("kl_value"): f"{q}{_fmt_value(r.value)} {r.unit}",
                     bi("ln_line"): str(r.source_line) + (" *" if pd.notna(r.flag) else "")})
    return Table(pd.DataFrame(rows), caption=caption)


def targets_table() -> Table:
    return prose_table(TARGETS, f"{en('kl_targets_title')}. * = printed in words. Source: 004 (lines 35–227).")


def context_table() -> Table:
    return prose_table(CONTEXT, f"{en('kl_context_title')}. Source: 004, line 35.")


# --------------------------------------------------------------------------- priority activities
def priority_frame() -> pd.DataFrame:
    """004 Tables 1-4: priority activities per province (activity rows and printed totals)."""
    return load("kaleh_priority_sectors")


def priority_table(province: str) -> Table | None:
    """One province's priority activities; None if the document has no table for it (Lorestan)."""
    d = priority_frame()
    d = d[d.province == province]
    if d.empty:
        return None
    out = pd.DataFrame({
        bi("kl_table"): list(d["table"]),
        bi("kl_activity"): [pair(e, f) for e, f in zip(d.sector_en, d.sector_fa)],
        bi("kl_county"): [DASH if pd.isna(c) else c for c in d.county_en],
        bi("kl_employment"): [num(v) for v in d.employment],
        bi("kl_measure"): list(d.employment_measure),
    })
    p = provinces.get(province)
    flagged = d.flag.notna().any()
    note = (" The table's title names no province; it is assigned to Hamadan from its activities "
            "(flagged in the data).") if flagged else ""
    return Table(out, caption=f"{en('kl_priority_title')}: {p.key} · {p.fa}.{note} Source: 004, "
                              f"{'Tables' if d['table'].nunique() > 1 else 'Table'} {', '.join(sorted(d['table'].unique()))}.")


def priority_sums() -> pd.DataFrame:
    """Employment per province summed over activity rows (printed totals excluded) beside
    Table 6 jobs; flagged rows (Table 4's inferred province) are counted separately."""
    d = priority_frame()
    act = d[d.row_kind == "activity"]
    t6 = load("kaleh_financing_by_province").set_index("province")
    rows = []
    for p in members():
        a = act[act.province == p.key]
        rows.append({"province": p.key, "tables": ", ".join(sorted(a["table"].unique())) or DASH,
                     "activities": len(a), "employment_sum": float(a.employment.sum()) if len(a) else float("nan"),
                     "flagged": bool(a.flag.notna().any()), "t6_jobs": float(t6.loc[p.key, "jobs"])})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- financing
def financing_figure():
    """Two panels: jobs and money (stacked) per province (Table 6) and per sector (Table 8)."""
    figures.setup()
    import textwrap

    import matplotlib.pyplot as plt
    import numpy as np

    prov = load("kaleh_financing_by_province")
    prov = prov[prov.row_kind == "province"]
    sec = load("kaleh_financing_by_sector")
    sec = sec[sec.row_kind == "sector"].sort_values("jobs")
    colours = [figures.PALETTE["actual"], figures.PALETTE["plan"], figures.PALETTE["highlight"]]
    fig, axes = plt.subplots(2, 2, figsize=(7.5, 8.2), gridspec_kw={"height_ratios": [1, 2.6]})
    for row, (df, labels) in enumerate((
            (prov, [pair(provinces.get(k).key, provinces.get(k).fa) for k in prov.province]),
            (sec, [pair(textwrap.shorten(e, 26, placeholder='…'), f) for e, f in zip(sec.sector_en, sec.sector_fa)]))):
        y = np.arange(len(df))
        ax_j, ax_m = axes[row]
        ax_j.barh(y, df.jobs, color="#455a64")
        ax_j.set_yticks(y, labels)
        ax_j.tick_params(axis="y", labelsize=7)
        left = np.zeros(len(df))
        for (col, key), c in zip(MONEY, colours):
            vals = df[col].astype(float).to_numpy()
            ax_m.barh(y, vals, left=left, color=c, label=bi(key) if row == 0 else None)
            left += vals
        ax_m.set_yticks(y, [""] * len(df))
        ax_j.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: num(x)))
        ax_m.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: num(x)))
        ax_j.tick_params(axis="x", labelsize=7)
        ax_m.tick_params(axis="x", labelsize=7)
    axes[0, 0].set_title("New jobs · اشتغال جدید", fontsize=9)
    axes[0, 1].set_title("Finance, billion rials 1398 · منابع مالی", fontsize=9)
    axes[1, 0].set_xlabel("persons · نفر", fontsize=8)
    axes[1, 1].set_xlabel("billion rials (nominal 1398) · میلیارد ریال", fontsize=8)
    fig.legend(loc="lower center", ncol=3, frameon=False, fontsize=7)
    fig.suptitle("KALEH plan: jobs and finance by province and by sector\nبرنامه کاله: اشتغال و منابع مالی", fontsize=10)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- ISIPO 1401
def isipo_profiles() -> pd.DataFrame:
    """:func:`analysis.metrics.planactual.profile` of each KALEH province over all indicators, long frame."""
    frames = indicators.frames()
    out = []
    for p in members():
        prof = planactual.profile(frames, p.key)
        prof.insert(0, "province", p.key)
        out.append(prof)
    return pd.concat(out, ignore_index=True)


def isipo_table() -> Table:
    prof = isipo_profiles()
    rows = []
    for ind in indicators.indicators():
        sub = prof[prof.indicator == ind.key].set_index("province")
        row = {bi("indicator"): ind.label}
        for p in members():
            r = sub.loc[p.key]
            cell = pct(r.ratio) if pd.notna(r.ratio) else (DASH if pd.isna(r.plan) else f"— (plan {num(r.plan)})")
            if pd.notna(r["rank"]):
                cell += f", {int(r['rank'])}/{int(r.n_ranked)}"
            row[pair(p.key, p.fa)] = cell
        row[bi("national_ratio")] = pct(sub.national_ratio.iloc[0])
        rows.append(row)
    return Table(pd.DataFrame(rows), caption=(
        f"{en('kl_isipo_title')}: achievement (actual / plan) and rank among provinces with a defined ratio. "
        "A dash: no plan, a zero plan or an unreadable (flagged) cell. Source: 002, Tables 7, 13–16, 20, 53."))


def operations_frame() -> pd.DataFrame:
    """Units brought into operation and their employment (002 Tables 56-57) for the four
    provinces, with the four's share of all provinces."""
    u = load("operational_units_by_province")
    e = load("operational_employment_by_province")
    u = u[u.row_kind == "province"].set_index("province")
    e = e[e.row_kind == "province"].set_index("province")
    cols = {"units_1401": u.units_1401, "units_cum_1401": u.units_cum_1401,
            "employment_1401": e.employment_1401, "employment_cum_1401": e.employment_cum_1401}
    all_ = pd.DataFrame(cols).astype(float)
    four = all_.loc[[p.key for p in members()]]
    four.loc["four"] = four.sum()
    four.loc["share"] = four.loc["four"] / all_.sum()
    return four


def operations_table() -> Table:
    o = operations_frame()
    rows = []
    for k in o.index:
        if k == "four":
            label = "Four KALEH provinces · چهار استان"
        elif k == "share":
            label = "Share of all provinces · سهم از کل کشور"
        else:
            label = pair(provinces.get(k).key, provinces.get(k).fa)
        fmt = (lambda v: pct(v)) if k == "share" else (lambda v: num(v))
        rows.append({bi("province"): label, **{bi(c): fmt(o.loc[k, c]) for c in o.columns}})
    return Table(pd.DataFrame(rows), highlight=len(rows) - 1, caption=(
        f"{en('kl_ops_title')}. The annual columns' year labels are uncertain in the source (see the data "
        "catalogue). Source: 002, Tables 56–57 (lines 5357–5547)."))


# --------------------------------------------------------------------------- glue values
def values() -> dict[str, str]:
    p = load("kaleh_prose_figures").set_index("figure")
    t6 = load("kaleh_financing_by_province")
    tot = t6[t6.row_kind == "total"].iloc[0]
    t6p = t6[t6.row_kind == "province"].set_index("province")
    from analysis.metrics.loans import kaleh_cost_per_job
    c = kaleh_cost_per_job(t6, ["grants", "bank_facilities", "interest_subsidy"], "jobs")
    o = operations_frame()
    prof = isipo_profiles()
    ps = priority_sums().set_index("province")
    no_table = [k for k in ps.index if ps.loc[k, "activities"] == 0]
    sec = load("kaleh_financing_by_sector")
    sec = sec[sec.row_kind == "sector"]
    top = sec.sort_values("jobs", ascending=False).iloc[0]
    bud = prof[prof.indicator == "capital_budget"].set_index("province")
    v = {
        "kl_n": str(len(members())),
        "kl_names": ", ".join(m.key for m in members()),
        "kl_year": str(int(p.loc["document_year", "value"])),
        "kl_jobs_k": _fmt_value(p.loc["jobs", "value"]),
        "kl_jobs_t6": num(tot.jobs),
        "kl_income": f"{_fmt_value(p.loc['income_growth', 'value'])} %",
        "kl_income_years": _fmt_value(p.loc["income_growth_years", "value"]),
        "kl_exports": f"{_fmt_value(p.loc['exports', 'value'])} %",
        "kl_retained_k": _fmt_value(p.loc["jobs_retained_t7", "value"]),
        "kl_cost_printed": _fmt_value(p.loc["cost_per_job", "value"]),
        "kl_cost_calc": num(c[c.row_kind == "total"].cost_per_job.iloc[0], 1),
        "kl_money_total": num(tot.total_money),
        "kl_loans_share": pct(tot.bank_facilities / tot.total_money),
        "kl_pop": _fmt_value(p.loc["population", "value"]),
        "kl_pop_share": f"{_fmt_value(p.loc['population_share', 'value'])} %",
        "kl_unemp_share": f"{_fmt_value(p.loc['unemployed_share', 'value'])} %",
        "kl_jobs_vs_unemployed": pct(tot.jobs / (p.loc["unemployed", "value"] * 1e3)),
        "kl_unemployed_k": _fmt_value(p.loc["unemployed", "value"]),
        "kl_top_sector": f"{top.sector_en} ({num(top.jobs)})",
        "kl_no_table": ", ".join(no_table) or "none",
        "kl_kermanshah_t1": num(ps.loc["Kermanshah", "employment_sum"]),
        "kl_kermanshah_t6": num(ps.loc["Kermanshah", "t6_jobs"]),
        "kl_hamadan_t4": num(ps.loc["Hamadan", "employment_sum"]),
        "kl_hamadan_t6": num(ps.loc["Hamadan", "t6_jobs"]),
        "kl_lorestan_t6": num(t6p.loc["Lorestan", "jobs"]),
        "kl_ops_units_1401": num(o.loc["four", "units_1401"]),
        "kl_ops_units_share": pct(o.loc["share", "units_1401"]),
        "kl_ops_emp_1401": num(o.loc["four", "employment_1401"]),
        "kl_ops_emp_share": pct(o.loc["share", "employment_1401"]),
        "kl_ops_emp_cum": num(o.loc["four", "employment_cum_1401"]),
        "kl_ops_emp_cum_share": pct(o.loc["share", "employment_cum_1401"]),
        "kl_budget_ratios": "; ".join(f"{k} {pct(bud.loc[k, 'ratio'])}" for k in bud.index),
        "kl_budget_national": pct(bud.national_ratio.iloc[0]),
        "kl_n_under": str(int((prof.category == "under").sum())),
        "kl_n_defined": str(int(prof.ratio.notna().sum())),
    }
    return v
