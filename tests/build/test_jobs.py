"""Jobs and the table of contents, read from the structure file."""
import pytest
import yaml

from analysis.build import jobs as J
from analysis.core import paths, provinces


def test_province_part_declared_in_structure_one_job_per_registry_province():
    part = next(p for p in J.load_structure()["parts"] if "notebook" in p)
    assert (part["notebook"], part["parameter"], part["values"], part["folder"]) == \
        ("notebooks/province.md", "province", "registry", "provinces")
    prov = [j for j in J.jobs() if j.source == paths.ROOT / part["notebook"]]
    assert [j.parameters for j in prov] == [{"province": k} for k in provinces.keys()]
    assert [j.out for j in prov] == [f"provinces/{p.slug}" for p in provinces.registry()]
    assert all(j.province == j.parameters["province"] for j in prov)  # data scoped to the province
    everything = J.jobs()
    assert len({j.out for j in everything}) == len(everything)


def test_only_limits_a_parameterised_part():
    chosen = J.jobs(only={"province": ["Ilam", "Qom"]})
    assert [j.name for j in chosen if j.province] == [k for k in provinces.keys() if k in ("Ilam", "Qom")]  # registry order
    assert len([j for j in chosen if not j.province]) == len([j for j in J.jobs() if not j.province])


def test_unknown_province_rejected_with_valid_keys():
    with pytest.raises(provinces.UnknownProvinceError, match=r"unknown province key 'Atlantis'; valid keys: East Azerbaijan, .*Yazd"):
        J.jobs(only={"province": ["Atlantis"]})


def test_parameter_values_from_a_list(fixture_book):
    places = [j for j in J.jobs(fixture_book) if j.parameters]
    assert [(j.name, j.out, j.parameters, j.province) for j in places] == [
        ("Alpha", "places/alpha", {"place": "Alpha"}, None), ("Beta", "places/beta", {"place": "Beta"}, None)]
    with pytest.raises(J.BuildError, match=r"unknown place 'Gamma'; valid values: Alpha, Beta"):
        J.jobs(fixture_book, only={"place": ["Gamma"]})
    files = [c["file"] for part in J.toc(fixture_book)["parts"] for c in part["chapters"]]
    assert files == ["notebooks/one", "places/alpha", "places/beta"]


def test_parameterised_part_must_say_everything(fixture_book):
    text = fixture_book.structure.read_text().replace("    folder: places\n", "")
    fixture_book.structure.write_text(text)
    with pytest.raises(J.BuildError, match=r"structure.yml: part 'Places' .*missing 'folder'"):
        J.jobs(fixture_book)


def test_toc_is_generated_and_in_sync():
    toc = J.toc()
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert [f for f in files if f.startswith("provinces/")] == [f"provinces/{p.slug}" for p in provinces.registry()]
    committed = (paths.ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert committed == J.TOC_HEADER + yaml.safe_dump(toc, sort_keys=False, allow_unicode=True), \
        "_toc.yml is stale: run `python -m analysis toc`"


def test_every_chapter_in_structure_exists():
    s = J.load_structure()
    chapters = [s["root"], *[c for part in s["parts"] for c in part.get("chapters", [])],
                *[p["notebook"] for p in s["parts"] if "notebook" in p]]
    missing = [c for c in chapters if not (paths.ROOT / c).exists()]
    assert missing == []
