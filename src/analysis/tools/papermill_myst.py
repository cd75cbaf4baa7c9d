"""papermill reads the book's MyST text notebooks (``notebooks/*.md``) through jupytext.

papermill loads notebooks as JSON (``.ipynb``) and fails on a text notebook with
``NotJSONError``. It chooses an I/O handler by the *prefix* of the path (``s3://``, ``gs://``,
...; plain paths go to its ``local`` handler) and loads extra handlers from the entry-point
group ``papermill.io``. This package registers one there (``pyproject.toml``)::

    [project.entry-points."papermill.io"]
    "myst://" = "analysis.tools.papermill_myst:papermill_handler"

so that, once the package is installed (``pip install -e .``, done by ``scripts/setup.sh``):

* ``papermill myst://notebooks/province.md out.ipynb`` reads the notebook with jupytext, and
* loading that entry point also wraps papermill's ``local`` handler (:func:`install`), so the
  plain path works as papermill's documentation writes it::

      papermill notebooks/province.md out.ipynb -p province Fars
      papermill --help-notebook notebooks/province.md

The wrapper reads a path ending in a jupytext text-notebook extension (:data:`TEXT_SUFFIXES`)
with jupytext and hands every other path (``.ipynb``) to papermill's own handler unchanged;
writing is papermill's (an ``.ipynb``), except to a text-notebook path, which jupytext writes
(without outputs, as text notebooks hold none).
"""
from __future__ import annotations

import os
import sys
import warnings

SCHEME = "myst://"
#: Extensions read as jupytext text notebooks (MyST Markdown and the other Markdown flavours).
TEXT_SUFFIXES = (".md", ".myst", ".mystnb", ".mnb")


def is_text_notebook(path) -> bool:
    """True for a path papermill should read through jupytext.

    >>> is_text_notebook("notebooks/province.md"), is_text_notebook("myst://a/b.md"), is_text_notebook("out.ipynb")
    (True, True, False)
    >>> is_text_notebook(None), is_text_notebook("s3://bucket/nb.md")
    (False, False)
    """
    if not isinstance(path, str):
        return False
    if path.startswith(SCHEME):
        return True
    if "://" in path:  # another handler's scheme (s3://, https://): not ours
        return False
    return os.path.splitext(path.split("?")[0])[1].lower() in TEXT_SUFFIXES


def _local_path(path: str, cwd: str | None) -> str:
    path = path[len(SCHEME):] if path.startswith(SCHEME) else path
    return path if cwd is None or os.path.isabs(path) else os.path.join(cwd, path)


def read_text_notebook(path: str, cwd: str | None = None) -> str:
    """The notebook at ``path`` (a MyST text notebook) as ``.ipynb`` JSON text, read by jupytext.

    A missing file raises :class:`FileNotFoundError` naming it."""
    import jupytext
    import nbformat

    local = _local_path(path, cwd)
    if not os.path.isfile(local):
        raise FileNotFoundError(f"no notebook at {local!r} (papermill read it as a jupytext text notebook)")
    return nbformat.writes(jupytext.read(local))


def write_text_notebook(buf: str, path: str, cwd: str | None = None) -> None:
    """Write papermill's ``.ipynb`` JSON ``buf`` to a text-notebook ``path`` with jupytext."""
    import jupytext
    import nbformat

    local = _local_path(path, cwd)
    folder = os.path.dirname(local)
    if folder and not os.path.isdir(folder):
        raise FileNotFoundError(f"output folder {folder} doesn't exist.")
    jupytext.write(nbformat.reads(buf, as_version=4), local)


class MystHandler:
    """papermill I/O handler for ``myst://path.md``: read and write through jupytext."""

    def __init__(self):
        self._cwd = None

    def read(self, path):
        return read_text_notebook(path, self._cwd)

    def write(self, buf, path):
        return write_text_notebook(buf, path, self._cwd)

    def listdir(self, path):
        local = _local_path(path, self._cwd)
        return [SCHEME + os.path.join(path[len(SCHEME):] if path.startswith(SCHEME) else path, f) for f in os.listdir(local)]

    def pretty_path(self, path):
        return path

    def cwd(self, new_path):
        old, self._cwd = self._cwd, new_path
        return old


class LocalWithText:
    """papermill's ``local`` handler, with text notebooks read (and written) through jupytext.

    Every call on another path goes to the wrapped handler, whose working directory
    (``cwd``) this wrapper shares."""

    def __init__(self, local):
        self.local = local

    def read(self, path):
        if is_text_notebook(path):
            return read_text_notebook(path, getattr(self.local, "_cwd", None))
        return self.local.read(path)

    def write(self, buf, path):
        if is_text_notebook(path):
            return write_text_notebook(buf, path, getattr(self.local, "_cwd", None))
        return self.local.write(buf, path)

    def listdir(self, path):
        return self.local.listdir(path)

    def pretty_path(self, path):
        return self.local.pretty_path(path)

    def cwd(self, new_path):
        return self.local.cwd(new_path)


HANDLER = MystHandler()


def install(io=None, scheme: bool = True) -> bool:
    """Make papermill's registry ``io`` (default ``papermill.iorw.papermill_io``) read text
    notebooks: register :data:`HANDLER` under ``myst://`` (unless ``scheme=False``) if missing
    and wrap the ``local`` handler in :class:`LocalWithText`. Idempotent; returns True when it
    changed something."""
    if io is None:
        from papermill.iorw import papermill_io as io
    changed = False
    handlers = io._handlers  # papermill keeps (scheme, handler) pairs, newest first
    if scheme and not any(s == SCHEME for s, _ in handlers):
        io.register(SCHEME, HANDLER)
        changed = True
    for i, (name, handler) in enumerate(handlers):
        if name == "local" and not isinstance(handler, LocalWithText):
            handlers[i] = (name, LocalWithText(handler))
            changed = True
    # papermill warns that a path does not end in .ipynb/.json: a text notebook is expected here
    warnings.filterwarnings("ignore", message=r"The specified file \(.*\.(md|myst|mystnb|mnb)\) does not end in one of")
    return changed


def __getattr__(name: str):
    """The ``papermill.io`` entry point's object, :data:`HANDLER`, served through this hook so
    that every load of the entry point (``papermill.iorw`` calls it while it builds its
    registry) also wraps papermill's ``local`` handler, even when this module was imported
    before papermill."""
    if name == "papermill_handler":
        iorw = sys.modules.get("papermill.iorw")
        io = getattr(iorw, "papermill_io", None)
        if io is not None:
            install(io, scheme=False)  # papermill registers the returned handler under myst:// itself
        return HANDLER
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
