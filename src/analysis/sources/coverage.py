"""Coverage: every number printed on the prose lines is transcribed or skipped with a reason.

Provenance (:mod:`analysis.sources.provenance`) checks that what was transcribed is printed;
coverage checks the converse for the datasets transcribed from prose (catalogue entries with
``prose: true``: seeds 000, 001, 003, 004 and the prose-figure datasets of 002): that nothing
printed on their lines was missed. Every number token on the lines a dataset covers is one of

* **transcribed**: a value of a catalogued row citing that line (any dataset of the seed):
  a number with provenance read from the whole token (:func:`analysis.sources.provenance.token_values`),
  a date column (``YYYY/MM/DD``) matching a printed date (or its day and year, when the month
  is printed in words), or the same token inside a
  transcribed Persian text cell (``*_fa``, ``raw_text``: the ``۹۷`` of "سیل‌زدگان سال ۹۷");
* **skipped with a reason**: declared in the ``SKIPPED`` table of the extractor module that
  writes the dataset (data next to the extractor, not guesses in code); or
* **unexplained**: neither. A test asserts there are none.

The lines a dataset covers are its catalogued ``lines:`` range, less the lines cited by the rows
of datasets outside the check (the data rows of 002's tables, which are those tables' business:
a table's header lines inside a prose range stay covered).

A ``SKIPPED`` table has one line per seed line: ``<line> <token> [<token> ...] | <kind> [detail]``,
tokens as :func:`analysis.core.digits.number_tokens` reads them (Latin digits, separators
kept), e.g. ``3249 2 3 3 | section 3-3-2``. The kinds (:data:`KINDS`) and what is verified:

===========  ===============================================================================
year         a calendar year (checked: 1300-1420, 1900-2100, or a two-digit year)
date         a date (checked: three parts, a valid Jalali date); the detail may name where it
             is transcribed
day          the day of a date printed with the month in words and no year (checked: 1-31)
period       the period a figure transcribed on the line refers to, stated in its row's words
             (the "3" of "in these 3 years we paid 415 billion tomans")
repeat       a figure already transcribed, printed again (checked: the detail starts with the line
             it is transcribed from, which may be the same line, and a row citing it holds the value)
section      a section or item number of the document's outline (``-2-3-3``)
table        a table's printed number (``جدول شماره 36``)
chart        a chart's printed number, or a data label of a chart whose categories are not
             printed in the text
page         a page number (table of contents)
ordinal      a list or row ordinal
law          the number of a law, article, clause or note (ماده، تبصره، بند، اصل)
reference    the number of a letter, circular, resolution or telephone line
name         part of a proper name (``اردبیل 2``, a programme called "... 2020")
time         a clock time
garbled      digits the extraction garbled (the detail says what they seem to be)
===========  ===============================================================================
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from analysis.core.digits import number_tokens
from analysis.core.paths import seed_lines
from analysis.sources.datasets import catalog, load

KINDS = ("year", "date", "day", "period", "repeat", "section", "table", "chart", "page", "ordinal", "law",
         "reference", "name", "time", "garbled")
DATE_PATTERN = r"\d{4}/\d{2}/\d{2}"
_SEP = re.compile(r"[.,/٫٬\u060c]")


@dataclass(frozen=True)
class Skip:
    seed: str  # "000" .. "004"
    line: int
    token: str
    kind: str
    detail: str
    module: str  # the extractor module that declares it

    @property
    def reason(self) -> str:
        return f"{self.kind}: {self.detail}" if self.detail else self.kind


class SkipTableError(ValueError):
    """A malformed ``SKIPPED`` table (one line: module, line of the table, what is wrong)."""


def parse_skips(text: str, seed: str, module: str) -> list[Skip]:
    """The entries of a ``SKIPPED`` table (see the module docstring).

    >>> [s.reason for s in parse_skips("3249 2 3 3 | section 3-3-2", "002", "m")]
    ['section: 3-3-2', 'section: 3-3-2', 'section: 3-3-2']
    """
    out = []
    for k, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        left, bar, right = line.partition("|")
        words, why = left.split(), right.split(None, 1)
        if not bar or len(words) < 2 or not words[0].isdigit() or not why:
            raise SkipTableError(f"{module}.SKIPPED line {k}: expected '<line> <token> ... | <kind> [detail]', got {raw!r}")
        kind, detail = why[0], (why[1] if len(why) > 1 else "")
        if kind not in KINDS:
            raise SkipTableError(f"{module}.SKIPPED line {k}: kind {kind!r}; valid: {', '.join(KINDS)}")
        out += [Skip(seed, int(words[0]), tok, kind, detail.strip(), module) for tok in words[1:]]
    return out


def declared_skips() -> list[Skip]:
    """Every ``SKIPPED`` entry of the extractor modules (module ``s002_x`` declares seed 002's lines)."""
    import importlib
    import pkgutil

    from analysis.sources import extract

    out = []
    for mod in pkgutil.iter_modules(extract.__path__):
        if mod.name.startswith("s0"):
            m = importlib.import_module(f"{extract.__name__}.{mod.name}")
            text = getattr(m, "SKIPPED", "")
            if text:
                out += parse_skips(text, mod.name[1:4], mod.name)
    return out


# ------------------------------------------------------------------------------------ claims
def _token_values(tok: str) -> set[float]:
    parts = _SEP.split(tok)
    out = {float("".join(parts))}
    if len(parts) >= 2:
        out.add(float("".join(parts[:-1]) + "." + parts[-1]))
    return out


def _as_date(tok: str) -> str | None:
    from analysis.sources.extract.seedtext import ymd

    parts = _SEP.split(tok)
    if len(parts) != 3:
        return None
    if len(parts[2]) == 4 and len(parts[0]) <= 2:  # printed day/month/year (۴/۱۲/۱۳۸۴)
        parts = parts[::-1]
    try:
        return ymd(*parts)
    except ValueError:
        return None


def _same(v: float, tok: str) -> bool:
    return any(math.isclose(abs(float(v)), x, rel_tol=1e-9, abs_tol=1e-9) for x in _token_values(tok))


def _claims(ds, df: pd.DataFrame) -> list[tuple[int, int, str, object]]:
    """(first line, last line, how, value) of every transcription in a dataset: numbers, dates,
    and the number tokens of Persian text cells."""
    from analysis.sources.provenance import checked_values, cited_range

    dates = [c for c, s in ds.columns.items() if s["type"] == "str" and s.get("pattern") == DATE_PATTERN]
    texts = [c for c, s in ds.columns.items() if s["type"] == "str" and (c.endswith("_fa") or c == "raw_text")]
    out = []
    for _, row in df.iterrows():
        a, b = cited_range(row, df)
        out += [(a, b, "number", v) for _, v in checked_values(ds, df, row)]
        out += [(a, b, "date", row[c]) for c in dates if pd.notna(row[c])]
        out += [(a, b, "text", tok) for c in texts if pd.notna(row[c]) for tok in number_tokens(str(row[c]))]
    return out


def _matches(how: str, value, tok: str) -> bool:
    if how == "number":
        return _same(value, tok)
    if how == "date":
        return _as_date(tok) == value
    return tok == value


def _memo(func):
    """Cache a function of the catalogue: recomputed whenever :func:`catalog` returns another
    object (a test's catalogue, a reloaded one)."""
    store: dict = {}

    def wrapper(*args):
        cat = catalog()
        if store.get("catalogue") is not cat:
            store.clear()
            store["catalogue"] = cat  # held, so its id is not reused while cached
        if args not in store:
            store[args] = func(*args)
        return store[args]

    wrapper.__doc__, wrapper.__name__ = func.__doc__, func.__name__
    wrapper.cache_clear = store.clear
    return wrapper


@_memo
def _seed_state(source: str) -> tuple[dict[int, list[str]], dict[tuple[int, int], str]]:
    """Number tokens per line of a seed, and which (line, index) each catalogued dataset claims.

    A date claims its printed token (``۹۹/۱۱/۲۱``); a date printed with the month in words
    (``۳۰ شهریور ۱۳۹۷``) claims its day and its year (four or two digits), when both are
    on the row's lines."""
    lines = seed_lines(source)
    tokens = {n: number_tokens(text) for n, text in enumerate(lines, start=1)}
    claimed: dict[tuple[int, int], str] = {}

    def find(a: int, b: int, ok) -> tuple[int, int] | None:
        for n in range(a, b + 1):
            for i, tok in enumerate(tokens.get(n, ())):
                if (n, i) not in claimed and ok(tok):
                    return n, i
        return None

    for name, ds in catalog().items():
        if ds.source != source:
            continue
        for a, b, how, value in _claims(ds, load(name)):
            hit = find(a, b, lambda tok, h=how, v=value: _matches(h, v, tok))
            if hit is not None:
                claimed[hit] = name
            elif how == "date":
                y, _, d = (int(x) for x in value.split("/"))
                day = find(a, b, lambda tok, d=d: tok.isdigit() and int(tok) == d)
                year = find(a, b, lambda tok, y=y: tok.isdigit() and int(tok) in (y, y % 100) and len(tok) in (2, 4))
                if day is not None and year is not None and day != year:
                    claimed[day] = claimed[year] = name
    return tokens, claimed


def in_scope() -> dict[str, object]:
    """The datasets the coverage check covers (catalogue ``prose: true``)."""
    return {n: ds for n, ds in catalog().items() if ds.raw.get("prose")}


def covered_lines(name: str) -> list[int]:
    """The seed lines a prose dataset covers: its ``lines:`` range less the lines cited by rows
    of datasets outside the check."""
    from analysis.sources.provenance import cited_range

    ds = catalog()[name]
    first, last = ds.lines
    scope = in_scope()
    taken = set()
    for other, o in catalog().items():
        if o.source == ds.source and other not in scope:
            df = load(other)
            for _, row in df.iterrows():
                a, b = cited_range(row, df)
                taken.update(range(a, b + 1))
    return [n for n in range(first, last + 1) if n not in taken]


# ------------------------------------------------------------------------------------ result
@_memo
def token_table() -> pd.DataFrame:
    """One row per number token on the covered lines (each token once, however many datasets
    cover its line): ``source, line, index, token, status`` (transcribed / skipped /
    unexplained), ``dataset`` (the one transcribing it), ``kind``, ``reason``, ``datasets``
    (the prose datasets covering the line, ``;``-joined)."""
    scope = in_scope()
    covering: dict[tuple[str, int], list[str]] = defaultdict(list)
    for name, ds in scope.items():
        for n in covered_lines(name):
            covering[(ds.source, n)].append(name)
    skips: dict[tuple[str, int], list[Skip]] = defaultdict(list)
    for s in declared_skips():
        skips[(s.seed, s.line)].append(s)
    rows = []
    for (source, n), names in sorted(covering.items()):
        tokens, claimed = _seed_state(source)
        waiting = list(skips.get((source[:3], n), ()))
        for i, tok in enumerate(tokens.get(n, ())):
            rec = dict(source=source, line=n, index=i, token=tok, status="unexplained", dataset=None,
                       kind=None, reason=None, datasets=";".join(names))
            if (n, i) in claimed:
                rec.update(status="transcribed", dataset=claimed[(n, i)])
            else:
                hit = next((s for s in waiting if s.token == tok), None)
                if hit is not None:
                    waiting.remove(hit)
                    rec.update(status="skipped", kind=hit.kind, reason=hit.reason)
            rows.append(rec)
    return pd.DataFrame(rows, columns=["source", "line", "index", "token", "status", "dataset", "kind", "reason",
                                       "datasets"])


def coverage() -> pd.DataFrame:
    """Per prose dataset: the lines it covers and its number tokens, transcribed, skipped with a
    reason and unexplained (a token on lines two datasets cover counts for both)."""
    tt = token_table()
    out = []
    for name, ds in in_scope().items():
        mine = tt[tt.datasets.str.split(";").apply(lambda xs, n=name: n in xs)]
        c = Counter(mine.status)
        out.append(dict(dataset=name, source=ds.source, first=ds.lines[0], last=ds.lines[1],
                         lines=len(covered_lines(name)), tokens=len(mine), transcribed=c["transcribed"],
                         skipped=c["skipped"], unexplained=c["unexplained"]))
    return pd.DataFrame(out)


def totals() -> dict[str, int]:
    """The number tokens of all covered lines, each counted once: ``tokens``, ``transcribed``,
    ``skipped``, ``unexplained``; the prose ``datasets``, the seed ``lines`` they cover (each
    once) and the ``lines_with_numbers`` among them."""
    tt = token_table()
    c = Counter(tt.status)
    covered = {(ds.source, n) for name, ds in in_scope().items() for n in covered_lines(name)}
    return dict(datasets=len(in_scope()), lines=len(covered),
                lines_with_numbers=len(tt[["source", "line"]].drop_duplicates()), tokens=len(tt),
                transcribed=c["transcribed"], skipped=c["skipped"], unexplained=c["unexplained"])


def skip_kinds() -> pd.Series:
    """How many tokens are skipped, per kind of reason."""
    tt = token_table()
    return tt[tt.status == "skipped"].kind.value_counts()


# ------------------------------------------------------------------------------------ problems
def _verify(s: Skip, tok_values: dict[tuple[str, int], set[float]]) -> str | None:
    """Why a declared skip's kind does not fit its token (``None`` when it fits)."""
    if s.kind == "year":
        v = int(s.token) if s.token.isdigit() else -1
        if not (1300 <= v <= 1420 or 1900 <= v <= 2100 or (len(s.token) == 2 and 0 <= v <= 99)):
            return f"{s.token!r} is not a year (1300-1420, 1900-2100 or two digits)"
    elif s.kind == "date":
        if _as_date(s.token) is None:
            return f"{s.token!r} is not a valid Jalali date"
    elif s.kind == "day":
        if not (s.token.isdigit() and 1 <= int(s.token) <= 31):
            return f"{s.token!r} is not a day of a month (1-31)"
    elif s.kind == "repeat":
        m = re.match(r"(\d+)", s.detail)
        if not m:
            return "a repeat must name the line it is transcribed from (detail starts with the line number)"
        if not any(_same(v, s.token) for v in tok_values.get((s.seed, int(m[1])), ())):
            return f"{s.token!r} is not transcribed on line {m[1]}"
    return None


def problems() -> list[str]:
    """One line per problem: unexplained tokens, skips that match no token left on their line
    (stale, or declared for a transcribed token), skips whose kind does not fit."""
    tt = token_table()
    out = [f"{r.source} line {r.line}: number {r.token!r} is neither transcribed nor skipped with a reason "
           f"(covered by {r.datasets.replace(';', ', ')})" for r in tt[tt.status == "unexplained"].itertuples()]
    # values transcribed per (seed, line), for the repeat check
    tok_values: dict[tuple[str, int], set[float]] = defaultdict(set)
    for name, ds in catalog().items():
        for a, b, how, value in _claims(ds, load(name)):
            if how == "number":
                for n in range(a, b + 1):
                    tok_values[(ds.source[:3], n)].add(abs(float(value)))
    # the SKIPPED tables of the modules that write a dataset of the check (all of them, unless a
    # test's catalogue holds only a few datasets)
    modules = {str(ds.raw.get("extractor", "")).split(".")[0] for ds in in_scope().values()}
    skips = [s for s in declared_skips() if s.module in modules]
    used = Counter((r.source[:3], r.line, r.token) for r in tt[tt.status == "skipped"].itertuples())
    declared = Counter((s.seed, s.line, s.token) for s in skips)
    for (seed, n, tok), k in sorted(declared.items()):
        if k > used[(seed, n, tok)]:
            out.append(f"{seed} line {n}: {k - used[(seed, n, tok)]} skip(s) of {tok!r} declared but no such "
                       f"untranscribed number is left on the line (or the line is not covered)")
    for s in skips:
        why = _verify(s, tok_values)
        if why:
            out.append(f"{s.module}.SKIPPED, {s.seed} line {s.line}: {s.kind}: {why}")
    return out
