"""Every catalogue entry names its extractor (``extractor: module.function``), and that
function, run alone, writes exactly that dataset's file, byte for byte the committed one.
So a number's path is one hop each way: seed line -> extractor -> CSV -> catalogue entry."""
import importlib

import pytest

from analysis.core import paths
from analysis.sources import datasets as data
from analysis.sources import extract

CATALOG = data.catalog()


def _extractor(name):
    spec = CATALOG[name].raw.get("extractor")
    assert spec, f"data/catalog.yml: dataset {name!r} names no extractor"
    module, _, func = spec.partition(".")
    mod = importlib.import_module(f"analysis.sources.extract.{module}")
    assert hasattr(mod, func), f"data/catalog.yml: {name!r}: extractor {spec!r}: no {func!r} in {module}"
    return getattr(mod, func)


def test_every_extractor_module_and_dataset_is_catalogued():
    registered = extract.discover()
    assert set(registered) == set(CATALOG), "registered extractors and catalogued datasets differ"
    modules = {_extractor(name).__module__ for name in CATALOG}
    on_disk = {f"analysis.sources.extract.{m}" for m in {f.__module__.rsplit(".", 1)[1] for _, f in registered.values()}}
    assert modules == on_disk


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_catalogued_extractor_writes_exactly_its_file(name, seeds_available, tmp_path):
    func = _extractor(name)
    registered = [(reg, filename) for reg, (filename, f) in extract.discover().items() if f is func]
    assert registered == [(name, CATALOG[name].path.name)], f"{name}: the extractor named is registered as {registered}"
    written = extract.run([name], out_dir=tmp_path)
    assert written == [CATALOG[name].path.name]
    assert [p.name for p in tmp_path.iterdir()] == written
    assert (tmp_path / written[0]).read_bytes() == (paths.PROCESSED / written[0]).read_bytes()


def test_unknown_extractor_name_lists_the_valid_ones(tmp_path):
    with pytest.raises(ValueError, match=r"unknown extractor\(s\) nope; valid: .*water_by_province"):
        extract.run(["nope"], out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []
