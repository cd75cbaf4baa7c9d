"""Texts written in the data (the catalogue's column descriptions, the reasons of flagged cells,
the audit's check names, items and notes, the English descriptions of transcribed figures) and their
Persian in ``text/fa/data/`` (:func:`analysis.core.text.data_text`)."""
import re

import pandas as pd
import pytest

from analysis.core import text
from analysis.sources import audit, datasets
from analysis.sources.datasets import flag_parts

PERSIAN = re.compile("[\u0600-\u06FF]")
# (dataset, column) pairs whose English the book shows in a table of the Persian edition
SHOWN_COLUMNS = (("kaleh_prose_figures", "description_en"), ("khz_minutes_figures", "quantity"),
                 ("kaleh_priority_sectors", "employment_measure"))


def shown_data_texts() -> set[str]:
    """Every data text a Persian page shows through data_text."""
    out: set[str] = set()
    for ds in [*datasets.catalog().values(), *datasets.references().values()]:
        out |= {spec["description"] for spec in ds.columns.values() if spec.get("description")}
        out |= set(ds.notes)  # the catalogue's notes on a dataset (Appendix B)
    for name in datasets.catalog():
        df = datasets.load(name)
        if "flag" in df.columns:
            out |= {reason for f in df["flag"].dropna() for _, reason in flag_parts(f)}
    findings = audit.run()
    out |= set(findings["check"].dropna()) | set(findings["item"].dropna()) | {n for n in findings["note"].dropna() if n}
    for name, col in SHOWN_COLUMNS:
        out |= set(datasets.load(name)[col].dropna())
    return out


@pytest.fixture(scope="module")
def shown():
    return shown_data_texts()


def test_every_data_text_shown_has_its_persian(shown):
    missing = sorted(shown - set(text.data_texts("fa")))
    assert missing == [], f"{len(missing)} data text(s) with no Persian in text/fa/data/: {missing[:5]}"


def test_no_persian_data_text_is_left_over(shown):
    stale = sorted(set(text.data_texts("fa")) - shown)
    assert stale == [], f"translated but no longer in the data: {stale[:5]}"


def test_the_persian_is_persian_written_with_persian_letters():
    table = text.data_texts("fa")
    assert len(table) > 500
    not_persian = [k for k, v in table.items() if not PERSIAN.search(v) or v == k]
    arabic = [k for k, v in table.items() if re.search("[يك]", v)]
    assert (not_persian, arabic) == ([], [])


def _numbers(s: str) -> list[str]:
    latin = s.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٫", "0123456789."))
    latin = re.sub(r"(?<=\d)[ ,٬](?=\d{3}\b)", "", latin)  # thousands separated by a space, comma or ٬
    # a Gregorian date is written out in Persian (2018-09-21: ۲۱ سپتامبر ۲۰۱۸): its year and day count;
    # a number in e-notation (1.32636e+06) is written with × ۱۰⁶
    latin = re.sub(r"\b(\d{4})-\d{2}-(\d{2})\b", lambda m: f"{m.group(1)} {int(m.group(2))}", latin)
    latin = re.sub(r"e\+0?(\d+)", "", latin)
    return sorted(re.findall(r"\d+(?:\.\d+)?", latin))


def test_a_translation_keeps_every_number():
    """Facts are kept: each number of the English (table numbers, lines, values) is in the Persian,
    in Latin or Persian digits."""
    lost = {}
    for en, fa in text.data_texts("fa").items():
        have = _numbers(fa)
        gone = [n for n in _numbers(en) if n not in have]
        if gone:
            lost[en] = gone
    assert lost == {}


def test_data_text_in_english_is_the_data_itself():
    assert text.data_text("line in the seed file", "en") == "line in the seed file"
    assert text.data_text(None, "fa") is None and text.data_text("", "fa") == ""
    nan = float("nan")
    assert text.data_text(nan, "fa") is nan
    assert pd.isna(text.data_text(pd.NA, "fa"))


def test_an_untranslated_data_text_names_the_folder():
    with pytest.raises(KeyError, match=r"no fa text for the data text 'not in any data': add it to text/fa/data/\*\.yml"):
        text.data_text("not in any data", "fa")


def test_a_data_text_translated_twice_is_an_error(tmp_path, monkeypatch):
    for name in ("a", "b"):
        f = tmp_path / "fa" / "data" / f"{name}.yml"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text('"same": "یکی"\n', encoding="utf-8")
    monkeypatch.setattr(text.paths, "TEXT", tmp_path)
    text.data_texts.cache_clear()
    try:
        with pytest.raises(ValueError, match="'same' is translated in another file of text/fa/data too"):
            text.data_texts("fa")
    finally:
        monkeypatch.undo()
        text.data_texts.cache_clear()


# Latin digits a Persian data text keeps: quoted source text, code, identifiers (a snake_case column,
# IR-06, ISO 3166-2, a 10-digit plan code) and numbers printed with '.' or ',' between digit groups
KEPT_LATIN = re.compile(r"«[^»]*»|`[^`]*`|'[^']*'|ISO 3166-2|IR-[0-9]+|[A-Za-z_][A-Za-z_0-9./-]*[0-9][A-Za-z_0-9./-]*"
                        r"|[0-9]+(?:[.,][0-9]+)+|[0-9]+[A-Za-z_]+|[0-9]{9,}")


def test_numbers_in_persian_running_text_are_in_persian_digits():
    """One digit convention (seed lines, tables, counts, years): Persian digits, Latin kept only
    where the Latin is the thing itself (KEPT_LATIN)."""
    latin = {en: fa for en, fa in text.data_texts("fa").items() if re.search("[0-9]", KEPT_LATIN.sub("", fa))}
    assert latin == {}
