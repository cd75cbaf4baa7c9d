"""The book's reference data is read from the repository (data/reference), not from ../shared."""
import pandas as pd
import pytest

from analysis.core import paths
from analysis.core.provinces import registry
from analysis.metrics import prices
from analysis.sources import datasets as data

SHARED = paths.SHARED / "reference"
FILES = ["iran_inflation_worldbank.csv", "iran_provinces.geojson"]


def test_reference_lives_in_the_repository():
    assert paths.REFERENCE == paths.ROOT / "data" / "reference"
    for f in FILES:
        assert (paths.REFERENCE / f).is_file(), f
    assert {ds.path.name for ds in data.references().values()} == set(FILES)


def test_inflation_read_from_the_repository_copy(monkeypatch, tmp_path):
    # with ../shared gone, the book still has its inflation series
    monkeypatch.setattr(paths, "SHARED", tmp_path / "no-shared")
    monkeypatch.setattr(paths, "SEEDS", tmp_path / "no-shared" / "seeds")
    inf = prices.load_inflation()
    raw = pd.read_csv(paths.REFERENCE / prices.INFLATION_FILE).set_index("year")
    pd.testing.assert_frame_equal(inf, raw)
    assert inf.loc[2019, "cpi_inflation_pct"] == 39.9073  # the README's CPI 2019 = 39.9 %
    assert (inf.index.min(), inf.index.max(), len(inf)) == (2008, 2023, 16)


def test_missing_repository_copy_names_the_file(monkeypatch, tmp_path):
    ds = data.references()["iran_inflation"]
    gone = data.Dataset(**{**ds.__dict__, "path": tmp_path / "iran_inflation_worldbank.csv"})
    monkeypatch.setattr(data, "references", lambda: {"iran_inflation": gone})
    with pytest.raises(FileNotFoundError, match=r"iran_inflation_worldbank\.csv: data file missing \(reference 'iran_inflation'"):
        prices.load_inflation()


def test_province_boundaries_validated_and_matching_the_registry():
    geo = data.load_reference("iran_provinces")
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 31
    assert {f["properties"]["iso_3166_2"] for f in geo["features"]} == {p.iso for p in registry()}


def test_reference_csv_bad_value_names_file_line_column(tmp_path):
    ds = data.references()["iran_inflation"]
    text = ds.path.read_bytes().replace(b"2019,39.9073", b"2019,inf")
    p = tmp_path / "inflation.csv"
    p.write_bytes(text)
    # 2019 is the twelfth year from 2008: data row 12, line 13
    with pytest.raises(data.DataError, match=r"inflation\.csv: line 13 \(data row 12\), column 'cpi_inflation_pct': 'inf' is not a finite number"):
        data.read(p, ds)


@pytest.mark.parametrize("name", FILES)
def test_repository_copy_matches_the_shared_copy(name):
    if not SHARED.is_dir():
        pytest.skip(f"shared reference data not found at {SHARED} (../shared/reference beside the repository); "
                    "the repository copy is not compared with it")
    assert (paths.REFERENCE / name).read_bytes() == (SHARED / name).read_bytes(), \
        f"data/reference/{name} differs from ../shared/reference/{name}: copy it again and update data/reference/README.md"
