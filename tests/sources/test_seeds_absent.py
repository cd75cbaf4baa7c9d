"""Without the seed texts (a clone without ../shared/seeds): one function says so
(``paths.seeds_present``), the audit runs on its typed figures and counts the seed-line
verifications it did not run; with them, every typed figure is verified on its line."""
import pandas as pd
import pytest

from analysis.core import paths
from analysis.sources import audit
from analysis.sources.audit import a000_productivity, a002_loans


def test_seeds_present_says_whether_any_seed_file_is_there(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    monkeypatch.setattr(paths, "SEEDS", folder)
    assert not paths.seeds_present()  # no folder
    folder.mkdir()
    (folder / "README.md").write_text("not a seed", encoding="utf-8")
    assert not paths.seeds_present()  # a folder without a seed file
    (folder / paths.SEED_FILES["001"]).write_text("line 1\n", encoding="utf-8")
    assert paths.seeds_present()  # some seeds: present, and a missing one fails naming its file
    with pytest.raises(FileNotFoundError, match="000_cf5a9b3f7b104939.txt"):
        paths.seed_lines("000")


def test_printed_on_is_recorded_unverified_without_the_seeds(no_seeds):
    audit.QUOTED.clear()
    # 12345 is not on 002 line 1; without the seeds it cannot be checked, so it is recorded as not verified
    assert audit.printed_on("002", 1, 12345) == 12345
    assert audit.QUOTED == {("002", 1, 12345.0): False}


def test_printed_on_still_fails_with_the_seeds(seeds_available):
    with pytest.raises(ValueError, match="12345 is not printed on 002 line 1$"):
        audit.printed_on("002", 1, 12345)


def test_audit_without_the_seeds_finds_what_it_finds_with_them(seeds_available, monkeypatch, tmp_path):
    with_seeds = audit.run()
    counts = audit.seed_verifications()
    assert counts["quoted"] > 0 and counts == {"quoted": counts["quoted"], "verified": counts["quoted"], "not_verified": 0}
    empty = tmp_path / "seeds"
    empty.mkdir()
    monkeypatch.setattr(paths, "SEEDS", empty)
    without = audit.run()
    pd.testing.assert_frame_equal(without, with_seeds)  # only the verification on the seed lines is skipped
    assert audit.seed_verifications() == {"quoted": counts["quoted"], "verified": 0, "not_verified": counts["quoted"]}


def test_seed_verifications_rerun_when_the_seeds_come_or_go(no_seeds, monkeypatch):
    audit.QUOTED.clear()
    audit.QUOTED[("002", 1, 1.0)] = True  # a stale record of a run with the seeds
    counts = audit.seed_verifications()
    assert counts["verified"] == 0 and counts["not_verified"] == counts["quoted"] > 1


def test_typed_table_of_contents_is_the_seeds(seeds_available, monkeypatch):
    # 000 lines 55-70: | ۱ | زیربخش پولی و مالی | ... | ۹ | زیربخش رفاه اجتماعی | (line 62, page 8 not listed) ... | ۱۷ | بخش کشاورزی |
    assert a000_productivity.toc_entries() == a000_productivity.TOC_PAGES
    assert len(a000_productivity.TOC_PAGES) == 16 and a000_productivity.TOC_PAGES[62] == 9
    monkeypatch.setitem(a000_productivity.TOC_PAGES, 62, 8)
    with pytest.raises(ValueError, match="8 is not printed on 000 line 62"):
        a000_productivity.toc_entries()
    monkeypatch.delitem(a000_productivity.TOC_PAGES, 62)
    with pytest.raises(ValueError, match=r"000 lines 55-70: the table of contents has rows on lines \[55, .*62"):
        a000_productivity.toc_entries()


def test_typed_chart_labels_are_the_seeds(seeds_available, monkeypatch):
    # Chart 15, 002 lines 3519-3525: 58200, 50470, 31500, 40000, each alone on its line
    assert [paths.seed_lines("002")[n - 1].strip() for n in a002_loans.CHART15] == ["58200", "50470", "31500", "40000"]
    # Chart 16, 002 lines 3675-3701: digit columns 1 8 7 2 0 0 | 1 7 0 7 9 1 | 1 1 3 5 0 0 | 1 1 9 0 0 0
    assert a002_loans.chart16() == [187200, 170791, 113500, 119000]
    monkeypatch.setitem(a002_loans.CHART16, 3689, 113600)
    with pytest.raises(ValueError, match=r"002 lines 3675-3701: Chart 16's digit columns read \[187200, 170791, 113500, 119000\]"):
        a002_loans.chart16()


def test_chart_labels_without_the_seeds(no_seeds):
    audit.QUOTED.clear()
    assert a002_loans.chart16() == [187200, 170791, 113500, 119000]
    assert set(audit.QUOTED.values()) == {False} and len(audit.QUOTED) == 4
