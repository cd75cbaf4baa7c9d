"""check-data: one line per problem, exit 1, no traceback unless --debug; the seed check says when it is skipped."""
import io
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from analysis.core import paths
from analysis.sources import checks
from analysis.sources import datasets as data

NAMES = ["water_by_province", "registered_deeds_by_province"]


def _make_repo(tmp_path):
    """A copy of the repository's data with a catalogue of two datasets (and the reference data)."""
    root = tmp_path / "repo"
    doc = yaml.load(paths.CATALOG.read_text(encoding="utf-8"), Loader=data.SafeLoader)
    doc["datasets"] = {n: doc["datasets"][n] for n in NAMES}
    for entry in [*doc["datasets"].values(), *doc["reference"].values()]:
        (root / entry["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.ROOT / entry["path"], root / entry["path"])
    (root / "data" / "catalog.yml").write_text(yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = _make_repo(tmp_path)
    monkeypatch.setattr(data, "_project", lambda: data.read_catalogue(root))
    return root


def _run(debug=False):
    out, err = io.StringIO(), io.StringIO()
    code = checks.run(debug=debug, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_clean_data_passes(repo, seeds_available):
    code, out, err = _run()
    assert (code, err) == (0, "")
    assert out == "checked 2 datasets and 2 reference files: 0 problem(s)\n"


def test_one_line_per_problem_and_exit_1(repo, seeds_available):
    water = repo / data.read_catalogue(repo).datasets["water_by_province"].raw["path"]
    water.write_bytes(water.read_text(encoding="utf-8").encode("utf-16"))
    deeds = repo / "data/processed/002_t09_registered_deeds_by_province.csv"
    deeds.write_text("".join(deeds.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8")
    code, out, err = _run()
    assert code == 1
    assert err.splitlines() == [
        f"{water}: UTF-16 text (byte-order mark ff fe at byte 0); the data files must be UTF-8: save it again as UTF-8",
        f"{deeds}: 9 rows, the catalogue expects 26 (file truncated?)",
    ]
    assert "Traceback" not in err
    assert out.splitlines()[-1] == "checked 2 datasets and 2 reference files: 2 problem(s)"


def test_debug_prints_the_traceback(repo):
    (repo / "data/processed/002_t13_water_by_province.csv").write_bytes(b"")
    code, _, err = _run(debug=True)
    assert code == 1 and "Traceback (most recent call last)" in err
    assert err.splitlines()[-1].endswith("002_t13_water_by_province.csv: empty file (0 bytes); expected a header line and the data rows")


def test_provenance_problem_is_one_line_with_file_line_and_column(repo, seeds_available):
    water = repo / "data/processed/002_t13_water_by_province.csv"
    lines = water.read_text(encoding="utf-8").splitlines(keepends=True)
    # data row 1 (line 2) is East Azerbaijan, 002 line 931 (plan 22, actual 25); 7 is not printed there
    parts = lines[1].split(",")
    i = lines[0].split(",").index("plan")
    parts[i] = "7"
    lines[1] = ",".join(parts)
    water.write_text("".join(lines), encoding="utf-8")
    code, _, err = _run()
    assert code == 1
    assert err.splitlines() == [f"{water}: line 2 (data row 1), column 'plan': 7 is not on 002_d5af3ce44bc30735.txt line 931"]


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_seed_check_skipped_says_so_in_one_line(repo, tmp_path, monkeypatch, folder):
    if folder == "empty":
        (tmp_path / "no-seeds").mkdir()
    monkeypatch.setattr(paths, "SEEDS", tmp_path / "no-seeds")
    code, out, err = _run()
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"seed check skipped: the seed files are absent (none found in {tmp_path / 'no-seeds'}; they belong in ../shared/seeds "
        "beside the repository, or set ANALYSIS_SEEDS); numbers not checked against their source lines",
        "checked 2 datasets and 2 reference files: 0 problem(s) (provenance not checked)",
    ]


def test_unknown_unit_stops_with_one_line(repo):
    cat = repo / "data" / "catalog.yml"
    cat.write_text(cat.read_text(encoding="utf-8").replace("unit: litre/second", "unit: litres/second", 1), encoding="utf-8")
    code, _, err = _run()
    assert code == 1 and len(err.splitlines()) == 1
    assert err.startswith("data/catalog.yml: dataset 'water_by_province', column 'plan': unit 'litres/second' is not in the catalogue's units; valid: [")


def test_cli_check_data_exit_code_and_message(tmp_path):
    # the command itself, on a copy of the repository's data with one file cut inside a UTF-8 character
    root = _make_repo(tmp_path)
    water = root / "data/processed/002_t13_water_by_province.csv"
    raw = water.read_bytes()
    cut = raw.index("آ".encode()) + 1
    water.write_bytes(raw[:cut])
    env = dict(os.environ, ANALYSIS_ROOT=str(root), ANALYSIS_SEEDS=str(tmp_path / "no-seeds"),
               PYTHONPATH=str(paths.ROOT / "src"))
    res = subprocess.run([sys.executable, "-m", "analysis", "check-data"], capture_output=True, text=True, env=env, cwd=root)
    assert res.returncode == 1
    assert res.stderr == ("data/processed/002_t13_water_by_province.csv: line 2: the file ends inside a UTF-8 character "
                          f"(byte {cut - 1} of {cut}): cut short (truncated?)\n")
    assert res.stdout.splitlines()[0].startswith("seed check skipped: the seed files are absent")
