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


def copy_csv(src: str | Path, dest: str | Path) -> Path:
    """Copy a processed CSV as a spreadsheet-safe download (every cell kept as text, so the
    numbers are byte-for-byte those of the processed file)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    rows = list(csv.reader(io.StringIO(Path(src).read_text(encoding="utf-8"))))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for i, row in enumerate(rows):
        w.writerow(row if i == 0 else [neutralise(c) for c in row])
    dest.write_text(buf.getvalue(), encoding=ENCODING)
    return dest
