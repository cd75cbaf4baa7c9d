"""Audit of seed 001, the council news item (``extract/s001_council``): the resolution counts
add up, the sessions match the legal obligation, the printed weekdays match the calendar.
Resolutions, sessions and years are counts: exact."""
from __future__ import annotations

from analysis.sources.audit import Finding, audit, compare_total, compare_weekday, exact
from analysis.sources.datasets import load


@audit
def council_resolutions() -> list[Finding]:
    ds = "khz_council_figures"
    df = load(ds)
    v = {r.figure: r for r in df.itertuples()}
    out = [
        compare_total(ds, "resolutions: implemented (38) + pending (4, in words) vs total (42)",
                      exact(v["resolutions_total"].value),
                      exact(v["resolutions_implemented"].value) + exact(v["resolutions_pending"].value),
                      check="parts vs printed total", source_line=8),
        compare_total(ds, "sessions: legal obligation (one per quarter) x 4 quarters x 2 years vs sessions held (8)",
                      exact(v["sessions_held"].value), exact(v["sessions_required"].value) * 4 * exact(v["period_years"].value),
                      check="obligation vs sessions held", source_line=8,
                      note="the council met exactly as often as its quarterly obligation requires"),
        compare_weekday(ds, "news date 1397/06/30 (جمعه)", v["news_date"].date_jalali, "جمعه", 2),
        compare_weekday(ds, "session date 1397/01/23 (پنجشنبه)", v["session_date"].date_jalali, "پنجشنبه", 8),
    ]
    return out
