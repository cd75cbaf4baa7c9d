"""Appendices E (library reference) and F (reuse): what they document and run."""
import importlib

import jupytext
import pandas as pd
import pytest

from analysis.core import paths, text
from analysis.tools import api

REUSE = paths.NOTEBOOKS / "a6_reuse.md"


def test_both_appendices_close_the_book():
    from analysis.build.runner import load_structure
    appendices = load_structure()["parts"][-1]["chapters"]
    assert appendices[-2:] == ["notebooks/a5_api.md", "notebooks/a6_reuse.md"]


@pytest.mark.parametrize("key, module", api.SECTIONS)
def test_every_api_section_documents_a_module_with_public_functions(key, module):
    mod = importlib.import_module(module)
    public = [n for n, v in vars(mod).items() if callable(v) and not n.startswith("_") and getattr(v, "__module__", "") == module]
    assert public, module
    assert f"research.api_h_{key}" in text.labels("en") and f"research.api_h_{key}" in text.labels("fa")
    assert f'api.autodoc("{key}")' in (paths.NOTEBOOKS / "a5_api.md").read_text(encoding="utf-8")


def test_api_headings_are_glued():
    src = (paths.NOTEBOOKS / "a5_api.md").read_text(encoding="utf-8")
    for key in api.heading_keys():
        assert f"## {{glue:text}}`{key}`" in src


def shown_code() -> list[str]:
    """The code cells the reuse appendix shows its readers (tagged show-input)."""
    return [c.source for c in jupytext.read(REUSE).cells if c.cell_type == "code" and "show-input" in c.metadata.get("tags", [])]


def test_reuse_example_is_about_ten_lines():
    lines = [line for src in shown_code() for line in src.splitlines() if line.strip()]
    assert 6 <= len(lines) <= 12


def test_reuse_example_runs_and_computes_fars_from_the_source(seeds_available):
    """The shown cells, executed as they stand. Fars' water row: 002 line 962 prints plan 20 and
    actual 22 litres/second (Table 13), so its ratio is 22 / 20 = 1.1."""
    ns: dict = {}
    results = []
    for src in shown_code():
        *body, last = src.strip().splitlines()
        exec("\n".join(body), ns)  # noqa: S102 - the appendix's own code
        results.append(eval(last.split("  #")[0], ns))  # noqa: S307 - its last line is the shown value
    dtypes, fars, fig = results
    assert str(dtypes["plan"]) == "Int64" and str(dtypes["province"]) == "string"
    water = fars.set_index("indicator").loc["water"]
    line = paths.seed_lines("002")[962 - 1]
    assert "20" in line and "22" in line
    assert (water["plan"], water["actual"], water["unit"]) == (20, 22, "litre/second")
    assert water["ratio"] == pytest.approx(22 / 20)
    assert isinstance(fars, pd.DataFrame) and len(fars) == 8
    assert fig.axes[0].get_title().startswith("Fars")
