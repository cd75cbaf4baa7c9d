"""Fixtures of the browser tests: the built site, and the Chromium that reads it.

``built_site`` is deliberately small: the integrator may merge it with the book build of
tests/test_e2e.py later.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.browser import checks

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The built HTML site: $BOOK_SITE if set, else <repo>/_build/html, built once
    (``python -m analysis build --no-pdf``) if it is not there."""
    if os.environ.get("BOOK_SITE"):
        site = Path(os.environ["BOOK_SITE"])
        if not (site / "index.html").is_file():
            pytest.fail(f"BOOK_SITE={site} has no index.html: point it at a built site (_build/html)")
        return site
    site = ROOT / "_build" / "html"
    if not (site / "index.html").is_file():
        proc = subprocess.run([sys.executable, "-m", "analysis", "build", "--no-pdf"], cwd=ROOT,
                              capture_output=True, text=True, timeout=3000)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return site


@pytest.fixture(scope="session")
def chromium() -> str:
    exe = checks.find_chromium()
    if exe is None:
        pytest.skip("no Chromium: tried /usr/lib/chromium/chromium, then chromium on PATH "
                    "(scripts/setup.sh installs Debian's chromium)")
    return exe
