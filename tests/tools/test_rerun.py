"""The "rerun this chapter" box ending every notebook (analysis.tools.rerun)."""
import shlex

import jupytext
import pytest

from analysis.core import paths, text
from analysis.tools.rerun import RERUN_DIR, commands, rerun

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.md"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_ends_with_its_own_rerun_box(notebook):
    last = jupytext.read(notebook).cells[-1]
    call = 'rerun("province", province=province)' if notebook.stem == "province" else f'rerun("{notebook.stem}")'
    assert last.cell_type == "code"
    assert last.source == f"from analysis.tools.rerun import rerun\n\n{call}"


def test_papermill_command_parses_as_papermill_reads_it():
    from papermill.cli import papermill
    c = commands("province", province="Sistan and Baluchestan")
    assert c["mkdir"] == f"mkdir -p {RERUN_DIR}"
    args = shlex.split(c["papermill"])
    assert args[0] == "papermill"
    ctx = papermill.make_context("papermill", args[1:])
    assert ctx.params["notebook_path"] == "notebooks/province.md"
    assert ctx.params["output_path"] == "_build/rerun/sistan-and-baluchestan.ipynb"
    assert ctx.params["parameters"] == (("province", "Sistan and Baluchestan"),)
    assert ctx.params["cwd"] == RERUN_DIR


def test_cli_command_gives_the_parameter_as_the_cli_splits_it():
    args = shlex.split(commands("province", province="Kohgiluyeh and Boyer-Ahmad")["cli"])
    assert args[:5] == ["python", "-m", "analysis", "run-notebook", "notebooks/province.md"]
    p = args[args.index("-p") + 1]
    assert dict([p.split("=", 1)]) == {"province": "Kohgiluyeh and Boyer-Ahmad"}
    assert args[-2:] == ["--out", RERUN_DIR]


def test_a_chapter_without_parameters():
    c = commands("04_clusters")
    assert " -p " not in c["papermill"] and " -p " not in c["cli"]
    md = rerun("04_clusters").data
    assert md.startswith(":::{admonition} Rerun this page") and md.rstrip().endswith(":::")
    assert text.t("research.rerun_no_parameters") in md and c["papermill"] in md and c["cli"] in md


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_the_box_names_the_parameters_used_in_each_language(lang):
    md = rerun("province", lang=lang, province="Fars").data
    assert "`province = 'Fars'`" in md
    assert commands("province", province="Fars")["papermill"] in md
    assert md.count("```bash") == 2


def test_an_unknown_notebook_lists_the_valid_ones():
    with pytest.raises(FileNotFoundError, match=r"no notebook notebooks/02_nationl.md; valid: 00_introduction, "):
        commands("02_nationl")
