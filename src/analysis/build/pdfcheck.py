"""Checks of a printed PDF (the book, a province's chapter): what a print shop and a reader need.

:func:`check_pdf` returns one line per problem (an empty list: nothing wrong), each naming the
file and, where it applies, the page (1-based), e.g. ``book.pdf p. 14: no page number``.
:func:`outline` flattens the PDF's bookmarks; :func:`link_counts` counts its links by kind.

What the checks read, as headless Chromium (Skia/PDF) writes a page printed with CSS ``@page``
margin boxes (seen on Chromium 156, ``page.pdf(outline=True, tagged=True)``):

* The margin boxes (running head, page number) are drawn first, each piece of text in a
  ``BT``/``ET`` block of its own (``12``, `` / ``, ``332`` are three blocks); then the page's
  content box is set as a clipping rectangle (``x y w h re W* n``) and the body is drawn in it.
  A page with nothing in its body (a blank page) has no such clip. The *content box* of a
  document is the largest clip rectangle most of a sample of its pages share (every page is
  judged by it). Text outside the content box is *margin text*: the page number is looked for
  there, so that a "Table 3" in the body is not taken for page 3. Without any clip (not a
  Chromium PDF), all text is margin text, and a page is blank if it has no text but page-number
  digits and no graphics.
* Text comes from poppler's ``pdftotext -bbox`` (words with their boxes: 1.5 s for the
  332-page book where pypdf's ``extract_text`` takes 20 s), pypdf's if pdftotext is missing.
  pypdf runs margin boxes on one line into each other (``1 / 5left foot``); the words of the
  margin here are joined by spaces (``1 / 5 left foot``). Graphics (paths, clips, images,
  shadings, form XObjects) are read with pypdf, only on the sample pages and on pages with no
  body text (the candidates for a blank page).
* An outline entry is an ``/XYZ left top zoom`` destination, ``top`` in PDF points from the
  bottom of the page: a chapter heading at the top of a page with 20 mm margins has ``top``
  about 765 of 842 (the heading's top margin below the content box's top, 785).
* A link to ``#anchor`` is a ``/Link`` annotation with ``/Dest /anchor`` (a named destination
  in the catalogue's ``/Dests``); a link to a URL is ``/A << /S /URI /URI (...) >>``. A
  relative link in a page printed from a ``file://`` URL (``href="/work/x.csv"``) becomes an
  absolute ``file:///work/x.csv`` URI.
* A page size of A4 comes out as 594.96 x 841.92 pt (CSS pixels rounded), within 1 pt of A4's
  595.28 x 841.89.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

A4 = (595.28, 841.89)
SIZE_TOLERANCE = 1.0
TOP_SHARE = 0.25  # a chapter's destination must lie in the top quarter of the content box
SAMPLE = 9  # pages whose graphics are read to find the content box
MACHINE_PATHS = ("/home/", "/tmp/", "/work/", "/root/", "_build/")
_DRIVE = re.compile(r"(?<![A-Za-z])[A-Za-z]:\\|^[A-Za-z]:/")  # C:\ (Chromium writes a link to it as c:\)
PAGE_NUMBER = re.compile(r"(?<![\w/.,])(?P<page>\d+)(?:\s*/\s*(?P<pages>\d+))?(?![\w/.,])")
_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH = {b"m", b"l", b"c", b"v", b"y", b"re", b"h"}

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, y upwards


def _mul(m: list[float], n: list[float]) -> list[float]:
    """The matrix product ``m`` x ``n`` (PDF's row-vector convention: apply ``m`` first)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _bbox(points: Iterable[tuple[float, float]]) -> Box | None:
    pts = list(points)
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(x: float, y: float, box: Box, tol: float = 1.0) -> bool:
    return box[0] - tol <= x <= box[2] + tol and box[1] - tol <= y <= box[3] + tol


@dataclass
class _Page:
    """What one page draws: text pieces with their positions, and the boxes of its graphics."""

    width: float
    height: float
    texts: list[tuple[float, float, str]] = field(default_factory=list)  # x, y (baseline start), text
    marks: list[Box] = field(default_factory=list)  # painted paths, images, shadings
    clips: list[Box] = field(default_factory=list)  # rectangular clips


class _Graphics:
    """Follows a content stream's graphics state: painted paths, clips, images, shadings."""

    def __init__(self, page: _Page, resources, reader):
        self.page, self.reader = page, reader
        self.ctm = [1.0, 0, 0, 1.0, 0, 0]
        self.stack: list[list[float]] = []
        self.path: list[tuple[float, float]] = []
        self.rects: list[Box] = []
        self.clip_pending = False
        self.resources = [resources]
        self.depth = 0

    def op(self, operator: bytes, operands) -> None:
        handler = self._HANDLERS.get(operator)
        if handler is not None:
            handler(self, operator, operands)

    def _q(self, operator, operands) -> None:
        self.stack.append(self.ctm)

    def _Q(self, operator, operands) -> None:
        self.ctm = self.stack.pop() if self.stack else self.ctm

    def _cm(self, operator, operands) -> None:
        if len(operands) == 6:
            self.ctm = _mul([float(v) for v in operands], self.ctm)

    def _path(self, operator, operands) -> None:
        nums = [float(v) for v in operands]
        if operator == b"re" and len(nums) == 4:
            x, y, w, h = nums
            corners = [_apply(self.ctm, *p) for p in ((x, y), (x + w, y), (x, y + h), (x + w, y + h))]
            self.path += corners
            self.rects.append(_bbox(corners))
        else:
            self.path += [_apply(self.ctm, nums[i], nums[i + 1]) for i in range(0, len(nums) - 1, 2)]

    def _clip(self, operator, operands) -> None:
        self.clip_pending = True

    def _paint(self, operator, operands) -> None:
        if operator != b"n" and self.path:
            self.page.marks.append(_bbox(self.path))
        if self.clip_pending and len(self.rects) == 1:
            self.page.clips.append(self.rects[0])
        self.path, self.rects, self.clip_pending = [], [], False

    def _square(self, operator, operands) -> None:
        self._unit_square()

    def _do(self, operator, operands) -> None:
        if operands:
            self._xobject(operands[0])

    _HANDLERS = {b"q": _q, b"Q": _Q, b"cm": _cm, b"W": _clip, b"W*": _clip, b"n": _paint, b"sh": _square,
                 b"INLINE IMAGE": _square, b"Do": _do, **dict.fromkeys(_PATH, _path), **dict.fromkeys(_PAINT, _paint)}

    def _unit_square(self) -> None:
        self.page.marks.append(_bbox(_apply(self.ctm, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))))

    def _xobject(self, name) -> None:
        xobjects = (self.resources[-1] or {}).get("/XObject") or {}
        xobj = xobjects.get(name)
        xobj = xobj.get_object() if xobj is not None else None
        if xobj is None or xobj.get("/Subtype") != "/Form" or self.depth > 8:
            self._unit_square()  # an image (or a form we cannot read): drawn content
            return
        from pypdf.generic import ContentStream
        saved = self.ctm
        matrix = [float(v) for v in xobj.get("/Matrix", [1, 0, 0, 1, 0, 0])]
        self.ctm = _mul(matrix, self.ctm)
        self.stack.append(saved)
        self.resources.append(xobj.get("/Resources") or self.resources[-1])
        self.depth += 1
        try:
            for operands, operator in ContentStream(xobj, self.reader).operations:
                self.op(operator, operands)
        finally:
            self.depth -= 1
            self.resources.pop()
            self.ctm = saved
            self.stack.pop()


def _graphics(page, reader, out: _Page) -> None:
    """Add the painted marks and rectangular clips of a pypdf page to ``out``."""
    resources = page.get("/Resources")
    graphics = _Graphics(out, resources.get_object() if resources is not None else None, reader)
    contents = page.get_contents()
    for operands, operator in (contents.operations if contents is not None else []):
        graphics.op(operator, operands)


def _pypdf_texts(page) -> list[tuple[float, float, str]]:
    """The text pieces of a pypdf page with their baseline start (slow: the fallback of
    :func:`_poppler_texts`)."""
    texts = []

    def text(t, cm, tm, font, size):
        if t and t.strip():
            texts.append((*_apply(_mul(list(tm), list(cm)), 0, 0), t))

    page.extract_text(visitor_text=text)
    return texts


_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def _poppler_texts(path: Path, boxes: list) -> list[list[tuple[float, float, str]]] | None:
    """Every page's words and their centres from poppler's ``pdftotext -bbox`` (some fifteen
    times faster than pypdf's text extraction), or None without pdftotext."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    proc = subprocess.run([exe, "-bbox", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=600)
    if proc.returncode != 0:
        return None
    pages = proc.stdout.decode("utf-8", "replace").split("<page ")[1:]
    if len(pages) != len(boxes):
        return None
    out = []
    for chunk, (left, top) in zip(pages, boxes):
        out.append([(left + (float(x0) + float(x1)) / 2, top - (float(y0) + float(y1)) / 2, html.unescape(w))
                    for x0, y0, x1, y1, w in _WORD.findall(chunk)])
    return out


@dataclass
class _Document:
    path: Path
    reader: object
    pages: list[_Page]
    content: Box | None


def _content_box(pages: list[_Page]) -> Box | None:
    """The clip most of the scanned pages draw their body in (see the module's notes)."""
    seen = Counter()
    for p in pages:
        if p.clips:
            c = max(p.clips, key=lambda c: (c[2] - c[0]) * (c[3] - c[1]))
            seen[tuple(round(v, 1) for v in c)] += 1
    return seen.most_common(1)[0][0] if seen else None


def _open(path: Path, text: str = "auto") -> _Document:
    """Read a PDF: its pages' sizes and text, the content box, and the graphics of the pages that
    need them (a sample for the content box, and every page with no text in its body)."""
    from pypdf import PdfReader
    reader = PdfReader(path)
    pages = [_Page(width=float(p.mediabox.width), height=float(p.mediabox.height)) for p in reader.pages]
    texts = _poppler_texts(path, [(float(p.mediabox.left), float(p.mediabox.top)) for p in reader.pages]) \
        if text == "auto" else None
    if texts is None:
        texts = [_pypdf_texts(p) for p in reader.pages]
    for page, t in zip(pages, texts):
        page.texts = t
    scanned: set[int] = set()
    with_text = [i for i, p in enumerate(pages) if p.texts]
    step = max(1, len(with_text) // SAMPLE)
    for i in with_text[::step][:SAMPLE]:
        _graphics(reader.pages[i], reader, pages[i])
        scanned.add(i)
    content = _content_box(pages)
    for i, page in enumerate(pages):
        if i not in scanned and not _body_text(page, content):
            _graphics(reader.pages[i], reader, page)
    return _Document(path, reader, pages, content)


def _margin_text(page: _Page, content: Box | None) -> str:
    """The page's text outside the content box (all of it if none is known), pieces drawn
    apart joined by a space."""
    return re.sub(r"\s+", " ", " ".join(t for x, y, t in page.texts
                                        if content is None or not _inside(x, y, content))).strip()


def _body_text(page: _Page, content: Box | None) -> str:
    """The page's text inside the content box; without one, all text but page-number marks."""
    if content is None:
        return re.sub(r"[\d\s/]+", "", " ".join(t for _, _, t in page.texts))
    return " ".join(t for x, y, t in page.texts if _inside(x, y, content)).strip()


def _has_number(text: str, n: int, total: int, pattern: re.Pattern | str) -> bool:
    if isinstance(pattern, str):
        return re.search(pattern.format(page=n, pages=total), text) is not None
    for m in pattern.finditer(text):
        d = m.groupdict()
        page, pages = int(d["page"]), (int(d["pages"]) if d.get("pages") else None)
        if page == n and pages in (None, total):
            return True
        if pages == n and page == total:  # right to left: "332 / 12"
            return True
    return False


def _blank(page: _Page, content: Box | None) -> bool:
    if _body_text(page, content):
        return False
    if content is None:
        return not page.marks
    inner = (content[0] + 1, content[1] + 1, content[2] - 1, content[3] - 1)
    return not any(m is not None and _overlaps(m, inner) for m in page.marks)


def _outline(reader) -> list[tuple[int, str, int, object]]:
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                try:
                    page = reader.get_destination_page_number(item) + 1
                except Exception:  # noqa: BLE001 - a destination pypdf cannot resolve
                    page = 0
                out.append((level, str(item.title), page, item))

    walk(reader.outline, 1)
    return out


def outline(path: str | Path) -> list[tuple[int, str, int]]:
    """The PDF's outline (bookmarks), flattened in reading order.

    Parameters
    ----------
    path : str or Path
        The PDF file.

    Returns
    -------
    list of (int, str, int)
        ``(level, title, page)`` per entry: level 1 for top-level entries, page 1-based
        (0 if the destination names no page of the document).
    """
    from pypdf import PdfReader
    return [(lvl, title, page) for lvl, title, page, _ in _outline(PdfReader(path))]


def _norm(title: str) -> str:
    """A heading's words for comparison: no section number, permalink sign or extra space."""
    t = unicodedata.normalize("NFKC", title).replace("¶", "").replace("#", " ")
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"^(\d+\.)*\d+\.?\s+", "", t)


def _key(title: str) -> str:
    """What two titles of the same heading share: :func:`_norm` without any whitespace or
    leading section numbers (Chromium's outline titles drop or repeat some: an outline entry
    ``2.3. 2.3. All indicators`` for a heading shown as ``2.3. All indicators``, or
    ``actual(ISIPO 1401)`` for ``actual (ISIPO 1401)``)."""
    t = re.sub(r"^(?:(?:\d+\.)*\d+\.?\s*)+", "", _norm(title))
    return re.sub(r"\s+", "", t).casefold()


def _uris(reader) -> Iterable[tuple[int, str | None, bool]]:
    """Each link annotation as ``(page, URI or None, internal)``."""
    for i, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            action = action.get_object() if action is not None else None
            if action is not None and action.get("/S") == "/URI":
                yield i, str(action.get("/URI")), False
            elif a.get("/Dest") is not None or (action is not None and action.get("/S") == "/GoTo"):
                yield i, None, True
            else:
                yield i, None, False


def _leak(s: str, web: bool = False) -> str | None:
    """What in ``s`` shows the build machine: a ``file:`` URI or a machine path (with
    ``web``, an http(s) or mailto link: only a ``file:`` URI, a web address may well have a
    ``/home/``)."""
    low = s.lower()
    if low.startswith("file:") or "file://" in low:
        return "file: URI"
    if web and low.startswith(("http://", "https://", "mailto:")):
        return None
    if _DRIVE.search(s):
        return "machine path 'C:\\'"
    for p in MACHINE_PATHS:
        if p in s:
            return f"machine path {p!r}"
    return None


def check_pdf(path: str | Path, *, min_outline: int = 1, chapters: list[str] | None = None,
              page_number: re.Pattern | str = PAGE_NUMBER) -> list[str]:
    """Check a printed PDF; one line per problem, an empty list when there is none.

    Checks (each problem line starts ``<file name>:`` or ``<file name> p. N:``; the lines come
    in the order outline, then page by page, then links, document information, chapters):

    1. the file opens as a PDF and has an outline of at least ``min_outline`` entries (all
       levels counted): ``book.pdf: outline has 0 entries, expected at least 1``;
    2. every page's margin text (outside the content box, see the module's notes) shows its
       page number: ``book.pdf p. 14: no page number (expected 14 or 14 / 332 in the margin;
       margin text: 'Running head')``;
    3. no page is blank, i.e. has no text, painted path, image or shading inside the content
       box (margin text alone does not count): ``book.pdf p. 15: blank page``;
    4. no link is a ``file:`` URI, nor a link other than http(s) and mailto names a machine
       path (``/home/``, ``/tmp/``, ``/work/``, ``/root/``, ``_build/``, a drive ``C:\\``), nor
       does the document information name one or contain ``file://``, nor any page's text
       contain ``file://``: ``book.pdf p. 3: link to file:///tmp/x.csv (file: URI)``,
       ``book.pdf: document info /Title contains a machine path '/work/': ...``,
       ``book.pdf p. 9: text contains a file: URI: ...``;
    5. every page is A4, portrait (595.28 x 841.89 pt) or landscape (841.89 x 595.28 pt),
       within 1 pt: ``book.pdf p. 1: page is 612.0 x 792.0 pt, not A4 (595.3 x 841.9)``;
    6. every chapter starts on a new page: the outline entries whose titles are in
       ``chapters`` (compared without section numbers, permalink signs, spaces and case), or
       every top-level entry if ``chapters`` is None, point into the top quarter of their
       page's content box: ``book.pdf p. 2: chapter 'Two' starts 50 % down the page, not at
       its top``; a title of ``chapters`` no outline entry has: ``book.pdf: chapter 'X' is not
       in the outline``.

    Parameters
    ----------
    path : str or Path
        The PDF file.
    min_outline : int
        The fewest outline entries (all levels) the PDF must have.
    chapters : list of str, optional
        Titles of the chapters that must start at the top of a page (default: the top-level
        outline entries).
    page_number : re.Pattern or str
        How a page number reads. A compiled pattern must have a group ``page`` and may have
        a group ``pages``: a match counts if ``page`` is the page's 1-based index and
        ``pages`` (if matched) the page count, or the two the other way round (a right-to-left
        ``332 / 12``). A str is a regular expression formatted with ``{page}`` and ``{pages}``
        first (literal braces doubled). The default reads ``12`` or ``12 / 332`` as a whole
        token, in any script's digits.

    Returns
    -------
    list of str
        The problems, one readable line each.
    """
    path = Path(path)
    name = path.name
    try:
        doc = _open(path)
    except Exception as err:  # noqa: BLE001 - any failure to read is the one problem to report
        return [f"{name}: cannot be read as a PDF: {type(err).__name__}: {err}"]
    reader, problems = doc.reader, []
    total = len(doc.pages)
    if total == 0:
        return [f"{name}: has no pages"]

    entries = _outline(reader)
    if len(entries) < min_outline:
        problems.append(f"{name}: outline has {len(entries)} entries, expected at least {min_outline}")

    content = doc.content
    for n, page in enumerate(doc.pages, 1):
        margin = _margin_text(page, content)
        if not _has_number(margin, n, total, page_number):
            problems.append(f"{name} p. {n}: no page number (expected {n} or {n} / {total} in the margin; "
                            f"margin text: {margin[:80]!r})")
        if _blank(page, content):
            problems.append(f"{name} p. {n}: blank page")
        w, h = page.width, page.height
        if not any(abs(w - a) <= SIZE_TOLERANCE and abs(h - b) <= SIZE_TOLERANCE for a, b in (A4, A4[::-1])):
            problems.append(f"{name} p. {n}: page is {w:.1f} x {h:.1f} pt, not A4 ({A4[0]:.1f} x {A4[1]:.1f})")
        leaked = re.search(r"file://\S*", " ".join(t for _, _, t in page.texts), re.I)
        if leaked:
            problems.append(f"{name} p. {n}: text contains a file: URI: {leaked.group()[:80]!r}")

    for n, uri, _ in _uris(reader):
        if uri is not None and (why := _leak(uri, web=True)):
            problems.append(f"{name} p. {n}: link to {uri} ({why})")
    for key, value in (reader.metadata or {}).items():
        if isinstance(value, str) and (why := _leak(value)):
            problems.append(f"{name}: document info {key} contains a {why}: {value[:80]!r}")

    problems += _chapter_problems(name, doc, entries, chapters)
    return problems


def _chapter_problems(name: str, doc: _Document, entries, chapters: list[str] | None) -> list[str]:
    problems = []
    if chapters is None:
        chosen = [e for e in entries if e[0] == 1]
    else:
        wanted = {_key(c): c for c in chapters}
        chosen = [e for e in entries if _key(e[1]) in wanted]
        found = {_key(e[1]) for e in chosen}
        problems += [f"{name}: chapter {c!r} is not in the outline" for k, c in wanted.items() if k not in found]
    for _level, title, page, dest in chosen:
        if page < 1:
            problems.append(f"{name}: chapter {title!r} points to no page of the document")
            continue
        p = doc.pages[page - 1]
        x0, y0, x1, y1 = doc.content or (0.0, 0.0, p.width, p.height)
        top = dest.get("/Top")
        if top is None:
            problems.append(f"{name} p. {page}: chapter {title!r} has a destination without a position ({dest.typ})")
            continue
        down = (y1 - float(top)) / (y1 - y0)
        if down > TOP_SHARE:
            problems.append(f"{name} p. {page}: chapter {title!r} starts {down * 100:.0f} % down the page, not at its top")
    return problems


def link_counts(path: str | Path, site: str | None = None) -> dict[str, int]:
    """The PDF's link annotations counted by kind.

    Parameters
    ----------
    path : str or Path
        The PDF file.
    site : str, optional
        The published site's base URL (e.g. ``https://example.org/book/``); http(s) links
        starting with it count as ``site``, other http(s) links as ``external``.

    Returns
    -------
    dict
        ``{"internal": n, "site": n, "external": n, "file": n, "other": n}``: ``internal`` are
        links to a place in the PDF (``/Dest`` or a GoTo action), ``file`` are ``file:`` URIs,
        ``other`` any other link (mailto:, a launch action, ...).
    """
    from pypdf import PdfReader
    counts = dict.fromkeys(("internal", "site", "external", "file", "other"), 0)
    for _, uri, internal in _uris(PdfReader(path)):
        low = (uri or "").lower()
        if internal:
            kind = "internal"
        elif site and uri and uri.startswith(site):
            kind = "site"
        elif low.startswith(("http://", "https://")):
            kind = "external"
        elif low.startswith("file:"):
            kind = "file"
        else:
            kind = "other"
        counts[kind] += 1
    return counts


def summary(path: str | Path, site: str | None = None) -> str:
    """One line about a PDF: pages, outline entries, links by kind (or that it cannot be read)."""
    from pypdf import PdfReader
    try:
        reader = PdfReader(path)
    except Exception as err:  # noqa: BLE001 - the summary of a broken file says so
        return f"{Path(path).name}: cannot be read ({type(err).__name__})"
    links = ", ".join(f"{k} {v}" for k, v in link_counts(path, site).items())
    return f"{Path(path).name}: {len(reader.pages)} pages, {len(_outline(reader))} outline entries, links: {links}"


def toc_chapters(html_dir: str | Path | None = None) -> list[str]:
    """The titles of the book's chapters in reading order: the root page and every chapter of
    the table of contents (:func:`analysis.build.jobs.toc`), each title the first ``<h1>`` of
    the chapter's built HTML page.

    Parameters
    ----------
    html_dir : str or Path, optional
        The built HTML book (default: ``_build/html`` of the repository).

    Returns
    -------
    list of str
        The titles as the pages show them (section numbers and permalink signs removed).

    Raises
    ------
    FileNotFoundError
        If a chapter's HTML page is missing (the message names it).
    ValueError
        If a chapter's page has no ``<h1>``.
    """
    from analysis.build.jobs import toc
    from analysis.core import paths
    html_dir = Path(html_dir) if html_dir is not None else paths.BUILD / "html"
    t = toc()
    files = [t["root"]] + [ch["file"] for part in t["parts"] for ch in part["chapters"]]
    titles = []
    for f in files:
        page = html_dir / f"{f}.html"
        if not page.is_file():
            raise FileNotFoundError(f"{page}: no such page of the built book (build the HTML first, or pass --html)")
        m = re.search(r"<h1\b[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        if m is None:
            raise ValueError(f"{page}: no <h1> heading")
        inner = re.sub(r'<a class="headerlink".*?</a>', "", m.group(1), flags=re.S)
        titles.append(_norm(html.unescape(re.sub(r"<[^>]+>", "", inner))))
    return titles
