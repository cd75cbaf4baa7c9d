"""The two editions' frame (analysis.build.editions): configuration, contents, twin links,
Sphinx's own numbers in Persian digits, the site's chooser. (``dir="rtl"``: tests/build/test_rtl.py.)"""
from pathlib import Path

import yaml

from analysis.build import editions
from analysis.build.jobs import Book


def test_english_config_and_toc_are_the_books_own():
    book = Book.default()
    assert editions.config_text(book, "en") == book.config.read_text(encoding="utf-8")
    assert editions.toc_text(book, "en") == book.toc_file.read_text(encoding="utf-8")


def test_persian_config_sets_language_title_search_and_numbering():
    config = yaml.safe_load(editions.config_text(Book.default(), "fa"))
    sphinx = config["sphinx"]["config"]
    assert sphinx["language"] == "fa"
    assert config["title"] == "برنامه‌های توسعه استانی در ایران: شواهد پنج منبع"
    assert sphinx["numfig_format"] == {"figure": "شکل %s", "table": "جدول %s"}
    assert sphinx["html_theme_options"]["search_bar_text"] == "جست‌وجو در کتاب…"
    assert sphinx["extensions"] == yaml.safe_load(editions.config_text(Book.default(), "en"))["sphinx"]["config"]["extensions"]


def test_persian_toc_shows_the_persian_half_of_each_caption():
    toc = yaml.safe_load(editions.toc_text(Book.default(), "fa"))
    assert [p["caption"] for p in toc["parts"]][:2] == ["روش", "شواهد ملی و مقایسه‌ای"]


PAGE = ('<html lang="{lang}"><body><div class="header-article-items__end"><button>x</button></div>'
        '<article class="bd-article"><h1><span class="section-number">2.1. </span>T</h1>'
        '<span class="caption-number">شکل 2.3 </span><a class="reference internal" href="a.html">12. A</a>'
        '<li class="toc-h2"><a class="reference internal nav-link" href="#id2">20.1. <span>B</span></a></li>'
        '<span class="std std-numref">شکل 10</span></article></body></html>')


def _site(root: Path, lang: str, pages=("notebooks/02_national.html", "provinces/ilam.html")) -> Path:
    for rel in pages:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(PAGE.format(lang=lang), encoding="utf-8")
    return root


def test_each_page_links_to_its_twin(tmp_path):
    en = _site(tmp_path / "site", "en")
    fa = _site(tmp_path / "site" / "fa", "fa", ("notebooks/02_national.html",))  # Ilam has no Persian twin here
    assert editions.link_twins(en, fa) == 2
    page = (en / "notebooks/02_national.html").read_text()
    assert '<a class="edition-switch" href="../fa/notebooks/02_national.html" hreflang="fa" lang="fa"' in page
    assert ">فارسی</a><button>" in page
    assert 'href="../../notebooks/02_national.html" hreflang="en" lang="en"' in (fa / "notebooks/02_national.html").read_text()
    assert "edition-switch" not in (en / "provinces/ilam.html").read_text()
    assert editions.link_twins(en, fa) == 0  # written once


def test_sphinx_numbers_in_persian_digits_in_the_persian_edition_only(tmp_path):
    fa = _site(tmp_path / "fa", "fa")
    en = _site(tmp_path / "en", "en")
    assert editions.localise_numbers(fa, "fa") == 2 and editions.localise_numbers(en, "en") == 0
    page = (fa / "notebooks/02_national.html").read_text()
    assert '<span class="section-number">۲.۱. </span>' in page and "شکل ۲.۳" in page and "شکل ۱۰" in page
    assert '<a class="reference internal" href="a.html">۱۲. A</a>' in page
    assert '<a class="reference internal nav-link" href="#id2">۲۰.۱. <span>B</span></a>' in page  # the page's contents
    assert "2.1." in (en / "notebooks/02_national.html").read_text()


def test_the_chooser_links_both_editions(tmp_path):
    page = editions.write_chooser(tmp_path, "notebooks/00_introduction").read_text()
    assert 'href="notebooks/00_introduction.html" hreflang="en"' in page
    assert 'href="fa/notebooks/00_introduction.html" hreflang="fa"' in page


def test_the_persian_search_summary_is_filled_and_in_persian_digits(tmp_path):
    """Sphinx 7.4's Persian catalogue translates the search summary as "": the Persian search page
    said nothing after a search. The build fills it from text/fa/site.yml (search_found)."""
    import json

    from analysis.core.text import t
    sphinx = ('Documentation.addTranslations({"locale": "fa", "messages": {"Search Results": "x", '
              f'{json.dumps(editions.SEARCH_FOUND)}: "", "Searching": "y"}}, "plural_expr": "(n > 1)"}});\n')
    for lang in ("en", "fa"):
        (tmp_path / lang / "_static").mkdir(parents=True)
        (tmp_path / lang / "_static" / "translations.js").write_text(sphinx, encoding="utf-8")
    assert editions.localise_search(tmp_path / "en", "en") is False
    assert (tmp_path / "en" / "_static" / "translations.js").read_text(encoding="utf-8") == sphinx
    assert editions.localise_search(tmp_path / "fa", "fa") is True
    result = (tmp_path / "fa" / "_static" / "translations.js").read_text(encoding="utf-8")
    wanted = t("site.search_found", "fa")
    assert "${resultCount}" in wanted and "صفحه" in wanted
    assert f"{json.dumps(editions.SEARCH_FOUND)}: {json.dumps(wanted)}" in result
    assert result.count("MutationObserver") == 1 and '"Searching": "y"' in result
    assert editions.localise_search(tmp_path / "fa", "fa") is False  # a second pass changes nothing


THEME_PAGE = """<html lang="fa" dir="rtl"><body>
<div id="pst-skip-link" class="skip-link"><a href="#main-content">Skip to main content</a></div>
<button class="btn" id="pst-back-to-top"><i class="fa-solid fa-arrow-up"></i>Back to top</button>
<button class="sidebar-toggle" title="Toggle primary sidebar" aria-label="Site navigation"></button>
<nav aria-label="Main"></nav><h2> Contents </h2><a class="right-next" title="next page"></a>
<article><p>Contents of the source: a word in the text is left alone.</p></article>
<p class="author">
By {author}
</p><p class="copyright">
      © Copyright 2026.
</p></body></html>
"""


def test_the_themes_words_are_persian_on_persian_pages(tmp_path):
    """Neither theme has a Persian catalogue: their words on the Persian pages come from
    text/fa/site.yml (site.theme_*); the English edition keeps the theme's own."""
    from analysis.core.text import t
    for lang in ("en", "fa"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "p.html").write_text(THEME_PAGE.format(author=t("site.author", lang)), encoding="utf-8")
    assert editions.localise_theme(tmp_path / "en", "en") == 0
    assert editions.localise_theme(tmp_path / "fa", "fa") == 1
    page = (tmp_path / "fa" / "p.html").read_text(encoding="utf-8")
    for key in ("theme_skip", "theme_top", "theme_toggle_primary", "theme_site_nav", "theme_main", "theme_contents",
                "theme_next"):
        assert t(f"site.{key}", "fa") in page and t(f"site.{key}", "en") not in page.replace("Contents of the source", "")
    assert "Contents of the source: a word in the text is left alone." in page  # not a whole text node
    assert f"{t('site.theme_by', 'fa')} {t('site.author', 'fa')}" in page and "By " not in page
    assert f"© {t('site.theme_copyright', 'fa')} ۲۰۲۶" in page and "Copyright" not in page
    assert editions.localise_theme(tmp_path / "fa", "fa") == 0  # a second pass changes nothing


def test_the_build_localises_numbers_and_theme_words_in_one_pass(tmp_path):
    """The runner's one pass over a Persian edition's pages (localise_pages) does what
    localise_numbers and localise_theme do, and nothing in English."""
    from analysis.core.text import t
    html = THEME_PAGE.format(author=t("site.author", "fa")).replace(
        "<h2> Contents </h2>", '<h2> Contents </h2><span class="section-number">2.1. </span>')
    for lang in ("en", "fa"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "p.html").write_text(html, encoding="utf-8")
    assert editions.localise_pages(tmp_path / "en", "en") == 0
    assert editions.localise_pages(tmp_path / "fa", "fa") == 1
    page = (tmp_path / "fa" / "p.html").read_text(encoding="utf-8")
    assert '<span class="section-number">۲.۱. </span>' in page and t("site.theme_skip", "fa") in page
    assert (editions.localise_numbers(tmp_path / "fa", "fa"), editions.localise_theme(tmp_path / "fa", "fa")) == (0, 0)


def test_a_figures_image_is_described_by_its_caption_not_its_path(tmp_path):
    """myst-nb gives a glued figure's image its own file path as alt text (a screen reader reads a
    hash); the built pages give it the caption's first sentence. An image with an alt of its own
    keeps it."""
    page = tmp_path / "p.html"
    page.write_text('<figure class="align-default" id="id6">\n<img alt="../_images/9c08.png" src="../_images/9c08.png" />\n'
                    '<figcaption>\n<p><span class="caption-number">شکل 24.1 </span><span class="caption-text">استان و سهم '
                    'تخصیص، ۱۴۰۱، با مقیاس رنگ (۱۰۰٪ = کم‌رنگ). منبع: ۰۰۲، جدول ۵۳.</span></p>\n</figcaption>\n</figure>\n'
                    '<figure><img alt="a chart" src="b.png" /><figcaption><p><span class="caption-text">B.</span></p>'
                    '</figcaption></figure>', encoding="utf-8")
    assert editions.localise_pages(tmp_path, "fa") == 1
    text = page.read_text(encoding="utf-8")
    assert '<img alt="استان و سهم تخصیص، ۱۴۰۱، با مقیاس رنگ (۱۰۰٪ = کم‌رنگ)." src="../_images/9c08.png" />' in text
    assert '<img alt="a chart" src="b.png" />' in text and "شکل ۲۴.۱" in text
