"""Rendering: the Sphinx source tree and Jupyter Book's HTML build.

:func:`stage`         assembles ``_build/work/src`` from ``_config.yml``, ``_toc.yml``, ``book/``,
                      the fonts and the executed notebooks (a failed chapter becomes a page
                      saying so, :data:`FAILED_MARKER`); files that no longer belong are deleted
:func:`jupyter_book`  runs ``jupyter-book build`` (Sphinx) with a reproducible
                      ``SOURCE_DATE_EPOCH``; returns the output folder and the warnings
:func:`prune`         removes images and downloads no page links to (left by earlier builds)

The PDF edition is printed from the HTML build by :mod:`analysis.build.printbook`.

Sphinx rebuilds incrementally: a document is re-read when its source file is newer than the
time Sphinx last read it. Staged files are therefore written with the current time (never
the executed notebook's older modification time). When a source file of the last Sphinx
build is gone (a failure page replaced by its chapter, a chapter dropped), Sphinx would keep
its pages, so the output is discarded and built from scratch (:func:`jupyter_book` records
the source files of each successful build in ``sources.json`` to know).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from analysis.build.execute import Result
from analysis.build.jobs import Book, BuildError

FAILED_MARKER = "This chapter failed to build"
FAILED_PAGE = """# {title}

```{{error}}
""" + FAILED_MARKER + """: {error} (cell {cell}).
The executed notebook with the error is kept in `_build/executed/{out}.failed.ipynb`.
```
"""
NOT_STAGED = (".inputs.json", ".failed.ipynb", ".tmp", ".log", ".loads")  # cache and diagnostics


@dataclass
class Staged:
    changed: list[str] = field(default_factory=list)  # written (new or different content)
    removed: list[str] = field(default_factory=list)  # deleted: no longer part of the book


def _expected(book: Book, results: list[Result], executed_dir: Path, lang: str = "en") -> dict[str, Path | str]:
    """Every file of an edition's Sphinx source tree: relative path -> source file or text."""
    from analysis.build import editions
    from analysis.build.execute import SECOND, edition_dir
    want: dict[str, Path | str] = {"_config.yml": editions.config_text(book, lang), "_toc.yml": editions.toc_text(book, lang)}
    for f in sorted(book.static.rglob("*")):
        if f.is_file() and f != book.structure:
            want[f"book/{f.relative_to(book.static).as_posix()}"] = f
    if book.fonts and book.fonts.exists():
        for f in sorted(book.fonts.glob("Vazirmatn-*.woff2")):
            want[f"book/_static/fonts/{f.name}"] = f
    executed = edition_dir(executed_dir, lang)
    for f in sorted(executed.rglob("*")):  # files the notebooks wrote (downloads)
        rel = f.relative_to(executed)
        if lang == "en" and rel.parts[0] == SECOND:
            continue  # the Persian pass's files
        if f.is_file() and f.suffix != ".ipynb" and not f.name.endswith(NOT_STAGED):
            want[rel.as_posix()] = f
    for r in results:
        if r.status == "failed":
            want[f"{r.job.out}.md"] = FAILED_PAGE.format(title=r.job.title or r.job.name, error=r.error.replace("`", "'"),
                                                         cell=r.cell, out=r.job.out)
        elif (executed / f"{r.job.out}.ipynb").exists():
            want[f"{r.job.out}.ipynb"] = executed / f"{r.job.out}.ipynb"
    return want


def stage(book: Book, results: list[Result], src_dir: Path, executed_dir: Path, lang: str = "en") -> Staged:
    """Make ``src_dir`` hold exactly the files of the book's edition in ``lang``; report what
    changed and what went."""
    staged = Staged()
    want = _expected(book, results, executed_dir, lang)
    for rel, source in want.items():
        dst = src_dir / rel
        data = source.encode("utf-8") if isinstance(source, str) else source.read_bytes()
        if dst.is_file() and dst.stat().st_size == len(data) and dst.read_bytes() == data:
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)  # a new file: its modification time is now, so Sphinx re-reads it
        os.replace(tmp, dst)
        staged.changed.append(rel)
    if src_dir.exists():
        for f in sorted(src_dir.rglob("*"), reverse=True):
            rel = f.relative_to(src_dir).as_posix()
            if f.is_file() and rel not in want:
                f.unlink()
                staged.removed.append(rel)
            elif f.is_dir() and not any(f.iterdir()):
                f.rmdir()
    return staged


# ------------------------------------------------------------------------------ Sphinx
def source_date_epoch(root: Path) -> int:
    """The time stamped into the output: the last commit's time in a git checkout, else the
    newest modification time of the data files (``data/``)."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30)
        if proc.returncode == 0 and proc.stdout.strip().isdigit():
            return int(proc.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    from analysis.core import paths
    files = [p for p in paths.DATA.rglob("*") if p.is_file()] if paths.DATA.exists() else []
    return int(max((p.stat().st_mtime for p in files), default=0))


WARNING = re.compile(r"\b(WARNING|ERROR|CRITICAL|SEVERE):")


SEEN = "sources.json"  # in a Sphinx output folder: the source files of its last successful build


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def jupyter_book(src_dir: Path, out_dir: Path, builder: str = "html", quiet: bool = False,
                 fresh: bool = False, epoch: int | None = None) -> tuple[Path, list[str]]:
    """Run ``jupyter-book build``; returns the output folder and Sphinx's warning lines.

    The previous output (doctrees included) is discarded first, for a build from scratch,
    with ``fresh`` or whenever a source file of the last successful build into ``out_dir``
    is gone (or that is unknown): Sphinx would keep the removed document's pages. Raises
    :class:`BuildError` if the build fails.
    """
    seen = out_dir / SEEN
    now = _files(src_dir)
    before = json.loads(seen.read_text(encoding="utf-8")) if seen.exists() else None
    if fresh or before is None or set(before) - set(now):
        shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    seen.unlink(missing_ok=True)  # written again only if this build succeeds
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(src_dir), "--path-output", str(out_dir), "--builder", builder]
    env = dict(os.environ)
    if epoch is not None and "SOURCE_DATE_EPOCH" not in env:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    _RUNNING.add(proc)
    try:
        out, err = proc.communicate()
    finally:
        _RUNNING.discard(proc)
    text = out + err
    log = out_dir / f"{builder}.log"
    log.write_text(text, encoding="utf-8")
    built = out_dir / "_build" / builder
    if proc.returncode != 0 or not (built / "index.html").exists():
        tail = "\n".join(text.strip().splitlines()[-25:])
        raise BuildError(f"jupyter-book {builder} build failed (log: {log}):\n{tail}")
    sync_static(src_dir / "book" / "_static", built / "_static")
    seen.write_text(json.dumps(now), encoding="utf-8")
    warnings = [line.strip() for line in text.splitlines() if WARNING.search(line)]
    if warnings and not quiet:
        print(f"  {len(warnings)} Sphinx warning(s) in the {builder} build; see {log}", file=sys.stderr)
    return built, warnings


_RUNNING: set[subprocess.Popen] = set()  # the jupyter-book processes now running (from any thread)


def stop_running() -> None:
    """Kill every ``jupyter-book build`` this process started that is still running (the
    runner calls it when it is interrupted while the editions build side by side)."""
    for proc in list(_RUNNING):
        proc.kill()


def sync_static(source: Path, target: Path) -> list[str]:
    """Copy the book's static files (stylesheets, fonts) whose content differs into the output's
    ``_static``: Sphinx 7.4 does not overwrite a static file that an earlier build copied, so
    an edited stylesheet would not reach the site on an incremental build. Returns what it copied."""
    copied = []
    if not source.is_dir():
        return copied
    for f in sorted(source.rglob("*")):
        rel = f.relative_to(source)
        if not f.is_file() or rel.parts[0] == "_templates":  # templates are not copied (exclude_patterns)
            continue
        dst = target / rel
        if not dst.is_file() or dst.read_bytes() != f.read_bytes():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, dst)
            copied.append(rel.as_posix())
    return copied


LINKED = re.compile(r"""_(images|downloads)/([^"'#?\s<>()]+)""")


def prune(site: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """Delete files under ``_images/`` and ``_downloads/`` that no HTML page links to (Sphinx
    keeps those of earlier builds in its output folder); returns their relative paths.
    ``exclude``: top-level folders that are another site (the other edition), left alone."""
    linked: set[str] = set()
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] in exclude:
            continue
        for kind, name in LINKED.findall(page.read_text(encoding="utf-8", errors="replace")):
            linked.add(f"_{kind}/{name}")
    gone = []
    for kind in ("_images", "_downloads"):
        folder = site / kind
        if not folder.exists():
            continue
        for f in sorted(folder.rglob("*")):
            rel = f.relative_to(site).as_posix()
            if f.is_file() and rel not in linked:
                f.unlink()
                gone.append(rel)
        for d in sorted((d for d in folder.rglob("*") if d.is_dir()), reverse=True):
            if not any(d.iterdir()):
                d.rmdir()
    return gone
