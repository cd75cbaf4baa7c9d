"""Audit of seed 000 (audit/a000_productivity)."""
from analysis.sources.audit import a000_productivity as a


def test_catalogue_sectors_match_table_of_contents():
    # 000 lines 55-70: 16 table-of-contents rows (| ۱ | زیربخش پولی و مالی | ... | ۱۷ | بخش کشاورزی |);
    # the catalogue (lines 72-258) has programmes in the same 16 sectors/sub-sectors
    (f,) = a.productivity_catalogue()
    assert (f.printed, f.recomputed, f.verdict, f.source_line) == (16, 16, "ok", 55)
