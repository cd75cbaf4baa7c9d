"""Introduction (00) and Methods (01): the five sources, the book's counts, worked definitions.

Every value the two chapters print is computed here: source dates from the
datasets that transcribe them (Jalali, converted with :mod:`analysis.core.jalali`),
counts from the catalogue and the audit, and the worked examples of the methods
chapter from 002 Table 13 (water supply per province) with
:mod:`analysis.metrics.planactual`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jdatetime
import numpy as np
import pandas as pd

from analysis.core import jalali, paths
from analysis.core.text import bi, en, fa, language, t
from analysis.metrics import planactual, prices
from analysis.report import cite
from analysis.report.display import Table, Traced, fixed, gregorian_date, num, pct, plain, traced
from analysis.sources.datasets import catalog, load

#: The five sources, by id. Their titles (``intro.src_<id>_title``) and authors
#: (``intro.src_<id>_who``) are in ``text/<lang>/intro.yml``; the Persian title is the
#: source's own; the dates come from the data (see :func:`source_dates`).
SOURCE_IDS = ("000", "001", "002", "003", "004")

#: The year ISIPO's report (002) covers: the plan/actual year of the worked examples.
REPORT_YEAR = 1401

#: Tir (month 4) of 1398, the date printed on the KALEH programme (004); not in a dataset.
KALEH_MONTH = (1398, 4)


def _jalali(text: str) -> jdatetime.date:
    return jalali.parse_date(text)


def _g(d) -> str:
    """A Gregorian date in the current language (ISO in English, ``۹ فوریه ۲۰۲۱`` in Persian)."""
    from analysis.report.display import gregorian_date
    return gregorian_date(d) if isinstance(d, dt.date) else str(d)


@dataclass(frozen=True)
class SourceDate:
    """The date of a source: Jalali text, Gregorian text, and what the date is."""

    jalali: str
    gregorian: str
    what: str


def source_dates() -> dict[str, SourceDate]:
    """Date of each source, Jalali and Gregorian, from the datasets that transcribe them.

    000: approval date (khz_productivity_figures, line 49); 001: news date
    (khz_council_figures, line 2) in Jalali 1397; 002: the Jalali year 1401 (its span);
    003: meeting date (khz_minutes_dates, line 25); 004: Tir 1398 (month span).
    The words around the dates are ``intro.date_*`` texts of the current language.
    """
    from analysis.report.display import jalali_date, plain

    def j(d) -> str:
        return jalali_date(d)

    out = {}
    f000 = load("khz_productivity_figures").set_index("figure")
    d = _jalali(f000.loc["approval_date", "date_jalali"])
    out["000"] = SourceDate(j(d), _g(d.togregorian()), "approved")
    year = int(f000.loc["programme_year", "value"])
    y0, y1 = jalali.year_span(year)
    out["002"] = SourceDate(t("intro.date_year", year=plain(year)), t("intro.date_span", start=_g(y0), end=_g(y1)),
                            "reporting year")
    f001 = load("khz_council_figures").set_index("figure")
    d = _jalali(f001.loc["news_date", "date_jalali"])
    s = _jalali(f001.loc["session_date", "date_jalali"])
    out["001"] = SourceDate(t("intro.date_001_j", year=plain(d.year), news=j(d), session=j(s)),
                            t("intro.date_001_g", news=_g(d.togregorian()), session=_g(s.togregorian())), "published")
    f003 = load("khz_minutes_dates").set_index("event")
    m = _jalali(f003.loc["meeting", "date_jalali"])
    r = _jalali(f003.loc["resolutions", "date_jalali"])
    out["003"] = SourceDate(t("intro.date_003_j", meeting=j(m), resolutions=j(r)),
                            t("intro.date_003_g", meeting=_g(m.togregorian()), resolutions=_g(r.togregorian())),
                            "meeting")
    y, mo = KALEH_MONTH
    a, b = jdatetime.date(y, mo, 1), jalali.end_of_month(y, mo)
    out["004"] = SourceDate(t("intro.date_month", month=t(f"intro.month_{mo}"), year=plain(y)),
                            t("intro.date_span", start=_g(a.togregorian()), end=_g(b.togregorian())), "dated")
    return out


def sources() -> pd.DataFrame:
    """The five sources: id, file, English and Persian title, author (current language),
    dates, datasets and rows."""
    cat = catalog()
    dates = source_dates()
    rows = []
    for sid in SOURCE_IDS:
        names = [n for n, ds in cat.items() if ds.source.startswith(sid)]
        n_rows = sum(len(load(n)) for n in names)
        rows.append({"id": sid, "file": next(ds.source for ds in cat.values() if ds.source.startswith(sid)),
                     "en": en(f"intro.src_{sid}_title"), "fa": fa(f"intro.src_{sid}_title"),
                     "who": t(f"intro.src_{sid}_who"),
                     "jalali": dates[sid].jalali, "gregorian": dates[sid].gregorian,
                     "datasets": len(names), "rows": n_rows})
    return pd.DataFrame(rows)


def sources_table() -> Table:
    """The sources table; the English edition names each document in English and Persian."""
    s = sources()
    doc = s["en"] + " · " + s["fa"] if language() == "en" else s["fa"]
    df = pd.DataFrame({bi("intro.col_source"): s["id"], bi("intro.col_document"): doc,
                       bi("intro.col_author"): s["who"], bi("intro.col_date_jalali"): s["jalali"],
                       bi("intro.col_date_gregorian"): s["gregorian"], bi("intro.col_datasets"): s["datasets"],
                       bi("intro.col_rows"): s["rows"]})
    return Table(df, caption=t("intro.cap_sources"),
                 formats={bi("intro.col_datasets"): num, bi("intro.col_rows"): num})


def book_counts() -> dict[str, str]:
    """Formatted counts for the introduction: provinces, datasets, rows, flagged cells, findings."""
    from analysis.core.provinces import registry
    from analysis.report import appendix as ch_appendix
    tot = ch_appendix.totals()
    v = ch_appendix.verdict_counts().set_index("verdict")["findings"]
    n = int(v.sum())

    def counted(key: str) -> Traced:  # one of the catalogue's counts, with its computation
        return Traced(num(tot[key]), ch_appendix.totals_cite(key, tot))

    def found(verdict: str) -> Traced:  # the audit's findings with one verdict
        return Traced(num(int(v[verdict])), cite.computed("audit_verdict", verdict=verdict, n=n))

    return {
        "n_provinces": Traced(plain(len(registry())), cite.computed("registry_count")),
        "n_datasets": counted("datasets"), "n_rows": counted("rows"), "n_numeric": counted("numeric_cells"),
        "n_flagged": counted("flagged"), "n_flag_datasets": counted("datasets_with_flags"),
        "n_sources": counted("sources"),
        "n_findings": Traced(num(n), cite.computed("audit_total", n_datasets=tot["datasets"])),
        "n_discrepancy": found("discrepancy"), "n_ok": found("ok"), "n_capped": found("capped"),
        "n_unit": found("unit"), "n_rounding": found("rounding"),
    }


# ---------------------------------------------------------------------------- methods
#: The dataset of the methods chapter's worked examples (002 Table 13, water supply per province).
WATER_DATASET = "water_by_province"


def water() -> pd.DataFrame:
    """002 Table 13 as an indicator frame (province, plan, actual, unit; flagged cells missing)."""
    from analysis.metrics.indicators import frame
    return frame("water")


def _province_name(key: str) -> str:
    """A province as the current language names it (registry key in English, Persian name in Persian)."""
    from analysis.core.provinces import get
    return key if language() == "en" else get(key).fa


def gap_sentence(gap: planactual.GapExplanation, label: str = "province", top: int = 3) -> str:
    """:func:`analysis.metrics.planactual.explain_gap` said in the current language
    (``methods.gap_*`` texts): the gap and the provinces that pull the mean away from
    the ratio of sums most. In English it is the sentence ``gap.text``."""
    if abs(gap.gap) < 1e-12:
        return t("methods.gap_equal", ratio_of_sums=pct(gap.ratio_of_sums))
    from analysis.report.display import fixed, general
    n = len(gap.table)
    movers = gap.table[np.sign(gap.table["contribution"]) == np.sign(gap.gap)].head(top)
    names = (t("methods.gap_sep") + " ").join(
        t("methods.gap_mover", province=_province_name(r[label]), plan=general(r["plan"]), ratio=pct(r["ratio"]),
          weight=pct(r["plan_weight"]), equal=pct(1 / n))
        for _, r in movers.iterrows())
    return t("methods.gap_text", mean=pct(gap.mean_ratio), gap_pp=fixed(100 * abs(gap.gap), 1),
             side=t("methods.gap_above" if gap.gap > 0 else "methods.gap_below"),
             ratio_of_sums=pct(gap.ratio_of_sums), movers=names)


def methods_values() -> dict[str, str]:
    """Worked examples for the methods chapter, formatted.

    From 002 Table 13 (water): Khuzestan's plan, actual and ratio; the ratio of sums,
    mean and median of provincial ratios; provinces per category; the thresholds of
    :func:`analysis.metrics.planactual.categorise`; the Jalali/Gregorian overlap of 1401.
    Every ratio is :mod:`analysis.metrics.planactual`'s.
    """
    w = water()
    a = planactual.achievement(w)
    k = a[a["province"] == "Khuzestan"].iloc[0]
    agg = planactual.aggregate(w).iloc[0]
    cats = planactual.categorise(a["ratio"]).value_counts()
    y0, y1 = jalali.year_span(REPORT_YEAR)
    in_first = (dt.date(y0.year, 12, 31) - y0).days + 1
    days = (y1 - y0).days + 1
    gap = planactual.explain_gap(w)
    top = gap.table.iloc[0]
    ds = WATER_DATASET
    rows = planactual.province_rows(w)
    n_both = int((rows["plan"].notna() & rows["actual"].notna()).sum())
    khz = cite.province(ds, "Khuzestan")  # 002 Table 13, line 955
    top_row = cite.province(ds, top["province"])

    def over(key: str, value, **words) -> Traced:  # a statistic of the water table's province rows
        return Traced(value, cite.computed(key, dataset=ds, num="actual", den="plan", **words))

    def counted(category: str) -> Traced:  # provinces of one category
        return Traced(num(int(cats.get(category, 0))),
                      cite.computed("count_water_category", n=len(w), category=t(category_key(category))))

    threshold = cite.computed("threshold")
    calendar = cite.computed("calendar", year=REPORT_YEAR)
    return {
        "m_khz_plan": Traced(num(k.plan), khz), "m_khz_actual": Traced(num(k.actual), khz),
        "m_khz_ratio": Traced(pct(k.ratio), cite.computed("ratio_of_row", cite=khz.long)),
        "m_sum_plan": Traced(num(agg.sum_plan), cite.computed("sum_column", dataset=ds, column="plan", n=n_both)),
        "m_sum_actual": Traced(num(agg.sum_actual), cite.computed("sum_column", dataset=ds, column="actual", n=n_both)),
        "m_ratio_of_sums": over("ratio_of_sums", pct(agg.ratio_of_sums), n=n_both),
        "m_mean_ratio": over("mean_ratios", pct(agg.mean_ratio), n=int(agg.n_defined)),
        "m_median_ratio": over("median_ratios", pct(agg.median_ratio), n=int(agg.n_defined)),
        "m_n_defined": over("count_defined_rows", num(agg.n_defined), n=int(agg.n)),
        "m_n": Traced(num(agg.n), cite.computed("count_rows", n=int(agg.n), dataset=ds)),
        "m_n_undefined": over("count_undefined_rows", num(agg.n_undefined), n=int(agg.n)),
        "m_gap_pp": over("gap_pp", fixed(100 * abs(gap.gap), 1), n=len(gap.table)),
        "m_gap_side": t("methods.gap_above" if gap.gap > 0 else "methods.gap_below"),
        "m_gap_top": _province_name(top["province"]),
        "m_gap_top_ratio": Traced(pct(top["ratio"]), cite.computed("ratio_of_row", cite=top_row.long)),
        "m_gap_top_plan": Traced(num(top["plan"]), top_row),
        "m_under": Traced(pct(planactual.UNDER_BELOW, 0), threshold),
        "m_tolerance": Traced(pct(1 - planactual.UNDER_BELOW, 0), threshold),
        "m_over": Traced(pct(planactual.OVER_ABOVE, 0), threshold),
        "m_cat_not_started": counted("not started"), "m_cat_under": counted("under"),
        "m_cat_met": counted("met"), "m_cat_over": counted("over"),
        "m_cat_undefined": Traced(num(int(cats.get("undefined", 0))),
                                  cite.computed("count_undefined_rows", dataset=ds, num="actual", den="plan",
                                                n=int(agg.n))),
        "m_year": plain(REPORT_YEAR),
        "m_year_start": Traced(gregorian_date(y0), calendar), "m_year_end": Traced(gregorian_date(y1), calendar),
        "m_greg_year": Traced(plain(prices.jalali_to_gregorian_year(REPORT_YEAR)),
                              cite.computed("gregorian_year", year=REPORT_YEAR, offset=prices.JALALI_OFFSET)),
        "m_gap_text": gap_sentence(gap),
        "m_days_in_first": Traced(num(in_first), calendar), "m_days": Traced(num(days), calendar),
        "m_share_first": Traced(pct(in_first / days, 0), calendar),
    }


def category_key(category: str) -> str:
    """The text key of an achievement category: ``'not started'`` -> ``methods.cat_not_started``."""
    if category not in planactual.CATEGORIES:
        raise KeyError(f"unknown category {category!r}; valid: {planactual.CATEGORIES}")
    return "methods.cat_" + category.replace(" ", "_")


def category_table() -> Table:
    """The categories with their thresholds (from planactual constants) and the water example count."""
    w = water()
    a = planactual.achievement(w)
    cats = planactual.categorise(a["ratio"]).value_counts()
    lo, hi = planactual.THRESHOLDS
    rule = {c: t("methods.rule_" + c.replace(" ", "_"), lo=pct(lo, 0), hi=pct(hi, 0)) for c in planactual.CATEGORIES}
    df = pd.DataFrame({bi("category"): [t(category_key(c)) for c in planactual.CATEGORIES],
                       bi("methods.col_rule"): [rule[c] for c in planactual.CATEGORIES],
                       bi("methods.col_water_example"): [int(cats.get(c, 0)) for c in planactual.CATEGORIES]})
    cites = [cite.computed("count_water_category", n=len(w), category=t(category_key(c))) for c in planactual.CATEGORIES]
    return Table(df, caption=t("methods.cap_categories"), formats={bi("methods.col_water_example"): num}, cite=cites)


def provenance_values() -> dict[str, str]:
    """How many numbers the provenance test checks and how many problems it finds, said in
    ``p_result`` (``methods.p_result``). Without the seed texts (:func:`analysis.core.paths.seeds_present`)
    the test is not run: ``p_problems`` and ``p_result`` say so (``methods.not_checked``,
    ``methods.p_result_absent``)."""
    from analysis.sources import provenance
    present = paths.seeds_present()
    problems = provenance.check_all() if present else None
    checked = 0
    for name, ds in catalog().items():
        df = load(name)
        cols = ds.numeric_columns(provenance_only=True)
        for _, r in df.iterrows():
            skip = provenance.flagged_columns(r.get("flag")) if "flag" in df.columns else set()
            checked += sum(1 for c in cols if c not in skip and pd.notna(r[c]))
    derived = sum(1 for ds in catalog().values() for c, s in ds.columns.items()
                  if s["type"] in ("int", "float") and not c.startswith("source_line") and not s.get("provenance", True))
    n = len(catalog())
    out = {"p_checked": Traced(num(checked), cite.computed("provenance_checked", n=n)),
           "p_derived_cols": Traced(num(derived), cite.computed("derived_columns", n=n))}
    if problems is None:
        out["p_problems"] = t("methods.not_checked")
        out["p_result"] = t("methods.p_result_absent", **traced(out))
    else:
        out["p_problems"] = Traced(num(sum(len(v) for v in problems.values())),
                                   cite.computed("provenance_problems", n=n))
        out["p_result"] = t("methods.p_result", **traced(out))  # a sentence for say(): its numbers keep their spans
    return out


def seeds_notice(key: str, **values):
    """The paragraph ``key`` (:func:`analysis.report.display.say`) when the seed texts are absent
    and a check against them was therefore not run; ``None`` (nothing shown) when they are present."""
    from analysis.report.display import say
    return None if paths.seeds_present() else say(key, **values)


def audit_seed_values() -> dict[str, str]:
    """How many figures the audit types from the seed texts (``a_quoted``) and how many of them
    were not verified on their seed lines in this build (``a_not_verified``, for
    ``appendix.a_not_checked``; :func:`analysis.sources.audit.seed_verifications`)."""
    from analysis.sources import audit
    v = audit.seed_verifications()
    return {"a_quoted": Traced(num(v["quoted"]), cite.computed("audit_quoted")),
            "a_not_verified": Traced(num(v["not_verified"]), cite.computed("audit_not_verified"))}
