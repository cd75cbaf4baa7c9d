"""End to end: the search of the built book (every edition: each folder of the build's html/ with a
searchindex.js) finds the words of tables made by code, queried as searchtools.js queries the index
(analysis.tools.search.find). Issue 10, point 5: "water" did not find Fars, Isfahan and others, though
each has a "Water supply" row; "aquaculture" found 3 of the 6 pages that use it.

Uses the one clean build of tests/conftest.py (``e2e_build_dir``); marked e2e (slow)."""
import functools
import re
from pathlib import Path

import pytest

from analysis.core import provinces
from analysis.metrics import indicators
from analysis.tools.search import SearchEnglishFolded, SearchPersian, find, fold, html_text, load_index

pytestmark = pytest.mark.e2e


def editions(html: Path) -> list[tuple[Path, str]]:
    """(site folder, language) of every site in the build's html/ (``LANGUAGE`` of its
    documentation_options.js)."""
    found = []
    for index in sorted(html.rglob("searchindex.js")):
        options = (index.parent / "_static" / "documentation_options.js").read_text(encoding="utf-8")
        found.append((index.parent, re.search(r"LANGUAGE: '([\w-]*)'", options).group(1)))
    return found


def language(lang: str):
    return SearchPersian({}) if lang == "fa" else SearchEnglishFolded({})


@functools.cache
def article_words(page: Path, digits: str) -> frozenset[str]:
    """The folded, lower-case words of a page's article (what a reader reads; no navigation)."""
    text = page.read_text(encoding="utf-8")
    article = re.search(r'<article class="bd-article"[^>]*>(.*?)</article>', text, re.S)
    assert article, f"{page}: no <article class=\"bd-article\">"
    return frozenset(w.lower() for w in re.findall(r"\w+", fold(html_text(article.group(1)), digits)))


@pytest.fixture(scope="module")
def sites(e2e_build_dir):
    found = editions(e2e_build_dir / "html")
    assert found, f"no searchindex.js under {e2e_build_dir / 'html'}"
    return found


def test_the_water_supply_row_finds_every_province_page(sites):
    label = indicators.get("water")
    for site, lang in sites:
        index = load_index(site)
        slugs = {p.slug for p in provinces.registry()}
        queries = {"fa": [label.fa, label.fa.replace("ی", "ي")]}.get(lang, ["water", label.en])
        for query in queries:
            found = {d.split("/")[-1] for d in find(index, query, language(lang)) if d.startswith("provinces/")}
            assert found == slugs, f"{site} ({lang}): {query!r} misses {sorted(slugs - found)}"


@pytest.mark.parametrize("word", ["aquaculture", "water", "electricity", "fibre", "آبزی", "تامین"])
def test_a_word_finds_every_page_whose_text_has_it(sites, word):
    """Every page with the word (any word of its article with the same stem) is found."""
    for site, lang in sites:
        lg = language(lang)
        index = load_index(site)
        stem = lg.stem(word).lower()
        pages = {str(p.relative_to(site).with_suffix("")) for p in site.rglob("*.html")
                 if p.name not in ("search.html", "genindex.html", "py-modindex.html") and "_static" not in p.parts}
        having = {d for d in pages if d in index["docnames"]
                  and any(lg.stem(w).lower() == stem for w in article_words(site / f"{d}.html", lg.digits))}
        found = find(index, word, lg)
        assert having <= found, f"{site} ({lang}): {word!r} misses {sorted(having - found)}"
