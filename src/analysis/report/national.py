"""Chapter 'National plan versus actual (ISIPO 1401)': every national plan/actual row of
seed 002 in one tidy frame, the audit of its printed percentages, and the ranked figure.

The frame is built from the catalogued datasets listed in :data:`SPECS` (one entry per
printed table or table group); each row keeps its source table and line. Ratios come
from :func:`analysis.metrics.planactual.achievement` (uncapped ``actual / plan``), categories
from :func:`analysis.metrics.planactual.categorise`, and the verdict on the printed percentage
from :func:`analysis.sources.audit.compare_percent` (``ok``, ``rounding``, ``capped``,
``discrepancy``; ``note`` for a zero plan).

>>> f = national_frame()
>>> r = f.loc[f.dataset == "registered_deeds_plan"].iloc[0]  # 002 line 720
>>> float(r.plan), float(r.actual), float(r.printed_pct), r.verdict
(4310.0, 2765.0, 64.0, 'ok')
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.text import bi, en
from analysis.metrics import planactual
from analysis.report import figures
from analysis.report.display import DASH, Table, num, pct
from analysis.sources.audit import compare_percent
from analysis.sources.datasets import flagged_columns, load


@dataclass(frozen=True)
class Spec:
    """Where one national plan/actual table lives and which columns hold what."""

    dataset: str
    item: str  # column with the indicator's English name
    unit: str  # column with the unit (English)
    plan: str
    actual: str
    printed: str | None  # column with the printed %, or None if the table prints none
    period: str = "1401"  # what the plan covers
    rows: str | None = None  # pandas query selecting the rows (e.g. the total row)
    context: str = ""  # short subject put before the row's own label


SPECS: tuple[Spec, ...] = (
    Spec("service_company_law", "item", "unit", "plan", "actual", "pct_printed", context="Service-company law"),
    Spec("new_parks_plan", "item", "unit", "plan", "actual", "pct_printed", context="New parks/zones"),
    Spec("estate_land_area", "item", "unit", "plan_1401", "actual_1401", "pct_printed", context="Land added"),
    Spec("registered_deeds_plan", "item", "unit", "plan", "actual", "pct_printed", context="Deeds"),
    Spec("subdivision_deeds_plan", "item", "unit", "plan", "actual", "pct_printed", context="Deeds"),
    Spec("infrastructure_plan", "item", "unit", "plan", "actual", None, context="Infrastructure"),
    Spec("workshop_units", "item", "unit", "plan", "actual", None, context="Workshops"),
    Spec("wastewater_plan_actual", "item_en", "unit_en", "plan", "actual", "pct_printed", context="Wastewater"),
    Spec("green_space", "item_en", "unit_en", "plan", "actual", "pct_printed", context="Green space"),
    Spec("environment_plan_actual", "item_en", "unit_en", "plan", "actual", None, context="Environment"),
    Spec("cluster_programme", "item_en", "unit_en", "plan", "actual", "pct_printed", context="Clusters"),
    Spec("subcontracting_plan_actual", "item_en", "unit_en", "plan", "actual", "pct_printed", context="Subcontracting"),
    Spec("loan_scheme_achievements", "indicator", "unit", "target", "actual", "pct_printed", period="scheme"),
    Spec("training_export_plan_actual", "indicator", "unit", "plan_1401", "actual_1401", "pct_printed",
         context="Training/export"),
    Spec("capital_budget_national_by_plan", "item_en", "unit", "agreement", "allocation", None,
         rows="row_kind == 'total'"),
)

#: Loan schemes of Tables 42, 45 and 48 (cumulative targets, not 1401 plans).
SCHEMES = {"renovation": "Renovation loans", "technical_credit_public": "Technical and credit aid",
           "dairy": "Dairy-industry loans"}

#: Columns of :func:`national_frame`.
COLUMNS = ["indicator", "unit", "table", "dataset", "period", "plan", "actual", "printed_pct", "ratio", "pct",
           "status", "category", "verdict", "recomputed_pct", "flag", "source_line"]


def _table_no(ds_name: str, row: pd.Series) -> str:
    from analysis.sources.datasets import dataset

    if "table_no" in row.index and isinstance(row["table_no"], str):
        return row["table_no"]
    return dataset(ds_name).table or DASH


def spec_rows(spec: Spec) -> pd.DataFrame:
    """The rows of one :class:`Spec` in the tidy layout (before ratios).

    Flagged plan or actual cells are set to missing (they never enter a ratio);
    a flagged printed percentage is kept but its verdict carries the flag.
    The national capital budget total (Table 52) is in billion rials and has
    no ``unit`` column; its unit is set here.
    """
    df = load(spec.dataset)
    if spec.rows:
        df = df.query(spec.rows)
    out = []
    for _, r in df.iterrows():
        flagged = flagged_columns(r.get("flag")) if "flag" in r.index else set()
        plan = np.nan if spec.plan in flagged or pd.isna(r[spec.plan]) else float(r[spec.plan])
        actual = np.nan if spec.actual in flagged or pd.isna(r[spec.actual]) else float(r[spec.actual])
        printed = np.nan
        if spec.printed and not pd.isna(r[spec.printed]):
            printed = float(r[spec.printed])
        if spec.dataset == "capital_budget_national_by_plan":
            item, unit = "capital budget of the national plans: allocation vs agreement", "billion rials"
        else:
            item, unit = str(r[spec.item]), str(r[spec.unit])
            ctx = SCHEMES.get(str(r["scheme"]), "") if spec.dataset == "loan_scheme_achievements" else spec.context
            item = f"{ctx}: {item}" if ctx else item
        period = f"{r['period']}" if spec.period == "scheme" else spec.period
        out.append({"indicator": item, "unit": unit, "table": _table_no(spec.dataset, r), "dataset": spec.dataset,
                    "period": period, "plan": plan, "actual": actual, "printed_pct": printed,
                    "flag": "" if not flagged else str(r["flag"]), "source_line": int(r["source_line"])})
    return pd.DataFrame(out)


def verdict(printed_pct: float, actual: float, plan: float, dataset: str = "", item: str = "",
            source_line: int | None = None) -> tuple[str, float]:
    """Audit verdict of a printed percentage and the recomputed percentage.

    The number of printed decimals is inferred from the value (``6.4`` -> 1,
    ``64`` -> 0). No printed percentage gives ``'not printed'``; a missing
    plan or actual (flagged cell) gives ``'not checked'``.

    >>> verdict(100, 2776, 2477)[0]  # 002 line 572: 112 % printed as 100
    'capped'
    >>> verdict(95, 5916, 6187)[0]  # 002 line 605: 95.6 % printed as 95
    'rounding'
    >>> verdict(float("nan"), 718, 739)
    ('not printed', nan)
    """
    if pd.isna(printed_pct):
        return "not printed", np.nan
    if pd.isna(plan) or pd.isna(actual):
        return "not checked", np.nan
    dec = 1 if float(printed_pct) % 1 else 0
    f = compare_percent(dataset, item, float(printed_pct), float(actual), float(plan), decimals=dec,
                        source_line=source_line)
    return f.verdict, (np.nan if f.recomputed is None else float(f.recomputed))


def national_frame() -> pd.DataFrame:
    """All national plan/actual indicators of seed 002, one row each (:data:`COLUMNS`).

    ``ratio`` is ``actual / plan`` uncapped (NaN with a ``status`` when undefined),
    ``category`` one of :data:`analysis.metrics.planactual.CATEGORIES`, ``verdict`` the
    audit of the printed percentage (see :func:`verdict`).
    """
    frames = [spec_rows(s) for s in SPECS]
    df = pd.concat(frames, ignore_index=True)
    a = planactual.achievement(df)
    df["ratio"], df["pct"], df["status"] = a["ratio"], a["pct"], a["status"]
    df["category"] = planactual.categorise(df["ratio"])
    vr = [verdict(r.printed_pct, r.actual, r.plan, r.dataset, r.indicator, r.source_line) for r in df.itertuples()]
    df["verdict"] = [v for v, _ in vr]
    df["recomputed_pct"] = [p for _, p in vr]
    return df[COLUMNS]


def summary(df: pd.DataFrame | None = None, top: int = 3) -> dict[str, str]:
    """Formatted values for the chapter's prose (all strings, ready to glue)."""
    df = national_frame() if df is None else df
    cats = df["category"].value_counts()
    verd = df["verdict"].value_counts()
    d = df[df["status"] == planactual.DEFINED].sort_values("ratio", ascending=False)
    out = {
        "nat_n": str(len(df)),
        "nat_n_tables": str(df["dataset"].nunique()),
        "nat_n_defined": str(len(d)),
        "nat_n_over": str(int(cats.get("over", 0))),
        "nat_n_met": str(int(cats.get("met", 0))),
        "nat_n_under": str(int(cats.get("under", 0))),
        "nat_n_not_started": str(int(cats.get("not started", 0))),
        "nat_n_at_least_plan": str(int((d["ratio"] >= 1).sum())),
        "nat_n_printed": str(int(df["printed_pct"].notna().sum())),
        "nat_n_ok": str(int(verd.get("ok", 0))),
        "nat_n_rounding": str(int(verd.get("rounding", 0))),
        "nat_n_capped": str(int(verd.get("capped", 0))),
        "nat_n_discrepancy": str(int(verd.get("discrepancy", 0))),
        "nat_n_not_printed": str(int(verd.get("not printed", 0))),
        "nat_median": pct(d["ratio"].median()),
    }
    for i, (_, r) in enumerate(d.head(top).iterrows(), 1):
        out[f"nat_top{i}"] = f"{r.indicator} ({pct(r.ratio)}, Table {r.table})"
    for i, (_, r) in enumerate(d.tail(top).iloc[::-1].iterrows(), 1):
        out[f"nat_bottom{i}"] = f"{r.indicator} ({pct(r.ratio)}, Table {r.table})"
    capped = df[df["verdict"] == "capped"]
    out["nat_capped_list"] = "; ".join(f"{r.indicator} (Table {r.table}: {pct(r.ratio)} printed as 100 %)"
                                       for _, r in capped.iterrows()) or DASH
    disc = df[df["verdict"] == "discrepancy"]
    out["nat_discrepancy_list"] = "; ".join(
        f"{r.indicator} (Table {r.table}: printed {num(r.printed_pct, 1)} %, recomputed {num(r.recomputed_pct, 1)} %)"
        for _, r in disc.iterrows()) or "none"
    rnd = df[df["verdict"] == "rounding"]
    out["nat_rounding_list"] = "; ".join(
        f"{r.indicator} (Table {r.table}: printed {num(r.printed_pct, 1)} %, recomputed {num(r.recomputed_pct, 1)} %)"
        for _, r in rnd.iterrows()) or "none"
    fl = df[df["flag"] != ""]
    out["nat_flagged"] = "; ".join(f"{r.indicator} (Table {r.table}, line {r.source_line}: {r.flag})"
                                   for _, r in fl.iterrows()) or "none"
    out["nat_n_flagged"] = str(len(fl))
    return out


def _short(text: str, width: int = 58) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def chart_label(r) -> str:
    """Bar label: ``T13 · indicator [unit]`` (shortened)."""
    return f"T{r.table} · {_short(r.indicator, 52)} [{_short(r.unit, 18)}]"


CATEGORY_COLOURS = {"not started": "#7f1d1d", "under": "#c0392b", "met": "#9aa5b1", "over": "#1f6f8b"}


def figure(df: pd.DataFrame | None = None):
    """Ranked horizontal bars of the achievement ratios, log scale, 100 % line."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    df = national_frame() if df is None else df
    d = df[df["status"] == planactual.DEFINED].sort_values("ratio", ascending=True).reset_index(drop=True)
    h = max(4.0, 0.2 * len(d) + 1.4)
    fig, ax = plt.subplots(figsize=(7.5, h))
    vals = 100 * d["ratio"].clip(lower=0.04)  # a zero ratio would vanish on a log axis: drawn at the axis edge
    ax.barh([chart_label(r) for r in d.itertuples()], vals,
            color=[CATEGORY_COLOURS.get(c, "#999") for c in d["category"]], height=0.7)
    ax.set_xscale("log")
    ax.axvline(100, color=figures.PALETTE["national"], lw=1.2, ls="--")
    ax.set_xlim(4, max(400, 1.3 * float(vals.max())))
    ax.set_xticks([5, 10, 25, 50, 100, 200, 400])
    ax.set_xticklabels(["5", "10", "25", "50", "100", "200", "400"])
    ax.set_xlabel("Achievement, actual / plan (%, log scale) · نسبت تحقق (درصد، مقیاس لگاریتمی)")
    ax.set_title("National plan vs actual, ISIPO 1401 · برنامه و عملکرد ملی ۱۴۰۱")
    ax.tick_params(axis="y", labelsize=6.5)
    ax.grid(axis="y", visible=False)
    handles = [Patch(color=CATEGORY_COLOURS[c], label=f"{en('nat_cat_' + c.replace(' ', '_'))}") for c in
               ("not started", "under", "met", "over") if (d["category"] == c).any()]
    handles.append(plt.Line2D([], [], color=figures.PALETTE["national"], ls="--", label="100 % (plan met)"))
    ax.legend(handles=handles, loc="lower right", frameon=True, fontsize=7)
    fig.tight_layout()
    plt.close(fig)
    return fig


VERDICT_TEXT = {"ok": "ok", "rounding": "rounding (last digit)", "capped": "capped at 100 %",
                "discrepancy": "discrepancy", "note": "zero plan", "not printed": DASH, "not checked": "not checked (flagged)"}


def table(df: pd.DataFrame | None = None) -> Table:
    """The full tidy table, sorted by ratio (highest first), bilingual headers."""
    df = national_frame() if df is None else df
    d = df.sort_values(["ratio", "table"], ascending=[False, True], na_position="last")
    rows = []
    for r in d.itertuples():
        plan_dec = 3 if r.unit == "million saplings" else (1 if r.plan % 1 else 0) if not pd.isna(r.plan) else 0
        rows.append({
            bi("indicator"): r.indicator, bi("unit"): r.unit, bi("nat_table_no"): r.table, bi("nat_period"): r.period,
            bi("plan"): num(r.plan, plan_dec), bi("actual"): num(r.actual, plan_dec if r.unit == "million saplings" else
                                                               (1 if not pd.isna(r.actual) and r.actual % 1 else 0)),
            bi("nat_printed_pct"): DASH if pd.isna(r.printed_pct) else f"{num(r.printed_pct, 1 if r.printed_pct % 1 else 0)} %",
            bi("ratio"): pct(r.ratio), bi("category"): en("nat_cat_" + r.category.replace(" ", "_")),
            bi("nat_verdict"): VERDICT_TEXT.get(r.verdict, r.verdict), bi("nat_source_line"): str(r.source_line),
        })
    return Table(pd.DataFrame(rows), caption="National plan/actual indicators of ISIPO's 1401 report, highest "
                 "achievement first. Ratio = actual / plan, uncapped. Source: 002, tables as listed.")


def verdict_table(df: pd.DataFrame | None = None) -> Table:
    """Counts of the audit verdicts on the printed percentages."""
    df = national_frame() if df is None else df
    order = ["ok", "rounding", "capped", "discrepancy", "not checked", "not printed"]
    c = df["verdict"].value_counts()
    rows = [{bi("nat_verdict"): VERDICT_TEXT[v] if v != "not printed" else "no % printed", bi("nat_count"): str(int(c.get(v, 0)))}
            for v in order if c.get(v, 0)]
    return Table(pd.DataFrame(rows), caption="Printed achievement percentages against actual / plan. Source: 002.")
