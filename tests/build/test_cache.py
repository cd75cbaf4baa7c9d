"""The notebook cache: per-province data hashes, the cache record, the validation stamp."""
import json

import pytest

from analysis.build import cache
from analysis.build.jobs import BuildError, Job


def test_province_hash_own_rows_in_full_other_provinces_numbers_only():
    index = cache.DataIndex()
    header, rows, raw = index._read("water_by_province")
    before = index.province_hash("water_by_province", "Ilam")
    li = header.index("label_fa")
    qom = next(r for r in rows if r[header.index("province")] == "Qom")
    qom[li] = "قم (label corrected)"
    assert index.province_hash("water_by_province", "Ilam") == before  # another province's text
    ilam = next(r for r in rows if r[header.index("province")] == "Ilam")
    ilam[li] = "ایلام (label corrected)"
    assert index.province_hash("water_by_province", "Ilam") != before  # its own text
    changed = index.province_hash("water_by_province", "Ilam")
    qom[header.index("actual")] = "1"
    assert index.province_hash("water_by_province", "Ilam") != changed  # another province's number


def test_cache_record_has_no_clock_and_inputs_invalidate_it(tmp_path, monkeypatch):
    nb = tmp_path / "x.md"
    nb.write_text("# x\n")
    job = Job("x", nb, "notebooks/x", {"p": 1})
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks/x.ipynb").write_text("{}")
    cache.write_meta(job, ["water_by_province"], tmp_path, "code-v1", cache.DataIndex())
    meta = json.loads((tmp_path / "notebooks/x.inputs.json").read_text())
    assert sorted(meta) == ["datasets", "fingerprint", "parameters"]
    assert cache.is_cached(job, tmp_path, "code-v1", cache.DataIndex())
    assert not cache.is_cached(job, tmp_path, "code-v2", cache.DataIndex())
    monkeypatch.setattr(cache, "base_hash", lambda: "another catalogue")  # the catalogue: every notebook
    assert not cache.is_cached(job, tmp_path, "code-v1", cache.DataIndex())
    monkeypatch.undo()
    assert cache.is_cached(job, tmp_path, "code-v1", cache.DataIndex())
    job.parameters = {"p": 2}  # a parameter: that job
    assert not cache.is_cached(job, tmp_path, "code-v1", cache.DataIndex())
    nb.write_text("# y\n")  # its source
    job.parameters = {"p": 1}
    assert not cache.is_cached(job, tmp_path, "code-v1", cache.DataIndex())


def test_validation_only_for_changed_datasets(tmp_path, monkeypatch):
    from analysis.sources import datasets as data
    validated = []
    monkeypatch.setattr(data, "validate_all", lambda names: validated.append(sorted(names)) or len(names))
    stamp = tmp_path / "validated.json"
    assert cache.validate_changed(stamp) == len(data.catalog())  # no stamp: everything
    assert cache.validate_changed(stamp) == 0
    seen = json.loads(stamp.read_text())
    seen["water_by_province"] = "an older version"
    stamp.write_text(json.dumps(seen))
    assert cache.validate_changed(stamp) == 1 and validated[-1] == ["water_by_province"]

    def bad(names):
        raise data.DataError("data/processed/x.csv: row 3, column 'plan': 'ten' is not a number")
    monkeypatch.setattr(data, "validate_all", bad)
    seen["water_by_province"] = "changed again"
    stamp.write_text(json.dumps(seen))
    with pytest.raises(BuildError, match=r"data check failed, nothing built: .*row 3, column 'plan'"):
        cache.validate_changed(stamp)
    assert json.loads(stamp.read_text())["water_by_province"] == "changed again"  # not recorded as validated
