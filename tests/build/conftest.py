"""A small fixture book for the build tests: a root page, one chapter that loads a dataset,
glues a number and a figure and writes a download, and one notebook run per value of a
parameter. It uses the repository's ``_config.yml`` and stylesheet, so Jupyter Book renders
it as it renders the real book, in a fraction of the time."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.build import cache
from analysis.build.execute import Kernels
from analysis.build.jobs import Book
from analysis.core import paths

HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""

INTRO = HEADER + """
# Fixture book

```{code-cell} ipython3
print("introduction")
```
"""

CHAPTER = HEADER + """
# A chapter

```{code-cell} ipython3
from pathlib import Path

import matplotlib.pyplot as plt
from myst_nb import glue

from analysis.sources.datasets import load

water = load("water_by_province")
glue("n_rows", len(water), display=False)
fig, ax = plt.subplots(figsize=(2, 1))
ax.plot([1, 2, 3])
glue("fig_line", fig, display=False)
plt.close(fig)
Path("downloads").mkdir(exist_ok=True)
water.head(3).to_csv("downloads/water.csv", index=False)


class Shown:  # its default plain-text repr carries a memory address
    def _repr_html_(self):
        return "<b>shown</b>"


Shown()
```

The table has {glue:text}`n_rows` rows; {download}`the first three <downloads/water.csv>`.

```{glue:figure} fig_line
:name: fig-line

A line.
```
"""

PLACE = HEADER + """
```{code-cell} ipython3
:tags: [parameters]

place: str = "Nowhere"
```

# A place

```{code-cell} ipython3
print("chapter for", place)
```
"""

BROKEN_PLACE = PLACE.replace('print("chapter for", place)', 'raise ValueError(f"no data for {place}")')

STRUCTURE = """root: notebooks/intro.md
parts:
  - caption: Chapters
    chapters: [notebooks/one.md]
  - caption: Places
    notebook: notebooks/place.md
    parameter: place
    values: [Alpha, Beta]
    folder: places
"""


def make_book(root: Path) -> Book:
    """Write the fixture book's sources under ``root``."""
    (root / "notebooks").mkdir(parents=True, exist_ok=True)
    (root / "book").mkdir(exist_ok=True)
    shutil.copyfile(paths.ROOT / "_config.yml", root / "_config.yml")
    shutil.copytree(paths.BOOK / "_static", root / "book" / "_static", dirs_exist_ok=True)
    (root / "book" / "structure.yml").write_text(STRUCTURE, encoding="utf-8")
    for name, text in (("intro", INTRO), ("one", CHAPTER), ("place", PLACE)):
        (root / "notebooks" / f"{name}.md").write_text(text, encoding="utf-8")
    return Book(root=root, structure=root / "book" / "structure.yml", static=root / "book", fonts=None)


@pytest.fixture
def fixture_book(tmp_path) -> Book:
    return make_book(tmp_path / "src")


@pytest.fixture(scope="session")
def kernels():
    """One warm-kernel factory for the whole test session (each build would start its own)."""
    with Kernels(warm=True) as k:
        yield k


@pytest.fixture
def no_validation(monkeypatch):
    """The builds of the fixture book skip the data validation (tested on its own)."""
    monkeypatch.setattr(cache, "validate_changed", lambda stamp, index=None: 0)


SLOW_PLACE = PLACE.replace('print("chapter for", place)', (
    "import os, time\n"
    "from pathlib import Path\n"
    "Path(os.environ['BOOK_TEST_PIDS'], place).write_text(str(os.getpid()))\n"
    "time.sleep(300)"))


def snapshot(folder: Path, skip: tuple[str, ...] = (".log",)) -> dict[str, bytes]:
    """Every file under ``folder`` (symlinks followed): relative path -> bytes."""
    folder = folder.resolve()
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(skip)}


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """Files present in one snapshot only, or with different bytes."""
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
