"""Executing notebooks: papermill in a pool of worker processes, kernels from a warm factory.

:func:`execute_one`  one notebook, in the calling process (also the ``run-notebook`` command)
:func:`run_jobs`     the jobs whose inputs changed (:mod:`analysis.build.cache`), in parallel;
                     failures are collected, not raised
:func:`hook_cell`    the hidden first cell injected into every notebook (see below)
:func:`normalise`    makes an executed notebook a function of its inputs only
:class:`Kernels`     the kernels of one run: forked from a pre-warmed factory
                     (:mod:`analysis.build.warmkernel`) or plain ipykernels

The runner talks to the notebook's data loader through an explicit, visible first cell, not
through environment variables: :func:`hook_cell` calls
:func:`analysis.sources.datasets.record_loads` (the datasets the notebook loads are listed
in ``<name>.loads`` beside the executed notebook, a path relative to the kernel's working
directory) and, when the runner validated the data before starting,
:func:`analysis.sources.datasets.trust_validated` with the data fingerprint it validated.
The cell is tagged ``remove-cell``: readers never see it.

Executed notebooks are *normalised* before they are written (:func:`normalise`): cell ids
are numbered, papermill's and nbclient's timestamps, durations and temporary paths are
dropped, and memory addresses in plain-text reprs (``<... at 0x7f...>``) are removed, so two
builds of the same inputs write the same bytes.
"""
from __future__ import annotations

import json
import math
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from analysis.build import cache
from analysis.build.jobs import KERNEL, Job
from analysis.core import paths
from analysis.core.text import LANGUAGES

HOOK_TAG = "build-hooks"
EDITION_TAG = "build-edition"  # the hidden cell between the English and the Persian pass
EDITIONS = LANGUAGES  # one edition per language of the texts (text/<lang>/)
SECOND = "_fa"  # executed/_fa/<out>.ipynb: the Persian pass, and the files it wrote (its downloads)


def edition_dir(executed_dir: Path, lang: str) -> Path:
    """Where an edition's executed notebooks and downloads are: ``executed/`` for English,
    ``executed/_fa/`` for Persian."""
    return executed_dir if lang == EDITIONS[0] else executed_dir / SECOND


@dataclass
class Result:
    job: Job
    status: str  # "executed" | "cached" | "failed"
    seconds: float = 0.0
    error: str = ""
    cell: int | None = None  # the failing cell, counted from 1 in the source notebook
    deps: list[str] | None = None  # datasets the notebook loaded


# ------------------------------------------------------------------------------ notebook
def hook_cell(loads: str, validated: str | None = None):
    """The first cell of every executed notebook: connects the notebook to the build.

    ``loads`` is the file (relative to the notebook's working directory) in which
    :func:`analysis.sources.datasets.load` lists each dataset it reads; ``validated`` the
    data fingerprint the runner validated (the notebook then skips re-validating it).
    """
    import nbformat

    lines = ["# Injected by the build runner (analysis.build.execute.hook_cell); hidden from readers.",
             "from analysis.sources import datasets as _build_datasets",
             f"_build_datasets.record_loads({loads!r})  # list the datasets this notebook loads"]
    if validated:
        lines.append(f"_build_datasets.trust_validated({validated!r})  # the runner validated this data version")
    lines.append("del _build_datasets")
    return nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [HOOK_TAG, "remove-cell"]})


def edition_cell(lang: str, folder: str | None = None, keep: tuple[str, ...] = ()):
    """The hidden cell that starts a pass of the notebook in ``lang``. The first pass records
    the names the kernel has; the second forgets every name the first pass defined except
    ``keep`` (the parameters), so it starts as the first did (a parameter check sees only the
    parameters), and makes ``folder`` the working directory, so the files it writes do not
    replace the first pass's."""
    import nbformat

    lines = ["# Injected by the build runner (analysis.build.execute.edition_cell); hidden from readers.",
             "from analysis.core.text import use_language as _build_use_language",
             f"_build_use_language({lang!r})  # the edition this pass of the notebook writes",
             "del _build_use_language"]
    if folder is None:
        lines.append("_build_names = set(globals())")
    else:
        lines += [f"for _build_name in [n for n in list(globals()) if not n.startswith('_') and n not in _build_names "
                  f"and n not in {sorted(keep)!r}]:",
                  "    del globals()[_build_name]",
                  "import os as _build_os", f"_build_os.makedirs({folder!r}, exist_ok=True)",
                  f"_build_os.chdir({folder!r})", "del _build_os",
                  "import matplotlib.pyplot as _build_plt", "_build_plt.close('all')", "del _build_plt"]
    return nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [EDITION_TAG, "remove-cell"]})


def parameter_names(nb, given: dict | None = None) -> tuple[str, ...]:
    """The names a notebook's ``parameters`` cell assigns, and those papermill is given."""
    import ast

    names = set(given or {})
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
    return tuple(sorted(names))


def two_passes(nb, fa_folder: Path, parameters: dict | None = None) -> None:
    """Make ``nb`` run its cells twice in one kernel: in English, then (after a hidden edition
    cell) in Persian. The parameters cell runs once (the injected parameters stay). The
    Markdown cells hold only glue references and labels, which are the same in both."""
    import copy

    keep = parameter_names(nb, parameters)
    second = [copy.deepcopy(c) for c in nb.cells
              if HOOK_TAG not in c.metadata.get("tags", []) and "parameters" not in c.metadata.get("tags", [])]
    first_code = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and HOOK_TAG in c.metadata.get("tags", [])), -1)
    nb.cells.insert(first_code + 1, edition_cell(EDITIONS[0]))
    nb.cells += [edition_cell(EDITIONS[1], str(fa_folder), keep), *second]


def split_passes(nb):
    """The two editions of a notebook executed by :func:`two_passes`: ``(english, persian)``,
    each with the hook and parameter cells and the cells of its own pass."""
    import copy

    cut = next(i for i, c in enumerate(nb.cells) if EDITION_TAG in c.metadata.get("tags", [])
               and i > 0 and any(EDITION_TAG in d.metadata.get("tags", []) for d in nb.cells[:i]))
    head = [c for c in nb.cells[:cut] if {HOOK_TAG, "parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    en = copy.deepcopy(nb)
    en.cells = [c for c in nb.cells[:cut] if EDITION_TAG not in c.metadata.get("tags", [])]
    fa = copy.deepcopy(nb)
    fa.cells = [copy.deepcopy(c) for c in head] + nb.cells[cut + 1:]
    return en, fa


def tag_cells(nb) -> None:
    """Readers see outputs, not code: hide code inputs and the parameter cells."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.setdefault("tags", [])
        if "parameters" in tags or "injected-parameters" in tags or HOOK_TAG in tags:
            if "remove-cell" not in tags:
                tags.append("remove-cell")
        elif "show-input" not in tags and "remove-input" not in tags:
            tags.append("remove-input")


ADDRESS = re.compile(r" (?:object )?at 0x[0-9a-fA-F]+>")


def _strip_addresses(text):
    if isinstance(text, list):
        return [ADDRESS.sub(">", t) for t in text]
    return ADDRESS.sub(">", text)


def normalise(nb) -> None:
    """Remove from an executed notebook what varies between two runs of the same inputs.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(metadata={"papermill": {"start_time": "2026-01-01T00:00:00"}})
    >>> cell = nbformat.v4.new_code_cell("t", metadata={"execution": {"iopub.status.idle": "..."}})
    >>> cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "<a.Table at 0x7fd1c2>"})]
    >>> nb.cells = [cell]
    >>> normalise(nb)
    >>> nb.metadata, nb.cells[0].id, nb.cells[0].metadata, nb.cells[0].outputs[0].data["text/plain"]
    ({}, 'cell-0', {}, '<a.Table>')
    """
    nb.metadata.pop("papermill", None)
    nb.nbformat, nb.nbformat_minor = 4, max(nb.get("nbformat_minor", 5), 5)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
        for key in ("papermill", "execution"):
            cell.metadata.pop(key, None)
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data and "text/plain" in data:
                data["text/plain"] = _strip_addresses(data["text/plain"])


INSERTED_TAGS = {HOOK_TAG, EDITION_TAG, "injected-parameters", "papermill-error-cell-tag"}  # cells the source does not have


def _first_error(nb) -> tuple[int | None, str]:
    """``(cell, message)`` of the first error: ``cell`` counts the *source* notebook's cells
    from 1 (the cells the runner and papermill inserted are not counted)."""
    n, edition = 0, ""
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if EDITION_TAG in tags:
            if n:  # the second pass starts: count its cells again, from the first
                n, edition = 0, f"[{EDITIONS[1]}] "
            continue
        if INSERTED_TAGS & tags:
            continue
        n += 1
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                return n, f"{edition}{o.get('ename')}: {o.get('evalue')}"
    return None, ""


def _write(nb, path: Path) -> None:
    import nbformat

    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, path)


def execute_one(job: Job, executed_dir: Path, validated: str | None = None, timeout: int = 600,
                kernel: str = KERNEL) -> Result:
    """Execute one job with papermill into ``executed_dir/<job.out>.ipynb``.

    Kernel output (stdout/stderr of the process) goes to ``<job.out>.log``. On failure
    the executed notebook with the error is written to ``<job.out>.failed.ipynb`` and the
    last good ``<job.out>.ipynb``, if any, is kept.
    """
    import jupytext

    t0 = time.perf_counter()
    executed_dir = Path(executed_dir).resolve()  # the kernel runs in another folder: relative paths would miss
    out = executed_dir / f"{job.out}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nb = jupytext.read(job.source)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    loads = out.with_suffix(".loads")
    loads.unlink(missing_ok=True)
    nb.cells.insert(0, hook_cell(loads.name, validated))
    second = edition_dir(executed_dir, EDITIONS[1]) / f"{job.out}.ipynb"
    two_passes(nb, second.parent, job.parameters)
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    log_fd = os.open(out.with_suffix(".log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    for fd in saved:
        os.dup2(log_fd, fd)
    ending = False
    try:
        return _execute(job, nb, out, loads, timeout, kernel, t0, executed_dir)
    except SystemExit:  # a worker told to stop: its last words (asyncio's complaints) go to the log too
        ending = True
        raise
    finally:
        for fd, copy in saved.items():
            if not ending:
                os.dup2(copy, fd)
            os.close(copy)
        os.close(log_fd)
        loads.unlink(missing_ok=True)


def _execute(job: Job, nb, out: Path, loads: Path, timeout: int, kernel: str, t0: float, executed_dir: Path) -> Result:
    import nbformat
    import papermill as pm

    failed = out.with_suffix(".failed.ipynb")
    with tempfile.TemporaryDirectory(prefix="book-nb-") as tmp:
        dst = Path(tmp) / "output.ipynb"
        try:
            pm.execute_notebook(nb, str(dst), parameters=job.parameters, kernel_name=kernel,
                                progress_bar=False, log_output=False, cwd=str(out.parent),
                                execution_timeout=timeout, report_mode=False,
                                shutdown_kernel="immediate",  # outputs are in; no graceful wait
                                # written once at the end (or at the error), not after every cell: a
                                # notebook with figures was rewritten ~90 times, 1.6 s of a 5 s chapter
                                request_save_on_cell_execute=False)
        except Exception as err:  # papermill error: the output notebook holds the error cell
            cell, msg = None, f"{type(err).__name__}: {err}"
            if dst.exists():
                result = nbformat.read(dst, as_version=4)
                cell, msg2 = _first_error(result)
                msg = msg2 or msg
                normalise(result)
                _write(result, failed)
            msg = msg.strip().splitlines()[0][:500] if msg.strip() else "error"
            return Result(job, "failed", time.perf_counter() - t0, msg, cell)
        result = nbformat.read(dst, as_version=4)
    result.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    for lang, edition in zip(EDITIONS, split_passes(result), strict=True):
        tag_cells(edition)
        normalise(edition)
        target = edition_dir(executed_dir, lang) / f"{job.out}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(edition, target)
    failed.unlink(missing_ok=True)
    deps = sorted(set(loads.read_text(encoding="utf-8").split())) if loads.exists() else []
    return Result(job, "executed", time.perf_counter() - t0, deps=deps)


# ------------------------------------------------------------------------------ kernels
class Kernels:
    """The kernels of one build and its temporary folder, as a context manager.

    Everything temporary of a run lives in one folder (``$TMPDIR/book-build-*``): the
    notebook workers' ``TMPDIR`` (papermill's files, kernel connection files) and, with
    ``warm``, the factory's socket and the ``book-warm`` kernelspec. The factory imports
    pandas, IPython and the library once and forks a fresh kernel for every notebook
    (:mod:`analysis.build.warmkernel`). On every way out (normal end, exception,
    SIGTERM/SIGINT turned into an exception by the runner) the factory and any kernel it
    forked are killed and the folder is removed. Without ``warm``: plain ``python3``
    ipykernels. :meth:`env` is the environment the worker processes need (nothing is set in
    the calling process).

    With ``wait=False`` the factory starts and imports its modules while the caller goes on
    (the runner validates the data meanwhile); :meth:`ready`, called before the first
    notebook, gives it the data fingerprint and waits until it listens.
    """

    def __init__(self, warm: bool = True, validated: str | None = None, wait: bool = True):
        self.warm = warm
        self.validated = validated  # the data fingerprint the runner validated: the factory reads that data once
        self.wait = wait
        self.kernel = KERNEL
        self._env: dict[str, str] = {}
        self._factory = None
        self._sock = ""
        self._ready = False
        self._tmp: str | None = None

    def __enter__(self) -> Kernels:
        self._tmp = tempfile.mkdtemp(prefix="book-build-")
        if len(self._tmp) > 80:  # a unix socket path has at most 107 bytes
            os.rmdir(self._tmp)
            self._tmp = tempfile.mkdtemp(prefix="book-build-", dir="/tmp")
        try:
            work = Path(self._tmp) / "tmp"
            work.mkdir()
            self._env = {"TMPDIR": str(work)}
            if self.warm:
                from analysis.build import warmkernel
                jupyter_dir = Path(self._tmp)  # the book-warm kernelspec, for this run only
                self.kernel = warmkernel.kernelspec(jupyter_dir)
                self._sock = str(Path(self._tmp) / "factory.sock")
                self._env.update({"JUPYTER_PATH": os.pathsep.join(filter(None, [str(jupyter_dir), os.environ.get("JUPYTER_PATH")])),
                                  warmkernel.SOCKET_ENV: self._sock})
                try:
                    self._factory = warmkernel.start_factory(self._sock, validated=self.validated, wait=self.wait)
                except RuntimeError:
                    self._factory = None  # the kernelspec's client falls back to a plain ipykernel
            self._ready = self.wait or self._factory is None
        except BaseException:
            self.close()
            raise
        return self

    def ready(self, validated: str | None = None) -> None:
        """Before the first notebook: a factory started without ``wait`` is given the data
        fingerprint the runner validated and waited for (if it does not start, the kernels
        are plain ipykernels). Nothing to do otherwise."""
        if self._ready:
            return
        self._ready = True
        from analysis.build import warmkernel
        try:
            warmkernel.factory_ready(self._factory, self._sock, validated or self.validated)
        except RuntimeError:
            warmkernel.stop_factory(self._factory)
            self._factory = None

    def env(self) -> dict[str, str]:
        return dict(self._env)

    def close(self) -> None:
        if self._factory is not None:
            from analysis.build import warmkernel
            warmkernel.stop_factory(self._factory)
            self._factory = None
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __exit__(self, *exc) -> None:
        self.close()


def _exit_on_sigterm(signum, _frame):
    raise SystemExit(128 + signum)  # unwinds papermill as far as it can


def _init_worker(env: dict[str, str]) -> None:
    """In each worker process: the run's environment (its temporary folder, the kernels),
    and signals left to the runner: Ctrl-C is ignored (the runner handles it and terminates
    the workers), SIGTERM ends the worker through its ``finally`` clauses."""
    os.environ.update(env)
    if "TMPDIR" in env:
        tempfile.tempdir = env["TMPDIR"]  # the module caches it; a forked worker has the parent's
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)


def _terminate(pool: ProcessPoolExecutor, grace: float = 10.0) -> None:
    """Stop a pool now: cancel what has not started, SIGTERM the running workers (they clean
    up), SIGKILL any that is still there after ``grace`` seconds."""
    procs = list((getattr(pool, "_processes", None) or {}).values())  # Python >= 3.14: pool.terminate_workers()
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + grace
    for p in procs:
        p.join(max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(1)


# ------------------------------------------------------------------------------ jobs
def run_jobs(job_list: list[Job], executed_dir: Path | None = None, workers: int | None = None,
             force: bool = False, quiet: bool = False, warm: bool = True,
             index: cache.DataIndex | None = None, validated: str | None = None,
             kernels: Kernels | None = None) -> list[Result]:
    """Execute the jobs whose inputs changed, in parallel; returns one result per job, in
    the order given. Failures are results, not exceptions.

    Kernels are forked from a pre-warmed factory with ``warm`` (default), or come from
    ``kernels`` when the caller keeps one :class:`Kernels` for several runs.
    """
    from tqdm import tqdm

    executed_dir = executed_dir or paths.BUILD / "executed"
    workers = workers or os.cpu_count() or 1
    code = cache.code_hash()
    index = index or cache.DataIndex()
    results: list[Result] = []
    todo = []
    for job in job_list:
        if not job.source.exists():
            results.append(Result(job, "failed", error=f"notebook source missing: {job.source}"))
        elif (not force and cache.is_cached(job, executed_dir, code, index)
              and (edition_dir(executed_dir, EDITIONS[1]) / f"{job.out}.ipynb").exists()):
            results.append(Result(job, "cached"))
        else:
            todo.append(job)
    todo = longest_first(todo, executed_dir)
    if todo:
        # the bar on a terminal; in a log (CI) only the one line per notebook
        bar = tqdm(total=len(todo), desc="notebooks", unit="nb", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)
        try:
            if kernels is not None:
                ran = _run_pool(todo, executed_dir, workers, kernels, code, index, validated, bar, quiet)
            else:
                with Kernels(warm, validated) as own:
                    ran = _run_pool(todo, executed_dir, workers, own, code, index, validated, bar, quiet)
        finally:
            bar.close()
        record_durations(ran, executed_dir)
        results += ran
    order = {j.name: i for i, j in enumerate(job_list)}
    return sorted(results, key=lambda r: order[r.job.name])


DURATIONS = "notebook-durations.json"  # beside the executed folder (whose notebooks a rebuild reproduces byte
# for byte): each job's last run, in seconds, a timing and no cache key


def longest_first(todo: list[Job], executed_dir: Path) -> list[Job]:
    """The jobs, the longest first by their last run (a job with no recorded run first of all,
    in the order given): with two workers, a long job started last leaves the other idle."""
    last = _durations(executed_dir)
    return sorted(todo, key=lambda j: -last.get(j.name, math.inf))


def _durations(executed_dir: Path) -> dict[str, float]:
    try:
        return {k: float(v) for k, v in json.loads((executed_dir.parent / DURATIONS).read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def record_durations(results: list[Result], executed_dir: Path) -> None:
    """Keep the run time of the jobs just executed for :func:`longest_first`."""
    last = _durations(executed_dir) | {r.job.name: round(r.seconds, 2) for r in results if r.status == "executed"}
    executed_dir.parent.mkdir(parents=True, exist_ok=True)
    (executed_dir.parent / DURATIONS).write_text(json.dumps(last, sort_keys=True), encoding="utf-8")


def _run_pool(todo, executed_dir, workers, kernels: Kernels, code, index, validated, bar, quiet) -> list[Result]:
    from tqdm import tqdm

    results = []
    kernels.ready(validated)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)), initializer=_init_worker, initargs=(kernels.env(),))
    try:
        futures = {pool.submit(execute_one, job, executed_dir, validated, 600, kernels.kernel): job for job in todo}
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                res = fut.result()
            except Exception as err:  # the worker itself died
                res = Result(job, "failed", error=f"{type(err).__name__}: {err}")
            if res.status == "executed":
                cache.write_meta(job, res.deps or [], executed_dir, code, index)
            results.append(res)
            bar.set_postfix_str(job.name)
            bar.update()
            mark = "ok " if res.status == "executed" else "FAILED"
            if not quiet:
                tqdm.write(f"  {mark} {job.name:<28} {res.seconds:5.1f} s" + (f"  cell {res.cell}: {res.error}" if res.status == "failed" else ""), file=sys.stderr)
    except BaseException:  # interrupted (SIGTERM/SIGINT via the runner) or a bug: stop the workers now
        _terminate(pool)
        raise
    pool.shutdown()
    return results
