"""The book's version is stated once (analysis.__version__) and agrees everywhere it is shown."""
import re

import yaml

from analysis import __version__
from analysis.core import paths


def test_version_is_semantic():
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_changelog_top_entry_is_this_version():
    text = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first = re.search(r"^## \[?(\d+\.\d+\.\d+)\]?", text, re.M)
    assert first and first.group(1) == __version__


def test_citation_names_this_version():
    cff = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == __version__ and cff["cff-version"] == "1.2.0"
