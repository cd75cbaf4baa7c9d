import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core import paths


@pytest.fixture
def persian():
    """The Persian edition for one test, then back to the language before."""
    from analysis.core import text
    with text.language_as("fa"):
        yield


@pytest.fixture
def no_seeds(tmp_path, monkeypatch):
    """The seed texts absent: an empty seeds folder for one test."""
    empty = tmp_path / "seeds"
    empty.mkdir()
    monkeypatch.setattr(paths, "SEEDS", empty)
    return empty


@pytest.fixture(scope="session")
def seeds_available():
    if not paths.SEEDS.exists():
        pytest.skip(f"seed files not found at {paths.SEEDS} (../shared/seeds beside the repository); provenance tests skipped")
    return paths.SEEDS


def build_book(build_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """``python -m analysis build --strict`` into ``build_dir`` (any Sphinx warning fails it)."""
    proc = subprocess.run([sys.executable, "-m", "analysis", "build", "--strict", "--build-dir", str(build_dir), *extra],
                          cwd=paths.ROOT, capture_output=True, text=True, timeout=3000)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Sphinx warning" not in proc.stderr, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="session")
def e2e_build_dir(tmp_path_factory, seeds_available) -> Path:
    """One clean build of the whole book (HTML and PDF) into a temporary folder, shared by the
    end-to-end checks (tests/test_e2e.py) and the browser checks (tests/browser/)."""
    d = tmp_path_factory.mktemp("e2e") / "build"
    build_book(d)
    return d
