"""The PDF edition: print documents assembled from the built HTML site, printed by Chromium.

The PDF is not a second Sphinx build. Each PDF is one HTML document assembled from the pages
of the HTML build (their ``<article>``), in the book's order, and printed by headless
Chromium through Playwright:

``book.pdf``                  title page, contents with page numbers, every chapter
``provinces/<slug>.pdf``      one per province chapter (a "report card"): a cover, a short
                              methods note, the chapter and the list of its CSV files

Assembly (:func:`book_document`, :func:`province_document`):

- every ``id`` gets the page's prefix (``p-notebooks-02_national--fig-x``), so the anchors of
  45 pages cannot collide, and every link is rewritten: a link to an anchor or a page that is
  in the document jumps inside the PDF; a download (CSV) or a page that is not in it goes
  to the published site when ``html.baseurl`` is set in ``_config.yml`` and is printed as its
  file name when not. No ``file://`` link and no path of the build machine reach the PDF.
- headings move one level down under the part headings (part h1, chapter h2, section h3),
  so the PDF outline (bookmarks, written by Chromium from the headings) nests parts,
  chapters and sections.
- each chapter is a CSS named page (``page: ch-N``): it starts on a new page and its running
  head names it (``@page ch-N { @top-right { content: ... } }``); the page number and the
  page count are in every page's bottom margin box (``book/_static/print.css``).

Page numbers in the contents (:func:`print_all`): Chromium has no ``target-counter()``, so
the book is printed twice in one browser tab. Every contents line links to its heading, and
Chromium writes those links as named destinations; the first print is read with pypdf for
the page of each destination, the numbers are written into the contents (a fixed-width
column, so no line wraps differently) and the book is printed again. The second print's
destinations are checked against the numbers printed.

Metadata (:func:`finish`): title, author, subject, keywords, language and the data version
are written into the PDF's document information with pypdf; the creation date is the
build's ``SOURCE_DATE_EPOCH``.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import html as htmlmod
import json
import logging
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from analysis.build.jobs import Book, BuildError, Job, toc

# pypdf warns about Chromium's trailer /Size (one less than its objects); the file is read fine
logging.getLogger("pypdf").setLevel(logging.ERROR)

PRINT_CSS = "print.css"  # in book/_static, staged into the site's _static/
PREFIX_SEP = "--"
TOC_LEVELS = 2  # the contents lists parts, chapters and their sections (h2 of a chapter page)


# ------------------------------------------------------------------------------ metadata
@dataclass
class Meta:
    """What the title page, the covers and the PDF's document information say."""

    lang: str = "en"
    version: str = ""
    data: str = ""
    epoch: int = 0
    baseurl: str = ""  # the published site (html.baseurl in _config.yml), or "" when unknown
    author: str = ""

    @property
    def date(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.epoch, dt.UTC).date()


def meta(book: Book, epoch: int, lang: str = "en") -> Meta:
    """The book's metadata: versions, build date, the site's base URL and the author."""
    from analysis import __version__
    from analysis.sources.datasets import data_fingerprint
    config = yaml.safe_load(book.config.read_text(encoding="utf-8")) or {}
    baseurl = str((config.get("html") or {}).get("baseurl") or "").strip()
    if baseurl and not re.match(r"https?://", baseurl):
        raise BuildError(f"{book.config}: html.baseurl must start with http:// or https://, not {baseurl!r}")
    return Meta(lang=lang, version=__version__, data=data_fingerprint()[:12], epoch=epoch,
                baseurl=baseurl.rstrip("/") + "/" if baseurl else "", author=str(config.get("author") or ""))


def dates(m: Meta) -> tuple[str, str]:
    """The build date in the Gregorian and the Jalali calendar, as words.

    >>> dates(Meta(epoch=1764633600))
    ('2 December 2025', '11 Azar 1404')
    """
    import jdatetime
    d = m.date
    j = jdatetime.date.fromgregorian(date=d)
    if m.lang == "fa":
        from analysis.core.digits import to_persian_digits
        return (to_persian_digits(f"{d.day} ") + d.strftime("%B") + to_persian_digits(f" {d.year}"),
                to_persian_digits(f"{j.day} ") + jdatetime.date.j_months_fa[j.month - 1] + to_persian_digits(f" {j.year}"))
    return f"{d.day} {d.strftime('%B')} {d.year}", f"{j.day} {jdatetime.date.j_months_en[j.month - 1]} {j.year}"


# ------------------------------------------------------------------------------ pages
@dataclass
class Chapter:
    rel: str  # page path without suffix, e.g. "notebooks/02_national"
    part: str | None  # the caption of the part it opens, if it is the first chapter of a part
    province: str | None = None


def chapters(book: Book, lang: str = "en") -> list[Chapter]:
    """The book's pages in reading order (root first), each with the part it opens (its
    caption in the edition's language)."""
    from analysis.build.editions import caption
    t = toc(book)
    out = [Chapter(t["root"], None)]
    for part in t["parts"]:
        for i, c in enumerate(part["chapters"]):
            out.append(Chapter(c["file"], caption(part["caption"], lang) if i == 0 else None))
    return out


def prefix(rel: str) -> str:
    """The id prefix of a page: ``notebooks/02_national`` -> ``p-notebooks-02_national``."""
    return "p-" + re.sub(r"[^A-Za-z0-9_]+", "-", rel)


def _escape_css(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


@dataclass
class Heading:
    level: int  # 0 part, 1 chapter, 2 section
    title: str
    anchor: str
    number: str = ""


@dataclass
class Document:
    """One print document: its HTML, the contents entries and the files it links to."""

    name: str
    html: str = ""
    headings: list[Heading] = field(default_factory=list)
    toc: bool = False
    title: str = ""
    subject: str = ""
    lang: str = "en"


ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.S)
# the theme's buttons, heading links and screen-only parts: (tag, class) pairs, None = any
SKIP = (("a", "headerlink"), ("button", None), ("script", None), (None, "d-print-none"), (None, "copybtn"))


def read_article(site: Path, rel: str) -> Tag:
    """The ``<article>`` of a built page, without the theme's buttons and heading links (only
    the article is parsed, not the theme's navigation around it)."""
    page = site / f"{rel}.html"
    if not page.is_file():
        raise BuildError(f"the PDF needs {page}, which the HTML build did not write")
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    if found is None:
        raise BuildError(f"{page}: no <article class=\"bd-article\"> (the theme's page layout changed?)")
    article = BeautifulSoup(f"<article>{found.group(1)}</article>", "html.parser").article
    for name, cls in SKIP:
        for el in article.find_all(name or True, class_=cls) if cls else article.find_all(name):
            el.decompose()
    return article


HEADING = re.compile(r"^h([1-6])$")


def _text(el: Tag) -> str:
    return " ".join(el.get_text(" ", strip=True).split())


def _title_parts(h: Tag) -> tuple[str, str]:
    """A heading's section number ("2.1.") and its title."""
    num = h.find("span", class_="section-number")
    number = _text(num).rstrip(".") if num else ""
    if num:
        num.extract()
    title = _text(h)
    if num:
        h.insert(0, num)
    return number, title


def transform(article: Tag, rel: str, in_doc: set[str], m: Meta, texts) -> tuple[str, list[Heading]]:
    """A page's article made part of a print document; returns its HTML and its headings.

    ``in_doc``: the pages (``rel``) the document holds; a link to any other page or to a
    download leaves the PDF (the site, or the printed file name).
    """
    pre = prefix(rel)
    here = posixpath.dirname(rel)
    for el in article.find_all(id=True):
        el["id"] = f"{pre}{PREFIX_SEP}{el['id']}"
    for img in article.find_all("img", src=True):
        src = img["src"]
        if not re.match(r"[a-z]+:", src):
            img["src"] = posixpath.normpath(posixpath.join(here, src))
    for a in article.find_all("a", href=True):
        _relink(a, rel, here, in_doc, m, texts)
    headings = []
    for h in article.find_all(HEADING):
        level = int(h.name[1])
        h.name = f"h{min(level + 1, 6)}"
        if level <= TOC_LEVELS:
            number, title = _title_parts(h)
            anchor = h.get("id") or (h.parent.get("id") if h.parent and h.parent.name == "section" else None)
            if anchor:
                headings.append(Heading(level, title, anchor, number))
    _keep_together(article)
    for table in article.find_all("table"):
        ncol = max((len(tr.find_all(["td", "th"])) for tr in table.find_all("tr")), default=0)
        if len(table.find_all("tr")) <= 10:
            table["class"] = [*table.get("class", []), "print-keep"]  # a short table stays on one page
        if ncol >= 5:
            table["class"] = [*table.get("class", []), "print-full"]  # the column's width: room for text columns
        if ncol >= 8:
            table["class"] = [*table.get("class", []), "print-wide" if ncol < 11 else "print-wider"]
    return "".join(str(c) for c in article.contents), headings


# A number with its separators, decimals, sign and percent sign or a date (1401/12/29,
# 2022-07-31): printed unbroken (a line or cell may wrap before or after it, never inside).
NUMBER = re.compile(r"[-−+]?[0-9۰-۹][0-9۰-۹,.٫٬/\-]*[0-9۰-۹](?:\s?%|\s?٪)?|[0-9۰-۹](?:\s?%|\s?٪)")
BREAKABLE = re.compile(r"[\s/\-−]")
NO_WRAP_IN = {"pre", "code", "script", "style", "title"}


def _keep_together(article: Tag) -> None:
    """Wrap every number (with its percent sign) and date of the text in ``<span class="nw">``."""
    maker = BeautifulSoup("", "html.parser")
    for node in list(article.find_all(string=NUMBER)):
        if any(p.name in NO_WRAP_IN or "nw" in (p.get("class") or []) for p in node.parents if isinstance(p, Tag)):
            continue
        text, pieces, last = str(node), [], 0
        for mt in NUMBER.finditer(text):
            if not BREAKABLE.search(mt.group(0)[1:]):
                continue  # no break opportunity inside (digits, commas, points): nothing to keep together
            span = maker.new_tag("span", attrs={"class": "nw"})
            span.string = mt.group(0)
            pieces += [text[last:mt.start()], span]
            last = mt.end()
        if pieces:
            pieces.append(text[last:])
            node.replace_with(*[p for p in pieces if not isinstance(p, str) or p])


def _relink(a: Tag, rel: str, here: str, in_doc: set[str], m: Meta, texts) -> None:
    href = a["href"]
    if href.startswith("#"):
        a["href"] = f"#{prefix(rel)}{PREFIX_SEP}{href[1:]}" if href[1:] else f"#{prefix(rel)}"
        return
    if re.match(r"(https?|mailto):", href):
        return
    path, _, frag = href.partition("#")
    target = posixpath.normpath(posixpath.join(here, path)) if path else f"{rel}.html"
    page = target[:-5] if target.endswith(".html") else None
    if page in in_doc:
        a["href"] = f"#{prefix(page)}{PREFIX_SEP}{frag}" if frag else f"#{prefix(page)}"
        return
    if m.baseurl:  # the published site
        a["href"] = m.baseurl + target + (f"#{frag}" if frag else "")
        return
    name = posixpath.basename(target)  # no site to link to: the file's name, printed
    del a["href"]
    a.name = "span"
    a["class"] = ["print-offsite"]
    note = texts("pdf.file_note" if page is None else "pdf.page_note", name=name)
    a.append(" ")
    small = BeautifulSoup(f'<small class="print-where">{htmlmod.escape(note)}</small>', "html.parser")
    a.append(small)


ANCHOR = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)
IDS = re.compile(r'\bid="([^"]+)"')


def _check_links(doc_html: str, name: str) -> str:
    """Unwrap in-document links whose target id is missing (e.g. an index entry), so no link
    in the PDF leads nowhere; stop at a ``file:`` link. Returns the HTML."""
    ids = set(IDS.findall(doc_html))

    def fix(m: re.Match) -> str:
        href = m.group(1)
        if href.startswith("file:"):
            raise BuildError(f"{name}: a link to {href} would reach the PDF")
        return m.group(2) if href.startswith("#") and href[1:] not in ids else m.group(0)
    return ANCHOR.sub(fix, doc_html)


def _running_title(title: str) -> str:
    """The running head of a chapter: its title in the edition's language (the English part
    of an "English · Persian" heading in the English edition)."""
    parts = [p.strip(" \u2068\u2069") for p in title.split(" · ")]
    return parts[0] if parts else title


def _page_rule(name: str, head: str, texts, rtl: bool = False) -> str:
    """A chapter's named page: the book's title on the left (on the right in a right-to-left
    edition), the chapter's title on the other side."""
    book, chapter = _escape_css(texts("pdf.running_title")), _escape_css(head)
    left, right = (chapter, book) if rtl else (book, chapter)
    return f'@page {name} {{ @top-left {{ content: "{left}"; }} @top-right {{ content: "{right}"; }} }}\n'


# The Persian edition numbers its pages in Persian digits (CSS counter style "persian")
PERSIAN_PAGES = '@page { @bottom-center { content: counter(page, persian) " / " counter(pages, persian); } }\n'


def _shell(title: str, lang: str, body: str, page_rules: str) -> str:
    direction = "rtl" if lang == "fa" else "ltr"
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            f"<title>{htmlmod.escape(title)}</title>"
            f'<link rel="stylesheet" href="_static/pygments.css">'
            f'<link rel="stylesheet" href="_static/{PRINT_CSS}">'
            f"<style>\n{page_rules}{PERSIAN_PAGES if lang == 'fa' else ''}</style></head>\n<body>\n{body}\n</body></html>\n")


def _texts(lang: str):
    from analysis.core import text

    def say(key: str, **values) -> str:
        return text.t(key, lang, **values)
    return say


def title_page(m: Meta, texts) -> str:
    """The book's title page: English and Persian title, subtitle, sources, versions, date,
    licence and how to cite."""
    from analysis.core import text
    other = "fa" if m.lang == "en" else "en"
    greg, jal = dates(m)
    title = texts("pdf.title")
    return f"""<section class="print-cover" id="print-cover">
<p class="cover-title">{htmlmod.escape(title)}</p>
<p class="cover-title-other" lang="{other}" dir="{'rtl' if other == 'fa' else 'ltr'}">{htmlmod.escape(text.t('pdf.title', other))}</p>
<p class="cover-subtitle">{htmlmod.escape(texts('pdf.subtitle'))}</p>
<p class="cover-sources">{htmlmod.escape(texts('pdf.sources_line'))}</p>
<dl class="cover-facts">
<dd>{htmlmod.escape(texts('pdf.book_version', version=m.version))}</dd>
<dd>{htmlmod.escape(texts('pdf.data_version', data=m.data))}</dd>
<dd>{htmlmod.escape(texts('pdf.built', gregorian=greg, jalali=jal))}</dd>
</dl>
<p class="cover-licence">{htmlmod.escape(texts('pdf.licence'))}</p>
<p class="cover-cite">{htmlmod.escape(texts('pdf.cite', year=m.date.year, title=title, version=m.version, data=m.data))}</p>
</section>
"""


def contents(headings: list[Heading], texts, province_sections: list[str]) -> str:
    """The contents: one line per part, chapter and section, each a link to its heading with
    an empty page-number cell that :func:`print_all` fills."""
    rows = []
    for h in headings:
        rows.append(f'<li class="toc-l{h.level}"><a href="#{h.anchor}" data-dest="{h.anchor}">'
                    f'<span class="toc-num">{htmlmod.escape(h.number)}</span>'
                    f'<span class="toc-title">{htmlmod.escape(h.title)}</span>'
                    f'<span class="toc-page"></span></a></li>')
    note = ""
    if province_sections:
        note = f'<p class="toc-note">{htmlmod.escape(texts("pdf.province_sections", sections=" · ".join(province_sections)))}</p>'
    return (f'<section class="print-contents" id="print-contents"><h2>{htmlmod.escape(texts("pdf.contents"))}</h2>'
            f'<ol class="toc">{"".join(rows)}</ol>{note}</section>\n')


def book_document(site: Path, book: Book, m: Meta) -> Document:
    """The whole book as one print document: title page, contents, every chapter."""
    texts = _texts(m.lang)
    chs = chapters(book, m.lang)
    provinces = {j.out for j in _province_jobs(book)}
    in_doc = {c.rel for c in chs}
    body, rules, headings = [], [], []
    province_sections: list[str] = []
    for n, c in enumerate(chs):
        article = read_article(site, c.rel)
        html, hs = transform(article, c.rel, in_doc, m, texts)
        name = f"ch-{n}"
        chapter_title = hs[0].title if hs else c.rel
        rules.append(_page_rule(name, _running_title(chapter_title), texts, m.lang == "fa"))
        part = ""
        if c.part:
            pid = f"{prefix(c.rel)}{PREFIX_SEP}part"
            part = f'<h1 class="print-part" id="{pid}">{htmlmod.escape(c.part)}</h1>'
            headings.append(Heading(0, c.part, pid))
        is_province = c.rel in provinces
        if is_province and not province_sections:
            province_sections = [h.title for h in hs if h.level == 2]
        headings += [h for h in hs if not (is_province and h.level == 2)]
        body.append(f'<section class="print-chapter" id="{prefix(c.rel)}" style="page: {name}">{part}{html}</section>')
    cover = title_page(m, texts)
    toc_html = contents(headings, texts, province_sections)
    rules.append(_page_rule("front", texts("pdf.contents"), texts, m.lang == "fa"))
    doc = _shell(texts("pdf.title"), m.lang, cover + toc_html + "\n".join(body), "".join(rules))
    doc = _check_links(doc, "book.pdf")
    return Document("book", doc, headings, toc=True, title=texts("pdf.title"), subject=texts("pdf.subject"), lang=m.lang)


def _site_link(m: Meta, target: str) -> str:
    """`` <a href="https://site/_downloads/…">https://site/_downloads/…</a>`` when the book has a
    published site, else nothing (the file name alone is printed)."""
    if not m.baseurl:
        return ""
    url = htmlmod.escape(m.baseurl + target)
    return f' <a class="print-url" href="{url}">{url}</a>'


def _province_jobs(book: Book) -> list[Job]:
    from analysis.build.jobs import jobs
    return [j for j in jobs(book) if j.province]


def province_document(site: Path, book: Book, job: Job, m: Meta) -> Document:
    """One province chapter as a report card: cover, methods note, the chapter, its CSVs."""
    from analysis.core import provinces
    texts = _texts(m.lang)
    p = provinces.get(job.province)
    article = read_article(site, job.out)
    here = posixpath.dirname(job.out)
    downloads = sorted({(posixpath.basename(a["href"]), posixpath.normpath(posixpath.join(here, a["href"])))
                        for a in article.find_all("a", href=True) if "_downloads/" in a["href"]})
    html, hs = transform(article, job.out, {job.out}, m, texts)
    name_en, name_fa = p.key, p.fa  # the registry's key is the province's English name
    first, second, second_lang = (name_fa, name_en, "en") if m.lang == "fa" else (name_en, name_fa, "fa")
    title = hs[0].title if hs else p.key
    cover = f"""<section class="print-cover province-cover" id="print-cover">
<p class="cover-kicker">{htmlmod.escape(texts('pdf.cover_kicker'))}</p>
<p class="cover-title">{htmlmod.escape(first)}</p>
<p class="cover-title-other" lang="{second_lang}" dir="{'rtl' if second_lang == 'fa' else 'ltr'}">{htmlmod.escape(second)}</p>
<p class="cover-subtitle">{htmlmod.escape(texts('pdf.iso', code=p.iso))}</p>
<p class="cover-sources">{htmlmod.escape(texts('pdf.cover_from', title=texts('pdf.title')))}</p>
<dl class="cover-facts">
<dd>{htmlmod.escape(texts('pdf.book_version', version=m.version))}</dd>
<dd>{htmlmod.escape(texts('pdf.data_version', data=m.data))}</dd>
<dd>{htmlmod.escape(texts('pdf.built', gregorian=dates(m)[0], jalali=dates(m)[1]))}</dd>
</dl>
<h2 class="cover-methods" id="print-methods">{htmlmod.escape(texts('pdf.methods_title'))}</h2>
<p class="cover-note">{htmlmod.escape(texts('pdf.methods_note'))}</p>
<p class="cover-licence">{htmlmod.escape(texts('pdf.licence'))}</p>
</section>
"""
    files = "".join(f"<li><code>{htmlmod.escape(name)}</code>{_site_link(m, url)}</li>" for name, url in downloads)
    data = (f'<section class="print-data" id="print-data"><h3>{htmlmod.escape(texts("pdf.data_title"))}</h3>'
            f'<p>{htmlmod.escape(texts("pdf.data_intro"))}</p><ul>{files}</ul></section>')
    rule = _page_rule("ch-0", _running_title(title), texts, m.lang == "fa")
    body = cover + f'<section class="print-chapter" id="{prefix(job.out)}" style="page: ch-0">{html}{data}</section>'
    doc = _shell(f"{_running_title(title)} · {texts('pdf.title')}", m.lang, body, rule)
    doc = _check_links(doc, f"{job.out}.pdf")
    return Document(job.out, doc, hs, toc=False, title=f"{_running_title(title)} · {texts('pdf.title')}",
                    subject=texts("pdf.subject_province", province=first), lang=m.lang)


# ------------------------------------------------------------------------------ printing
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium",)  # Debian's binary; /usr/bin/chromium is a wrapper script
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    """The Chromium binary to drive: ``$BOOK_CHROMIUM``, then Debian's real binary (Playwright
    cannot drive the ``/usr/bin/chromium`` wrapper script), then one on PATH; None if none."""
    env = os.environ.get("BOOK_CHROMIUM")
    for c in ((env,) if env else ()) + CHROMIUM_CANDIDATES:
        if c and os.access(c, os.X_OK):
            return c
    return next((exe for exe in map(shutil.which, CHROMIUM_NAMES) if exe), None)


def browser_executable() -> str:
    """:func:`find_chromium`, or a :class:`BuildError` saying how to install it."""
    exe = find_chromium()
    if exe is None:
        raise BuildError("headless Chromium not found: run scripts/setup.sh (installs Debian's chromium)")
    return exe


def destinations(pdf: bytes) -> dict[str, int]:
    """The 1-based page of every named destination of a PDF Chromium printed (the anchors
    that a link of the document points to)."""
    import io

    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out = {}
    for name, dest in reader.named_destinations.items():
        page = reader.get_destination_page_number(dest)
        if page is not None and page >= 0:
            out[name.lstrip("/")] = page + 1
    return out


# Chromium's Page.printToPDF as Playwright's page.pdf(outline=True, tagged=True, prefer_css_page_size=True,
# print_background=True) sends it (the @page rules of print.css give the size and margins)
PDF_OPTIONS = {"generateDocumentOutline": True, "generateTaggedPDF": True, "preferCSSPageSize": True,
               "printBackground": True, "landscape": False, "displayHeaderFooter": False, "scale": 1,
               "paperWidth": 8.5, "paperHeight": 11, "marginTop": 0, "marginBottom": 0, "marginLeft": 0,
               "marginRight": 0, "pageRanges": ""}
# The contents' first print: the same layout (the final print's pages are checked against it) at
# less than half the time: hidden images are not encoded, and there is no structure tree or outline
DRAFT_OPTIONS = {**PDF_OPTIONS, "generateDocumentOutline": False, "generateTaggedPDF": False}
CHUNK = 1 << 20  # bytes of the PDF read from Chromium at a time


async def print_pdf(cdp, options: dict) -> bytes:
    """The PDF of a tab, read from Chromium in chunks (:data:`CHUNK`) over the tab's own
    DevTools session ``cdp``: Playwright's ``page.pdf`` hands the whole file through its driver
    in one message, and the driver's memory then stays that much larger for the rest of the run
    (a book's PDF is about 19 MB)."""
    import base64
    stream = (await cdp.send("Page.printToPDF", {**options, "transferMode": "ReturnAsStream"}))["stream"]
    data = bytearray()
    try:
        while True:
            part = await cdp.send("IO.read", {"handle": stream, "size": CHUNK})
            data += base64.b64decode(part["data"]) if part.get("base64Encoded") else part["data"].encode("latin-1")
            if part.get("eof"):
                return bytes(data)
    finally:
        await cdp.send("IO.close", {"handle": stream})


DRAFT = """(on) => { const old = document.getElementById('print-draft'); if (old) old.remove();
  if (on) { const s = document.createElement('style'); s.id = 'print-draft';
    s.textContent = 'img { visibility: hidden !important; }'; document.head.appendChild(s); } }"""
# The text of every heading Chromium makes a bookmark of (the rendered ones), in order
HEADINGS = """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
  .filter(h => h.getClientRects().length > 0).map(h => h.textContent.replace(/\\s+/g, ' ').trim())"""
FILL_TOC = """(pages) => { const fa = document.documentElement.lang === 'fa';
  const digits = (s) => fa ? s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]) : s;
  for (const a of document.querySelectorAll('a[data-dest]')) {
    const n = pages[a.dataset.dest]; a.querySelector('.toc-page').textContent = n ? digits(String(n)) : ''; } }"""


async def _print_one(page, cdp, site: Path, doc: Document, out: Path, m: Meta, timeout_ms: int) -> int:
    """Print one document in the browser tab ``page`` (twice for a document with contents),
    through the tab's DevTools session ``cdp``; returns the page count."""
    page_file = site / f"_print-{doc.name.replace('/', '-')}.html"
    page_file.write_text(doc.html, encoding="utf-8")
    try:
        await page.goto(page_file.as_uri(), wait_until="load", timeout=timeout_ms)
        await page.evaluate("document.fonts.ready.then(() => true)")
        if doc.toc:  # a first print only to learn the pages: images hidden (their boxes kept), no tags, no bookmarks
            await page.evaluate(DRAFT, True)
            data = await print_pdf(cdp, DRAFT_OPTIONS)
            await page.evaluate(DRAFT, False)
        else:
            data = await print_pdf(cdp, PDF_OPTIONS)
        if doc.toc:
            wanted = [h.anchor for h in doc.headings]
            for _ in range(3):  # the numbers take a fixed-width column: the next print agrees
                pages = destinations(data)
                missing = [a for a in wanted if a not in pages]
                if missing:
                    raise BuildError(f"{out.name}: the contents' links to {', '.join(missing[:3])} have no page in the PDF")
                await page.evaluate(FILL_TOC, {a: pages[a] for a in wanted})
                data = await print_pdf(cdp, PDF_OPTIONS)
                again = destinations(data)
                if all(again.get(a) == pages[a] for a in wanted):
                    break
            else:
                raise BuildError(f"{out.name}: the contents' page numbers did not settle after three prints")
        titles = await page.evaluate(HEADINGS)
    finally:
        page_file.unlink(missing_ok=True)
    if not data.startswith(b"%PDF") or len(data) < 1000:
        raise BuildError(f"Chromium printed no valid PDF for {out.name}")
    return finish(data, out, doc, m, titles)


def _pdf_string(value: str) -> bytes:
    """A PDF text string: ASCII literal (escaped), else UTF-16BE with a byte order mark."""
    if value.isascii():
        return b"(" + value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii") + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _outline_items(reader) -> list:
    """The outline's items (indirect references) in document order (depth first)."""
    root = reader.trailer["/Root"]
    if "/Outlines" not in root:
        return []
    items, stack = [], []
    node = root["/Outlines"].get_object().get("/First")
    while node is not None or stack:
        if node is None:
            node = stack.pop()
            continue
        items.append(node)
        obj = node.get_object()
        if "/Next" in obj:
            stack.append(obj.raw_get("/Next"))
        node = obj.raw_get("/First") if "/First" in obj else None
    return items


def with_info(data: bytes, info: dict[str, str], titles: list[str] | None = None) -> bytes:
    """The PDF with its document information replaced and, given ``titles`` (one per outline
    item, in document order), its bookmarks' titles set, as an incremental update: new
    objects, an xref section and a trailer appended, nothing rewritten, so the outline, the
    links and the tagged structure stay as Chromium wrote them.

    Chromium 156 writes the text of a heading that starts a page twice into its bookmark
    ("ContentsContents"); the document's own heading texts replace them."""
    import io

    import pypdf
    from pypdf.generic import TextStringObject
    reader = pypdf.PdfReader(io.BytesIO(data))
    size = int(reader.trailer["/Size"])
    root = reader.trailer.raw_get("/Root")
    prev = re.findall(rb"startxref\s+(\d+)\s+%%EOF", data[-2048:])
    if not prev:
        raise BuildError("the PDF Chromium printed has no startxref: cannot add its document information")
    objects: list[tuple[int, bytes]] = []
    if titles is not None:
        items = _outline_items(reader)
        if len(items) != len(titles):
            raise BuildError(f"the PDF has {len(items)} bookmarks for {len(titles)} headings")
        for ref, title in zip(items, titles, strict=True):
            obj = ref.get_object()
            if obj.get("/Title") == title:
                continue
            obj[pypdf.generic.NameObject("/Title")] = TextStringObject(title)
            buf = io.BytesIO()
            obj.write_to_stream(buf)
            objects.append((ref.idnum, buf.getvalue()))
    body = b" ".join(b"/" + k.encode("ascii") + b" " + _pdf_string(v) for k, v in info.items())
    objects.append((size, b"<< " + body + b" >>"))
    update, xref = bytearray(b"\n"), bytearray(b"xref\n")
    for num, raw in objects:
        xref += b"%d 1\n%010d 00000 n \n" % (num, len(data) + len(update))
        update += b"%d 0 obj\n%s\nendobj\n" % (num, raw)
    start = len(data) + len(update)
    update += xref + b"trailer\n<< /Size %d /Root %d %d R /Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size + 1, root.idnum, root.generation, size, int(prev[-1]), start)
    return data + bytes(update)


def finish(data: bytes, out: Path, doc: Document, m: Meta, titles: list[str] | None = None) -> int:
    """Write the PDF with its document information (title, author, subject, keywords, the
    book and data versions; the dates are the build's epoch); returns its page count."""
    stamp = dt.datetime.fromtimestamp(m.epoch, dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    texts = _texts(m.lang)
    data = with_info(data, {"Title": doc.title, "Author": m.author, "Subject": doc.subject,
                            "Keywords": texts("pdf.keywords"), "Creator": "analysis.build.printbook (headless Chromium)",
                            "Producer": "Skia/PDF", "CreationDate": stamp, "ModDate": stamp,
                            "BookVersion": m.version, "DataVersion": m.data}, titles)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    return _pages(out)


def document_hash(doc: Document, site: Path, m: Meta) -> str:
    """What a PDF is made of: its HTML, the stylesheets and the images it shows (Sphinx names
    images by their content, but the hash reads them anyway), and the metadata."""
    h = hashlib.sha256(doc.html.encode("utf-8"))
    for name in (PRINT_CSS, "pygments.css"):
        f = site / "_static" / name
        h.update(f.read_bytes() if f.exists() else b"")
    for src in sorted(set(re.findall(r'<img[^>]+src="([^"]+)"', doc.html))):
        f = site / src
        h.update(src.encode() + (f.read_bytes() if f.is_file() else b""))
    h.update(json.dumps([doc.title, doc.subject, m.version, m.data, m.epoch, m.author]).encode())
    return h.hexdigest()


@dataclass
class Printed:
    path: Path
    pages: int
    reused: bool  # its document had not changed: the PDF of an earlier build was kept


@dataclass
class PrintJob:
    """One PDF to print: its document, where it goes, the built site its images and
    stylesheets are read from, and the edition's metadata."""

    doc: Document
    out: Path
    site: Path
    meta: Meta


def print_all(site: Path, docs: list[tuple[Document, Path]], m: Meta, parallel: int = 4,
              timeout: int = 300) -> list[Printed]:
    """Print every document of one site to its PDF (:func:`print_jobs`), in the order given."""
    return print_jobs([PrintJob(doc, out, site, m) for doc, out in docs], parallel, timeout)


def print_jobs(jobs: list[PrintJob], parallel: int = 2, timeout: int = 300) -> list[Printed]:
    """Print every job to its PDF in one browser: the documents with contents (books: long,
    printed twice, the most memory) one at a time and alone, then the others ``parallel`` tabs
    at a time (:func:`_print_many`); returns them in the order given. A PDF whose
    ``<name>.pdf.sha256`` beside it holds its document's hash (:func:`document_hash`) was
    printed from the same document: it is kept, not printed."""
    todo, done = [], []
    for job in jobs:
        key = document_hash(job.doc, job.site, job.meta)
        stamp = job.out.with_name(job.out.name + ".sha256")
        if job.out.is_file() and stamp.is_file() and stamp.read_text().strip() == key:
            done.append(Printed(job.out, _pages(job.out), True))
        else:
            stamp.unlink(missing_ok=True)
            todo.append((job, stamp, key))
    if todo:
        done += asyncio.run(_print_many(todo, parallel, timeout))
    order = {job.out: i for i, job in enumerate(jobs)}
    return sorted(done, key=lambda p: order[p.path])


def release_memory() -> None:
    """Give back to the system what reading a book's PDF (pypdf: many small objects) left free
    in this process: without it the process stays about 120 MB larger for the next book."""
    import ctypes
    import gc
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _pages(pdf: Path) -> int:
    import pypdf
    return len(pypdf.PdfReader(pdf).pages)


async def _print_many(todo, parallel: int, timeout: int) -> list[Printed]:
    """The books first, one after the other and nothing beside them, each in a browser context
    of its own (a renderer of its own: a book's tab holds its whole layout, and a renderer
    reused from the last book starts that much larger); then the cards, ``parallel`` tabs each
    going on from one card to the next (half the time a new tab takes: its renderer, fonts and
    styles are there). Printing the cards beside a book was 4-8 s faster on two cores, and its
    peak memory 200-300 MB higher (``benchmarks/benchmark.py``)."""
    from playwright.async_api import async_playwright
    books = [t for t in todo if t[0].doc.toc]
    cards = [t for t in todo if not t[0].doc.toc]
    done: list[Printed] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=browser_executable(),
                                          args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            async def tab(queue: list) -> None:
                page = None
                try:
                    while queue:
                        job, stamp, key = queue.pop(0)
                        if page is None:  # a context of its own: a renderer of its own, not the last book's
                            page = await (await browser.new_context()).new_page()
                            cdp = await page.context.new_cdp_session(page)
                        pages = await asyncio.wait_for(_print_one(page, cdp, job.site, job.doc, job.out, job.meta,
                                                                  timeout * 1000), timeout)
                        stamp.write_text(key)
                        done.append(Printed(job.out, pages, False))
                        if job.doc.toc:  # a book's tab holds its whole layout: a new tab for what comes next
                            await page.context.close()
                            page = None
                            release_memory()
                finally:
                    if page is not None:
                        await page.context.close()
            await tab(books)  # alone: a book's final print is the build's largest memory
            await asyncio.gather(*(tab(cards) for _ in range(max(1, min(parallel, len(cards))))))
            return done
        finally:
            await browser.close()


# ------------------------------------------------------------------------------ the build's step
def make(site: Path, book: Book, epoch: int, out_dir: Path, quiet: bool = False, lang: str = "en",
         provinces: bool = True) -> list[Printed]:
    """The PDF edition of a built HTML site: ``out_dir/book.pdf`` and, with ``provinces``,
    ``out_dir/provinces/<slug>.pdf``; PDFs of documents no longer in the book are deleted.
    Returns what was printed or kept, the book first."""
    return make_editions({lang: site}, book, epoch, {lang: out_dir}, quiet, provinces)[lang]


def make_editions(sites: dict[str, Path], book: Book, epoch: int, out_dirs: dict[str, Path], quiet: bool = False,
                  provinces: bool = True) -> dict[str, list[Printed]]:
    """:func:`make` for several editions (``{lang: built site}``) in one browser: the books,
    then the province cards of all editions (:func:`print_jobs`)."""
    import sys
    import time
    t = time.perf_counter()
    jobs: dict[str, list[PrintJob]] = {}
    for lang, site in sites.items():
        m = meta(book, epoch, lang)
        out_dir = out_dirs[lang]
        jobs[lang] = [PrintJob(book_document(site, book, m), out_dir / "book.pdf", site, m)]
        if provinces:
            jobs[lang] += [PrintJob(province_document(site, book, j, m), out_dir / f"{j.out}.pdf", site, m)
                           for j in _province_jobs(book)]
        wanted = {j.out for j in jobs[lang]} | {j.out.with_name(j.out.name + ".sha256") for j in jobs[lang]}
        if out_dir.exists():
            for f in out_dir.rglob("*"):
                if f.is_file() and f not in wanted:
                    f.unlink()
    assembled = time.perf_counter() - t
    printed = print_jobs([j for lang in jobs for j in jobs[lang]])
    by_out = {p.path: p for p in printed}
    out = {lang: [by_out[j.out] for j in jobs[lang]] for lang in jobs}
    if not quiet:
        for lang, done in out.items():
            fresh = [p for p in done if not p.reused]
            print(f"  PDF ({lang}): {len(done)} file(s), {len(fresh)} printed, {len(done) - len(fresh)} unchanged; "
                  f"book {done[0].pages} pages", file=sys.stderr)
        print(f"  PDF: assembled in {assembled:.1f} s, {time.perf_counter() - t:.1f} s in all", file=sys.stderr)
    return out


def _size(n: int, lang: str = "en") -> str:
    """A file size in the edition's words and digits.

    >>> _size(310_000), _size(12_891_326), _size(12_891_326, "fa")
    ('310 kB', '12.9 MB', '۱۲٫۹ مگابایت')
    """
    from analysis.core import text
    from analysis.report.display import fixed
    with text.language_as(lang):
        if n >= 1e6:
            return text.t("pdf.mb", lang, n=fixed(n / 1e6, 1))
        return text.t("pdf.kb", lang, n=fixed(max(1, round(n / 1e3)), 0))


def _plain(n: int, lang: str) -> str:
    from analysis.core import text
    from analysis.report.display import plain
    with text.language_as(lang):
        return plain(n)


def link_pdfs(site: Path, book: Book, printed: list[Printed], out_dir: Path, lang: str = "en") -> list[str]:
    """Put a download link to its PDF under the heading of the pages that have one: the book's
    PDF on the root page, a province's PDF on its chapter. Returns the pages changed."""
    texts = _texts(lang)
    root = toc(book)["root"]
    changed = []
    for p in printed:
        rel = p.path.relative_to(out_dir).with_suffix("").as_posix()
        page = site / f"{root if rel == 'book' else rel}.html"
        if not page.is_file():
            continue
        href = posixpath.relpath(p.path.relative_to(out_dir).as_posix(), posixpath.dirname(f"{root if rel == 'book' else rel}") or ".")
        words = texts("pdf.download_book" if rel == "book" else "pdf.download_chapter")
        link = (f'<p class="chapter-pdf"><a class="reference download" href="{htmlmod.escape(href)}" download>'
                f'{htmlmod.escape(words)}</a> <span class="chapter-pdf-size">'
                f'{htmlmod.escape(texts("pdf.size_note", pages=_plain(p.pages, lang), size=_size(p.path.stat().st_size, lang)))}</span></p>')
        text = page.read_text(encoding="utf-8")
        start = text.find('<article class="bd-article">')
        end = text.find("</h1>", start)
        if start < 0 or end < 0:
            raise BuildError(f"{page}: no chapter heading to put the PDF link under")
        page.write_text(text[:end + 5] + "\n" + link + text[end + 5:], encoding="utf-8")
        changed.append(page.relative_to(site).as_posix())
    return changed
