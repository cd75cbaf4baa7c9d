"""``make lab``: JupyterLab with jupytext, every ``notebooks/*.md`` opening as a notebook.

jupytext (a pinned dependency of the book) ships a Jupyter server extension and a JupyterLab
extension: with ``jupyterlab`` installed (``requirements-lab.txt``, the optional extra ``lab``)
the server reads and writes the MyST text notebooks as notebooks. This module writes JupyterLab
settings into a folder of the build directory (not the user's ``~/.jupyter``) so that a
double-click on a ``.md`` file opens it with jupytext's notebook view, then starts JupyterLab at
the repository's root. Notebooks run on the ``python3`` kernel of the environment JupyterLab runs
in (the project's ``.venv``), as the book's build runs them; saving writes the ``.md`` text back
(outputs are not kept in it).

``python -m analysis.tools.lab [jupyter lab options]``, e.g. ``--no-browser --port 8890``.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from analysis.core import paths

#: JupyterLab's settings and workspaces for this project (git-ignored, under ``_build``).
LAB_DIR = paths.BUILD / "jupyterlab"
#: jupytext's notebook view of text files, the default viewer of these file types.
VIEWER = "Jupytext Notebook"
FILE_TYPES = ("markdown", "myst")
DOCMANAGER = "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings"


def settings() -> dict:
    """JupyterLab's document-manager settings: text notebooks open as notebooks.

    >>> settings()["defaultViewers"]
    {'markdown': 'Jupytext Notebook', 'myst': 'Jupytext Notebook'}
    """
    return {"defaultViewers": {kind: VIEWER for kind in FILE_TYPES}}


def prepare(folder: Path = LAB_DIR) -> dict[str, str]:
    """Write the settings under ``folder``; returns the environment variables that point
    JupyterLab at them (``JUPYTERLAB_SETTINGS_DIR``, ``JUPYTERLAB_WORKSPACES_DIR``)."""
    folder = Path(folder)
    user = folder / "user-settings"
    target = user / DOCMANAGER
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(settings(), indent=1) + "\n", encoding="utf-8")
    (folder / "workspaces").mkdir(parents=True, exist_ok=True)
    return {"JUPYTERLAB_SETTINGS_DIR": str(user), "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces")}


def command(extra: list[str] | None = None) -> list[str]:
    """The ``jupyter lab`` command line: this interpreter's, at the repository's root.

    >>> command(["--no-browser"])[1:4], command(["--no-browser"])[-1]
    (['-m', 'jupyterlab', '--ServerApp.root_dir=...'], '--no-browser')
    """
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # a container's root user
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={paths.ROOT}", *root, *(extra or [])]


def main(argv: list[str] | None = None) -> int:
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        print("JupyterLab is not installed: run `make lab` (installs requirements-lab.txt)", file=sys.stderr)
        return 2
    env = {**os.environ, **prepare()}
    cmd = command(sys.argv[1:] if argv is None else argv)
    os.execve(cmd[0], cmd, env)  # replaces this process: Ctrl-C stops JupyterLab itself
    return 0  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
