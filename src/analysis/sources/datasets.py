"""The data catalogue, per-dataset schemas and the one validating loader.

Every CSV under ``data/processed/`` is described in ``data/catalog.yml`` (``datasets:``), and
every file of outside reference data under ``data/reference/`` in its ``reference:`` section.
The catalogue entry is the dataset's schema: row count, column types, units, ranges, allowed
values, unique keys. :func:`load` reads a CSV, converts and validates it with pandera, and
raises :class:`DataError` with a one-line message naming the file, the place and the column.
The place is the **line of the file** (header = line 1), followed by the data row it starts
(first row after the header = data row 1): ``x.csv: line 5 (data row 4), column 'plan': ...``.
Every way reading can fail (missing file, wrong encoding, a file cut short, malformed CSV,
bad values) raises :class:`DataError`; a missing file raises :class:`DataFileMissing`, which
is also a :class:`FileNotFoundError`.

Entry keys: ``path``, ``title`` (``en``, ``fa``), ``source`` (the seed file; for reference
data a mapping ``name``, ``url``, ``licence``, ``retrieved``, ``method``), ``lines`` (the seed
lines; seed datasets only), ``rows`` (data rows, checked on every read: a shorter file was cut
short; ``python -m analysis.sources.catalog_rows`` writes them), ``columns``, and optionally
``table``, ``unique``, ``notes``, ``format`` (``csv``, the default, or ``geojson``: one row per
feature, its properties as columns).

Column spec keys (all optional but ``type``):

=============== ==================================================================
``type``        int | float | str | province | date | bool
``unit``        unit of the values, one of the catalogue's ``units:`` vocabulary
                (e.g. ``litre/second``, ``million rials``, ``%``)
``description`` what the column holds
``nullable``    empty cells allowed (default false)
``min``/``max`` inclusive range for numbers
``allowed``     list of allowed values
``pattern``     regular expression a string must match in full
``provenance``  false for derived numbers that are not printed on the source line
                (e.g. a value normalised to rials); default true for numbers
=============== ==================================================================

Numbers must be finite: ``inf``, ``-inf``, ``nan`` and numbers too large for a float
(``1e400``) are rejected; a missing value is an empty cell in a nullable column.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import yaml

from analysis.core import paths
from analysis.core.provinces import keys as province_keys

TYPES = {"int", "float", "str", "province", "date", "bool"}
FORMATS = ("csv", "geojson")
REQUIRED_COLUMNS = ("source_line",)
SOURCE_KEYS = ("name", "url", "licence", "retrieved", "method")  # of a reference dataset's outside source
INT64_MAX = 2**63 - 1
# libyaml's C parser when present: the catalogue is large and every notebook reads it
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """Bad input data: a one-line message naming the file, line (or feature) and column."""


class DataFileMissing(DataError, FileNotFoundError):
    """A catalogued file that is not there (both a :class:`DataError` and a :class:`FileNotFoundError`)."""


class DataProblems(DataError):
    """Several datasets failed (:func:`validate_all`): the message is the first problem's line
    and how many more there are; ``.problems`` holds every :class:`DataError`."""

    def __init__(self, problems: list[DataError]):
        self.problems = list(problems)
        more = len(self.problems) - 1
        msg = str(self.problems[0])
        if more:
            msg += f" (and {more} more problem(s); `python -m analysis check-data` lists them all)"
        super().__init__(msg)


@dataclass(frozen=True)
class Dataset:
    name: str
    path: Path
    title: dict
    source: str | dict  # the seed file; for reference data, the outside source (name, url, licence, ...)
    lines: tuple[int, ...]
    columns: dict
    table: str | None = None
    unique: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    rows: int | None = None
    format: str = "csv"
    reference: bool = False
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    def numeric_columns(self, provenance_only: bool = False) -> list[str]:
        out = []
        for col, spec in self.columns.items():
            if spec["type"] in ("int", "float") and not col.startswith("source_line"):
                if not provenance_only or spec.get("provenance", True):
                    out.append(col)
        return out

    def unit(self, column: str) -> str | None:
        """The catalogued unit of a column (``None`` when it has none)."""
        if column not in self.columns:
            raise KeyError(f"dataset {self.name!r} has no column {column!r}; columns: {list(self.columns)}")
        return self.columns[column].get("unit")


def display_path(path: Path | str) -> str:
    """A path as messages show it: relative to the repository when inside it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(paths.ROOT.resolve()).as_posix()
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------------- catalogue
def unit_key(unit: str) -> str:
    """The text key of a unit (``text/<lang>/units.yml``): the unit slugified.

    >>> unit_key("litre/second"), unit_key("million rials"), unit_key("%"), unit_key("MW")
    ('litre_second', 'million_rials', 'percent', 'mw')
    """
    return re.sub(r"[^a-z0-9]+", "_", unit.replace("%", "percent").lower()).strip("_")


def _check_units(vocab, where: str) -> dict[str, str]:
    if not isinstance(vocab, dict) or not vocab:
        raise DataError(f"{where}: 'units:' must map each allowed unit to a one-line meaning")
    for unit, meaning in vocab.items():
        if not isinstance(unit, str) or not isinstance(meaning, str) or not meaning.strip():
            raise DataError(f"{where}: units: {unit!r} needs a one-line meaning")
    keys: dict[str, str] = {}
    for unit in vocab:
        k = unit_key(unit)
        if k in keys:
            raise DataError(f"{where}: units: {unit!r} and {keys[k]!r} are two spellings of one unit")
        keys[k] = unit
    return dict(vocab)


COLUMN_KEYS = ("type", "unit", "description", "nullable", "min", "max", "allowed", "pattern", "provenance")


def _check_columns(name: str, entry: dict, where: str, units: dict) -> None:
    if not isinstance(entry["columns"], dict) or not entry["columns"]:
        raise DataError(f"{where}: dataset {name!r}: columns must map each column to its spec")
    for col, spec in entry["columns"].items():
        if not isinstance(spec, dict) or spec.get("type") not in TYPES:
            raise DataError(f"{where}: dataset {name!r}, column {col!r}: type must be one of {sorted(TYPES)}")
        if "unit" in spec and spec["unit"] not in units:
            raise DataError(f"{where}: dataset {name!r}, column {col!r}: unit {spec['unit']!r} is not in the "
                            f"catalogue's units; valid: {list(units)}")
        unknown = [k for k in spec if k not in COLUMN_KEYS]
        if unknown:  # e.g. an unquoted description in {...} cut at its first comma: the rest became a key
            raise DataError(f"{where}: dataset {name!r}, column {col!r}: unknown key {unknown[0]!r} (valid: "
                            f"{', '.join(COLUMN_KEYS)}); a description with a comma inside {{...}} must be quoted")


def _check_rows_key(name: str, entry: dict, where: str) -> None:
    if "rows" not in entry:
        raise DataError(f"{where}: dataset {name!r} lacks 'rows' (its number of data rows; "
                        f"`python -m analysis.sources.catalog_rows --write` records it)")
    n = entry["rows"]
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise DataError(f"{where}: dataset {name!r}: rows must be a whole number >= 1, got {n!r}")


def _check_entry(name: str, entry: dict, where: str, units: dict | None = None) -> None:
    if not isinstance(entry, dict):
        raise DataError(f"{where}: dataset {name!r} must be a mapping of keys (path, title, ...)")
    for key in ("path", "title", "source", "lines", "columns"):
        if key not in entry:
            raise DataError(f"{where}: dataset {name!r} lacks {key!r}")
    for lang in ("en", "fa"):
        if lang not in entry["title"]:
            raise DataError(f"{where}: dataset {name!r}: title needs 'en' and 'fa'")
    if entry["source"] not in paths.SEED_FILES.values():
        raise DataError(f"{where}: dataset {name!r}: source {entry['source']!r} is not a seed file; valid: {sorted(paths.SEED_FILES.values())} "
                        f"(outside data goes in the 'reference:' section)")
    if "table" in entry and not isinstance(entry["table"], str):
        raise DataError(f"{where}: dataset {name!r}: table must be a string as printed, got {entry['table']!r}")
    _check_rows_key(name, entry, where)
    _check_columns(name, entry, where, units if units is not None else {})
    for col in REQUIRED_COLUMNS:
        if col not in entry["columns"]:
            raise DataError(f"{where}: dataset {name!r} lacks the required column {col!r}")


def _check_reference(name: str, entry: dict, where: str, units: dict) -> None:
    if not isinstance(entry, dict):
        raise DataError(f"{where}: reference {name!r} must be a mapping of keys (path, title, source, ...)")
    for key in ("path", "title", "source", "rows", "columns"):
        if key not in entry:
            raise DataError(f"{where}: reference {name!r} lacks {key!r}")
    for lang in ("en", "fa"):
        if lang not in entry["title"]:
            raise DataError(f"{where}: reference {name!r}: title needs 'en' and 'fa'")
    src = entry["source"]
    if not isinstance(src, dict) or [k for k in SOURCE_KEYS if not str(src.get(k) or "").strip()]:
        missing = [k for k in SOURCE_KEYS if not isinstance(src, dict) or not str(src.get(k) or "").strip()]
        raise DataError(f"{where}: reference {name!r}: source must describe the outside source; missing {missing} "
                        f"(needs {list(SOURCE_KEYS)})")
    if entry.get("format", "csv") not in FORMATS:
        raise DataError(f"{where}: reference {name!r}: format {entry['format']!r}; valid: {list(FORMATS)}")
    if not str(entry["path"]).startswith("data/reference/"):
        raise DataError(f"{where}: reference {name!r}: path {entry['path']!r} must lie under data/reference/")
    _check_rows_key(name, entry, where)
    _check_columns(name, entry, where, units)


class Catalogue(NamedTuple):
    units: dict[str, str]
    datasets: dict[str, Dataset]
    references: dict[str, Dataset]


def read_catalogue(root: Path | None = None) -> Catalogue:
    """Read ``data/catalog.yml``: the unit vocabulary, the seed datasets and the reference data.

    Raises :class:`DataError` (one line: file, dataset, column, what) for an invalid entry,
    e.g. a column unit that is not in the ``units:`` vocabulary (the message lists them).
    """
    root = Path(root) if root else paths.ROOT
    file = root / "data" / "catalog.yml"
    where = display_path(file) if root == paths.ROOT else str(file.relative_to(root))
    if not file.exists():
        return Catalogue({}, {}, {})
    try:
        doc = yaml.load(file.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f"line {mark.line + 1}: " if mark is not None else ""
        raise DataError(f"{where}: {at}not valid YAML: {getattr(err, 'problem', None) or err}") from None
    except UnicodeDecodeError as err:
        raise DataError(f"{where}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    units = _check_units(doc.get("units"), where)
    datasets: dict[str, Dataset] = {}
    for name, entry in (doc.get("datasets") or {}).items():
        _check_entry(name, entry, where, units)
        datasets[name] = Dataset(
            name=name, path=root / entry["path"], title=entry["title"], source=entry["source"],
            lines=tuple(entry["lines"]), columns=entry["columns"], table=entry.get("table"),
            unique=tuple(entry.get("unique", ())), notes=tuple(entry.get("notes", ())),
            rows=entry["rows"], raw=entry,
        )
    references: dict[str, Dataset] = {}
    for name, entry in (doc.get("reference") or {}).items():
        if name in datasets:
            raise DataError(f"{where}: {name!r} is both a dataset and a reference; names must be unique")
        _check_reference(name, entry, where, units)
        references[name] = Dataset(
            name=name, path=root / entry["path"], title=entry["title"], source=entry["source"], lines=(),
            columns=entry["columns"], unique=tuple(entry.get("unique", ())), notes=tuple(entry.get("notes", ())),
            rows=entry["rows"], format=entry.get("format", "csv"), reference=True, raw=entry,
        )
    return Catalogue(units, datasets, references)


def read_catalog(root: Path | None = None) -> dict[str, Dataset]:
    """The seed datasets of ``data/catalog.yml`` as :class:`Dataset` objects."""
    return read_catalogue(root).datasets


@lru_cache(maxsize=1)
def _project() -> Catalogue:
    return read_catalogue()


def catalog() -> dict[str, Dataset]:
    """The project's catalogue of seed datasets (cached)."""
    return _project().datasets


def references() -> dict[str, Dataset]:
    """The project's reference data (``data/reference/``), keyed by name (cached)."""
    return _project().references


def units() -> dict[str, str]:
    """The unit vocabulary: every allowed column unit and its one-line meaning."""
    return _project().units


def dataset(name: str) -> Dataset:
    cat = catalog()
    if name not in cat:
        raise KeyError(f"unknown dataset {name!r}; catalogued datasets: {', '.join(sorted(cat))}")
    return cat[name]


def reference(name: str) -> Dataset:
    refs = references()
    if name not in refs:
        raise KeyError(f"unknown reference dataset {name!r}; valid: {', '.join(sorted(refs))}")
    return refs[name]


# ------------------------------------------------------------------------------- reading files
HEADER = -1  # the "row" of a problem in the header line


def _loc(i: int, locs: list[str] | None) -> str:
    if i == HEADER:
        return "line 1 (header)"
    if locs is not None and 0 <= i < len(locs):
        return locs[i]
    return f"line {i + 2} (data row {i + 1})"


def _fail(path: Path, i: int | None, col: str | None, msg: str, locs: list[str] | None = None) -> DataError:
    """A one-line :class:`DataError`: ``file: line L (data row R), column 'c': msg``.

    ``i`` is the 0-based data row (:data:`HEADER` for the header, ``None`` for the whole file)."""
    where = [_loc(i, locs)] if i is not None else []
    if col is not None:
        where.append(f"column {col!r}")
    return DataError(f"{display_path(path)}: " + (", ".join(where) + ": " if where else "") + msg)


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 text of a data file, or a one-line :class:`DataError` saying what it is instead."""
    if not raw:
        raise _fail(path, None, None, "empty file (0 bytes); expected a header line and the data rows")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise _fail(path, None, None, f"UTF-16 text (byte-order mark {raw[:2].hex(' ')} at byte 0); "
                                      "the data files must be UTF-8: save it again as UTF-8")
    if raw[:3] == b"\xef\xbb\xbf":
        raise _fail(path, None, None, "starts with a UTF-8 byte-order mark (ef bb bf); "
                                      "the data files are UTF-8 without one: save it again without the BOM")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise _fail(path, None, None, f"line {line}: NUL byte at byte {nul} (UTF-16 without a byte-order "
                                      "mark, or not a text file); the data files must be UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        if err.reason == "unexpected end of data":
            raise _fail(path, None, None, f"line {line}: the file ends inside a UTF-8 character "
                                          f"(byte {err.start} of {len(raw)}): cut short (truncated?)") from None
        raise _fail(path, None, None, f"line {line}: byte 0x{raw[err.start]:02x} at byte {err.start} is not "
                                      f"UTF-8 ({err.reason}); the data files must be UTF-8: save it again as UTF-8") from None


class Table(NamedTuple):
    """A parsed CSV file: header, data rows (lists of strings) and where each row starts."""
    header: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line of the file on which each data row starts (header = line 1)

    @property
    def locs(self) -> list[str]:
        return [f"line {n} (data row {i + 1})" for i, n in enumerate(self.lines)]


def parse_csv(path: Path | str, text: str | None = None) -> Table:
    """Parse a data CSV (UTF-8, strict quoting, one field per header column on every row).

    Raises :class:`DataError` naming the file and the line of the file (header = line 1)."""
    path = Path(path)
    if text is None:
        text = _decode(path, _read_bytes(path))
    if not text.endswith(("\n", "\r")):
        last = text.count("\n") + 1
        raise _fail(path, None, None, f"line {last}: the last line does not end with a line break: "
                                      "the file is cut short (truncated?)")
    last_line = text.count("\n") or text.count("\r")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    prev = 0
    try:
        header = next(reader, None)
        prev = reader.line_num
        if not header or all(not h.strip() for h in header):
            raise _fail(path, HEADER, None, "empty header; expected the column names")
        seen = set()
        for h in header:
            if h in seen:
                raise _fail(path, HEADER, h, "column name appears twice in the header")
            seen.add(h)
        for rec in reader:
            start, prev = prev + 1, reader.line_num
            if not rec:
                raise _fail(path, None, None, f"line {start}: blank line (data row {len(rows) + 1}); remove it")
            if len(rec) != len(header):
                cut = len(rec) < len(header) and reader.line_num == last_line
                more = " (the file is cut short? this is its last line)" if cut else ""
                raise _fail(path, None, None, f"line {start} (data row {len(rows) + 1}): {len(rec)} fields, "
                                              f"the header (line 1) has {len(header)}{more}")
            rows.append(rec)
            lines.append(start)
    except csv.Error as err:
        start = prev + 1
        span = f"line {start}" + (f" (to line {reader.line_num})" if reader.line_num > start else "")
        hint = ": a quoted cell is never closed" if "unexpected end of data" in str(err) else ""
        raise _fail(path, None, None, f"{span}: malformed CSV ({err}){hint}") from None
    return Table(header, rows, lines)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataFileMissing(f"{display_path(path)}: data file missing") from None
    except OSError as err:
        raise DataError(f"{display_path(path)}: cannot be read ({err.strerror or err})") from None


def _parse_geojson(path: Path, text: str, ds: Dataset) -> tuple[dict, pd.DataFrame, list[str]]:
    """A GeoJSON FeatureCollection and its features' properties as a frame of strings."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise _fail(path, None, None, f"line {err.lineno}, character {err.colno}: not valid JSON ({err.msg})") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise _fail(path, None, None, "not a GeoJSON FeatureCollection (needs type FeatureCollection and a features list)")
    records = []
    locs = []
    for i, feat in enumerate(doc["features"]):
        locs.append(f"feature {i + 1}")
        geom = feat.get("geometry") if isinstance(feat, dict) else None
        if not isinstance(feat, dict) or feat.get("type") != "Feature" or not isinstance(feat.get("properties"), dict):
            raise _fail(path, None, None, f"feature {i + 1}: not a GeoJSON Feature with properties")
        if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon") or not geom.get("coordinates"):
            raise _fail(path, None, None, f"feature {i + 1}: geometry must be a non-empty Polygon or MultiPolygon")
        records.append({k: "" if v is None else str(v) for k, v in feat["properties"].items()})
    cols = list(dict.fromkeys(k for r in records for k in r)) or list(ds.columns)
    df = pd.DataFrame(records, columns=cols, dtype=object).fillna("")
    return doc, df, locs


def _check_row_count(path: Path, ds: Dataset, n: int, what: str = "rows") -> None:
    if n == 0:
        expect = f"; the catalogue expects {ds.rows}" if ds.rows else ""
        only = "only the header (line 1)" if ds.format == "csv" else "an empty features list"
        raise _fail(path, None, None, f"no {what}, {only}{expect}")
    if ds.rows is not None and n != ds.rows:
        why = "file truncated?" if n < ds.rows else "rows added? if so, update rows: in data/catalog.yml"
        raise _fail(path, None, None, f"{n} {what}, the catalogue expects {ds.rows} ({why})")


def _finite_problem(text: str) -> bool:
    try:
        return not math.isfinite(float(text))
    except ValueError:
        return False


def _convert(df: pd.DataFrame, ds: Dataset, path: Path, locs: list[str] | None = None) -> pd.DataFrame:
    missing = [c for c in ds.columns if c not in df.columns]
    if missing:
        raise _fail(path, HEADER, missing[0], f"column missing; the catalogue expects {list(ds.columns)}", locs)
    extra = [c for c in df.columns if c not in ds.columns]
    if extra:
        raise _fail(path, HEADER, extra[0], f"column not in the catalogue entry {ds.name!r}", locs)
    out = {}
    for col, spec in ds.columns.items():
        s = df[col]
        empty = s.str.strip() == ""
        if empty.any() and not spec.get("nullable", False):
            i = int(empty.to_numpy().argmax())
            raise _fail(path, i, col, "empty cell in a column that may not be empty", locs)
        kind = spec["type"]
        if kind in ("int", "float"):
            num = pd.to_numeric(s.where(~empty), errors="coerce")
            bad = (num.isna() | num.isin([math.inf, -math.inf])) & ~empty
            if bad.any():
                i = int(bad.to_numpy().argmax())
                if _finite_problem(s.iloc[i]):
                    word = s.iloc[i].strip().lower().lstrip("+-")
                    why = ("a missing value is an empty cell" if word == "nan" else "only finite numbers are allowed"
                           if word in ("inf", "infinity") else "beyond the float range")
                    raise _fail(path, i, col, f"{s.iloc[i]!r} is not a finite number ({why})", locs)
                raise _fail(path, i, col, f"{s.iloc[i]!r} is not a number", locs)
            if kind == "int":
                frac = num.notna() & (num % 1 != 0)
                if frac.any():
                    i = int(frac.to_numpy().argmax())
                    raise _fail(path, i, col, f"{s.iloc[i]!r} is not a whole number", locs)
                big = num.notna() & (num.abs() > INT64_MAX)
                if big.any():
                    i = int(big.to_numpy().argmax())
                    raise _fail(path, i, col, f"{s.iloc[i]!r} is too large for a whole-number column (limit {INT64_MAX})", locs)
                num = num.astype("Int64")
            out[col] = num
        elif kind == "bool":
            m = {"true": True, "false": False, "1": True, "0": False}
            low = s.str.strip().str.lower()
            bad = ~low.isin(list(m)) & ~empty
            if bad.any():
                i = int(bad.to_numpy().argmax())
                raise _fail(path, i, col, f"{s.iloc[i]!r} is not true/false", locs)
            out[col] = low.map(m).astype("boolean")
        elif kind == "date":
            d = pd.to_datetime(s.where(~empty), format="%Y-%m-%d", errors="coerce")
            bad = d.isna() & ~empty
            if bad.any():
                i = int(bad.to_numpy().argmax())
                raise _fail(path, i, col, f"{s.iloc[i]!r} is not an ISO date YYYY-MM-DD", locs)
            out[col] = d
        else:
            out[col] = s.where(~empty, None).astype("string")
    return pd.DataFrame(out)


def schema(ds: Dataset):
    """The pandera schema of a dataset, built from its catalogue entry."""
    import pandera.pandas as pa

    cols = {}
    for col, spec in ds.columns.items():
        checks = []
        kind = spec["type"]
        if "min" in spec:
            checks.append(pa.Check.ge(spec["min"], error=f"must be >= {spec['min']}"))
        if "max" in spec:
            checks.append(pa.Check.le(spec["max"], error=f"must be <= {spec['max']}"))
        if "allowed" in spec:
            checks.append(pa.Check.isin(spec["allowed"], error=f"must be one of {spec['allowed']}"))
        if "pattern" in spec:
            checks.append(pa.Check.str_matches(spec["pattern"], error=f"must match {spec['pattern']!r}"))
        if kind == "province":
            checks.append(pa.Check.isin(province_keys(), error="must be a registry province key (analysis.core.provinces.keys())"))
        dtype = {"int": "Int64", "float": "float64", "bool": "boolean", "date": "datetime64[ns]"}.get(kind, "string")
        cols[col] = pa.Column(dtype, checks=checks, nullable=spec.get("nullable", False), coerce=kind == "date")
    if "source_line" in cols:
        cols["source_line"] = pa.Column("Int64", checks=[pa.Check.ge(1), pa.Check.le(ds.lines[1] if ds.lines else 10**6, error="must lie within the catalogued lines")])
    return pa.DataFrameSchema(cols, strict=True, name=ds.name)


def validate(df: pd.DataFrame, ds: Dataset, path: Path | None = None, locs: list[str] | None = None) -> pd.DataFrame:
    """Validate a converted frame against the dataset schema; raise :class:`DataError`.

    ``locs`` names each row's place in the file (default: one line per row after the header)."""
    import pandera.pandas as pa

    path = path or ds.path
    try:
        schema(ds).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
        first = fc.iloc[0]
        idx = first.get("index")
        col = first.get("column")
        check = first.get("check")
        i = df.index.get_loc(idx) if pd.notna(idx) and idx in df.index else None
        raise _fail(path, i, None if pd.isna(col) else str(col),
                    f"{first.get('failure_case')!r} fails check: {check} ({len(fc)} failure(s) in all)", locs) from None
    _check_rows(df, ds, path, locs)
    return df


def _check_rows(df: pd.DataFrame, ds: Dataset, path: Path, locs: list[str] | None = None) -> None:
    """Checks pandera does not express well: unique keys (rows whose key is all empty are
    exempt, e.g. total rows without a province), province rows must name a province, and
    flags must name existing columns."""
    def line(i: int) -> str:
        return _loc(i, locs).split(" (")[0]

    if ds.unique:
        key = df[list(ds.unique)]
        keyed = key.notna().any(axis=1)
        dup = (keyed & key.duplicated(keep=False)).to_numpy()
        if dup.any():
            pos = [int(i) for i in dup.nonzero()[0]]
            raise _fail(path, pos[1], ",".join(ds.unique),
                        f"duplicate key {key[dup].iloc[0].tolist()} on {', '.join(line(i) for i in pos)}; "
                        f"{list(ds.unique)} must be unique", locs)
    if "row_kind" in df.columns and "province" in df.columns:
        bad = ((df["row_kind"] == "province") & df["province"].isna()).to_numpy()
        if bad.any():
            raise _fail(path, int(bad.argmax()), "province", "a row of kind 'province' must name a province", locs)
    if "flag" in df.columns:
        for i, flag in enumerate(df["flag"]):
            if flag is None or pd.isna(flag):
                continue
            for part in str(flag).split(";"):
                col = part.split("=")[0].strip()
                if col not in df.columns:
                    raise _fail(path, i, "flag", f"flag {part!r} must read 'column=reason' with an existing column", locs)


def flag_parts(flag) -> list[tuple[str, str]]:
    """``(column, reason)`` pairs of a ``flag`` cell (``"a=garbled;b=unclear"``).

    >>> flag_parts("actual=garbled digits;plan=swapped")
    [('actual', 'garbled digits'), ('plan', 'swapped')]
    >>> flag_parts(None), flag_parts("")
    ([], [])
    """
    if flag is None or pd.isna(flag):
        return []
    out = []
    for part in str(flag).split(";"):
        if part.strip():
            col, _, reason = part.partition("=")
            out.append((col.strip(), reason.strip()))
    return out


def flagged_columns(flag) -> set[str]:
    """Columns named in a ``flag`` cell: ``flagged_columns("actual=garbled") == {"actual"}``."""
    return {col for col, _ in flag_parts(flag)}


# Set by the build runner's first (hidden) cell in each notebook, see analysis.build.execute.hook_cell.
_LOAD_LOG: Path | None = None  # record_loads(): file that lists each dataset load() reads
_TRUSTED: str | None = None  # trust_validated(): the data fingerprint the runner validated


def record_loads(path: str | Path | None) -> None:
    """From now on, append the name of every dataset :func:`load` reads to ``path`` (one per
    line; a relative path is taken from the current directory now); ``None`` stops.

    The build runner calls this in the hidden first cell of every notebook it executes, to
    learn which datasets the notebook depends on (its cache fingerprint).
    """
    global _LOAD_LOG
    _LOAD_LOG = Path(path).absolute() if path else None


def trust_validated(fingerprint: str | None) -> None:
    """Tell :func:`load` that the data whose :func:`data_fingerprint` is ``fingerprint`` was
    validated in full: if the data on disk has that fingerprint (computed once, at the next
    load), :func:`load` skips the pandera pass (type conversion and row checks still run).
    ``None`` withdraws it.

    The build runner validates the changed datasets before starting the notebooks and calls
    this in the hidden first cell of each.
    """
    global _TRUSTED
    _TRUSTED = fingerprint
    _already_validated.cache_clear()


def data_fingerprint(root: Path | None = None) -> str:
    """SHA-256 of the catalogue and every processed CSV: the data version."""
    import hashlib

    root = Path(root) if root else paths.ROOT
    h = hashlib.sha256()
    for p in sorted([root / "data" / "catalog.yml", *(root / "data" / "processed").glob("*.csv")]):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _already_validated() -> bool:
    """True when :func:`trust_validated` was told the fingerprint of exactly this data."""
    return bool(_TRUSTED) and _TRUSTED == data_fingerprint()


def read(path: Path | str, ds: Dataset, full: bool = True) -> pd.DataFrame:
    """Read and validate one data file against a catalogue entry.

    Every failure is a one-line :class:`DataError` naming the file (and the line, feature and
    column where it can): missing file (:class:`DataFileMissing`), not UTF-8 (UTF-16, cut
    inside a character), empty, malformed CSV, no rows or not the catalogued number of rows,
    missing or extra columns, bad or non-finite values, failed checks. ``full=False`` skips
    the pandera pass (types, the row count and the row checks still run)."""
    path = Path(path)
    try:
        return _read(path, ds, full)[0]
    except DataFileMissing as err:
        raise DataFileMissing(f"{err} (dataset {ds.name!r}, catalogued as {ds.raw.get('path')})") from None
    except DataError:
        raise
    except (OSError, ValueError, TypeError, OverflowError, csv.Error) as err:  # the last resort: still name the file
        raise _fail(path, None, None, f"cannot be read ({type(err).__name__}: {err})") from err


def _read(path: Path, ds: Dataset, full: bool) -> tuple[pd.DataFrame, dict | None]:
    text = _decode(path, _read_bytes(path))
    doc = None
    if ds.format == "geojson":
        doc, df, locs = _parse_geojson(path, text, ds)
        _check_row_count(path, ds, len(df), "features")
    else:
        table = parse_csv(path, text)
        _check_row_count(path, ds, len(table.rows))
        df = pd.DataFrame(table.rows, columns=table.header, dtype=object)
        locs = table.locs
    df = _convert(df, ds, path, locs)
    if full:
        validate(df, ds, path, locs)
    else:
        _check_rows(df, ds, path, locs)
    return df, doc


def row_locations(path: Path | str) -> list[str]:
    """Where each data row of a CSV starts, as messages name it (``line 5 (data row 4)``)."""
    return parse_csv(path).locs


def count_rows(path: Path | str, format: str = "csv") -> int:
    """Data rows of a CSV (features of a GeoJSON file): what ``rows:`` in the catalogue records."""
    path = Path(path)
    if format == "geojson":
        doc = json.loads(_decode(path, _read_bytes(path)))
        return len(doc.get("features") or [])
    return len(parse_csv(path).rows)


_LOADED: dict[str, tuple[float, pd.DataFrame]] = {}


def load(name: str) -> pd.DataFrame:
    """Load a catalogued dataset, validated. The one way notebooks get data.

    Raises
    ------
    KeyError
        Unknown dataset (lists the valid names).
    FileNotFoundError
        The CSV is missing.
    DataError
        Malformed or invalid content, naming file, row and column.
    """
    ds = dataset(name)
    if _LOAD_LOG is not None:
        with open(_LOAD_LOG, "a", encoding="utf-8") as f:
            f.write(name + "\n")
    mtime = ds.path.stat().st_mtime_ns if ds.path.exists() else None
    hit = _LOADED.get(name)
    if hit is not None and hit[0] == mtime:
        return hit[1].copy()
    df = read(ds.path, ds, full=not _already_validated())
    _LOADED[name] = (mtime, df)
    return df.copy()


def load_reference(name: str):
    """Load a reference dataset from ``data/reference/``, validated against its catalogue entry.

    A CSV comes back as a frame; a GeoJSON file as its parsed FeatureCollection (a dict),
    after its features' properties passed the catalogue's column checks."""
    ds = reference(name)
    try:
        df, doc = _read(ds.path, ds, full=True)
    except DataFileMissing as err:
        raise DataFileMissing(f"{err} (reference {name!r}, catalogued as {ds.raw.get('path')})") from None
    return doc if ds.format == "geojson" else df


def validate_all(names=None) -> int:
    """Read catalogued datasets (all, or ``names``) with the full schema; returns how many.

    With ``names=None`` the reference data is validated too. Every dataset is read even when
    one fails; a failure raises :class:`DataProblems` (a :class:`DataError`) whose one-line
    message is the first problem and how many more there are."""
    cat = catalog()
    chosen = [cat[n] for n in cat if names is None or n in names]
    refs = references()
    chosen += [refs[n] for n in refs if names is None or n in names]
    problems = []
    for ds in chosen:
        try:
            read(ds.path, ds, full=True)
        except DataError as err:
            problems.append(err)
    if problems:
        raise DataProblems(problems)
    return len(chosen)
