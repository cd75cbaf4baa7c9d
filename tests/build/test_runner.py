"""The whole build on a small fixture book (tests/build/conftest.py): reliability.

One scenario, built once for the module: two clean builds in two folders (A and B), then in A
a build whose parameterised chapters fail, then the same book restored, then a no-op build.
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from analysis.build import cache, publish, render, runner
from analysis.build.execute import Result
from analysis.build.jobs import Book, BuildError, Job, write_toc
from analysis.core import paths

from .conftest import BROKEN_PLACE, INTRO, PLACE, differing, make_book, snapshot


@pytest.fixture(scope="module")
def scenario(tmp_path_factory, kernels):
    tmp = tmp_path_factory.mktemp("scenario")
    temp = tmp / "tmp"  # every temporary file of the builds goes here
    temp.mkdir()
    state = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cache, "validate_changed", lambda stamp, index=None: 0)
        mp.setattr(tempfile, "tempdir", str(temp))
        book = make_book(tmp / "src")
        a, b = tmp / "A", tmp / "B"
        state["first"] = runner.build(book, build_dir=a, pdf=False, quiet=True, kernels=kernels)
        state["site_first"], state["executed_first"] = snapshot(a / "html"), snapshot(a / "executed")
        runner.build(book, build_dir=b, pdf=False, quiet=True, kernels=kernels)
        state["site_clean"], state["executed_clean"] = snapshot(b / "html"), snapshot(b / "executed")

        place = book.root / "notebooks" / "place.md"
        intro = book.root / "notebooks" / "intro.md"
        place.write_text(BROKEN_PLACE, encoding="utf-8")
        intro.write_text(INTRO + "\nSee {doc}`nowhere`.\n", encoding="utf-8")  # and a Sphinx warning
        with pytest.raises(BuildError) as err:
            runner.build(book, build_dir=a, pdf=False, quiet=True, strict=True, kernels=kernels)
        state["failure"] = str(err.value)
        state["site_after_failure"] = snapshot(a / "html")
        state["failed_site"] = snapshot(a / "failed-site")
        state["failed_notebooks"] = sorted(p.name for p in (a / "executed").rglob("*.failed.ipynb"))

        # restored: the places' inputs are again those of the first build (cached), and the
        # introduction gains a sentence, so the book must be rendered again
        place.write_text(PLACE, encoding="utf-8")
        intro.write_text(INTRO + "\nA new sentence.\n", encoding="utf-8")
        state["restored"] = runner.build(book, build_dir=a, pdf=False, quiet=True, strict=True, kernels=kernels)
        state["site_restored"], state["executed_restored"] = snapshot(a / "html"), snapshot(a / "executed")
        state["after_restore"] = sorted(p.relative_to(a).as_posix() for p in a.rglob("*")
                                        if p.name.endswith(".failed.ipynb") or p.name == "failed-site")
        state["noop"] = runner.build(book, build_dir=a, pdf=False, quiet=True, kernels=kernels)
        state["site_noop"] = snapshot(a / "html")
        state["temp_at_end"] = sorted(p.name for p in temp.iterdir())
    return state


def test_two_clean_builds_are_byte_identical(scenario):
    """HTML, images, downloads and executed notebooks: the same bytes from two build folders."""
    assert scenario["first"].counts() == {"executed": 4, "cached": 0, "failed": 0}
    assert differing(scenario["site_first"], scenario["site_clean"]) == []
    assert differing(scenario["executed_first"], scenario["executed_clean"]) == []
    site = scenario["site_first"]
    assert any(k.startswith("_images/") for k in site) and any(k.startswith("_downloads/") for k in site)


def test_executed_notebooks_are_normalised_and_show_outputs_only(scenario):
    text = scenario["executed_first"]["notebooks/one.ipynb"].decode()
    assert "<__main__.Shown>" in text and " at 0x" not in text  # no memory address
    assert '"papermill": {' not in text and "iopub" not in text and "/tmp" not in text  # no clock, no temporary path
    cells = json.loads(text)["cells"]
    assert [c["id"] for c in cells] == [f"cell-{i}" for i in range(len(cells))]
    place = json.loads(scenario["executed_first"]["places/alpha.ipynb"])["cells"]
    tags = [c["metadata"].get("tags", []) for c in place if c["cell_type"] == "code"]
    assert tags == [["build-hooks", "remove-cell"], ["parameters", "remove-cell"], ["injected-parameters", "remove-cell"],
                    ["remove-input"]]


def test_failed_chapters_keep_the_last_good_book(scenario):
    first, rest = scenario["failure"].split(". ", 1)
    assert first == "2 notebook(s) failed: Alpha, Beta"
    # a real Sphinx warning, counted once in each edition (the English and the Persian build)
    assert "Sphinx also warned 2 time(s):" in rest and "nowhere" in rest
    assert differing(scenario["site_after_failure"], scenario["site_first"]) == []
    assert render.FAILED_MARKER.encode() in scenario["failed_site"]["places/alpha.html"]
    assert scenario["failed_notebooks"] == ["alpha.failed.ipynb", "beta.failed.ipynb"]


def test_restored_book_publishes_no_failure_page(scenario):
    """The reproduction: good build, failing build, restore -> no page says 'failed', no
    failure page's source is left, and the restored chapters are the clean build's bytes."""
    restored = scenario["restored"]
    assert restored.counts() == {"executed": 1, "cached": 3, "failed": 0}
    assert not restored.skipped_sphinx and restored.warnings == []
    site = scenario["site_restored"]
    assert [k for k, v in site.items() if render.FAILED_MARKER.encode() in v] == []
    assert [k for k in site if k.startswith("_sources/places/") and not k.endswith(".ipynb")] == []
    intro = {f"{ed}{f}" for ed in ("", "fa/")  # the edited page, in both editions
             for f in ("notebooks/intro.html", "_sources/notebooks/intro.ipynb", "searchindex.js")}
    assert differing({k: v for k, v in site.items() if k not in intro},
                     {k: v for k, v in scenario["site_clean"].items() if k not in intro}) == []
    assert b"A new sentence." in site["notebooks/intro.html"]
    assert scenario["after_restore"] == []  # failed-site and stale *.failed.ipynb removed
    assert differing(scenario["executed_restored"], scenario["executed_clean"]) == [
        "_fa/notebooks/intro.ipynb", "notebooks/intro.inputs.json", "notebooks/intro.ipynb"]


def test_then_nothing_to_do(scenario):
    noop = scenario["noop"]
    assert noop.skipped_sphinx and noop.counts() == {"executed": 0, "cached": 4, "failed": 0}
    assert differing(scenario["site_noop"], scenario["site_restored"]) == []


def test_builds_leave_no_temporary_files(scenario):
    assert scenario["temp_at_end"] == []  # the runs' own folders: tests/build/test_execute.py


def test_glued_number_figure_and_download_reach_the_page(scenario):
    from analysis.sources.datasets import load
    page = scenario["site_first"]["notebooks/one.html"].decode()
    assert f'The table has <span class="pasted-text">{len(load("water_by_province"))}</span> rows' in page
    for ref in re.findall(r'(?:src|href)="\.\./(_images/[^"]+|_downloads/[^"]+)"', page):
        assert ref in scenario["site_first"], ref  # pruning kept what the page links to
    assert "<b>shown</b>" in page


def test_stage_writes_current_mtime_and_removes_what_no_longer_belongs(tmp_path, fixture_book):
    """Sphinx re-reads a document only if its source is newer than its last reading: a staged
    notebook must not keep the executed notebook's older modification time."""
    executed = tmp_path / "executed"
    (executed / "places").mkdir(parents=True)
    nb = executed / "places" / "alpha.ipynb"
    nb.write_text("{}")
    os.utime(nb, (1_000_000_000, 1_000_000_000))  # 2001
    src = tmp_path / "staged"
    (src / "places").mkdir(parents=True)
    (src / "places" / "alpha.md").write_text("# failed page of an earlier build")
    write_toc(fixture_book)
    job = Job("Alpha", fixture_book.root / "notebooks/place.md", "places/alpha", {"place": "Alpha"})
    before = time.time() - 1
    staged = render.stage(fixture_book, [Result(job, "cached")], src, executed)
    assert "places/alpha.ipynb" in staged.changed and staged.removed == ["places/alpha.md"]
    assert (src / "places" / "alpha.ipynb").stat().st_mtime >= before
    assert not (src / "places" / "alpha.md").exists()
    assert render.stage(fixture_book, [Result(job, "cached")], src, executed).changed == []


# --- the last gate and warnings, with a stand-in for Jupyter Book ------------------------
def _fake_sphinx(page_text, warnings=()):
    def fake(src_dir, out_dir, builder="html", quiet=False, fresh=False, epoch=None):
        built = out_dir / "_build" / builder
        built.mkdir(parents=True, exist_ok=True)
        (built / "index.html").write_text(page_text)
        return built, list(warnings)
    return fake


@pytest.fixture
def published(tmp_path, fixture_book, monkeypatch, no_validation):
    """A build folder with a last good book, and a build with no notebooks."""
    link = tmp_path / "html"
    site = tmp_path / "sites" / "good"
    site.mkdir(parents=True)
    (site / "index.html").write_text("last good book")
    publish.publish_site(site, link)
    monkeypatch.setattr(runner, "run_jobs", lambda *a, **k: [])
    monkeypatch.setattr(runner, "jobs", lambda *a, **k: [])
    return link


def test_successful_build_never_publishes_a_failure_page(published, tmp_path, fixture_book, monkeypatch):
    monkeypatch.setattr(render, "jupyter_book", _fake_sphinx(f"<p>{render.FAILED_MARKER}: stale</p>"))
    with pytest.raises(BuildError, match=r"refusing to publish: 2 page\(s\) say a chapter failed .*fa/index.html, index.html"):
        runner.build(fixture_book, build_dir=tmp_path, pdf=False, quiet=True)
    assert (published / "index.html").read_text() == "last good book"


def test_sphinx_failure_leaves_published_book(published, tmp_path, fixture_book, monkeypatch):
    def broken(*a, **k):
        raise BuildError("jupyter-book html build failed")
    monkeypatch.setattr(render, "jupyter_book", broken)
    with pytest.raises(BuildError, match="html build failed"):
        runner.build(fixture_book, build_dir=tmp_path, pdf=False, quiet=True)
    assert (published / "index.html").read_text() == "last good book"


def test_strict_fails_on_warnings_and_publishes_nothing(published, tmp_path, fixture_book, monkeypatch):
    warning = "src/notebooks/one.md:3: WARNING: unknown document: 'nowhere' [ref.doc]"
    monkeypatch.setattr(render, "jupyter_book", _fake_sphinx("new book", [warning]))
    with pytest.raises(BuildError, match=r"2 Sphinx warning\(s\) and --strict: nothing published"):  # one per edition
        runner.build(fixture_book, build_dir=tmp_path, pdf=False, quiet=True, strict=True)
    assert (published / "index.html").read_text() == "last good book"
    report = runner.build(fixture_book, build_dir=tmp_path, pdf=False, quiet=True)  # not strict: published, counted
    assert report.warnings == [warning, f"[fa] {warning}"]
    assert (published / "fa" / "index.html").read_text() == "new book"  # the root's index.html chooses the edition
    assert 'href="fa/notebooks/intro.html"' in (published / "index.html").read_text()


def test_failed_notebook_does_not_publish(published, tmp_path, fixture_book, monkeypatch):
    job = Job("Alpha", fixture_book.root / "notebooks/place.md", "places/alpha", {"place": "Alpha"}, "Alpha")
    monkeypatch.setattr(runner, "jobs", lambda *a, **k: [job])
    monkeypatch.setattr(runner, "run_jobs", lambda *a, **k: [Result(job, "failed", error="ValueError: x", cell=3)])
    monkeypatch.setattr(render, "jupyter_book", _fake_sphinx("new book with a failed chapter"))
    with pytest.raises(BuildError, match=r"1 notebook\(s\) failed: Alpha"):
        runner.build(fixture_book, build_dir=tmp_path, pdf=False, quiet=True)
    assert (published / "index.html").read_text() == "last good book"
    page = (tmp_path / "work/src/places/alpha.md").read_text()
    assert f"{render.FAILED_MARKER}: ValueError: x (cell 3)" in page


def test_source_date_epoch_from_the_last_commit():
    proc = subprocess.run(["git", "-C", str(paths.ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip("not a git checkout")
    assert render.source_date_epoch(paths.ROOT) == int(proc.stdout)


def test_source_date_epoch_outside_git_is_the_newest_data_file(tmp_path):
    newest = max(p.stat().st_mtime for p in paths.DATA.rglob("*") if p.is_file())
    assert render.source_date_epoch(tmp_path) == int(newest)


# --- SIGTERM ---------------------------------------------------------------------------
SCRIPT = """
import importlib.util, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("fixture_book", {conftest!r})
fixture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixture)
from analysis.build import cache, runner
cache.validate_changed = lambda stamp, index=None: 0
book = fixture.make_book(Path({root!r}))
(book.root / "notebooks" / "place.md").write_text(fixture.SLOW_PLACE)
try:
    runner.build(book, build_dir=Path({build!r}), pdf=False, quiet=True)
except runner.BuildInterrupted as err:
    print(err)
    sys.exit(128 + err.signum)
"""


def test_sigterm_cleans_up_and_exits_non_zero(tmp_path):
    temp, pids = tmp_path / "tmp", tmp_path / "pids"
    temp.mkdir()
    pids.mkdir()
    script = SCRIPT.format(conftest=str(Path(__file__).with_name("conftest.py")), root=str(tmp_path / "src"),
                           build=str(tmp_path / "build"))
    env = dict(os.environ, TMPDIR=str(temp), BOOK_TEST_PIDS=str(pids), PYTHONPATH=str(paths.ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 180
        while len(list(pids.iterdir())) < 2:  # both slow chapters are running in their kernels
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the slow notebooks did not start"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert out.strip() == "interrupted by SIGTERM; cleaned up, the published book is unchanged"
    assert "Traceback" not in err, err
    assert list(temp.iterdir()) == []  # factory socket folder, kernelspec, papermill's folder
    kernels = [int(p.read_text()) for p in pids.iterdir()]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in kernels) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in kernels if _alive(pid)] == []
    assert not (tmp_path / "build" / "html").exists()
    with publish.BuildLock(tmp_path / "build"):  # the lock went with the process
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_cli_exit_code_for_interruption(monkeypatch, capsys):
    from analysis import cli
    def interrupted(**kwargs):
        raise runner.BuildInterrupted(signal.SIGINT)
    monkeypatch.setattr(runner, "build", interrupted)
    assert cli.main(["build", "--no-pdf"]) == 128 + signal.SIGINT
    assert "interrupted by SIGINT" in capsys.readouterr().err


def test_structure_parameters_reach_the_notebooks(scenario):
    for place in ("alpha", "beta"):
        nb = json.loads(scenario["executed_first"][f"places/{place}.ipynb"])
        text = "".join("".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", []))
        assert text.strip() == f"chapter for {place.title()}"


def test_default_book_is_this_repository():
    book = Book.default()
    assert book.config == paths.ROOT / "_config.yml" and book.structure == paths.BOOK / "structure.yml"


# --- a catalogue that does not read ------------------------------------------------------
def test_unknown_catalogue_unit_stops_the_build_in_one_line(tmp_path, fixture_book, monkeypatch):
    """A column unit outside the catalogue's ``units:`` vocabulary: the build stops before executing
    anything, with one line naming the catalogue, the dataset, the column, the unit and the valid units."""
    from analysis.sources import datasets

    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    text = paths.CATALOG.read_text(encoding="utf-8")
    assert "unit: litre/second" in text  # water_by_province's plan and actual columns
    (root / "data" / "catalog.yml").write_text(text.replace("unit: litre/second", "unit: litres/second", 1),
                                               encoding="utf-8")
    monkeypatch.setattr(datasets, "_project", lambda: datasets.read_catalogue(root))
    ran = []
    monkeypatch.setattr(runner, "run_jobs", lambda *a, **k: ran.append(a) or [])
    with pytest.raises(BuildError) as err:
        runner.build(fixture_book, build_dir=tmp_path / "build", pdf=False, quiet=True)
    message = str(err.value)
    units = list(datasets.read_catalogue().units)
    assert "\n" not in message and not ran
    assert message == ("data check failed, nothing built: data/catalog.yml: dataset 'water_by_province', column 'plan': "
                       f"unit 'litres/second' is not in the catalogue's units; valid: {units}")
    assert "litre/second" in units
    assert not (tmp_path / "build" / "html").exists()
