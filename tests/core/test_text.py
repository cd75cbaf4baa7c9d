"""One home per language for every reader-visible word (analysis.core.text, text/<lang>/*.yml)."""
import ast
import re
from pathlib import Path

import pytest

from analysis.core import paths, text

PKG = paths.ROOT / "src" / "analysis"
REPORT_MODULES = sorted(p for p in (PKG / "report").glob("*.py") if p.name != "__init__.py")
NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.md"))


def test_same_files_in_every_language():
    files = {lang: sorted(p.name for p in (paths.TEXT / lang).glob("*.yml")) for lang in text.LANGUAGES}
    assert files["fa"] == files["en"]


def test_same_keys_in_every_language():
    en, fa = set(text.labels("en")), set(text.labels("fa"))
    assert sorted(en - fa) == [], "keys missing in text/fa"
    assert sorted(fa - en) == [], "keys missing in text/en"


def test_same_placeholders_in_every_language():
    en, fa = text.labels("en"), text.labels("fa")
    bad = {k: (sorted(text.placeholders(en[k])), sorted(text.placeholders(fa[k])))
           for k in en if k in fa and text.placeholders(en[k]) != text.placeholders(fa[k])}
    assert bad == {}


def test_no_empty_text():
    for lang in text.LANGUAGES:
        assert [k for k, v in text.labels(lang).items() if not v.strip()] == [], lang


def test_fill_names_the_missing_placeholder():
    with pytest.raises(KeyError, match=r"no value for placeholder \{\{n\}\}"):
        text.fill("{{n}} provinces")


def test_unknown_key_names_the_file():
    with pytest.raises(KeyError, match=r"text/en/national.yml"):
        text.t("national.no_such_key")


def test_unknown_language_lists_the_valid_ones():
    with pytest.raises(KeyError, match=r"valid: \('en', 'fa'\)"):
        text.labels("de")


# Literal keys passed to the text functions anywhere in the package or the notebooks.
CALL = re.compile(r"""\b(?:t|en|fa|bi|say|label)\(\s*["']([A-Za-z0-9_.]+)["']\s*[,)]""")
LIST_CALL = re.compile(r"""\bglue_(?:texts|captions)\(\s*glue\s*,\s*\[([^\]]*)\]""", re.S)


def _used_keys():
    used = set()
    for p in [*PKG.rglob("*.py"), *NOTEBOOKS]:
        if "sources/extract" in p.as_posix():
            continue
        src = p.read_text(encoding="utf-8")
        used |= {(p.name, k) for k in CALL.findall(src)}
        for group in LIST_CALL.findall(src):
            used |= {(p.name, k) for k in re.findall(r"""["']([A-Za-z0-9_.]+)["']""", group)}
    return used


def test_every_key_used_exists_in_every_language():
    missing = sorted((f, k, lang) for f, k in _used_keys() for lang in text.LANGUAGES if k not in text.labels(lang))
    assert missing == []


# An English sentence: three words of two or more letters in a row.
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’]+[A-Za-z]{2,}){2,}")


#: A line ending with this comment holds identifiers that look like words (e.g. the names of the
#: audit's checks, matched against data), not reader-visible text.
NOT_TEXT = "# not reader text"


def _docstring_nodes(tree):
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _developer_messages(tree):
    """Literals inside ``raise ...`` and ``warnings.warn(...)``: messages for developers, not readers."""
    out = set()
    for node in ast.walk(tree):
        is_warn = isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "warn"
        if isinstance(node, ast.Raise) or is_warn:
            out |= {id(n) for n in ast.walk(node)}
    return out


def english_literals(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that read as English sentences (docstrings and developer
    messages excepted)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    docs = _docstring_nodes(tree) | _developer_messages(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if lines[node.lineno - 1].rstrip().endswith(NOT_TEXT):
                continue
            if SENTENCE.search(node.value):
                found.append((node.lineno, node.value[:70]))
    return sorted(found)


@pytest.mark.parametrize("module", REPORT_MODULES, ids=lambda p: p.stem)
def test_no_english_sentence_literal_in_report(module):
    assert english_literals(module) == []


GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`[^`]+`")


def notebook_prose(path: Path) -> list[tuple[int, str]]:
    """Lines of a notebook's Markdown that hold words of their own: anything but blank lines,
    headings and captions made of glue roles, directive fences and options, and the front matter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out, in_code, in_front = [], False, False
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if n == 1 and s == "---":
            in_front = True
            continue
        if in_front:
            in_front = s != "---"
            continue
        if s.startswith("```{code-cell}"):
            in_code = True
            continue
        if in_code:
            in_code = s != "```"
            continue
        rest = GLUE_ROLE.sub("", s).lstrip("#").strip(" ·")
        if not rest or s.startswith(("```", ":", "+++")) or re.fullmatch(r"\([\w-]+\)=", s):
            continue
        out.append((n, s[:70]))
    return out


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_prose_in_notebook_markdown(notebook):
    assert notebook_prose(notebook) == []


def test_labels_as_each_edition_shows_them():
    assert text.bi("plan") == "Plan · \u2068برنامه\u2069"
    text.use_language("fa")
    try:
        assert text.bi("plan") == "برنامه"
        assert text.pair("Khuzestan", "خوزستان") == "خوزستان"
        assert text.t("plan") == "برنامه"
    finally:
        text.use_language("en")
    assert text.t("plan") == "Plan"
