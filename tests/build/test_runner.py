"""The build pipeline: TOC, runner (parameters, failures, cache), atomic publish, pins."""
import json
import re
from pathlib import Path

import pytest
import yaml

from analysis.build import runner as book
from analysis.core import paths, provinces

FIXTURE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

```{code-cell} ipython3
:tags: [parameters]

province: str = "Nowhere"  # English key
```

```{code-cell} ipython3
if province == "Bad":
    raise ValueError(f"no data for {province}")
print("chapter for", province)
```
"""


@pytest.fixture
def fixture_nb(tmp_path):
    p = tmp_path / "tiny.md"
    p.write_text(FIXTURE, encoding="utf-8")
    return p


def _outputs(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "".join("".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", []))


def test_runner_injects_parameters_isolates_failures_and_skips_unchanged(fixture_nb, tmp_path, monkeypatch):
    monkeypatch.setattr(book, "code_hash", lambda: "code-v1")  # the repository may change while tests run
    monkeypatch.setattr(book, "base_hash", lambda: "catalogue-v1")
    out = tmp_path / "executed"
    jobs = [book.Job("Ilam", fixture_nb, "provinces/ilam", {"province": "Ilam"}),
            book.Job("Bad", fixture_nb, "provinces/bad", {"province": "Bad"}),
            book.Job("Qom", fixture_nb, "provinces/qom", {"province": "Qom"})]
    first = {r.job.name: r for r in book.run_jobs(jobs, out, workers=2, quiet=True)}
    assert {k: r.status for k, r in first.items()} == {"Ilam": "executed", "Bad": "failed", "Qom": "executed"}
    assert "chapter for Ilam" in _outputs(out / "provinces/ilam.ipynb")
    assert "chapter for Qom" in _outputs(out / "provinces/qom.ipynb")
    assert first["Bad"].error == "ValueError: no data for Bad"
    assert first["Bad"].cell is not None
    assert (out / "provinces/bad.failed.ipynb").exists() and not (out / "provinces/bad.ipynb").exists()

    second = {r.job.name: r.status for r in book.run_jobs(jobs, out, workers=2, quiet=True)}
    assert second == {"Ilam": "cached", "Bad": "failed", "Qom": "cached"}

    jobs[0].parameters = {"province": "Yazd"}  # a changed parameter re-executes that job only
    third = {r.job.name: r.status for r in book.run_jobs(jobs, out, workers=2, quiet=True)}
    assert third == {"Ilam": "executed", "Bad": "failed", "Qom": "cached"}

    monkeypatch.setattr(book, "base_hash", lambda: "catalogue-v2")  # a changed catalogue re-executes all
    fourth = {r.job.name: r.status for r in book.run_jobs(jobs, out, workers=2, quiet=True)}
    assert fourth == {"Ilam": "executed", "Bad": "failed", "Qom": "executed"}


def test_dependencies_recorded_and_province_hash_scoped(tmp_path, monkeypatch):
    nb = tmp_path / "loads.md"
    nb.write_text(FIXTURE.replace('print("chapter for", province)',
                                  'from analysis.sources.datasets import load\nload("water_by_province")\nprint(province)'), encoding="utf-8")
    res = book.run_jobs([book.Job("Ilam", nb, "p/ilam", {"province": "Ilam"})], tmp_path, quiet=True)
    meta = json.loads((tmp_path / "p/ilam.inputs.json").read_text())
    assert res[0].status == "executed" and meta["datasets"] == ["water_by_province"]

    # Province-scoped hash: another province's label does not matter, any number does.
    index = book.DataIndex()
    header, rows, raw = index._read("water_by_province")
    before = index.province_hash("water_by_province", "Ilam")
    li = header.index("label_fa")
    qom = next(r for r in rows if r[header.index("province")] == "Qom")
    qom[li] = "قم (label corrected)"
    assert index.province_hash("water_by_province", "Ilam") == before
    ilam = next(r for r in rows if r[header.index("province")] == "Ilam")
    ilam[li] = "ایلام (label corrected)"
    assert index.province_hash("water_by_province", "Ilam") != before
    changed = index.province_hash("water_by_province", "Ilam")
    qom[header.index("actual")] = "1"
    assert index.province_hash("water_by_province", "Ilam") != changed


def test_warm_kernel_renders_figures_and_isolates_state(tmp_path):
    nb = tmp_path / "fig.md"
    nb.write_text(FIXTURE.replace('print("chapter for", province)', (
        "import matplotlib.pyplot as plt\n"
        "import os\n"
        "fig, ax = plt.subplots(); ax.plot([1, 2]); plt.show()\n"
        "import sys\n"
        "print('leak' in globals(), os.getpid(), 'pandas' in sys.modules)\n"
        "leak = 1")), encoding="utf-8")
    jobs = [book.Job(k, nb, f"p/{k}", {"province": k}) for k in ("Ilam", "Qom")]
    res = book.run_jobs(jobs, tmp_path, workers=1, quiet=True, warm=True)
    assert [r.status for r in res] == ["executed", "executed"]
    pids = set()
    for k in ("Ilam", "Qom"):
        cells = json.loads((tmp_path / f"p/{k}.ipynb").read_text())["cells"]
        outs = [o for c in cells for o in c.get("outputs", [])]
        assert any("image/png" in o.get("data", {}) for o in outs), "figure not rendered inline"
        text = "".join("".join(o.get("text", "")) for o in outs)
        assert text.startswith("False ")  # a fresh namespace: nothing from the previous notebook
        pids.add(text.split()[1])
        assert text.split()[2] == "True"  # forked from the factory, which preloaded pandas
    assert len(pids) == 2  # one process per notebook


def test_runner_reports_missing_notebook(tmp_path):
    res = book.run_jobs([book.Job("Gone", tmp_path / "gone.md", "x/gone")], tmp_path, quiet=True)
    assert res[0].status == "failed" and "notebook source missing" in res[0].error


def test_parameter_and_code_cells_are_hidden(fixture_nb, tmp_path):
    book.run_jobs([book.Job("Ilam", fixture_nb, "p/ilam", {"province": "Ilam"})], tmp_path, quiet=True)
    nb = json.loads((tmp_path / "p/ilam.ipynb").read_text(encoding="utf-8"))
    tags = [c["metadata"].get("tags", []) for c in nb["cells"] if c["cell_type"] == "code"]
    assert ["parameters", "remove-cell"] in tags
    assert any("injected-parameters" in t and "remove-cell" in t for t in tags)
    assert any(t == ["remove-input"] for t in tags)


def test_jobs_one_per_province_from_registry():
    jobs = book.jobs()
    prov = [j for j in jobs if j.source == book.TEMPLATE]
    assert [j.parameters["province"] for j in prov] == provinces.keys()
    assert len({j.out for j in jobs}) == len(jobs)


def test_unknown_province_rejected_with_valid_keys():
    with pytest.raises(provinces.UnknownProvinceError, match=r"unknown province key 'Atlantis'; valid keys: East Azerbaijan, .*Yazd"):
        book.jobs(provinces=["Atlantis"])


def test_toc_is_generated_and_in_sync():
    toc = book.toc()
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert [f for f in files if f.startswith("provinces/")] == [f"provinces/{p.slug}" for p in provinces.registry()]
    committed = (paths.ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert committed == book.TOC_HEADER + yaml.safe_dump(toc, sort_keys=False, allow_unicode=True), \
        "_toc.yml is stale: run `python -m analysis toc`"


def test_every_chapter_in_structure_exists():
    s = book.load_structure()
    chapters = [s["root"], *[c for part in s["parts"] for c in part.get("chapters", [])]]
    missing = [c for c in chapters if not (paths.ROOT / c).exists()]
    assert missing == []


def test_validation_only_for_changed_datasets(tmp_path, monkeypatch):
    from analysis.sources import datasets as data
    stamp = tmp_path / "validated.json"
    assert book.validate_changed(stamp) == len(data.catalog())
    assert book.validate_changed(stamp) == 0
    seen = json.loads(stamp.read_text())
    seen["water_by_province"] = "an older version"
    stamp.write_text(json.dumps(seen))
    assert book.validate_changed(stamp) == 1

    def bad(names):
        raise data.DataError("data/processed/x.csv: row 3, column 'plan': 'ten' is not a number")
    monkeypatch.setattr(data, "validate_all", bad)
    seen["water_by_province"] = "changed again"
    stamp.write_text(json.dumps(seen))
    with pytest.raises(book.BuildError, match=r"data check failed, nothing built: .*row 3, column 'plan'"):
        book.validate_changed(stamp)


# --- atomic publish ----------------------------------------------------------------------
def _site(root: Path, name: str, text: str) -> Path:
    d = root / "sites" / name
    d.mkdir(parents=True)
    (d / "index.html").write_text(text)
    return d


def test_publish_replaces_link_and_removes_old_sites(tmp_path):
    link = tmp_path / "html"
    old = _site(tmp_path, "a", "old")
    book.publish_site(old, link)
    assert (link / "index.html").read_text() == "old"
    new = _site(tmp_path, "b", "new")
    book.publish_site(new, link)
    assert (link / "index.html").read_text() == "new"
    assert not old.exists()


def test_failed_build_leaves_published_book(tmp_path, monkeypatch):
    link = tmp_path / "html"
    book.publish_site(_site(tmp_path, "good", "last good book"), link)

    def broken_sphinx(*args, **kwargs):
        raise book.BuildError("jupyter-book html build failed")

    monkeypatch.setattr(book, "run_jobs", lambda *a, **k: [])
    monkeypatch.setattr(book, "jobs", lambda *a, **k: [])
    monkeypatch.setattr(book, "jupyter_book", broken_sphinx)
    with pytest.raises(book.BuildError, match="html build failed"):
        book.build(build_dir=tmp_path, pdf=False, quiet=True)
    assert (link / "index.html").read_text() == "last good book"


def test_failed_notebook_does_not_publish(tmp_path, monkeypatch):
    link = tmp_path / "html"
    book.publish_site(_site(tmp_path, "good", "last good book"), link)
    job = book.Job("Ilam", paths.ROOT / "notebooks/province.md", "provinces/ilam", {"province": "Ilam"}, "Ilam")

    def fake_sphinx(src_dir, out_dir, builder="html", quiet=False):
        built = out_dir / "_build" / builder
        built.mkdir(parents=True, exist_ok=True)
        (built / "index.html").write_text("new book with a failed chapter")
        return built

    monkeypatch.setattr(book, "jobs", lambda *a, **k: [job])
    monkeypatch.setattr(book, "run_jobs", lambda *a, **k: [book.Result(job, "failed", error="ValueError: x", cell=3)])
    monkeypatch.setattr(book, "jupyter_book", fake_sphinx)
    with pytest.raises(book.BuildError, match=r"1 notebook\(s\) failed: Ilam"):
        book.build(build_dir=tmp_path, pdf=False, quiet=True)
    assert (link / "index.html").read_text() == "last good book"
    page = (tmp_path / "work/src/provinces/ilam.md").read_text()
    assert "This chapter failed to build: ValueError: x (cell 3)" in page


# --- dependencies ------------------------------------------------------------------------
def _pins(lines):
    pat = re.compile(r"\s*-?\s*([A-Za-z0-9_.\-]+)==(\S+)")
    return {m[1].lower(): m[2] for m in map(pat.match, lines) if m}


def test_environment_yml_agrees_with_requirements():
    req = _pins((paths.ROOT / "requirements.txt").read_text().splitlines())
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert _pins(pip) == req
    lock = _pins((paths.ROOT / "requirements-lock.txt").read_text().splitlines())
    assert {k: lock.get(k) for k in req} == req, "requirements-lock.txt disagrees with requirements.txt"


def test_no_arabic_reshaper_or_bidi():
    lock = (paths.ROOT / "requirements-lock.txt").read_text().lower()
    assert "arabic-reshaper" not in lock and "python-bidi" not in lock
