"""Build runner: execute the notebooks (one per province from a template), write the
table of contents, build the Jupyter Book (HTML and single-page HTML), print the PDF with
headless Chromium, and publish atomically.

Layout of ``_build/`` (git-ignored):

``executed/``      executed notebooks + ``.inputs.json`` (fingerprint of the inputs and
                   the datasets each notebook loaded: the cache, see :class:`DataIndex`)
``work/src/``      the Sphinx source tree, assembled from ``_config.yml``, ``_toc.yml``,
                   ``book/`` and ``executed/``; only changed files are copied, so Sphinx's
                   incremental build re-reads only what changed
``work/html``, ``work/single``  Jupyter Book output folders (doctrees kept)
``sites/<stamp>/`` complete published sites; ``html`` is a symlink to the current one,
                   replaced atomically (``os.replace``) only after a build fully succeeds
``pdf/book.pdf``   the published PDF (replaced atomically too)
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis.core import paths
from analysis.core.provinces import registry, validate_key

STRUCTURE = paths.BOOK / "structure.yml"
TEMPLATE = paths.NOTEBOOKS / "province.md"
KERNEL = "python3"


class BuildError(RuntimeError):
    """A build step failed; the published book was left untouched."""


# --------------------------------------------------------------------------------------
# Jobs and fingerprints
# --------------------------------------------------------------------------------------
@dataclass
class Job:
    """One notebook to execute: source (MyST text notebook), output path relative to the
    book source tree (without suffix), and papermill parameters."""

    name: str
    source: Path
    out: str
    parameters: dict = field(default_factory=dict)
    title: str = ""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hash(root: Path, patterns: tuple[str, ...]) -> str:
    """Hash of the names and contents of files under ``root`` matching the patterns."""
    h = hashlib.sha256()
    files = sorted({p for pat in patterns for p in root.glob(pat) if p.is_file()})
    for p in files:
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


NOT_NOTEBOOK_INPUTS = ("build/", "cli.py", "__main__.py", "sources/extract/")  # build runner and transcription code


def code_hash() -> str:
    """Hash of the package code notebooks import (the build runner and extractors excluded)."""
    root = paths.ROOT / "src" / "analysis"
    h = hashlib.sha256()
    for p in sorted({*root.glob("**/*.py"), *root.glob("**/*.yml")}):
        rel = p.relative_to(root).as_posix()
        if rel.startswith(NOT_NOTEBOOK_INPUTS) or "__pycache__" in rel:
            continue
        h.update(rel.encode())
        h.update(p.read_bytes())
    h.update(tree_hash(paths.TEXT, ("*/*.yml",)).encode())  # the words notebooks print
    return h.hexdigest()


def data_hash() -> str:
    from analysis.sources.datasets import data_fingerprint
    return data_fingerprint()


def fingerprint(job: Job, code: str, data: str) -> str:
    """Inputs of a job: notebook source, parameters, package code, data."""
    payload = {
        "notebook": _sha(job.source.read_bytes()),
        "parameters": job.parameters,
        "code": code,
        "data": data,
        "python": sys.version,
    }
    return _sha(json.dumps(payload, sort_keys=True).encode())


def base_hash() -> str:
    """What every notebook depends on whatever it loads: the catalogue (schemas, units,
    titles) and the reference data (inflation index)."""
    h = hashlib.sha256(paths.CATALOG.read_bytes() if paths.CATALOG.exists() else b"")
    h.update(tree_hash(paths.REFERENCE, ("*.csv",)).encode() if paths.REFERENCE.exists() else b"")
    return h.hexdigest()


class DataIndex:
    """Per-dataset hashes for dependency tracking, each CSV read at most once.

    A notebook depends on the datasets it loaded in its last run (recorded by
    :func:`analysis.sources.datasets.load`). A province chapter depends on its own rows in full and
    on the *numeric* columns of every province's rows (national ratios, ranks, totals),
    but not on other provinces' text (names, labels): so correcting a cluster name in
    one province re-executes that province's chapter only, while changing a number
    re-executes every chapter that ranks or totals it.
    """

    def __init__(self):
        import csv as _csv

        self._csv = _csv
        self._rows: dict[str, tuple[list[str], list[list[str]], bytes]] = {}
        from analysis.sources.datasets import catalog
        self.catalog = catalog()

    def _read(self, name: str):
        if name not in self._rows:
            ds = self.catalog.get(name)
            if ds is None or not ds.path.exists():
                self._rows[name] = ([], [], b"missing")
            else:
                raw = ds.path.read_bytes()
                rows = list(self._csv.reader(raw.decode("utf-8").splitlines()))
                self._rows[name] = (rows[0] if rows else [], rows[1:], raw)
        return self._rows[name]

    def file_hash(self, name: str) -> str:
        return _sha(self._read(name)[2])

    def province_hash(self, name: str, key: str) -> str:
        header, rows, raw = self._read(name)
        if "province" not in header:
            return _sha(raw)
        ds = self.catalog[name]
        pi = header.index("province")
        numeric = [i for i, c in enumerate(header) if c in ds.numeric_columns() or c in ("province", "row_kind")]
        h = hashlib.sha256()
        for r in rows:
            if len(r) > pi and r[pi] == key:
                h.update(("own:" + "\x1f".join(r)).encode())
            h.update(("num:" + "\x1f".join(r[i] for i in numeric if i < len(r))).encode())
        return h.hexdigest()


def job_data_hash(job: Job, deps: list[str] | None, index: DataIndex | None) -> str:
    """The data part of a job's fingerprint: all data when its dependencies are unknown."""
    if deps is None or index is None:
        return data_hash()
    key = job.parameters.get("province")
    parts = [base_hash()] + [f"{d}:{index.province_hash(d, key) if key else index.file_hash(d)}" for d in sorted(deps)]
    return _sha("\n".join(parts).encode())


def load_structure(path: Path = STRUCTURE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs(structure: dict | None = None, provinces: list[str] | None = None) -> list[Job]:
    """All notebooks of the book: the chapters listed in ``book/structure.yml`` and one
    province chapter per registry province (or the given ``provinces``)."""
    structure = structure or load_structure()
    out = []
    root = paths.ROOT / structure["root"]
    if root.suffix == ".md" and root.parent == paths.NOTEBOOKS:
        out.append(Job(name=root.stem, source=root, out=f"notebooks/{root.stem}"))
    for part in structure["parts"]:
        for ch in part.get("chapters", []):
            src = paths.ROOT / ch
            if src.suffix == ".md" and src.parent == paths.NOTEBOOKS:
                out.append(Job(name=src.stem, source=src, out=f"notebooks/{src.stem}"))
        if part.get("provinces"):
            chosen = [validate_key(p) for p in provinces] if provinces else None
            for p in registry():
                if chosen is None or p.key in chosen:
                    out.append(Job(name=p.key, source=TEMPLATE, out=f"provinces/{p.slug}",
                                   parameters={"province": p.key}, title=f"{p.key} · {p.fa}"))
    return out


# --------------------------------------------------------------------------------------
# Table of contents
# --------------------------------------------------------------------------------------
def toc(structure: dict | None = None) -> dict:
    """The ``_toc.yml`` content, generated from the structure and the province registry."""
    structure = structure or load_structure()
    parts = []
    for part in structure["parts"]:
        chapters = []
        for ch in part.get("chapters", []):
            p = Path(ch)
            chapters.append({"file": (f"notebooks/{p.stem}" if p.parent.name == "notebooks" else str(p.with_suffix("")))})
        if part.get("provinces"):
            chapters += [{"file": f"provinces/{p.slug}"} for p in registry()]
        parts.append({"caption": part["caption"], "numbered": part.get("numbered", True), "chapters": chapters})
    root = Path(structure["root"])
    return {"format": "jb-book", "root": str(root.with_suffix("")), "parts": parts}


TOC_HEADER = "# Generated by `python -m analysis toc` from book/structure.yml and the province registry. Do not edit.\n"


def write_toc(path: Path = paths.ROOT / "_toc.yml") -> Path:
    text = TOC_HEADER + yaml.safe_dump(toc(), sort_keys=False, allow_unicode=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------
# Execution
# --------------------------------------------------------------------------------------
@dataclass
class Result:
    job: Job
    status: str  # "executed" | "cached" | "failed"
    seconds: float = 0.0
    error: str = ""
    cell: int | None = None
    deps: list[str] | None = None  # datasets the notebook loaded


def _tag_cells(nb) -> None:
    """Readers see outputs, not code: hide code inputs and the parameter cells."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.setdefault("tags", [])
        if "parameters" in tags or "injected-parameters" in tags:
            if "remove-cell" not in tags:
                tags.append("remove-cell")
        elif "show-input" not in tags and "remove-input" not in tags:
            tags.append("remove-input")


def _first_error(nb) -> tuple[int | None, str]:
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                return i, f"{o.get('ename')}: {o.get('evalue')}"
    return None, ""


def execute_one(job: Job, executed_dir: Path, fp: str, timeout: int = 600, kernel: str = KERNEL) -> Result:
    """Execute one job with papermill (runs in a worker process)."""
    import jupytext

    t0 = time.perf_counter()
    executed_dir = Path(executed_dir).resolve()  # the kernel runs in another folder: relative paths would miss
    out = executed_dir / f"{job.out}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nb = jupytext.read(job.source)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    log = executed_dir / f"{job.out}.log"  # kernel chatter goes here, not to the terminal
    loads = executed_dir / f"{job.out}.loads"
    loads.unlink(missing_ok=True)
    from analysis.sources.datasets import LOAD_LOG_ENV
    os.environ[LOAD_LOG_ENV] = str(loads)  # the kernel inherits it; data.load() records each dataset
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    log_fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    for fd in saved:
        os.dup2(log_fd, fd)
    try:
        return _execute(job, executed_dir, fp, timeout, nb, out, t0, kernel)
    finally:
        for fd, copy in saved.items():
            os.dup2(copy, fd)
            os.close(copy)
        os.close(log_fd)


def _execute(job, executed_dir, fp, timeout, nb, out, t0, kernel=KERNEL) -> Result:
    import nbformat
    import papermill as pm

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.ipynb"
        dst = Path(tmp) / "output.ipynb"
        nbformat.write(nb, src)
        try:
            pm.execute_notebook(str(src), str(dst), parameters=job.parameters, kernel_name=kernel,
                                progress_bar=False, log_output=False, cwd=str(out.parent),
                                execution_timeout=timeout, report_mode=False,
                                shutdown_kernel="immediate")  # outputs are in; no graceful wait
        except Exception as err:  # papermill error: the output notebook holds the error cell
            cell, msg = (None, f"{type(err).__name__}: {err}")
            if dst.exists():
                cell, msg2 = _first_error(nbformat.read(dst, as_version=4))
                msg = msg2 or msg
            failed = executed_dir / f"{job.out}.failed.ipynb"
            if dst.exists():
                shutil.copyfile(dst, failed)
            return Result(job, "failed", time.perf_counter() - t0, msg.strip().splitlines()[0][:500] if msg.strip() else "error", cell)
        result = nbformat.read(dst, as_version=4)
    result.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    _tag_cells(result)
    tmp_out = out.with_suffix(".ipynb.tmp")
    nbformat.write(result, tmp_out)
    os.replace(tmp_out, out)
    failed = executed_dir / f"{job.out}.failed.ipynb"
    if failed.exists():
        failed.unlink()
    loads = executed_dir / f"{job.out}.loads"
    deps = sorted(set(loads.read_text(encoding="utf-8").split())) if loads.exists() else []
    loads.unlink(missing_ok=True)
    return Result(job, "executed", time.perf_counter() - t0, deps=deps)


def write_meta(res: Result, executed_dir: Path, code: str, index: DataIndex | None) -> None:
    """Record an executed job's fingerprint, computed from the datasets it actually loaded."""
    fp = fingerprint(res.job, code, job_data_hash(res.job, res.deps, index))
    meta = {"fingerprint": fp, "parameters": res.job.parameters, "datasets": res.deps,
            "seconds": round(res.seconds, 2), "executed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    (executed_dir / f"{res.job.out}.inputs.json").write_text(json.dumps(meta), encoding="utf-8")


def read_meta(job: Job, executed_dir: Path) -> dict:
    meta = executed_dir / f"{job.out}.inputs.json"
    if not (meta.exists() and (executed_dir / f"{job.out}.ipynb").exists()):
        return {}
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except ValueError:
        return {}


def run_jobs(job_list: list[Job], executed_dir: Path | None = None, workers: int | None = None,
             force: bool = False, quiet: bool = False, warm: bool = True,
             index: DataIndex | None = None) -> list[Result]:
    """Execute the jobs whose inputs changed, in parallel; failures are collected, not raised.

    With ``warm`` (default) kernels are forked from a pre-warmed factory process
    (:mod:`analysis.build.warmkernel`); each notebook still runs in its own fresh process.
    """
    from tqdm import tqdm

    executed_dir = executed_dir or paths.BUILD / "executed"
    workers = workers or os.cpu_count() or 1
    code = code_hash()
    index = index or DataIndex()
    results: list[Result] = []
    todo = []
    for job in job_list:
        if not job.source.exists():
            results.append(Result(job, "failed", error=f"notebook source missing: {job.source}"))
            continue
        meta = read_meta(job, executed_dir)
        if not force and meta and meta.get("fingerprint") == fingerprint(job, code, job_data_hash(job, meta.get("datasets"), index)):
            results.append(Result(job, "cached"))
        else:
            todo.append((job, ""))
    if not todo:
        return results
    # the bar on a terminal; in a log (CI) only the one line per notebook below
    bar = tqdm(total=len(todo), desc="notebooks", unit="nb", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)
    kernel, factory, saved_env = KERNEL, None, dict(os.environ)
    if warm:
        from analysis.build import warmkernel
        jupyter_dir = executed_dir.parent / "jupyter"
        kernel = warmkernel.kernelspec(jupyter_dir)
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(jupyter_dir), os.environ.get("JUPYTER_PATH")]))
        sock = str(Path(tempfile.mkdtemp(prefix="book-kernels-")) / "factory.sock")
        try:
            factory = warmkernel.start_factory(sock)
            os.environ[warmkernel.SOCKET_ENV] = sock
        except RuntimeError:
            factory = None  # the client falls back to a plain ipykernel
    try:
        results += _run_pool(todo, executed_dir, workers, kernel, code, index, bar, quiet)
    finally:
        if factory is not None:
            factory.terminate()
            factory.wait()
        os.environ.clear()
        os.environ.update(saved_env)
    bar.close()
    order = {j.name: i for i, j in enumerate(job_list)}
    return sorted(results, key=lambda r: order[r.job.name])


def _run_pool(todo, executed_dir, workers, kernel, code, index, bar, quiet) -> list[Result]:
    from tqdm import tqdm

    results = []
    with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
        futures = {pool.submit(execute_one, job, executed_dir, fp, 600, kernel): job for job, fp in todo}
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                res = fut.result()
            except Exception as err:  # the worker itself died
                res = Result(job, "failed", error=f"{type(err).__name__}: {err}")
            if res.status == "executed":
                write_meta(res, executed_dir, code, index)
            results.append(res)
            bar.set_postfix_str(job.name)
            bar.update()
            mark = "ok " if res.status == "executed" else "FAILED"
            if not quiet:
                tqdm.write(f"  {mark} {job.name:<28} {res.seconds:5.1f} s" + (f"  cell {res.cell}: {res.error}" if res.status == "failed" else ""), file=sys.stderr)
    return results


# --------------------------------------------------------------------------------------
# Staging, Sphinx, PDF, publishing
# --------------------------------------------------------------------------------------
def _copy_if_changed(src: Path, dst: Path) -> bool:
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.read_bytes() == src.read_bytes():
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    return True


FAILED_PAGE = """# {title}

```{{error}}
This chapter failed to build: {error} (cell {cell}).
The executed notebook with the error is kept in `_build/executed/{out}.failed.ipynb`.
```
"""


def stage(results: list[Result], src_dir: Path, executed_dir: Path) -> int:
    """Assemble the Sphinx source tree; returns the number of files changed."""
    changed = 0
    for name in ("_config.yml", "_toc.yml"):
        changed += _copy_if_changed(paths.ROOT / name, src_dir / name)
    for f in paths.BOOK.rglob("*"):
        if f.is_file() and f.name != "structure.yml":
            changed += _copy_if_changed(f, src_dir / "book" / f.relative_to(paths.BOOK))
    fonts = paths.FONTS / "woff2"
    for f in sorted(fonts.glob("Vazirmatn-*.woff2")):
        changed += _copy_if_changed(f, src_dir / "book" / "_static" / "fonts" / f.name)
    for f in executed_dir.rglob("*"):
        if f.is_file() and not f.name.endswith((".inputs.json", ".failed.ipynb", ".tmp", ".log")):
            changed += _copy_if_changed(f, src_dir / f.relative_to(executed_dir))
    for r in results:
        if r.status == "failed":
            page = src_dir / f"{r.job.out}.md"
            text = FAILED_PAGE.format(title=r.job.title or r.job.name, error=r.error.replace("`", "'"), cell=r.cell, out=r.job.out)
            nb = src_dir / f"{r.job.out}.ipynb"
            if nb.exists():
                nb.unlink()
            if not page.exists() or page.read_text(encoding="utf-8") != text:
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(text, encoding="utf-8")
                changed += 1
        else:
            stale = src_dir / f"{r.job.out}.md"
            if stale.exists():
                stale.unlink()
                changed += 1
    return changed


def jupyter_book(src_dir: Path, out_dir: Path, builder: str = "html", quiet: bool = False) -> Path:
    """Run ``jupyter-book build``; returns the output folder; raises BuildError on failure."""
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(src_dir), "--path-output", str(out_dir), "--builder", builder]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    log = out_dir / f"{builder}.log"
    out_dir.mkdir(parents=True, exist_ok=True)
    log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    built = out_dir / "_build" / builder
    if proc.returncode != 0 or not (built / "index.html").exists():
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise BuildError(f"jupyter-book {builder} build failed (log: {log}):\n{tail}")
    warnings = [l for l in (proc.stdout + proc.stderr).splitlines() if "WARNING" in l]
    if warnings and not quiet:
        print(f"  {len(warnings)} Sphinx warning(s); see {log}", file=sys.stderr)
    return built


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                  "--virtual-time-budget=20000"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    raise BuildError("headless Chromium not found: run scripts/setup.sh (installs Debian's chromium)")


def print_pdf(html: Path, pdf: Path, timeout: int = 300) -> Path:
    """Print an HTML file to PDF with headless Chromium (offline flags, fresh profile)."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    tmp_pdf = pdf.with_suffix(".pdf.tmp")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp_pdf}", html.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or not tmp_pdf.exists() or tmp_pdf.stat().st_size < 1000:
        raise BuildError(f"Chromium could not print {html} to PDF (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    os.replace(tmp_pdf, pdf)
    return pdf


def publish_site(site: Path, link: Path) -> None:
    """Point ``link`` (``_build/html``) at ``site`` atomically, then remove older sites."""
    tmp = link.with_name(link.name + ".new")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(site, link.parent))
    if link.exists() and not link.is_symlink():  # a real folder from an older layout
        shutil.rmtree(link)
    os.replace(tmp, link)
    for old in site.parent.iterdir():
        if old != site and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def validate_changed(stamp: Path, index: DataIndex | None = None) -> int:
    """Validate the datasets whose file (or the catalogue) changed since the last
    successful validation recorded in ``stamp``; returns how many were validated."""
    from analysis.sources.datasets import DataError, catalog, validate_all

    index = index or DataIndex()
    seen = json.loads(stamp.read_text()) if stamp.exists() else {}
    now = {"catalogue": base_hash(), **{n: index.file_hash(n) for n in catalog()}}
    changed = [n for n in catalog() if now["catalogue"] != seen.get("catalogue") or seen.get(n) != now[n]]
    try:
        n = validate_all(changed)
    except (DataError, FileNotFoundError) as err:
        raise BuildError(f"data check failed, nothing built: {err}") from None
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(now))
    return n


def book_fingerprint(src_dir: Path) -> str:
    return tree_hash(src_dir, ("**/*",))


@dataclass
class BuildReport:
    results: list[Result]
    html: Path | None = None
    pdf: Path | None = None
    skipped_sphinx: bool = False
    timings: dict = field(default_factory=dict)

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.status == "failed"]


def build(provinces: list[str] | None = None, workers: int | None = None, pdf: bool = True,
          force: bool = False, build_dir: Path | None = None, quiet: bool = False,
          publish_partial: bool = False) -> BuildReport:
    """Build the book: execute notebooks, Sphinx HTML, single-page HTML, PDF, publish.

    ``provinces`` limits the province chapters executed (the others keep their last
    executed version). If a notebook fails, the book is still built beside the published
    one (``_build/failed-site``) with the failed chapter marked, and nothing is published
    unless ``publish_partial``.
    """
    build_dir = build_dir or paths.BUILD
    executed = build_dir / "executed"
    work = build_dir / "work"
    src_dir = work / "src"
    timings: dict[str, float] = {}
    t = time.perf_counter()
    write_toc()
    from analysis.sources.datasets import VALIDATED_ENV
    current = data_hash()
    index = DataIndex()  # each CSV read once for the validation stamp and the job fingerprints
    validate_changed(build_dir / "work" / "validated-data.json", index)
    os.environ[VALIDATED_ENV] = current  # notebooks (kernels inherit it) skip re-validating
    timings["validate"] = time.perf_counter() - t
    t = time.perf_counter()
    all_jobs = jobs()
    chosen = jobs(provinces=provinces) if provinces else all_jobs
    chosen_names = {j.name for j in chosen}
    results = run_jobs([j for j in all_jobs if j.name in chosen_names], executed, workers, force, quiet, index=index)
    # jobs not chosen this time keep their last execution
    for j in all_jobs:
        if j.name not in chosen_names:
            status = "cached" if (executed / f"{j.out}.ipynb").exists() else "failed"
            results.append(Result(j, status, error="" if status == "cached" else "never executed (run a full build)"))
    timings["notebooks"] = time.perf_counter() - t
    report = BuildReport(results, timings=timings)

    t = time.perf_counter()
    stage(report.results, src_dir, executed)
    fp = book_fingerprint(src_dir)
    stamp_file = work / "published.json"
    published = json.loads(stamp_file.read_text()) if stamp_file.exists() else {}
    link = build_dir / "html"
    pdf_out = build_dir / "pdf" / "book.pdf"
    if (not force and published.get("fingerprint") == fp and published.get("pdf", False) >= pdf
            and link.exists() and (not pdf or pdf_out.exists()) and not report.failed):
        report.skipped_sphinx, report.html = True, link
        report.pdf = pdf_out if pdf else None
        timings["html"] = time.perf_counter() - t
        return report
    html = jupyter_book(src_dir, work / "html", "html", quiet)
    timings["html"] = time.perf_counter() - t
    pdf_file = None
    if pdf:
        t = time.perf_counter()
        single = jupyter_book(src_dir, work / "single", "singlehtml", quiet)
        # The single page is written as <root>.html (index.html only redirects to it) but its
        # links to _static/ and _images/ are relative to the output folder: print it from there.
        root_page = single / f"{toc()['root']}.html"
        printable = single / "book-print.html"
        shutil.copyfile(root_page if root_page.exists() else single / "index.html", printable)
        pdf_file = print_pdf(printable, work / "book.pdf")
        timings["pdf"] = time.perf_counter() - t
    if report.failed and not publish_partial:
        target = build_dir / "failed-site"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(html, target)
        names = ", ".join(r.job.name for r in report.failed)
        raise BuildError(f"{len(report.failed)} notebook(s) failed: {names}. The book with these chapters "
                         f"marked as failed is in {target}; the published book in {link} is unchanged.")
    sites = build_dir / "sites"
    site = sites / (time.strftime("%Y%m%d-%H%M%S-") + str(os.getpid()))
    site.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(html, site)
    if pdf_file:
        shutil.copy2(pdf_file, site / "book.pdf")
    publish_site(site, link)
    if pdf_file:
        pdf_out.parent.mkdir(parents=True, exist_ok=True)
        tmp = pdf_out.with_suffix(".pdf.tmp")
        shutil.copy2(pdf_file, tmp)
        os.replace(tmp, pdf_out)
    stamp_file.write_text(json.dumps({"fingerprint": fp, "pdf": bool(pdf_file), "time": time.time()}))
    report.html, report.pdf = link, (pdf_out if pdf_file else None)
    return report
