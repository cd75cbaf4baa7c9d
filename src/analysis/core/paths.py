"""Every path the project uses, defined once.

The repository root is found from this file (``src/analysis/core/paths.py``); it can be
overridden with ``ANALYSIS_ROOT``. The seeds live beside the repository in
``../shared/seeds`` (override with ``ANALYSIS_SEEDS``); they are needed only to extract the
data and to check it against the seed lines. Without them (:func:`seeds_present`) the book still
builds, and its pages say which checks against the seed texts were not run. The reference data the book reads (inflation, province
boundaries) is in the repository, ``data/reference/`` (:data:`REFERENCE`), so a clone builds
on its own.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("ANALYSIS_ROOT", Path(__file__).resolve().parents[3]))
SHARED = Path(os.environ.get("ANALYSIS_SHARED", ROOT.parent / "shared"))
SEEDS = Path(os.environ.get("ANALYSIS_SEEDS", SHARED / "seeds"))

DATA = ROOT / "data"
PROCESSED = DATA / "processed"
REFERENCE = DATA / "reference"  # outside reference data, copied from ../shared/reference (see its README.md)
CATALOG = DATA / "catalog.yml"

NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"
BUILD = ROOT / "_build"
FONTS = ROOT / "_fonts"  # git-ignored, filled from the vazirmatn npm package
TEXT = ROOT / "text"  # reader-visible words, text/<lang>/*.yml (analysis.core.text)

SEED_FILES = {
    "000": "000_cf5a9b3f7b104939.txt",
    "001": "001_49e7626cbcf12ee9.txt",
    "002": "002_d5af3ce44bc30735.txt",
    "003": "003_d8cfa400d22bdf84.txt",
    "004": "004_43d6af33987d1ec7.txt",
}


def seed_path(name: str) -> Path:
    """Path of a seed file, by its prefix (``"002"``) or full file name.

    >>> seed_path("002").name
    '002_d5af3ce44bc30735.txt'
    """
    file = SEED_FILES.get(name, name)
    if file not in SEED_FILES.values():
        raise KeyError(f"unknown seed {name!r}; valid: {sorted(SEED_FILES)} or {sorted(SEED_FILES.values())}")
    return SEEDS / file


def seeds_present() -> bool:
    """Whether the seed texts are here: at least one seed file in :data:`SEEDS`.

    A clone without ``../shared/seeds`` (or with ``ANALYSIS_SEEDS`` at a missing or empty folder)
    has none: the book builds from ``data/`` and says where the checks against the seed lines were
    not run. A folder holding only some of the files counts as present, so reading a missing one
    fails naming it (:func:`seed_lines`). Read at each call (tests point :data:`SEEDS` elsewhere).
    """
    return any((SEEDS / f).is_file() for f in SEED_FILES.values())


def seed_lines(name: str) -> list[str]:
    """Lines of a seed file; ``lines[n - 1]`` is line ``n`` as cited in ``data/``."""
    path = seed_path(name)
    if not path.exists():
        raise FileNotFoundError(f"seed file not found: {path} (expected ../shared/seeds beside the repository, or set ANALYSIS_SEEDS)")
    return path.read_text(encoding="utf-8").splitlines()
