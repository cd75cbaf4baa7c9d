"""Audit of seed 003, the coordination council minutes (``extract/s003_minutes``): figures
that should add up or agree across speakers, the resolution count, the printed weekdays
against the calendar. Rates, shares and money the speakers state are rounded at their last
digit; 'more than' is a lower bound and 'about' one unit of the last digit either side
(:mod:`analysis.sources.audit.intervals`); resolutions are counted exactly."""
from __future__ import annotations

from analysis.sources.audit import Finding, audit, compare, compare_total, compare_weekday, exact, rounded, row_where
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load


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
        compare(ds, "share recomputed vs stated range", "Cooperative Development Bank share of tourism/Note 18 loans: 58 / 70 billion tomans vs 'above 70-80 %'",
                Interval.at_least(est.value), 100 * rounded(coop.value) / rounded(all_banks.value), source_line=232,
                note=f"58/70 = {share:.1f} %, within 'above 70-80 %' (the speaker's guess is consistent)" if in_range else ""),
        compare_total(ds, "Cooperative Development Bank loans: cooperative (more than 70 %) + non-cooperative (30 %) = 100 %",
                      exact(100), rounded(coop_share.value) + rounded(non_coop.value), check="shares add to 100", source_line=232),
        # 'one sixteenth' is a fraction in words (exact); 'about 1500' one unit of its last digit either side
        compare(ds, "ratio vs printed fraction", "programme loans (about 1500) / banking network loans (24000 billion tomans) vs 'one sixteenth'",
                exact(sixteenth.value), Interval.about(programme.value) / rounded(network.value), source_line=254,
                note="1500/24000 = 0.0625 = 1/16 exactly"),
        Finding(ds, "components vs stated total", "rural-employment (415) + comprehensive Note 18 (335) loans vs 'about 1500' with home businesses and assistance",
                programme.value, rural.value + compr.value, "note", 254,
                "the two named components give 750 billion tomans; the other 750 (home businesses, technical and credit assistance) are not itemised"),
        compare(ds, "difference of printed rates", "unemployment 1396 (14.7 %) - 1398 (14.5 %) vs printed fall 0.2 points",
                rounded(fall.value), rounded(u96.value) - rounded(u98.value), source_line=256),
        compare_total(ds, "unemployment rate stated by the director-general (line 57) vs the 1398 rate (line 256)",
                      rounded(u98.value), rounded(u57.value), check="same figure in two places", source_line=57,
                      note="both 14.5 % (the director-general says 'about')"),
        compare_total(ds, "Mansouri's 'up to 130 billion tomans' (line 332) vs resolution 7 (line 363)",
                      rounded(res7.value), rounded(res_mansouri.value), check="same figure in two places", source_line=363),
        compare_total("khz_minutes_resolutions", "resolution rows vs 'در این جلسه ۷ مصوبه' (line 365)",
                      exact(n_res.value), exact(len(resolutions)), check="rows vs printed count", source_line=365),
    ]


@audit
def minutes_dates() -> list[Finding]:
    ds = "khz_minutes_dates"
    df = load(ds)
    out = [compare_weekday(ds, f"{r.event} {r.date_jalali} ({r.weekday_printed})", r.date_jalali, r.weekday_printed, r.source_line)
           for r in df.itertuples() if isinstance(r.weekday_printed, str)]
    meeting, res = row_where(df, "event", "meeting").date_jalali, row_where(df, "event", "resolutions").date_jalali
    d6 = row_where(df, "event", "deadline_resolution_6").date_jalali
    out.append(Finding(ds, "date order", "resolutions dated after the meeting; resolution 6 deadline one day after the resolutions",
                       None, None, "note", 334,
                       f"meeting {meeting}, resolutions {res}, deadline of resolution 6 {d6}: members had one day after the resolutions were signed"))
    return out
