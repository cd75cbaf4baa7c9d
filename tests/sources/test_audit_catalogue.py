"""Every catalogue entry names the audit module that checks it (``audit: a002_land``) or
``audit: none``; the named module exists and its findings cite the dataset, and no other
module's findings do. Each audit module matches an extractor module (``a002_land`` checks
what ``s002_land`` writes)."""
import importlib
import pkgutil
from collections import defaultdict

import pytest

from analysis.sources import audit, extract
from analysis.sources import datasets as data

CATALOG = data.catalog()


@pytest.fixture(scope="module")
def cited_by(seeds_available):
    """dataset -> the audit modules whose findings cite it."""
    out = defaultdict(set)
    for func in audit.discover():
        for f in func():
            out[f.dataset].add(func.__module__.rsplit(".", 1)[1])
    return out


def test_findings_cite_only_catalogued_datasets(cited_by):
    assert set(cited_by) - set(CATALOG) == set()


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_catalogued_audit_is_the_one_citing_the_dataset(name, cited_by):
    named = CATALOG[name].raw.get("audit")
    assert named, f"data/catalog.yml: dataset {name!r} names no audit (write 'audit: none' if none checks it)"
    if named == "none":
        assert cited_by.get(name, set()) == set(), f"{name}: 'audit: none' but {sorted(cited_by[name])} cite it"
        return
    importlib.import_module(f"analysis.sources.audit.{named}")
    extractor_module = CATALOG[name].raw["extractor"].split(".")[0]
    assert named[1:] == extractor_module[1:], f"{name}: extracted by {extractor_module}, audited by {named}"
    assert cited_by.get(name) == {named}, f"{name}: catalogue names {named!r}, findings come from {sorted(cited_by.get(name, []))}"


def test_audit_modules_mirror_extractor_modules():
    audits = {m.name for m in pkgutil.iter_modules(audit.__path__) if m.name.startswith("a0")}
    extractors = {m.name for m in pkgutil.iter_modules(extract.__path__) if m.name.startswith("s0")}
    assert {"s" + a[1:] for a in audits} == extractors
    named = {CATALOG[n].raw["audit"] for n in CATALOG} - {"none"}
    assert named == audits, "an audit module checks no catalogued dataset, or the catalogue names a missing one"
