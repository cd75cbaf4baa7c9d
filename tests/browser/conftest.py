"""Fixtures of the browser tests: the built site, and the Chromium that reads it.

``built_site`` is the site of the end-to-end build (``e2e_build_dir`` in tests/conftest.py, one
clean build shared with tests/test_e2e.py), or $BOOK_SITE to check a site built elsewhere.
"""
import os
from pathlib import Path

import pytest
from tests.browser import checks


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The built HTML site: $BOOK_SITE if set, else the end-to-end build's site."""
    if os.environ.get("BOOK_SITE"):
        site = Path(os.environ["BOOK_SITE"])
        if not (site / "index.html").is_file():
            pytest.fail(f"BOOK_SITE={site} has no index.html: point it at a built site (_build/html)")
        return site
    return request.getfixturevalue("e2e_build_dir") / "html"


@pytest.fixture(scope="session")
def chromium() -> str:
    exe = checks.find_chromium()
    if exe is None:
        pytest.skip("no Chromium: tried /usr/lib/chromium/chromium, then chromium on PATH "
                    "(scripts/setup.sh installs Debian's chromium)")
    return exe
