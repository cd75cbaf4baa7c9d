"""A real browser reads every page of the built book (headless Chromium via Playwright).

One check of the whole site (tests/browser/checks.py) per test session; each test below
asserts one kind of problem away. The summary (pages, seconds, axe findings of minor and
moderate impact) is printed and written to <build>/browser-check.json beside the site.
Marked ``e2e``: it needs the built site and Chromium.
"""
import re

import pytest
from tests.browser import checks

from analysis.build import jobs as book

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def report(built_site, chromium, request):
    rep = checks.check_site(built_site, chromium=chromium)
    out = checks.write_report(rep, built_site.parent / "browser-check.json")
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    for line in [*rep.summary().splitlines(), f"  written to {out}"]:
        (tr.write_line if tr else print)(line)
    return rep


def _listed(problems, limit=60):
    lines = [str(p) for p in problems]
    return lines[:limit] + ([f"... and {len(lines) - limit} more"] if len(lines) > limit else [])


def _toc_pages():
    toc = book.toc()
    return [f"{toc['root']}.html"] + [f"{c['file']}.html" for part in toc["parts"] for c in part["chapters"]]


def test_every_page_of_the_book_is_read(report, built_site):
    assert report.pages == checks.site_pages(built_site)
    missing = [p for p in [*_toc_pages(), "index.html", "search.html", "genindex.html"] if p not in report.pages]
    assert missing == []
    assert len([p for p in report.pages if p.startswith("provinces/")]) == 31
    unread = [p for p in report.pages if not report.requests.get(p) or report.requests[p][0] != p]
    assert unread == [], "pages the browser did not load"


def test_no_console_error_or_uncaught_exception(report):
    assert _listed(report.of_kind("console", "exception")) == []


def test_no_request_leaves_the_site(report):
    assert _listed(report.of_kind("external")) == []
    # and every page (but the redirecting index.html) loaded the book's stylesheet and Persian font
    pages = [p for p in report.pages if not report.facts[p].get("redirect")]
    # (an edition's own _static: fa/_static/... for the Persian pages)
    no_css = [p for p in pages if not any(re.match(r"(fa/)?_static/persian\.css", u) for u in report.requests[p])]
    no_font = [p for p in pages if not any(re.match(r"(fa/)?_static/fonts/Vazirmatn-", u) for u in report.requests[p])]
    assert (no_css, no_font) == ([], [])


def test_no_missing_image_font_or_file(report):
    assert _listed(report.of_kind("request", "image", "font")) == []


def test_vazirmatn_is_loaded_on_every_page_that_shows_persian(report):
    persian = [p for p in report.pages if report.facts[p].get("shows_persian")]
    assert len(persian) >= 31 + 12  # every province and chapter page has a Persian title
    unloaded = [p for p in persian if ("400", "loaded") not in {tuple(v) for v in report.facts[p]["vazirmatn"]}]
    assert unloaded == []


def test_persian_blocks_are_right_to_left(report):
    assert sum(f.get("persian_blocks", 0) for f in report.facts.values()) > 0
    assert _listed(report.of_kind("direction")) == []


def test_numbers_in_a_table_column_line_up(report):
    """In both editions the number cells of a column end at one x (their units digits line up)."""
    assert _listed(report.of_kind("numbers")) == []


def test_internal_links_resolve(report):
    assert _listed(report.of_kind("link")) == []


def test_no_sideways_scroll_on_a_390px_phone(report):
    assert _listed(report.of_kind("overflow")) == []


def test_no_serious_or_critical_accessibility_violation(report):
    assert report.axe_version, "axe-core did not run"
    assert _listed(report.of_kind("axe")) == []
