"""The Persian edition's <html> tag: book/_static/_templates/basic/layout.html adds dir="rtl" when the
Sphinx language is written right to left, and leaves the English edition's tag alone. A one-page Sphinx
project with the book's theme and templates_path is built in each language (about a second each)."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "book" / "_static" / "_templates"
RTL_CSS = ROOT / "book" / "_static" / "rtl.css"


def _build(tmp_path: Path, language: str) -> dict[str, str]:
    sphinx_app = pytest.importorskip("sphinx.application")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_book_theme']\nhtml_theme = 'sphinx_book_theme'\n"
        f"templates_path = [{str(TEMPLATES)!r}]\nlanguage = {language!r}\n"
        "html_context = {'default_mode': 'auto'}\n", encoding="utf-8")
    (src / "index.rst").write_text("Title\n=====\n\nText.\n", encoding="utf-8")
    out = tmp_path / "html"
    app = sphinx_app.Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html",
                            status=None, warning=None, freshenv=True)
    app.build()
    return {name: re.search(r"<html[^>]*>", (out / name).read_text(encoding="utf-8")).group(0)
            for name in ("index.html", "search.html", "genindex.html")}


def test_persian_pages_are_right_to_left(tmp_path):
    tags = _build(tmp_path, "fa")
    for name, tag in tags.items():
        assert 'lang="fa" dir="rtl"' in tag, (name, tag)
        assert 'data-theme="auto"' in tag  # the theme's own attributes are kept


def test_english_pages_have_no_direction(tmp_path):
    tags = _build(tmp_path, "en")
    for name, tag in tags.items():
        assert 'lang="en"' in tag and "dir=" not in tag, (name, tag)


def test_rtl_stylesheet_is_inert_in_the_english_edition():
    """Every selector of rtl.css starts with html[dir="rtl"], so it cannot touch an English page."""
    css = re.sub(r"/\*.*?\*/", "", RTL_CSS.read_text(encoding="utf-8"), flags=re.S)
    selectors = []
    for block in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        block = block.strip()
        if block.startswith("@"):
            continue
        selectors += [s.strip() for s in re.split(r",(?![^(]*\))", block) if s.strip()]
    assert len(selectors) > 50
    unscoped = [s for s in selectors if not s.startswith('html[dir="rtl"]')]
    assert unscoped == []
