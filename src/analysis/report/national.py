"""Chapter 'National plan versus actual (ISIPO 1401)': every national plan/actual row of
seed 002 in one tidy frame, the audit of its printed percentages, and the ranked figure.

The frame is built from the catalogued datasets listed in :data:`SPECS` (one entry per
printed table or table group); each row keeps its source table and line. Ratios come
from :func:`analysis.metrics.planactual.achievement` (uncapped ``actual / plan``), categories
from :func:`analysis.metrics.planactual.categorise`, and the verdict on the printed percentage
from :func:`analysis.sources.audit.compare_percent` (``ok``, ``rounding``, ``capped``,
``discrepancy``; ``note`` for a zero plan), which carries the rounding of plan, actual and the
printed percentage as intervals: a plan or actual in a unit of measure (hectares, money) stands
for half a unit of its last printed digit either side, a count is exact
(:func:`analysis.sources.audit.figure`). Every word a reader sees comes from
``text/<lang>/national.yml`` (keys ``national.<key>``); indicator names and units come from
the data, in Persian where the dataset has a clean Persian column.

>>> f = national_frame()
>>> r = f.loc[f.dataset == "registered_deeds_plan"].iloc[0]  # 002 line 720
>>> float(r.plan), float(r.actual), float(r.printed_pct), r.verdict
(4310.0, 2765.0, 64.0, 'ok')
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.text import bi, data_text, en, fa, language, t
from analysis.metrics import planactual
from analysis.report import cite, figures
from analysis.report.display import DASH, Table, Traced, num, pct, percent, plain
from analysis.report.numerals import persian_ticks
from analysis.sources.audit import compare_percent, cut_or_raised
from analysis.sources.audit import figure as audit_figure
from analysis.sources.audit.intervals import decimals_of
from analysis.sources.datasets import dataset, flag_parts, flagged_columns, load, unit_key
from analysis.sources.datasets import units as catalogue_units


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
    context: str = ""  # text key ``national.ctx_<context>``: short subject put before the row's own label
    item_fa: str | None = None  # column with the indicator's Persian name, where the data have a clean one
    unit_fa: str | None = None  # column with the unit in Persian, where the data have one


SPECS: tuple[Spec, ...] = (
    Spec("service_company_law", "item", "unit", "plan", "actual", "pct_printed", context="service_company_law"),
    Spec("new_parks_plan", "item", "unit", "plan", "actual", "pct_printed", context="new_parks"),
    Spec("estate_land_area", "item", "unit", "plan_1401", "actual_1401", "pct_printed", context="land_added"),
    Spec("registered_deeds_plan", "item", "unit", "plan", "actual", "pct_printed", context="deeds"),
    Spec("subdivision_deeds_plan", "item", "unit", "plan", "actual", "pct_printed", context="deeds"),
    Spec("infrastructure_plan", "item", "unit", "plan", "actual", None, context="infrastructure"),
    Spec("workshop_units", "item", "unit", "plan", "actual", None, context="workshops"),
    Spec("wastewater_plan_actual", "item_en", "unit_en", "plan", "actual", "pct_printed", context="wastewater",
         item_fa="item_fa", unit_fa="unit_fa"),
    Spec("green_space", "item_en", "unit_en", "plan", "actual", "pct_printed", context="green_space",
         item_fa="item_fa", unit_fa="unit_fa"),
    Spec("environment_plan_actual", "item_en", "unit_en", "plan", "actual", None, context="environment",
         item_fa="item_fa", unit_fa="unit_fa"),
    Spec("cluster_programme", "item_en", "unit_en", "plan", "actual", "pct_printed", context="clusters",
         item_fa="item_fa", unit_fa="unit_fa"),
    Spec("subcontracting_plan_actual", "item_en", "unit_en", "plan", "actual", "pct_printed",
         context="subcontracting", item_fa="item_fa", unit_fa="unit_fa"),
    Spec("loan_scheme_achievements", "indicator", "unit", "target", "actual", "pct_printed", period="scheme",
         item_fa="indicator_fa"),
    Spec("training_export_plan_actual", "indicator", "unit", "plan_1401", "actual_1401", "pct_printed",
         context="training_export", item_fa="indicator_fa"),
    Spec("capital_budget_national_by_plan", "item_en", "unit", "agreement", "allocation", None,
         rows="row_kind == 'total'"),
)

#: The loan schemes of Tables 42, 45 and 48 (cumulative targets, not 1401 plans) are named by
#: the text key ``national.ctx_scheme_<scheme>``.
LOAN_DATASET = "loan_scheme_achievements"
#: The national capital budget total (Table 52): its name is the text key ``national.capital_budget_item``.
BUDGET_DATASET = "capital_budget_national_by_plan"

#: Columns of :func:`national_frame`.
#: ``recomputed_low``/``recomputed_high``: the range of ``100 * actual / plan`` the rounding of plan
#: and actual allows; ``how``: ``truncated`` or ``rounded up`` when a discrepant printed percentage is
#: the recomputed one cut off or raised at its last digit (else empty).
COLUMNS = ["indicator", "unit", "table", "dataset", "period", "plan", "actual", "printed_pct", "ratio", "pct",
           "status", "category", "verdict", "recomputed_pct", "recomputed_low", "recomputed_high", "how", "flag",
           "source_line", "indicator_fa", "unit_fa"]


def _named(context: str, item: str, lang: str) -> str:
    """``<subject>: <item>`` in ``lang`` (just ``item`` without a subject)."""
    if not context:
        return item
    return t("national.with_context", lang, context=t(f"national.ctx_{context}", lang), item=item)


def _text(v) -> str | None:
    return None if v is None or (isinstance(v, float) and np.isnan(v)) or str(v).strip() == "" else str(v)


def item_fa(item: str) -> str:
    """The Persian name of a national indicator whose dataset has no clean Persian column
    (Tables 3-17: the extracted Persian label is garbled): ``nat_item_<slug>`` of ``labels.yml``.

    >>> item_fa("industrial land")
    'زمین صنعتی'
    """
    return t(f"nat_item_{unit_key(item)}", "fa")


def unit_fa(unit: str) -> str:
    """The Persian word of a unit the data give in English only: a catalogue unit's from
    ``text/fa/units.yml``, any other's ``nat_unit_<slug>`` of ``labels.yml``.

    >>> unit_fa("hectare"), unit_fa("million USD")
    ('هکتار', 'میلیون دلار')
    """
    key = unit_key(unit)
    return t(f"units.{key}" if key in {unit_key(u) for u in catalogue_units()} else f"nat_unit_{key}", "fa")


def _table_no(ds_name: str, row: pd.Series) -> str:
    if "table_no" in row.index and isinstance(row["table_no"], str):
        return row["table_no"]
    return dataset(ds_name).table or DASH


def spec_rows(spec: Spec) -> pd.DataFrame:
    """The rows of one :class:`Spec` in the tidy layout (before ratios).

    Flagged plan or actual cells are set to missing (they never enter a ratio);
    a flagged printed percentage is kept but its verdict carries the flag.
    ``indicator`` is the English name (``<subject>: <item>``), ``indicator_fa`` the
    Persian one where the data carry a clean Persian name (else the English item
    under a Persian subject). The national capital budget total (Table 52) has no
    ``unit`` column; its unit is the catalogue's unit of the agreement column.
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
        if spec.dataset == BUDGET_DATASET:
            item, item_fa_ = en("national.capital_budget_item"), fa("national.capital_budget_item")
            unit = dataset(spec.dataset).columns[spec.plan]["unit"]
            unit_fa_ = unit_fa(unit)
        else:
            ctx = f"scheme_{r['scheme']}" if spec.dataset == LOAN_DATASET else spec.context
            name = str(r[spec.item])
            name_fa = (_text(r[spec.item_fa]) if spec.item_fa else item_fa(name)) or name
            item, item_fa_ = _named(ctx, name, "en"), _named(ctx, name_fa, "fa")
            unit = str(r[spec.unit])
            unit_fa_ = (_text(r[spec.unit_fa]) if spec.unit_fa else None) or unit_fa(unit)
        period = f"{r['period']}" if spec.period == "scheme" else spec.period
        out.append({"indicator": item, "unit": unit, "table": _table_no(spec.dataset, r), "dataset": spec.dataset,
                    "period": period, "plan": plan, "actual": actual, "printed_pct": printed,
                    "flag": "" if not flagged else str(r["flag"]), "source_line": int(r["source_line"]),
                    "indicator_fa": item_fa_, "unit_fa": unit_fa_})
    return pd.DataFrame(out)


def check(printed_pct: float, actual: float, plan: float, unit: str, dataset: str = "", item: str = "",
          source_line: int | None = None) -> dict:
    """The audit of one printed percentage: ``verdict``, ``recomputed_pct``, ``recomputed_low``,
    ``recomputed_high`` and ``how`` (see :data:`COLUMNS`).

    Plan and actual are exact for a count and rounded for a measure (by ``unit``,
    :func:`analysis.sources.audit.figure`); the printed percentage's decimals are inferred from
    the value (``6.4`` -> 1, ``64`` -> 0). No printed percentage gives ``'not printed'``; a
    missing plan or actual (flagged cell) gives ``'not checked'``.

    >>> c = check(72, 8, 11, "hectare")  # 002 line 1679: 72.7 % printed 72, hectares rounded
    >>> c["verdict"], round(c["recomputed_low"], 2), round(c["recomputed_high"], 2)
    ('rounding', 65.22, 80.95)
    """
    out = {"verdict": "not printed", "recomputed_pct": np.nan, "recomputed_low": np.nan, "recomputed_high": np.nan,
           "how": ""}
    if pd.isna(printed_pct):
        return out
    if pd.isna(plan) or pd.isna(actual):
        return {**out, "verdict": "not checked"}
    f = compare_percent(dataset, item, float(printed_pct), audit_figure(actual, unit), audit_figure(plan, unit),
                        source_line=source_line)
    r = f.recomputed_interval
    return {"verdict": f.verdict, "recomputed_pct": np.nan if r is None else float(r.value),
            "recomputed_low": np.nan if r is None else r.low, "recomputed_high": np.nan if r is None else r.high,
            "how": cut_or_raised(f.printed_interval, r) if f.verdict == "discrepancy" else ""}


def verdict(printed_pct: float, actual: float, plan: float, unit: str, dataset: str = "", item: str = "",
            source_line: int | None = None) -> tuple[str, float]:
    """Audit verdict of a printed percentage and the recomputed percentage (:func:`check`).

    >>> verdict(100, 2776, 2477, "hectare")[0]  # 002 line 572: 112 % printed as 100
    'capped'
    >>> verdict(95, 5916, 6187, "hectare")[0]  # 002 line 605: 95.62 % printed as 95 (95.60-95.64 % allowed)
    'discrepancy'
    >>> verdict(float("nan"), 718, 739, "litre/second")
    ('not printed', nan)
    """
    c = check(printed_pct, actual, plan, unit, dataset, item, source_line)
    return c["verdict"], c["recomputed_pct"]


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
    checks = pd.DataFrame([check(r.printed_pct, r.actual, r.plan, r.unit, r.dataset, r.indicator, r.source_line)
                           for r in df.itertuples()], index=df.index)
    df = pd.concat([df, checks], axis=1)
    return df[COLUMNS]


def name(r) -> str:
    """A row's indicator name in the current language (:func:`analysis.core.text.language`)."""
    return r.indicator_fa if language() == "fa" else r.indicator


def unit_of(r) -> str:
    """A row's unit in the current language."""
    return r.unit_fa if language() == "fa" else r.unit


def _dec(printed_pct: float) -> int:
    """Decimals the source printed a percentage with (``6.4`` -> 1, ``64`` -> 0)."""
    return decimals_of(printed_pct)


def _join(items: list[str], empty: str) -> str:
    return f"{t('national.list_sep')} ".join(items) or empty


def summary(df: pd.DataFrame | None = None, top: int = 3) -> dict[str, str]:
    """Formatted values for the chapter's prose (all strings, ready to glue), in the current language."""
    df = national_frame() if df is None else df
    cats = df["category"].value_counts()
    verd = df["verdict"].value_counts()
    d = df[df["status"] == planactual.DEFINED].sort_values("ratio", ascending=False)

    def by(key: str, value, **words) -> Traced:  # a count or a statistic of the frame, with its computation
        return Traced(value, _frame_cite(df, key, **words))

    out = {
        "nat_n": by("count_national", plain(len(df))),
        "nat_n_tables": by("count_datasets", plain(df["dataset"].nunique())),
        "nat_n_defined": by("count_defined", plain(len(d))),
        "nat_n_over": by("count_category", plain(cats.get("over", 0)), category=category_text("over")),
        "nat_n_met": by("count_category", plain(cats.get("met", 0)), category=category_text("met")),
        "nat_n_under": by("count_category", plain(cats.get("under", 0)), category=category_text("under")),
        "nat_n_not_started": by("count_category", plain(cats.get("not started", 0)),
                                category=category_text("not started")),
        "nat_n_at_least_plan": by("count_at_least_plan", plain((d["ratio"] >= 1).sum())),
        "nat_n_printed": by("count_printed", plain(df["printed_pct"].notna().sum())),
        "nat_n_ok": by("count_verdict", plain(verd.get("ok", 0)), verdict=verdict_text("ok")),
        "nat_n_rounding": by("count_verdict", plain(verd.get("rounding", 0)), verdict=verdict_text("rounding")),
        "nat_n_capped": by("count_verdict", plain(verd.get("capped", 0)), verdict=verdict_text("capped")),
        "nat_n_discrepancy": by("count_verdict", plain(verd.get("discrepancy", 0)),
                                verdict=verdict_text("discrepancy")),
        "nat_n_not_printed": by("count_verdict", plain(verd.get("not printed", 0)),
                                verdict=verdict_text("not printed")),
        "nat_median": by("median_national", pct(d["ratio"].median()), n_defined=len(d)),
        "nat_under_below": pct(planactual.UNDER_BELOW, 0),
        "nat_over_above": pct(planactual.OVER_ABOVE, 0),
    }
    def ranked(r) -> Traced:  # one row's ratio, cited to its seed line
        return Traced(t("national.ranked_item", indicator=name(r), ratio=pct(r.ratio), table=plain(r.table)),
                      cite.computed("ratio_of_row", cite=cite.source(r.dataset, r).long))

    for i, r in enumerate(d.head(top).itertuples(), 1):
        out[f"nat_top{i}"] = ranked(r)
    for i, r in enumerate(d.tail(top).iloc[::-1].itertuples(), 1):
        out[f"nat_bottom{i}"] = ranked(r)
    none = t("national.none")
    out["nat_capped_list"] = _join([t("national.capped_item", indicator=name(r), table=plain(r.table), ratio=pct(r.ratio))
                                    for r in df[df["verdict"] == "capped"].itertuples()], DASH)
    out["nat_discrepancy_list"] = _join([t("national.discrepancy_item", indicator=name(r), table=plain(r.table),
                                           printed=num(r.printed_pct, _dec(r.printed_pct)),
                                           recomputed=num(r.recomputed_pct, _dec(r.printed_pct) + 2),
                                           how=t("national.how_" + r.how.replace(" ", "_")) if r.how else "")
                                         for r in df[df["verdict"] == "discrepancy"].itertuples()], none)
    out["nat_rounding_list"] = _join([t("national.rounding_item", indicator=name(r), table=plain(r.table),
                                        printed=num(r.printed_pct, _dec(r.printed_pct)),
                                        recomputed=num(r.recomputed_pct, _dec(r.printed_pct) + 1),
                                        low=num(r.recomputed_low, _dec(r.printed_pct) + 1),
                                        high=num(r.recomputed_high, _dec(r.printed_pct) + 1))
                                      for r in df[df["verdict"] == "rounding"].itertuples()], none)
    fl = df[df["flag"] != ""]
    out["nat_flagged"] = _join([t("national.flagged_item", indicator=name(r), table=plain(r.table), line=r.source_line,
                                  flag=_flag_text(r.flag)) for r in fl.itertuples()], none)
    out["nat_n_flagged"] = plain(len(fl))
    return out


#: The national figures: one per group of indicators (its datasets, in :data:`SPECS` order), each
#: numbered with its own caption (text keys ``national.cap_<key>``) and cited in the text
#: (``{numref}`fig-national-<key>```); within a group, indicators are ranked by ratio under a
#: heading per subject (``national.ctx_<context>``).
@dataclass(frozen=True)
class Group:
    key: str
    datasets: tuple[str, ...]


GROUPS: tuple[Group, ...] = (
    Group("land", ("service_company_law", "new_parks_plan", "estate_land_area", "registered_deeds_plan",
                   "subdivision_deeds_plan", "infrastructure_plan", "workshop_units")),
    Group("environment", ("wastewater_plan_actual", "green_space", "environment_plan_actual")),
    Group("programmes", ("cluster_programme", "subcontracting_plan_actual", BUDGET_DATASET)),
    Group("loans", (LOAN_DATASET,)),
    Group("training", ("training_export_plan_actual",)),
)

#: Figure width (inches), resolution and text size (points). A phone 390 pixels wide shows an
#: image about 342 CSS pixels wide, so text of ``s`` points on a ``w``-inch figure is
#: ``s / 72 * 342 / w`` pixels high there: 9.5 points on 5 inches is 9.0 pixels. In print the
#: 750-pixel image fills the 176 mm column (scale 176 / 127 = 1.39): 9.5 points prints at 13 points.
#: A figure at most :data:`MAX_ASPECT` times as tall as wide fits the print edition's 205 mm.
FIG_WIDTH, FIG_DPI, LABEL_SIZE = 5.0, 150, 9.5
#: Height / width at most: 205 mm over the 176 mm column, with a margin.
MAX_ASPECT = 1.15
#: Characters per label line for :func:`chart_label` (the figure measures its labels instead, :func:`analysis.report.figures.wrap_to_width`).
LABEL_WRAP = 80
NBSP = "\u00a0"


def context_of(r) -> tuple[str, str]:
    """A row's subject (``national.ctx_<context>`` key, ``''`` for none) and its indicator name
    without the subject, in the current language.

    >>> f = national_frame()
    >>> context_of(f.loc[f.dataset == "green_space"].iloc[0])
    ('green_space', 'Green-space area')
    """
    full = " ".join(str(name(r)).split())
    spec = next(s for s in SPECS if s.dataset == r.dataset)
    if r.dataset == BUDGET_DATASET:
        return "capital_budget", full
    ctxs = list(_LOAN_SCHEMES) if r.dataset == LOAN_DATASET else [spec.context]
    for c in ctxs:
        if not c:
            continue
        head = t("national.with_context", context=t(f"national.ctx_{c}"), item="")
        if full.startswith(head):
            return c, full[len(head):]
    return "", full


_LOAN_SCHEMES = ("scheme_renovation", "scheme_technical_credit_public", "scheme_dairy")


def group_rows(df: pd.DataFrame, group: str) -> pd.DataFrame:
    """The defined rows of one :data:`GROUPS` group, subject by subject (in :data:`SPECS` order of
    their first dataset), highest ratio first within a subject."""
    g = next(x for x in GROUPS if x.key == group)
    d = df[(df["status"] == planactual.DEFINED) & df["dataset"].isin(g.datasets)].copy()
    d["_context"] = [context_of(r)[0] for r in d.itertuples()]
    first = {c: i for i, c in enumerate(dict.fromkeys(d.sort_values(
        "dataset", key=lambda s: s.map(g.datasets.index), kind="stable")["_context"]))}
    d["_order"] = d["_context"].map(first)
    return d.sort_values(["_order", "ratio"], ascending=[True, False], kind="stable").reset_index(drop=True)


def figure_tables(df: pd.DataFrame, group: str) -> str:
    """The printed tables of one group's figure, in order, for its caption (``3, 5, 6``).

    >>> figure_tables(national_frame(), "loans")
    '42, 45, 48'
    """
    tables = sorted(set(group_rows(df, group)["table"]), key=lambda x: (int("".join(filter(str.isdigit, x)) or 0), x))
    return ("، " if language() == "fa" else ", ").join(tables)


def chart_label(r, width: int | None = None, ratio: bool = False) -> str:
    """Bar label: ``T13 · indicator [unit]`` (the indicator without its subject, which heads its
    rows), whole (never cut), with `` · 97 %`` when ``ratio``, wrapped at ``width`` characters."""
    text = t("national.bar_label", table=plain(r.table), indicator=context_of(r)[1], unit=" ".join(str(unit_of(r)).split()))
    if ratio:  # the ratio kept on one line with its bullet and per-cent sign
        text = t("national.bar_value", label="\0", ratio=pct(r.ratio, 0)).replace(" ", NBSP).replace("\0", text)
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) if width else text


CATEGORY_COLOURS = {"not started": "#7f1d1d", "under": "#c0392b", "met": "#9aa5b1", "over": "#1f6f8b"}


def category_text(category: str) -> str:
    """Reader's words for a category of :func:`analysis.metrics.planactual.categorise`, with its
    thresholds (:data:`analysis.metrics.planactual.THRESHOLDS`) in percent.

    >>> category_text("met"), category_text("under")
    ('met (95–105 %)', 'under plan (< 95 %)')
    """
    lo, hi = (num(100 * x) for x in planactual.THRESHOLDS)
    return t("national.cat_" + category.replace(" ", "_"), lo=lo, hi=hi)


def figure(df: pd.DataFrame | None = None, group: str = "land"):
    """The achievement ratios of one :data:`GROUPS` group: one row per indicator, its label (table,
    indicator, unit, ratio) written whole across the figure over a pale bar (log scale, from the
    axis's left edge) that ends in a mark at the ratio; a dashed line at 100 %; a heading over each
    subject's rows. Sized for a phone and one printed page (:data:`FIG_WIDTH`, :data:`LABEL_SIZE`,
    :data:`MAX_ASPECT`)."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    df = national_frame() if df is None else df
    d = group_rows(df, group)
    rtl = language() == "fa"
    fig = plt.figure(figsize=(FIG_WIDTH, 4.0), dpi=FIG_DPI)
    ax_left, ax_width = 0.02, 0.96
    text_px = FIG_WIDTH * FIG_DPI * ax_width * 0.985  # the labels' room: the axes' width less a margin
    # rows, in label lines from the top: a subject heading, then each indicator's label lines
    line_in = LABEL_SIZE * 1.28 / 72
    items, y = [], 0.0  # (kind, y of the row's top, lines, text, row)
    for _, rows in d.groupby("_order", sort=True):
        c = rows["_context"].iloc[0]
        if c:
            y += 0.25 if y else 0.0
            items.append(("head", y, 1, t(f"national.ctx_{c}"), None))
            y += 1.0
        for r in rows.itertuples():
            lab = figures.wrap_to_width(chart_label(r, ratio=True), text_px, LABEL_SIZE, FIG_DPI)
            n = lab.count("\n") + 1
            items.append(("row", y, n, lab, r))
            y += n + 0.3
    body = y * line_in
    top_in, bottom_in = 0.08, 1.2  # margin; the axis, its label and the legend
    h = body + top_in + bottom_in
    fig.set_size_inches(FIG_WIDTH, h)
    ax = fig.add_axes((ax_left, bottom_in / h, ax_width, body / h))
    lo, hi = 4.0, max(1000.0, 4.0 * 100 * float(d["ratio"].max()))
    ax.set_xscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(y, 0)
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    x_text, ha = (0.995, "right") if rtl else (0.005, "left")
    for kind, top, n, text, r in items:
        if kind == "head":
            ax.text(x_text, top + 0.5, text, transform=trans, fontsize=LABEL_SIZE, weight="bold", va="center", ha=ha)
            continue
        colour = CATEGORY_COLOURS.get(r.category, "#999999")
        v = max(100 * r.ratio, lo * 1.05)  # a zero ratio would vanish on a log axis: drawn at its edge
        ax.barh(top + n / 2, v - lo, left=lo, height=n + 0.15, color=colour, alpha=0.28, lw=0, zorder=1)
        ax.plot([v, v], [top - 0.075, top + n + 0.075], color=colour, lw=1.3, solid_capstyle="butt", zorder=2)
        ax.text(x_text, top + n / 2, text, transform=trans, fontsize=LABEL_SIZE, va="center", ha=ha,
                linespacing=1.05, zorder=4)
    ax.axvline(100, color=figures.PALETTE["national"], lw=1.0, ls="--", alpha=0.85, zorder=3)
    ticks = [t_ for t_ in (5, 10, 25, 50, 100, 200, 400) if lo <= t_ <= hi]
    ax.set_xticks(ticks)
    ax.set_xticklabels([plain(t_) for t_ in ticks])
    ax.minorticks_off()
    ax.tick_params(axis="x", labelsize=LABEL_SIZE, pad=2)
    ax.set_xlabel(bi("national.fig_x"), fontsize=LABEL_SIZE, labelpad=2)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    # the Persian edition is mirrored: the labels (right-aligned above) start at the right edge and
    # so do the bars, growing leftwards on the inverted log axis (100 % still between 50 and 200)
    figures.mirror(ax)
    persian_ticks(ax)
    handles = [Patch(facecolor=CATEGORY_COLOURS[c], alpha=0.5, label=category_text(c)) for c in
               ("not started", "under", "met", "over") if (d["category"] == c).any()]
    handles.append(plt.Line2D([], [], color=figures.PALETTE["national"], ls="--", label=t("national.fig_plan_met")))
    fig.legend(handles=handles, loc="lower center", ncol=2, frameon=False, fontsize=LABEL_SIZE,
               bbox_to_anchor=(0.5, 0.0), handlelength=1.5, columnspacing=1.0, borderaxespad=0.1)
    plt.close(fig)
    return fig


def verdict_text(verdict_: str) -> str:
    """Reader's words for a verdict of :func:`verdict` (``'not printed'``: no % printed)."""
    return t("national.verdict_" + verdict_.replace(" ", "_"))


def table(df: pd.DataFrame | None = None) -> Table:
    """The full tidy table, sorted by ratio (highest first), bilingual headers."""
    df = national_frame() if df is None else df
    d = df.sort_values(["ratio", "table"], ascending=[False, True], na_position="last")
    rows, cites = [], []
    for r in d.itertuples():
        cites.append(cite.source(r.dataset, r))
        plan_dec = 3 if r.unit == "million saplings" else (1 if r.plan % 1 else 0) if not pd.isna(r.plan) else 0
        rows.append({
            bi("indicator"): name(r), bi("unit"): unit_of(r), bi("national.table_no"): plain(r.table),
            bi("national.period"): plain(r.period),
            bi("plan"): num(r.plan, plan_dec), bi("actual"): num(r.actual, plan_dec if r.unit == "million saplings" else
                                                               (1 if not pd.isna(r.actual) and r.actual % 1 else 0)),
            bi("national.printed_pct"): percent(r.printed_pct, 1 if r.printed_pct % 1 else 0),
            bi("ratio"): pct(r.ratio), bi("category"): category_text(r.category),
            bi("national.verdict"): DASH if r.verdict == "not printed" else verdict_text(r.verdict),
            bi("national.source_line"): str(r.source_line),
        })
    return Table(pd.DataFrame(rows), caption=t("national.table_caption"), cite=cites)


VERDICT_ORDER = ("ok", "rounding", "capped", "discrepancy", "not checked", "not printed")


def verdict_table(df: pd.DataFrame | None = None) -> Table:
    """Counts of the audit verdicts on the printed percentages."""
    df = national_frame() if df is None else df
    c = df["verdict"].value_counts()
    shown = [v for v in VERDICT_ORDER if c.get(v, 0)]
    rows = [{bi("national.verdict"): verdict_text(v), bi("national.count"): plain(c.get(v, 0))} for v in shown]
    cites = [_frame_cite(df, "count_verdict", verdict=verdict_text(v)) for v in shown]
    return Table(pd.DataFrame(rows), caption=t("national.verdict_caption"), cite=cites)


def _frame_cite(df: pd.DataFrame, key: str, **values) -> cite.Cite:
    """The citation of a number computed over the whole national frame (``provenance.<key>``)."""
    return cite.computed(key, n=len(df), n_datasets=df["dataset"].nunique(), **values)


def _flag_text(flag: str) -> str:
    """A ``flag`` cell as the edition shows it: ``column=reason``, the reason in the edition's
    language (:func:`analysis.core.text.data_text`); English: the cell as it is."""
    if language() == "en":
        return flag
    return "; ".join(f"{col}={data_text(reason)}" for col, reason in flag_parts(flag))

