"""A Frictionless Data Package of the book's data, generated from ``data/catalog.yml``.

``data/datapackage.json`` describes every catalogued file as a resource: its path, title,
seed file and lines (``sources``), licence, notes, SHA-256 hash and size, and for a CSV its Table
Schema, translated from the catalogue entry (the schema the loader checks with pandera):

=====================  ==========================================================================
catalogue              Table Schema
=====================  ==========================================================================
``type``               ``int`` integer, ``float`` number, ``str`` string, ``province`` string
                       with an ``enum`` of the 31 registry keys, ``date`` date, ``bool`` boolean
``unit``               the field's ``description`` ends with the unit and its meaning
``nullable: false``    ``constraints.required``
``min`` / ``max``      ``constraints.minimum`` / ``maximum``
``allowed``            ``constraints.enum``
``pattern``            ``constraints.pattern`` (a full match, as the catalogue means it)
``unique``             ``primaryKey``; a one-column key that may be empty (the printed total rows
                       have no province) is ``constraints.unique`` instead, which, like the
                       loader, lets empty cells repeat
``source_line``        ``minimum`` 1, ``maximum`` the last catalogued seed line
=====================  ==========================================================================

The GeoJSON reference file is a JSON resource with a JSON Schema of its features' properties.
Seed data is the project's transcription, under the project's licence (MIT, ``pyproject.toml``);
reference data keeps its own licence (``data/reference/README.md``).

Write it with ``python -m analysis.tools.datapackage`` (``--zip PATH`` also writes one zip of the
package with its files); a test validates it with ``frictionless validate`` and checks the
committed ``data/datapackage.json`` is what this module generates.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

from analysis.core import paths

DESCRIPTOR = paths.DATA / "datapackage.json"
ZIP_NAME = "datapackage.zip"
PACKAGE_NAME = "iran-provincial-development-programmes"
PROJECT_LICENCE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT",
                   "title": "MIT License (the project's licence, pyproject.toml), for this transcription"}
#: Open Definition identifiers of the reference data's licences, with their texts.
LICENCE_URLS = {
    "ODC-PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
}
FIELD_TYPES = {"int": "integer", "float": "number", "str": "string", "province": "string", "date": "date", "bool": "boolean"}
JSON_TYPES = {"int": "integer", "float": "number", "str": "string", "province": "string", "bool": "boolean", "date": "string"}
#: Files of ``data/`` that go into the zip beside the resources: the conventions and licences.
DOCS = ("README.md", "reference/README.md", "catalog.yml")


class PackageError(ValueError):
    """The catalogue holds something a Data Package cannot say (named in one line)."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rel(path: Path) -> str:
    return path.resolve().relative_to(paths.DATA.resolve()).as_posix()


def _seed_title(seed_file: str) -> str:
    from analysis.core.text import t
    prefix = seed_file.split("_", 1)[0]
    return t(f"appendix.b_h_{prefix}", "en").split(" · ")[0]


def _description(spec: dict, units: dict) -> str:
    text = str(spec.get("description", "")).strip()
    extra = []
    if spec.get("unit"):
        extra.append(f"unit: {spec['unit']} ({units[spec['unit']]})")
    if spec["type"] == "province":
        extra.append("registry key, analysis.core.provinces")
    if spec["type"] in ("int", "float") and spec.get("provenance", True) is False:
        extra.append("derived, not printed on the source line")
    return "; ".join([text, *extra]) if text else "; ".join(extra)


def field(name: str, spec: dict, units: dict, last_line: int | None = None) -> dict:
    """The Table Schema field of one catalogue column.

    >>> field("plan", {"type": "int", "unit": "litre/second", "min": 0, "description": "planned"},
    ...       {"litre/second": "litres per second"})
    {'name': 'plan', 'type': 'integer', 'description': 'planned; unit: litre/second (litres per second)', 'constraints': {'required': True, 'minimum': 0}}
    >>> field("code", {"type": "str", "nullable": True, "pattern": "IR-[0-9]{2}"}, {})["constraints"]
    {'pattern': 'IR-[0-9]{2}'}
    """
    kind = spec["type"]
    out: dict = {"name": name, "type": FIELD_TYPES[kind]}
    desc = _description(spec, units)
    if desc:
        out["description"] = desc
    if kind == "date":
        out["format"] = "%Y-%m-%d"
    if kind == "bool":
        out["trueValues"], out["falseValues"] = ["true", "True", "TRUE", "1"], ["false", "False", "FALSE", "0"]
    c: dict = {}
    if not spec.get("nullable", False):
        c["required"] = True
    if "min" in spec:
        c["minimum"] = spec["min"]
    if "max" in spec:
        c["maximum"] = spec["max"]
    if "allowed" in spec:
        c["enum"] = list(spec["allowed"])
    if "pattern" in spec:
        c["pattern"] = spec["pattern"]
    if kind == "province":
        from analysis.core.provinces import keys
        c["enum"] = keys()
    if name == "source_line":
        c["minimum"] = 1
        if last_line:
            c["maximum"] = last_line
    if c:
        out["constraints"] = c
    return out


def header(path: Path) -> list[str]:
    """The column names of a CSV file, in the file's order."""
    import csv
    with path.open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f), [])


def table_schema(ds, units: dict) -> dict:
    """The Table Schema of a catalogued CSV (:class:`analysis.sources.datasets.Dataset`).

    Fields are in the order of the file's header (a Table Schema matches fields by position;
    the catalogue lists them in its own order)."""
    last = ds.lines[1] if len(ds.lines) > 1 else None
    order = header(ds.path)
    if sorted(order) != sorted(ds.columns):
        raise PackageError(f"{_rel(ds.path)}: header {order} is not the catalogue's columns {list(ds.columns)}")
    fields = [field(col, ds.columns[col], units, last) for col in order]
    schema: dict = {"fields": fields, "missingValues": [""]}
    if ds.unique:
        empty_ok = [c for c in ds.unique if ds.columns[c].get("nullable", False)]
        if not empty_ok:
            schema["primaryKey"] = list(ds.unique)
        elif len(ds.unique) == 1:
            f = next(f for f in fields if f["name"] == ds.unique[0])
            f.setdefault("constraints", {})["unique"] = True
        else:
            raise PackageError(f"data/catalog.yml: dataset {ds.name!r}: unique key {list(ds.unique)} has columns that may be "
                               f"empty ({empty_ok}); a Table Schema primary key may not, and a unique constraint is one column")
    return schema


def _first_url(text: str) -> str:
    m = re.search(r"https?://[^\s,;()]+", text)
    if not m:
        raise PackageError(f"data/catalog.yml: reference source url {text!r} holds no http(s) address")
    return m.group(0)


def _licence(text: str, name: str) -> dict:
    ident = text.split()[0].rstrip(",;")
    if ident not in LICENCE_URLS:
        raise PackageError(f"data/catalog.yml: reference {name!r}: licence {ident!r} is not one of {list(LICENCE_URLS)} "
                           f"(add its address to analysis.tools.datapackage.LICENCE_URLS)")
    return {"name": ident, "path": LICENCE_URLS[ident], "title": text}


def _file_facts(path: Path) -> dict:
    return {"hash": f"sha256:{_sha256(path)}", "bytes": path.stat().st_size}


def _notes(ds) -> str:
    parts = [f"{ds.title['fa']}."]
    parts += [str(n) for n in ds.notes]
    return " ".join(parts)


def seed_resource(ds, units: dict) -> dict:
    """The resource of one seed dataset (``data/processed/*.csv``)."""
    lines = f"lines {ds.lines[0]}-{ds.lines[1]}" if len(ds.lines) > 1 else f"line {ds.lines[0]}"
    table = f", printed table {ds.table}" if ds.table else ""
    return {
        "name": ds.name,
        "path": _rel(ds.path),
        "profile": "tabular-data-resource",
        "title": ds.title["en"],
        "description": _notes(ds),
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        **_file_facts(ds.path),
        "sources": [{"title": f"{_seed_title(ds.source)}: seed file {ds.source}, {lines}{table}"}],
        "licenses": [PROJECT_LICENCE],
        "schema": table_schema(ds, units),
    }


def _feature_schema(ds) -> dict:
    props = {}
    for col, spec in ds.columns.items():
        p: dict = {"type": JSON_TYPES[spec["type"]]}
        if "description" in spec:
            p["description"] = str(spec["description"])
        if "min" in spec:
            p["minimum"] = spec["min"]
        if "max" in spec:
            p["maximum"] = spec["max"]
        if "pattern" in spec:
            p["pattern"] = f"^(?:{spec['pattern']})$"
        if "allowed" in spec:
            p["enum"] = list(spec["allowed"])
        props[col] = p
    required = [c for c, s in ds.columns.items() if not s.get("nullable", False)]
    feature = {"type": "object", "required": ["type", "geometry", "properties"],
               "properties": {"type": {"const": "Feature"},
                              "geometry": {"type": "object", "required": ["type", "coordinates"],
                                           "properties": {"type": {"enum": ["Polygon", "MultiPolygon"]}}},
                              "properties": {"type": "object", "required": required, "properties": props,
                                             "additionalProperties": False}}}
    return {"type": "object", "required": ["type", "features"],
            "properties": {"type": {"const": "FeatureCollection"},
                           "features": {"type": "array", "minItems": ds.rows, "maxItems": ds.rows, "items": feature}}}


def reference_resource(ds, units: dict) -> dict:
    """The resource of one reference file (``data/reference/``), with its own source and licence."""
    src = ds.source
    out = {
        "name": ds.name,
        "path": _rel(ds.path),
        "title": ds.title["en"],
        "description": " ".join([f"{ds.title['fa']}.", f"Method: {src['method']}.", f"Retrieved: {src['retrieved']}.",
                                 *map(str, ds.notes)]),
        **_file_facts(ds.path),
        "sources": [{"title": src["name"], "path": _first_url(src["url"])}],
        "licenses": [_licence(src["licence"], ds.name)],
    }
    if ds.format == "geojson":
        out.update({"type": "json", "format": "geojson", "mediatype": "application/geo+json", "encoding": "utf-8",
                    "jsonSchema": _feature_schema(ds)})
    else:
        out.update({"profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                    "schema": table_schema(ds, units)})
    return out


def descriptor() -> dict:
    """The ``datapackage.json`` content: every seed dataset, then the reference data."""
    import yaml

    from analysis import __version__
    from analysis.sources.datasets import read_catalogue

    cat = read_catalogue()
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))
    sources = [{"title": f"{_seed_title(f)} (seed file {f})"} for f in paths.SEED_FILES.values()]
    for ref in cat.references.values():
        sources.append({"title": ref.source["name"], "path": _first_url(ref.source["url"])})
    return {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": config["title"],
        "description": ("The tables transcribed from the book's five Persian seed documents (data/processed, each row "
                        "citing its seed line) and the outside reference data the book reads (data/reference), "
                        "described from data/catalog.yml. Numbers are in the unit printed; each field's description "
                        "names its unit. Nothing is corrected: the book's audit appendix lists the sources' own "
                        "arithmetic problems."),
        "version": __version__,
        "keywords": ["Iran", "provincial development", "industrial estates", "ISIPO", "plan vs actual"],
        "contributors": [{"title": "Report book team", "role": "author"}],
        "licenses": [PROJECT_LICENCE],
        "sources": sources,
        "resources": [seed_resource(ds, cat.units) for ds in cat.datasets.values()]
                     + [reference_resource(ds, cat.units) for ds in cat.references.values()],
    }


def dumps(desc: dict | None = None) -> str:
    """The descriptor as the committed file holds it (sorted nowhere: catalogue order; UTF-8)."""
    return json.dumps(desc if desc is not None else descriptor(), ensure_ascii=False, indent=1) + "\n"


def write(path: Path | str = DESCRIPTOR) -> Path:
    """Write ``datapackage.json`` (default ``data/datapackage.json``, beside the files it lists)."""
    path = Path(path)
    path.write_text(dumps(), encoding="utf-8")
    return path


ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same data gives the same zip, byte for byte


def write_zip(dest: Path | str = ".", name: str = ZIP_NAME) -> Path:
    """One zip of the package: ``datapackage.json`` and every file it lists, under the paths it
    names (``processed/...``, ``reference/...``), with the data README and catalogue. ``dest`` is
    a folder (created; relative to the working directory). Returns the zip's path."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / name
    desc = descriptor()
    members = [("datapackage.json", dumps(desc).encode("utf-8"))]
    members += [(r["path"], (paths.DATA / r["path"]).read_bytes()) for r in desc["resources"]]
    members += [(d, (paths.DATA / d).read_bytes()) for d in DOCS if (paths.DATA / d).exists()]
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for arcname, data in members:
            info = zipfile.ZipInfo(arcname, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    tmp.replace(target)
    return target


def zip_download(dest: str | Path = "downloads", lang: str | None = None):
    """For the data appendix: write the zip into ``dest`` and return a paragraph with its
    download link (``text/<lang>/research.yml``, ``research.datapackage_download``)."""
    from IPython.display import Markdown

    from analysis.core.text import language, language_as, t
    from analysis.report.display import fixed, num
    target = write_zip(dest)
    desc = json.loads(zipfile.ZipFile(target).read("datapackage.json"))
    n_tables = sum(1 for r in desc["resources"] if r.get("profile") == "tabular-data-resource")
    with language_as(lang or language()):  # the numbers in the paragraph's digits
        return Markdown(t("research.datapackage_download", file=target.as_posix(), n_resources=num(len(desc["resources"])),
                          n_tables=num(n_tables), size=fixed(target.stat().st_size / 1e6, 1)))


# ------------------------------------------------------------------------------------ command
def add_parser(sub) -> argparse.ArgumentParser:
    """Add the ``datapackage`` command to the project's CLI (``sub``: its subparsers)."""
    p = sub.add_parser("datapackage", help="write data/datapackage.json (Frictionless Data Package) and optionally one zip")
    _arguments(p)
    p.set_defaults(run=run)
    return p


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default=str(DESCRIPTOR), help="descriptor path (default data/datapackage.json)")
    p.add_argument("--zip", metavar="FOLDER", help="also write FOLDER/datapackage.zip with every file")
    p.add_argument("--check", action="store_true", help="only check that the descriptor at --out is up to date")


def run(args) -> int:
    out = Path(args.out)
    if args.check:
        if not out.exists() or out.read_text(encoding="utf-8") != dumps():
            print(f"{out} is out of date with data/catalog.yml and the data: run python -m analysis datapackage", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    try:
        print(f"wrote {write(out)}")
    except PackageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.zip:
        print(f"wrote {write_zip(args.zip)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m analysis.tools.datapackage", description=__doc__.split("\n\n")[0])
    _arguments(p)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
