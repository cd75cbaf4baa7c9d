"""The data catalogue, per-dataset schemas and the one validating loader.

Every CSV under ``data/processed/`` is described in ``data/catalog.yml``. The catalogue entry
is the dataset's schema: column types, units, ranges, allowed values, unique keys.
:func:`load` reads a CSV, converts and validates it with pandera, and raises
:class:`DataError` naming the file, the CSV row (header = row 1) and the column.

Column spec keys (all optional but ``type``):

``type``        int | float | str | province | date | bool
``unit``        unit of the values (e.g. ``litre/second``, ``million rials``, ``%``)
``description`` what the column holds
``nullable``    empty cells allowed (default false)
``min``/``max`` inclusive range for numbers
``allowed``     list of allowed values
``pattern``     regular expression a string must match in full
``provenance``  false for derived numbers that are not printed on the source line
                (e.g. a value normalised to rials); default true for numbers
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis.core import paths
from analysis.core.provinces import keys as province_keys

TYPES = {"int", "float", "str", "province", "date", "bool"}
REQUIRED_COLUMNS = ("source_line",)
# libyaml's C parser when present: the catalogue is large and every notebook reads it
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """Bad input data: the message names the file, row and column."""


@dataclass(frozen=True)
class Dataset:
    name: str
    path: Path
    title: dict
    source: str
    lines: tuple[int, int]
    columns: dict
    table: str | None = None
    unique: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    def numeric_columns(self, provenance_only: bool = False) -> list[str]:
        out = []
        for col, spec in self.columns.items():
            if spec["type"] in ("int", "float") and not col.startswith("source_line"):
                if not provenance_only or spec.get("provenance", True):
                    out.append(col)
        return out


def _check_entry(name: str, entry: dict, where: str) -> None:
    for key in ("path", "title", "source", "lines", "columns"):
        if key not in entry:
            raise DataError(f"{where}: dataset {name!r} lacks {key!r}")
    for lang in ("en", "fa"):
        if lang not in entry["title"]:
            raise DataError(f"{where}: dataset {name!r}: title needs 'en' and 'fa'")
    if entry["source"] not in paths.SEED_FILES.values():
        raise DataError(f"{where}: dataset {name!r}: source {entry['source']!r} is not a seed file; valid: {sorted(paths.SEED_FILES.values())}")
    if "table" in entry and not isinstance(entry["table"], str):
        raise DataError(f"{where}: dataset {name!r}: table must be a string as printed, got {entry['table']!r}")
    for col, spec in entry["columns"].items():
        if not isinstance(spec, dict) or spec.get("type") not in TYPES:
            raise DataError(f"{where}: dataset {name!r}, column {col!r}: type must be one of {sorted(TYPES)}")
    for col in REQUIRED_COLUMNS:
        if col not in entry["columns"]:
            raise DataError(f"{where}: dataset {name!r} lacks the required column {col!r}")


def read_catalog(root: Path | None = None) -> dict[str, Dataset]:
    """Read ``data/catalog.yml`` into :class:`Dataset` objects."""
    root = Path(root) if root else paths.ROOT
    files = [root / "data" / "catalog.yml"]
    out: dict[str, Dataset] = {}
    for file in files:
        if not file.exists():
            continue
        doc = yaml.load(file.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
        for name, entry in (doc.get("datasets") or {}).items():
            where = str(file.relative_to(root))
            if name in out:
                raise DataError(f"{where}: dataset {name!r} is catalogued twice")
            _check_entry(name, entry, where)
            out[name] = Dataset(
                name=name, path=root / entry["path"], title=entry["title"], source=entry["source"],
                lines=tuple(entry["lines"]), columns=entry["columns"], table=entry.get("table"),
                unique=tuple(entry.get("unique", ())), notes=tuple(entry.get("notes", ())), raw=entry,
            )
    return out


@lru_cache(maxsize=1)
def catalog() -> dict[str, Dataset]:
    """The project's catalogue (cached)."""
    return read_catalog()


def dataset(name: str) -> Dataset:
    cat = catalog()
    if name not in cat:
        raise KeyError(f"unknown dataset {name!r}; catalogued datasets: {', '.join(sorted(cat))}")
    return cat[name]


def _fail(path: Path, row: int | None, col: str | None, msg: str) -> DataError:
    where = str(path)
    if row is not None:
        where += f": row {row}"
    if col is not None:
        where += f", column {col!r}" if row is not None else f": column {col!r}"
    return DataError(f"{where}: {msg}")


def _convert(df: pd.DataFrame, ds: Dataset, path: Path) -> pd.DataFrame:
    missing = [c for c in ds.columns if c not in df.columns]
    if missing:
        raise _fail(path, None, missing[0], f"column missing; the catalogue expects {list(ds.columns)}")
    extra = [c for c in df.columns if c not in ds.columns]
    if extra:
        raise _fail(path, None, extra[0], f"column not in the catalogue entry {ds.name!r}")
    out = {}
    for col, spec in ds.columns.items():
        s = df[col]
        empty = s.str.strip() == ""
        if empty.any() and not spec.get("nullable", False):
            i = int(empty.idxmax())
            raise _fail(path, i + 2, col, "empty cell in a column that may not be empty")
        kind = spec["type"]
        if kind in ("int", "float"):
            num = pd.to_numeric(s.where(~empty), errors="coerce")
            bad = num.isna() & ~empty
            if bad.any():
                i = int(bad.idxmax())
                raise _fail(path, i + 2, col, f"{s[i]!r} is not a number")
            if kind == "int":
                frac = num.notna() & (num % 1 != 0)
                if frac.any():
                    i = int(frac.idxmax())
                    raise _fail(path, i + 2, col, f"{s[i]!r} is not a whole number")
                num = num.astype("Int64")
            out[col] = num
        elif kind == "bool":
            m = {"true": True, "false": False, "1": True, "0": False}
            low = s.str.strip().str.lower()
            bad = ~low.isin(list(m)) & ~empty
            if bad.any():
                i = int(bad.idxmax())
                raise _fail(path, i + 2, col, f"{s[i]!r} is not true/false")
            out[col] = low.map(m).astype("boolean")
        elif kind == "date":
            d = pd.to_datetime(s.where(~empty), format="%Y-%m-%d", errors="coerce")
            bad = d.isna() & ~empty
            if bad.any():
                i = int(bad.idxmax())
                raise _fail(path, i + 2, col, f"{s[i]!r} is not an ISO date YYYY-MM-DD")
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


def validate(df: pd.DataFrame, ds: Dataset, path: Path | None = None) -> pd.DataFrame:
    """Validate a converted frame against the dataset schema; raise :class:`DataError`."""
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
        row = int(idx) + 2 if pd.notna(idx) else None
        raise _fail(path, row, None if pd.isna(col) else str(col),
                    f"{first.get('failure_case')!r} fails check: {check} ({len(fc)} failure(s) in all)") from None
    _check_rows(df, ds, path)
    return df


def _check_rows(df: pd.DataFrame, ds: Dataset, path: Path) -> None:
    """Checks pandera does not express well: unique keys (rows whose key is all empty are
    exempt, e.g. total rows without a province), province rows must name a province, and
    flags must name existing columns."""
    if ds.unique:
        key = df[list(ds.unique)]
        keyed = key.notna().any(axis=1)
        dup = keyed & key.duplicated(keep=False)
        if dup.any():
            rows = [int(i) + 2 for i in df.index[dup]]
            raise _fail(path, rows[1], ",".join(ds.unique),
                        f"duplicate key {key[dup].iloc[0].tolist()} in rows {rows}; {list(ds.unique)} must be unique")
    if "row_kind" in df.columns and "province" in df.columns:
        bad = (df["row_kind"] == "province") & df["province"].isna()
        if bad.any():
            raise _fail(path, int(df.index[bad][0]) + 2, "province", "a row of kind 'province' must name a province")
    if "flag" in df.columns:
        for i, flag in df["flag"].dropna().items():
            for part in str(flag).split(";"):
                col = part.split("=")[0].strip()
                if col not in df.columns:
                    raise _fail(path, int(i) + 2, "flag", f"flag {part!r} must read 'column=reason' with an existing column")


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
    """Read and validate one CSV file against a catalogue entry."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"data file missing: {path} (dataset {ds.name!r}, catalogued as {ds.raw.get('path')})")
    text = path.read_text(encoding="utf-8")
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, csv.Error) as err:
        raise DataError(f"{path}: malformed CSV: {err}") from None
    df = _convert(df, ds, path)
    if full:
        return validate(df, ds, path)
    _check_rows(df, ds, path)
    return df


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


def validate_all(names=None) -> int:
    """Read catalogued datasets (all, or ``names``) with the full schema; returns how many."""
    cat = catalog()
    chosen = [n for n in cat if names is None or n in names]
    for name in chosen:
        read(cat[name].path, cat[name], full=True)
    return len(chosen)
