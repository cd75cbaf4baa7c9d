"""The Persian edition writes every number a reader sees with Persian digits, and says the same
numbers as the English edition (issue 10, point 3).

Latin digits stay only where they are identifiers; :data:`IDENTIFIERS` lists each such value
with the reason and the exact part that may stay Latin, so a number that slips back to Latin
digits anywhere else fails here.
"""
from __future__ import annotations

import functools
import html
import re

import pytest

from analysis.core import text
from analysis.report import (
    appendix,
    clusters,
    intro,
    kaleh,
    khuzestan,
    loans,
    national,
    numerals,
    province_chapter,
    provinces_compared,
)
from analysis.sources.datasets import load

TAG = re.compile(r"<[^>]+>")
LATIN = re.compile(r"[0-9]")


def visible(value) -> str:
    """What a reader sees of a glued value: the text without HTML tags (a traced span's title,
    the provenance shown on hover, is not part of the sentence)."""
    return html.unescape(TAG.sub("", str(value)))


#: The chapters' values functions, as the notebooks call them.
CHAPTERS = {
    "intro.book_counts": intro.book_counts,
    "intro.methods_values": intro.methods_values,
    "intro.provenance_values": intro.provenance_values,
    "national.summary": national.summary,
    "provinces_compared.values": provinces_compared.values,
    "clusters.values": clusters.values,
    "loans.values": loans.values,
    "khuzestan.say_values": khuzestan.say_values,
    "kaleh.values": kaleh.values,
    "appendix.audit_values": appendix.audit_values,
    "appendix.catalogue_values": appendix.catalogue_values,
    "appendix.glossary_values": appendix.glossary_values,
    "appendix.reproducibility_values": appendix.reproducibility_values,
    "province.Khuzestan": lambda: province_chapter.ProvinceChapter("Khuzestan").values,
    "province.Tehran": lambda: province_chapter.ProvinceChapter("Tehran").values,
}


def _flag_notes() -> list[str]:
    nat = national.national_frame()
    return [f for f in nat["flag"] if f]


def _raw_t30() -> list[str]:
    t30 = load("cluster_projects_by_province")
    return [str(x) for x in t30["raw_text"].dropna()]


def _drop(value: str, parts) -> str:
    for p in sorted(parts, key=len, reverse=True):
        value = value.replace(p, " ")
    return value


#: (chapter, key) -> (reason, function giving the part of the visible value that must be free of
#: Latin digits once the identifiers are taken out)
IDENTIFIERS = {
    # seed line numbers are citations (as in "002 · T13 · l.955"): Latin in both editions; the flag
    # note is the dataset's own English text (data/catalog.yml), quoting the printed figures
    ("national.summary", "nat_flagged"): (
        "seed line numbers and the dataset's flag notes",
        lambda v: re.sub(r"سطر \d+", " ", _drop(v, _flag_notes()))),
    # the raw text of the seed line as printed (quoted «…»), a transcription, not a number of ours
    ("clusters.values", "cl_flagged_raw"): ("quoted raw text of the seed line", lambda v: _drop(v, _raw_t30())),
    # seed line numbers (a citation): only numbers joined by the Persian comma
    # software versions and the data version hash are identifiers
    ("appendix.reproducibility_values", "d_python"): ("a version number", lambda v: re.sub(r"^\d+(?:\.\d+)+$", "", v)),
    ("appendix.reproducibility_values", "d_analysis"): ("a version number", lambda v: re.sub(r"^\d+(?:\.\d+)+$", "", v)),
    ("appendix.reproducibility_values", "d_book_version"): (
        "a version number", lambda v: re.sub(r"^\d+(?:\.\d+)+$", "", v)),
    ("appendix.reproducibility_values", "d_data_version"): (
        "the data version (a hash)", lambda v: re.sub(r"^[0-9a-f]{12}$", "", v)),
}


@functools.cache
def values_of(chapter: str, lang: str) -> dict:
    """A chapter's values in one language (computed once per test session)."""
    before = text.language()
    text.use_language(lang)
    try:
        return CHAPTERS[chapter]()
    finally:
        text.use_language(before)


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_no_latin_digit_in_persian_values(chapter):
    values = values_of(chapter, "fa")
    bad = {}
    for key, value in values.items():
        if not isinstance(value, str):
            continue
        shown = visible(value)
        if (chapter, key) in IDENTIFIERS:
            shown = IDENTIFIERS[chapter, key][1](shown)
        if LATIN.search(shown):
            bad[key] = shown[:120]
    assert not bad, f"{chapter}: Latin digits in the Persian edition: {bad}"


def test_identifiers_are_still_there():
    """Each allowed identifier is in its value (an allow-list entry for a key that lost its
    identifier would hide nothing, but would be stale)."""
    for (chapter, key), (reason, _) in IDENTIFIERS.items():
        shown = visible(values_of(chapter, "fa")[key])
        assert LATIN.search(shown), f"{chapter} {key} ({reason}) has no Latin digit left: drop it from IDENTIFIERS"


def test_line_numbers_in_running_text_are_the_same_in_both_editions():
    """Line numbers named in a sentence (not a citation tag) are in Persian digits in Persian, as
    Methods states: the flagged agency lines of 001 are 94 and 192 in both editions."""
    from analysis.core.digits import to_latin_digits
    fa_lines = values_of("khuzestan.say_values", "fa")["k_flagged_lines"]
    en_lines = values_of("khuzestan.say_values", "en")["k_flagged_lines"]
    assert LATIN.search(fa_lines) is None
    assert re.findall(r"\d+", to_latin_digits(fa_lines)) == re.findall(r"\d+", en_lines) == ["94", "192"]  # 001 lines 94, 192


#: A sample of chapters whose values are compared number by number across the editions.
SAMPLE = ("intro.methods_values", "national.summary", "provinces_compared.values", "clusters.values",
          "loans.values", "khuzestan.say_values", "kaleh.values", "appendix.audit_values", "province.Khuzestan")

_DATE = re.compile(r"^(\d{4})[/-](\d{2})[/-](\d{2})$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


@pytest.mark.parametrize("chapter", SAMPLE)
def test_same_numbers_in_both_editions(chapter):
    en, fa = values_of(chapter, "en"), values_of(chapter, "fa")
    assert en.keys() == fa.keys()
    for key in en:
        e, f = visible(en[key]), visible(fa[key])
        got = numerals.values_in(f)
        if m := _DATE.match(e):  # 1399/11/21 or 2021-02-09 -> ۲۱ بهمن ۱۳۹۹ or ۹ فوریه ۲۰۲۱: day, month name, year
            y, mo, d = map(int, m.groups())
            calendar = "jalali" if y < 1700 else "gregorian"
            assert got == [d, y], (chapter, key, e, f)
            assert text.t(f"dates.{calendar}_{mo}", lang="fa") in f, (chapter, key, e, f)
        elif m := _ORDINAL.match(e):  # 18th -> ۱۸ (the Persian text says رتبه ۱۸ از ۳۱)
            assert got == [int(m[1])], (chapter, key, e, f)
        else:
            assert sorted(got) == sorted(numerals.values_in(e)), (chapter, key, e, f)


def test_a_count_is_the_english_count_in_persian_digits():
    """Hand check: 57 national indicators from 15 datasets (002; tests/report/test_national.py)."""
    s = values_of("national.summary", "fa")
    assert (s["nat_n"], s["nat_n_tables"]) == ("۵۷", "۱۵")
    v = values_of("intro.methods_values", "fa")
    assert (v["m_year"], v["m_greg_year"]) == ("۱۴۰۱", "۲۰۲۲")  # Jalali 1401 begins 21 March 2022
    assert v["m_year_start"] == "۲۱ مارس ۲۰۲۲"


# --------------------------------------------------------------------------- tables
#: Columns whose cells are citations or source text, Latin by choice (header keys).
CITATION_COLUMNS = ("national.source_line", "ln_line")


@functools.cache
def _khuzestan() -> province_chapter.ProvinceChapter:
    return province_chapter.ProvinceChapter("Khuzestan")


TABLES = {
    "national.table": national.table, "national.verdict_table": national.verdict_table,
    "provinces_compared.aggregates_table": provinces_compared.aggregates_table,
    "provinces_compared.rankings_table": provinces_compared.rankings_table,
    "provinces_compared.fits_table": provinces_compared.fits_table,
    "provinces_compared.finances_table": provinces_compared.finances_table,
    "clusters.programme_table": clusters.programme_table, "clusters.changes_table": clusters.changes_table,
    "clusters.deflated_table": clusters.deflated_table,
    "loans.attainment_table": loans.attainment_table,
    "kaleh.isipo_table": kaleh.isipo_table, "kaleh.priority_table": lambda: kaleh.priority_table("Hamadan"),
    "khuzestan.resolutions_table": khuzestan.resolutions_table,
    "appendix.overview_table": appendix.overview_table,
    "province.profile_table": lambda: _khuzestan().profile_table(),
    "province.facts_display": lambda: _khuzestan().facts_display(),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_latin_digit_in_persian_tables(name, persian):
    tab = TABLES[name]()
    skip = {text.t(k) for k in CITATION_COLUMNS} | {text.bi(k) for k in CITATION_COLUMNS}
    if name == "appendix.overview_table":  # dataset names, seed numbers (002) and seed line ranges: identifiers
        skip |= {appendix.bi_ap(k) for k in ("ap_dataset", "ap_seed", "ap_lines")}
    bad = [tab.caption] if LATIN.search(tab.caption) else []
    for col in tab.df.columns:
        if col in skip:
            continue
        for v in tab.df[col]:
            cell = html.unescape(tab._cell(col, v))
            if LATIN.search(cell):
                bad.append(f"{col}: {cell}")
    assert not bad, f"{name}: Latin digits in the Persian edition: {bad[:8]}"
