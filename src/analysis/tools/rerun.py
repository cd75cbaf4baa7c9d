"""The "rerun this chapter" box at the end of every chapter and province page.

Each notebook's last cell calls :func:`rerun` with its own name (and, for the province chapter,
its parameter), which shows the exact commands that re-execute the page from the repository's
root — with papermill (``papermill`` reads the MyST notebooks through
:mod:`analysis.tools.papermill_myst`) and with the project's command line, as the build does —
and the parameters the page was executed with. Words: ``text/<lang>/research.yml``.
"""
from __future__ import annotations

import shlex

from analysis.core import paths

#: Where the commands write: a git-ignored folder beside the book's build output.
RERUN_DIR = "_build/rerun"


def _notebook_source(notebook: str):
    src = paths.NOTEBOOKS / f"{notebook}.md"
    if not src.exists():
        valid = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.md"))
        raise FileNotFoundError(f"no notebook notebooks/{notebook}.md; valid: {', '.join(valid)}")
    return src


def output_name(notebook: str, parameters: dict) -> str:
    """The executed notebook's file name: the chapter's, or the province's slug.

    >>> output_name("02_national", {}), output_name("province", {"province": "Sistan and Baluchestan"})
    ('02_national.ipynb', 'sistan-and-baluchestan.ipynb')
    """
    if notebook == "province" and "province" in parameters:
        from analysis.core.provinces import slugify
        return f"{slugify(str(parameters['province']))}.ipynb"
    return f"{notebook}.ipynb"


def commands(notebook: str, **parameters) -> dict[str, str]:
    """The shell commands that re-execute ``notebooks/<notebook>.md`` with ``parameters``:
    ``papermill`` (after ``mkdir``: papermill writes into an existing folder) and ``cli``.

    >>> c = commands("province", province="Sistan and Baluchestan")
    >>> print(c["mkdir"])
    mkdir -p _build/rerun
    >>> print(c["papermill"])
    papermill notebooks/province.md _build/rerun/sistan-and-baluchestan.ipynb -p province 'Sistan and Baluchestan' --cwd _build/rerun
    >>> print(c["cli"])
    python -m analysis run-notebook notebooks/province.md -p 'province=Sistan and Baluchestan' --out _build/rerun
    >>> print(commands("02_national")["papermill"])
    papermill notebooks/02_national.md _build/rerun/02_national.ipynb --cwd _build/rerun
    """
    _notebook_source(notebook)
    src = f"notebooks/{notebook}.md"
    out = f"{RERUN_DIR}/{output_name(notebook, parameters)}"
    pm = ["papermill", src, out]
    cli = ["python", "-m", "analysis", "run-notebook", src]
    for name, value in parameters.items():
        pm += ["-p", name, str(value)]
        cli += ["-p", f"{name}={value}"]
    pm += ["--cwd", RERUN_DIR]
    cli += ["--out", RERUN_DIR]
    return {"mkdir": f"mkdir -p {RERUN_DIR}", "papermill": shlex.join(pm), "cli": shlex.join(cli)}


def rerun(notebook: str, lang: str | None = None, **parameters):
    """The box for the end of ``notebooks/<notebook>.md``: the commands and the parameters used
    (``research.rerun``), as Markdown the book renders (a MyST admonition)."""
    from IPython.display import Markdown

    from analysis.core.text import t
    c = commands(notebook, **parameters)
    if parameters:
        used = ", ".join(f"`{name} = {value!r}`" for name, value in parameters.items())
        params = t("research.rerun_parameters", lang, parameters=used)
    else:
        params = t("research.rerun_no_parameters", lang)
    return Markdown(t("research.rerun", lang, notebook=notebook, parameters=params, mkdir=c["mkdir"], papermill=c["papermill"],
                      cli=c["cli"]))
