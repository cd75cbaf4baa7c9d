"""Audit of seed 001 (audit/a001_council): expected findings."""
from analysis.sources.audit import a001_council as a


def _find(findings, text):
    hits = [f for f in findings if text in f.item]
    assert len(hits) == 1, (text, [f.item for f in findings])
    return hits[0]


def test_001_audit():
    f = _find(a.council_resolutions(), "implemented (38) + pending")
    assert (f.printed, f.recomputed, f.verdict) == (42, 42, "ok")
    assert all(x.verdict == "ok" for x in a.council_resolutions())  # weekdays Thursday (line 8), Friday (line 2)
