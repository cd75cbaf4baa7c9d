"""The PDF checker on small documents printed by headless Chromium as the book is printed
(``page.pdf(outline=True, tagged=True, prefer_css_page_size=True)``, CSS ``@page`` margin
boxes), one per kind of problem; each check must find its problem and nothing else."""
from __future__ import annotations

import pytest
from tests.browser import checks

from analysis import cli
from analysis.build import pdfcheck

sync_api = pytest.importorskip("playwright.sync_api")

PAGE_CSS = """@page { size: A4; margin: 20mm;
  @top-center { content: "A running head" }
  @bottom-center { content: counter(page) " / " counter(pages) } }
.page { break-before: page; }"""

GOOD = """<h1 id="one">Chapter One</h1><p>Table 1 and 2 in the body are no page numbers.</p>
<h2>Section one A</h2><p>Text.</p>
<div class="page"><svg width="200" height="100"><rect width="150" height="80" fill="teal"/></svg></div>
<h1 class="page" id="two">Chapter Two</h1>
<img alt="" width="40" height="40" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==">"""


def document(body: str, css: str = "", title: str = "Fixture") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<style>{PAGE_CSS}\n{css}</style></head><body>{body}</body></html>")


@pytest.fixture(scope="module")
def printer(tmp_path_factory):
    """``printer(html, name, from_file=False)`` prints ``html`` to a PDF named ``name`` as the
    book is printed (once per module for the same arguments); with ``from_file`` the page is
    loaded from a ``file://`` URL first, as the book's HTML is. One browser, one tab."""
    exe = checks.find_chromium()
    if exe is None:
        pytest.skip("no Chromium: tried /usr/lib/chromium/chromium, then chromium on PATH "
                    "(scripts/setup.sh installs Debian's chromium)")
    folder = tmp_path_factory.mktemp("pdfcheck")
    made = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = browser.new_page()

        def make(html: str, name: str = "doc.pdf", from_file: bool = False):
            key = (html, name, from_file)
            if key not in made:
                out = folder / f"{len(made)}" / name
                out.parent.mkdir()
                if from_file:
                    src = out.with_suffix(".html")
                    src.write_text(html, encoding="utf-8")
                    page.goto(src.as_uri())
                else:
                    page.set_content(html)
                page.pdf(path=str(out), outline=True, tagged=True, prefer_css_page_size=True)
                made[key] = out
            return made[key]

        yield make
        browser.close()


@pytest.fixture
def pdf(printer):
    return printer


def test_a_good_document_passes(pdf):
    f = pdf(document(GOOD), "good.pdf")
    assert pdfcheck.check_pdf(f) == []
    assert pdfcheck.check_pdf(f, chapters=["Chapter One", "Chapter Two"], min_outline=3) == []
    # the second page has only a vector figure, the third a heading and an image: neither is blank
    assert pdfcheck.outline(f) == [(1, "Chapter One", 1), (2, "Section one A", 1), (1, "Chapter Two", 3)]


def test_the_pypdf_text_fallback_reads_the_same(pdf, monkeypatch):
    good = pdf(document(GOOD), "good.pdf")
    bad = pdf(document(GOOD, "@page :first { @bottom-center { content: none } }"), "bad.pdf")
    monkeypatch.setattr(pdfcheck, "_poppler_texts", lambda path, boxes: None)
    assert pdfcheck.check_pdf(good) == []
    assert [p.split(" (")[0] for p in pdfcheck.check_pdf(bad)] == ["bad.pdf p. 1: no page number"]


def test_no_outline(pdf):
    f = pdf(document("<p>No headings at all.</p>"), "flat.pdf")
    assert pdfcheck.check_pdf(f) == ["flat.pdf: outline has 0 entries, expected at least 1"]
    assert pdfcheck.outline(f) == []


def test_too_short_an_outline(pdf):
    f = pdf(document(GOOD), "good.pdf")
    assert pdfcheck.check_pdf(f, min_outline=4) == ["good.pdf: outline has 3 entries, expected at least 4"]


def test_a_page_without_its_number(pdf):
    # page 1 says "Table 1" in its body: only the margin's number counts
    f = pdf(document(GOOD, "@page :first { @bottom-center { content: none } }"), "nonum.pdf")
    assert pdfcheck.check_pdf(f) == [
        "nonum.pdf p. 1: no page number (expected 1 or 1 / 3 in the margin; margin text: 'A running head')"]


NUMBER_FORMS = [  # (CSS content of the bottom margin box, whether it reads as the page number)
    ('counter(page) " / " counter(pages)', True),
    ("counter(page)", True),
    ('"page " counter(page)', True),
    ('counter(page) " / 99"', False),  # a wrong total
    ('"p" counter(page)', False),  # not a whole token
    ('counter(page) "a"', False),
    ('counter(page, persian) " / " counter(pages, persian)', True),  # digits of any script
    ('counter(pages) " / " counter(page)', True),  # as a right-to-left "N / M" extracts
    ('counter(page, persian) " / ۹۹"', False),
]


def test_page_number_forms(pdf):
    """One page per form (CSS named pages), so one document tests them all."""
    css = "\n".join(f"@page f{i} {{ @bottom-center {{ content: {c} }} }} .f{i} {{ page: f{i} }}"
                    for i, (c, _) in enumerate(NUMBER_FORMS))
    body = "<h1>Forms</h1>" + "".join(f"<p class='f{i}'>Form {i}.</p>" for i in range(len(NUMBER_FORMS)))
    f = pdf(document(body, css), "num.pdf")
    missing = {int(p.split(" p. ")[1].split(":")[0]) for p in pdfcheck.check_pdf(f)}
    # page 1 holds the heading alone (default form); form i is on page i + 2
    assert missing == {i + 2 for i, (_, ok) in enumerate(NUMBER_FORMS) if not ok}


def test_a_custom_page_number_pattern(pdf):
    f = pdf(document("<h1>Only</h1>", '@page { @bottom-center { content: "Page " counter(page) } }'), "custom.pdf")
    assert pdfcheck.check_pdf(f, page_number=r"Page {page}\b") == []
    assert pdfcheck.check_pdf(f, page_number=r"Seite {page}\b") != []


def test_a_blank_page(pdf):
    body = "<h1>One</h1><p>Text.</p><div class='page'></div><div class='page'><p>After.</p></div>"
    f = pdf(document(body), "blank.pdf")
    assert pdfcheck.check_pdf(f) == ["blank.pdf p. 2: blank page"]


@pytest.mark.parametrize(("href", "from_file", "problem"), [
    ("file:///tmp/x.csv", False, "link to file:///tmp/x.csv (file: URI)"),
    ("/work/data/x.csv", True, "link to file:///work/data/x.csv (file: URI)"),  # relative to a file:// page
    ("C:\\Users\\me\\x.csv", False, "link to c:\\Users\\me\\x.csv (machine path 'C:\\')"),  # Chromium: c:
    ("ftp://host/home/me/x", False, "link to ftp://host/home/me/x (machine path '/home/')"),
    ("https://example.org/home/x", False, None),  # a web address may have a /home/
])
def test_links_that_leak_the_build_machine(pdf, href, from_file, problem):
    f = pdf(document(f"<h1>Links</h1><p><a href='{href}'>the data</a></p>"), "link.pdf", from_file=from_file)
    assert pdfcheck.check_pdf(f) == ([f"link.pdf p. 1: {problem}"] if problem else [])


def test_text_and_document_info_that_leak_the_build_machine(pdf):
    f = pdf(document("<h1>Leak</h1><p>Saved at file:///tmp/run/x.csv today.</p>", title="/work/main/book"), "leak.pdf")
    assert pdfcheck.check_pdf(f) == [
        "leak.pdf p. 1: text contains a file: URI: 'file:///tmp/run/x.csv'",
        "leak.pdf: document info /Title contains a machine path '/work/': '/work/main/book'"]


def test_page_size(pdf):
    """Pages of other sizes in one document (CSS named pages); landscape A4 is A4."""
    css = ("@page letter { size: letter } @page a5 { size: A5 } @page wide { size: A4 landscape }"
           ".letter { page: letter } .a5 { page: a5 } .wide { page: wide }")
    body = "<h1>Sizes</h1><p class='letter'>Letter.</p><p class='a5'>A5.</p><p class='wide'>Wide.</p>"
    f = pdf(document(body, css), "size.pdf")
    assert pdfcheck.check_pdf(f) == [
        "size.pdf p. 2: page is 612.0 x 792.0 pt, not A4 (595.3 x 841.9)",
        "size.pdf p. 3: page is 420.0 x 595.0 pt, not A4 (595.3 x 841.9)"]  # Chromium rounds A5 to CSS pixels


def test_a_chapter_starting_mid_page(pdf):
    body = "<h1>One</h1>" + "<p>Line.</p>" * 12 + "<h1>Two</h1><p>Text.</p>"
    f = pdf(document(body), "mid.pdf")
    problems = pdfcheck.check_pdf(f)
    assert len(problems) == 1 and problems[0].startswith("mid.pdf p. 1: chapter 'Two' starts "), problems
    assert problems[0].endswith(" down the page, not at its top")
    down = int(problems[0].split(" starts ")[1].split(" %")[0])
    assert 40 < down < 80  # twelve paragraphs and a heading: about half of the content box
    # only the chapters named are held to it; a name the outline lacks is a problem
    assert pdfcheck.check_pdf(f, chapters=["One"]) == []
    assert pdfcheck.check_pdf(f, chapters=["One", "Three"]) == ["mid.pdf: chapter 'Three' is not in the outline"]


def test_link_counts(pdf):
    body = ("<h1 id='top'>Links</h1><p><a href='#later'>internal</a> <a href='https://book.example.org/fa/x.html'>"
            "site</a> <a href='https://doi.org/10.1000/1'>external</a></p><h2 id='later'>Later</h2>")
    f = pdf(document(body), "links.pdf")
    assert pdfcheck.link_counts(f, site="https://book.example.org/") == {
        "internal": 1, "site": 1, "external": 1, "file": 0, "other": 0}
    assert pdfcheck.link_counts(f) == {"internal": 1, "site": 0, "external": 2, "file": 0, "other": 0}


def test_not_a_pdf(tmp_path):
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"not a PDF at all")
    [problem] = pdfcheck.check_pdf(f)
    assert problem.startswith("broken.pdf: cannot be read as a PDF: ")


def test_cli(pdf, capsys, tmp_path):
    good = pdf(document(GOOD), "good.pdf")
    bad = pdf(document("<p>No headings.</p>"), "flat.pdf")
    assert cli.main(["check-pdf", str(good)]) == 0
    assert capsys.readouterr().out == (
        "good.pdf: 3 pages, 3 outline entries, links: internal 0, site 0, external 0, file 0, other 0; ok\n")
    assert cli.main(["check-pdf", str(good), str(bad)]) == 1
    assert capsys.readouterr().out.splitlines()[1:] == [
        "flat.pdf: outline has 0 entries, expected at least 1",
        "flat.pdf: 1 pages, 0 outline entries, links: internal 0, site 0, external 0, file 0, other 0; 1 problem(s)"]
    missing = tmp_path / "missing.pdf"
    assert cli.main(["check-pdf", str(missing)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("missing.pdf: cannot be read as a PDF: FileNotFoundError")
    assert out[1:] == ["missing.pdf: cannot be read (FileNotFoundError); 1 problem(s)"]


def test_chapters_are_matched_without_numbers_spaces_or_case(pdf):
    body = "<h1>One</h1>" + "<p>Line.</p>" * 12 + "<h1>Two  words</h1><p>Text.</p>"
    f = pdf(document(body), "match.pdf")
    [problem] = pdfcheck.check_pdf(f, chapters=["1. one", "2.1. TWO words"])
    assert problem.startswith("match.pdf p. 1: chapter 'Two words' starts ")


def test_toc_chapters_reads_the_titles_of_the_built_pages(tmp_path):
    from analysis.build.jobs import toc
    t = toc()
    files = [t["root"]] + [ch["file"] for part in t["parts"] for ch in part["chapters"]]
    for i, f in enumerate(files):
        page = tmp_path / f"{f}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<main><h1><span class="section-number">{i}. </span>Title &amp; {i}<a class="headerlink" '
                        f'href="#t" title="Link to this heading">#</a></h1><h1>Not this</h1></main>', encoding="utf-8")
    assert pdfcheck.toc_chapters(tmp_path) == [f"Title & {i}" for i in range(len(files))]
    (tmp_path / f"{files[-1]}.html").unlink()
    with pytest.raises(FileNotFoundError, match=files[-1]):
        pdfcheck.toc_chapters(tmp_path)
