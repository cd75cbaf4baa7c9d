"""Reader-visible words: one home per language.

Every sentence, label, caption and heading a reader sees lives in ``text/<lang>/*.yml`` at
the repository root, one folder per language (``en``, ``fa``), the same files and the same
keys in each. ``labels.yml`` holds the shared labels (table headers, axis labels), used by
their bare key (``plan``); every other file is a chapter's or a topic's own text, used as
``<file>.<key>`` (``national.intro``). Values are put in with ``{{name}}`` placeholders,
filled from code (:func:`t`), so no number is ever typed into a text file. Single braces
are left alone: MyST roles such as ``{numref}`` pass through to the book.

>>> en("plan"), fa("plan")
('Plan', 'برنامه')
>>> bi("province") == "Province · \u2068استان\u2069"
True
>>> fill("{{n}} of {{total}} provinces", n=3, total=31)
'3 of 31 provinces'
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from functools import cache

import yaml

from analysis.core import paths

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the texts parse ten times faster

LANGUAGES = ("en", "fa")
SHARED_FILE = "labels"  # its keys are used without a prefix
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

_current = {"lang": "en"}


def use_language(lang: str) -> None:
    """Set the language :func:`t` uses when none is given (the edition being built)."""
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language {lang!r}; valid: {LANGUAGES}")
    _current["lang"] = lang


def language() -> str:
    """The language :func:`t` uses by default (``en`` unless :func:`use_language` said otherwise)."""
    return _current["lang"]


@contextmanager
def language_as(lang: str):
    """Within the block, :func:`language` is ``lang``; the previous language after it.

    >>> with language_as("fa"):
    ...     language()
    'fa'
    >>> language()
    'en'
    """
    before = _current["lang"]
    use_language(lang)
    try:
        yield
    finally:
        _current["lang"] = before


def _read(path) -> dict:
    doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: a text file must be a mapping of key: text")
    for k, v in doc.items():
        if not isinstance(v, str):
            raise ValueError(f"{path}: key {k!r} must hold a string, got {type(v).__name__}")
    return doc


@cache
def labels(lang: str) -> dict[str, str]:
    """Every text of one language, keyed as used: ``plan``, ``national.intro``."""
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language {lang!r}; valid: {LANGUAGES}")
    folder = paths.TEXT / lang
    if not folder.is_dir():
        raise FileNotFoundError(f"text folder missing: {folder}")
    out: dict[str, str] = {}
    for f in sorted(folder.glob("*.yml")):
        prefix = "" if f.stem == SHARED_FILE else f"{f.stem}."
        for k, v in _read(f).items():
            out[prefix + str(k)] = v  # YAML already trims plain scalars; quoted ones keep their spaces
    return out


DATA_FOLDER = "data"  # text/<lang>/data/*.yml: the edition's words for texts written in the data (data_text)


@cache
def data_texts(lang: str) -> dict[str, str]:
    """Every data text of one language: ``{English: translation}`` from ``text/<lang>/data/*.yml``.

    Some reader-visible texts have their English home in the data, not in ``text/``: the
    catalogue's column descriptions (``data/catalog.yml``), the reasons of flagged cells, the
    audit's check names, items and notes. Their translations are keyed by the English (as gettext
    does), so the English stays in one place; English has no such files."""
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language {lang!r}; valid: {LANGUAGES}")
    out: dict[str, str] = {}
    for f in sorted((paths.TEXT / lang / DATA_FOLDER).glob("*.yml")):
        for k, v in _read(f).items():
            if k in out:
                raise ValueError(f"{f}: {k!r} is translated in another file of text/{lang}/{DATA_FOLDER} too")
            out[str(k)] = v
    return out


def data_text(english, lang: str | None = None):
    """A text written in the data (in English), in ``lang`` (default: :func:`language`).

    English comes back as it is, and so does an empty or missing value (``None``, ``""``, NaN).
    A text with no translation is an error naming the folder to add it to.

    >>> data_text("line in the seed file", "en")
    'line in the seed file'
    >>> data_text("line in the seed file", "fa") != "line in the seed file"
    True
    """
    lang = lang or language()
    if lang == LANGUAGES[0] or not isinstance(english, str) or not english:
        return english
    table = data_texts(lang)
    if english not in table:
        raise KeyError(f"no {lang} text for the data text {english!r}: add it to text/{lang}/{DATA_FOLDER}/*.yml")
    return table[english]


def label(key: str, lang: str | None = None) -> str:
    """The raw text of ``key`` in ``lang`` (placeholders not filled)."""
    lang = lang or language()
    table = labels(lang)
    if key not in table:
        where = f"text/{lang}/{SHARED_FILE}.yml" if "." not in key else f"text/{lang}/{key.split('.')[0]}.yml"
        raise KeyError(f"no {lang} text {key!r} in {where}")
    return table[key]


def placeholders(text: str) -> set[str]:
    """Names of the ``{{name}}`` placeholders in a text.

    >>> sorted(placeholders("{{a}} and {{ b }}, {numref}`fig-x`"))
    ['a', 'b']
    """
    return set(PLACEHOLDER.findall(text))


def fill(text: str, **values) -> str:
    """Put ``values`` into the ``{{name}}`` placeholders of ``text``; a missing value is an error."""
    def sub(m):
        name = m.group(1)
        if name not in values:
            raise KeyError(f"no value for placeholder {{{{{name}}}}} in {text[:60]!r}…; given: {sorted(values)}")
        return str(values[name])

    return PLACEHOLDER.sub(sub, text)


def t(key: str, lang: str | None = None, **values) -> str:
    """The text of ``key`` in ``lang`` (default: :func:`language`) with ``values`` filled in."""
    return fill(label(key, lang), **values)


def en(key: str, **values) -> str:
    return t(key, "en", **values)


def fa(key: str, **values) -> str:
    return t(key, "fa", **values)


FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate and pop: keep a Persian run from
# swallowing the numbers and brackets that follow it (works in browsers and in matplotlib)


def isolate(text: str) -> str:
    """Wrap a Persian run in bidi isolates so neighbouring text keeps its order.

    >>> isolate("تامین آب") == "\u2068تامین آب\u2069"
    True
    """
    return f"{FSI}{text}{PDI}"


def isolate_in_persian(text: str, lang: str | None = None) -> str:
    """A Latin name (a file, a path) for a sentence: isolated in the Persian edition, where
    inside right-to-left text "002_d5af….txt" would show as "d5af….txt_002"; as it is in English.

    >>> isolate_in_persian("002_a.txt", "fa") == "\u2068002_a.txt\u2069", isolate_in_persian("002_a.txt", "en")
    (True, '002_a.txt')
    """
    return isolate(text) if (lang or language()) == "fa" else text


def pair(english: str, persian: str) -> str:
    """A name as the edition shows it: in English, the English and the Persian joined by a
    middle dot, the Persian isolated; in Persian (:func:`use_language` ``"fa"``), the Persian alone.

    >>> pair("Water supply", "تامین آب") == "Water supply · \u2068تامین آب\u2069"
    True
    """
    if language() == "fa":
        return persian
    return f"{english} · {isolate(persian)}"


def bi(key: str, **values) -> str:
    """A label as the edition shows it (see :func:`pair`): bilingual in English, Persian in Persian."""
    return pair(en(key, **values), fa(key, **values))


def stacked(key: str, **values) -> str:
    """A figure title as the edition shows it: the English over the Persian (two lines) in
    English, the Persian alone in Persian."""
    if language() == "fa":
        return fa(key, **values)
    return f"{en(key, **values)}\n{fa(key, **values)}"
