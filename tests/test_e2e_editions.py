"""End to end, the two editions: the English site at the root, the Persian one in ``fa/``,
built from one execution (tests/conftest.py ``e2e_build_dir``, shared with tests/test_e2e.py).
"""
import ast
import re
from pathlib import Path

import nbformat
import pytest

from analysis.build import jobs as book
from analysis.core import provinces, text
from analysis.report import numerals

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sites(e2e_build_dir):
    html = e2e_build_dir / "html"
    return {"en": html, "fa": html / "fa"}


def chapter_files() -> list[str]:
    t = book.toc()
    return [t["root"], *(c["file"] for part in t["parts"] for c in part["chapters"])]


HTML_TAG = re.compile(r"<html\b[^>]*>")


@pytest.mark.parametrize("rel", chapter_files())
def test_every_chapter_is_in_both_editions_with_its_direction_and_a_link_to_its_twin(sites, rel):
    en = (sites["en"] / f"{rel}.html").read_text(encoding="utf-8")
    fa = (sites["fa"] / f"{rel}.html").read_text(encoding="utf-8")
    en_tag, fa_tag = HTML_TAG.search(en).group(0), HTML_TAG.search(fa).group(0)
    assert 'lang="en"' in en_tag and "rtl" not in en_tag
    assert 'lang="fa"' in fa_tag and 'dir="rtl"' in fa_tag
    depth = rel.count("/")
    assert f'class="edition-switch" href="{"../" * depth}fa/{rel}.html"' in en
    assert f'class="edition-switch" href="{"../" * depth}../{rel}.html"' in fa


def test_the_site_root_lets_the_reader_choose(sites):
    index = (sites["en"] / "index.html").read_text(encoding="utf-8")
    root = book.toc()["root"]
    assert f'href="{root}.html"' in index and f'href="fa/{root}.html"' in index


def _glued(nb_path: Path) -> dict[str, str]:
    """A notebook's glued text values, {key: text} (myst-nb prefixes the MIME types)."""
    nb = nbformat.read(nb_path, as_version=4)
    out = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            key = o.get("metadata", {}).get("scrapbook", {}).get("name")
            data = o.get("data", {})
            md = [v for m, v in data.items() if m.endswith("text/markdown")]
            plain = [v for m, v in data.items() if m.endswith("text/plain")]
            if key and md:
                out[key] = str(md[0])
            elif key and plain:  # a str's repr ('\\u200e−۱۱٫۲٪' escapes the direction mark)
                try:
                    value = ast.literal_eval(str(plain[0]))
                except (ValueError, SyntaxError):
                    value = plain[0]
                out[key] = str(value)
    return out


def test_a_number_is_the_same_value_in_both_editions(e2e_build_dir):
    """Every glued value that is a number alone ("97.2 %" / "۹۷٫۲٪", "5,051,281" / "۵٬۰۵۱٬۲۸۱")
    reads as the same value in the English and the Persian notebook of a chapter."""
    executed = e2e_build_dir / "executed"
    compared, differ = 0, []
    for en_nb in sorted(executed.rglob("*.ipynb")):
        rel = en_nb.relative_to(executed)
        if rel.parts[0] == "_fa" or en_nb.name.endswith(".failed.ipynb"):
            continue
        en, fa = _glued(en_nb), _glued(executed / "_fa" / rel)
        assert set(en) == set(fa), f"{rel}: glue keys differ: {sorted(set(en) ^ set(fa))[:5]}"
        for key, value in en.items():
            try:
                number = numerals.value_of(value)
            except ValueError:
                continue
            compared += 1
            other = numerals.value_of(fa[key])
            if not (number == other or (number != number and other != other)):
                differ.append(f"{rel}: {key}: {value!r} vs {fa[key]!r}")
    assert compared > 200 and differ == []


def _article(page: Path) -> str:
    text_ = page.read_text(encoding="utf-8")
    m = re.search(r'<article class="bd-article"[^>]*>(.*?)</article>', text_, re.S)
    body = re.sub(r"<(pre|code|script|style)\b.*?</\1>", " ", m.group(1) if m else "", flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def _english_sentences() -> list[str]:
    """Runs of eight or more words of the English prose keys, between placeholders and roles."""
    runs = []
    for key, value in text.labels("en").items():
        if key.startswith(("glossary.", "research.")):
            continue  # shown in the reference appendices of both editions as terms of the data
        for run in re.split(r"\{\{.*?\}\}|\{[a-z:]+\}`[^`]*`|[()\[\]*`]", str(value)):
            words = run.split()
            if len(words) >= 8 and all(re.fullmatch(r"[A-Za-z,.;:'’-]+", w) for w in words):
                runs.append(" ".join(words))
    return runs


def _on_persian_pages(sites, runs: list[str]) -> list[str]:
    """The runs of English found in a Persian chapter's article, as ``page: run``."""
    found = []
    for rel in chapter_files():
        body = _article(sites["fa"] / f"{rel}.html")
        found += [f"{rel}: {r[:60]}" for r in runs if r in body]
    return found


def test_no_english_sentence_of_the_text_is_on_a_persian_page(sites):
    runs = _english_sentences()
    assert len(runs) > 100
    assert _on_persian_pages(sites, runs) == []


def test_no_figure_is_described_by_its_file_path(sites):
    """A screen reader reads a figure's alt text: the caption's first sentence, never the PNG's path
    (a captioned figure; the reuse appendix's plain cell output of a figure is not one)."""
    alts, by_path = 0, []
    for lang in ("en", "fa"):
        for rel in chapter_files():
            page = (sites[lang] / f"{rel}.html").read_text(encoding="utf-8")
            for alt, src in re.findall(r'<figure\b[^>]*>\s*<img alt="([^"]*)" src="([^"]*)"', page):
                alts += 1
                if alt == src or alt.endswith(".png"):
                    by_path.append(f"{lang}/{rel}: {alt[:60]}")
    assert alts > 100 and by_path == []


def test_a_persian_percentage_has_the_persian_percent_sign(sites):
    """Persian digits take ٪ right after them, never the Latin "%" (a table once showed the
    printed percentages as "۲۱۸٫۴ %": digits localised, sign appended after)."""
    mixed = []
    for rel in chapter_files():
        mixed += [f"{rel}: {m}" for m in re.findall(r"[۰-۹][۰-۹٫٬]*\s?%", _article(sites["fa"] / f"{rel}.html"))]
    assert mixed == []


def test_no_english_data_text_is_on_a_persian_page(sites):
    """The texts whose English home is the data (column descriptions, flag reasons, the audit's
    checks and notes, figure descriptions) are in Persian on the Persian pages."""
    from tests.core.test_data_texts import shown_data_texts

    from analysis.sources import audit
    checks = set(audit.run()["check"])  # the audit's items, not translated yet, repeat a check's name
    runs = [" ".join(s.split()) for s in shown_data_texts() - checks
            if len(s.split()) >= 4 and all(re.fullmatch(r"[A-Za-z,.;:'’()-]+", w) for w in s.split())]
    assert len(runs) > 100
    assert _on_persian_pages(sites, runs) == []


@pytest.mark.parametrize("p", provinces.registry(), ids=lambda p: p.slug)
def test_persian_province_pdf_passes_the_pdf_checker(sites, p):
    from analysis.build import pdfcheck
    pdf = sites["fa"] / "provinces" / f"{p.slug}.pdf"
    chapter = [t for lvl, t, _ in pdfcheck.outline(pdf) if lvl == 1 and p.fa in t]
    assert chapter, pdfcheck.outline(pdf)
    assert pdfcheck.check_pdf(pdf, min_outline=3, chapters=chapter) == []


def test_persian_book_pdf_passes_the_pdf_checker(sites, e2e_build_dir):
    from analysis.build import pdfcheck
    pdf = sites["fa"] / "book.pdf"
    chapters = pdfcheck.toc_chapters(sites["fa"])  # each page's heading, in the Persian edition
    assert len(chapters) == len(chapter_files())
    assert pdfcheck.check_pdf(pdf, min_outline=len(chapters), chapters=chapters) == []
    assert pdfcheck.link_counts(pdf)["file"] == 0
    assert (e2e_build_dir / "pdf" / "book-fa.pdf").is_file()
