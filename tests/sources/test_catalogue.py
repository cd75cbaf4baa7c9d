"""The catalogue itself: the unit vocabulary, the recorded row counts and the reference section."""
from pathlib import Path

import pytest
import yaml

from analysis.core import paths, text
from analysis.sources import catalog_rows
from analysis.sources import datasets as data
from analysis.sources.datasets import DataError

DOC = yaml.load(paths.CATALOG.read_text(encoding="utf-8"), Loader=data.SafeLoader)


def _catalogue(tmp_path: Path, doc: dict) -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "catalog.yml").write_text(yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def _with(**changes) -> dict:
    doc = yaml.load(paths.CATALOG.read_text(encoding="utf-8"), Loader=data.SafeLoader)
    doc["datasets"] = {"water_by_province": doc["datasets"]["water_by_province"]}
    for k, v in changes.items():
        doc[k] = v
    return doc


# --- units ------------------------------------------------------------------------------------
def _base_units_used() -> set[str]:
    """The units the unit_base columns name in the data (a row's base unit, extract.seedtext.BASE_UNITS)."""
    return {u for name, ds in data.catalog().items() if "unit_base" in ds.columns
            for u in data.load(name)["unit_base"].dropna()}


def test_every_column_unit_is_in_the_vocabulary():
    vocab = data.units()
    used = {spec["unit"] for ds in [*data.catalog().values(), *data.references().values()]
            for spec in ds.columns.values() if "unit" in spec}
    assert used - set(vocab) == set()
    assert set(vocab) - used - _base_units_used() == set(), "a unit nobody uses: drop it from units:"


def test_base_unit_columns_name_units_of_the_vocabulary():
    # every unit_base column allows exactly the vocabulary (the catalogue's x-vocabulary list), and
    # every base unit of extract.seedtext.BASE_UNITS is in it
    from analysis.sources.extract.seedtext import BASE_UNITS
    vocab = set(data.units())
    specs = {name: ds.columns["unit_base"] for name, ds in data.catalog().items() if "unit_base" in ds.columns}
    assert len(specs) == 8
    for name, spec in specs.items():
        assert set(spec["allowed"]) == vocab, name
        assert spec["nullable"] and spec["type"] == "str", name
        bases = [c for c in data.catalog()[name].columns if c.endswith("_base") and c != "unit_base"]
        assert bases and all(data.catalog()[name].columns[c].get("provenance") is False for c in bases), name
    assert {base for _, base in BASE_UNITS.values()} <= vocab
    assert _base_units_used() <= vocab


def test_one_spelling_per_unit():
    vocab = data.units()
    assert "litres/second" not in vocab and "hectares" not in vocab and "persons" not in vocab
    assert {"litre/second", "hectare", "million rials", "%"} <= set(vocab)
    assert len({data.unit_key(u) for u in vocab}) == len(vocab)


def test_unknown_unit_names_dataset_column_and_the_valid_units(tmp_path):
    doc = _with()
    doc["datasets"]["water_by_province"]["columns"]["plan"]["unit"] = "litres/second"
    root = _catalogue(tmp_path, doc)
    with pytest.raises(DataError, match=r"^data/catalog\.yml: dataset 'water_by_province', column 'plan': unit "
                                        r"'litres/second' is not in the catalogue's units; valid: \['%', 'hectare', .*'litre/second'"):
        data.read_catalogue(root)


def test_a_description_cut_at_a_comma_is_caught(tmp_path):
    """An unquoted description in a flow mapping ends at its first comma: ``{type: int,
    description: last line (Khuzestan, 644-647)}`` reads as the description "last line (Khuzestan"
    and a key "644-647)". Sixteen descriptions of the catalogue were cut so, unseen; now the
    catalogue does not read."""
    doc = _with()
    doc["datasets"]["water_by_province"]["columns"]["source_line_end"] = yaml.safe_load(
        "{type: int, nullable: true, description: last line (Khuzestan, 644-647)}")  # as YAML reads it
    _catalogue(tmp_path, doc)
    with pytest.raises(DataError, match=r"^data/catalog\.yml: dataset 'water_by_province', column 'source_line_end': unknown "
                                        r"key '644-647\)' \(valid: type, unit, description, .*\); a description with a comma "
                                        r"inside \{\.\.\.\} must be quoted$"):
        data.read_catalogue(tmp_path)


def test_every_description_of_the_catalogue_is_whole():
    """No column spec has a key beyond the known ones (the check above), and so no description
    was cut: the one that was, whole again."""
    cols = data.catalog()["land_added_by_province"].columns
    assert cols["source_line_end"]["description"] == "last line when the row wraps (Khuzestan, 644-647)"


def test_two_spellings_of_one_unit_rejected(tmp_path):
    vocab = dict(DOC["units"], **{"Litre / second": "again"})
    with pytest.raises(DataError, match=r"units: 'Litre / second' and 'litre/second' are two spellings of one unit"):
        data.read_catalogue(_catalogue(tmp_path, _with(units=vocab)))


def test_units_have_reader_words_in_every_language():
    for lang in text.LANGUAGES:
        words = {k.removeprefix("units."): v for k, v in text.labels(lang).items() if k.startswith("units.")}
        assert sorted(words) == sorted(data.unit_key(u) for u in data.units()), lang
    assert text.t("units.litre_second", lang="fa") == "لیتر بر ثانیه"
    assert text.t("units.hectare", lang="fa") == "هکتار"
    assert text.t("units.million_rials", lang="fa") == "میلیون ریال"


# --- rows ---------------------------------------------------------------------------------------
def test_every_entry_records_its_rows_and_they_match_the_committed_files():
    recorded = {(s, n): e["rows"] for s in ("datasets", "reference") for n, e in DOC[s].items()}
    assert len(recorded) == len(data.catalog()) + len(data.references())
    assert catalog_rows.counts() == recorded


def test_water_rows_hand_counted():
    # Table 13 (002 lines 916-994): 31 provinces, the revived-water row (line 992) and the total (line 994)
    assert data.dataset("water_by_province").rows == 33


def test_rows_required(tmp_path):
    doc = _with()
    del doc["datasets"]["water_by_province"]["rows"]
    with pytest.raises(DataError, match=r"dataset 'water_by_province' lacks 'rows' .*catalog_rows --write"):
        data.read_catalogue(_catalogue(tmp_path, doc))


def test_rows_script_puts_rows_after_lines_and_replaces_old_counts():
    src = ("datasets:\n  a:\n    path: x.csv\n    extractor: e\n    lines: [1, 2]\n    columns: {}\n"
           "  b:\n    path: y.csv\n    lines: [3, 4]\n    rows: 7\n    columns: {}\n")
    out = catalog_rows.rewrite(src, {("datasets", "a"): 5, ("datasets", "b"): 9})
    assert out == src.replace("    lines: [1, 2]\n", "    lines: [1, 2]\n    rows: 5\n").replace("rows: 7", "rows: 9")
    assert catalog_rows.rewrite(out, {("datasets", "a"): 5, ("datasets", "b"): 9}) == out


# --- sources ------------------------------------------------------------------------------------
def test_seed_dataset_needs_a_seed_source(tmp_path):
    doc = _with()
    doc["datasets"]["water_by_province"]["source"] = "somewhere.txt"
    with pytest.raises(DataError, match=r"source 'somewhere.txt' is not a seed file; valid: .*outside data goes in the 'reference:' section"):
        data.read_catalogue(_catalogue(tmp_path, doc))


def test_reference_needs_its_outside_source(tmp_path):
    doc = _with()
    del doc["reference"]["iran_inflation"]["source"]["licence"]
    with pytest.raises(DataError, match=r"reference 'iran_inflation': source must describe the outside source; missing \['licence'\]"):
        data.read_catalogue(_catalogue(tmp_path, doc))


def test_reference_entries_describe_source_url_licence_date_method():
    for name, ds in data.references().items():
        assert ds.reference and ds.path.is_relative_to(paths.REFERENCE), name
        assert set(data.SOURCE_KEYS) <= set(ds.source), name
        assert "http" in ds.source["url"], name
    assert data.references()["iran_inflation"].source["licence"].startswith("ODC-PDDL-1.0")
    assert data.references()["iran_provinces"].source["licence"].startswith("ODbL-1.0")


def test_catalogue_yaml_error_is_one_line(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "catalog.yml").write_text("units:\n  a: b\n datasets: [\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/catalog\.yml: line \d+: not valid YAML: [^\n]+$"):
        data.read_catalogue(tmp_path)
