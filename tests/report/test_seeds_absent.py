"""The pages' values without the seed texts: the introduction, methods and both appendices say
that the check against the seed lines was not run (words from text/<lang>/), and nothing else
changes. The four notebooks themselves are executed without the seeds in
tests/build/test_execute.py (marked e2e: about 25 s)."""
import pytest

from analysis.core import paths, text
from analysis.report import appendix as ap
from analysis.report import intro as ch_intro
from analysis.report.display import traced


def test_provenance_values_with_the_seeds(seeds_available):
    v = ch_intro.provenance_values()
    assert v["p_result"] == text.t("methods.p_result", **traced({"p_checked": v["p_checked"], "p_problems": v["p_problems"]}))
    assert v["p_problems"] == "0"  # the provenance test finds no problem in the committed data


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_provenance_values_without_the_seeds_say_not_checked(no_seeds, lang):
    text.use_language(lang)
    try:
        v = ch_intro.provenance_values()
    finally:
        text.use_language("en")
    assert v["p_problems"] == text.t("methods.not_checked", lang)
    assert v["p_result"] == text.t("methods.p_result_absent", lang, **traced({"p_checked": v["p_checked"]}))
    assert text.t("methods.not_checked", lang) in v["p_result"].replace("\n", " ")
    from analysis.report.numerals import value_of
    assert value_of(v["p_checked"]) > 0  # the count of numbers the test would check needs no seeds


def test_provenance_count_is_the_same_without_the_seeds(seeds_available, no_seeds, monkeypatch):
    without = ch_intro.provenance_values()
    monkeypatch.setattr(paths, "SEEDS", seeds_available)
    with_seeds = ch_intro.provenance_values()
    assert (without["p_checked"], without["p_derived_cols"]) == (with_seeds["p_checked"], with_seeds["p_derived_cols"])


def test_seeds_notice_only_without_the_seeds(seeds_available, monkeypatch, tmp_path):
    assert ch_intro.seeds_notice("intro.not_checked") is None
    monkeypatch.setattr(paths, "SEEDS", tmp_path / "missing")
    shown = ch_intro.seeds_notice("appendix.a_not_checked", a_quoted="48", a_not_verified="48")
    assert shown.data == text.t("appendix.a_not_checked", a_quoted="48", a_not_verified="48")


@pytest.mark.parametrize("key", ["intro.not_checked", "appendix.a_not_checked", "appendix.b_not_checked",
                                 "methods.p_result_absent"])
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_notice_says_not_checked_in_both_languages(key, lang):
    said = " ".join(text.t(key, lang, a_quoted="1", a_not_verified="1", p_checked="1").split()).lower()
    assert text.t("methods.not_checked", lang).lower() in said.replace("*", "")


def test_audit_values_without_the_seeds(no_seeds):
    v = ch_intro.audit_seed_values()
    assert v["a_not_verified"] == v["a_quoted"] and int(v["a_quoted"]) > 0


def test_book_counts_and_totals_without_the_seeds(seeds_available, no_seeds, monkeypatch):
    without = (ch_intro.book_counts(), ap.totals())
    assert not [k for k in without[1] if k.startswith("coverage_")]  # the coverage is counted on the seeds
    monkeypatch.setattr(paths, "SEEDS", seeds_available)
    counts, totals = ch_intro.book_counts(), ap.totals()
    assert without[0] == counts
    assert without[1] == {k: v for k, v in totals.items() if not k.startswith("coverage_")}
    assert {k for k in totals if k.startswith("coverage_")} == {f"coverage_{k}" for k in (
        "datasets", "lines", "tokens", "transcribed", "skipped", "unexplained")}


def test_book_counts_without_the_seeds(no_seeds):
    c = ch_intro.book_counts()
    assert int(c["n_findings"].replace(",", "")) > 0 and int(c["n_datasets"]) > 0
