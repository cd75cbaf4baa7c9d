"""Citations a reader can see: where a table row or a number in the prose comes from.

A row transcribed from a seed cites its seed, printed table and line: ``002 · T13 · l.955``
(short, printed in a table's last column) and, on hover, the long form naming the seed file
and the dataset. A computed row or number (a sum, a ratio across rows) cites the computation
instead: "sum of 31 rows of water_by_province". The words are in
``text/<lang>/provenance.yml`` (keys ``provenance.<key>``).

* :func:`source` — the citation of one catalogued row (its ``source_line``, ``source_line_end``
  and printed table: a ``table_no``/``table`` column where the dataset spans several tables, else
  the catalogue's ``table``);
* :func:`rows` — one citation per row of a frame of catalogued rows;
* :func:`province` — the citation of a province's row of a dataset (for tables rebuilt by province);
* :func:`computed` — the citation of a computation (``provenance.<key>`` with its values);
* :func:`join` — one citation of several (a row merged from two tables).

>>> c = source("water_by_province", {"source_line": 955})
>>> c.short, c.refs[0].seed, c.refs[0].table
('002 · T13 · l.955', '002', '13')
>>> computed("sum_rows", n=31, dataset="water_by_province").short
'sum of 31 rows of water_by_province'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.core.text import isolate_in_persian, t

__all__ = ["Cite", "Ref", "computed", "join", "province", "province_or_absent", "rows", "source", "with_note"]

#: A printed table number the short form can abbreviate as ``T<n>`` (``13``, ``30-32``, ``1-4``);
#: other table names (the unnumbered tables of seeds 000 and 003) appear in the long form only.
_NUMBERED = re.compile(r"^\d+(?:\s*[-–,]\s*\d+)*$")


@dataclass(frozen=True)
class Ref:
    """One cited place: a catalogued dataset's row on a seed line (or lines)."""

    dataset: str
    seed: str  # "000" .. "004"
    file: str  # the seed file name
    table: str | None
    line: int
    line_end: int | None = None

    @property
    def lines(self) -> str:
        return f"{self.line}" if not self.line_end or self.line_end == self.line else f"{self.line}–{self.line_end}"

    def short(self) -> str:
        if self.table and _NUMBERED.match(self.table):
            return t("provenance.short", seed=self.seed, table=self.table, lines=self.lines)
        return t("provenance.short_no_table", seed=self.seed, lines=self.lines)

    def long(self) -> str:
        file = isolate_in_persian(self.file)
        if self.table:
            return t("provenance.long", seed=self.seed, file=file, table=self.table, lines=self.lines,
                     dataset=self.dataset)
        return t("provenance.long_no_table", seed=self.seed, file=file, lines=self.lines, dataset=self.dataset)


@dataclass(frozen=True)
class Cite:
    """A citation: ``short`` (a table's source column), ``long`` (the hover title);
    ``refs`` the seed places it points to (none for a computation)."""

    short: str
    long: str
    refs: tuple[Ref, ...] = ()
    computed: bool = False

    def __str__(self) -> str:
        return self.short


def _get(row, name: str):
    if isinstance(row, dict):
        return row.get(name)
    if isinstance(row, pd.Series):
        return row.get(name)
    return getattr(row, name, None)


def _present(v) -> bool:
    return v is not None and not (isinstance(v, float) and pd.isna(v)) and v is not pd.NA and str(v).strip() != ""


def ref(dataset: str, row) -> Ref:
    """The :class:`Ref` of one row of a catalogued ``dataset`` (see :func:`source`)."""
    from analysis.sources.datasets import dataset as get_dataset
    ds = get_dataset(dataset)
    line = _get(row, "source_line")
    if not _present(line):
        raise ValueError(f"dataset {dataset!r}: a row without source_line cannot be cited ({row!r})")
    end = _get(row, "source_line_end")
    table = next((str(_get(row, c)) for c in ("table_no", "table") if _present(_get(row, c))), None)
    if table is None:
        table = _table_by_line(dataset, int(line)) or ds.table
    file = str(ds.source)
    return Ref(dataset, file[:3], file, table, int(line), int(end) if _present(end) else None)


def _table_by_line(dataset: str, line: int) -> str | None:
    """The printed table of a dataset's row on ``line``, for a dataset spanning several tables (a
    ``table_no``/``table`` column) cited by a row that does not carry it (an audit finding)."""
    from analysis.sources.datasets import dataset as get_dataset
    from analysis.sources.datasets import load
    col = next((c for c in ("table_no", "table") if c in get_dataset(dataset).columns), None)
    if col is None:
        return None
    df = load(dataset)
    hit = df.loc[df["source_line"] == line, col].dropna().astype(str).unique()
    return hit[0] if len(hit) == 1 else None


def source(dataset: str, row) -> Cite:
    """The citation of one row of a catalogued dataset (a dict, a Series or an ``itertuples`` row
    with ``source_line``)."""
    r = ref(dataset, row)
    return Cite(r.short(), r.long(), (r,))


def rows(dataset: str, frame: pd.DataFrame) -> list[Cite]:
    """One citation per row of ``frame`` (rows of ``dataset`` with their ``source_line``), in order."""
    return [source(dataset, r) for _, r in frame.iterrows()]


def _province_rows(dataset: str, key: str) -> pd.DataFrame:
    from analysis.sources.datasets import load
    df = load(dataset)
    mine = df["province"] == key
    if "row_kind" in df.columns:
        mine &= df["row_kind"] == "province"
    return df[mine]


def province(dataset: str, key: str) -> Cite:
    """The citation of province ``key``'s row of ``dataset`` (its one province row)."""
    hit = _province_rows(dataset, key)
    if len(hit) != 1:
        raise KeyError(f"dataset {dataset!r} has {len(hit)} province rows for {key!r}; expected 1")
    return source(dataset, hit.iloc[0])


def province_or_absent(dataset: str, key: str) -> Cite:
    """:func:`province`, or for a province the printed table does not list, a citation saying so
    (the table and the lines it spans)."""
    if len(_province_rows(dataset, key)) == 1:
        return province(dataset, key)
    from analysis.sources.datasets import dataset as get_dataset
    ds = get_dataset(dataset)
    lines = "–".join(str(n) for n in ds.lines) if ds.lines else "?"
    return computed("not_in_table", seed=str(ds.source)[:3], table=ds.table or "?", lines=lines, dataset=dataset)


def with_note(c: Cite, key: str, **values) -> Cite:
    """``c`` with a computation added to its long form (``provenance.<key>``), e.g. a row whose
    value is a source cell and whose other cells are a sum over the table."""
    return Cite(c.short, f"{c.long}{t('provenance.join_sep')}{t(f'provenance.{key}', **values)}", c.refs, c.computed)


def join(*cites: Cite) -> Cite:
    """One citation of several (a row merged from two tables): short forms joined by ``; ``."""
    sep = t("provenance.join_sep")
    refs = tuple(r for c in cites for r in c.refs)
    return Cite(sep.join(c.short for c in cites), sep.join(c.long for c in cites), refs,
                computed=any(c.computed for c in cites))


def computed(key: str, **values) -> Cite:
    """The citation of a computation, ``text/<lang>/provenance.yml`` key ``provenance.<key>``
    with ``values`` (e.g. ``computed("sum_rows", n=31, dataset="water_by_province")``); an integer
    value (a count, a year) in the reader's digits (:func:`analysis.report.display.plain`)."""
    import numbers

    from analysis.report.display import plain
    values = {k: plain(v) if isinstance(v, numbers.Integral) and not isinstance(v, bool) else v
              for k, v in values.items()}
    text = t(f"provenance.{key}", **values)
    return Cite(text, text, (), computed=True)
