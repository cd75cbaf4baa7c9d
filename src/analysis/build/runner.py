"""The build, step by step: :func:`build` and its :class:`BuildReport`.

1. take the build lock (:class:`analysis.build.publish.BuildLock`); SIGTERM, SIGINT and SIGHUP
   become :class:`BuildInterrupted`, so every temporary file, socket and process of the
   build is cleaned up on the way out
2. write ``_toc.yml`` (:mod:`analysis.build.jobs`); validate the datasets that changed
   (:func:`analysis.build.cache.validate_changed`); meanwhile the kernel factory
   (:mod:`analysis.build.warmkernel`) imports its modules
3. execute the notebooks whose inputs changed (:mod:`analysis.build.execute`)
4. stage the Sphinx source tree and render HTML (:mod:`analysis.build.render`); with
   ``strict`` any Sphinx warning fails the build; print the book's PDF and one PDF per
   province from the HTML (:mod:`analysis.build.printbook`)
5. publish (:mod:`analysis.build.publish`) only if everything succeeded and no page says a
   chapter failed, then tidy up

Layout of the build folder (``_build/``, git-ignored):

``executed/``      executed notebooks, their cache records (``*.inputs.json``) and kernel logs
``work/src/``      the Sphinx source tree; ``work/html`` Jupyter Book output
``work/pdf/``      the PDFs of the last build and what each was printed from (``*.sha256``)
``sites/<stamp>/`` complete sites; ``html`` is a symlink to the published one
``pdf/book.pdf``   the published PDF (the site also has it, and ``provinces/<slug>.pdf``)
``failed-site/``   the book of the last failed build, with the failed chapters marked
``.build.lock``    held by the running build
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from analysis.build import cache, editions, printbook, publish, render
from analysis.build.execute import EDITIONS, Kernels, Result, run_jobs
from analysis.build.jobs import Book, BuildError, Job, jobs, load_structure, toc, write_toc
from analysis.core import paths

# build() and its report; the rest is re-exported for callers of the former one-module runner
__all__ = ["BuildError", "BuildInterrupted", "BuildReport", "build", "Book", "Job", "jobs", "load_structure", "toc", "write_toc"]


class BuildInterrupted(BuildError):
    """The build received SIGTERM, SIGINT or SIGHUP; it cleaned up and published nothing."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"interrupted by {signal.Signals(signum).name}; cleaned up, the published book is unchanged")


@contextmanager
def signals_raise():
    """Within the block, SIGTERM/SIGINT/SIGHUP raise :class:`BuildInterrupted` (so ``finally``
    clauses and context managers clean up); the previous handlers are restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, _frame):
        raise BuildInterrupted(signum)

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


@dataclass
class BuildReport:
    results: list[Result]
    html: Path | None = None
    pdf: Path | None = None
    skipped_sphinx: bool = False
    warnings: list[str] = field(default_factory=list)  # Sphinx warnings (HTML and single-page builds)
    timings: dict = field(default_factory=dict)

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.status == "failed"]

    def counts(self) -> dict[str, int]:
        return {s: sum(r.status == s for r in self.results) for s in ("executed", "cached", "failed")}


def build(book: Book | None = None, only: dict[str, list[str]] | None = None, workers: int | None = None,
          pdf: bool = True, force: bool = False, build_dir: Path | None = None, quiet: bool = False,
          publish_partial: bool = False, strict: bool = False, warm: bool = True,
          kernels: Kernels | None = None, lock_wait: float = 0.0) -> BuildReport:
    """Build the book: execute notebooks, Sphinx HTML, single-page HTML, PDF, publish.

    ``only`` limits a parameterised part to some values (``{"province": ["Ilam"]}``); the
    other chapters keep their last execution. If a notebook fails, the book is still built
    beside the published one (``failed-site``) with the failed chapter marked, and nothing is
    published unless ``publish_partial``. ``strict`` turns Sphinx warnings into a failure.
    ``lock_wait``: seconds to wait for another build running in the same folder.
    """
    book = book or Book.default()
    build_dir = Path(build_dir or paths.BUILD)
    with publish.BuildLock(build_dir, lock_wait, quiet), signals_raise():
        return _build(book, only, workers, pdf, force, build_dir, quiet, publish_partial, strict, warm, kernels)


def _build(book, only, workers, pdf, force, build_dir, quiet, publish_partial, strict, warm, kernels) -> BuildReport:
    executed = build_dir / "executed"
    work = build_dir / "work"
    timings: dict[str, float] = {}

    t = time.perf_counter()
    # the kernel factory starts first: its imports run beside the validation; it is told the
    # validated data version, and waited for, only if a notebook is to run; it ends with the notebooks
    with ExitStack() as stack:
        kernels = kernels or stack.enter_context(Kernels(warm, wait=False))
        write_toc(book)
        from analysis.sources.datasets import DataError
        try:  # a catalogue that does not read (e.g. a unit outside its vocabulary) is a one-line data error
            index = cache.DataIndex()  # each CSV read once for the validation stamp and the job fingerprints
        except DataError as err:
            raise BuildError(f"data check failed, nothing built: {err}") from None
        cache.validate_changed(work / "validated-data.json", index)
        validated = cache.data_hash()  # notebooks are told (hook cell) that this data version is valid
        timings["validate"] = time.perf_counter() - t

        t = time.perf_counter()
        all_jobs = jobs(book)
        chosen = {j.name for j in jobs(book, only)} if only else {j.name for j in all_jobs}
        results = run_jobs([j for j in all_jobs if j.name in chosen], executed, workers, force, quiet, warm,
                           index, validated, kernels)
    for j in all_jobs:  # jobs not chosen this time keep their last execution
        if j.name not in chosen:
            ok = (executed / f"{j.out}.ipynb").exists()
            results.append(Result(j, "cached" if ok else "failed", error="" if ok else "never executed (run a full build)"))
    order = {j.name: i for i, j in enumerate(all_jobs)}
    results.sort(key=lambda r: order[r.job.name])
    timings["notebooks"] = time.perf_counter() - t
    report = BuildReport(results, timings=timings)

    t = time.perf_counter()
    srcs = {lang: editions.work_dir(work, "src", lang) for lang in EDITIONS}
    for lang in EDITIONS:
        render.stage(book, results, srcs[lang], executed, lang)
    fingerprint = "+".join(cache.tree_hash(srcs[lang], ("**/*",)) for lang in EDITIONS)
    stamp_file = work / "published.json"
    published = json.loads(stamp_file.read_text()) if stamp_file.exists() else {}
    link = build_dir / "html"
    pdf_out = build_dir / "pdf" / "book.pdf"
    if (not force and not report.failed and published.get("fingerprint") == fingerprint and not published.get("partial")
            and published.get("pdf", False) >= pdf and link.exists() and (not pdf or pdf_out.exists())
            and not publish.failed_pages(link)):
        report.skipped_sphinx, report.html = True, link
        report.pdf = pdf_out if pdf else None
        report.warnings = published.get("warnings", [])
        if strict and report.warnings:
            raise BuildError(_warning_message(report.warnings, work / "html" / "html.log"))
        timings["html"] = time.perf_counter() - t
        return report

    epoch = render.source_date_epoch(book.root)
    htmls: dict[str, Path] = {}
    # the editions' Sphinx builds are separate processes: side by side, one core each
    pool = ThreadPoolExecutor(len(EDITIONS))
    try:
        built = {lang: pool.submit(render.jupyter_book, srcs[lang], editions.work_dir(work, "html", lang),
                                   "html", quiet, fresh=force, epoch=epoch) for lang in EDITIONS}
        results = {lang: built[lang].result() for lang in EDITIONS}  # a failed build raises its BuildError here
    except BaseException:  # a failure or a signal: the other edition's Sphinx is not left running
        render.stop_running()
        raise
    finally:
        pool.shutdown(wait=True)
    for lang in EDITIONS:
        htmls[lang], warnings = results[lang]
        report.warnings += warnings if lang == "en" else [f"[{lang}] {w}" for w in warnings]
        editions.localise_pages(htmls[lang], lang)  # Sphinx's numbers in the edition's digits; the theme's words
        editions.localise_search(htmls[lang], lang)  # the search page's summary (empty in Sphinx's Persian)
    html = htmls["en"]
    timings["html"] = time.perf_counter() - t
    if report.failed and not publish_partial:  # no PDF for a book that will not be published
        target = build_dir / "failed-site"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(html, target)
        shutil.copytree(htmls["fa"], target / editions.FOLDER["fa"])
        names = ", ".join(r.job.name for r in report.failed)
        also = f" Sphinx also warned {len(report.warnings)} time(s): {report.warnings[0]}" if report.warnings else ""
        raise BuildError(f"{len(report.failed)} notebook(s) failed: {names}. The book with these chapters "
                         f"marked as failed is in {target}; the published book in {link} is unchanged.{also}")
    if strict and report.warnings:
        raise BuildError(_warning_message(report.warnings, work / "html" / "html.log"))
    printed: dict[str, list[printbook.Printed]] = {lang: [] for lang in EDITIONS}
    pdf_dirs = {lang: editions.work_dir(work, "pdf", lang) for lang in EDITIONS}
    if pdf:
        t = time.perf_counter()
        printed = printbook.make_editions(htmls, book, epoch, pdf_dirs, quiet=quiet)
        timings["pdf"] = time.perf_counter() - t

    site = build_dir / "sites" / (time.strftime("%Y%m%d-%H%M%S-") + str(os.getpid()))
    shutil.rmtree(site, ignore_errors=True)
    site.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(html, site)
    shutil.copytree(htmls["fa"], site / editions.FOLDER["fa"])
    render.prune(site, exclude=(editions.FOLDER["fa"],))
    render.prune(site / editions.FOLDER["fa"])
    if not report.failed:  # the last gate: a successful build never publishes a failure page
        bad = publish.failed_pages(site)
        if bad:
            shutil.rmtree(site, ignore_errors=True)
            raise BuildError(f"refusing to publish: {len(bad)} page(s) say a chapter failed although every notebook "
                             f"succeeded: {', '.join(bad[:5])}. The published book in {link} is unchanged.")
    for lang in EDITIONS:
        root = site / editions.FOLDER[lang]
        for p in printed[lang]:  # book.pdf at the edition's root, provinces/<slug>.pdf beside each chapter
            target = root / p.path.relative_to(pdf_dirs[lang])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p.path, target)
        if printed[lang]:
            printbook.link_pdfs(root, book, printed[lang], pdf_dirs[lang], lang)
    editions.link_twins(site, site / editions.FOLDER["fa"])
    editions.write_chooser(site, toc(book)["root"])
    publish.publish_site(site, link)
    if printed["en"]:
        publish.publish_file(printed["en"][0].path, pdf_out)
        publish.publish_file(printed["fa"][0].path, pdf_out.with_name("book-fa.pdf"))
    stamp_file.write_text(json.dumps({"fingerprint": fingerprint, "pdf": bool(printed["en"]), "partial": bool(report.failed),
                                      "warnings": report.warnings}))
    publish.tidy(build_dir, executed, {r.job.out for r in report.failed})
    report.html, report.pdf = link, (pdf_out if printed["en"] else None)
    return report


def _warning_message(warnings: list[str], log: Path) -> str:
    shown = "\n".join(f"  {w}" for w in warnings[:10])
    more = f"\n  ... and {len(warnings) - 10} more" if len(warnings) > 10 else ""
    return f"{len(warnings)} Sphinx warning(s) and --strict: nothing published (log: {log}):\n{shown}{more}"
