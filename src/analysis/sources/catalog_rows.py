"""Record each dataset's row count in ``data/catalog.yml`` (``rows:``), from the committed files.

    python -m analysis.sources.catalog_rows            # list the counts that differ (exit 1 if any)
    python -m analysis.sources.catalog_rows --write    # write them into data/catalog.yml

The loader checks every read against ``rows:``, so a file cut at a line boundary (rows
lost, the total row gone) is caught. Run ``--write`` after an extraction that really
changed the number of rows. The catalogue is edited as text so its comments, anchors and
layout stay: a dataset's ``rows:`` line is replaced where it exists, and otherwise put
right after its ``lines:`` line.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from analysis.core import paths
from analysis.sources.datasets import SafeLoader, count_rows

ENTRY = re.compile(r"^  ([A-Za-z0-9_]+):\s*(#.*)?$")
SECTION = re.compile(r"^([A-Za-z0-9_-]+):")


def counts(root: Path | None = None) -> dict[tuple[str, str], int]:
    """``{(section, name): rows}`` counted from the files the catalogue names."""
    root = Path(root) if root else paths.ROOT
    doc = yaml.load((root / "data" / "catalog.yml").read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    out = {}
    for section in ("datasets", "reference"):
        for name, entry in (doc.get(section) or {}).items():
            out[(section, name)] = count_rows(root / entry["path"], entry.get("format", "csv"))
    return out


def rewrite(text: str, rows: dict[tuple[str, str], int]) -> str:
    """The catalogue text with every entry's ``rows:`` set to ``rows[(section, name)]``."""
    out: list[str] = []
    section = name = None
    placed: set[tuple[str, str]] = set()
    for line in text.splitlines(keepends=True):
        m = SECTION.match(line)
        if m:
            section, name = m.group(1), None
        m = ENTRY.match(line)
        if m and section in ("datasets", "reference"):
            name = m.group(1)
        key = (section, name)
        if key in rows and line.startswith("    rows:"):
            if key not in placed:
                out.append(f"    rows: {rows[key]}\n")
                placed.add(key)
            continue
        out.append(line)
        if key in rows and key not in placed and line.startswith("    lines:"):
            out.append(f"    rows: {rows[key]}\n")
            placed.add(key)
    missing = sorted(set(rows) - placed)
    if missing:
        raise SystemExit(f"data/catalog.yml: no 'lines:' or 'rows:' line to put rows after for {missing}")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m analysis.sources.catalog_rows", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the counts into data/catalog.yml")
    args = ap.parse_args(argv)
    file = paths.CATALOG
    text = file.read_text(encoding="utf-8")
    doc = yaml.load(text, Loader=SafeLoader) or {}
    want = counts()
    have = {(s, n): (e or {}).get("rows") for s in ("datasets", "reference") for n, e in (doc.get(s) or {}).items()}
    differ = {k: (have.get(k), v) for k, v in want.items() if have.get(k) != v}
    for (section, name), (old, new) in sorted(differ.items()):
        print(f"{section}.{name}: rows {old} -> {new}")
    if args.write:
        new_text = rewrite(text, want)
        if new_text != text:
            file.write_text(new_text, encoding="utf-8")
        print(f"recorded rows of {len(want)} entries in {file.relative_to(paths.ROOT)} ({len(differ)} changed)")
        return 0
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
