"""The book's full-text search: a Sphinx extension (listed in ``_config.yml``'s extensions).

Two things Sphinx 7.4's search does not do for this book:

**Words in tables made by code.** A notebook's table (:class:`analysis.report.display.Table`) reaches
the doctree as one ``nodes.raw`` HTML node. Sphinx indexes raw HTML by deleting the tags, which glues
the text of neighbouring cells together: ``…l.655</td></tr><tr><td>Water supply`` becomes the word
``655Water``, so "water" does not find a page whose only "water" is the first cell of a row. On every
page the HTML builder writes, :func:`add_table_words` appends an invisible :class:`search_words`
node holding the text of each raw HTML node with every tag read as a space and entities decoded
(:func:`html_text`); the index reads it, the page shows nothing of it.

**Persian.** Sphinx has no Persian search language, so a word is indexed as it is spelled and
found only if the reader types the same code points. :class:`SearchPersian` (``language: fa``) and
:class:`SearchEnglishFolded` (``language: en``, English stemming as before) index every word in
one folded spelling (:func:`fold`): Arabic ي/ى/ئ and ك as Persian ی and ک, ة/ۀ as ه, أ/إ/ٱ as ا,
ؤ as و, no diacritics, tatweel or zero-width joiners, Arabic presentation forms as plain letters
(NFKC), and digits as the edition's digits (Persian in fa, Latin in en). A word written with a
zero-width non-joiner (U+200C, ``شهرک‌ها``) is indexed joined (``شهرکها``) and as its parts
(``شهرک``, ``ها``), so the reader finds it typed with the ZWNJ, without it, or with a space. The
reader's query goes through the same folding in the browser: the language's ``js_splitter_code``
and ``js_stemmer_code`` (written from the tables below, so Python and JavaScript cannot drift apart)
are put into the site's ``language_data.js``, which Sphinx's ``searchtools.js`` calls for every query.

Why Persian digits in the fa edition: ``searchtools.js`` drops a query word made only of ASCII
digits (``/^\\d+$/``); folded to Persian digits, ``۱۴۰۱`` (or ``1401`` or Arabic ``١٤٠١``) stays a
word the fa edition finds. The en edition keeps Sphinx's behaviour.

>>> fold("كرمانشاه"), fold("مُدیرِ"), fold("۱۴۰۱"), fold("١٤٠١", digits="persian")
('کرمانشاه', 'مدیر', '1401', '۱۴۰۱')
>>> SearchPersian({}).split("شهرك‌هاي صنعتي ۱۴۰۱")
['شهرکهای', 'شهرک', 'های', 'صنعتی', '۱۴۰۱']
"""
from __future__ import annotations

import html
import json
import re
import unicodedata

from docutils import nodes
from sphinx.search import SearchLanguage
from sphinx.search.en import SearchEnglish, js_porter_stemmer

from analysis.core.digits import ARABIC_DIGITS, PERSIAN_DIGITS, ZWNJ

#: Letters folded to the Persian letter a Persian reader types (the map of
#: :func:`analysis.core.digits.normalise_fa`, plus the Arabic presentation forms NFKC folds).
LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و",
}
#: Deleted: Arabic harakat, superscript alef and tatweel (as normalise_fa), zero-width joiner,
#: soft hyphen, byte-order mark.
DELETED = "\u064b-\u065f\u0670\u0640\u200d\u00ad\ufeff"
#: Read as a space: the direction marks and isolates the book puts around Persian and numbers
#: (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069).
SPACES = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
LATIN_DIGITS = "0123456789"

_DELETED = re.compile(f"[{DELETED}]")
_SPACES = re.compile(f"[{SPACES}]")
_LETTERS = str.maketrans(LETTERS)
_DIGITS = {
    "latin": str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2),
    "persian": str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2),
}
#: A word, possibly made of parts joined by zero-width non-joiners (matched after folding)
_WORD = re.compile(r"\w+(?:\u200c+\w+)*")
_ASCII = re.compile(r"[\x00-\x7f]+")


def fold(text: str, digits: str = "latin", keep_zwnj: bool = False) -> str:
    """``text`` in the one spelling the search index holds (see the module's docstring);
    ``digits`` is ``"latin"`` or ``"persian"``. The ZWNJ is deleted unless ``keep_zwnj``.

    >>> fold("سيستان و\u200cبلوچستان") == "سیستان وبلوچستان"
    True
    >>> fold("\u2068آبزی پروری\u2069 · aquaculture")
    ' آبزی پروری  · aquaculture'
    """
    if digits not in _DIGITS:
        raise ValueError(f"fold: digits must be one of {sorted(_DIGITS)}, not {digits!r}")
    text = unicodedata.normalize("NFKC", str(text)).translate(_LETTERS)
    text = _SPACES.sub(" ", _DELETED.sub("", text)).translate(_DIGITS[digits])
    return text if keep_zwnj else text.replace(ZWNJ, "")


def words(text: str, digits: str = "latin") -> list[str]:
    """The folded words of ``text`` for the index: a word written with ZWNJs gives the joined
    word and then each part.

    >>> words("می‌شود") == ["میشود", "می", "شود"]
    True
    """
    found = []
    for word in _WORD.findall(fold(text, digits, keep_zwnj=True)):
        if ZWNJ in word:
            parts = [p for p in word.split(ZWNJ) if p]
            found.append("".join(parts))
            found.extend(parts)
        else:
            found.append(word)
    return found


# ------------------------------------------------------------------ the same folding in JavaScript
def _js_fold(digits: str) -> str:
    """JavaScript ``searchFold(text)``, the browser's :func:`fold` (ZWNJ deleted)."""
    letters = dict(LETTERS)
    target = PERSIAN_DIGITS if digits == "persian" else LATIN_DIGITS
    for i, d in enumerate(LATIN_DIGITS + PERSIAN_DIGITS + ARABIC_DIGITS):
        if d != target[i % 10]:
            letters[d] = target[i % 10]
    table = json.dumps(letters, ensure_ascii=True)
    return f"""
var searchFoldTable = {table};
function searchFold(text) {{
  return String(text).normalize("NFKC")
    .replace(/[{_js_class(DELETED + ZWNJ)}]/gu, "")
    .replace(/[{_js_class(SPACES)}]/gu, " ")
    .replace(/./gu, function (c) {{ return searchFoldTable[c] || c; }});
}}
"""


def _js_class(chars: str) -> str:
    """A regex character class body (``a-z`` ranges kept) with every non-ASCII character escaped."""
    return "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in chars)


_JS_STEMMER = """
var Stemmer = function () {
  var porter = new PorterStemmer();
  this.stemWord = function (word) {
    word = searchFold(word);
    return /^[\\x00-\\x7f]+$/.test(word) ? porter.stemWord(word) : word;
  };
};
"""

_JS_SPLITTER = """
function splitQuery(query) {
  return searchFold(query)
    .split(/[^\\p{Letter}\\p{Number}_]+/gu)
    .filter(function (term) { return term; });
}
"""


class SearchEnglishFolded(SearchEnglish):
    """English search as Sphinx's (Porter stemming, English stop words) with every word folded
    (:func:`fold`): the Persian labels of the en edition's tables are found in any spelling.

    >>> SearchEnglishFolded({}).split("Water supply · ⁨تامين آب⁩")
    ['Water', 'supply', 'تامین', 'آب']
    """

    lang = "en"
    digits = "latin"
    js_splitter_code = _JS_SPLITTER

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        porter = js_porter_stemmer.replace("var Stemmer = function", "var PorterStemmer = function", 1)
        if porter == js_porter_stemmer:
            raise RuntimeError("analysis.tools.search: Sphinx's js_porter_stemmer no longer defines `var Stemmer = function`")
        self.js_stemmer_code = porter + _js_fold(self.digits) + _JS_STEMMER

    def split(self, input: str) -> list[str]:
        return words(input, self.digits)

    def stem(self, word: str) -> str:
        # as the JavaScript Porter stemmer: only words of 3 letters or more (Python's Porter stems
        # "is" to "i" and "s" to "", which no query could find)
        word = fold(word, self.digits)
        return super().stem(word) if _ASCII.fullmatch(word) and len(word) > 2 else word

    def word_filter(self, word: str) -> bool:
        return super().word_filter(word) and word not in self.stopwords


#: Persian stop words (folded): the commonest function words, not indexed and skipped in queries,
#: as Sphinx does with English "the" or "of".
PERSIAN_STOPWORDS = frozenset(fold(w) for w in """
و در به از که را با این آن است برای تا یا هم نیز بر شد شده شود می ها های هر یک
""".split())


class SearchPersian(SearchEnglishFolded):
    """The fa edition's search language (Sphinx has none for Persian): :func:`fold` with Persian
    digits for every word; Latin-script words (names, codes) stemmed as in English.

    >>> s = SearchPersian({})
    >>> [s.stem(w) for w in s.split("استان‌هاي كشور در ۱۴۰۱ (Water supplies)")]
    ['استانهای', 'استان', 'های', 'کشور', 'در', '۱۴۰۱', 'water', 'suppli']
    >>> s.word_filter("در"), s.word_filter("کشور")
    (False, True)
    """

    lang = "fa"
    language_name = "Persian"
    digits = "persian"
    stopwords = SearchEnglish.stopwords | PERSIAN_STOPWORDS


# ------------------------------------------------------------------ table words
class search_words(nodes.Element, nodes.Invisible):  # noqa: N801 (docutils node classes are lower case)
    """Text the search index reads and no page shows (the text of the page's raw HTML)."""


def _skip(self, node) -> None:
    raise nodes.SkipNode


_STYLE_SCRIPT = re.compile(r"<(style|script)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")


_WBR = re.compile(r"<wbr\s*/?>", re.I)


def html_text(markup: str) -> str:
    """The reader-visible text of an HTML snippet, every tag read as a space (so neighbouring
    table cells stay separate words) but a line-break opportunity (``<wbr>``, inside a word),
    entities decoded, no style, script or comment.

    >>> html_text('<tr><td>l.655</td></tr><tr title="x"><td>Water&nbsp;supply &amp; ISIPO&#x27;s</td></tr>').split()
    ['l.655', 'Water', 'supply', '&', "ISIPO's"]
    >>> html_text('<td>water_<wbr>by_<wbr>province</td>').split()
    ['water_by_province']
    """
    text = _COMMENT.sub(" ", _STYLE_SCRIPT.sub(" ", _WBR.sub("", markup)))
    return html.unescape(_TAG.sub(" ", text))


def add_table_words(app, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: append one :class:`search_words` node with the text of the page's raw
    HTML nodes (the tables of code outputs), for HTML builders (the index is built before the page
    is written; the node writes nothing)."""
    if app.builder.format != "html":
        return
    texts = [html_text(n.astext()) for n in doctree.findall(nodes.raw) if "html" in n.get("format", "").split()]
    texts = [t for t in texts if t.strip()]
    if texts:
        doctree.append(search_words("", nodes.Text("\n".join(texts))))


def setup(app):
    app.add_search_language(SearchEnglishFolded)
    app.add_search_language(SearchPersian)
    app.add_node(search_words, **{fmt: (_skip, None) for fmt in ("html", "latex", "text", "man", "texinfo")})
    app.connect("doctree-resolved", add_table_words)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


# ------------------------------------------------------------------ reading a built index
def load_index(path) -> dict:
    """The search index of a built site: ``path`` is its ``searchindex.js`` (or the site's folder)."""
    from pathlib import Path
    path = Path(path)
    if path.is_dir():
        path = path / "searchindex.js"
    text = path.read_text(encoding="utf-8")
    prefix, suffix = "Search.setIndex(", ")"
    if not (text.startswith(prefix) and text.endswith(suffix)):
        raise ValueError(f"{path}: not a Sphinx search index (expected Search.setIndex(...))")
    return json.loads(text[len(prefix):-len(suffix)])


def _files(mapping: dict, term: str) -> set[int]:
    found = mapping.get(term)
    if found is None:
        return set()
    return {found} if isinstance(found, int) else set(found)


def query_terms(query: str, language: SearchLanguage) -> set[str]:
    """The index terms ``searchtools.js`` looks up for ``query`` (``Search._parseQuery``): each word
    of ``splitQuery(query)``, unless a stop word or only ASCII digits, through ``Stemmer.stemWord``.

    >>> sorted(query_terms("Water supplies of the ۱۴۰۱ plan", SearchEnglishFolded({})))
    ['plan', 'suppli', 'water']
    >>> sorted(query_terms("Water supplies of the ۱۴۰۱ plan", SearchPersian({})))
    ['plan', 'suppli', 'water', '۱۴۰۱']
    """
    terms = set()
    for word in _WORD.findall(fold(query, language.digits)):  # splitQuery: the folded query, no ZWNJ left
        lower = word.lower()
        if lower in language.stopwords or re.fullmatch(r"[0-9]+", word):
            continue
        terms.add(language.stem(lower).lower())  # new Stemmer().stemWord(word.toLowerCase())
    return terms


def find(index: dict, query: str, language: SearchLanguage | None = None) -> set[str]:
    """The documents Sphinx 7.4's ``searchtools.js`` (``_parseQuery`` and ``performTermsSearch``)
    lists for ``query`` from the full-text index, as docnames. ``language`` does what the site's
    ``language_data.js`` does (its ``splitQuery``, ``stopwords`` and ``Stemmer``); default the en
    edition's :class:`SearchEnglishFolded`.

    Each query word, unless a stop word or only ASCII digits, is stemmed and looked up in the
    terms and title terms; a word longer than 2 letters that is not a term also matches every term
    containing it. A document is listed when it has every word (or every word longer than 2).
    """
    lang = language or SearchEnglishFolded({})
    terms = query_terms(query, lang)
    hits: dict[int, set[str]] = {}
    for term in terms:
        for mapping in (index["terms"], index["titleterms"]):
            files = _files(mapping, term)
            if len(term) > 2 and term not in mapping:
                for other in mapping:
                    if term in other:
                        files |= _files(mapping, other)
            for f in files:
                hits.setdefault(f, set()).add(term)
    needed = {len(terms), len([t for t in terms if len(t) > 2])}
    return {index["docnames"][f] for f, found in hits.items() if len(found) in needed}
