"""papermill reads the MyST text notebooks through jupytext (analysis.tools.papermill_myst)."""
import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata

import jupytext
import nbformat
import pytest
from papermill.iorw import LocalHandler, PapermillIO

from analysis.core import paths, provinces
from analysis.tools import papermill_myst as pm_myst

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.md"))
PROVINCE = paths.NOTEBOOKS / "province.md"


def fresh_io():
    io = PapermillIO()
    io.register("local", LocalHandler())
    return io


def test_papermill_alone_cannot_read_a_text_notebook():
    """The problem this module solves: papermill's own local handler returns the Markdown text."""
    io = fresh_io()
    with pytest.raises(nbformat.reader.NotJSONError):
        nbformat.reads(io.read(str(PROVINCE)), as_version=4)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_reads_as_jupytext_reads_it(notebook):
    io = fresh_io()
    assert pm_myst.install(io) is True
    nb = nbformat.reads(io.read(os.path.relpath(notebook)), as_version=4)
    want = jupytext.read(notebook)
    assert [c.source for c in nb.cells] == [c.source for c in want.cells]
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_install_is_idempotent_and_leaves_ipynb_to_papermill(tmp_path):
    io = fresh_io()
    assert pm_myst.install(io) is True
    assert pm_myst.install(io) is False
    assert [s for s, _ in io._handlers].count(pm_myst.SCHEME) == 1
    ipynb = tmp_path / "x.ipynb"
    ipynb.write_text('{"not": "parsed by the wrapper"}', encoding="utf-8")
    assert io.read(str(ipynb)) == '{"not": "parsed by the wrapper"}'  # papermill's handler, unchanged


def test_scheme_and_relative_paths_follow_papermills_working_directory(tmp_path):
    io = fresh_io()
    pm_myst.install(io)
    local = io.get_handler("local")
    old = local.cwd(str(paths.ROOT))
    try:
        for path in ("notebooks/a3_glossary.md", "myst://notebooks/a3_glossary.md"):
            assert json.loads(io.read(path))["cells"], path
        with pytest.raises(FileNotFoundError, match="no notebook at"):
            io.read("notebooks/no_such_chapter.md")
    finally:
        local.cwd(old)


def test_writing_to_a_text_path_writes_myst(tmp_path):
    io = fresh_io()
    pm_myst.install(io)
    buf = io.read(str(PROVINCE))
    out = tmp_path / "copy.md"
    io.write(buf, str(out))
    assert out.read_text(encoding="utf-8").startswith("---\njupytext:")
    assert [c.source for c in jupytext.read(out).cells] == [c.source for c in jupytext.read(PROVINCE).cells]


def test_entry_point_is_declared_and_resolves_to_the_handler():
    eps = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["papermill.io"]
    assert eps == {"myst://": "analysis.tools.papermill_myst:papermill_handler"}
    module, _, attr = eps["myst://"].partition(":")
    assert getattr(__import__(module, fromlist=[attr]), attr) is pm_myst.HANDLER


def test_installed_package_registers_the_entry_point():
    """What papermill sees: the entry points of the installed package (scripts/setup.sh installs it)."""
    found = [ep for ep in metadata.entry_points(group="papermill.io") if ep.name == pm_myst.SCHEME]
    if not found and not os.environ.get("CI"):
        pytest.skip("the installed 'analysis' package predates the papermill.io entry point: pip install -e .")
    assert [ep.value for ep in found] == ["analysis.tools.papermill_myst:papermill_handler"]


def _parameter_comment() -> str:
    source = jupytext.read(PROVINCE).cells[0].source
    assert source.startswith("province: str = ")
    return source.split("#", 1)[1]


def test_parameter_comment_lists_the_registry_keys_in_order():
    listed = re.search(r"one of: (.*?); ", _parameter_comment()).group(1).split(", ")
    assert listed == provinces.keys()


def _papermill(*args):
    code = "import sys; from analysis.tools import papermill_myst as m; m.install(); from papermill.cli import papermill; papermill()"
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src")}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=paths.ROOT, capture_output=True, text=True, env=env, timeout=120)


def test_help_notebook_shows_type_default_comment_and_keys():
    proc = _papermill("--help-notebook", "notebooks/province.md")
    assert proc.returncode == 0, proc.stderr
    assert "Parameters inferred for notebook 'notebooks/province.md':" in proc.stdout
    assert 'province: str (default "Khuzestan")' in proc.stdout
    assert _parameter_comment().strip() in proc.stdout
    assert "does not end in one of" not in proc.stderr  # papermill's .ipynb warning is silenced for text notebooks


def test_help_notebook_of_a_chapter_without_parameters():
    proc = _papermill("--help-notebook", "notebooks/02_national.md")
    assert "No cell tagged 'parameters'" in proc.stdout, proc.stdout + proc.stderr


def test_an_unknown_province_fails_in_the_cell_after_the_parameters(tmp_path, monkeypatch):
    """Runs a kernel (a few seconds): papermill injects the parameter, the next cell stops."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(paths.ROOT / "src"), os.environ.get("PYTHONPATH")])))
    pm_myst.install()
    with pytest.raises(PapermillExecutionError) as err:
        pm.execute_notebook(str(PROVINCE), str(tmp_path / "out.ipynb"), parameters={"province": "Farss"},
                            cwd=str(tmp_path), progress_bar=False, kernel_name="python3")
    assert err.value.ename == "ParameterError"
    assert err.value.evalue.startswith("parameter province='Farss' is not valid; valid values: East Azerbaijan, ")
    out = [c for c in nbformat.read(tmp_path / "out.ipynb", as_version=4).cells
           if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]  # papermill's error banner
    tags = [c.metadata.get("tags", []) for c in out]
    assert "parameters" in tags[0] and "injected-parameters" in tags[1]
    assert err.value.cell_index == 2  # the first cell after the parameters
    assert "check_parameters(globals())" in out[2].source
    assert [c.get("execution_count") for c in out[3:]] == [None] * (len(out) - 3)
    assert not (tmp_path / "downloads").exists()  # nothing after the check ran
