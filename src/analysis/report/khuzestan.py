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
from functools import reduce

import pandas as pd

from analysis.core import jalali
from analysis.core.text import bi, data_text, language, pair, t
from analysis.metrics import planactual
from analysis.report import cite, figures
from analysis.report.display import (
    DASH,
    Table,
    Traced,
    gregorian_date,
    jalali_date,
    localise,
    num,
    ordinal,
    pct,
    plain,
    unit_text,
)
from analysis.report.numerals import persian_ticks
from analysis.sources.datasets import dataset, load

PROVINCE = "Khuzestan"
_PREFIX = re.compile(r"^\s*(زیربخش|زیر بخش|بخش)\s+")
TEXT = "khuzestan"  # text/<lang>/khuzestan.yml


def _t(key: str, lang: str | None = None, **values) -> str:
    return t(f"{TEXT}.{key}", lang, **values)


def _slug(word: str) -> str:
    """Key suffix of a data word: ``'billion (tomans implied)' -> 'billion_tomans_implied'``, ``'%' -> 'percent'``.

    >>> _slug("billion (tomans implied)"), _slug("%"), _slug("sub-sector")
    ('billion_tomans_implied', 'percent', 'sub_sector')
    """
    return "percent" if str(word).strip() == "%" else re.sub(r"[^a-z0-9]+", "_", str(word).lower()).strip("_")


def word(kind: str, value: str, lang: str | None = None) -> str:
    """The reader's word for a data code (a unit, a qualifier, a level, a scope) from
    ``text/<lang>/khuzestan.yml`` key ``<kind>_<slug>``; a code without a text is an error."""
    key = f"{kind}_{_slug(value)}"
    try:
        return _t(key, lang)
    except KeyError:
        raise KeyError(f"no text for {kind} {value!r}: add key {key!r} to text/en/{TEXT}.yml and text/fa/{TEXT}.yml") from None


def named(english: str, persian: str, lang: str | None = None) -> str:
    """A name in the prose: ``English (Persian)`` in the English edition, the Persian name alone in the Persian one.

    >>> named("Public affairs", "امور عمومی", "en"), named("Public affairs", "امور عمومی", "fa")
    ('Public affairs (امور عمومی)', 'امور عمومی')
    """
    return persian if (lang or language()) == "fa" else f"{english} ({persian})"


def in_language(english: str, persian: str, lang: str | None = None) -> str:
    """The English or the Persian form of a one-language name or cell, by edition."""
    return persian if (lang or language()) == "fa" else english


def joined(items, lang: str | None = None) -> str:
    """Items in a run (``a, b, c``) with the language's comma; a dash for none.

    >>> joined(["94", "192"], "en"), joined(["94", "192"], "fa"), joined([], "en")
    ('94, 192', '94، 192', '—')
    """
    items = [str(x) for x in items]
    if not items:
        return DASH
    return reduce(lambda a, b: _t("join", lang, a=a, b=b), items)


def rank_text(rank, lang: str | None = None) -> str:
    """A rank in the prose: an English ordinal (``1st``) or the plain number in Persian."""
    if pd.isna(rank):
        return DASH
    return num(rank) if (lang or language()) == "fa" else ordinal(rank)


def _number(v) -> str:
    """A stated figure with the decimals it was stated with (up to four): ``0.0625`` for the
    "one sixteenth" of 003 l.254 (one decimal made it 0.1).

    >>> _number(0.0625), _number(14.5), _number(13000.0)
    ('0.0625', '14.5', '13,000')
    """
    decimals = len(f"{float(v):.4f}".rstrip("0").partition(".")[2])
    return num(v, decimals)


def as_stated(row, lang: str | None = None) -> str:
    """A stated figure with its qualifier and unit in the reader's words (``about 14.5 %``)."""
    v = _number(row["value"])
    if pd.notna(row["value_max"]):
        v += "–" + _number(row["value_max"])
    key = "value_exact" if row["qualifier"] == "exact" else "value_qualified"
    q = "" if row["qualifier"] == "exact" else word("q", row["qualifier"], lang)
    return _t(key, lang, value=v, qualifier=q, unit=word("u", row["unit"], lang))


def _as_stated_cell(row) -> str:
    """:func:`as_stated`, marked ``[printed in words]`` when the figure is flagged."""
    text = as_stated(row)
    return _t("in_words", value=text) if pd.notna(row["flag"]) else text


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


def programme_values(lang: str | None = None) -> dict[str, str]:
    p = load("khz_productivity_programmes")
    a = load("khz_programme_agencies")
    flagged = a[a["flag"].notna()]
    per_prog = a[a["flag"].isna()].groupby("programme_id")["agency_fa"].nunique().reindex(p["programme_id"]).fillna(0)
    s = programmes_per_sector()
    ac = agency_counts()
    f = load("khz_productivity_figures").set_index("figure")
    appr = jalali.parse_date(f.loc["approval_date", "date_jalali"])
    v = {
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
        # line numbers in running text: Persian digits in Persian (the citation tags keep Latin ones)
        "k_flagged_lines": joined([localise(str(int(x)), lang) for x in sorted(flagged["source_line_agency"].unique())], lang),
        "k_approved_j": jalali_date(appr), "k_approved_g": gregorian_date(appr),
    }
    progs, links = "khz_productivity_programmes", "khz_programme_agencies"
    n_links = len(a) - len(flagged)
    approved = cite.source("khz_productivity_figures", f.loc["approval_date"])
    per = {"n": len(p), "dataset": links}
    return _traced(v, {
        "k_programmes": cite.computed("count_rows", n=len(p), dataset=progs),
        "k_sectors": cite.computed("count_distinct", column="sector_en", n=len(p), dataset=progs),
        "k_sector_top_n": cite.computed("count_programmes", what=in_language(s.iloc[0]["sector_en"], s.iloc[0]["sector_fa"]),
                                        dataset=progs),
        "k_sector_min_n": cite.computed("count_programmes", what=in_language(s.iloc[-1]["sector_en"], s.iloc[-1]["sector_fa"]),
                                        dataset=progs),
        "k_agencies": cite.computed("count_distinct_unflagged", column="agency_en", n=n_links, dataset=links),
        "k_links": cite.computed("count_unflagged", n=len(a), dataset=links),
        "k_agency_top_n": cite.computed("count_programmes", what=in_language(ac.iloc[0]["agency_en"], ac.iloc[0]["agency_fa"]),
                                        dataset=links),
        "k_agencies_per_prog_median": cite.computed("agencies_median", **per),
        "k_agencies_per_prog_max": cite.computed("agencies_max", **per),
        "k_single_agency": cite.computed("agencies_single", **per),
        "k_flagged_rows": cite.computed("count_flagged_rows", n=len(a), dataset=links),
        "k_approved_j": approved, "k_approved_g": cite.computed("date_of", cite=approved.long),
    })


def _traced(values: dict, cites: dict) -> dict:
    """``values`` with each value named in ``cites`` :class:`~analysis.report.display.Traced` to its citation."""
    return {k: Traced(v, cites[k]) if k in cites else v for k, v in values.items()}


def sector_figure():
    """Horizontal bars: programmes per sector/sub-sector (000)."""
    figures.setup()
    import matplotlib.pyplot as plt

    s = programmes_per_sector().iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    labels = [pair(e, f) for e, f in zip(s["sector_en"], s["sector_fa"])]
    ax.barh(labels, s["programmes"], color=figures.PALETTE["actual"])
    for y, v in enumerate(s["programmes"]):
        ax.text(v + 0.2, y, plain(v), va="center", fontsize=8, ha=figures.value_ha())
    ax.set_xlabel(bi(f"{TEXT}.fig_sectors_x"))
    ax.set_title(bi(f"{TEXT}.fig_sectors_title"))
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", visible=False)
    figures.mirror(ax)  # Persian: sector names on the right, bars growing leftwards
    persian_ticks(ax)
    fig.tight_layout()
    plt.close(fig)
    return fig


def agency_figure(top: int = 15):
    """Horizontal bars: the ``top`` agencies by number of programmes (flagged rows left out)."""
    figures.setup()
    import matplotlib.pyplot as plt

    a = agency_counts().head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 6.0))
    labels = [f if language() == "fa" else f"{e}\n{f}" for e, f in zip(a["agency_en"], a["agency_fa"])]
    ax.barh(labels, a["programmes"], color=figures.PALETTE["plan"])
    for y, v in enumerate(a["programmes"]):
        ax.text(v + 0.2, y, plain(v), va="center", fontsize=8, ha=figures.value_ha())
    ax.set_xlabel(bi(f"{TEXT}.fig_agencies_x"))
    ax.set_title(bi(f"{TEXT}.fig_agencies_title", top=plain(top)))
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", visible=False)
    figures.mirror(ax)  # Persian: agency names (Persian alone) on the right, bars growing leftwards
    persian_ticks(ax)
    fig.tight_layout()
    plt.close(fig)
    return fig


def _col(key: str) -> str:
    """A bilingual column header of this chapter."""
    return bi(f"{TEXT}.col_{key}")


def agency_table(top: int = 15) -> Table:
    a = agency_counts().head(top)
    df = pd.DataFrame({_col("agency"): [pair(e, f) for e, f in zip(a["agency_en"], a["agency_fa"])],
                       _col("programmes"): a["programmes"].astype(int), _col("sectors"): a["sectors"].astype(int)})
    cites = [cite.computed("count_programmes", dataset="khz_programme_agencies", what=in_language(e, f))
             for e, f in zip(a["agency_en"], a["agency_fa"])]
    return Table(df, caption=_t("tab_agencies", top=plain(top)), formats={_col("programmes"): num, _col("sectors"): num},
                 cite=cites)


def sector_table() -> Table:
    s = programmes_per_sector()
    df = pd.DataFrame({_col("sector"): [pair(e, f) for e, f in zip(s["sector_en"], s["sector_fa"])],
                       _col("level"): [word("level", x) for x in s["level"]],
                       _col("programmes"): s["programmes"].astype(int), _col("agencies"): s["agencies"].astype(int)})
    cites = [cite.computed("count_programmes", dataset=t("provenance.join_sep").join(("khz_productivity_programmes", "khz_programme_agencies")),
                           what=in_language(e, f)) for e, f in zip(s["sector_en"], s["sector_fa"])]
    return Table(df, caption=_t("tab_sectors"), formats={_col("programmes"): num, _col("agencies"): num}, cite=cites)


# ---------------------------------------------------------------------------- 001 council
def council_values(lang: str | None = None) -> dict[str, str]:
    """The Management Development Council's record (001, line 8)."""
    c = load("khz_council_figures").set_index("figure")
    total, done, pending = (float(c.loc[k, "value"]) for k in ("resolutions_total", "resolutions_implemented", "resolutions_pending"))
    held, years, per_q = (float(c.loc[k, "value"]) for k in ("sessions_held", "period_years", "sessions_required"))
    s = jalali.parse_date(c.loc["session_date", "date_jalali"])
    n = jalali.parse_date(c.loc["news_date", "date_jalali"])
    v = {
        "c_total": num(total), "c_done": num(done), "c_pending": num(pending), "c_share": pct(done / total),
        "c_check": _t("check_equal" if done + pending == total else "check_not_equal", lang),
        "c_held": num(held), "c_years": num(years), "c_required": num(per_q * 4 * years),
        "c_session_j": jalali_date(s), "c_session_g": gregorian_date(s),
        "c_news_j": jalali_date(n), "c_news_g": gregorian_date(n),
        "c_words": num(int(c["flag"].notna().sum())),
    }
    ds = "khz_council_figures"
    row = {k: cite.source(ds, c.loc[k]) for k in ("resolutions_total", "resolutions_implemented", "resolutions_pending",
                                                   "sessions_held", "period_years", "sessions_required",
                                                   "session_date", "news_date")}
    return _traced(v, {
        "c_total": row["resolutions_total"], "c_done": row["resolutions_implemented"],
        "c_pending": row["resolutions_pending"], "c_held": row["sessions_held"], "c_years": row["period_years"],
        "c_share": cite.computed("ratio_of_figures", num="resolutions_implemented", den="resolutions_total",
                                 cite=row["resolutions_total"].long),
        "c_required": cite.computed("required_sessions", cite=row["sessions_required"].long),
        "c_session_j": row["session_date"], "c_session_g": cite.computed("date_of", cite=row["session_date"].long),
        "c_news_j": row["news_date"], "c_news_g": cite.computed("date_of", cite=row["news_date"].long),
        "c_words": cite.computed("count_flagged_rows", n=len(c), dataset=ds),
    })


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
        return _t("deadline_condition") if row["deadline_kind"] == "condition" else DASH
    if row["deadline_kind"] == "relative":
        return _t("deadline_assumed", date=jalali_date(row["deadline_j"]))
    return jalali_date(row["deadline_j"])


def resolutions_table() -> Table:
    r = resolutions()
    df = pd.DataFrame({
        _col("no"): r["number"].astype(int),
        _col("topic"): [pair(e, f) for e, f in zip(r["topic_en"], r["topic_fa"])],
        _col("actor"): [in_language(e, f) for e, f in zip(r["actor_en"], r["actor_fa"])],
        _col("deadline_printed"): r["deadline_fa"],
        _col("deadline_jalali"): [_deadline_text(x) for _, x in r.iterrows()],
        _col("deadline_gregorian"): [DASH if d.gregorian is None else gregorian_date(d.gregorian) for d in r["deadline"]],
        _col("days_meeting"): [DASH if pd.isna(d) else num(d) for d in r["days_from_meeting"]],
    })
    return Table(df, caption=_t("tab_resolutions"), cite=cite.rows("khz_minutes_resolutions", r))


def resolutions_values(lang: str | None = None) -> dict[str, str]:
    r = resolutions()
    dates = load("khz_minutes_dates").set_index("event")
    m = jalali.parse_date(dates.loc["meeting", "date_jalali"])
    rd = jalali.parse_date(dates.loc["resolutions", "date_jalali"])
    dated = r[r["days_from_meeting"].notna() & (r["deadline_kind"] != "relative")]
    days = dated["days_from_meeting"].astype(int)
    v = {
        "r_n": num(len(r)), "r_meeting_j": jalali_date(m),
        "r_meeting_g": gregorian_date(m), "r_res_j": jalali_date(rd),
        "r_res_g": gregorian_date(rd), "r_dated": num(len(dated)),
        "r_min_days": num(days.min()), "r_max_days": num(days.max()),
        "r_year_end": num(sum(d.date is not None and d.date == jalali.end_of_year(d.date.year) for d in r["deadline"])),
        "r_condition": num(int((r["deadline_kind"] == "condition").sum())),
        "r_relative": num(int((r["deadline_kind"] == "relative").sum())),
        "r_agree": num(int(r.loc[r["deadline_kind"] != "relative", "agrees_with_data"].sum())),
        "r_checkable": num(int((r["deadline_kind"] != "relative").sum())),
        "r_leap": _t("leap_yes" if jalali.is_leap(m.year) else "leap_no", lang),
        "r_esfand": num(jalali.month_length(m.year, 12)),
    }
    ds = "khz_minutes_resolutions"
    meeting, res = (cite.source("khz_minutes_dates", dates.loc[e]) for e in ("meeting", "resolutions"))
    deadlines = cite.computed("deadline_count", n=len(r), dataset=ds, meeting=v["r_meeting_j"])
    return _traced(v, {
        "r_n": cite.computed("count_rows", n=len(r), dataset=ds),
        "r_meeting_j": meeting, "r_meeting_g": cite.computed("date_of", cite=meeting.long),
        "r_res_j": res, "r_res_g": cite.computed("date_of", cite=res.long),
        **{k: deadlines for k in ("r_dated", "r_min_days", "r_max_days", "r_year_end", "r_condition", "r_relative",
                                  "r_agree", "r_checkable")},
        "r_esfand": cite.computed("month_length", year=m.year),
    })


# ---------------------------------------------------------------------------- 003 figures
def minutes_figures(category: str | None = None, scope: str | None = None) -> pd.DataFrame:
    f = load("khz_minutes_figures")
    if category:
        f = f[f["category"] == category]
    if scope:
        f = f[f["scope"] == scope]
    return f.reset_index(drop=True)


def billion_rials(rials) -> str:
    """Rials as billion rials: no decimals, one below 10 billion where the amount has a
    fraction (the "up to 50 million tomans" of 003 l.232 is 0.5, not 0); missing as a dash.

    >>> billion_rials(1300000000000), billion_rials(500000000), billion_rials(None)
    ('1,300', '0.5', '—')
    """
    if rials is None or pd.isna(rials):
        return DASH
    x = float(rials) / 1e9
    return num(x, 1 if x < 10 and x % 1 else 0)


def lending_table() -> Table:
    """Loan figures stated in the minutes, with money normalised to billion rials (1 toman = 10 rials)."""
    f = minutes_figures("loan")
    df = pd.DataFrame({
        _col("speaker"): [_t("speaker_of", speaker=in_language(r["speaker_en"], r["speaker_fa"]),
                             organisation=in_language(r["organisation_en"], r["organisation_fa"])) for _, r in f.iterrows()],
        _col("quantity"): [data_text(q) for q in f["quantity"]], _col("scope"): [word("scope", x) for x in f["scope"]],
        _col("as_printed"): [_as_stated_cell(r) for _, r in f.iterrows()],
        _col("billion_rials"): [billion_rials(x) for x in f["value_rials"]],
        bi("ap_source_line"): f["source_line"].astype(int),
    })
    return Table(df, caption=_t("tab_lending"), formats={bi("ap_source_line"): num},
                 cite=cite.rows("khz_minutes_figures", f))


def rates_table() -> Table:
    """Unemployment and other rates stated in the minutes."""
    f = minutes_figures("rate")
    df = pd.DataFrame({_col("quantity"): [data_text(q) for q in f["quantity"]], _col("scope"): [word("scope", x) for x in f["scope"]],
                       _col("as_printed"): [_as_stated_cell(r) for _, r in f.iterrows()],
                       _col("speaker"): [in_language(e, p) for e, p in zip(f["speaker_en"], f["speaker_fa"])],
                       bi("ap_source_line"): f["source_line"].astype(int)})
    return Table(df, caption=_t("tab_rates"), formats={bi("ap_source_line"): num},
                 cite=cite.rows("khz_minutes_figures", f))


def minutes_values(lang: str | None = None) -> dict[str, str]:
    f = load("khz_minutes_figures")

    def one(line: int, fragment: str) -> pd.Series:
        """The one figure stated on source line ``line`` whose ``quantity`` contains ``fragment``."""
        hit = f[(f["source_line"] == line) & f["quantity"].str.contains(fragment, regex=False)]
        if len(hit) != 1:
            raise ValueError(f"khz_minutes_figures: expected one figure on line {line} whose quantity contains "
                             f"{fragment!r}, found {len(hit)}")
        return hit.iloc[0]

    # 003 line 256: unemployment 1396 and 1398 and its fall (all and rural); line 238: loan-to-deposit
    # ratio and rank; line 254: programme and banking-network loans, "one sixteenth"; line 363: resolution 7
    u96, u98 = one(256, "rate in 1396"), one(256, "rate in 1398")
    fall, rural = one(256, "the unemployment"), one(256, "rural")
    ltd, rank = one(238, "ratio of"), one(238, "rank of")
    prog, net, sixteenth = one(254, "all programme"), one(254, "whole banking"), one(254, "one sixteenth")
    r7 = one(363, "resolution 7")
    loans = f[f["category"] == "loan"]
    v = {
        "u_1396": pct(u96.value / 100), "u_1398": pct(u98.value / 100), "u_fall": num(fall.value, 1),
        "u_fall_recomputed": num(u96.value - u98.value, 1), "u_rural_fall": num(rural.value, 1),
        "ltd": pct(ltd.value / 100, 0), "ltd_rank_lo": num(rank.value), "ltd_rank_hi": num(rank.value_max),
        "prog_loans": billion_rials(prog.value_rials), "net_loans": billion_rials(net.value_rials),
        # two decimals, as the loans chapter gives them: one sixteenth is 6.25 %, which one decimal rounds to 6.2
        "prog_share": pct(float(prog.value_rials) / float(net.value_rials), 2), "prog_share_printed": pct(sixteenth.value, 2),
        "r7_rials": billion_rials(r7.value_rials), "r7_printed": as_stated(r7, lang),
        "n_loan_figures": num(len(loans)), "n_loan_flagged": num(int(loans["flag"].notna().sum())),
        "n_implied_tomans": num(int((loans["unit"] == "billion (tomans implied)").sum())),
        "n_figures": num(len(f)),
    }
    ds = "khz_minutes_figures"
    row = {k: cite.source(ds, x) for k, x in (("u96", u96), ("u98", u98), ("fall", fall), ("rural", rural),
                                               ("ltd", ltd), ("rank", rank), ("prog", prog), ("net", net),
                                               ("sixteenth", sixteenth), ("r7", r7))}
    return _traced(v, {
        "u_1396": row["u96"], "u_1398": row["u98"], "u_fall": row["fall"], "u_rural_fall": row["rural"],
        "u_fall_recomputed": cite.computed("difference_of", a=u96.quantity, b=u98.quantity, cite=row["u96"].long),
        "ltd": row["ltd"], "ltd_rank_lo": row["rank"], "ltd_rank_hi": row["rank"],
        "prog_loans": row["prog"], "net_loans": row["net"],
        "prog_share": cite.computed("ratio_of_figures", num=prog.quantity, den=net.quantity, cite=row["prog"].long),
        "prog_share_printed": row["sixteenth"], "r7_rials": row["r7"], "r7_printed": row["r7"],
        "n_loan_figures": cite.computed("count_category_rows", category="loan", n=len(f), dataset=ds),
        "n_loan_flagged": cite.computed("count_category_flagged", category="loan", n=len(loans), dataset=ds),
        "n_implied_tomans": cite.computed("count_implied_tomans", n=len(loans), dataset=ds),
        "n_figures": cite.computed("count_rows", n=len(f), dataset=ds),
    })


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


#: Category words of :func:`analysis.metrics.planactual.categorise` and the reasons of an
#: undefined ratio (:data:`analysis.metrics.planactual.STATUSES`): their text keys.
CATEGORY_KEYS = {"not started": "cat_not_started", "under": "cat_under", "met": "cat_met", "over": "cat_over"}
STATUS_KEYS = {planactual.ZERO_PLAN: "status_zero_plan", planactual.MISSING_PLAN: "status_missing_plan",
               planactual.MISSING_ACTUAL: "status_missing_actual", planactual.NOT_REPORTED: "status_not_reported"}


def category_text(category: str, status: str, lang: str | None = None) -> str:
    """The category of a ratio, or why it is undefined, in the reader's words."""
    if category != "undefined":
        return _t(CATEGORY_KEYS[category], lang)
    return _t(STATUS_KEYS[status], lang)


def _rank_of(rank, n) -> str:
    return _t("rank_of", rank=rank_text(rank), n=num(n)) if pd.notna(rank) else DASH


def profile_table() -> Table:
    p = isipo_profile()
    df = pd.DataFrame({
        bi("indicator"): p["label"], bi("unit"): [unit_text(u) for u in p["unit"]], _col("table"): [plain(x) for x in p["table"]],
        bi("plan"): [num(x, 0 if pd.isna(x) or float(x) == int(x) else 1) for x in p["plan"]],
        bi("actual"): [num(x, 0 if pd.isna(x) or float(x) == int(x) else 1) for x in p["actual"]],
        bi("ratio"): [pct(x) for x in p["ratio"]], bi("national_ratio"): [pct(x) for x in p["national_ratio"]],
        bi("rank"): [_rank_of(r, n) for r, n in zip(p["rank"], p["n_ranked"])],
        bi("category"): [category_text(c, st) for c, st in zip(p["category"], p["status"])],
    })
    from analysis.metrics.indicators import get as get_indicator
    cites = [cite.province_or_absent(get_indicator(k).dataset, PROVINCE) for k in p["indicator"]]
    return Table(df, caption=_t("tab_profile"), cite=cites)


#: Per-province stock/flow columns of 002 shown beside the plan/actual indicators: (dataset, column).
#: Row labels are the text keys ``khuzestan.stock_<column>``; units and table numbers come from the
#: data catalogue.
STOCKS = (
    ("operational_units_by_province", "units_1400"),
    ("operational_units_by_province", "units_1401"),
    ("operational_units_by_province", "units_cum_1401"),
    ("operational_employment_by_province", "employment_1400"),
    ("operational_employment_by_province", "employment_1401"),
    ("operational_employment_by_province", "employment_cum_1401"),
    ("projects_under_construction_by_province", "total"),
    ("contracts_land_by_province", "contracts_1401"),
    ("contracts_land_by_province", "area_1401_ha"),
    ("capital_budget_by_province", "allocation"),
)


def stocks() -> pd.DataFrame:
    """Khuzestan's value, national sum (province rows, flagged cells left out), share and rank
    (1 = largest) for :data:`STOCKS`; ``unit`` and ``table`` as catalogued."""
    from analysis.sources.datasets import flagged_columns
    rows = []
    for ds, col in STOCKS:
        meta = dataset(ds)
        prov = planactual.province_rows(load(ds))
        if "flag" in prov.columns:
            prov = prov[[col not in flagged_columns(f) for f in prov["flag"]]]
        vals = pd.to_numeric(prov[col]).astype(float)
        k = prov.loc[prov["province"] == PROVINCE, col]
        v = float(k.iloc[0]) if len(k) else float("nan")
        rank = int((vals > v).sum() + 1) if len(k) else None
        rows.append({"dataset": ds, "column": col, "unit": meta.columns[col]["unit"], "table": meta.table,
                     "value": v, "national": float(vals.sum()),
                     "share": v / float(vals.sum()) if vals.sum() else float("nan"),
                     "rank": rank, "n": int(vals.notna().sum())})
    return pd.DataFrame(rows)


def stocks_table() -> Table:
    s = stocks()
    df = pd.DataFrame({
        bi("indicator"): [bi(f"{TEXT}.stock_{c}") for c in s["column"]],
        bi("unit"): [word("u", u) for u in s["unit"]], _col("table"): [plain(x) for x in s["table"]],
        _col("khuzestan"): [num(x) for x in s["value"]], _col("national"): [num(x) for x in s["national"]],
        _col("share"): [pct(x) for x in s["share"]],
        bi("rank"): [_rank_of(r, n) if r else DASH for r, n in zip(s["rank"], s["n"])],
    })
    cites = [cite.with_note(cite.province_or_absent(d, PROVINCE), "sum_column", dataset=d, column=c, n=int(n))
             for d, c, n in zip(s["dataset"], s["column"], s["n"])]
    return Table(df, caption=_t("tab_stocks"), cite=cites)


def isipo_values(lang: str | None = None) -> dict[str, str]:
    from analysis.metrics.rates import per_unit
    p = isipo_profile()
    s = stocks().set_index("column")
    cats = p["category"].value_counts()
    w = p.set_index("indicator")
    v = {
        "i_n": num(len(p)), "i_over": num(int(cats.get("over", 0))), "i_met": num(int(cats.get("met", 0))),
        "i_under": num(int(cats.get("under", 0))), "i_not_started": num(int(cats.get("not started", 0))),
        "i_undefined": num(int(cats.get("undefined", 0))),
        "i_water_ratio": pct(w.loc["water", "ratio"]), "i_water_rank": rank_text(w.loc["water", "rank"], lang),
        "i_budget_ratio": pct(w.loc["capital_budget", "ratio"]), "i_budget_nat": pct(w.loc["capital_budget", "national_ratio"]),
        "i_units_1401": num(s.loc["units_1401", "value"]), "i_units_cum": num(s.loc["units_cum_1401", "value"]),
        "i_units_share": pct(s.loc["units_cum_1401", "share"]), "i_jobs_1401": num(s.loc["employment_1401", "value"]),
        "i_jobs_1400": num(s.loc["employment_1400", "value"]), "i_jobs_cum": num(s.loc["employment_cum_1401", "value"]),
        "i_jobs_per_unit_1401": num(per_unit(s.loc["employment_1401", "value"], s.loc["units_1401", "value"]), 1),
    }
    from analysis.metrics.indicators import get as get_indicator
    water, budget = get_indicator("water"), get_indicator("capital_budget")

    def category(c: str) -> cite.Cite:
        word_ = t("provenance.no_ratio") if c == "undefined" else _t(CATEGORY_KEYS[c])
        return cite.computed("profile_category", province=PROVINCE, category=word_, n=len(p))

    def stock(column: str) -> cite.Cite:
        return cite.province(s.loc[column, "dataset"], PROVINCE)

    def n_rows(dataset_: str) -> int:
        return len(planactual.province_rows(load(dataset_)))

    units, jobs = "operational_units_by_province", "operational_employment_by_province"
    return _traced(v, {
        "i_n": cite.computed("indicator_count"),
        **{f"i_{k.replace(' ', '_')}": category(k) for k in ("over", "met", "under", "not started", "undefined")},
        "i_water_ratio": cite.computed("ratio_of_row", cite=cite.province(water.dataset, PROVINCE).long),
        "i_water_rank": cite.computed("rank_among", n=int(w.loc["water", "n_ranked"]), dataset=water.dataset,
                                      column=f"{water.actual}/{water.plan}"),
        "i_budget_ratio": cite.computed("ratio_of_row", cite=cite.province(budget.dataset, PROVINCE).long),
        "i_budget_nat": cite.computed("ratio_of_sums", dataset=budget.dataset, num=budget.actual, den=budget.plan,
                                      n=n_rows(budget.dataset)),
        "i_units_1401": stock("units_1401"), "i_units_cum": stock("units_cum_1401"),
        "i_units_share": cite.computed("share_of_province_sum", province=PROVINCE, n=int(s.loc["units_cum_1401", "n"]),
                                       dataset=units, column="units_cum_1401"),
        "i_jobs_1401": stock("employment_1401"), "i_jobs_1400": stock("employment_1400"),
        "i_jobs_cum": stock("employment_cum_1401"),
        "i_jobs_per_unit_1401": cite.computed("per_unit_row", num=f"{jobs}.employment_1401", den=f"{units}.units_1401",
                                              province=PROVINCE),
    })


def values(lang: str | None = None) -> dict[str, str]:
    """Every glued value of the chapter, words in the edition's language (default :func:`language`)."""
    return {**programme_values(lang), **council_values(lang), **resolutions_values(lang), **minutes_values(lang),
            **isipo_values(lang)}


def say_values(lang: str | None = None) -> dict[str, str]:
    """The values the chapter's paragraphs are filled with (``say("khuzestan.<key>", **say_values())``):
    :func:`values` plus the names the prose gives in one placeholder, ``English (Persian)`` in the
    English edition and Persian in the Persian one (``sector_top``, ``sector_min``, ``agency_top``)."""
    s = programmes_per_sector()
    ac = agency_counts()
    return {
        **values(lang),
        "sector_top": named(s.iloc[0]["sector_en"], s.iloc[0]["sector_fa"], lang),
        "sector_min": in_language(s.iloc[-1]["sector_en"], s.iloc[-1]["sector_fa"], lang),
        "agency_top": named(ac.iloc[0]["agency_en"], ac.iloc[0]["agency_fa"], lang),
    }
