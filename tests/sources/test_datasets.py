"""The catalogue, the validating loader, provenance and reproducible extraction."""
from pathlib import Path

import pandas as pd
import pytest

from analysis.core import paths
from analysis.sources import datasets as data
from analysis.sources import extract, provenance
from analysis.sources.datasets import DataError

CATALOG = data.catalog()


def test_every_processed_file_is_catalogued():
    catalogued = {ds.path.name for ds in CATALOG.values()}
    on_disk = {p.name for p in paths.PROCESSED.glob("*.csv")}
    assert on_disk - catalogued == set(), "files in data/processed missing from data/catalog.yml"
    assert catalogued - on_disk == set(), "catalogued files missing from data/processed"


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_dataset_loads_through_its_schema(name):
    df = data.load(name)
    assert len(df) > 0


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_provenance_every_number_on_its_line(name, seeds_available):
    assert provenance.check_dataset(CATALOG[name]) == []


def test_extraction_reproduces_committed_csvs(seeds_available, tmp_path):
    written = extract.run(out_dir=tmp_path)
    assert written, "no extractor registered"
    for name in written:
        result = (tmp_path / name).read_text(encoding="utf-8")
        expected = (paths.PROCESSED / name).read_text(encoding="utf-8")
        assert result == expected, f"{name} differs from a fresh extraction: run `python -m analysis extract`"


# --- bad inputs are rejected with file, row and column -------------------------------------
WATER = CATALOG["water_by_province"]


def _write(tmp_path: Path, df: pd.DataFrame) -> Path:
    p = tmp_path / "bad.csv"
    df.to_csv(p, index=False)
    return p


@pytest.fixture
def water_raw():
    return pd.read_csv(WATER.path, dtype=str, keep_default_na=False)


def test_non_numeric_cell_rejected(tmp_path, water_raw):
    water_raw.loc[3, "plan"] = "ten"
    with pytest.raises(DataError, match=r"bad\.csv: row 5, column 'plan': 'ten' is not a number"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_unknown_province_rejected(tmp_path, water_raw):
    water_raw.loc[0, "province"] = "Atlantis"
    with pytest.raises(DataError, match=r"row 2, column 'province'.*'Atlantis'.*registry province key"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_negative_value_rejected(tmp_path, water_raw):
    water_raw.loc[1, "actual"] = "-6"
    with pytest.raises(DataError, match=r"row 3, column 'actual'.*must be >= 0"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_duplicate_province_rejected(tmp_path, water_raw):
    water_raw.loc[2, "province"] = water_raw.loc[1, "province"]
    with pytest.raises(DataError, match=r"row 4, column 'province': duplicate key \['West Azerbaijan'\]"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_missing_column_and_file(tmp_path, water_raw):
    with pytest.raises(DataError, match=r"column 'actual': column missing"):
        data.read(_write(tmp_path, water_raw.drop(columns="actual")), WATER)
    with pytest.raises(FileNotFoundError, match=r"data file missing: .*nope\.csv \(dataset 'water_by_province'"):
        data.read(tmp_path / "nope.csv", WATER)


def test_malformed_csv_rejected(tmp_path):
    p = tmp_path / "broken.csv"
    p.write_text('row_kind,province\n"unterminated,x\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.csv"):
        data.read(p, WATER)


def test_unknown_dataset_lists_choices():
    with pytest.raises(KeyError, match=r"unknown dataset 'nope'; catalogued datasets: .*water_by_province"):
        data.load("nope")


def test_flag_must_name_a_column(tmp_path, water_raw):
    water_raw.loc[0, "flag"] = "nonexistent=garbled"
    with pytest.raises(DataError, match=r"row 2, column 'flag'"):
        data.read(_write(tmp_path, water_raw), WATER)
