"""Publishing: the build lock, the atomic switch, the failed-page gate, tidying up."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.build import publish
from analysis.build.jobs import BuildError
from analysis.build.render import FAILED_MARKER
from analysis.core import paths


def _site(root: Path, name: str, text: str) -> Path:
    d = root / "sites" / name
    d.mkdir(parents=True)
    (d / "index.html").write_text(text)
    return d


def test_publish_replaces_link_and_removes_old_sites(tmp_path):
    link = tmp_path / "html"
    old = _site(tmp_path, "a", "old")
    publish.publish_site(old, link)
    assert (link / "index.html").read_text() == "old"
    new = _site(tmp_path, "b", "new")
    publish.publish_site(new, link)
    assert (link / "index.html").read_text() == "new"
    assert not old.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html", "sites"]  # no temporary link left


def test_second_build_in_the_same_folder_is_refused_with_one_line(tmp_path):
    with publish.BuildLock(tmp_path):
        with pytest.raises(BuildError) as err:
            with publish.BuildLock(tmp_path, wait=0.2, quiet=True):
                pass
    msg = str(err.value)
    assert "\n" not in msg
    assert msg == f"another build is running in {tmp_path} (pid {os.getpid()}); waited 0.2 s. Try again when it has finished."
    with publish.BuildLock(tmp_path):  # released: the next build gets it
        pass


def test_cli_build_refused_while_another_holds_the_lock(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(paths.ROOT / "src"))
    with publish.BuildLock(tmp_path):
        proc = subprocess.run([sys.executable, "-m", "analysis", "build", "--no-pdf", "--build-dir", str(tmp_path)],
                              capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"build failed: another build is running in {tmp_path} (pid {os.getpid()}); "
                                                "waited 0 s. Try again when it has finished."]
    assert not (tmp_path / "executed").exists()  # it did nothing


def test_failed_pages_found(tmp_path):
    site = _site(tmp_path, "s", "fine")
    (site / "provinces").mkdir()
    (site / "provinces" / "ilam.html").write_text(f"<p>{FAILED_MARKER}: ValueError</p>")
    assert publish.failed_pages(site) == ["provinces/ilam.html"]


def test_tidy_after_success(tmp_path):
    executed = tmp_path / "executed"
    (executed / "provinces").mkdir(parents=True)
    for name in ("ilam.ipynb", "ilam.failed.ipynb", "qom.failed.ipynb", "qom.ipynb.123.tmp", "qom.loads", "qom.inputs.json"):
        (executed / "provinces" / name).write_text("x")
    (tmp_path / "failed-site").mkdir()
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / ".book.pdf.99.tmp").write_text("x")
    publish.tidy(tmp_path, executed, still_failed={"provinces/qom"})
    assert sorted(p.name for p in (executed / "provinces").iterdir()) == ["ilam.ipynb", "qom.failed.ipynb", "qom.inputs.json"]
    assert not (tmp_path / "failed-site").exists() and list((tmp_path / "pdf").iterdir()) == []
