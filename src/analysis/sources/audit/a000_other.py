"""Audit of the four small seeds: 000 (Khuzestan productivity), 001 (council news), 003
(coordination council minutes) and 004 (KALEH programme).

Reports, never corrects: printed totals vs row sums, figures that should add up or agree
across tables and prose, printed weekdays vs the Jalali calendar, unit oddities.
"""
from __future__ import annotations

import jdatetime

from analysis.core.digits import normalise_fa
from analysis.core.paths import seed_lines
from analysis.sources.audit import Finding, audit, compare_total
from analysis.sources.datasets import load

WEEKDAYS_FA = ["دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]  # Monday=0


def _fig(df, col, key):
    return df.loc[df[col] == key].iloc[0]


def _weekday(dataset: str, item: str, date: str, printed: str, line: int) -> Finding:
    y, m, d = (int(x) for x in date.split("/"))
    g = jdatetime.date(y, m, d).togregorian()
    actual = WEEKDAYS_FA[g.weekday()]
    ok = normalise_fa(printed).replace(" ", "") == actual.replace(" ", "")
    return Finding(dataset, "printed weekday vs Jalali calendar", item, None, None, "ok" if ok else "discrepancy",
                   line, f"{date} = {g.isoformat()} ({g.strftime('%A')}); printed {printed}, calendar {actual}")


def _near(dataset, check, item, printed, recomputed, tol, line, note="", decimals=None, more_than=False):
    """ok if equal (after rounding to ``decimals`` when given; or, for a 'more than'
    statement, if the recomputed value exceeds the printed one), 'rounding' within tol,
    else discrepancy."""
    diff = abs(recomputed - printed)
    equal = diff < 1e-9 or (decimals is not None and round(recomputed, decimals) == printed)
    if more_than and recomputed >= printed:
        equal = True
    verdict = "ok" if equal else ("rounding" if diff <= tol else "discrepancy")
    return Finding(dataset, check, item, printed, round(recomputed, 4), verdict, line, note)


# --------------------------------------------------------------------------------- 000
@audit
def productivity_catalogue() -> list[Finding]:
    df = load("khz_productivity_programmes")
    toc = [n for n in range(55, 71) if seed_lines("000")[n - 1].strip().startswith("|")]
    return [compare_total("khz_productivity_programmes", "sectors/sub-sectors with programmes vs table-of-contents entries (lines 55-70)",
                          len(toc), df.sector_en.nunique(), check="catalogue vs table of contents", source_line=55)]


# --------------------------------------------------------------------------------- 001
@audit
def council_resolutions() -> list[Finding]:
    ds = "khz_council_figures"
    df = load(ds)
    v = {r.figure: r for r in df.itertuples()}
    out = [
        compare_total(ds, "resolutions: implemented (38) + pending (4, in words) vs total (42)",
                      v["resolutions_total"].value, v["resolutions_implemented"].value + v["resolutions_pending"].value,
                      check="parts vs printed total", source_line=8),
        compare_total(ds, "sessions: legal obligation (one per quarter) x 4 quarters x 2 years vs sessions held (8)",
                      v["sessions_held"].value, v["sessions_required"].value * 4 * v["period_years"].value,
                      check="obligation vs sessions held", source_line=8,
                      note="the council met exactly as often as its quarterly obligation requires"),
        _weekday(ds, "news date 1397/06/30 (جمعه)", v["news_date"].date_jalali, "جمعه", 2),
        _weekday(ds, "session date 1397/01/23 (پنجشنبه)", v["session_date"].date_jalali, "پنجشنبه", 8),
    ]
    return out


# --------------------------------------------------------------------------------- 003
@audit
def minutes_figures() -> list[Finding]:
    ds = "khz_minutes_figures"
    df = load(ds)

    def val(line, quantity_start):
        rows = df[(df.source_line == line) & df.quantity.str.startswith(quantity_start)]
        assert len(rows) == 1, (line, quantity_start)
        return rows.iloc[0]

    all_banks = val(232, "tourism and Budget Note 18")
    coop = val(232, "of which paid by the Cooperative")
    est = val(232, "speaker's estimate")
    share = 100 * coop.value / all_banks.value
    in_range = share >= est.value
    programme = val(254, "all programme loans")
    network = val(254, "loans of the province's whole")
    sixteenth = val(254, "programme loans as a share")
    rural = val(254, "rural-employment loans paid")
    compr = val(254, "comprehensive loans")
    u96, u98, fall = val(256, "unemployment rate in 1396"), val(256, "unemployment rate in 1398"), val(256, "fall of the unemployment")
    u57 = val(57, "unemployment rate")
    res_mansouri, res7 = val(332, "possible increase"), val(363, "resolution 7")
    n_res = val(365, "resolutions approved")
    coop_share, non_coop = val(232, "share of the bank's loans to cooperatives"), val(232, "share of the bank's loans to non-")
    resolutions = load("khz_minutes_resolutions")
    return [
        Finding(ds, "share recomputed vs stated range", "Cooperative Development Bank share of tourism/Note 18 loans: 58 / 70 billion tomans vs 'above 70-80 %'",
                est.value, round(share, 2), "ok" if in_range else "discrepancy", 232,
                f"58/70 = {share:.1f} %, within 'above 70-80 %' (the speaker's guess is consistent)"),
        compare_total(ds, "Cooperative Development Bank loans: cooperative (more than 70 %) + non-cooperative (30 %) = 100 %",
                      100, coop_share.value + non_coop.value, check="shares add to 100", source_line=232),
        _near(ds, "ratio vs printed fraction", "programme loans (about 1500) / banking network loans (24000 billion tomans) vs 'one sixteenth'",
              sixteenth.value, programme.value / network.value, 0.005, 254,
              "1500/24000 = 0.0625 = 1/16 exactly"),
        Finding(ds, "components vs stated total", "rural-employment (415) + comprehensive Note 18 (335) loans vs 'about 1500' with home businesses and assistance",
                programme.value, rural.value + compr.value, "note", 254,
                "the two named components give 750 billion tomans; the other 750 (home businesses, technical and credit assistance) are not itemised"),
        _near(ds, "difference of printed rates", "unemployment 1396 (14.7 %) - 1398 (14.5 %) vs printed fall 0.2 points",
              fall.value, u96.value - u98.value, 1e-6, 256),
        compare_total(ds, "unemployment rate stated by the director-general (line 57) vs the 1398 rate (line 256)",
                      u98.value, u57.value, check="same figure in two places", source_line=57,
                      note="both 14.5 % (the director-general says 'about')"),
        compare_total(ds, "Mansouri's 'up to 130 billion tomans' (line 332) vs resolution 7 (line 363)",
                      res7.value, res_mansouri.value, check="same figure in two places", source_line=363),
        compare_total("khz_minutes_resolutions", "resolution rows vs 'در این جلسه ۷ مصوبه' (line 365)",
                      n_res.value, len(resolutions), check="rows vs printed count", source_line=365),
    ]


@audit
def minutes_dates() -> list[Finding]:
    ds = "khz_minutes_dates"
    df = load(ds)
    out = [_weekday(ds, f"{r.event} {r.date_jalali} ({r.weekday_printed})", r.date_jalali, r.weekday_printed, r.source_line)
           for r in df.itertuples() if isinstance(r.weekday_printed, str)]
    meeting, res = _fig(df, "event", "meeting").date_jalali, _fig(df, "event", "resolutions").date_jalali
    d6 = _fig(df, "event", "deadline_resolution_6").date_jalali
    out.append(Finding(ds, "date order", "resolutions dated after the meeting; resolution 6 deadline one day after the resolutions",
                       None, None, "note", 334,
                       f"meeting {meeting}, resolutions {res}, deadline of resolution 6 {d6}: members had one day after the resolutions were signed"))
    return out


# --------------------------------------------------------------------------------- 004
MONEY = ("grants", "bank_facilities", "interest_subsidy")


@audit
def kaleh_tables() -> list[Finding]:
    out = []
    t6 = load("kaleh_financing_by_province")
    tot6 = t6[t6.row_kind == "total"].iloc[0]
    prov6 = t6[t6.row_kind == "province"]
    for col in ("jobs", *MONEY):
        out.append(compare_total("kaleh_financing_by_province", f"Table 6 {col}: 4 provinces vs printed total (۴ استان)",
                                 int(tot6[col]), int(prov6[col].sum()), source_line=int(tot6.source_line)))
    t8 = load("kaleh_financing_by_sector")
    tot8 = t8[t8.row_kind == "total"].iloc[0]
    sec8 = t8[t8.row_kind == "sector"]
    for col in ("jobs", *MONEY):
        out.append(compare_total("kaleh_financing_by_sector", f"Table 8 {col}: 11 sectors vs printed total (مجموع ۴ استان)",
                                 int(tot8[col]), int(sec8[col].sum()), source_line=int(tot8.source_line)))
        out.append(compare_total("kaleh_financing_by_sector", f"Table 8 printed total vs Table 6 printed total: {col}",
                                 int(tot6[col]), int(tot8[col]), check="cross-table totals", source_line=int(tot8.source_line)))
    out.append(Finding("kaleh_financing_by_sector", "unit in header vs values", "Table 8 jobs header says thousand persons (هزار نفر)",
                       66.465, float(tot8.jobs), "unit", int(tot8.source_line) - 12,
                       "header 'تعداد اشتغال جدید (هزار نفر)' but the values are persons: total 66465 = Table 6 jobs and the prose '66 thousand jobs'; the money columns print no unit (billion rials by Table 6)"))
    # ---- money per job (prose 551 million rials, line 194)
    fig = load("kaleh_prose_figures")
    per_job = _fig(fig, "figure", "cost_per_job").value
    m6 = 1000 * int(tot6[list(MONEY)].sum()) / int(tot6.jobs)
    m8 = 1000 * int(sec8[list(MONEY)].sum().sum()) / int(sec8.jobs.sum())
    out.append(_near("kaleh_prose_figures", "recomputed from Table 6", "million rials per job: (3000 + 32626 + 1000) billion rials / 66465 jobs",
                     per_job, m6, 0.5, 194, "all three money columns over jobs; grants + loans alone would give 536", decimals=0))
    out.append(_near("kaleh_prose_figures", "recomputed from Table 8 rows", "million rials per job from Table 8 sector rows",
                     per_job, m8, 0.5, 194, decimals=0))
    return out


@audit
def kaleh_prose() -> list[Finding]:
    ds = "kaleh_prose_figures"
    fig = load(ds)
    v = {r.figure: r.value for r in fig.itertuples()}
    t6 = load("kaleh_financing_by_province")
    tot6 = t6[t6.row_kind == "total"].iloc[0]
    out = [
        compare_total(ds, "grants (line 195) vs Table 6 total", int(tot6.grants), v["grants"],
                      check="prose vs table", source_line=195),
        compare_total(ds, "interest subsidies (line 197) vs Table 6 total", int(tot6.interest_subsidy), v["interest_subsidy"],
                      check="prose vs table", source_line=197),
        Finding(ds, "prose vs table", "loans: '۳۲۶۲ هزار میلیارد ریال' (line 196) vs Table 6 total 32626 billion rials",
                float(tot6.bank_facilities), v["bank_facilities"] * 1000, "unit", 196,
                "the prose says 3 262 000 billion rials, 100 times Table 6's 32 626 billion (= 32.6 thousand billion): a misplaced digit/unit in the prose"),
        _near(ds, "prose vs table", "'66 thousand jobs' (line 50) vs Table 6 jobs 66465, thousand", v["jobs"], float(tot6.jobs) / 1000, 0.5, 50,
              "66.465 thousand rounds to 66", decimals=0),
        _near(ds, "share recomputed", "active population 1.9 / 25.8 million vs 'more than 7.2 %'",
              v["active_or_employed_share"], 100 * v["active_population"] / v["active_population_iran"], 0.5, 35,
              "7.36 %: above 7.2 % as stated", more_than=True),
        Finding(ds, "share recomputed", "employed population 1.6 / 22.6 million vs 'more than 7.2 %'",
                v["active_or_employed_share"], round(100 * v["employed_population"] / v["employed_population_iran"], 4), "note", 35,
                "7.08 % from the rounded figures, below 7.2 %; consistent only if the employed are above 1.63 million ('more than 1.6 million' allows it)"),
        _near(ds, "share recomputed", "unemployed 287 thousand / 3.2 million vs 'more than 9 %'",
              v["unemployed_share"], 100 * v["unemployed"] / 1000 / v["unemployed_iran"], 0.1, 35,
              "8.97 % from the rounded national figure (3.2 million), just below 'more than 9 %'"),
        _near(ds, "difference recomputed", "active (1.9) - employed (1.6 million) vs unemployed (about 287 thousand), thousand persons",
              v["unemployed"], 1000 * (v["active_population"] - v["employed_population"]), 20, 35,
              "300 thousand from the rounded millions vs about 287 thousand"),
        Finding(ds, "implied total", "population 6.2 million = about 7.7 % of Iran", v["population_share"],
                None, "note", 35,
                f"implies a national population of {v['population'] / v['population_share'] * 100:.1f} million (the 1395 census counted 79.9 million)"),
        Finding(ds, "parts vs printed total", "Table 7: new jobs (66 thousand) and retained jobs (more than 11 thousand) vs grand total (66 thousand)",
                v["jobs_total_t7"], v["jobs_t7"] + v["jobs_retained_t7"], "note", 227,
                "the grand total counts the new jobs only; the 11 thousand retained jobs are not added"),
        compare_total(ds, "institutions: line 213 (24) vs Table 7 (at least 24, line 225)", v["institutions_t7"], v["institutions"],
                      check="same figure in two places", source_line=225),
    ]
    return out


@audit
def kaleh_priority_sectors() -> list[Finding]:
    ds = "kaleh_priority_sectors"
    df = load(ds)
    t6 = load("kaleh_financing_by_province").set_index("province", drop=False)
    out = []
    t3 = df[df.table == "3"]
    tot = t3[t3.row_kind == "total"].iloc[0]
    out.append(compare_total(ds, "Table 3 (Ilam, Takapu priorities): activities vs printed total (مجموع)",
                             int(tot.employment), int(t3[t3.row_kind == "activity"].employment.sum()),
                             source_line=int(tot.source_line)))
    act = df[df.row_kind == "activity"]
    for prov, tables, note in [
        ("Kermanshah", ["1"], "Table 1 measures estimated employment of the activities, not new jobs"),
        ("Ilam", ["2", "3"], "Tables 2 and 3 together (new employment)"),
        ("Hamadan", ["4"], "Table 4's province is inferred (not printed); its sum is closer to Lorestan's 17955"),
    ]:
        s = int(act[act.table.isin(tables)].employment.sum())
        out.append(Finding(ds, "cross-table: priority activities vs Table 6 jobs", f"{prov}: Tables {'+'.join(tables)} employment vs Table 6 jobs",
                           float(t6.loc[prov, "jobs"]), float(s), "note", int(t6.loc[prov, "source_line"]), note))
    return out
