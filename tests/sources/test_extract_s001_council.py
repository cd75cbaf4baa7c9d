"""Seed 001, the council news item (extract/s001_council): hand-checked figures and dates."""
from analysis.sources import datasets as data


def test_001_council_figures(seeds_available):
    df = data.load("khz_council_figures").set_index("figure")
    # 001 line 8: هشت جلسه ... ۴۲ مصوبه ... ۳۸ مورد اجرا شده و چهار مورد
    result = df.loc[["sessions_held", "resolutions_total", "resolutions_implemented", "resolutions_pending"], "value"].tolist()
    expected = [8.0, 42.0, 38.0, 4.0]
    assert result == expected
    assert df.loc["sessions_held", "flag"] == "value=printed in words"
    assert df.loc["session_date", "date_jalali"] == "1397/01/23"
