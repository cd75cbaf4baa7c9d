"""A real browser reads every page of the built site and lists what is wrong.

``check_site(site)`` serves the folder ``site`` (the built HTML book) over HTTP on
127.0.0.1 at a random port, opens every page in headless Chromium (one browser, a few
pages at a time, each page in a fresh context as a first-time reader sees it) and returns
a :class:`Report`: the problems found, every request made, and the axe-core accessibility
findings of minor or moderate impact (serious and critical ones are problems).

Why a local HTTP server and not ``file://``: the site is published over HTTP, and a
``file://`` page is a different kind of origin to Chromium (fonts, ``fetch`` and
``localStorage`` behave differently there); over HTTP "a request to another host" has one
plain meaning, any URL not under the server's ``http://127.0.0.1:<port>/``.

What counts as a problem (``Problem.kind``):

* ``console``: a console message of level error; ``exception``: an uncaught page exception;
* ``external``: a request to anything but the site (it is aborted, never sent);
* ``request``: a request of the site that failed or answered 400 or more (a missing image,
  font, script, ...); ``image``: an ``<img>`` whose ``naturalWidth`` is 0 once loaded;
* ``font``: a page that shows Persian without a loaded Vazirmatn face, or a face that failed;
* ``direction``: a Persian block whose computed ``direction`` is not ``rtl`` (see
  ``PERSIAN_BLOCKS`` below for the definition);
* ``link``: a link into the site whose file does not exist, or whose ``#fragment`` is no
  ``id`` (nor ``<a name>``) of the target page;
* ``numbers``: in a column of a table, the number cells (``td.num``) do not end at the same
  x: their units digits do not line up (digits run left-to-right in both editions, so numbers
  are set to the right of their cells in both);
* ``overflow``: at a 390 px wide phone viewport the page scrolls sideways
  (``scrollWidth`` of ``<html>`` or ``<body>`` greater than ``innerWidth``);
* ``axe``: an axe-core violation of impact serious or critical; colour contrast is checked
  twice, in the theme's light and dark colours (the book follows the reader's colour scheme).

Playwright (Python) drives Debian's Chromium through ``executable_path``: no browser is
downloaded (``playwright install`` is never needed). axe-core comes from the npm package
pinned in package.json (``node_modules/axe-core/axe.min.js``, installed by scripts/setup.sh).
"""
from __future__ import annotations

import asyncio
import functools
import http.server
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from analysis.build.printbook import find_chromium  # the one Chromium lookup: the build prints the PDFs with it

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SERIOUS = ("serious", "critical")

# The Persian blocks whose computed direction must be rtl: every rendered element with
# lang="fa" (or fa-*), and every rendered p, li, dd, dt, td, th, caption, figcaption,
# h1-h6 or blockquote whose text is mostly Persian and starts in Persian:
#   * mostly Persian: more than half of its letters (Unicode category L) are Arabic-script
#     letters, and there are at least two of them (digits and punctuation count neither way);
#   * starts in Persian: its first strong letter is Arabic-script (or Hebrew), found as the
#     Unicode bidi algorithm finds a paragraph's direction (rules P2-P3): text inside
#     isolates (FSI/LRI/RLI ... PDI, <bdi>, elements with a dir attribute) is skipped.
# So "Ilam · \u2068ایلام\u2069", the book's English · Persian pair, is an English block
# (left-to-right by design), while "۱: میوه های گرمسیری (tropical fruit)" is Persian.
# Text inside pre/code/kbd/samp is left out: code stays left-to-right by design.
PERSIAN_BLOCKS = "p, li, dd, dt, td, th, caption, figcaption, h1, h2, h3, h4, h5, h6, blockquote"

# One evaluate() per page: everything the browser knows once the page has loaded.
PAGE_FACTS = r"""
async (blocksSelector) => {
  const imgs = [...document.images];
  for (const im of imgs) if (im.loading === 'lazy') im.loading = 'eager';
  await Promise.all(imgs.map(im => im.complete ? null : new Promise(done => {
    im.addEventListener('load', done, {once: true});
    im.addEventListener('error', done, {once: true});
    setTimeout(done, 10000);
  })));
  const brokenImages = imgs.filter(im => im.naturalWidth === 0)
    .map(im => im.getAttribute('src') || im.outerHTML.slice(0, 160));
  await document.fonts.ready;
  const faces = [...document.fonts].map(f => ({family: f.family.replace(/["']/g, ''), weight: String(f.weight),
                                                 style: f.style, status: f.status}));

  const rendered = el => el.getClientRects().length > 0;
  const shortPath = el => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) { s += '#' + e.id; parts.unshift(s); break; }
      if (e.classList.length) s += '.' + [...e.classList].slice(0, 2).join('.');
      parts.unshift(s);
    }
    return parts.join(' > ');
  };
  const ownText = el => {
    // the element's text without what sits inside pre/code
    const clone = el.cloneNode(true);
    clone.querySelectorAll('pre, code, kbd, samp').forEach(c => c.remove());
    return clone.textContent || '';
  };
  const letters = /\p{L}/gu, arabic = /(?=\p{Script=Arabic})\p{L}/gu;
  const isRtlLetter = ch => /(?=[\p{Script=Arabic}\p{Script=Hebrew}])\p{L}/u.test(ch);
  const isLetter = ch => /\p{L}/u.test(ch);
  const firstStrongRtl = el => {
    // true / false for the first strong letter outside isolates, null if there is none
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: n => n.nodeType === 1 && n !== el && (n.matches('pre, code, kbd, samp, bdi, script, style') || n.hasAttribute('dir'))
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    let depth = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType !== 3) continue;
      for (const ch of n.data) {
        if ('\u2066\u2067\u2068'.includes(ch)) depth++;
        else if (ch === '\u2069') depth = Math.max(0, depth - 1);
        else if (depth === 0 && isLetter(ch)) return isRtlLetter(ch);
      }
    }
    return null;
  };
  const candidates = new Set([...document.querySelectorAll('[lang="fa"], [lang^="fa-"]')]);
  for (const el of document.querySelectorAll(blocksSelector)) candidates.add(el);
  const persianBlocks = [], notRtl = [];
  for (const el of candidates) {
    if (!rendered(el) || el.closest('pre, code')) continue;
    const byLang = /^fa(-|$)/i.test(el.getAttribute('lang') || '');
    const text = ownText(el);
    if (!byLang) {
      const nLetters = (text.match(letters) || []).length, nArabic = (text.match(arabic) || []).length;
      if (!(nArabic >= 2 && 2 * nArabic > nLetters && firstStrongRtl(el) === true)) continue;
    }
    persianBlocks.push(el);
    const dir = getComputedStyle(el).direction;
    if (dir !== 'rtl') {
      const section = el.closest('section[id]'), caption = el.closest('table')?.caption;
      const where = [section ? `section #${section.id}` : '',
                     caption ? `table "${caption.textContent.trim().slice(0, 50)}"` : ''].filter(Boolean).join(', ');
      notRtl.push({element: shortPath(el), direction: dir, lang: el.getAttribute('lang') || '', where,
                   text: text.trim().replace(/\s+/g, ' ').slice(0, 60)});
    }
  }
  // numbers: per table column, the right edge of each number cell's text (tables with merged
  // body cells are left out: a cell's index is then not its column)
  const misaligned = [];
  for (const table of document.querySelectorAll('table')) {
    const cells = [...table.querySelectorAll('td')];
    if (!rendered(table) || cells.some(c => c.rowSpan > 1 || c.colSpan > 1)) continue;
    const cols = new Map();
    for (const cell of cells) {
      if (!cell.classList.contains('num') || !rendered(cell) || !cell.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      if (!rects.length) continue;
      if (!cols.has(cell.cellIndex)) cols.set(cell.cellIndex, []);
      cols.get(cell.cellIndex).push({right: Math.max(...rects.map(r => r.right)), text: cell.textContent.trim()});
    }
    for (const [i, xs] of cols) {
      const lo = xs.reduce((a, b) => a.right <= b.right ? a : b), hi = xs.reduce((a, b) => a.right >= b.right ? a : b);
      if (hi.right - lo.right > 1.5)
        misaligned.push({table: table.caption ? table.caption.textContent.trim().replace(/\s+/g, ' ').slice(0, 50) : shortPath(table),
                         column: i + 1, spread: Math.round(hi.right - lo.right), a: lo.text.slice(0, 20), b: hi.text.slice(0, 20)});
    }
  }
  const body = document.body.innerText || '';
  const showsPersian = ((body.match(arabic) || []).length) >= 2;

  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id)
    .concat([...document.querySelectorAll('a[name]')].map(a => a.getAttribute('name')));
  return {brokenImages, faces, showsPersian, nPersianBlocks: persianBlocks.length, notRtl, misaligned, links, ids,
          lang: document.documentElement.lang};
}
"""

# Sideways scrolling at the phone width, and the outermost elements that stick out.
OVERFLOW = r"""
async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const w = window.innerWidth, html = document.documentElement, body = document.body;
  const out = {innerWidth: w, htmlScrollWidth: html.scrollWidth, bodyScrollWidth: body.scrollWidth, culprits: []};
  if (html.scrollWidth <= w && body.scrollWidth <= w) return out;
  const clips = el => { const s = getComputedStyle(el); return s.overflowX !== 'visible' || s.position === 'fixed'; };
  const all = [...body.querySelectorAll('*')];
  for (const el of all) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 1) continue;
    let p = el.parentElement, inside = false;
    for (; p && p !== body; p = p.parentElement) {
      if (clips(p)) { inside = true; break; }
      const pr = p.getBoundingClientRect();
      if (pr.right > w + 1) { inside = true; break; }  // report the outermost one only
    }
    if (inside) continue;
    const cls = [...el.classList].slice(0, 3).join('.');
    out.culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls ? '.' + cls : ''} right=${Math.round(r.right)}`);
    if (out.culprits.length >= 5) break;
  }
  return out;
}
"""


DARK_CONTRAST = r"""
async () => {
  const html = document.documentElement, before = html.dataset.theme;
  html.dataset.theme = 'dark';
  try {
    const r = await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}, resultTypes: ['violations']});
    return r.violations;
  } finally { html.dataset.theme = before; }
}
"""


@dataclass(frozen=True)
class Problem:
    page: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.page}: [{self.kind}] {self.detail}"


@dataclass
class Report:
    pages: list[str]
    problems: list[Problem]
    axe_minor: dict  # rule id -> {impact, help, helpUrl, nodes, pages}
    requests: dict  # page -> every URL it requested, in order
    seconds: float  # wall-clock time of the whole check
    cpu_seconds: float  # CPU time of this process, the Playwright driver and Chromium, all cores added up
    concurrency: int
    chromium: str
    axe_version: str = ""
    facts: dict = field(default_factory=dict)  # page -> small facts (Persian blocks, fonts) for the summary

    def of_kind(self, *kinds: str) -> list[Problem]:
        return [p for p in self.problems if p.kind in kinds]

    def to_json(self) -> dict:
        d = asdict(self)
        d["problems"] = [asdict(p) for p in self.problems]
        return d

    def summary(self) -> str:
        lines = [f"browser check: {len(self.pages)} pages in {self.seconds:.1f} s, {self.cpu_seconds:.1f} s of CPU "
                 f"({self.concurrency} at a time, {self.chromium}, "
                 f"axe-core {self.axe_version}); {len(self.problems)} problems"]
        kinds: dict[str, int] = {}
        for p in self.problems:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        if kinds:
            lines.append("  problems by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        if self.axe_minor:
            lines.append("  axe findings of minor/moderate impact (not failures):")
            for rule, v in sorted(self.axe_minor.items(), key=lambda kv: (-len(kv[1]["pages"]), kv[0])):
                lines.append(f"    {rule} ({v['impact']}): {v['help']} - {v['nodes']} elements on {len(v['pages'])} pages")
        return "\n".join(lines)


# --- pure helpers ------------------------------------------------------------------------
def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site (both editions: the Persian one is ``fa/``), as paths
    relative to it; Sphinx's own folders (``_static``, ``_sources``, ``_images``,
    ``_downloads``, at either edition's root) hold no pages of the book."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not any(part.startswith("_") for part in p.relative_to(site).parts))


def link_target(site: Path, base: str, href: str) -> tuple[Path, str] | None:
    """Where a link into the site points: (file, fragment); None for a link elsewhere.

    >>> s = Path("/site")
    >>> link_target(s, "http://127.0.0.1:8000/", "http://127.0.0.1:8000/notebooks/a1.html#sec-x")
    (PosixPath('/site/notebooks/a1.html'), 'sec-x')
    >>> link_target(s, "http://127.0.0.1:8000/", "http://127.0.0.1:8000/provinces/?q=1#%D8%A7")
    (PosixPath('/site/provinces/index.html'), 'ا')
    >>> link_target(s, "http://127.0.0.1:8000/", "https://example.org/x.html") is None
    True
    """
    if not href.startswith(base):
        return None
    parts = urlsplit(href)
    rel = unquote(parts.path)[len(urlsplit(base).path):]
    target = site / rel if rel else site
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["']\s*\d+\s*;\s*url=([^"'>]+)["']""", re.I)


def refresh_url(html: str) -> str | None:
    """The URL a ``<meta http-equiv="refresh">`` page sends the reader to (None for a plain page).

    >>> refresh_url('<meta http-equiv="Refresh" content="0; url=notebooks/00_introduction.html" />')
    'notebooks/00_introduction.html'
    >>> refresh_url('<html><p>Refresh</p></html>') is None
    True
    """
    m = REFRESH.search(html[:4000])
    return m[1].strip() if m else None


def ids_in_file(path: Path) -> set[str]:
    """The ids (and ``<a name>``) written in an HTML file, for a target page no browser visited."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return set(re.findall(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", text))


def broken_links(site: Path, base: str, links: dict[str, list[str]], ids: dict[str, set[str]]) -> list[Problem]:
    """Links (page -> hrefs, absolute) into the site that do not resolve: a missing file, or
    a ``#fragment`` that is no id of the target. ``ids`` maps visited pages to their ids."""
    problems, cache = [], {}
    for page, hrefs in links.items():
        seen = set()
        for href in hrefs:
            t = link_target(site, base, href)
            if t is None or href in seen:
                continue
            seen.add(href)
            target, frag = t
            rel = target.relative_to(site).as_posix() if target.is_relative_to(site) else str(target)
            if not target.is_file():
                problems.append(Problem(page, "link", f"{href} -> no file {rel}"))
                continue
            if not frag or target.suffix != ".html":
                continue
            known = ids.get(rel)
            if known is None:
                known = cache.setdefault(rel, ids_in_file(target))
            if frag not in known:
                problems.append(Problem(page, "link", f"{href} -> no id {frag!r} on {rel}"))
    return problems


def summarise_axe(page: str, violations: list[dict], minor: dict) -> list[Problem]:
    """Serious/critical axe violations as problems; the others added to ``minor`` (by rule)."""
    problems = []
    for v in violations:
        nodes = v.get("nodes", [])
        if v.get("impact") in SERIOUS:
            where = "; ".join(" ".join(n.get("target", [])) if isinstance(n.get("target"), list) else str(n.get("target"))
                              for n in nodes[:4])
            more = f" (+{len(nodes) - 4} more)" if len(nodes) > 4 else ""
            problems.append(Problem(page, "axe", f"{v['id']} ({v['impact']}): {v['help']} at {where}{more}"))
        else:
            m = minor.setdefault(v["id"], {"impact": v.get("impact"), "help": v.get("help", ""),
                                           "helpUrl": v.get("helpUrl", ""), "nodes": 0, "pages": []})
            m["nodes"] += len(nodes)
            if page not in m["pages"]:
                m["pages"].append(page)
    return problems


# --- serving ------------------------------------------------------------------------------
# The checker's own script (axe-core) is served beside the site under this path, so that
# Chromium caches its compiled code across pages; it is no request of the site and is left
# out of the records.
TOOL_PATH = "__browser_check__/axe.min.js"


class _Handler(http.server.SimpleHTTPRequestHandler):
    tool: Path | None = None

    def log_message(self, *args):  # the browser records every request; no log on stderr
        pass

    def translate_path(self, path):
        if self.tool is not None and path.split("?")[0] == "/" + TOOL_PATH:
            return str(self.tool)
        return super().translate_path(path)

    def end_headers(self):
        if self.path.startswith("/" + TOOL_PATH):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


@contextmanager
def serve(site: Path, tool: Path | None = None) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at a free port in a thread; yields the base URL.
    ``tool`` (axe.min.js) is served at ``TOOL_PATH``."""
    handler = functools.partial(type("Handler", (_Handler,), {"tool": tool}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="book-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- the browser --------------------------------------------------------------------------
class _Tab:
    """One browser tab that reads pages one after another. Each page is read as on a first
    visit: the tab's storage is cleared after each page. (A tab per page would start a new
    renderer process each time, about three times the CPU of the page load itself.)"""

    def __init__(self, browser, site: Path, base: str, use_axe: bool):
        self.browser, self.site, self.base, self.use_axe = browser, site, base, use_axe
        self.page = None
        self.rec: dict = {}

    async def open(self):
        ctx = await self.browser.new_context(viewport=DESKTOP, locale="en-GB", service_workers="block")
        # Nothing leaves the machine: every request not to the site is aborted (and reported).
        await ctx.route(re.compile("^(?!" + re.escape(self.base) + "|data:|blob:|about:)"),
                        lambda route: route.abort("blockedbyclient"))
        page = await ctx.new_page()
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_failed)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self._problem("exception", str(exc)[:300]))
        self.page = page

    async def close(self):
        if self.page is not None:
            await self.page.context.close()
            self.page = None

    def _problem(self, kind, detail):
        if self.rec:
            self.rec["problems"].append(Problem(self.rec["page"], kind, detail))

    def _ours(self, url: str) -> bool:
        return url.startswith(self.base + TOOL_PATH)

    def _on_request(self, req):
        if not self.rec or self._ours(req.url):
            return
        self.rec["requests"].append(req.url)
        if not req.url.startswith((self.base, "data:", "blob:", "about:")):
            self._problem("external", f"request to {req.url} ({req.resource_type})")

    def _on_failed(self, req):
        if req.url.startswith(self.base):
            self._problem("request", f"{req.url[len(self.base):]} failed: {req.failure}")

    def _on_response(self, resp):
        if resp.status >= 400 and resp.url.startswith(self.base):
            self._problem("request", f"{resp.url[len(self.base):]} answered {resp.status}")

    def _on_console(self, msg):
        if msg.type != "error":
            return
        url = (msg.location or {}).get("url", "")
        where = f" ({url[len(self.base):] if url.startswith(self.base) else url}:{msg.location.get('lineNumber', '')})" if url else ""
        self._problem("console", msg.text[:300] + where)

    async def visit(self, page_path: str) -> dict:
        if self.page is None:
            await self.open()
        page, base, url = self.page, self.base, self.base + page_path
        self.rec = rec = {"page": page_path, "problems": [], "requests": [], "facts": {}}
        facts, times, t = rec["facts"], {}, time.perf_counter()
        try:
            await page.set_viewport_size(DESKTOP)
            redirect = refresh_url((self.site / page_path).read_text(encoding="utf-8", errors="replace"))
            if redirect is not None:  # a <meta http-equiv="refresh"> page: it must lead to a page of the site
                target = urljoin(url, redirect)
                async with page.expect_navigation(url=target, wait_until="load", timeout=30000):
                    await page.goto(url, wait_until="commit", timeout=30000)
                facts.update(links=[target], ids=[], redirect=target[len(base):])
                return rec
            await page.goto(url, wait_until="load", timeout=60000)
            times["load"] = time.perf_counter() - t
            f = await page.evaluate(PAGE_FACTS, PERSIAN_BLOCKS)
            for src in f["brokenImages"]:
                self._problem("image", f"<img src={src!r}> has naturalWidth 0")
            vazir = [x for x in f["faces"] if x["family"] == "Vazirmatn"]
            for x in vazir:
                if x["status"] == "error":
                    self._problem("font", f"Vazirmatn {x['weight']} {x['style']} failed to load")
            if f["showsPersian"] and not any(x["status"] == "loaded" for x in vazir):
                self._problem("font", f"page shows Persian but no Vazirmatn face is loaded ({[(x['weight'], x['status']) for x in vazir]})")
            for b in f["notRtl"]:
                self._problem("direction", f"{b['element']}{' lang=' + b['lang'] if b['lang'] else ''} is {b['direction']}: {b['text']!r}"
                                           + (f" (in {b['where']})" if b["where"] else ""))
            for m in f["misaligned"]:
                self._problem("numbers", f"table {m['table']!r}, column {m['column']}: the numbers end {m['spread']} px apart "
                                         f"({m['a']!r} and {m['b']!r}); their units digits do not line up")
            times["facts"] = time.perf_counter() - t - sum(times.values())
            if self.use_axe:
                await page.add_script_tag(url=base + TOOL_PATH)
                res = await page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                                          " return {version: axe.version, violations: r.violations}; }")
                # The book follows the reader's colour scheme (default_mode auto): colour contrast
                # again with the theme's dark colours, as the theme's own script sets them.
                dark = await page.evaluate(DARK_CONTRAST)
                for v in dark:
                    v["id"] += " [dark mode]"
                facts.update(axe=res["violations"] + dark, axe_version=res["version"])
                times["axe"] = time.perf_counter() - t - sum(times.values())
            await page.set_viewport_size(PHONE)
            o = await page.evaluate(OVERFLOW)
            if o["htmlScrollWidth"] > o["innerWidth"] or o["bodyScrollWidth"] > o["innerWidth"]:
                self._problem("overflow", f"at {o['innerWidth']} px the page is {max(o['htmlScrollWidth'], o['bodyScrollWidth'])} px "
                                          f"wide; sticking out: {', '.join(o['culprits']) or '?'}")
            times["phone"] = time.perf_counter() - t - sum(times.values())
            facts.update(links=f["links"], ids=f["ids"], persian_blocks=f["nPersianBlocks"], shows_persian=f["showsPersian"],
                         vazirmatn=sorted({(x["weight"], x["status"]) for x in vazir}),
                         seconds={k: round(v, 2) for k, v in times.items()})
        except Exception as exc:  # a page that cannot even be read is a problem of that page; start a new tab
            self._problem("exception", f"the check itself failed: {type(exc).__name__}: {exc}"[:400])
            await self.close()
        finally:
            if self.page is not None:
                try:
                    await page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
                except Exception:
                    await self.close()
            self.rec = {}
        return rec


async def _check(site: Path, base: str, pages: list[str], chromium: str, concurrency: int, use_axe: bool):
    from playwright.async_api import async_playwright

    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in pages:
        queue.put_nowait(p)
    results: dict[str, dict] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])

        async def worker():
            tab = _Tab(browser, site, base, use_axe)
            while True:
                try:
                    p = queue.get_nowait()
                except asyncio.QueueEmpty:
                    break
                results[p] = await tab.visit(p)
            await tab.close()

        await asyncio.gather(*(worker() for _ in range(max(1, concurrency))))
        cpu = _cpu_of_tree()  # before the browser exits, while its processes can still be read
        await browser.close()
    return results, cpu


def _cpu_of_tree() -> float:
    """CPU seconds of this process and its live descendants (the Playwright driver, Chromium and
    its helpers, with the processes they have reaped, such as closed pages' renderers)."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for proc in me.children(recursive=True):
        try:
            t = proc.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return total


def check_site(site: Path, pages: list[str] | None = None, *, concurrency: int | None = None,
               chromium: str | None = None, axe_js: Path | None = AXE_JS) -> Report:
    """Open every page of ``site`` (or just ``pages``) in headless Chromium; see the module doc.

    ``axe_js=None`` skips the accessibility scan (used by the checker's own tests)."""
    site = Path(site)
    chromium = chromium or find_chromium()
    if chromium is None:
        raise FileNotFoundError("no Chromium found (tried /usr/lib/chromium/chromium, then chromium on PATH): "
                                "run scripts/setup.sh, which installs Debian's chromium")
    if axe_js is not None and not Path(axe_js).is_file():
        raise FileNotFoundError(f"{axe_js} is missing: run scripts/setup.sh (npm ci installs the pinned axe-core)")
    pages = site_pages(site) if pages is None else list(pages)
    concurrency = concurrency or int(os.environ.get("BOOK_BROWSER_PAGES", "3"))
    t0 = time.perf_counter()
    cpu0 = _cpu_of_tree()
    with serve(site, tool=Path(axe_js) if axe_js is not None else None) as base:
        results, cpu = asyncio.run(_check(site, base, pages, chromium, concurrency, axe_js is not None))
        problems: list[Problem] = []
        minor: dict = {}
        for p in pages:
            r = results[p]
            problems.extend(r["problems"])
            problems.extend(summarise_axe(p, r["facts"].pop("axe", []), minor))
        links = {p: results[p]["facts"].pop("links", []) for p in pages}
        ids = {p: set(results[p]["facts"].pop("ids", [])) for p in pages}
        problems.extend(broken_links(site, base, links, ids))
        # The port changes every run: record requests relative to the site.
        requests = {p: [u[len(base):] if u.startswith(base) else u for u in results[p]["requests"]] for p in pages}
    seconds = time.perf_counter() - t0
    cpu -= cpu0
    axe_version = next((results[p]["facts"].get("axe_version") for p in pages if results[p]["facts"].get("axe_version")), "")
    facts = {p: results[p]["facts"] for p in pages}
    return Report(pages=pages, problems=problems, axe_minor=minor, requests=requests, seconds=round(seconds, 1), cpu_seconds=round(cpu, 1),
                  concurrency=concurrency, chromium=chromium, axe_version=axe_version, facts=facts)


def write_report(report: Report, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=1, default=list), encoding="utf-8")
    return path


if __name__ == "__main__":  # python tests/browser/checks.py [site] : print the summary and the problems
    import sys

    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "_build" / "html")
    rep = check_site(site)
    print(rep.summary())
    for prob in rep.problems:
        print(" ", prob)
    print("written", write_report(rep, site.parent / "browser-check.json"))
