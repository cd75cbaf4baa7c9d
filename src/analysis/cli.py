"""Command line: ``python -m analysis <command>`` (see ``--help``)."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("extract", help="re-transcribe data/processed/*.csv from the seed files")
    p.add_argument("names", nargs="*", help="extractor names (default: all)")
    cd = sub.add_parser("check-data", help="validate every dataset and check provenance")
    cd.add_argument("--debug", action="store_true", help="print a traceback with each problem")
    rn = sub.add_parser("run-notebook", help="execute one notebook (MyST .md) into a folder and report errors")
    rn.add_argument("notebook", help="e.g. notebooks/02_national.md")
    rn.add_argument("--out", default="/tmp/analysis-run", help="output folder (default /tmp/analysis-run)")
    rn.add_argument("-p", "--param", action="append", default=[], help="parameter as name=value, e.g. province=Khuzestan")
    sub.add_parser("toc", help="write _toc.yml from book/structure.yml and the province registry")
    sub.add_parser("audit", help="print the audit of the sources' arithmetic (discrepancies first)")
    b = sub.add_parser("build", help="execute notebooks (cached, parallel) and build the HTML book and PDF")
    b.add_argument("--province", action="append", help="only (re)execute this province's chapter (repeatable); English key")
    b.add_argument("--workers", type=int, default=None, help="parallel notebook workers (default: number of cores)")
    b.add_argument("--no-pdf", action="store_true", help="HTML only")
    b.add_argument("--force", action="store_true", help="re-execute every notebook and rebuild")
    b.add_argument("--publish-partial", action="store_true", help="publish even if some chapters failed (marked as failed)")
    args = parser.parse_args(argv)
    if args.cmd == "extract":
        from analysis.sources import extract
        for f in extract.run(args.names or None):
            print("wrote data/processed/" + f)
        return 0
    if args.cmd == "check-data":
        from analysis.sources import checks
        return checks.run(debug=args.debug)
    if args.cmd == "run-notebook":
        from pathlib import Path

        from analysis.build.runner import Job, execute_one
        src = Path(args.notebook).resolve()
        params = dict(p.split("=", 1) for p in args.param)
        res = execute_one(Job(src.stem, src, src.stem, params), Path(args.out), "manual")
        where = Path(args.out) / f"{src.stem}.ipynb"
        if res.status == "failed":
            print(f"FAILED in cell {res.cell}: {res.error}\n(see {Path(args.out) / (src.stem + '.failed.ipynb')})", file=sys.stderr)
            return 1
        print(f"ok in {res.seconds:.1f} s: {where}")
        return 0
    if args.cmd == "toc":
        from analysis.build.runner import write_toc
        print(f"wrote {write_toc()}")
        return 0
    if args.cmd == "audit":
        import pandas as pd

        from analysis.sources import audit
        df = audit.run()
        order = {v: i for i, v in enumerate(["discrepancy", "unit", "capped", "rounding", "note", "ok"])}
        df = df.sort_values("verdict", key=lambda s: s.map(order))
        with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 60):
            print(df.to_string(index=False))
        print(df.verdict.value_counts().to_string())
        return 0
    if args.cmd == "build":
        import time

        from analysis.build.runner import BuildError, build
        from analysis.core.provinces import UnknownProvinceError
        t0 = time.perf_counter()
        try:
            report = build(provinces=args.province, workers=args.workers, pdf=not args.no_pdf,
                           force=args.force, publish_partial=args.publish_partial)
        except UnknownProvinceError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        except BuildError as err:
            print(f"build failed: {err}", file=sys.stderr)
            return 1
        counts = {s: sum(r.status == s for r in report.results) for s in ("executed", "cached", "failed")}
        print(f"notebooks: {counts['executed']} executed, {counts['cached']} unchanged, {counts['failed']} failed")
        for r in report.failed:
            print(f"  FAILED {r.job.name}: cell {r.cell}: {r.error}", file=sys.stderr)
        if report.skipped_sphinx:
            print("book unchanged: nothing to rebuild")
        print(f"HTML: {report.html}/index.html" + (f"\nPDF:  {report.pdf}" if report.pdf else ""))
        print(f"total {time.perf_counter() - t0:.1f} s (" + ", ".join(f"{k} {v:.1f} s" for k, v in report.timings.items()) + ")")
        return 1 if report.failed else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
