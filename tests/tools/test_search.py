"""The book's search (analysis.tools.search): folding of Persian spellings, words of raw HTML
tables, and a tiny Sphinx site built with the extension whose search index is queried the way
searchtools.js queries it. The browser half (language_data.js) is run in Node when Node is there."""
import json
import re
import shutil
import subprocess

import pytest
from sphinx.application import Sphinx

from analysis.tools import search
from analysis.tools.search import SearchEnglishFolded, SearchPersian, find, fold, html_text, load_index, words

ZWNJ = "\u200c"


# ------------------------------------------------------------------ folding
@pytest.mark.parametrize("variant, folded", [
    ("كرمانشاه", "کرمانشاه"),          # Arabic kaf U+0643 -> Persian keheh U+06A9
    ("سيستان", "سیستان"),              # Arabic yeh U+064A -> Farsi yeh U+06CC
    ("مصطفى", "مصطفی"),                # alef maksura U+0649 -> Farsi yeh
    ("مدرسة", "مدرسه"),                # teh marbuta -> heh
    ("خانۀ", "خانه"),                  # heh with yeh above -> heh
    ("مُدیرِ", "مدیر"),                 # damma and kasra removed
    ("كـــتاب", "کتاب"),               # tatweel removed
    ("ﻻ", "لا"),                       # presentation-form ligature (NFKC)
    ("می" + ZWNJ + "شود", "میشود"),    # ZWNJ: the word joined
])
def test_fold_spellings(variant, folded):
    assert fold(variant) == folded


def test_fold_digits_to_the_editions_digits():
    assert fold("۱۴۰۱ ١٤٠١ 1401") == "1401 1401 1401"
    assert fold("۱۴۰۱ ١٤٠١ 1401", digits="persian") == "۱۴۰۱ ۱۴۰۱ ۱۴۰۱"
    with pytest.raises(ValueError, match="digits must be one of"):
        fold("1", digits="arabic")


def test_fold_direction_marks_are_word_breaks():
    # the book isolates Persian inside English cells (U+2068 ... U+2069) and marks minus signs (U+200E)
    assert words("\u2068آبزی پروری\u2069·aquaculture \u200e\u2212۱۱") == ["آبزی", "پروری", "aquaculture", "11"]


def test_words_with_zwnj_give_the_joined_word_and_its_parts():
    assert words("شهرك" + ZWNJ + "هاي صنعتي") == ["شهرکهای", "شهرک", "های", "صنعتی"]


def test_html_text_keeps_cells_apart():
    cell = '<tr title="Seed 002, line 655"><td>l.655</td></tr><tr><td class="text">Water supply · ⁨تامين آب⁩</td><td>30</td></tr>'
    assert "655Water" in re.findall(r"\w+", re.sub(r"<[^<]+?>", "", cell))  # what Sphinx 7.4 indexes
    assert html_text(cell).split()[:3] == ["l.655", "Water", "supply"]
    assert "Seed" not in html_text(cell)  # attributes are not text
    assert html_text("<style>td{color:red}</style><p>R&amp;D&#x27;s</p><!-- note -->").split() == ["R&D's"]


def test_persian_language_stems_latin_words_and_skips_stop_words():
    fa = SearchPersian({})
    assert fa.stem("Supplies") == "suppli"            # Porter, as the en edition
    assert fa.stem("كشور") == "کشور"
    assert not fa.word_filter("در") and not fa.word_filter("the") and fa.word_filter("کشور")
    assert SearchEnglishFolded({}).stem("Water") == "water"


# ------------------------------------------------------------------ a tiny site
PAGE_TABLE = """Plan and actual
===============

.. raw:: html

   <div class="table-scroll"><table><tr><td>l.655</td></tr><tr><td>Water supply</td><td>13</td></tr>
   <tr><td>running</td><td>aquaculture</td></tr></table></div>

A paragraph about electricity.
"""

PAGE_OTHER = """Other
=====

Water for aquaculture, in prose.
"""

PAGE_FA = """شهرك‌هاي صنعتي
================

.. raw:: html

   <table><tr><td>۱۴۰۱</td></tr><tr><td>تأمين آب</td><td>۱۳</td></tr></table>

در سال 1402 استان‌ها برنامه را اجرا كردند.
"""


def build_site(tmp_path, language, pages, extension=True):
    src = tmp_path / f"src-{language}-{extension}"
    src.mkdir()
    exts = ["analysis.tools.search"] if extension else []
    (src / "conf.py").write_text(f"extensions = {exts!r}\nlanguage = {language!r}\nproject = 't'\n", encoding="utf-8")
    names = list(pages)
    toc = "\n".join(f"   {n}" for n in names)
    (src / "index.rst").write_text(f"Home\n====\n\n.. toctree::\n\n{toc}\n", encoding="utf-8")
    for name, text in pages.items():
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    out = tmp_path / f"out-{language}-{extension}"
    app = Sphinx(str(src), str(src), str(out), str(tmp_path / f"doctrees-{language}-{extension}"), "html",
                 status=None, warning=None, freshenv=True)
    app.build()
    assert app.statuscode == 0
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    en_pages = {"table": PAGE_TABLE, "other": PAGE_OTHER}
    return {
        "en": build_site(tmp, "en", en_pages),
        "en-plain": build_site(tmp, "en", en_pages, extension=False),
        "fa": build_site(tmp, "fa", {"fa": PAGE_FA, "other": "دیگر\n====\n\nهیچ.\n"}),
    }


def test_without_the_extension_a_word_in_a_table_is_lost(sites):
    # the bug: Sphinx strips the tags of raw HTML, gluing "l.655" to "Water" and "running" to
    # "aquaculture"; as "water" and "aquacultur" are terms of another page, searchtools does no
    # partial match and the table's page is not found
    index = load_index(sites["en-plain"])
    assert "655water" in index["terms"] and "water" in index["terms"]
    assert find(index, "water") == {"other"}
    assert find(index, "aquaculture") == {"other"}


def test_table_words_are_indexed(sites):
    index = load_index(sites["en"])
    assert find(index, "water") == {"table", "other"}
    assert find(index, "aquaculture") == {"table", "other"}
    assert find(index, "water supply") == {"table"}
    assert find(index, "electricity") == {"table"}  # prose as before
    assert find(index, "prose") == {"other"}
    assert find(index, "electricity prose") == set()


@pytest.mark.parametrize("query", [
    "شهرک‌های",   # as printed, Persian letters and ZWNJ
    "شهرکهای",    # without the ZWNJ
    "شهركهاي",    # Arabic kaf and yeh
    "شهرک",       # the first part
    "تامین آب",   # hamza on alef dropped by the reader
    "تأمين",      # Arabic yeh
    "استانها",
    "استان",
    "اجرا کردند",
    "۱۴۰۲", "1402", "١٤٠٢",  # Latin in the source, found in any digits
    "۱۳", "13",
])
def test_persian_variants_are_found(sites, query):
    # the home page lists the page's title in its table of contents
    assert find(load_index(sites["fa"]), query, SearchPersian({})) - {"index"} == {"fa"}


def test_persian_stop_words_are_not_indexed(sites):
    index = load_index(sites["fa"])
    assert "در" not in index["terms"] and "را" not in index["terms"]
    assert "۱۴۰۲" in index["terms"] and "1402" not in index["terms"]


def test_language_data_js_carries_the_persian_splitter(sites):
    js = (sites["fa"] / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "function splitQuery(query)" in js and "function searchFold(text)" in js and "PorterStemmer" in js
    assert json.loads(js.split("var stopwords = ", 1)[1].split(";\n", 1)[0]) == sorted(SearchPersian.stopwords)


# ------------------------------------------------------------------ the browser's half, in Node
QUERIES = ["شهرک‌های صنعتی", "شهركهاي", "تأمين آب", "مُدیرِ کـــل", "١٤٠١ و ۱۴۰۲ 1403", "Water Supplies of the plan",
           "\u2068آبزی پروری\u2069·aquaculture", "ﻻ", "Isfahan's"]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js not installed")
@pytest.mark.parametrize("edition", ["en", "fa"])
def test_the_browser_folds_queries_as_the_index_does(sites, edition):
    """The site's language_data.js (splitQuery, stopwords, Stemmer) gives the same terms for each query as
    query_terms, which is what the index was built with."""
    js = (sites[edition] / "_static" / "language_data.js").read_text(encoding="utf-8")
    script = js + """
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
const stemmer = new Stemmer();
console.log(JSON.stringify(queries.map(q => splitQuery(q.trim())
  .filter(t => stopwords.indexOf(t.toLowerCase()) === -1 && !t.match(/^\\d+$/))
  .map(t => stemmer.stemWord(t.toLowerCase())).sort())));
"""
    proc = subprocess.run(["node", "-e", script], input=json.dumps(QUERIES), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lang = SearchPersian({}) if edition == "fa" else SearchEnglishFolded({})
    expected = [sorted(set(search.query_terms(q, lang))) for q in QUERIES]
    assert [sorted(set(t)) for t in json.loads(proc.stdout)] == expected
