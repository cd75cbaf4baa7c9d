"""The PDF edition's assembly and printing (analysis.build.printbook).

Assembly is tested on small HTML articles; printing on small documents printed by Debian's
Chromium (skipped without it), read back with pypdf and poppler's pdftotext.
"""
import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from analysis.build import printbook as pb
from analysis.build.jobs import BuildError


def texts(key, **values):  # the English words, as the book uses them
    from analysis.core import text
    return text.t(key, "en", **values)


def article(body: str):
    return BeautifulSoup(f'<article class="bd-article">{body}</article>', "html.parser").article


PAGE = """<section id="national">
<h1><span class="section-number">2. </span><span class="pasted-text">National plan</span></h1>
<p>See <a href="#fig-x">Figure 2.1</a>, <a href="03_compared.html#gap">the gap</a>,
<a href="../provinces/ilam.html">Ilam</a>, <a href="a5_api.html">the API</a> and
<a class="reference download internal" download="" href="../_downloads/abc/rows.csv">rows (CSV)</a>,
or <a href="https://www.worldbank.org/">the World Bank</a>.</p>
<img src="../_images/chart.png" alt="chart">
<section id="how-much"><h2><span class="section-number">2.1. </span>How much</h2>
<p>Ratio 113.6 % on 2022-07-31, total 5,051,281, ۹۷٫۲ ٪ in Persian.</p>
<pre>x = 1 - 2 %</pre>
<h3>Detail</h3></section></section>"""


@pytest.fixture
def transformed():
    in_doc = {"notebooks/02_national", "notebooks/03_compared", "provinces/ilam"}
    html, headings = pb.transform(article(PAGE), "notebooks/02_national", in_doc, pb.Meta(), texts)
    return BeautifulSoup(html, "html.parser"), headings


def test_prefix_is_an_id_of_letters_digits_and_dashes():
    assert pb.prefix("notebooks/02_national") == "p-notebooks-02_national"
    assert pb.prefix("provinces/east-azerbaijan") == "p-provinces-east-azerbaijan"


def test_ids_carry_the_page_prefix(transformed):
    soup, _ = transformed
    ids = {el["id"] for el in soup.find_all(id=True)}
    assert ids == {"p-notebooks-02_national--national", "p-notebooks-02_national--how-much"}


@pytest.mark.parametrize("text, expected", [
    ("Figure 2.1", "#p-notebooks-02_national--fig-x"),               # same page
    ("the gap", "#p-notebooks-03_compared--gap"),                     # another page of the document
    ("Ilam", "#p-provinces-ilam"),                                    # a page, no anchor: its top
    ("the World Bank", "https://www.worldbank.org/"),                 # outside links stay
])
def test_links_inside_the_document_jump_inside_it(transformed, text, expected):
    soup, _ = transformed
    link = soup.find("a", string=text)
    assert link is not None and link["href"] == expected


def test_without_a_site_a_download_and_a_page_outside_the_document_are_printed_as_names(transformed):
    soup, _ = transformed
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert not any("_downloads" in h or "a5_api" in h for h in hrefs)
    offsite = [_text(s) for s in soup.select("span.print-offsite")]
    assert offsite == ["the API (on the book’s website: a5_api.html)",
                       "rows (CSV) (file rows.csv on the book’s website)"]


def _text(el):
    return " ".join(el.get_text(" ").split())


def test_with_a_site_a_download_and_a_page_outside_link_to_it():
    m = pb.Meta(baseurl="https://book.example.org/")
    html, _ = pb.transform(article(PAGE), "notebooks/02_national", {"notebooks/02_national"}, m, texts)
    hrefs = {a.get_text(" ", strip=True): a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)}
    assert hrefs["rows (CSV)"] == "https://book.example.org/_downloads/abc/rows.csv"
    assert hrefs["the API"] == "https://book.example.org/notebooks/a5_api.html"
    assert hrefs["Ilam"] == "https://book.example.org/provinces/ilam.html"


def test_images_are_found_from_the_site_root(transformed):
    soup, _ = transformed
    assert soup.img["src"] == "_images/chart.png"


def test_headings_move_one_level_down_and_the_contents_gets_chapter_and_sections(transformed):
    soup, headings = transformed
    assert [h.name for h in soup.find_all(["h1", "h2", "h3", "h4"])] == ["h2", "h3", "h4"]
    assert [(h.level, h.number, h.title) for h in headings] == [(1, "2", "National plan"), (2, "2.1", "How much")]
    assert headings[1].anchor == "p-notebooks-02_national--how-much"


def test_numbers_with_a_break_opportunity_are_kept_together_and_code_is_left_alone(transformed):
    soup, _ = transformed
    kept = [s.get_text() for s in soup.select("span.nw")]
    assert kept == ["113.6 %", "2022-07-31", "۹۷٫۲ ٪"]  # 5,051,281 has no break opportunity inside
    assert soup.pre.get_text() == "x = 1 - 2 %"


@pytest.mark.parametrize("ncol, expected", [(4, set()), (5, {"print-full"}), (8, {"print-full", "print-wide"}), (12, {"print-full", "print-wider"})])
def test_wide_tables_are_set_smaller(ncol, expected):
    row = "<tr>" + "<td>1</td>" * ncol + "</tr>"
    html, _ = pb.transform(article(f"<table class='book-table'>{row * 20}</table>"), "a", {"a"}, pb.Meta(), texts)
    classes = set(BeautifulSoup(html, "html.parser").table["class"]) - {"book-table"}
    assert classes == expected


def test_short_tables_stay_on_one_page():
    row = "<tr><td>1</td></tr>"
    html, _ = pb.transform(article(f"<table>{row * 4}</table><table>{row * 30}</table>"), "a", {"a"}, pb.Meta(), texts)
    short, long = BeautifulSoup(html, "html.parser").find_all("table")
    assert "print-keep" in short["class"] and "print-keep" not in long.get("class", [])


def test_links_to_a_missing_anchor_are_unwrapped_and_a_file_link_stops_the_build():
    html = pb._check_links('<p id="a"><a href="#a">here</a> <a href="#gone">gone</a></p>', "x.pdf")
    assert '<a href="#a">here</a>' in html and "gone</a>" not in html and "gone" in html
    with pytest.raises(BuildError, match=r"x\.pdf: a link to file:///tmp/x\.csv would reach the PDF"):
        pb._check_links('<a href="file:///tmp/x.csv">x</a>', "x.pdf")


def test_running_title_is_the_english_half_of_a_bilingual_heading():
    assert pb._running_title("National plan · \u2068برنامه\u2069") == "National plan"
    assert pb._running_title("Appendix A") == "Appendix A"


def test_baseurl_must_be_a_web_address(tmp_path):
    from analysis.build.jobs import Book
    (tmp_path / "_config.yml").write_text("author: A\nhtml:\n  baseurl: /srv/book\n")
    book = Book(root=tmp_path, structure=tmp_path / "structure.yml", static=tmp_path)
    with pytest.raises(BuildError, match=r"_config.yml: html.baseurl must start with http:// or https://, not '/srv/book'"):
        pb.meta(book, 0)


def test_pdf_strings():
    assert pb._pdf_string("a (b) \\") == b"(a \\(b\\) \\\\)"
    assert pb._pdf_string("ایران") == b"<FEFF" + "ایران".encode("utf-16-be").hex().upper().encode() + b">"


# ------------------------------------------------------------------ printed by Chromium
def chromium_or_skip():
    try:
        return pb.browser_executable()
    except BuildError:
        pytest.skip("no Chromium (scripts/setup.sh installs Debian's chromium)")


CHAPTERS = [("one", "One", 1), ("two", "Two", 3), ("three", "Three", 1)]  # id, title, pages of text


def small_book(site: Path) -> pb.Document:
    """Contents and three chapters, the second three pages long; the print stylesheet of the book.
    The contents heading and the chapters' headings are h2, as in the book (parts are h1)."""
    (site / "_static").mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(pb.__file__).parents[3] / "book" / "_static" / pb.PRINT_CSS, site / "_static" / pb.PRINT_CSS)
    headings = [pb.Heading(1, title, cid, str(i + 1)) for i, (cid, title, _) in enumerate(CHAPTERS)]
    body = "".join(f'<section class="print-chapter" id="{cid}" style="page: ch-{i}"><h2>{title}</h2>'
                   + "<p>text</p>" + '<p style="break-before: page">more</p>' * (n - 1) + "</section>"
                   for i, (cid, title, n) in enumerate(CHAPTERS))
    rules = "".join(pb._page_rule(f"ch-{i}", title, texts) for i, (_, title, _) in enumerate(CHAPTERS))
    html = pb._shell("Small book", "en", pb.contents(headings, texts, []) + body, rules)
    return pb.Document("small", html, headings, toc=True, title="Small book", subject="A test")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    chromium_or_skip()
    site = tmp_path_factory.mktemp("site")
    doc = small_book(site)
    out = site / "out" / "small.pdf"
    m = pb.Meta(version="9.9.9", data="abcdef123456", epoch=1764633600, author="Team")
    result = pb.print_all(site, [(doc, out)], m)
    return site, doc, out, m, result


def test_the_contents_print_the_page_each_chapter_starts_on(printed):
    _, _, out, _, result = printed
    # contents on p. 1; One on p. 2; Two on pp. 3-5; Three on p. 6 (each chapter a named page)
    assert result[0].pages == 6 and not result[0].reused
    contents = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-"],
                              capture_output=True, text=True, check=True).stdout
    lines = {w[1]: w[-1] for w in (line.split() for line in contents.splitlines()) if len(w) == 3}
    assert lines == {"One": "2", "Two": "3", "Three": "6"}
    assert pb.destinations(out.read_bytes()) == {"one": 2, "two": 3, "three": 6}


def test_the_pdf_has_its_metadata_and_clean_bookmarks(printed):
    _, _, out, _, _ = printed
    reader = pypdf.PdfReader(out)
    info = reader.metadata
    assert (info["/Title"], info["/Author"], info["/Subject"]) == ("Small book", "Team", "A test")
    assert (info["/BookVersion"], info["/DataVersion"]) == ("9.9.9", "abcdef123456")
    assert info["/CreationDate"] == "D:20251202000000+00'00'"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles == ["Contents", "One", "Two", "Three"]  # not "ContentsContents"


def test_the_checker_finds_nothing_wrong(printed):
    from analysis.build import pdfcheck
    _, _, out, _, _ = printed
    assert pdfcheck.check_pdf(out, min_outline=4, chapters=["One", "Two", "Three"]) == []


def test_an_unchanged_document_is_not_printed_again(printed):
    site, doc, out, m, _ = printed
    before = out.read_bytes()
    again = pb.print_all(site, [(doc, out)], m)
    assert again[0].reused and out.read_bytes() == before
    changed = pb.Document(doc.name, doc.html.replace("Small book", "Smaller book"), doc.headings, True, "Smaller book")
    assert pb.document_hash(changed, site, m) != pb.document_hash(doc, site, m)


def test_with_info_replaces_titles_only_when_they_match_the_bookmarks(printed):
    _, _, out, _, _ = printed
    with pytest.raises(BuildError, match="the PDF has 4 bookmarks for 2 headings"):
        pb.with_info(out.read_bytes(), {"Title": "x"}, ["a", "b"])
    data = pb.with_info(out.read_bytes(), {"Title": "x"}, ["C", "1", "2", "3"])
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert [o.title for o in reader.outline if not isinstance(o, list)] == ["C", "1", "2", "3"]
    assert reader.metadata["/Title"] == "x"


def _png(path: Path) -> None:
    import matplotlib
    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    fig = plt.figure(figsize=(3, 2), dpi=50)
    fig.savefig(path)
    plt.close(fig)


def _images(pdf: Path) -> list[int]:
    """The pages (from 1) that draw an image."""
    reader = pypdf.PdfReader(pdf)
    return [i + 1 for i, page in enumerate(reader.pages)
            if any(x.get_object().get("/Subtype") == "/Image"
                   for x in (page.get("/Resources", {}).get("/XObject") or {}).values())]


def test_books_and_cards_share_tabs_and_each_pdf_is_its_own(tmp_path):
    """The first tab prints the books one after the other; the cards go through the tabs one
    after another (a tab is reused). The contents' first print hides the images: the final
    print has them, and its page numbers are the first print's."""
    chromium_or_skip()
    site = tmp_path / "site"
    book = small_book(site)
    (site / "_images").mkdir()
    _png(site / "_images" / "fig.png")
    book = pb.Document(book.name, book.html.replace("<h2>Two</h2>", '<h2>Two</h2><img src="_images/fig.png" alt="a figure">'),
                       book.headings, True, book.title, book.subject)
    m = pb.Meta(version="9.9.9", data="abcdef123456", epoch=1764633600, author="Team")
    cards = [pb.Document(f"card-{k}", pb._shell(f"Card {k}", "en", f"<h1>Card {k}</h1><p>only in card {k}</p>", ""),
                         title=f"Card {k}") for k in "abc"]
    jobs = [pb.PrintJob(book, site / "out" / "book.pdf", site, m)]
    jobs += [pb.PrintJob(c, site / "out" / f"{c.name}.pdf", site, m) for c in cards]
    result = pb.print_jobs(jobs, parallel=2)
    assert [p.path.name for p in result] == ["book.pdf", "card-a.pdf", "card-b.pdf", "card-c.pdf"]
    assert pb.destinations((site / "out" / "book.pdf").read_bytes()) == {"one": 2, "two": 3, "three": 6}
    assert _images(site / "out" / "book.pdf") == [3]  # the figure is printed, on Two's first page
    assert [o.title for o in pypdf.PdfReader(site / "out" / "book.pdf").outline if not isinstance(o, list)][:2] == ["Contents", "One"]
    for k in "abc":
        text = subprocess.run(["pdftotext", str(site / "out" / f"card-{k}.pdf"), "-"], capture_output=True, text=True, check=True).stdout
        assert f"only in card {k}" in text and not [o for o in "abc" if o != k and f"card {o}" in text]
    assert not list(site.glob("_print-*"))  # the page files are gone


def test_link_pdfs_puts_the_link_under_the_chapter_heading(tmp_path):
    from analysis.build.jobs import Book
    from analysis.core import paths
    site, out_dir = tmp_path / "site", tmp_path / "pdf"
    page = site / "provinces" / "ilam.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html><article class="bd-article"><h1>Ilam</h1><p>text</p></article></html>')
    pdf = out_dir / "provinces" / "ilam.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF" + b"x" * 2500)
    book = Book.default()
    assert paths.ROOT == book.root
    changed = pb.link_pdfs(site, book, [pb.Printed(pdf, 5, False)], out_dir)
    assert changed == ["provinces/ilam.html"]
    assert ('<h1>Ilam</h1>\n<p class="chapter-pdf"><a class="reference download" href="ilam.pdf" download>'
            'Download this chapter as PDF</a> <span class="chapter-pdf-size">(5 pages, 3 kB)</span></p><p>text</p>'
            ) in page.read_text()
