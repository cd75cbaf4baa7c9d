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
import pandas as pd

from analysis.core import jalali
from analysis.metrics import planactual, prices
from analysis.report.display import Table, num, pct
from analysis.sources.datasets import catalog, load

#: The five sources: what they are and who wrote them (dates come from the data, see :func:`sources`).
SOURCE_INFO = {
    "000": {"en": "Khuzestan province productivity-promotion document: the 1401 programme catalogue",
            "fa": "سند ارتقای بهره‌وری استان خوزستان",
            "who": "Khuzestan Management Development Council (approval)"},
    "001": {"en": "News item on the first session of the year of Khuzestan's Management Development Council",
            "fa": "خبر جلسه شورای راهبری توسعه مدیریت استان خوزستان",
            "who": "Provincial news item on the Management Development Council"},
    "002": {"en": "ISIPO board report on the year: plan versus actual, per-province tables, clusters, loans, finances",
            "fa": "گزارش عملکرد سازمان صنایع کوچک و شهرک‌های صنعتی ایران",
            "who": "Iran Small Industries and Industrial Parks Organization (ISIPO)"},
    "003": {"en": "Minutes of the 6th coordination council of the labour ministry's directors-general in Khuzestan",
            "fa": "صورتجلسه ششمین نشست شورای هماهنگی مدیران کل حوزه وزارت تعاون، کار و رفاه اجتماعی خوزستان",
            "who": "Ministry of Cooperatives, Labour and Social Welfare, Khuzestan"},
    "004": {"en": "Executive programme for business and employment development in Kermanshah, Ilam, Lorestan and Hamedan (KALEH)",
            "fa": "برنامه اجرایی توسعه کسب‌وکار و اشتغال استان‌های کرمانشاه، ایلام، لرستان و همدان (کاله)",
            "who": "Ministry of Cooperatives, Labour and Social Welfare (national programme for four provinces)"},
}

#: The year ISIPO's report (002) covers: the plan/actual year of the worked examples.
REPORT_YEAR = 1401

#: Tir (month 4) of 1398, the date printed on the KALEH programme (004); not in a dataset.
KALEH_MONTH = (1398, 4)


def _jalali(text: str) -> jdatetime.date:
    return jalali.parse_date(text)


def _g(d) -> str:
    return d.isoformat() if isinstance(d, dt.date) else str(d)


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
    """
    out = {}
    f000 = load("khz_productivity_figures").set_index("figure")
    d = _jalali(f000.loc["approval_date", "date_jalali"])
    out["000"] = SourceDate(jalali.format_jalali(d, persian_digits=False), _g(d.togregorian()), "approved")
    year = int(f000.loc["programme_year", "value"])
    y0, y1 = jalali.year_span(year)
    out["002"] = SourceDate(f"year {year}", f"{_g(y0)} to {_g(y1)}", "reporting year")
    f001 = load("khz_council_figures").set_index("figure")
    d = _jalali(f001.loc["news_date", "date_jalali"])
    s = _jalali(f001.loc["session_date", "date_jalali"])
    out["001"] = SourceDate(f"{d.year} (news {jalali.format_jalali(d, persian_digits=False)}; session {jalali.format_jalali(s, persian_digits=False)})",
                            f"{_g(d.togregorian())} (session {_g(s.togregorian())})", "published")
    f003 = load("khz_minutes_dates").set_index("event")
    m = _jalali(f003.loc["meeting", "date_jalali"])
    r = _jalali(f003.loc["resolutions", "date_jalali"])
    out["003"] = SourceDate(f"meeting {jalali.format_jalali(m, persian_digits=False)}, resolutions {jalali.format_jalali(r, persian_digits=False)}",
                            f"{_g(m.togregorian())}, {_g(r.togregorian())}", "meeting")
    y, mo = KALEH_MONTH
    a, b = jdatetime.date(y, mo, 1), jalali.end_of_month(y, mo)
    out["004"] = SourceDate(f"Tir {y}", f"{_g(a.togregorian())} to {_g(b.togregorian())}", "dated")
    return out


def sources() -> pd.DataFrame:
    """The five sources: id, file, English and Persian title, author, dates, datasets and rows."""
    cat = catalog()
    dates = source_dates()
    rows = []
    for sid in sorted(SOURCE_INFO):
        info = SOURCE_INFO[sid]
        names = [n for n, ds in cat.items() if ds.source.startswith(sid)]
        n_rows = sum(len(load(n)) for n in names)
        rows.append({"id": sid, "file": next(ds.source for ds in cat.values() if ds.source.startswith(sid)),
                     "en": info["en"], "fa": info["fa"], "who": info["who"],
                     "jalali": dates[sid].jalali, "gregorian": dates[sid].gregorian,
                     "datasets": len(names), "rows": n_rows})
    return pd.DataFrame(rows)


def sources_table() -> Table:
    from analysis.core.text import bi
    s = sources()
    df = pd.DataFrame({bi("in_source"): s["id"], bi("in_document"): s["en"] + " · " + s["fa"],
                       bi("in_author"): s["who"], bi("in_date_jalali"): s["jalali"],
                       bi("in_date_gregorian"): s["gregorian"], bi("in_datasets"): s["datasets"],
                       bi("in_rows"): s["rows"]})
    return Table(df, caption="The five source documents, their dates (Jalali, with the Gregorian equivalent from "
                             "jdatetime) and the datasets transcribed from each.",
                 formats={bi("in_datasets"): num, bi("in_rows"): num})


def book_counts() -> dict[str, str]:
    """Formatted counts for the introduction: provinces, datasets, rows, flagged cells, findings."""
    from analysis.core.provinces import registry
    from analysis.report import appendix as ch_appendix
    t = ch_appendix.totals()
    v = ch_appendix.verdict_counts().set_index("verdict")["findings"]
    return {
        "n_provinces": str(len(registry())), "n_datasets": num(t["datasets"]), "n_rows": num(t["rows"]),
        "n_numeric": num(t["numeric_cells"]), "n_flagged": num(t["flagged"]),
        "n_flag_datasets": num(t["datasets_with_flags"]), "n_sources": num(t["sources"]),
        "n_findings": num(int(v.sum())), "n_discrepancy": num(int(v["discrepancy"])),
        "n_ok": num(int(v["ok"])), "n_capped": num(int(v["capped"])), "n_unit": num(int(v["unit"])),
        "n_rounding": num(int(v["rounding"])),
    }


# ---------------------------------------------------------------------------- methods
def water() -> pd.DataFrame:
    """002 Table 13 as an indicator frame (province, plan, actual, unit; flagged cells missing)."""
    from analysis.metrics.indicators import frame
    return frame("water")


def methods_values() -> dict[str, str]:
    """Worked examples for the methods chapter, formatted.

    From 002 Table 13 (water): Khuzestan's plan, actual and ratio; the ratio of sums,
    mean and median of provincial ratios; provinces per category; the thresholds of
    :func:`analysis.metrics.planactual.categorise`; the Jalali/Gregorian overlap of 1401.
    """
    w = water()
    k = w[w["province"] == "Khuzestan"].iloc[0]
    agg = planactual.aggregate(w).iloc[0]
    a = planactual.achievement(w)
    cats = planactual.categorise(a["ratio"]).value_counts()
    y0, y1 = jalali.year_span(REPORT_YEAR)
    in_first = (dt.date(y0.year, 12, 31) - y0).days + 1
    days = (y1 - y0).days + 1
    gap = planactual.explain_gap(w)
    top = gap.table.iloc[0]
    return {
        "m_khz_plan": num(k.plan), "m_khz_actual": num(k.actual), "m_khz_ratio": pct(k.actual / k.plan),
        "m_sum_plan": num(agg.sum_plan), "m_sum_actual": num(agg.sum_actual),
        "m_ratio_of_sums": pct(agg.ratio_of_sums), "m_mean_ratio": pct(agg.mean_ratio),
        "m_median_ratio": pct(agg.median_ratio), "m_n_defined": num(agg.n_defined), "m_n": num(agg.n),
        "m_n_undefined": num(agg.n_undefined),
        "m_gap_pp": f"{100 * abs(gap.gap):.1f}", "m_gap_side": "above" if gap.gap > 0 else "below",
        "m_gap_top": str(top["province"]), "m_gap_top_ratio": pct(top["ratio"]), "m_gap_top_plan": num(top["plan"]),
        "m_under": pct(planactual.UNDER_BELOW, 0), "m_tolerance": pct(1 - planactual.UNDER_BELOW, 0), "m_over": pct(planactual.OVER_ABOVE, 0),
        "m_cat_not_started": num(int(cats.get("not started", 0))), "m_cat_under": num(int(cats.get("under", 0))),
        "m_cat_met": num(int(cats.get("met", 0))), "m_cat_over": num(int(cats.get("over", 0))),
        "m_cat_undefined": num(int(cats.get("undefined", 0))),
        "m_year": str(REPORT_YEAR), "m_year_start": y0.isoformat(), "m_year_end": y1.isoformat(),
        "m_greg_year": str(prices.jalali_to_gregorian_year(REPORT_YEAR)), "m_gap_text": gap.text,
        "m_days_in_first": num(in_first), "m_days": num(days), "m_share_first": pct(in_first / days, 0),
    }


def category_table() -> Table:
    """The categories with their thresholds (from planactual constants) and the water example count."""
    from analysis.core.text import bi
    w = water()
    a = planactual.achievement(w)
    cats = planactual.categorise(a["ratio"]).value_counts()
    lo, hi = planactual.THRESHOLDS
    rule = {
        "not started": "actual = 0 with a positive plan",
        "under": f"0 < ratio < {pct(lo, 0)}",
        "met": f"{pct(lo, 0)} ≤ ratio ≤ {pct(hi, 0)}",
        "over": f"ratio > {pct(hi, 0)}",
        "undefined": "plan zero or missing, or a cell flagged as unreadable",
    }
    df = pd.DataFrame({bi("category"): list(planactual.CATEGORIES),
                       bi("in_rule"): [rule[c] for c in planactual.CATEGORIES],
                       bi("in_water_example"): [int(cats.get(c, 0)) for c in planactual.CATEGORIES]})
    return Table(df, caption="Achievement categories (analysis.metrics.planactual.categorise) and how many provinces fall in each "
                             "for water supply, 1401 (002, Table 13).", formats={bi("in_water_example"): num})


def provenance_values() -> dict[str, str]:
    """How many numbers the provenance test checks and how many problems it finds."""
    from analysis.sources import provenance
    problems = provenance.check_all()
    checked = 0
    for name, ds in catalog().items():
        df = load(name)
        cols = ds.numeric_columns(provenance_only=True)
        for _, r in df.iterrows():
            skip = provenance.flagged_columns(r.get("flag")) if "flag" in df.columns else set()
            checked += sum(1 for c in cols if c not in skip and pd.notna(r[c]))
    derived = sum(1 for ds in catalog().values() for c, s in ds.columns.items()
                  if s["type"] in ("int", "float") and not c.startswith("source_line") and not s.get("provenance", True))
    return {"p_checked": num(checked), "p_problems": num(sum(len(v) for v in problems.values())),
            "p_derived_cols": num(derived)}
