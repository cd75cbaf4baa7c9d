"""Reproducible transcription of the seed files into ``data/processed/*.csv``.

One module per seed and topic (``s002_land``, ``s002_loans``, ``s004_kaleh``, ...), each
reading seed lines with the one toolkit :mod:`.seedtext` and returning tidy frames, so every
number is taken from its line rather than retyped. ``python -m analysis extract [names]``
rewrites the CSVs; a test checks that the committed CSVs equal a fresh extraction.

Modules register their datasets in ``EXTRACTORS``: dataset name -> (csv file name,
function). Each catalogue entry names its extractor (``extractor: module.function``) and
the audit module that checks it (``audit: a002_land``, matching ``s002_land``).
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pandas as pd

from analysis.core import paths

EXTRACTORS: dict[str, tuple[str, Callable[[], pd.DataFrame]]] = {}


def register(name: str, filename: str):
    """Decorator: register an extractor producing ``data/processed/<filename>``."""
    def deco(func):
        if name in EXTRACTORS:
            raise ValueError(f"extractor {name!r} registered twice")
        EXTRACTORS[name] = (filename, func)
        return func
    return deco


def discover() -> dict[str, tuple[str, Callable[[], pd.DataFrame]]]:
    for mod in pkgutil.iter_modules(__path__):
        if mod.name.startswith("s0"):
            importlib.import_module(f"{__name__}.{mod.name}")
    return EXTRACTORS


def to_csv_text(df: pd.DataFrame) -> str:
    return df.to_csv(index=False, lineterminator="\n")


def run(names: list[str] | None = None, out_dir=None) -> list[str]:
    """Run extractors and write their CSVs; returns the file names written."""
    found = discover()
    unknown = sorted(set(names or ()) - set(found))
    if unknown:
        raise ValueError(f"unknown extractor(s) {', '.join(unknown)}; valid: {', '.join(sorted(found))}")
    out_dir = out_dir or paths.PROCESSED
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (filename, func) in sorted(found.items()):
        if names and name not in names:
            continue
        df = func()
        (out_dir / filename).write_text(to_csv_text(df), encoding="utf-8")
        written.append(filename)
    return written
