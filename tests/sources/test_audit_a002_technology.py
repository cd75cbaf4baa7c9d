"""Audit of 002 technology (audit/a002_technology): expected verdicts."""
from analysis.sources.audit import a002_technology as a


def _findings(func):
    return {f.item: (f.printed, f.recomputed, f.verdict) for f in func()}


def test_audit_tech_centres():
    # prose line 1400: 90000 million rials = 40000 + 0 + 0 + 10000 + 40000 (lines 1424-1432)
    assert _findings(a.tech_centres)["credit spent in 1401: 5 projects vs prose (90000 million rials)"] == (90000, 90000, "ok")


def test_audit_effectiveness_totals(seeds_available):
    # line 3208 prints 1344 (= 216+302+30+243+36+169+74+107+167); line 3350 prints 328
    result = sorted((f.printed, f.recomputed, f.verdict) for f in a.effectiveness_totals())
    expected = [(328, 328, "ok"), (1344, 1344, "ok")]
    assert result == expected


def test_audit_tech_towns(seeds_available):
    # line 3324 total "10 112 5 34 4 18 239"; prose lines 3259-3260: 239 consultants, 164 units
    result = {v for v in (f.verdict for f in a.tech_town_totals())}
    assert result == {"ok"}
