"""The Frictionless Data Package of data/ (analysis.tools.datapackage), validated by frictionless."""
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from analysis.core import paths, provinces
from analysis.sources.datasets import catalog, references
from analysis.tools import datapackage as dp

if not os.environ.get("CI"):
    pytest.importorskip("frictionless", reason="frictionless is pinned in requirements-lock.txt (scripts/setup.sh)")
import frictionless  # noqa: E402


@pytest.fixture(scope="module")
def desc():
    return dp.descriptor()


def by_name(desc, name):
    return next(r for r in desc["resources"] if r["name"] == name)


def frictionless_cli(*args, cwd):
    exe = Path(sys.executable).with_name("frictionless")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "frictionless"]
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_committed_descriptor_is_what_the_catalogue_generates(desc):
    assert dp.DESCRIPTOR.read_text(encoding="utf-8") == dp.dumps(desc), \
        "data/datapackage.json is out of date: run python -m analysis.tools.datapackage"


def test_every_catalogued_file_is_a_resource_in_catalogue_order(desc):
    assert [r["name"] for r in desc["resources"]] == [*catalog(), *references()]
    assert len(desc["resources"]) == len(catalog()) + len(references()) == 73


def test_frictionless_validate_finds_no_error():
    proc = frictionless_cli("validate", "--json", "datapackage.json", cwd=paths.DATA)
    report = json.loads(proc.stdout)
    errors = [(t["name"], e["type"], e["message"]) for t in report["tasks"] for e in t["errors"]]
    assert errors == [] and report["valid"] is True and proc.returncode == 0
    assert report["stats"]["tasks"] == 73
    rows = {t["name"]: t["stats"].get("rows") for t in report["tasks"]}
    assert {n: rows[n] for n in catalog()} == {n: ds.rows for n, ds in catalog().items()}  # every row was read


def test_catalogue_rules_become_table_schema_constraints(desc):
    water = by_name(desc, "water_by_province")
    f = {x["name"]: x for x in water["schema"]["fields"]}
    assert [x["name"] for x in water["schema"]["fields"]] == dp.header(paths.PROCESSED / "002_t13_water_by_province.csv")
    assert f["plan"]["type"] == "integer" and f["plan"]["constraints"] == {"required": True, "minimum": 0}
    assert f["plan"]["description"].endswith("unit: litre/second (water supply capacity, litres per second (لیتر بر ثانیه))")
    assert f["province"]["constraints"] == {"enum": provinces.keys(), "unique": True}  # may be empty: the total row
    assert f["row_kind"]["constraints"]["enum"] == ["province", "other", "total"]
    assert f["source_line"]["constraints"] == {"required": True, "minimum": 1, "maximum": 994}  # lines 916-994
    assert "primaryKey" not in water["schema"]
    assert water["sources"] == [{"title": "ISIPO report on 1401 (002): seed file 002_d5af3ce44bc30735.txt, lines 916-994, printed table 13"}]
    prose = by_name(desc, "overview_prose_figures")
    assert prose["schema"]["primaryKey"] == ["figure_id"]
    assert {x["name"]: x for x in prose["schema"]["fields"]}["figure_id"]["constraints"]["pattern"] == "[a-z0-9_]+"


def test_sources_and_licences(desc):
    assert desc["licenses"] == [dp.PROJECT_LICENCE]
    assert all(r["licenses"] == [dp.PROJECT_LICENCE] for r in desc["resources"] if r["name"] in catalog())
    inflation, borders = by_name(desc, "iran_inflation"), by_name(desc, "iran_provinces")
    assert inflation["licenses"][0]["name"] == "ODC-PDDL-1.0" and inflation["schema"]["primaryKey"] == ["year"]
    assert borders["licenses"][0]["name"] == "ODbL-1.0" and "© OpenStreetMap contributors" in borders["licenses"][0]["title"]
    assert inflation["sources"][0]["path"] == "https://github.com/datasets/inflation"
    assert [s["title"] for s in desc["sources"][:5]][2] == "ISIPO report on 1401 (002) (seed file 002_d5af3ce44bc30735.txt)"


def _broken_copy(tmp_path, csv_name, edit):
    """Validate one resource of the package against a copy of its CSV with ``edit`` (rows -> None)
    applied; the hash and size are dropped so only the edit counts."""
    import csv
    d = json.loads(dp.DESCRIPTOR.read_text(encoding="utf-8"))
    res = next(r for r in d["resources"] if r["path"] == f"processed/{csv_name}")
    res.pop("hash"), res.pop("bytes")
    path = tmp_path / "processed" / csv_name
    path.parent.mkdir()
    rows = list(csv.reader((paths.PROCESSED / csv_name).read_text(encoding="utf-8").splitlines()))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    report = frictionless.Resource(res, basepath=str(tmp_path)).validate()
    return sorted({(res["name"], e.type, getattr(e, "field_name", None)) for t in report.tasks for e in t.errors})


def _set(row_no, col, value):
    def edit(rows):
        rows[row_no][rows[0].index(col)] = value
    return edit


@pytest.mark.parametrize("col, value, error", [
    ("plan", "-5", "constraint-error"),        # min: 0
    ("province", "Atlantis", "constraint-error"),  # not a registry key
    ("province", "Fars", "unique-error"),      # row 1 is East Azerbaijan; Fars has its own row
    ("actual", "12.5", "type-error"),          # int
    ("label_fa", "", "constraint-error"),      # not nullable
    ("source_line", "995", "constraint-error"),  # beyond the catalogued lines
])
def test_a_broken_cell_is_caught(tmp_path, col, value, error):
    assert _broken_copy(tmp_path, "002_t13_water_by_province.csv", _set(1, col, value)) == [("water_by_province", error, col)]


def test_a_pattern_and_a_primary_key_are_checked(tmp_path):
    def edit(rows):
        rows[1][0] = "Not-An-Id"
        rows[3][0] = rows[2][0]
    found = _broken_copy(tmp_path, "002_text_overview_figures.csv", edit)
    assert found == [("overview_prose_figures", "constraint-error", "figure_id"), ("overview_prose_figures", "primary-key", None)]


def test_geojson_features_follow_their_json_schema(desc):
    """frictionless 5 checks the GeoJSON resource's hash and size only; its JSON Schema is checked here."""
    import jsonschema
    schema = by_name(desc, "iran_provinces")["jsonSchema"]
    doc = json.loads((paths.REFERENCE / "iran_provinces.geojson").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    doc["features"][0]["properties"]["iso_3166_2"] = "IR-6"
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.validate(doc, schema)
    doc["features"].pop()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_the_zip_holds_the_package_and_validates_where_unpacked(tmp_path, desc):
    z = dp.write_zip(tmp_path / "a")
    again = dp.write_zip(tmp_path / "b")
    assert z.read_bytes() == again.read_bytes()  # the same data gives the same zip
    names = zipfile.ZipFile(z).namelist()
    assert names[0] == "datapackage.json"
    assert set(names) == {"datapackage.json", *(r["path"] for r in desc["resources"]), *dp.DOCS}
    zipfile.ZipFile(z).extractall(tmp_path / "unpacked")
    proc = frictionless_cli("validate", "--json", "datapackage.json", cwd=tmp_path / "unpacked")
    assert json.loads(proc.stdout)["valid"] is True


def test_zip_download_paragraph(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    md = dp.zip_download("downloads").data
    assert "{download}`downloads/datapackage.zip`" in md and "73 files (72 tables" in md
    assert (tmp_path / "downloads" / "datapackage.zip").exists()
    fa = dp.zip_download("downloads", lang="fa").data
    assert "{download}`downloads/datapackage.zip`" in fa and "بسته داده" in fa
    assert re.search("[۰-۹]٫[۰-۹] مگابایت", fa) and not re.search("[0-9]", fa.replace("datapackage", ""))  # its size in Persian digits


def test_check_command(tmp_path, capsys):
    out = tmp_path / "datapackage.json"
    assert dp.main(["--out", str(out), "--check"]) == 1
    assert dp.main(["--out", str(out), "--zip", str(tmp_path / "z")]) == 0
    assert dp.main(["--out", str(out), "--check"]) == 0
    assert (tmp_path / "z" / "datapackage.zip").exists()
    assert out.read_text(encoding="utf-8") == dp.DESCRIPTOR.read_text(encoding="utf-8")


def test_a_key_that_a_table_schema_cannot_express_is_named():
    ds = catalog()["water_by_province"]
    bad = ds.__class__(**{**ds.__dict__, "unique": ("province", "label_fa"),
                          "columns": {**ds.columns, "label_fa": {**ds.columns["label_fa"], "nullable": True}}})
    with pytest.raises(dp.PackageError, match=r"dataset 'water_by_province': unique key \['province', 'label_fa'\]"):
        dp.table_schema(bad, {"litre/second": "x"})
