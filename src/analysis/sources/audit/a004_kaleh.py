"""Audit of seed 004, the KALEH programme (``extract/s004_kaleh``): Tables 6 and 8 against
their totals and each other, the money per job, the prose against the tables, the
priority activities against Table 6. Jobs and institutions are counts (exact); money (billion
rials), populations in millions or thousands and percentages are rounded at their last printed
digit; 'more than' is a lower bound, 'about' one unit of the last digit either side
(:mod:`analysis.sources.audit.intervals`)."""
from __future__ import annotations

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    cell,
    column_sum,
    compare,
    compare_columns,
    compare_total,
    exact,
    rounded,
    row_where,
    total_row,
)
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load

MONEY = ("grants", "bank_facilities", "interest_subsidy")


@audit
def kaleh_tables() -> list[Finding]:
    out = compare_columns("kaleh_financing_by_province", ("jobs", *MONEY),
                          "Table 6 {col}: 4 provinces vs printed total (۴ استان)", body_kind="province")
    tot6 = total_row(load("kaleh_financing_by_province"))
    t8 = load("kaleh_financing_by_sector")
    tot8 = total_row(t8)
    sec8 = body_rows(t8, "sector")
    s8, s6 = "kaleh_financing_by_sector", "kaleh_financing_by_province"
    for col in ("jobs", *MONEY):
        out.append(compare_total(s8, f"Table 8 {col}: 11 sectors vs printed total (مجموع ۴ استان)",
                                 cell(s8, col, tot8[col]), column_sum(s8, sec8[col], col), source_line=int(tot8.source_line)))
        out.append(compare_total(s8, f"Table 8 printed total vs Table 6 printed total: {col}",
                                 cell(s6, col, tot6[col]), cell(s8, col, tot8[col]), check="cross-table totals",
                                 source_line=int(tot8.source_line)))
    out.append(Finding("kaleh_financing_by_sector", "unit in header vs values", "Table 8 jobs header says thousand persons (هزار نفر)",
                       66.465, float(tot8.jobs), "unit", int(tot8.source_line) - 12,
                       "header 'تعداد اشتغال جدید (هزار نفر)' but the values are persons: total 66465 = Table 6 jobs and the prose '66 thousand jobs'; the money columns print no unit (billion rials by Table 6)"))
    # ---- money per job (prose 551 million rials, line 194)
    fig = load("kaleh_prose_figures")
    per_job = rounded(row_where(fig, "figure", "cost_per_job").value)
    # money in billion rials (rounded), jobs counted (exact); x 1000: million rials per job
    m6 = 1000 * Interval.sum(cell(s6, c, tot6[c]) for c in MONEY) / exact(tot6.jobs)
    m8 = 1000 * Interval.sum(column_sum(s8, sec8[c], c) for c in MONEY) / column_sum(s8, sec8.jobs, "jobs")
    out.append(compare("kaleh_prose_figures", "recomputed from Table 6", "million rials per job: (3000 + 32626 + 1000) billion rials / 66465 jobs",
                       per_job, m6, source_line=194, note="all three money columns over jobs; grants + loans alone would give 536"))
    out.append(compare("kaleh_prose_figures", "recomputed from Table 8 rows", "million rials per job from Table 8 sector rows",
                       per_job, m8, source_line=194))
    return out


@audit
def kaleh_prose() -> list[Finding]:
    ds = "kaleh_prose_figures"
    fig = load(ds)
    v = {r.figure: r.value for r in fig.itertuples()}
    t6 = load("kaleh_financing_by_province")
    tot6 = total_row(t6)
    s6 = "kaleh_financing_by_province"
    out = [
        compare_total(ds, "grants (line 195) vs Table 6 total", cell(s6, "grants", tot6.grants), rounded(v["grants"]),
                      check="prose vs table", source_line=195),
        compare_total(ds, "interest subsidies (line 197) vs Table 6 total", cell(s6, "interest_subsidy", tot6.interest_subsidy),
                      rounded(v["interest_subsidy"]), check="prose vs table", source_line=197),
        Finding(ds, "prose vs table", "loans: '۳۲۶۲ هزار میلیارد ریال' (line 196) vs Table 6 total 32626 billion rials",
                float(tot6.bank_facilities), v["bank_facilities"] * 1000, "unit", 196,
                "the prose says 3 262 000 billion rials, 100 times Table 6's 32 626 billion (= 32.6 thousand billion): a misplaced digit/unit in the prose"),
        compare(ds, "prose vs table", "'66 thousand jobs' (line 50) vs Table 6 jobs 66465, thousand", rounded(v["jobs"]),
                exact(tot6.jobs) / 1000, source_line=50, note="66.465 thousand rounds to 66"),
        # 'more than 1.9 million' of '25.8 million': both read as rounded; 'more than 7.2 %' a lower bound
        compare(ds, "share recomputed", "active population 1.9 / 25.8 million vs 'more than 7.2 %'",
                Interval.at_least(v["active_or_employed_share"]),
                100 * rounded(v["active_population"]) / rounded(v["active_population_iran"]), source_line=35,
                note="7.36 %: above 7.2 % as stated"),
        Finding(ds, "share recomputed", "employed population 1.6 / 22.6 million vs 'more than 7.2 %'",
                v["active_or_employed_share"], round(100 * v["employed_population"] / v["employed_population_iran"], 4), "note", 35,
                "7.08 % from the rounded figures, below 7.2 %; consistent only if the employed are above 1.63 million ('more than 1.6 million' allows it)"),
        # 'about 287 thousand' (در حدود): one unit of its last digit either side
        compare(ds, "share recomputed", "unemployed 287 thousand / 3.2 million vs 'more than 9 %'",
                Interval.at_least(v["unemployed_share"]), 100 * Interval.about(v["unemployed"]) / 1000 / rounded(v["unemployed_iran"]),
                source_line=35, note="8.97 % from the rounded national figure (3.2 million), just below 'more than 9 %'"),
        compare(ds, "difference recomputed", "active (1.9) - employed (1.6 million) vs unemployed (about 287 thousand), thousand persons",
                Interval.about(v["unemployed"]), 1000 * (rounded(v["active_population"]) - rounded(v["employed_population"])),
                source_line=35, note="300 thousand from the rounded millions vs about 287 thousand"),
        Finding(ds, "implied total", "population 6.2 million = about 7.7 % of Iran", v["population_share"],
                None, "note", 35,
                f"implies a national population of {v['population'] / v['population_share'] * 100:.1f} million (the 1395 census counted 79.9 million)"),
        Finding(ds, "parts vs printed total", "Table 7: new jobs (66 thousand) and retained jobs (more than 11 thousand) vs grand total (66 thousand)",
                v["jobs_total_t7"], v["jobs_t7"] + v["jobs_retained_t7"], "note", 227,
                "the grand total counts the new jobs only; the 11 thousand retained jobs are not added"),
        compare_total(ds, "institutions: line 213 (24) vs Table 7 (at least 24, line 225)", exact(v["institutions_t7"]),
                      exact(v["institutions"]), check="same figure in two places", source_line=225),
    ]
    return out


@audit
def kaleh_priority_sectors() -> list[Finding]:
    ds = "kaleh_priority_sectors"
    df = load(ds)
    t6 = load("kaleh_financing_by_province").set_index("province", drop=False)
    out = []
    t3 = df[df.table == "3"]
    tot = total_row(t3)
    out.append(compare_total(ds, "Table 3 (Ilam, Takapu priorities): activities vs printed total (مجموع)",
                             cell(ds, "employment", tot.employment), column_sum(ds, body_rows(t3, "activity").employment, "employment"),
                             source_line=int(tot.source_line)))
    act = body_rows(df, "activity")
    for prov, tables, note in [
        ("Kermanshah", ["1"], "Table 1 measures estimated employment of the activities, not new jobs"),
        ("Ilam", ["2", "3"], "Tables 2 and 3 together (new employment)"),
        ("Hamadan", ["4"], "Table 4's province is inferred (not printed); its sum is closer to Lorestan's 17955"),
    ]:
        s = int(act[act.table.isin(tables)].employment.sum())
        out.append(Finding(ds, "cross-table: priority activities vs Table 6 jobs", f"{prov}: Tables {'+'.join(tables)} employment vs Table 6 jobs",
                           float(t6.loc[prov, "jobs"]), float(s), "note", int(t6.loc[prov, "source_line"]), note))
    return out
