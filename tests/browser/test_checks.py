"""The browser checker itself: its pure parts (fast), and one run of Chromium on a tiny site
made here with one clean page and one page with every kind of problem (``e2e``)."""
import shutil

import pytest
from tests.browser import checks

from analysis.core import paths

BASE = "http://127.0.0.1:8000/"


def _site(tmp_path, files):
    for name, text in files.items():
        f = tmp_path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return tmp_path


def test_site_pages_leaves_out_sphinx_folders(tmp_path):
    site = _site(tmp_path, {"index.html": "", "a/b.html": "", "_static/x.html": "", "_sources/y.html": "", "c.txt": ""})
    assert checks.site_pages(site) == ["a/b.html", "index.html"]


def test_broken_links_finds_missing_files_and_fragments(tmp_path):
    site = _site(tmp_path, {"a.html": '<h1 id="top">x</h1>', "d/index.html": '<a name="old">', "f.csv": "1"})
    links = {"a.html": [BASE + "a.html#top", BASE + "d/#old", BASE + "f.csv", "https://example.org/z.html#q",
                        BASE + "a.html#nope", BASE + "gone.html", BASE + "d/index.html#new", BASE + "gone.html"]}
    found = [(p.page, p.detail) for p in checks.broken_links(site, BASE, links, {"a.html": {"top"}})]
    assert found == [("a.html", f"{BASE}a.html#nope -> no id 'nope' on a.html"),
                     ("a.html", f"{BASE}gone.html -> no file gone.html"),
                     ("a.html", f"{BASE}d/index.html#new -> no id 'new' on d/index.html")]


def test_summarise_axe_splits_by_impact():
    violations = [{"id": "image-alt", "impact": "critical", "help": "Images must have alternative text",
                   "nodes": [{"target": ["img"]}]},
                  {"id": "region", "impact": "moderate", "help": "Content in landmarks", "nodes": [{}, {}]}]
    minor = {}
    problems = checks.summarise_axe("p.html", violations, minor)
    assert [(p.kind, p.detail) for p in problems] == [("axe", "image-alt (critical): Images must have alternative text at img")]
    checks.summarise_axe("q.html", violations[1:], minor)
    assert minor["region"]["nodes"] == 4 and minor["region"]["pages"] == ["p.html", "q.html"]


# --- one real run --------------------------------------------------------------------------
HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>@font-face {{ font-family: "Vazirmatn"; src: url("fonts/Vazirmatn-Regular.woff2") format("woff2"); font-weight: 400; }}
body {{ font-family: "Vazirmatn", sans-serif; }} [lang="fa"] {{ direction: rtl; }}
.panel {{ background: #fff; color: #222; }} html[data-theme="dark"] .panel {{ color: #ddd; }}</style></head><body><main>"""

GOOD = HEAD.format(title="Good") + """<h1 id="top">Good page</h1>
<p>English text with <span lang="fa">فارسی</span> inside.</p>
<p lang="fa">این یک بند فارسی است.</p>
<table><caption>Cells</caption><tr><th>Name</th></tr><tr><td dir="auto">استان ایلام</td></tr>
<tr><td>Ilam · \u2068ایلام\u2069</td></tr></table>
<table dir="rtl"><caption>Counts</caption><tr><th>n</th></tr><tr><td class="num" style="text-align: right">۵</td></tr>
<tr><td class="num" style="text-align: right">۴۸۷</td></tr></table>
<p><a href="bad.html#x">to the other page</a>, <a href="#top">top</a>, <a href="https://example.org/">a site elsewhere</a></p>
</main></body></html>"""

BAD = HEAD.format(title="Bad") + """<h1 id="x">Bad page</h1>
<p>این بند فارسی است ولی جهت ندارد.</p>
<table><tr><th>Name</th></tr><tr><td>۱: میوه های گرمسیری (tropical fruit)</td></tr></table>
<table dir="rtl"><caption>Counts</caption><tr><th>n</th></tr><tr><td class="num" style="text-align: left">۵</td></tr>
<tr><td class="num" style="text-align: left">۴۸۷</td></tr></table>
<img src="missing.png" alt="a missing picture"> <img src="pic.svg">
<img src="https://example.invalid/track.png" alt="">
<div style="width: 1000px">wide</div>
<p class="panel">Readable in light colours only.</p>
<p><a href="gone.html">gone</a> <a href="good.html#nowhere">no such anchor</a></p>
<script>console.error("boom"); throw new Error("uncaught");</script>
</main></body></html>"""

PIC = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.mark.e2e
def test_a_real_run_finds_each_kind_of_problem_and_none_on_a_clean_page(tmp_path, chromium):
    font = paths.FONTS / "woff2" / "Vazirmatn-Regular.woff2"
    if not font.is_file():
        pytest.fail(f"{font} is missing: run scripts/setup.sh")
    site = _site(tmp_path, {"good.html": GOOD, "bad.html": BAD, "pic.svg": PIC,
                            "index.html": '<meta http-equiv="Refresh" content="0; url=good.html" />'})
    (site / "fonts").mkdir()
    shutil.copy(font, site / "fonts" / font.name)
    rep = checks.check_site(site, chromium=chromium, concurrency=2)
    assert rep.pages == ["bad.html", "good.html", "index.html"]
    assert [str(p) for p in rep.problems if p.page != "bad.html"] == []
    bad = {}
    for p in rep.problems:
        bad.setdefault(p.kind, []).append(p.detail)
    assert sorted(bad) == ["axe", "console", "direction", "exception", "external", "image", "link", "numbers", "overflow", "request"]
    # ۵ set to the left of its cell, under the ۴ of ۴۸۷ (the right-aligned column of the good page passes)
    assert [d.split(":")[0] for d in bad["numbers"]] == ["table 'Counts', column 1"] and "'۵' and '۴۸۷'" in bad["numbers"][0]
    assert any("boom" in d for d in bad["console"]) and any("uncaught" in d for d in bad["exception"])
    assert any("example.invalid/track.png" in d for d in bad["external"])
    assert any("missing.png" in d for d in bad["image"]) and any("missing.png answered 404" in d for d in bad["request"])
    assert [d.split(" is ")[0].split(" > ")[-1] for d in bad["direction"]] == ["p", "td"]
    assert sorted(d.split(" -> ")[1] for d in bad["link"]) == ["no file gone.html", "no id 'nowhere' on good.html"]
    assert any("image-alt (critical)" in d for d in bad["axe"])  # <img src="pic.svg"> has no alt
    assert [d.split(":")[0] for d in bad["axe"] if "color-contrast" in d] == ["color-contrast [dark mode] (serious)"]
    assert rep.facts["good.html"]["persian_blocks"] == 3  # the span, the lang="fa" paragraph, the dir="auto" cell
    assert ("400", "loaded") in rep.facts["good.html"]["vazirmatn"]
    assert rep.facts["index.html"]["redirect"] == "good.html"
    assert all(u.startswith(("good.html", "bad.html", "index.html", "fonts/", "pic.svg", "missing.png", "https://example.invalid"))
               for us in rep.requests.values() for u in us)
