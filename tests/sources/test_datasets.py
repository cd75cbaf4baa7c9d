"""The catalogue, the validating loader, provenance and reproducible extraction."""
import re
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


# --- bad inputs are rejected with file, line and column ------------------------------------
# Places are lines of the file (header = line 1), then the data row they start:
# "line 5 (data row 4)" is the fourth row after the header.
WATER = CATALOG["water_by_province"]
DEEDS = CATALOG["registered_deeds_by_province"]  # 25 provinces + the printed total = 26 rows


def _write(tmp_path: Path, df: pd.DataFrame) -> Path:
    p = tmp_path / "bad.csv"
    df.to_csv(p, index=False)
    return p


def _raw(tmp_path: Path, data: bytes, name: str = "bad.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.fixture
def water_raw():
    return pd.read_csv(WATER.path, dtype=str, keep_default_na=False)


def test_non_numeric_cell_rejected(tmp_path, water_raw):
    water_raw.loc[3, "plan"] = "ten"
    with pytest.raises(DataError, match=r"bad\.csv: line 5 \(data row 4\), column 'plan': 'ten' is not a number$"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_unknown_province_rejected(tmp_path, water_raw):
    water_raw.loc[0, "province"] = "Atlantis"
    with pytest.raises(DataError, match=r"line 2 \(data row 1\), column 'province'.*'Atlantis'.*registry province key"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_negative_value_rejected(tmp_path, water_raw):
    water_raw.loc[1, "actual"] = "-6"
    with pytest.raises(DataError, match=r"line 3 \(data row 2\), column 'actual'.*must be >= 0"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_duplicate_province_rejected(tmp_path, water_raw):
    water_raw.loc[2, "province"] = water_raw.loc[1, "province"]
    with pytest.raises(DataError, match=r"line 4 \(data row 3\), column 'province': duplicate key \['West Azerbaijan'\] on line 3, line 4"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_missing_column_and_file(tmp_path, water_raw):
    with pytest.raises(DataError, match=r"line 1 \(header\), column 'actual': column missing"):
        data.read(_write(tmp_path, water_raw.drop(columns="actual")), WATER)
    with pytest.raises(FileNotFoundError, match=r"nope\.csv: data file missing \(dataset 'water_by_province'"):
        data.read(tmp_path / "nope.csv", WATER)
    # a missing file is a DataError too, so one except clause catches every read failure
    with pytest.raises(data.DataFileMissing):
        data.read(tmp_path / "nope.csv", WATER)
    assert issubclass(data.DataFileMissing, DataError) and issubclass(data.DataFileMissing, FileNotFoundError)


def test_malformed_csv_rejected(tmp_path):
    p = tmp_path / "broken.csv"
    p.write_text('row_kind,province\n"unterminated,x\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.csv: line 2: malformed CSV \(unexpected end of data\): a quoted cell is never closed$"):
        data.read(p, WATER)


def test_malformed_csv_names_the_line_of_the_file(tmp_path):
    # the probe: an extra field on line 5 of the file; pandas called it "row 4"
    lines = WATER.path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].rstrip("\n") + ",extra\n"
    p = _raw(tmp_path, "".join(lines).encode())
    with pytest.raises(DataError, match=r"bad\.csv: line 5 \(data row 4\): 9 fields, the header \(line 1\) has 8$"):
        data.read(p, WATER)


def test_utf16_file_named(tmp_path):
    # the probe: the CSV saved as UTF-16 (UnicodeDecodeError ... position 0 before)
    p = _raw(tmp_path, WATER.path.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(DataError, match=r"bad\.csv: UTF-16 text \(byte-order mark ff fe at byte 0\); the data files must be UTF-8"):
        data.read(p, WATER)


def test_utf16_without_bom_named(tmp_path):
    p = _raw(tmp_path, WATER.path.read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.raises(DataError, match=r"bad\.csv: line 1: NUL byte at byte 1 \(UTF-16 without a byte-order mark"):
        data.read(p, WATER)


def test_file_cut_inside_a_utf8_character(tmp_path):
    raw = WATER.path.read_bytes()
    cut = raw.index("آذربایجان".encode()) + 1  # inside the two-byte letter آ on line 2
    line = raw.count(b"\n", 0, cut) + 1
    assert line == 2
    with pytest.raises(DataError, match=rf"bad\.csv: line {line}: the file ends inside a UTF-8 character \(byte {cut - 1} of {cut}\): cut short \(truncated\?\)$"):
        data.read(_raw(tmp_path, raw[:cut]), WATER)


def test_not_utf8_names_line_and_byte(tmp_path):
    raw = WATER.path.read_bytes().replace("تهران".encode(), "تهران".encode("cp1256"), 1)
    line = WATER.path.read_text(encoding="utf-8").splitlines().index(
        next(x for x in WATER.path.read_text(encoding="utf-8").splitlines() if "تهران" in x)) + 1
    with pytest.raises(DataError, match=rf"bad\.csv: line {line}: byte 0x[0-9a-f]{{2}} at byte \d+ is not UTF-8"):
        data.read(_raw(tmp_path, raw), WATER)


def test_empty_file(tmp_path):
    # the probe: a 0-byte file (EmptyDataError: No columns to parse before)
    with pytest.raises(DataError, match=r"bad\.csv: empty file \(0 bytes\); expected a header line and the data rows$"):
        data.read(_raw(tmp_path, b""), WATER)


def test_header_only_file_has_no_rows(tmp_path):
    # the probe: a header-only file reported a dtype mismatch before
    header = WATER.path.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    with pytest.raises(DataError, match=r"bad\.csv: no rows, only the header \(line 1\); the catalogue expects 33$"):
        data.read(_raw(tmp_path, header.encode()), WATER)


def test_truncated_at_a_line_boundary(tmp_path):
    # the probe: 9 of the 26 rows left, the total row gone; check-data passed it before
    lines = DEEDS.path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 27 and DEEDS.rows == 26
    p = _raw(tmp_path, "".join(lines[:10]).encode())
    with pytest.raises(DataError, match=r"bad\.csv: 9 rows, the catalogue expects 26 \(file truncated\?\)$"):
        data.read(p, DEEDS)


def test_rows_added_are_caught_too(tmp_path):
    lines = DEEDS.path.read_text(encoding="utf-8").splitlines(keepends=True)
    p = _raw(tmp_path, "".join([*lines, lines[1].replace("West Azerbaijan", "Tehran")]).encode())
    with pytest.raises(DataError, match=r"27 rows, the catalogue expects 26 \(rows added\?"):
        data.read(p, DEEDS)


def test_truncated_inside_a_line(tmp_path):
    raw = WATER.path.read_bytes()
    with pytest.raises(DataError, match=r"bad\.csv: line 34: the last line does not end with a line break: the file is cut short \(truncated\?\)$"):
        data.read(_raw(tmp_path, raw[:-3]), WATER)


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "NaN", "Infinity", "1e400", "-1e400"])
@pytest.mark.parametrize("column", ["plan", "actual"])  # int columns of Table 13
def test_non_finite_numbers_rejected_in_int_columns(tmp_path, water_raw, text, column):
    water_raw.loc[6, column] = text
    why = {"nan": "a missing value is an empty cell", "inf": "only finite numbers are allowed",
           "infinity": "only finite numbers are allowed"}.get(text.lower().lstrip("-"), "beyond the float range")
    with pytest.raises(DataError, match=rf"bad\.csv: line 8 \(data row 7\), column '{column}': '{re.escape(text)}' is not a finite number \({why}\)$"):
        data.read(_write(tmp_path, water_raw), WATER)


@pytest.mark.parametrize("text", ["inf", "-inf", "nan", "1e400"])
def test_non_finite_numbers_rejected_in_float_columns(tmp_path, text):
    ds = CATALOG["electricity_by_province"]  # plan is a nullable float column (MW)
    df = pd.read_csv(ds.path, dtype=str, keep_default_na=False)
    df.loc[2, "plan"] = text
    with pytest.raises(DataError, match=rf"bad\.csv: line 4 \(data row 3\), column 'plan': '{re.escape(text)}' is not a finite number"):
        data.read(_write(tmp_path, df), ds)


def test_too_large_for_a_whole_number(tmp_path, water_raw):
    water_raw.loc[0, "plan"] = "1" + "0" * 20
    with pytest.raises(DataError, match=r"line 2 \(data row 1\), column 'plan': '1" + "0" * 20 + "' is too large"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_blank_line_and_duplicate_header(tmp_path):
    lines = WATER.path.read_text(encoding="utf-8").splitlines(keepends=True)
    with pytest.raises(DataError, match=r"bad\.csv: line 4: blank line \(data row 3\)"):
        data.read(_raw(tmp_path, "".join([*lines[:3], "\n", *lines[3:]]).encode()), WATER)
    with pytest.raises(DataError, match=r"bad\.csv: line 1 \(header\), column 'plan': column name appears twice"):
        data.read(_raw(tmp_path, "".join([lines[0].replace("actual", "plan"), *lines[1:]]).encode()), WATER)


def test_utf8_bom_rejected(tmp_path):
    with pytest.raises(DataError, match=r"bad\.csv: starts with a UTF-8 byte-order mark"):
        data.read(_raw(tmp_path, b"\xef\xbb\xbf" + WATER.path.read_bytes()), WATER)


def test_every_message_is_one_line_naming_the_file(tmp_path, water_raw):
    bad = [b"", "x".encode("utf-16"), WATER.path.read_bytes()[:40], b"row_kind\n"]
    for i, raw in enumerate(bad):
        with pytest.raises(DataError) as err:
            data.read(_raw(tmp_path, raw, f"b{i}.csv"), WATER)
        assert "\n" not in str(err.value) and str(err.value).startswith(str(tmp_path / f"b{i}.csv"))


def test_messages_name_repository_files_relative_to_the_root():
    with pytest.raises(DataError, match=r"^data/processed/002_t13_water_by_province\.csv: 33 rows, the catalogue expects 26"):
        data.read(WATER.path, DEEDS)


def test_unknown_dataset_lists_choices():
    with pytest.raises(KeyError, match=r"unknown dataset 'nope'; catalogued datasets: .*water_by_province"):
        data.load("nope")


def test_flag_must_name_a_column(tmp_path, water_raw):
    water_raw.loc[0, "flag"] = "nonexistent=garbled"
    with pytest.raises(DataError, match=r"line 2 \(data row 1\), column 'flag'"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_line_numbers_follow_cells_that_span_lines(tmp_path, water_raw):
    # a quoted cell with a line break makes the file's lines and the data rows diverge
    water_raw.loc[1, "label_fa"] = "آذربایجان\nغربی"
    water_raw.loc[4, "plan"] = "ten"
    with pytest.raises(DataError, match=r"line 7 \(data row 5\), column 'plan'"):
        data.read(_write(tmp_path, water_raw), WATER)


def test_validate_all_reports_every_failing_dataset(tmp_path, monkeypatch):
    root = _copy_data(tmp_path, ["water_by_province", "registered_deeds_by_province"])
    (root / WATER.raw["path"]).write_bytes(b"")
    deeds = root / DEEDS.raw["path"]
    deeds.write_text("".join(deeds.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8")
    monkeypatch.setattr(data, "_project", lambda: data.read_catalogue(root))
    with pytest.raises(DataError) as err:
        data.validate_all()
    assert isinstance(err.value, data.DataProblems) and len(err.value.problems) == 2
    assert str(err.value) == (f"{root / WATER.raw['path']}: empty file (0 bytes); expected a header line and the data rows "
                              "(and 1 more problem(s); `python -m analysis check-data` lists them all)")
    assert str(err.value.problems[1]).endswith("9 rows, the catalogue expects 26 (file truncated?)")


def _copy_data(tmp_path: Path, names: list[str]) -> Path:
    """A repository root with a catalogue of only ``names`` (and the reference data)."""
    import shutil

    import yaml

    root = tmp_path / "repo"
    doc = yaml.load(paths.CATALOG.read_text(encoding="utf-8"), Loader=data.SafeLoader)
    doc["datasets"] = {n: doc["datasets"][n] for n in names}
    for entry in [*doc["datasets"].values(), *doc["reference"].values()]:
        (root / entry["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.ROOT / entry["path"], root / entry["path"])
    (root / "data" / "catalog.yml").write_text(yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root
