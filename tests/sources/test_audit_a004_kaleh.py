"""Audit of seed 004 (audit/a004_kaleh): expected findings."""
from analysis.sources.audit import a004_kaleh as a


def _find(findings, text):
    hits = [f for f in findings if text in f.item]
    assert len(hits) == 1, (text, [f.item for f in findings])
    return hits[0]


def test_004_audit_tables():
    fs = a.kaleh_tables()
    # Table 6 (line 208): every column adds up
    assert all(f.verdict == "ok" for f in fs if f.item.startswith("Table 6"))
    # Table 8 (line 245): sectors sum to 3002 / 32627 / 999 vs printed 3000 / 32626 / 1000 billion rials. Each of
    # the 11 sector cells is rounded to the billion (+-0.5), so a sum stands for +-5.5: the gaps of 2, 1 and 1 are
    # rounding; the jobs are counted, exact
    result = {c: (f.printed, f.recomputed, f.verdict) for c in ("grants", "bank_facilities", "interest_subsidy", "jobs")
              for f in [_find(fs, f"Table 8 {c}: 11 sectors")]}
    expected = {"grants": (3000, 3002, "rounding"), "bank_facilities": (32626, 32627, "rounding"),
                "interest_subsidy": (1000, 999, "rounding"), "jobs": (66465, 66465, "ok")}
    assert result == expected
    g = _find(fs, "Table 8 grants: 11 sectors")
    assert (g.recomputed_interval.low, g.recomputed_interval.high) == (2996.5, 3007.5)
    assert (g.printed_interval.low, g.printed_interval.high) == (2999.5, 3000.5)
    # line 194: 36626 billion rials / 66465 jobs = 551.06 million rials
    f = _find(fs, "(3000 + 32626 + 1000)")
    assert (f.verdict, round(f.recomputed, 2)) == ("ok", 551.06)
    assert _find(fs, "header says thousand").verdict == "unit"


def test_004_audit_prose():
    fs = a.kaleh_prose()
    # line 196: 3262 thousand billion rials vs Table 6 32626 billion rials
    f = _find(fs, "۳۲۶۲")
    assert (f.printed, f.recomputed, f.verdict) == (32626, 3262000, "unit")
    # line 35: 287 thousand / 3.2 million = 8.97 % vs 'more than 9 %'
    assert _find(fs, "unemployed 287").verdict == "rounding"
    assert _find(fs, "employed population 1.6").verdict == "note"
    # Table 3 total (line 106): 4000 + 2500 + 3000 + 2500 = 12000
    f = _find(a.kaleh_priority_sectors(), "Table 3")
    assert (f.printed, f.recomputed, f.verdict) == (12000, 12000, "ok")
