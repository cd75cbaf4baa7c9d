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

import re
from functools import reduce

import pandas as pd

from analysis.core import provinces
from analysis.core.text import bi, data_text, language, pair, t
from analysis.metrics import indicators, planactual
from analysis.report import cite, figures
from analysis.report.display import DASH, Table, Traced, num, pct, percent, plain, traced
from analysis.report.numerals import persian_ticks
from analysis.sources.datasets import load

TEXT = "kaleh"  # text/<lang>/kaleh.yml

#: Prose figures shown as the programme's targets, in display order (004 lines 35-227).
TARGETS = ("jobs", "jobs_retained_t7", "income_growth", "income_growth_years", "exports", "business_environment",
           "social_capital", "institutions", "cost_per_job", "grants", "bank_facilities", "interest_subsidy")
CONTEXT = ("population", "population_share", "active_population", "employed_population", "unemployed",
           "unemployed_share")
MONEY = (("grants", "ln_grants"), ("bank_facilities", "ln_bank_loans"), ("interest_subsidy", "ln_subsidy"))


def members() -> list[provinces.Province]:
    """The four KALEH provinces (registry order), :func:`analysis.core.provinces.members`."""
    return provinces.members("kaleh")


def _t(key: str, lang: str | None = None, **values) -> str:
    return t(f"{TEXT}.{key}", lang, **values)


def _col(key: str) -> str:
    """A bilingual column header of this chapter."""
    return bi(f"{TEXT}.col_{key}")


def _fa(lang: str | None) -> bool:
    return (lang or language()) == "fa"


def _name(p: provinces.Province, lang: str | None = None) -> str:
    """A province's name in the edition's language."""
    return p.fa if _fa(lang) else p.key


def joined(items, key: str = "join", lang: str | None = None) -> str:
    """Items in a run with the language's comma (``key="join_semicolon"``: semicolon); a dash for none.

    >>> joined(["Ilam", "Hamadan"], lang="en"), joined(["ایلام", "همدان"], lang="fa")
    ('Ilam, Hamadan', 'ایلام، همدان')
    """
    items = [str(x) for x in items]
    return reduce(lambda a, b: _t(key, lang, a=a, b=b), items) if items else DASH


def word(kind: str, value: str, lang: str | None = None) -> str:
    """The reader's word for a qualifier (``kind="q"``) or unit (``"u"``) of ``kaleh_prose_figures``,
    from key ``kaleh.<kind>_<slug>``; a code without a text is an error."""
    slug = "percent" if str(value).strip() == "%" else re.sub(r"[^a-z0-9]+", "_", str(value).lower()).strip("_")
    key = f"{kind}_{slug}"
    try:
        return _t(key, lang)
    except KeyError:
        raise KeyError(f"no text for {kind} {value!r}: add key {key!r} to text/en/{TEXT}.yml and "
                       f"text/fa/{TEXT}.yml") from None


def _fmt_value(v: float) -> str:
    return num(v, 0 if float(v).is_integer() else 1)


def _fmt_percent(v: float) -> str:
    """A printed percentage as :func:`_fmt_value` writes it, with the language's percent sign."""
    return percent(v, 0 if float(v).is_integer() else 1)


def as_printed(r, lang: str | None = None) -> str:
    """A figure of the text with its qualifier and unit: ``about 7.7 %``."""
    if r.qualifier == "exact":
        return _t("value_exact", lang, value=_fmt_value(r.value), unit=word("u", r.unit, lang))
    return _t("value_qualified", lang, qualifier=word("q", r.qualifier, lang), value=_fmt_value(r.value),
              unit=word("u", r.unit, lang))


def prose_table(which: tuple[str, ...], caption: str) -> Table:
    p = load("kaleh_prose_figures").set_index("figure")
    rows, cites = [], []
    for f in which:
        r = p.loc[f]
        cites.append(cite.source("kaleh_prose_figures", r))
        rows.append({_col("figure"): data_text(r.description_en), _col("value"): as_printed(r),
                     bi("ln_line"): str(r.source_line) + (" *" if pd.notna(r.flag) else "")})
    return Table(pd.DataFrame(rows), caption=caption, cite=cites)


def targets_table() -> Table:
    return prose_table(TARGETS, _t("tab_targets"))


def context_table() -> Table:
    return prose_table(CONTEXT, _t("tab_context"))


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
        _col("table"): [plain(x) for x in d["table"]],
        _col("activity"): [pair(e, f) for e, f in zip(d.sector_en, d.sector_fa)],
        _col("county"): [DASH if pd.isna(c) else (cf if _fa(None) else c) for c, cf in zip(d.county_en, d.county_fa)],
        _col("employment"): [num(v) for v in d.employment],
        _col("measure"): [data_text(m) for m in d.employment_measure],
    })
    p = provinces.get(province)
    numbers = sorted(d["table"].unique())
    tables = _t("table_many" if len(numbers) > 1 else "table_one", numbers=joined([plain(x) for x in numbers]))
    name = p.fa if _fa(None) else f"{p.key} · {p.fa}"
    if d.flag.notna().any():
        caption = _t("tab_priority_inferred", province=name, assigned=_name(p), tables=tables)
    else:
        caption = _t("tab_priority", province=name, tables=tables)
    return Table(out, caption=caption, cite=cite.rows("kaleh_priority_sectors", d))


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
#: Financing figure: width (inches), resolution, text size (points) and the most height per width.
#: 9.6 points on a 5-inch figure shows about 9.1 pixels high on a phone (342 CSS pixels wide).
FIG_WIDTH, FIG_DPI, FIG_TEXT, MAX_ASPECT = 5.0, 150, 9.6, 1.15


def _fit_label(label: str, width_px: float) -> str:
    """:func:`analysis.report.figures.fit_label` at this chapter's text size."""
    return figures.fit_label(label, width_px, FIG_TEXT, FIG_DPI)


def financing_figure():
    """Jobs and money (stacked) per province (Table 6) and per sector (Table 8): one row per
    province or sector, its name written whole (wrapped, never cut) over a pale jobs bar in the
    left panel, its money stacked in the right panel; a heading over each table's rows. Sized for
    a phone and one printed page (:data:`FIG_WIDTH`, :data:`FIG_TEXT`, :data:`MAX_ASPECT`)."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    prov = planactual.province_rows(load("kaleh_financing_by_province")).sort_values("jobs", ascending=False)
    sec = load("kaleh_financing_by_sector")
    sec = sec[sec.row_kind == "sector"].sort_values("jobs", ascending=False)
    colours = [figures.PALETTE["actual"], figures.PALETTE["plan"], figures.PALETTE["highlight"]]
    rtl = figures.mirrored()
    fig = plt.figure(figsize=(FIG_WIDTH, 4.0), dpi=FIG_DPI)
    # the jobs panel (which carries the names) first in reading order: on the right in Persian
    jobs_w, money_w, gap = 0.53, 0.37, 0.05
    left_j, left_m = (0.02 + money_w + gap, 0.02) if rtl else (0.02, 0.02 + jobs_w + gap)
    text_px = FIG_WIDTH * FIG_DPI * jobs_w * 0.98
    line_in = FIG_TEXT * 1.2 / 72
    items, y = [], 0.0  # (kind, top, lines, text, row)
    for head, df, labels in (
            (f"{TEXT}.fig_by_province", prov, [pair(provinces.get(k).key, provinces.get(k).fa) for k in prov.province]),
            (f"{TEXT}.fig_by_sector", sec, [pair(e, f) for e, f in zip(sec.sector_en, sec.sector_fa)])):
        y += 0.3 if y else 0.0
        items.append(("head", y, 1, t(head), None))
        y += 1.1
        for lab, r in zip(labels, df.itertuples()):
            lab = _fit_label(lab, text_px)
            n = lab.count("\n") + 1
            items.append(("row", y, n, lab, r))
            y += n + 0.2
    top_in, bottom_in = 0.45, 1.1  # panel titles; the axes' ticks and the legend
    body = y * line_in
    h = body + top_in + bottom_in
    fig.set_size_inches(FIG_WIDTH, h)
    ax_j = fig.add_axes((left_j, bottom_in / h, jobs_w, body / h))
    ax_m = fig.add_axes((left_m, bottom_in / h, money_w, body / h))
    tj = blended_transform_factory(ax_j.transAxes, ax_j.transData)
    x_text, ha = (0.99, "right") if rtl else (0.01, "left")
    for kind, top, n, text, r in items:
        if kind == "head":
            ax_j.text(x_text, top + 0.55, text, transform=tj, fontsize=FIG_TEXT, weight="bold", va="center", ha=ha)
            continue
        mid = top + n / 2
        ax_j.barh(mid, r.jobs, height=n + 0.15, color="#455a64", alpha=0.3, lw=0, zorder=1)
        ax_j.text(x_text, mid, text, transform=tj, fontsize=FIG_TEXT, va="center", ha=ha, linespacing=1.05, zorder=3)
        left = 0.0
        for (col, _), c in zip(MONEY, colours):
            v = float(getattr(r, col))
            ax_m.barh(mid, v, left=left, height=min(n, 1.0) + 0.15, color=c, lw=0)
            left += v
    for ax, title in ((ax_j, f"{TEXT}.fig_jobs"), (ax_m, f"{TEXT}.fig_money")):  # the titles name the units
        ax.set_ylim(y, 0)
        ax.set_yticks([])
        ax.grid(axis="y", visible=False)
        ax.spines["left"].set_visible(False)
        ax.xaxis.set_major_locator(plt.MaxNLocator(3))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: num(x)))
        ax.tick_params(axis="x", labelsize=FIG_TEXT, pad=2)
        ax.set_title(_fit_label(bi(title), FIG_WIDTH * FIG_DPI * (jobs_w if ax is ax_j else money_w)), fontsize=FIG_TEXT, pad=3)
        figures.mirror(ax)
        persian_ticks(ax)
    handles = [Patch(color=c, label=bi(key)) for (_, key), c in zip(MONEY, colours)]
    fig.legend(handles=handles, loc="lower center", ncol=1, frameon=False, fontsize=FIG_TEXT,
               bbox_to_anchor=(0.5, 0.0), handlelength=1.5, borderaxespad=0.1)
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
            cell = pct(r.ratio) if pd.notna(r.ratio) else (DASH if pd.isna(r.plan) else _t("no_ratio", plan=num(r.plan)))
            if pd.notna(r["rank"]):
                cell = _t("ratio_rank", ratio=cell, rank=plain(r["rank"]), n=plain(r.n_ranked))
            row[pair(p.key, p.fa)] = cell
        row[bi("national_ratio")] = pct(sub.national_ratio.iloc[0])
        rows.append(row)
    cites = [cite.computed("isipo_row", dataset=ind.dataset, num=ind.actual, den=ind.plan,
                           cites=cite.join(*(cite.province_or_absent(ind.dataset, p.key) for p in members())).short)
             for ind in indicators.indicators()]
    return Table(pd.DataFrame(rows), caption=_t("tab_isipo"), cite=cites)


def operations_frame() -> pd.DataFrame:
    """Units brought into operation and their employment (002 Tables 56-57) for the four
    provinces, with the four's share of all provinces."""
    u = load("operational_units_by_province")
    e = load("operational_employment_by_province")
    u = planactual.province_rows(u).set_index("province")
    e = planactual.province_rows(e).set_index("province")
    cols = {"units_1401": u.units_1401, "units_cum_1401": u.units_cum_1401,
            "employment_1401": e.employment_1401, "employment_cum_1401": e.employment_cum_1401}
    all_ = pd.DataFrame(cols).astype(float)
    four = all_.loc[[p.key for p in members()]]
    four.loc["four"] = four.sum()
    four.loc["share"] = four.loc["four"] / all_.sum()
    return four


def operations_table() -> Table:
    o = operations_frame()
    rows, cites = [], []
    four = [p.key for p in members()]
    for k in o.index:
        if k == "four":
            cites.append(cite.computed("sum_provinces", n=len(four),
                                       dataset="operational_units_by_province, operational_employment_by_province"))
        elif k == "share":
            cites.append(cite.computed("share_of_all", n=len(four),
                                       dataset="operational_units_by_province, operational_employment_by_province"))
        else:
            cites.append(cite.join(cite.province("operational_units_by_province", k),
                                   cite.province("operational_employment_by_province", k)))
        if k == "four":
            label = bi(f"{TEXT}.row_four")
        elif k == "share":
            label = bi(f"{TEXT}.row_share")
        else:
            label = pair(provinces.get(k).key, provinces.get(k).fa)
        fmt = (lambda v: pct(v)) if k == "share" else (lambda v: num(v))
        rows.append({bi("province"): label, **{bi(c): fmt(o.loc[k, c]) for c in o.columns}})
    return Table(pd.DataFrame(rows), highlight=len(rows) - 1, caption=_t("tab_ops"), cite=cites)


# --------------------------------------------------------------------------- glue values
def values(lang: str | None = None) -> dict[str, str]:
    """Every glued value of the chapter, words and names in the edition's language (default :func:`language`)."""
    p = load("kaleh_prose_figures").set_index("figure")
    t6 = load("kaleh_financing_by_province")
    tot = t6[t6.row_kind == "total"].iloc[0]
    t6p = planactual.province_rows(t6).set_index("province")
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
        "kl_n": plain(len(members())),
        "kl_names": joined([_name(m, lang) for m in members()], lang=lang),
        "kl_year": plain(p.loc["document_year", "value"]),
        "kl_jobs_k": _fmt_value(p.loc["jobs", "value"]),
        "kl_jobs_t6": num(tot.jobs),
        "kl_income": _fmt_percent(p.loc['income_growth', 'value']),
        "kl_income_years": _fmt_value(p.loc["income_growth_years", "value"]),
        "kl_exports": _fmt_percent(p.loc['exports', 'value']),
        "kl_retained_k": _fmt_value(p.loc["jobs_retained_t7", "value"]),
        "kl_cost_printed": _fmt_value(p.loc["cost_per_job", "value"]),
        "kl_cost_calc": num(c[c.row_kind == "total"].cost_per_job.iloc[0], 1),
        "kl_money_total": num(tot.total_money),
        "kl_loans_share": pct(tot.bank_facilities / tot.total_money),
        "kl_pop": _fmt_value(p.loc["population", "value"]),
        "kl_pop_share": _fmt_percent(p.loc['population_share', 'value']),
        "kl_unemp_share": _fmt_percent(p.loc['unemployed_share', 'value']),
        "kl_jobs_vs_unemployed": pct(tot.jobs / (p.loc["unemployed", "value"] * 1e3)),
        "kl_unemployed_k": _fmt_value(p.loc["unemployed", "value"]),
        "kl_top_sector": _t("name_count", lang, name=top.sector_fa if _fa(lang) else top.sector_en, n=num(top.jobs)),
        "kl_no_table": joined([_name(provinces.get(k), lang) for k in no_table], lang=lang) if no_table else _t("none", lang),
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
        "kl_budget_ratios": joined([_t("name_value", lang, name=_name(provinces.get(k), lang), value=pct(bud.loc[k, "ratio"]))
                                    for k in bud.index], "join_semicolon", lang),
        "kl_budget_national": pct(bud.national_ratio.iloc[0]),
        "kl_n_under": plain((prof.category == "under").sum()),
        "kl_n_not_started": plain((prof.category == "not started").sum()),
        "kl_n_defined": plain(prof.ratio.notna().sum()),
    }
    for k, c_ in _value_cites(p, t6, tot, sec, top, prof).items():
        v[k] = Traced(v[k], c_)
    return v


def _value_cites(p: pd.DataFrame, t6: pd.DataFrame, tot: pd.Series, sec: pd.DataFrame, top: pd.Series,
                 prof: pd.DataFrame) -> dict[str, cite.Cite]:
    """The source of each number of :func:`values` a reader could check: a figure of the programme's
    prose (``kaleh_prose_figures``) or a row of Table 6 cites its seed line, a sum or a ratio its
    computation (the names, lists and the count of provinces stay plain)."""
    prose, t6_name, t8_name = "kaleh_prose_figures", "kaleh_financing_by_province", "kaleh_financing_by_sector"
    said = {f: cite.source(prose, p.loc[f]) for f in ("document_year", "jobs", "income_growth", "income_growth_years",
                                                       "exports", "jobs_retained_t7", "cost_per_job", "population",
                                                       "population_share", "unemployed_share", "unemployed")}
    total = cite.source(t6_name, tot)
    keys = [m.key for m in members()]

    def priority(key: str) -> cite.Cite:
        return cite.computed("sum_priority", province=key, dataset="kaleh_priority_sectors")

    def ops(column: str, share: bool = False) -> cite.Cite:
        ds = "operational_units_by_province" if column.startswith("units") else "operational_employment_by_province"
        if share:
            return cite.computed("share_of_all", n=len(keys), dataset=f"{ds}.{column}")
        return cite.computed("sum_provinces", n=len(keys), dataset=f"{ds}.{column}")

    budget = indicators.get("capital_budget")
    n_budget = len(planactual.province_rows(load(budget.dataset)))
    pairs = {"n": len(prof), "n_provinces": len(keys)}
    return {
        "kl_year": said["document_year"], "kl_jobs_k": said["jobs"], "kl_income": said["income_growth"],
        "kl_income_years": said["income_growth_years"], "kl_exports": said["exports"],
        "kl_retained_k": said["jobs_retained_t7"], "kl_cost_printed": said["cost_per_job"],
        "kl_pop": said["population"], "kl_pop_share": said["population_share"],
        "kl_unemp_share": said["unemployed_share"], "kl_unemployed_k": said["unemployed"],
        "kl_jobs_t6": total, "kl_money_total": total,
        "kl_cost_calc": cite.computed("per_job_three", cite=total.long),
        "kl_loans_share": cite.computed("row_ratio", num="bank_facilities", den="total_money", cite=total.long),
        "kl_jobs_vs_unemployed": cite.computed("ratio_of_cites", num=total.short, den=said["unemployed"].short),
        "kl_top_sector": cite.source(t8_name, top),
        "kl_kermanshah_t1": priority("Kermanshah"), "kl_hamadan_t4": priority("Hamadan"),
        "kl_kermanshah_t6": cite.province(t6_name, "Kermanshah"), "kl_hamadan_t6": cite.province(t6_name, "Hamadan"),
        "kl_lorestan_t6": cite.province(t6_name, "Lorestan"),
        "kl_ops_units_1401": ops("units_1401"), "kl_ops_units_share": ops("units_1401", True),
        "kl_ops_emp_1401": ops("employment_1401"), "kl_ops_emp_share": ops("employment_1401", True),
        "kl_ops_emp_cum": ops("employment_cum_1401"), "kl_ops_emp_cum_share": ops("employment_cum_1401", True),
        "kl_budget_national": cite.computed("ratio_of_sums", dataset=budget.dataset, num=budget.actual,
                                            den=budget.plan, n=n_budget),
        "kl_n_under": cite.computed("profile_under", **pairs),
        "kl_n_not_started": cite.computed("profile_not_started", **pairs),
        "kl_n_defined": cite.computed("profile_defined", **pairs),
    }


def cost_range(lo: str, hi: str, lang: str | None = None) -> str:
    """The range of money per job across provinces, ``lo to hi``."""
    return _t("range", lang, **traced({"lo": lo, "hi": hi}))  # a traced end keeps its source in the prose


#: Where the map names the four provinces (longitude, latitude): beside them, on the grey of the
#: provinces outside the programme, each joined to its province by a leader line.
MAP_LABELS = {"Kermanshah": (46.2, 36.6), "Ilam": (45.8, 31.6), "Hamadan": (51.3, 35.3), "Lorestan": (51.4, 32.3)}


def province_map():
    """Map of Iran with the programme's provinces (:func:`members`) highlighted and named."""
    from analysis.report import maps
    keys = [p.key for p in members()]
    return maps.highlight_map(keys, title=bi(f"{TEXT}.map_title"), leaders={k: MAP_LABELS[k] for k in keys if k in MAP_LABELS})
