"""Coverage: every number printed on the prose lines is transcribed or skipped with a reason."""
import pytest

from analysis.sources import coverage
from analysis.sources.datasets import load

pytestmark = pytest.mark.usefixtures("seeds_available")


def _tokens(source_prefix, line):
    tt = coverage.token_table()
    return tt[tt.source.str.startswith(source_prefix) & (tt.line == line)]


def test_no_number_unexplained_and_no_stale_skip():
    assert coverage.problems() == []
    t = coverage.totals()
    assert t["unexplained"] == 0
    assert t["tokens"] == t["transcribed"] + t["skipped"] > 900


def test_scope_is_the_prose_datasets():
    scope = set(coverage.in_scope())
    assert {"overview_prose_figures", "sme_support_prose_figures", "khz_minutes_figures", "khz_council_figures",
            "kaleh_prose_figures", "kaleh_financing_by_province", "khz_productivity_programmes"} <= scope
    assert "water_by_province" not in scope  # a table of 002
    sources = {ds.source[:3] for ds in coverage.in_scope().values()}
    assert sources == {"000", "001", "002", "003", "004"}


def test_missed_figures_are_now_transcribed():
    # 003 line 95: "حداقل ۳٪ کمتر از نرخ مصوب بانک مرکزی" (Bank Refah's loans at least 3 points cheaper)
    m = load("khz_minutes_figures")
    r = m[m.source_line == 95].iloc[0]
    assert (r.value, r.unit, r.qualifier) == (3.0, "percentage points", "at least")
    # 002 line 3266: the cabinet's 1401 resolution: 40 new technology towns in 5 years, 1000 workshop units
    p = load("sme_support_prose_figures")
    assert sorted(p[p.source_line == 3266].value.astype(float)) == [5.0, 40.0, 1000.0]
    # 002 lines 3982-4008: the ways stagnant units were restarted; with the garbled '04%' read as
    # 0.4 (it is skipped, not transcribed) they add up to 100
    shares = p[(p.topic == "restart") & p["item"].str.startswith("restarted by")].value.astype(float)
    assert len(shares) == 12 and shares.sum() + 0.4 == pytest.approx(100)
    # 002 line 1025: 2000 litres/second of supplied water cannot be drawn because of drought
    o = load("overview_prose_figures").set_index("figure_id")
    assert o.loc["water_not_drawable_drought", "value"] == 2000
    assert _tokens("002", 1025).status.tolist() == ["transcribed"]


def test_dates_printed_with_the_month_in_words_count_as_transcribed():
    # 001 line 2: "جمعه, ۳۰ شهریور , ۱۳۹۷" is news_date 1397/06/30
    assert _tokens("001", 2).status.tolist() == ["transcribed", "transcribed"]
    # 003 line 25: "ساعت ۱۱ صبح روز سه شنبه ۹۹/۱۱/۲۱": the date is transcribed, the hour skipped
    t = _tokens("003", 25).set_index("token")
    assert t.loc["99/11/21", "status"] == "transcribed" and t.loc["11", "kind"] == "time"


def test_skips_carry_their_reason():
    # 004 line 35 prints "این ۴ استان" twice: the first is the figure 'provinces', the second a repeat
    t = _tokens("004", 35)
    fours = t[t.token == "4"]
    assert sorted(fours.status) == ["skipped", "transcribed"]
    assert fours[fours.status == "skipped"].reason.iloc[0].startswith("repeat: 35")
    # 002 line 3249 "-2-3-3": a section number, three tokens
    assert _tokens("002", 3249).kind.tolist() == ["section"] * 3


def test_skip_table_is_checked():
    with pytest.raises(coverage.SkipTableError, match="kind 'guess'"):
        coverage.parse_skips("12 5 | guess", "003", "s003_minutes")
    with pytest.raises(coverage.SkipTableError, match="expected '<line> <token>"):
        coverage.parse_skips("12 | year", "003", "s003_minutes")
    bad = coverage.Skip("002", 3586, "1188", "repeat", "3611 a wrong line", "s002_training")
    assert "is not transcribed on line 3611" in coverage._verify(bad, {("002", 3489): {1188.0}})
    assert coverage._verify(coverage.Skip("002", 1, "1188", "year", "", "m"), {}) is not None
    assert coverage._verify(coverage.Skip("002", 1, "4/12/1384", "date", "", "m"), {}) is None  # day/month/year


@pytest.fixture
def fresh():
    coverage.token_table.cache_clear()
    yield
    coverage.token_table.cache_clear()


def test_a_missing_or_stale_skip_is_a_problem(monkeypatch, fresh):
    real = coverage.declared_skips()
    # drop the skip of 003 line 284's telephone number 1420 and declare one for a number that
    # 003 line 37 does not print
    kept = [s for s in real if (s.seed, s.line, s.token) != ("003", 284, "1420")]
    extra = coverage.Skip("003", 37, "7", "ordinal", "", "s003_minutes")
    monkeypatch.setattr(coverage, "declared_skips", lambda: [*kept, extra])
    problems = coverage.problems()
    assert "003_d8cfa400d22bdf84.txt line 284: number '1420' is neither transcribed nor skipped with a reason " \
           "(covered by khz_minutes_figures, khz_minutes_dates)" in problems
    assert "003 line 37: 1 skip(s) of '7' declared but no such untranscribed number is left on the line " \
           "(or the line is not covered)" in problems
    assert len(problems) == 2
