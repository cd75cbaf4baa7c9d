"""End to end: the whole book, HTML and PDF, built from clean as the README's build command
does, into a temporary build folder (the real ``_build`` is untouched), with ``--strict``:
any Sphinx warning fails it.

Slow (minutes); marked ``e2e`` and run once by scripts/test.sh (and so by CI). A second clean
build checks that two builds of the same commit are byte-identical. The book's PDF and the 31
province PDFs go through the PDF checker (analysis.build.pdfcheck).
"""
import html as html_lib
import json
import re
import subprocess
from pathlib import Path

import pytest
from tests.conftest import build_book

from analysis.build import jobs as book
from analysis.core import provinces

pytestmark = pytest.mark.e2e

# What makes a browser fetch something: resources in tags, CSS url() and @import.
# A plain <a href="https://..."> hyperlink is not a request.
EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?(?:src|href|data)\s*=\s*["'](?:https?:)?//"""
                      r"""|url\(\s*["']?(?:https?:)?//|@import\s+(?:url\()?["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def build_dir(e2e_build_dir):
    return e2e_build_dir


@pytest.fixture(scope="module")
def built(build_dir):
    return build_dir / "html", build_dir / "pdf" / "book.pdf"


def test_index_and_every_chapter_page(built):
    html, _ = built
    assert (html / "index.html").exists()
    toc = book.toc()
    for part in toc["parts"]:
        for ch in part["chapters"]:
            assert (html / f"{ch['file']}.html").exists(), ch["file"]
    pages = sorted((html / "provinces").glob("*.html"))
    assert len(pages) == 31


@pytest.mark.parametrize("p", provinces.registry(), ids=lambda p: p.slug)
def test_province_page_has_persian_name_figure_and_no_raw_values(built, p):
    html, _ = built
    text = (html / "provinces" / f"{p.slug}.html").read_text(encoding="utf-8")
    assert p.fa in text
    assert re.search(r'<img[^>]+src="[^"]+\.png"', text), "no figure"
    assert RAW.search(text) is None
    assert ERROR_OUTPUT.search(text) is None
    assert "failed to build" not in text
    assert "downloads" in text or "_downloads" in text


def _row(page: Path, label: str) -> list[str]:
    """The cells (text) of the first table row whose first cell starts with ``label``."""
    text = page.read_text(encoding="utf-8")
    for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", text, re.S):  # a row may carry its citation (title, data-cite)
        cells = [html_lib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        if cells and cells[0].startswith(label):
            return cells
    raise AssertionError(f"{page.name}: no table row starting with {label!r}")


# Numbers that must reach a province page, hand-computed from the seed (002_d5af3ce44bc30735.txt):
# (page, row label, cells that must appear in that row in this order)
NUMBERS = [
    # line 955 " 84 20 ن خوزستا 13": plan 20, actual 84 l/s; 84 / 20 = 420.0 %
    ("khuzestan", "Water supply", ["20", "84", "420.0 %"]),
    # line 4833 " 3,099,380 5,051,281 خوزستان 13": agreed 5,051,281, allocated 3,099,380 million rials;
    # 3,099,380 / 5,051,281 = 61.36 % -> 61.4 %
    ("khuzestan", "Capital budget allocated vs agreed", ["5,051,281", "3,099,380", "61.4 %"]),
    # line 4869 " 153,144 238,488 يزد 31": 153,144 / 238,488 = 64.21 % -> 64.2 %
    ("yazd", "Capital budget allocated vs agreed", ["238,488", "153,144", "64.2 %"]),
    # line 5448 " 1599 115 140 يزد 31": operating units to the end of 1401: 1,599
    ("yazd", "Operating units, cumulative to end of 1401", ["1,599"]),
]


@pytest.mark.parametrize("slug, label, cells", NUMBERS, ids=[f"{n[0]}-{n[1][:20]}" for n in NUMBERS])
def test_numbers_reach_the_right_page(built, slug, label, cells):
    html, _ = built
    row = _row(html / "provinces" / f"{slug}.html", label)
    i = row.index(cells[0])
    assert row[i:i + len(cells)] == cells, row


GLUE_ROLE = re.compile(r"\{glue(?::(?:text|md|any|figure|math))?\}`([^`:]+)(?::[^`]*)?`")
GLUE_DIRECTIVE = re.compile(r"^\s*[`:]{3,}\{glue(?::(?:any|figure|math|md))?\}\s+(\S+)", re.M)


def _cited(text: str) -> set[str]:
    return set(GLUE_ROLE.findall(text)) | set(GLUE_DIRECTIVE.findall(text))


def test_every_cited_glue_key_is_glued(build_dir, seeds_available):
    """Each key a notebook cites ({glue:text}`k`, {glue:md}`k`, {glue:figure} k), in its
    Markdown or in the Markdown its code prints (say()), is glued by that executed notebook."""
    executed = build_dir / "executed"
    missing = []
    for job in book.jobs():
        nb = json.loads((executed / f"{job.out}.ipynb").read_text(encoding="utf-8"))
        glued = {o["metadata"]["scrapbook"]["name"] for c in nb["cells"] for o in c.get("outputs", [])
                 if o.get("metadata", {}).get("scrapbook")}
        cited = set()
        for c in nb["cells"]:
            if c["cell_type"] == "markdown":
                cited |= _cited("".join(c["source"]))
            for o in c.get("outputs", []):
                md = o.get("data", {}).get("text/markdown")
                if md:
                    cited |= _cited("".join(md))
        missing += [f"{job.out}: {k}" for k in sorted(cited - glued)]
    assert missing == []


# A raw missing value or Python repr as the whole text of a cell or element, or next to a
# percent sign ("nan %"); prose such as "None of the 42 parks" or a cluster called
# "nan-e berenji" is fine.
RAW = re.compile(r">\s*(?:nan|NaN|None|NaT|&lt;NA&gt;|<NA>)\s*(?:%\s*)?<|\bnan ?%")
# Code shown as code (API signatures, examples, literals) may say None or nan
CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>|<dt class=\"sig[^\"]*\".*?</dt>", re.S)
# A cell's error or stderr output as myst-nb renders it (an error *example* in an API page's
# code block is not one)
ERROR_OUTPUT = re.compile(r'class="output (?:traceback|stderr)\b')
# Arabic presentation forms are what a reshaper emits instead of letters a font can join
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


# The API reference and the reuse page show the library as a researcher uses it: docstrings that
# name NaN and inf, and a pandas frame printed as pandas prints it. They are exempt from the
# raw-value check (not from the traceback and shaping checks).
CODE_PAGES = {"notebooks/a5_api", "notebooks/a6_reuse"}


def test_no_chapter_shows_raw_values_tracebacks_or_unshaped_persian(built):
    html, _ = built
    pages = [html / f"{c['file']}.html" for part in book.toc()["parts"] for c in part["chapters"]]
    pages.append(html / f"{book.toc()['root']}.html")
    bad = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        code_page = page.relative_to(html).with_suffix("").as_posix() in CODE_PAGES
        prose = CODE.sub(" ", text)
        for pat, where in (((PRESENTATION_FORMS, text),) if code_page else ((RAW, prose), (PRESENTATION_FORMS, text))):
            m = pat.search(where)
            if m:
                bad.append(f"{page.relative_to(html)}: {where[max(0, m.start() - 80):m.end() + 40]!r}")
        if ERROR_OUTPUT.search(text) or "failed to build" in text or (not code_page and "Traceback" in prose):
            bad.append(f"{page.relative_to(html)}: an error or stderr output, a traceback or a failed chapter")
    assert bad == []


def test_no_request_leaves_the_site(built):
    html, _ = built
    offenders = []
    for f in [*html.rglob("*.html"), *html.rglob("*.css")]:
        text = f.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{f.relative_to(html)}: {m.group(0)[:140]}" for m in EXTERNAL.finditer(text)]
    assert offenders == []


LOCAL = re.compile(r"""(?:src|href)="(?!https?:|mailto:|#|data:|javascript:)([^"#?]+)""")


def test_every_local_link_resolves(built):
    """Images, downloads, stylesheets and pages linked from any page exist in the site."""
    html, _ = built
    site = html.resolve()
    broken = []
    for page in site.rglob("*.html"):
        if "_static" in page.relative_to(site).parts:  # theme templates, not pages
            continue
        for ref in set(LOCAL.findall(page.read_text(encoding="utf-8"))):
            target = (page.parent / ref).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {ref}")
    assert broken == []


def test_book_pdf_passes_the_pdf_checker(built):
    """A4, a page number on every page, no blank page, no file:// link or machine path, an
    outline with every chapter, each chapter starting a page (analysis.build.pdfcheck)."""
    from analysis.build import pdfcheck
    html, pdf = built
    chapters = pdfcheck.toc_chapters(html)
    assert pdfcheck.check_pdf(pdf, min_outline=len(chapters), chapters=chapters) == []
    links = pdfcheck.link_counts(pdf)
    assert links["file"] == 0 and links["internal"] > 100, links
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for p in provinces.registry():
        assert p.key in text, p.key


def test_book_pdf_bookmarks_are_the_headings_once(built):
    """Parts, chapters and sections in the outline, each title written once (Chromium doubles
    the text of a heading that starts a page; the build replaces it)."""
    from analysis.build import pdfcheck
    _, pdf = built
    entries = pdfcheck.outline(pdf)
    doubled = [t for _, t, _ in entries if len(t) > 3 and t[: len(t) // 2] == t[len(t) // 2:]]
    assert doubled == []
    levels = {lvl for lvl, _, _ in entries}
    assert {1, 2, 3} <= levels  # parts, chapters, sections
    titles = [t for _, t, _ in entries]
    assert sum(t.split(" · ")[0].split(". ")[-1] in {p.key for p in provinces.registry()} for t in titles) >= 31


def test_contents_page_numbers_are_the_pages_the_chapters_start_on(built):
    """Each numbered chapter's line in the contents ("20  Khuzestan · خوزستان  138") ends with
    the page its bookmark points to (chapters are matched by number: two are called Khuzestan)."""
    from analysis.build import pdfcheck
    _, pdf = built
    starts = {t.split(". ", 1)[0]: page for lvl, t, page in pdfcheck.outline(pdf)
              if lvl == 2 and re.match(r"\d+\. ", t)}
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "5", "-layout", str(pdf), "-"],
                              capture_output=True, text=True).stdout
    found = {}
    for line in contents.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] in starts and words[-1].isdigit() and words[1] != "/":  # not a "2 / 333" foot
            found[words[0]] = int(words[-1])
    assert len(found) >= 35, (len(found), sorted(starts))
    assert {n: (found[n], starts[n]) for n in found if found[n] != starts[n]} == {}


@pytest.mark.parametrize("p", provinces.registry(), ids=lambda p: p.key)
def test_province_pdf_passes_the_pdf_checker_and_is_linked_from_its_chapter(built, p):
    from analysis.build import pdfcheck
    html, _ = built
    slug = provinces.slugify(p.key)
    pdf = html / "provinces" / f"{slug}.pdf"
    chapter = [t for lvl, t, _ in pdfcheck.outline(pdf) if lvl == 1 and p.key in t]
    assert chapter, pdfcheck.outline(pdf)
    assert pdfcheck.check_pdf(pdf, min_outline=3, chapters=chapter) == []
    assert pdfcheck.link_counts(pdf)["file"] == 0
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    # pdftotext writes the lam-alef ligature's letters the other way round ("ایلام" as "ایالم")
    assert p.key in first and p.iso in first and (p.fa in first or p.fa.replace("لا", "ال") in first)
    page = (html / "provinces" / f"{slug}.html").read_text(encoding="utf-8")
    assert f'href="{slug}.pdf"' in page


def test_build_leaves_nothing_behind(build_dir):
    assert not (build_dir / "failed-site").exists()
    assert list((build_dir / "executed").rglob("*.failed.ipynb")) == []
    assert [p for p in (build_dir / "executed").rglob("*") if p.name.endswith((".tmp", ".loads"))] == []


def _files(folder: Path, skip=(".log",)) -> dict[str, bytes]:
    folder = folder.resolve()
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(skip)}


def test_two_clean_builds_are_byte_identical(build_dir, tmp_path_factory):
    """A second clean build of the same commit writes the same HTML (with its links to the
    PDFs), images, downloads and executed notebooks. (The PDFs are not compared byte for
    byte: Chromium stamps its own creation date beside the build's.)"""
    second = tmp_path_factory.mktemp("e2e-second") / "build"
    build_book(second)
    for sub in ("html", "executed"):
        a, b = _files(build_dir / sub, skip=(".log", ".pdf")), _files(second / sub, skip=(".log", ".pdf"))
        differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        assert differ == [], f"{sub}: {len(differ)} file(s) differ: {differ[:40]}"


def test_noop_rebuild_skips_everything(build_dir):
    proc = build_book(build_dir)
    assert "0 executed" in proc.stdout and "book unchanged" in proc.stdout
