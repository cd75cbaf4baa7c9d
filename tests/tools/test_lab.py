"""`make lab` (analysis.tools.lab): settings written under _build, not the user's ~/.jupyter."""
import json
import re

from analysis.core import paths
from analysis.tools import lab


def test_prepare_writes_the_default_viewer_and_points_jupyterlab_at_it(tmp_path):
    env = lab.prepare(tmp_path / "jl")
    assert env == {"JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "jl" / "user-settings"),
                   "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "jl" / "workspaces")}
    written = json.loads((tmp_path / "jl" / "user-settings" / "@jupyterlab" / "docmanager-extension" /
                          "plugin.jupyterlab-settings").read_text(encoding="utf-8"))
    assert written == {"defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}}
    assert str(lab.LAB_DIR).startswith(str(paths.BUILD))


def test_command_opens_the_repository_root():
    cmd = lab.command(["--no-browser"])
    assert cmd[1:3] == ["-m", "jupyterlab"] and f"--ServerApp.root_dir={paths.ROOT}" in cmd and cmd[-1] == "--no-browser"


def test_make_lab_installs_the_pinned_lab_requirements_within_the_lock():
    make = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c requirements-lock.txt -r requirements-lab.txt" in make and "-m analysis.tools.lab" in make
    pins = [line for line in (paths.ROOT / "requirements-lab.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==\S+", p) for p in pins)
    assert "jupyterlab==4.6.6" in pins
    lock = {p.split("==")[0].lower() for p in (paths.ROOT / "requirements-lock.txt").read_text().splitlines() if "==" in p}
    assert not lock & {p.split("==")[0].lower() for p in pins}  # nothing pinned twice
