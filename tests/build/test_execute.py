"""Notebook execution: parameters, isolated failures, the cache, the hook cell, warm kernels,
reproducible executed notebooks."""
import json
import re
from pathlib import Path

import pytest

from analysis.build import cache
from analysis.build import execute as X
from analysis.build.jobs import Job

from .conftest import HEADER

FIXTURE = HEADER + """
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


def test_runner_injects_parameters_isolates_failures_and_skips_unchanged(fixture_nb, tmp_path, monkeypatch, kernels):
    monkeypatch.setattr(cache, "code_hash", lambda: "code-v1")  # the repository may change while tests run
    monkeypatch.setattr(cache, "base_hash", lambda: "catalogue-v1")
    out = tmp_path / "executed"
    jobs = [Job("Ilam", fixture_nb, "provinces/ilam", {"province": "Ilam"}),
            Job("Bad", fixture_nb, "provinces/bad", {"province": "Bad"}),
            Job("Qom", fixture_nb, "provinces/qom", {"province": "Qom"})]
    first = {r.job.name: r for r in X.run_jobs(jobs, out, workers=2, quiet=True, kernels=kernels)}
    assert {k: r.status for k, r in first.items()} == {"Ilam": "executed", "Bad": "failed", "Qom": "executed"}
    assert "chapter for Ilam" in _outputs(out / "provinces/ilam.ipynb")
    assert "chapter for Qom" in _outputs(out / "provinces/qom.ipynb")
    assert first["Bad"].error == "ValueError: no data for Bad"
    assert first["Bad"].cell == 2  # the source's second cell (inserted cells are not counted)
    assert (out / "provinces/bad.failed.ipynb").exists() and not (out / "provinces/bad.ipynb").exists()

    second = {r.job.name: r.status for r in X.run_jobs(jobs, out, workers=2, quiet=True, kernels=kernels)}
    assert second == {"Ilam": "cached", "Bad": "failed", "Qom": "cached"}  # changed inputs: tests/build/test_cache.py


LOADS = FIXTURE.replace('print("chapter for", province)', (
    "from analysis.sources import datasets\n"
    "datasets.load('water_by_province')\n"
    "print(datasets._already_validated())"))


def test_hook_cell_records_loads_and_passes_validation_without_environment(tmp_path, kernels, monkeypatch):
    """The runner connects to the loader through the visible first cell, with a path relative
    to the notebook's folder: no environment variable, no machine-specific path."""
    from analysis.sources.datasets import data_fingerprint
    for name in ("ANALYSIS_LOAD_LOG", "ANALYSIS_VALIDATED_DATA"):
        monkeypatch.delenv(name, raising=False)
    nb = tmp_path / "loads.md"
    nb.write_text(LOADS, encoding="utf-8")
    fp = data_fingerprint()
    [res] = X.run_jobs([Job("Ilam", nb, "p/ilam", {"province": "Ilam"}, province="Ilam")], tmp_path, quiet=True,
                       kernels=kernels, validated=fp)
    assert res.status == "executed"
    meta = json.loads((tmp_path / "p/ilam.inputs.json").read_text())
    assert res.deps == ["water_by_province"] and meta["datasets"] == ["water_by_province"]
    assert not (tmp_path / "p/ilam.loads").exists()  # read and removed
    ilam = json.loads((tmp_path / "p/ilam.ipynb").read_text())
    hook = ilam["cells"][0]
    assert hook["metadata"]["tags"] == [X.HOOK_TAG, "remove-cell"]
    assert "record_loads('ilam.loads')" in "".join(hook["source"])
    assert f"trust_validated({fp!r})" in "".join(hook["source"])
    assert _outputs(tmp_path / "p/ilam.ipynb").strip() == "True"  # pandera pass skipped
    text = (tmp_path / "p/ilam.ipynb").read_text()
    assert str(tmp_path) not in text and "/tmp" not in text


def test_loader_hooks(tmp_path):
    """record_loads / trust_validated in the loader itself (what the hook cell calls)."""
    from analysis.sources import datasets
    log = tmp_path / "x.loads"
    try:
        datasets.record_loads(log)
        datasets.trust_validated("not this data")
        datasets.load("water_by_province")
        assert not datasets._already_validated()  # a fingerprint of other data is not trusted
        datasets.trust_validated(datasets.data_fingerprint())
        assert datasets._already_validated()
        datasets.record_loads(None)
        datasets.load("water_by_province")
        assert log.read_text() == "water_by_province\n"
    finally:
        datasets.record_loads(None)
        datasets.trust_validated(None)
    assert not datasets._already_validated()


WARMED = FIXTURE.replace('print("chapter for", province)', (
    "from analysis.sources import datasets\n"
    "from analysis.core import text\n"
    "from analysis.report import maps\n"
    "print('water_by_province' in datasets._LOADED, text.labels.cache_info().currsize,\n"
    "      maps.shapes.cache_info().currsize, end=' ')\n"
    "datasets.load('water_by_province')\n"
    "from analysis.build import warmkernel\n"
    "print(datasets._already_validated(), warmkernel.WARMED_FOR == datasets._TRUSTED)"))


@pytest.mark.parametrize("wait", [True, False], ids=["told-at-start", "told-when-ready"])
def test_a_kernel_starts_with_the_factorys_texts_data_and_map_outlines(tmp_path, wait):
    """The factory reads the texts, the datasets and the province outlines once; each forked
    kernel has them (and reads no file for them) and still records what it loads. Started
    without ``wait`` (as the runner starts it, before it validates), the factory learns the
    validated data version from ``run_jobs`` when the first notebook is to run (the last
    ``True`` below: the fingerprint the factory filled its caches under)."""
    from analysis.sources.datasets import data_fingerprint
    nb = tmp_path / "warmed.md"
    nb.write_text(WARMED, encoding="utf-8")
    fp = data_fingerprint()
    with X.Kernels(warm=True, validated=fp if wait else None, wait=wait) as k:
        [res] = X.run_jobs([Job("Ilam", nb, "p/ilam", {"province": "Ilam"}, province="Ilam")], tmp_path, quiet=True,
                           kernels=k, validated=fp)
    assert res.status == "executed" and res.deps == ["water_by_province"]
    # in the factory's caches: the dataset, both languages' texts, the outlines; validated as the
    # runner said, in the kernel (its hook cell) and in the factory that filled the caches
    assert _outputs(tmp_path / "p/ilam.ipynb").split() == ["True", "2", "1", "True", "True"]


def test_warm_caches_leaves_a_bad_dataset_to_the_notebook(monkeypatch):
    """A dataset that does not read is not the factory's failure: the notebook that loads it
    fails with the loader's message."""
    from analysis.build import warmkernel
    from analysis.sources import datasets

    def broken(name):
        raise datasets.DataError(f"data/processed/{name}.csv: line 2: broken")
    monkeypatch.setattr(datasets, "load", broken)
    warmkernel.warm_caches("fingerprint")  # no exception
    assert datasets._TRUSTED is None  # and the trust it gave the loads is withdrawn


def test_warm_kernel_renders_figures_and_isolates_state(tmp_path, kernels):
    nb = tmp_path / "fig.md"
    nb.write_text(FIXTURE.replace('print("chapter for", province)', (
        "import matplotlib.pyplot as plt\n"
        "import os\n"
        "fig, ax = plt.subplots(); ax.plot([1, 2]); plt.show()\n"
        "import sys\n"
        "print('leak' in globals(), os.getpid(), 'pandas' in sys.modules, end=' ')\n"
        "import pandas as pd\n"
        "print(pd.get_option('display.max_columns'))\n"
        "leak = 1")), encoding="utf-8")
    jobs = [Job(k, nb, f"p/{k}", {"province": k}) for k in ("Ilam", "Qom")]
    res = X.run_jobs(jobs, tmp_path, workers=1, quiet=True, kernels=kernels)
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
        assert text.split()[3] == "20"  # pandas' display options as in a plain kernel
    assert len(pids) == 2  # one process per notebook


@pytest.mark.parametrize("warm,wait", [(True, True), (False, True), (True, False)],
                         ids=["warm", "cold", "warm-never-ready"])
def test_kernels_leave_nothing_behind(monkeypatch, warm, wait):
    import shutil
    import tempfile
    # a short folder: pytest's own tmp_path can be too long for a unix socket path, and the
    # kernels would then fall back to /tmp
    tmp_path = Path(tempfile.mkdtemp(prefix="k", dir="/tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    try:
        _kernels_leave_nothing_behind(tmp_path, warm, wait)
    finally:
        monkeypatch.undo()
        shutil.rmtree(tmp_path, ignore_errors=True)


def _kernels_leave_nothing_behind(tmp_path, warm, wait):
    """``wait=False`` and no :meth:`~analysis.build.execute.Kernels.ready`: a build with no
    notebook to run started a factory that never listened."""
    with X.Kernels(warm=warm, wait=wait) as k:
        run_tmp = Path(k.env()["TMPDIR"])
        assert run_tmp.is_dir() and run_tmp.parent.parent == tmp_path  # the workers' temporary files go there
        if warm:
            sock = Path(k.env()["ANALYSIS_KERNEL_FACTORY"])
            assert sock.exists() is wait and sock.parent == run_tmp.parent
            factory = k._factory
            assert factory is not None and factory.poll() is None
        (run_tmp / "left-by-a-worker.json").write_text("{}")
    if warm:
        assert factory.poll() is not None  # the factory is gone
    assert list(tmp_path.iterdir()) == []  # socket, kernelspec, workers' files and their folder removed


def test_runner_reports_missing_notebook(tmp_path):
    res = X.run_jobs([Job("Gone", tmp_path / "gone.md", "x/gone")], tmp_path, quiet=True)
    assert res[0].status == "failed" and "notebook source missing" in res[0].error


# --- the book's own pages without the seed texts ------------------------------------------------
SEED_PAGES = ["00_introduction", "01_methods", "a1_audit", "a2_data_catalogue"]
_CITED = re.compile(r"\{glue(?::\w+)?\}`([^`]+)`|```\{glue:figure\}\s+(\S+)")


@pytest.mark.e2e  # four real notebooks, about 25 s: the fast suite tests their functions (tests/report/test_seeds_absent.py)
@pytest.mark.parametrize("page", SEED_PAGES)
def test_pages_that_read_the_seeds_build_without_them_and_say_not_checked(page, tmp_path, monkeypatch):
    from analysis.core import paths
    from analysis.core.text import t

    empty = tmp_path / "no-seeds"
    empty.mkdir()
    monkeypatch.setenv("ANALYSIS_SEEDS", str(empty))  # the kernel inherits it
    source = paths.NOTEBOOKS / f"{page}.md"
    res = X.execute_one(Job(page, source, page, {}), tmp_path / "executed")
    assert res.status == "executed", res.error
    nb = json.loads((tmp_path / "executed" / f"{page}.ipynb").read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error" or o.get("name") == "stderr"]
    glued = {o["metadata"]["scrapbook"]["name"] for o in outputs if "scrapbook" in o.get("metadata", {})}
    cited = {a or b for a, b in _CITED.findall(source.read_text(encoding="utf-8"))}
    assert cited and cited <= glued, sorted(cited - glued)
    shown = " ".join(" ".join(v) if isinstance(v, list) else str(v)
                     for o in outputs for k, v in o.get("data", {}).items() if k.startswith("text/"))
    assert t("methods.not_checked", "en").lower() in " ".join(shown.replace("*", "").split()).lower()


EDITIONS_NB = HEADER + """
```{code-cell} ipython3
:tags: [parameters]

province: str = "Nowhere"
```

```{code-cell} ipython3
from analysis.tools.parameters import check_parameters
check_parameters(globals())  # the second pass must see only the parameters, as the first
from analysis.core.text import language, t
print("edition", language(), province, t("plan"))
open("wrote.txt", "w").write(language())
```
"""


def test_one_execution_writes_both_editions(tmp_path, kernels):
    """One kernel runs the notebook in English, then in Persian; each edition's notebook has
    its own pass's outputs, the parameters of both are the injected ones, and the files the
    Persian pass writes do not replace the English pass's (executed/_fa/...)."""
    src = tmp_path / "ed.md"
    src.write_text(EDITIONS_NB, encoding="utf-8")
    out = tmp_path / "executed"
    [r] = X.run_jobs([Job("Ilam", src, "provinces/ilam", {"province": "Ilam"})], out, workers=1, quiet=True, kernels=kernels)
    assert r.status == "executed", r.error
    en, fa = _outputs(out / "provinces/ilam.ipynb"), _outputs(out / "_fa/provinces/ilam.ipynb")
    assert "edition en Ilam Plan" in en and "edition fa" not in en
    assert "edition fa Ilam برنامه" in fa and "edition en" not in fa
    assert (out / "provinces/wrote.txt").read_text() == "en"
    assert (out / "_fa/provinces/wrote.txt").read_text() == "fa"
    for nb in (out / "provinces/ilam.ipynb", out / "_fa/provinces/ilam.ipynb"):
        text = nb.read_text(encoding="utf-8")
        assert X.EDITION_TAG not in text and str(tmp_path) not in text  # no hidden pass cell, no machine path


def test_an_error_in_the_persian_pass_names_it():
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("y = 2")]
    nb.cells.insert(0, X.hook_cell("l.loads"))
    X.two_passes(nb, Path("/tmp/fa"))
    assert [c.metadata.get("tags", []) for c in nb.cells][:2] == [[X.HOOK_TAG, "remove-cell"], [X.EDITION_TAG, "remove-cell"]]
    nb.cells[-1].outputs = [nbformat.v4.new_output("error", ename="KeyError", evalue="'x'", traceback=[])]
    assert X._first_error(nb) == (2, "[fa] KeyError: 'x'")
    en, fa = X.split_passes(nb)
    assert [c.source for c in en.cells[1:]] == ["x = 1", "y = 2"]
    assert [c.source for c in fa.cells[1:]] == ["x = 1", "y = 2"] and fa.cells[0].metadata["tags"][0] == X.HOOK_TAG


def test_the_longest_jobs_start_first_a_job_never_run_before_them(tmp_path):
    tmp_path = tmp_path / "executed"  # the record is kept beside the executed folder
    jobs = [Job(n, tmp_path / f"{n}.md", f"notebooks/{n}", {}) for n in ("a", "b", "c", "d")]
    assert X.longest_first(jobs, tmp_path) == jobs  # nothing recorded: the order given
    X.record_durations([X.Result(jobs[0], "executed", 1.0), X.Result(jobs[1], "executed", 9.0),
                        X.Result(jobs[2], "failed", 50.0)], tmp_path)
    result = [j.name for j in X.longest_first(jobs, tmp_path)]
    assert result == ["c", "d", "b", "a"]  # c failed (its time not kept) and d never ran: first, in order
    X.record_durations([X.Result(jobs[0], "executed", 20.0)], tmp_path)  # a later run updates one job
    assert [j.name for j in X.longest_first(jobs, tmp_path)] == ["c", "d", "a", "b"]
    (tmp_path.parent / X.DURATIONS).write_text("not json")
    assert X.longest_first(jobs, tmp_path) == jobs  # an unreadable record is no record
