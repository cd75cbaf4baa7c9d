"""Downloadable CSVs, safe to open in a spreadsheet.

The files under ``data/processed/`` stay exactly as transcribed; the copies a reader downloads
from the book are written here:

* **UTF-8 with a byte-order mark**, so Excel shows Persian columns as Persian rather than
  mojibake (pandas, R and LibreOffice read the mark transparently);
* **formula-like text neutralised**: a text cell that begins with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return would be run as a formula by a spreadsheet (CSV injection); it is
  prefixed with an apostrophe, the spreadsheet convention for "this is text". Numbers, including
  negative ones, are left alone.

>>> neutralise("=HYPERLINK(1)"), neutralise("-12.5"), neutralise("-"), neutralise("Qom")
("'=HYPERLINK(1)", '-12.5', "'-", 'Qom')
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

ENCODING = "utf-8-sig"  # UTF-8 with BOM
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(cell: str) -> str:
    """Prefix a formula-like text cell with an apostrophe; numbers and other text unchanged."""
    if cell and cell.startswith(FORMULA_START) and not NUMBER.match(cell.strip()):
        return "'" + cell
    return cell


def _text(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = [neutralise(v) if isinstance(v, str) else v for v in out[col]]
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a frame as a spreadsheet-safe download; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _text(df).to_csv(path, index=False, encoding=ENCODING, lineterminator="\n")
    return path


#: The provenance columns of a download: the seed file, the printed table and the line of each row.
PROVENANCE_COLUMNS = ("source_file", "table", "source_line")


def _catalogued(src: Path):
    """The catalogue entry of a processed CSV (``None`` for a file the catalogue does not list)."""
    from analysis.sources.datasets import catalog
    path = src.resolve()
    return next((ds for ds in catalog().values() if ds.path.resolve() == path), None)


def _with_provenance(rows: list[list[str]], ds) -> list[list[str]]:
    """Rows of a catalogued CSV with ``source_file`` and ``table`` put before ``source_line`` (when
    the file lacks them): the seed file of the catalogue, the row's printed table (its
    ``table_no``/``table`` column where the dataset spans several tables, else the catalogue's)."""
    if not rows or ds is None or "source_line" not in rows[0]:
        return rows
    head = rows[0]
    at = head.index("source_line")
    own_table = next((head.index(c) for c in ("table_no", "table") if c in head), None)
    add = [c for c in ("source_file", "table") if c not in head]
    out = [head[:at] + add + head[at:]]
    for row in rows[1:]:
        table = row[own_table] if own_table is not None and row[own_table] else (ds.table or "")
        values = {"source_file": str(ds.source), "table": table}
        out.append(row[:at] + [values[c] for c in add] + row[at:])
    return out


def copy_csv(src: str | Path, dest: str | Path) -> Path:
    """Copy a processed CSV as a spreadsheet-safe download (every cell kept as text, so the
    numbers are byte-for-byte those of the processed file). A catalogued file gains the
    provenance columns it lacks (:data:`PROVENANCE_COLUMNS`: ``source_file`` and ``table`` before
    its ``source_line``), so each downloaded row names its seed file, table and line."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    rows = list(csv.reader(io.StringIO(Path(src).read_text(encoding="utf-8"))))
    rows = _with_provenance(rows, _catalogued(Path(src)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for i, row in enumerate(rows):
        w.writerow(row if i == 0 else [neutralise(c) for c in row])
    dest.write_text(buf.getvalue(), encoding=ENCODING)
    return dest
