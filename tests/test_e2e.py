"""End to end: the whole book, HTML and PDF, built as the README's build command does.

Slow (minutes); marked ``e2e`` and run once by scripts/test.sh (and so by CI).
"""
import re
import shutil
import subprocess
import sys

import pytest

from analysis.build import jobs as book
from analysis.core import paths, provinces

pytestmark = pytest.mark.e2e

# What makes a browser fetch something: resources in tags, CSS url() and @import.
# A plain <a href="https://..."> hyperlink is not a request.
EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?(?:src|href|data)\s*=\s*["'](?:https?:)?//"""
                      r"""|url\(\s*["']?(?:https?:)?//|@import\s+(?:url\()?["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def built(seeds_available):
    proc = subprocess.run([sys.executable, "-m", "analysis", "build"], cwd=paths.ROOT,
                          capture_output=True, text=True, timeout=3000)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return paths.BUILD / "html", paths.BUILD / "pdf" / "book.pdf"


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
    assert "failed to build" not in text
    assert "downloads" in text or "_downloads" in text


# A raw missing value or Python repr as the whole text of a cell or element, or next to a
# percent sign ("nan %"); prose such as "None of the 42 parks" or a cluster called
# "nan-e berenji" is fine.
RAW = re.compile(r">\s*(?:nan|NaN|None|NaT|&lt;NA&gt;|<NA>)\s*(?:%\s*)?<|\bnan ?%|Traceback \(most recent call last\)")
# Arabic presentation forms are what a reshaper emits instead of letters a font can join
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def test_no_chapter_shows_raw_values_tracebacks_or_unshaped_persian(built):
    html, _ = built
    pages = [html / f"{c['file']}.html" for part in book.toc()["parts"] for c in part["chapters"]]
    pages.append(html / f"{book.toc()['root']}.html")
    bad = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for pat in (RAW, PRESENTATION_FORMS):
            m = pat.search(text)
            if m:
                bad.append(f"{page.relative_to(html)}: {text[max(0, m.start() - 80):m.end() + 40]!r}")
        if "Traceback" in text or "failed to build" in text:
            bad.append(f"{page.relative_to(html)}: traceback or failed chapter")
    assert bad == []


def test_no_request_leaves_the_site(built):
    html, _ = built
    offenders = []
    for f in [*html.rglob("*.html"), *html.rglob("*.css")]:
        text = f.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{f.relative_to(html)}: {m.group(0)[:140]}" for m in EXTERNAL.finditer(text)]
    assert offenders == []


def test_pdf_has_every_chapter(built):
    _, pdf = built
    assert pdf.exists()
    if not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 31 + 10
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for p in provinces.registry():
        assert p.key in text, p.key


def test_noop_rebuild_skips_everything(built):
    proc = subprocess.run([sys.executable, "-m", "analysis", "build"], cwd=paths.ROOT, capture_output=True, text=True)
    assert proc.returncode == 0
    assert "0 executed" in proc.stdout and "book unchanged" in proc.stdout
