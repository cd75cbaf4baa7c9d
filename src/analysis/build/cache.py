"""The notebook cache: fingerprints of a job's inputs, per-dataset hashes, the validation stamp.

A job is re-executed only when its fingerprint changes. The fingerprint covers the notebook
source, its parameters, the package code notebooks import (:func:`code_hash`), the catalogue
and reference data every notebook depends on (:func:`base_hash`), and the datasets the
notebook loaded in its last run (:class:`DataIndex`; a province chapter sees only its own
rows in full plus every province's numbers).

Files, beside each executed notebook ``<out>.ipynb`` in ``_build/executed/``:

``<out>.inputs.json``  ``{"fingerprint", "parameters", "datasets"}``: only what the cache needs;
                       deterministic (no clock, no durations), so it can never put a build time
                       on a page
``_build/work/validated-data.json``  per-dataset hashes of the last successful validation
                       (:func:`validate_changed`)
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

from analysis.build.jobs import BuildError, Job
from analysis.core import paths
from analysis.core.text import DATA_FOLDER


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hash(root: Path, patterns: tuple[str, ...]) -> str:
    """Hash of the names and contents of files under ``root`` matching the patterns."""
    h = hashlib.sha256()
    files = sorted({p for pat in patterns for p in root.glob(pat) if p.is_file()})
    for p in files:
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


NOT_NOTEBOOK_INPUTS = ("build/", "cli.py", "__main__.py", "sources/extract/")  # build runner and transcription code


def code_hash() -> str:
    """Hash of the package code notebooks import (the build runner and extractors excluded)
    and of the words they print (``text/``)."""
    root = paths.ROOT / "src" / "analysis"
    h = hashlib.sha256()
    for p in sorted({*root.glob("**/*.py"), *root.glob("**/*.yml")}):
        rel = p.relative_to(root).as_posix()
        if rel.startswith(NOT_NOTEBOOK_INPUTS) or "__pycache__" in rel:
            continue
        h.update(rel.encode())
        h.update(p.read_bytes())
    h.update(tree_hash(paths.TEXT, ("*/*.yml", f"*/{DATA_FOLDER}/*.yml")).encode())
    return h.hexdigest()


def data_hash() -> str:
    """The data version: catalogue and every processed CSV."""
    from analysis.sources.datasets import data_fingerprint
    return data_fingerprint()


def base_hash() -> str:
    """What every notebook depends on whatever it loads: the catalogue (schemas, units,
    titles) and the reference data (inflation index)."""
    h = hashlib.sha256(paths.CATALOG.read_bytes() if paths.CATALOG.exists() else b"")
    h.update(tree_hash(paths.REFERENCE, ("*.csv",)).encode() if paths.REFERENCE.exists() else b"")
    return h.hexdigest()


def fingerprint(job: Job, code: str, data: str) -> str:
    """Inputs of a job: notebook source, parameters, package code, data."""
    payload = {
        "notebook": _sha(job.source.read_bytes()),
        "parameters": job.parameters,
        "code": code,
        "data": data,
        "python": sys.version,
    }
    return _sha(json.dumps(payload, sort_keys=True).encode())


class DataIndex:
    """Per-dataset hashes for dependency tracking, each CSV read at most once.

    A notebook depends on the datasets it loaded in its last run (recorded through
    :func:`analysis.sources.datasets.record_loads`). A province chapter depends on its own
    rows in full and on the *numeric* columns of every province's rows (national ratios,
    ranks, totals), but not on other provinces' text (names, labels): so correcting a
    cluster name in one province re-executes that province's chapter and the chapters that
    show the whole table, while changing a number re-executes every chapter that ranks or
    totals it.
    """

    def __init__(self):
        from analysis.sources.datasets import catalog

        self._rows: dict[str, tuple[list[str], list[list[str]], bytes]] = {}
        self.catalog = catalog()

    def _read(self, name: str):
        if name not in self._rows:
            ds = self.catalog.get(name)
            if ds is None or not ds.path.exists():
                self._rows[name] = ([], [], b"missing")
            else:
                raw = ds.path.read_bytes()
                # the hash uses the raw bytes; a file that is not UTF-8 is reported by the validation
                # that follows (one line naming the file), not by a traceback here
                rows = list(csv.reader(raw.decode("utf-8", errors="replace").splitlines()))
                self._rows[name] = (rows[0] if rows else [], rows[1:], raw)
        return self._rows[name]

    def file_hash(self, name: str) -> str:
        return _sha(self._read(name)[2])

    def province_hash(self, name: str, key: str) -> str:
        header, rows, raw = self._read(name)
        if "province" not in header:
            return _sha(raw)
        ds = self.catalog[name]
        pi = header.index("province")
        numeric = [i for i, c in enumerate(header) if c in ds.numeric_columns() or c in ("province", "row_kind")]
        h = hashlib.sha256()
        for r in rows:
            if len(r) > pi and r[pi] == key:
                h.update(("own:" + "\x1f".join(r)).encode())
            h.update(("num:" + "\x1f".join(r[i] for i in numeric if i < len(r))).encode())
        return h.hexdigest()


def job_data_hash(job: Job, deps: list[str] | None, index: DataIndex | None) -> str:
    """The data part of a job's fingerprint: all data when its dependencies are unknown."""
    if deps is None or index is None:
        return data_hash()
    key = job.province
    parts = [base_hash()] + [f"{d}:{index.province_hash(d, key) if key else index.file_hash(d)}" for d in sorted(deps)]
    return _sha("\n".join(parts).encode())


def meta_path(job: Job, executed_dir: Path) -> Path:
    return executed_dir / f"{job.out}.inputs.json"


def write_meta(job: Job, deps: list[str], executed_dir: Path, code: str, index: DataIndex | None) -> None:
    """Record an executed job's fingerprint, computed from the datasets it actually loaded."""
    fp = fingerprint(job, code, job_data_hash(job, deps, index))
    meta = {"fingerprint": fp, "parameters": job.parameters, "datasets": deps}
    meta_path(job, executed_dir).write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")


def read_meta(job: Job, executed_dir: Path) -> dict:
    meta = meta_path(job, executed_dir)
    if not (meta.exists() and (executed_dir / f"{job.out}.ipynb").exists()):
        return {}
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except ValueError:
        return {}


def is_cached(job: Job, executed_dir: Path, code: str, index: DataIndex | None) -> bool:
    meta = read_meta(job, executed_dir)
    return bool(meta) and meta.get("fingerprint") == fingerprint(job, code, job_data_hash(job, meta.get("datasets"), index))


def validate_changed(stamp: Path, index: DataIndex | None = None) -> int:
    """Validate the datasets whose file (or the catalogue) changed since the last
    successful validation recorded in ``stamp``; returns how many were validated."""
    from analysis.sources.datasets import DataError, catalog, validate_all

    index = index or DataIndex()
    seen = json.loads(stamp.read_text()) if stamp.exists() else {}
    now = {"catalogue": base_hash(), **{n: index.file_hash(n) for n in catalog()}}
    changed = [n for n in catalog() if now["catalogue"] != seen.get("catalogue") or seen.get(n) != now[n]]
    try:
        n = validate_all(changed)
    except (DataError, FileNotFoundError) as err:
        raise BuildError(f"data check failed, nothing built: {err}") from None
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(now))
    return n
