"""Khuzestan's own sources (000, 001, 003) and what ISIPO's report (002) says about it.

* 000: the 1401 productivity programme, programmes per sector and per agency
  (``khz_productivity_programmes``, ``khz_programme_agencies``);
* 001: the Management Development Council's resolutions (``khz_council_figures``);
* 003: the labour coordination council's resolutions and deadlines
  (``khz_minutes_resolutions``, dates with :mod:`analysis.core.jalali`) and the
  unemployment and lending figures stated there (``khz_minutes_figures``);
* 002: Khuzestan's row in every per-province indicator
  (:func:`analysis.metrics.planactual.profile`) plus operational units, jobs, projects
  under construction and contracts.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core import jalali
from analysis.core.text import bi, pair
from analysis.metrics import planactual
from analysis.report import figures
from analysis.report.display import DASH, Table, num, ordinal, pct
from analysis.sources.datasets import load

PROVINCE = "Khuzestan"
_PREFIX = re.compile(r"^\s*(زیربخش|زیر بخش|بخش)\s+")


def sector_fa(label: str) -> str:
    """Persian sector label without the leading بخش / زیربخش.

    >>> sector_fa("زیربخش گردشگری"), sector_fa("بخش صنعت")
    ('گردشگری', 'صنعت')
    """
    return _PREFIX.sub("", str(label)).strip()


# ---------------------------------------------------------------------------- 000 programme
def programmes_per_sector() -> pd.DataFrame:
    """Programmes per sector/sub-sector (000), most first: sector_en, sector_fa, level, programmes, agencies."""
    p = load("khz_productivity_programmes")
    a = load("khz_programme_agencies")
    a = a[a["flag"].isna()]
    g = p.groupby("sector_en", sort=False).agg(sector_fa=("sector_fa", "first"), level=("sector_level", "first"),
                                               programmes=("programme_id", "count")).reset_index()
    ag = a.groupby("sector_en")["agency_fa"].nunique()
    g["agencies"] = g["sector_en"].map(ag).fillna(0).astype(int)
    g["sector_fa"] = g["sector_fa"].map(sector_fa)
    return g.sort_values(["programmes", "sector_en"], ascending=[False, True]).reset_index(drop=True)


def agency_counts(include_flagged: bool = False) -> pd.DataFrame:
    """Programmes each agency is responsible for (000), most first.

    Rows flagged in ``khz_programme_agencies`` (an agency name not read with
    confidence) are left out unless ``include_flagged``.
    """
    a = load("khz_programme_agencies")
    if not include_flagged:
        a = a[a["flag"].isna()]
    g = a.groupby(["agency_en", "agency_fa"]).agg(programmes=("programme_id", "nunique"),
                                                   sectors=("sector_en", "nunique")).reset_index()
    return g.sort_values(["programmes", "agency_en"], ascending=[False, True]).reset_index(drop=True)


def programme_values() -> dict[str, str]:
    p = load("khz_productivity_programmes")
    a = load("khz_programme_agencies")
    flagged = a[a["flag"].notna()]
    per_prog = a[a["flag"].isna()].groupby("programme_id")["agency_fa"].nunique().reindex(p["programme_id"]).fillna(0)
    s = programmes_per_sector()
    ac = agency_counts()
    f = load("khz_productivity_figures").set_index("figure")
    appr = jalali.parse_date(f.loc["approval_date", "date_jalali"])
    return {
        "k_programmes": num(len(p)), "k_sectors": num(p["sector_en"].nunique()),
        "k_sector_top": s.iloc[0]["sector_en"], "k_sector_top_fa": s.iloc[0]["sector_fa"],
        "k_sector_top_n": num(s.iloc[0]["programmes"]),
        "k_sector_min": s.iloc[-1]["sector_en"], "k_sector_min_n": num(s.iloc[-1]["programmes"]),
        "k_agencies": num(len(ac)), "k_links": num(len(a) - len(flagged)),
        "k_agency_top": ac.iloc[0]["agency_en"], "k_agency_top_fa": ac.iloc[0]["agency_fa"],
        "k_agency_top_n": num(ac.iloc[0]["programmes"]),
        "k_agencies_per_prog_median": num(per_prog.median(), 0), "k_agencies_per_prog_max": num(per_prog.max()),
        "k_single_agency": num(int((per_prog == 1).sum())),
        "k_flagged_rows": num(len(flagged)), "k_flagged_name": str(flagged["agency_fa"].iloc[0]) if len(flagged) else DASH,
        "k_flagged_lines": ", ".join(str(x) for x in sorted(flagged["source_line_agency"].unique())) if len(flagged) else DASH,
        "k_approved_j": jalali.format_jalali(appr, persian_digits=False), "k_approved_g": appr.togregorian().isoformat(),
    }


def sector_figure():
    """Horizontal bars: programmes per sector/sub-sector (000)."""
    figures.setup()
    import matplotlib.pyplot as plt

    s = programmes_per_sector().iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    labels = [pair(e, f) for e, f in zip(s["sector_en"], s["sector_fa"])]
    ax.barh(labels, s["programmes"], color=figures.PALETTE["actual"])
    for y, v in enumerate(s["programmes"]):
        ax.text(v + 0.2, y, str(int(v)), va="center", fontsize=8)
    ax.set_xlabel("Programmes for 1401 · تعداد برنامه‌های ۱۴۰۱")
    ax.set_title("Khuzestan productivity programme by sector · برنامه‌های بهره‌وری خوزستان به تفکیک بخش")
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def agency_figure(top: int = 15):
    """Horizontal bars: the ``top`` agencies by number of programmes (flagged rows left out)."""
    figures.setup()
    import matplotlib.pyplot as plt

    a = agency_counts().head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 6.0))
    labels = [f"{e}\n{f}" for e, f in zip(a["agency_en"], a["agency_fa"])]
    ax.barh(labels, a["programmes"], color=figures.PALETTE["plan"])
    for y, v in enumerate(a["programmes"]):
        ax.text(v + 0.2, y, str(int(v)), va="center", fontsize=8)
    ax.set_xlabel("Programmes the agency is responsible for · تعداد برنامه‌ها")
    ax.set_title(f"Top {top} responsible agencies · دستگاه‌های متولی")
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    plt.close(fig)
    return fig


def agency_table(top: int = 15) -> Table:
    a = agency_counts().head(top)
    df = pd.DataFrame({bi("kz_agency"): a["agency_en"] + " · " + a["agency_fa"],
                       bi("kz_programmes"): a["programmes"].astype(int), bi("kz_sectors"): a["sectors"].astype(int)})
    return Table(df, caption=f"The {top} agencies responsible for the most 1401 productivity programmes (ties broken "
                             "alphabetically; flagged agency rows left out). Source: 000, programme catalogue.",
                 formats={bi("kz_programmes"): num, bi("kz_sectors"): num})


def sector_table() -> Table:
    s = programmes_per_sector()
    df = pd.DataFrame({bi("kz_sector"): s["sector_en"] + " · " + s["sector_fa"], bi("kz_level"): s["level"],
                       bi("kz_programmes"): s["programmes"].astype(int), bi("kz_agencies"): s["agencies"].astype(int)})
    return Table(df, caption="Programmes and distinct responsible agencies per sector/sub-sector. Source: 000.",
                 formats={bi("kz_programmes"): num, bi("kz_agencies"): num})


# ---------------------------------------------------------------------------- 001 council
def council_values() -> dict[str, str]:
    """The Management Development Council's record (001, line 8)."""
    c = load("khz_council_figures").set_index("figure")
    total, done, pending = (float(c.loc[k, "value"]) for k in ("resolutions_total", "resolutions_implemented", "resolutions_pending"))
    held, years, per_q = (float(c.loc[k, "value"]) for k in ("sessions_held", "period_years", "sessions_required"))
    s = jalali.parse_date(c.loc["session_date", "date_jalali"])
    n = jalali.parse_date(c.loc["news_date", "date_jalali"])
    return {
        "c_total": num(total), "c_done": num(done), "c_pending": num(pending), "c_share": pct(done / total),
        "c_check": "equal" if done + pending == total else "not equal",
        "c_held": num(held), "c_years": num(years), "c_required": num(per_q * 4 * years),
        "c_session_j": jalali.format_jalali(s, persian_digits=False), "c_session_g": s.togregorian().isoformat(),
        "c_news_j": jalali.format_jalali(n, persian_digits=False), "c_news_g": n.togregorian().isoformat(),
        "c_words": num(int(c["flag"].notna().sum())),
    }


# ---------------------------------------------------------------------------- 003 resolutions
def resolutions() -> pd.DataFrame:
    """The 7 resolutions of 003 with deadlines read by :func:`analysis.core.jalali.parse_deadline`.

    The reference date for relative forms is the resolutions date (line 334).
    Columns added: ``deadline`` (:class:`~analysis.core.jalali.Deadline`), ``deadline_j``,
    ``deadline_g`` (ISO), ``days_from_meeting``, ``days_from_resolutions`` (None when
    the deadline is a condition), ``agrees_with_data`` (the parsed date equals the
    catalogued ``deadline_jalali``; for a relative deadline the data leave the date
    empty, so the parsed date is an assumption).
    """
    r = load("khz_minutes_resolutions").copy()
    dates = load("khz_minutes_dates").set_index("event")
    meeting = jalali.parse_date(dates.loc["meeting", "date_jalali"])
    out = []
    for _, row in r.iterrows():
        ref = jalali.parse_date(row["resolutions_date"])
        d = jalali.parse_deadline(row["deadline_fa"], reference=ref)
        dj = None if d.date is None else jalali.format_jalali(d.date, persian_digits=False)
        stored = None if pd.isna(row["deadline_jalali"]) else str(row["deadline_jalali"])
        out.append({
            "deadline": d, "deadline_j": dj, "deadline_g": None if d.gregorian is None else d.gregorian.isoformat(),
            "days_from_meeting": jalali.days_between(meeting, d), "days_from_resolutions": jalali.days_between(ref, d),
            "parsed_kind": d.kind, "agrees_with_data": dj == stored,
        })
    res = pd.concat([r.reset_index(drop=True), pd.DataFrame(out)], axis=1)
    for col in ("days_from_meeting", "days_from_resolutions"):
        res[col] = pd.array([None if d is None else int(d) for d in res[col].astype(object).where(res[col].notna(), None)], dtype="Int64")
    return res


def _deadline_text(row) -> str:
    if pd.isna(row["deadline_j"]):
        return "no date (a condition)" if row["deadline_kind"] == "condition" else DASH
    if row["deadline_kind"] == "relative":
        return f"{row['deadline_j']} (assumed: counted from the resolutions date)"
    return row["deadline_j"]


def resolutions_table() -> Table:
    r = resolutions()
    df = pd.DataFrame({
        bi("kz_no"): r["number"].astype(int),
        bi("kz_topic"): r["topic_en"] + " · " + r["topic_fa"],
        bi("kz_actor"): r["actor_en"],
        bi("kz_deadline_printed"): r["deadline_fa"],
        bi("kz_deadline_jalali"): [_deadline_text(x) for _, x in r.iterrows()],
        bi("kz_deadline_gregorian"): [DASH if pd.isna(x) else x for x in r["deadline_g"]],
        bi("kz_days_meeting"): [DASH if pd.isna(d) else num(d) for d in r["days_from_meeting"]],
    })
    return Table(df, caption="Resolutions of the 6th labour coordination council (003, lines 334-363): deadlines as printed, "
                             "as Jalali and Gregorian dates, and days from the meeting.")


def resolutions_values() -> dict[str, str]:
    r = resolutions()
    dates = load("khz_minutes_dates").set_index("event")
    m = jalali.parse_date(dates.loc["meeting", "date_jalali"])
    rd = jalali.parse_date(dates.loc["resolutions", "date_jalali"])
    dated = r[r["days_from_meeting"].notna() & (r["deadline_kind"] != "relative")]
    days = dated["days_from_meeting"].astype(int)
    return {
        "r_n": num(len(r)), "r_meeting_j": jalali.format_jalali(m, persian_digits=False),
        "r_meeting_g": m.togregorian().isoformat(), "r_res_j": jalali.format_jalali(rd, persian_digits=False),
        "r_res_g": rd.togregorian().isoformat(), "r_dated": num(len(dated)),
        "r_min_days": num(days.min()), "r_max_days": num(days.max()),
        "r_year_end": num(int((r["deadline_kind"] == "end of year").sum())),
        "r_condition": num(int((r["deadline_kind"] == "condition").sum())),
        "r_relative": num(int((r["deadline_kind"] == "relative").sum())),
        "r_agree": num(int(r.loc[r["deadline_kind"] != "relative", "agrees_with_data"].sum())),
        "r_checkable": num(int((r["deadline_kind"] != "relative").sum())),
        "r_leap": "a leap year" if jalali.is_leap(m.year) else "not a leap year",
        "r_esfand": num(jalali.month_length(m.year, 12)),
    }


# ---------------------------------------------------------------------------- 003 figures
def minutes_figures(category: str | None = None, scope: str | None = None) -> pd.DataFrame:
    f = load("khz_minutes_figures")
    if category:
        f = f[f["category"] == category]
    if scope:
        f = f[f["scope"] == scope]
    return f.reset_index(drop=True)


def _value_text(row) -> str:
    v = num(row["value"], 0 if float(row["value"]) == int(row["value"]) else 1)
    if pd.notna(row["value_max"]):
        v += "–" + num(row["value_max"], 0 if float(row["value_max"]) == int(row["value_max"]) else 1)
    q = "" if row["qualifier"] == "exact" else row["qualifier"] + " "
    return f"{q}{v} {row['unit']}"


def billion_rials(rials) -> str:
    """Rials as billion rials, no decimals; missing as a dash.

    >>> billion_rials(1300000000000), billion_rials(None)
    ('1,300', '—')
    """
    if rials is None or pd.isna(rials):
        return DASH
    return num(float(rials) / 1e9)


def lending_table() -> Table:
    """Loan figures stated in the minutes, with money normalised to billion rials (1 toman = 10 rials)."""
    f = minutes_figures("loan")
    df = pd.DataFrame({
        bi("kz_speaker"): f["speaker_en"] + " (" + f["organisation_en"] + ")",
        bi("kz_quantity"): f["quantity"], bi("kz_scope"): f["scope"],
        bi("kz_as_printed"): [_value_text(r) + (" [printed in words]" if pd.notna(r["flag"]) else "") for _, r in f.iterrows()],
        bi("kz_billion_rials"): [billion_rials(x) for x in f["value_rials"]],
        bi("ap_source_line"): f["source_line"].astype(int),
    })
    return Table(df, caption="Loan and credit figures stated at the meeting (003), as spoken and normalised to billion "
                             "rials (1 toman = 10 rials). Nominal money of different years; "
                             "figures are the speakers' statements, not audited accounts.",
                 formats={bi("ap_source_line"): num})


def rates_table() -> Table:
    """Unemployment and other rates stated in the minutes."""
    f = minutes_figures("rate")
    df = pd.DataFrame({bi("kz_quantity"): f["quantity"], bi("kz_scope"): f["scope"],
                       bi("kz_as_printed"): [_value_text(r) + (" [printed in words]" if pd.notna(r["flag"]) else "") for _, r in f.iterrows()],
                       bi("kz_speaker"): f["speaker_en"], bi("ap_source_line"): f["source_line"].astype(int)})
    return Table(df, caption="Rates, shares and ranks stated at the meeting (003).", formats={bi("ap_source_line"): num})


def minutes_values() -> dict[str, str]:
    f = load("khz_minutes_figures")

    def one(pattern: str) -> pd.Series:
        hit = f[f["quantity"].str.contains(pattern, regex=False)]
        if len(hit) != 1:
            raise ValueError(f"expected one figure matching {pattern!r} in khz_minutes_figures, found {len(hit)}")
        return hit.iloc[0]

    u96, u98 = one("unemployment rate in 1396"), one("unemployment rate in 1398")
    fall = one("fall of the unemployment rate from 1396 to 1398")
    rural = one("fall of the rural unemployment rate")
    ltd = one("loan-to-deposit ratio of the province")
    rank = one("rank of Khuzestan among provinces in loan-to-deposit")
    prog = one("all programme loans in the three years")
    net = one("loans of the province's whole banking network")
    sixteenth = one("printed 'one sixteenth'")
    r7 = one("resolution 7")
    loans = f[f["category"] == "loan"]
    return {
        "u_1396": pct(u96.value / 100), "u_1398": pct(u98.value / 100), "u_fall": num(fall.value, 1),
        "u_fall_recomputed": num(u96.value - u98.value, 1), "u_rural_fall": num(rural.value, 1),
        "ltd": pct(ltd.value / 100, 0), "ltd_rank_lo": num(rank.value), "ltd_rank_hi": num(rank.value_max),
        "prog_loans": billion_rials(prog.value_rials), "net_loans": billion_rials(net.value_rials),
        "prog_share": pct(float(prog.value_rials) / float(net.value_rials)), "prog_share_printed": pct(sixteenth.value),
        "r7_rials": billion_rials(r7.value_rials), "r7_printed": _value_text(r7),
        "n_loan_figures": num(len(loans)), "n_loan_flagged": num(int(loans["flag"].notna().sum())),
        "n_implied_tomans": num(int((loans["unit"] == "billion (tomans implied)").sum())),
        "n_figures": num(len(f)),
    }


# ---------------------------------------------------------------------------- 002 ISIPO
def isipo_profile() -> pd.DataFrame:
    """Khuzestan across the per-province indicators (002) with their labels."""
    from analysis.metrics import indicators
    prof = planactual.profile(indicators.frames(), PROVINCE)
    meta = {i.key: i for i in indicators.indicators()}
    prof["label"] = [meta[k].label for k in prof["indicator"]]
    prof["table"] = [meta[k].table for k in prof["indicator"]]
    prof["kind"] = [meta[k].kind for k in prof["indicator"]]
    return prof


def profile_table() -> Table:
    p = isipo_profile()
    df = pd.DataFrame({
        bi("indicator"): p["label"], bi("unit"): p["unit"], bi("kz_table"): p["table"],
        bi("plan"): [num(x, 0 if pd.isna(x) or float(x) == int(x) else 1) for x in p["plan"]],
        bi("actual"): [num(x, 0 if pd.isna(x) or float(x) == int(x) else 1) for x in p["actual"]],
        bi("ratio"): [pct(x) for x in p["ratio"]], bi("national_ratio"): [pct(x) for x in p["national_ratio"]],
        bi("rank"): [f"{ordinal(r)} of {n}" if pd.notna(r) else DASH for r, n in zip(p["rank"], p["n_ranked"])],
        bi("category"): [c if c != "undefined" else st for c, st in zip(p["category"], p["status"])],
    })
    return Table(df, caption="Khuzestan in ISIPO's per-province plan-versus-actual tables, 1401 (002). Ratio = actual / plan, "
                             "uncapped; national ratio = ratio of sums over provinces; rank 1 = highest ratio. "
                             "Capital budget: agreement (plan) vs allocation (actual), million rials, 1401 nominal.")


#: Per-province stock/flow tables of 002 shown beside the plan/actual indicators: (dataset, column, label, unit).
STOCKS = (
    ("operational_units_by_province", "units_1400", "Units that became operational in 1400 · واحدهای به بهره‌برداری رسیده ۱۴۰۰", "units", "56"),
    ("operational_units_by_province", "units_1401", "Units that became operational in 1401 · واحدهای به بهره‌برداری رسیده ۱۴۰۱", "units", "56"),
    ("operational_units_by_province", "units_cum_1401", "Operational units, cumulative to end 1401 · واحدهای بهره‌برداری (تجمعی)", "units", "56"),
    ("operational_employment_by_province", "employment_1400", "Jobs in units that became operational in 1400 · اشتغال ۱۴۰۰", "persons", "57"),
    ("operational_employment_by_province", "employment_1401", "Jobs in units that became operational in 1401 · اشتغال ۱۴۰۱", "persons", "57"),
    ("operational_employment_by_province", "employment_cum_1401", "Jobs in operational units, cumulative · اشتغال (تجمعی)", "persons", "57"),
    ("projects_under_construction_by_province", "total", "Projects under construction, end 1401 · طرح‌های در دست احداث", "projects", "58"),
    ("contracts_land_by_province", "contracts_1401", "Land allotment contracts signed in 1401 · قراردادهای واگذاری زمین ۱۴۰۱", "contracts", "54"),
    ("contracts_land_by_province", "area_1401_ha", "Land allotted in 1401 · زمین واگذار شده ۱۴۰۱", "hectares", "54"),
    ("capital_budget_by_province", "allocation", "Capital budget allocated, 1401 · تخصیص اعتبارات تملک", "million rials", "53"),
)


def stocks() -> pd.DataFrame:
    """Khuzestan's value, national sum (province rows), share and rank for :data:`STOCKS`."""
    rows = []
    for ds, col, label, unit, table in STOCKS:
        df = load(ds)
        prov = df[df["row_kind"] == "province"]
        if "flag" in prov.columns:
            bad = prov["flag"].fillna("").str.contains(rf"(^|;)\s*{re.escape(col)}\s*=")
            prov = prov[~bad]
        vals = pd.to_numeric(prov[col]).astype(float)
        k = prov.loc[prov["province"] == PROVINCE, col]
        v = float(k.iloc[0]) if len(k) else float("nan")
        rank = int((vals > v).sum() + 1) if len(k) else None
        rows.append({"dataset": ds, "column": col, "label": label, "unit": unit, "table": table, "value": v,
                     "national": float(vals.sum()), "share": v / float(vals.sum()) if vals.sum() else float("nan"),
                     "rank": rank, "n": int(vals.notna().sum())})
    return pd.DataFrame(rows)


def stocks_table() -> Table:
    s = stocks()
    df = pd.DataFrame({
        bi("indicator"): s["label"], bi("unit"): s["unit"], bi("kz_table"): s["table"],
        bi("kz_khuzestan"): [num(x) for x in s["value"]], bi("kz_national"): [num(x) for x in s["national"]],
        bi("kz_share"): [pct(x) for x in s["share"]],
        bi("rank"): [f"{ordinal(r)} of {n}" if r else DASH for r, n in zip(s["rank"], s["n"])],
    })
    return Table(df, caption="Khuzestan's operational units, jobs, projects, contracts and budget in ISIPO's per-province "
                             "tables (002). National = sum of the 31 province rows; rank 1 = largest.")


def isipo_values() -> dict[str, str]:
    p = isipo_profile()
    s = stocks().set_index("column")
    cats = p["category"].value_counts()
    w = p.set_index("indicator")
    return {
        "i_n": num(len(p)), "i_over": num(int(cats.get("over", 0))), "i_met": num(int(cats.get("met", 0))),
        "i_under": num(int(cats.get("under", 0))), "i_not_started": num(int(cats.get("not started", 0))),
        "i_undefined": num(int(cats.get("undefined", 0))),
        "i_water_ratio": pct(w.loc["water", "ratio"]), "i_water_rank": ordinal(w.loc["water", "rank"]) if pd.notna(w.loc["water", "rank"]) else DASH,
        "i_budget_ratio": pct(w.loc["capital_budget", "ratio"]), "i_budget_nat": pct(w.loc["capital_budget", "national_ratio"]),
        "i_units_1401": num(s.loc["units_1401", "value"]), "i_units_cum": num(s.loc["units_cum_1401", "value"]),
        "i_units_share": pct(s.loc["units_cum_1401", "share"]), "i_jobs_1401": num(s.loc["employment_1401", "value"]),
        "i_jobs_1400": num(s.loc["employment_1400", "value"]), "i_jobs_cum": num(s.loc["employment_cum_1401", "value"]),
        "i_jobs_per_unit_1401": num(s.loc["employment_1401", "value"] / s.loc["units_1401", "value"], 1),
    }


def values() -> dict[str, str]:
    """Every glued value of the chapter."""
    return {**programme_values(), **council_values(), **resolutions_values(), **minutes_values(), **isipo_values()}
