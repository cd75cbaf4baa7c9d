"""Audit of seed 003 (audit/a003_minutes): expected findings."""
from analysis.sources.audit import a003_minutes as a


def _find(findings, text):
    hits = [f for f in findings if text in f.item]
    assert len(hits) == 1, (text, [f.item for f in findings])
    return hits[0]


def test_003_audit():
    fs = a.minutes_figures()
    # line 254: 1500 / 24000 = 1/16 (printed in words)
    f = _find(fs, "vs 'one sixteenth'")
    assert (f.printed, f.recomputed, f.verdict) == (0.0625, 0.0625, "ok")
    # line 256: 14.7 - 14.5 = 0.2
    assert _find(fs, "printed fall 0.2").verdict == "ok"
    # line 232: 58/70 = 82.9 % within 'above 70-80 %'
    f = _find(fs, "58 / 70")
    assert (f.verdict, round(f.recomputed, 1)) == ("ok", 82.9)
    # line 254: 415 + 335 = 750 of 'about 1500'
    f = _find(fs, "rural-employment (415)")
    assert (f.printed, f.recomputed, f.verdict) == (1500, 750, "note")
    # line 365: 7 resolutions
    assert _find(fs, "resolution rows").verdict == "ok"
    # line 25 Tuesday, line 362 Sunday
    assert [f.verdict for f in a.minutes_dates()] == ["ok", "ok", "note"]
