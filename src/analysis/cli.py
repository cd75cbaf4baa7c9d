"""Command line: ``python -m analysis <command>`` (see ``--help``).

One function per command (``cmd_<name>(args) -> exit code``); :func:`main` only wires them to
argparse.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_extract(args) -> int:
    from analysis.sources import extract
    for f in extract.run(args.names or None):
        print("wrote data/processed/" + f)
    return 0


def cmd_check_data(args) -> int:
    from analysis.sources import checks
    return checks.run(debug=args.debug)


def cmd_datapackage(args) -> int:
    from analysis.tools import datapackage
    return datapackage.run(args)


def cmd_run_notebook(args) -> int:
    from analysis.build.execute import execute_one
    from analysis.build.jobs import Job
    src = Path(args.notebook).resolve()
    bad = [p for p in args.param if "=" not in p]
    if bad:
        print(f"error: parameter {bad[0]!r} must read name=value, e.g. province=Khuzestan", file=sys.stderr)
        return 2
    params = dict(p.split("=", 1) for p in args.param)
    out = Path(args.out)
    res = execute_one(Job(src.stem, src, src.stem, params), out)
    if res.status == "failed":
        print(f"FAILED in cell {res.cell}: {res.error}\n(see {out / (src.stem + '.failed.ipynb')})", file=sys.stderr)
        return 1
    print(f"ok in {res.seconds:.1f} s: {out / (src.stem + '.ipynb')}")
    return 0


def cmd_toc(args) -> int:
    from analysis.build.jobs import write_toc
    print(f"wrote {write_toc()}")
    return 0


def cmd_audit(args) -> int:
    import pandas as pd

    from analysis.sources import audit
    df = audit.run()
    order = {v: i for i, v in enumerate(["discrepancy", "unit", "capped", "rounding", "note", "ok"])}
    df = df.sort_values("verdict", key=lambda s: s.map(order))
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 60):
        print(df.to_string(index=False))
    print(df.verdict.value_counts().to_string())
    return 0


def cmd_build(args) -> int:
    import time

    from analysis.build.runner import BuildError, BuildInterrupted, build
    from analysis.core.provinces import UnknownProvinceError
    t0 = time.perf_counter()
    try:
        report = build(only={"province": args.province} if args.province else None, workers=args.workers,
                       pdf=not args.no_pdf, force=args.force, build_dir=args.build_dir,
                       publish_partial=args.publish_partial, strict=args.strict, warm=not args.cold_kernels,
                       lock_wait=args.wait)
    except UnknownProvinceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BuildInterrupted as err:
        print(f"build stopped: {err}", file=sys.stderr)
        return 128 + err.signum
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 1
    counts = report.counts()
    print(f"notebooks: {counts['executed']} executed, {counts['cached']} unchanged, {counts['failed']} failed")
    for r in report.failed:
        print(f"  FAILED {r.job.name}: cell {r.cell}: {r.error}", file=sys.stderr)
    if report.skipped_sphinx:
        print("book unchanged: nothing to rebuild")
    if report.warnings:
        print(f"{len(report.warnings)} Sphinx warning(s); the first: {report.warnings[0]}", file=sys.stderr)
    print(f"HTML: {report.html}/index.html" + (f"\nPDF:  {report.pdf}" if report.pdf else ""))
    print(f"total {time.perf_counter() - t0:.1f} s (" + ", ".join(f"{k} {v:.1f} s" for k, v in report.timings.items()) + ")")
    return 1 if report.failed else 0


def cmd_check_pdf(args) -> int:
    from analysis.build import pdfcheck
    try:
        chapters = pdfcheck.toc_chapters(args.html) if args.chapters_from_toc else None
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    bad = 0
    for f in args.files:
        problems = pdfcheck.check_pdf(f, chapters=chapters)
        print(*problems, sep="\n") if problems else None
        print(pdfcheck.summary(f, site=args.site) + (f"; {len(problems)} problem(s)" if problems else "; ok"))
        bad += bool(problems)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="re-transcribe data/processed/*.csv from the seed files")
    p.add_argument("names", nargs="*", help="extractor names (default: all)")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("check-data", help="validate every dataset and check provenance")
    p.add_argument("--debug", action="store_true", help="print a traceback with each problem")
    p.set_defaults(func=cmd_check_data)
    from analysis.tools import datapackage
    datapackage.add_parser(sub).set_defaults(func=cmd_datapackage)
    p = sub.add_parser("run-notebook", help="execute one notebook (MyST .md) into a folder and report errors")
    p.add_argument("notebook", help="e.g. notebooks/02_national.md")
    p.add_argument("--out", default="/tmp/analysis-run", help="output folder (default /tmp/analysis-run)")
    p.add_argument("-p", "--param", action="append", default=[], help="parameter as name=value, e.g. province=Khuzestan")
    p.set_defaults(func=cmd_run_notebook)
    p = sub.add_parser("toc", help="write _toc.yml from book/structure.yml and the province registry")
    p.set_defaults(func=cmd_toc)
    p = sub.add_parser("audit", help="print the audit of the sources' arithmetic (discrepancies first)")
    p.set_defaults(func=cmd_audit)
    p = sub.add_parser("build", help="execute notebooks (cached, parallel) and build the HTML book and PDF")
    p.add_argument("--province", action="append", help="only (re)execute this province's chapter (repeatable); English key")
    p.add_argument("--workers", type=int, default=None, help="parallel notebook workers (default: number of cores)")
    p.add_argument("--no-pdf", action="store_true", help="HTML only")
    p.add_argument("--force", action="store_true", help="re-execute every notebook and rebuild the HTML from scratch")
    p.add_argument("--publish-partial", action="store_true", help="publish even if some chapters failed (marked as failed)")
    p.add_argument("--strict", action="store_true", help="fail (publish nothing) on any Sphinx warning")
    p.add_argument("--build-dir", type=Path, default=None, help="build folder (default: _build in the repository)")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="if another build is running in the same build folder, wait this long for it (default: 0, stop at once)")
    p.add_argument("--cold-kernels", action="store_true", help="plain ipykernels instead of kernels forked from a pre-warmed factory")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("check-pdf", help="check printed PDFs: outline, page numbers, blank pages, A4, links, chapter starts")
    p.add_argument("files", nargs="+", help="PDF files")
    p.add_argument("--chapters-from-toc", action="store_true",
                   help="for the whole book: every chapter of _toc.yml (titles read from the built HTML) is in the outline and starts at a page's top")
    p.add_argument("--html", type=Path, default=None, help="built HTML for --chapters-from-toc (default: _build/html)")
    p.add_argument("--site", default=None, help="the published site's base URL, to count links to it apart")
    p.set_defaults(func=cmd_check_pdf)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
