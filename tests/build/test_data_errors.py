"""build reports unreadable data in one line, as check-data does (no traceback from the cache)."""
import dataclasses

import pytest

from analysis.build import cache
from analysis.build.jobs import BuildError
from analysis.sources import datasets


def test_a_utf16_csv_is_one_line_naming_the_file(tmp_path, monkeypatch):
    ds = datasets.dataset("water_by_province")
    bad = tmp_path / ds.path.name
    bad.write_bytes(ds.path.read_text(encoding="utf-8").encode("utf-16"))
    cat = dict(datasets.catalog())
    cat["water_by_province"] = dataclasses.replace(ds, path=bad)
    monkeypatch.setattr(datasets, "catalog", lambda: cat)
    index = cache.DataIndex()
    assert index.file_hash("water_by_province")  # hashing the bytes does not fail on the encoding
    with pytest.raises(BuildError) as err:
        cache.validate_changed(tmp_path / "stamp.json", index)
    message = str(err.value)
    assert "\n" not in message and bad.name in message and "UTF-16" in message
