"""Benchmark the book build on this machine; prints its figures (no timed tests).

Works on a copy of the repository in a temporary folder (the real _build is untouched):

1. clean build of both editions (every notebook, both Sphinx HTML sites, both books' PDFs and
   the 62 province PDFs), with peak memory of the whole process tree
2. no-op rebuild (nothing executed, rendered or printed again)
3. the PDFs alone: both editions' books and province cards assembled and printed afresh from
   the built sites, in one browser (as the build does)
4. rebuild after changing one province's data: (a) a text cell (a cluster's English name in
   Khuzestan: only that chapter and the chapters that loaded the dataset re-execute), HTML only
   and then with the PDFs, and (b) a number (Khuzestan's water actual: every chapter that
   totals or ranks it re-executes)
5. the naive way (``--skip-naive`` skips it): papermill run serially over the same notebooks,
   once per edition, one after another

Usage: .venv/bin/python benchmarks/benchmark.py [--kernels warm|cold|both] [--unscoped] [--repeat N] [--skip-naive]

``--kernels both`` compares kernels forked from the pre-warmed factory with plain ipykernels;
``--unscoped`` adds a run whose copy hashes whole data files instead of each province's rows
(what per-province dependency tracking saves on the one-province edits).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def _pss(proc: psutil.Process) -> int:
    """PSS in bytes from /proc/<pid>/smaps_rollup (cheap: the kernel sums it), else RSS."""
    try:
        with open(f"/proc/{proc.pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return proc.memory_info().rss
    except psutil.Error:
        return 0


def run(cmd, env, cwd) -> tuple[float, float, str]:
    """Run a command; return (seconds, peak memory of its process tree in MiB, output).

    Memory is the sum of PSS (proportional set size: shared pages divided among the
    processes sharing them, read from /proc/<pid>/smaps_rollup), sampled every 0.25 s; plain RSS would count the pages that
    Chromium's processes, or the forked kernels, share with each other several times.
    """
    peak = 0.0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample():
        nonlocal peak
        p = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                procs = [p, *p.children(recursive=True)]
                total = sum(_pss(q) for q in procs)
                peak = max(peak, total / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.25)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = proc.communicate()
    done.set()
    th.join()
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        print(out[-3000:])
        raise SystemExit(f"command failed: {' '.join(map(str, cmd))}")
    return secs, peak, out


def edit_csv(path: Path, province: str, column: str, new: str) -> None:
    import csv
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    i, c = rows[0].index("province"), rows[0].index(column)
    row = next(r for r in rows[1:] if r[i] == province)
    row[c] = new
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def line(name: str, secs: float, peak: float | None = None, note: str = "") -> None:
    mem = f"{peak:7.0f} MiB" if peak is not None else " " * 11
    print(f"  {name:<46} {secs:7.1f} s  {mem}  {note}", flush=True)


def speed_probe() -> float:
    """A fixed pure-Python loop: this machine's speed varies (shared hosts), this makes runs comparable."""
    t0 = time.perf_counter()
    acc = 0
    for i in range(10**7):
        acc += i
    return time.perf_counter() - t0


UNSCOPED = ("    key = job.province\n", "    key = None  # benchmark variant: no per-province scoping\n")


# Assemble and print both editions' PDFs (the books and the 31 province cards of each) from a
# built site, into fresh output folders (so everything is printed), in one browser as the build does
PDF_ALONE = """
import sys, time
from pathlib import Path
from analysis.build import editions, printbook as pb, render
from analysis.build.jobs import Book
book, work, out = Book.default(), Path(sys.argv[1]), Path(sys.argv[2])
sites = {lang: editions.work_dir(work, "html", lang) / "_build" / "html" for lang in editions.EDITIONS}
printed = pb.make_editions(sites, book, render.source_date_epoch(book.root), {lang: out / lang for lang in sites})
print(f"pdf: {sum(len(p) for p in printed.values())} file(s), {sum(x.pages for p in printed.values() for x in p)} pages")
"""

# The naive way, for the ratio: papermill over the same notebooks one after another, once per
# edition (a first cell sets the edition's language), plain kernels, no cache, no Sphinx
NAIVE = """
import sys, jupytext, nbformat, papermill as pm
from pathlib import Path
from analysis.build.jobs import jobs
out = Path(sys.argv[1]); out.mkdir(exist_ok=True)
for lang in ("en", "fa"):
    for j in jobs():
        nb = jupytext.read(j.source)
        nb.cells.insert(0, nbformat.v4.new_code_cell(f"from analysis.core.text import use_language; use_language({lang!r})"))
        src = out / f"{j.name}.{lang}.in.ipynb"; nbformat.write(nb, src)
        pm.execute_notebook(str(src), str(out / f"{j.name}.{lang}.ipynb"), parameters=j.parameters,
                            kernel_name="python3", progress_bar=False, cwd=str(out))
"""


def sequence(py: str, kernels: str, naive: bool, unscoped: bool) -> dict[str, tuple[float, float, str]]:
    """One run of the benchmark steps on a fresh copy of the repository; returns
    {step: (seconds, peak MiB, note)}."""
    out: dict[str, tuple[float, float, str]] = {}
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__"))
        if unscoped:  # measure what per-province row hashing saves: the copy hashes whole files
            cache_py = repo / "src/analysis/build/cache.py"
            text = cache_py.read_text(encoding="utf-8")
            assert UNSCOPED[0] in text
            cache_py.write_text(text.replace(*UNSCOPED), encoding="utf-8")
        env = dict(os.environ, ANALYSIS_ROOT=str(repo), ANALYSIS_SHARED=str(ROOT.parent / "shared"),
                   PYTHONPATH=str(repo / "src"))
        build = [py, "-m", "analysis", "build"] + (["--cold-kernels"] if kernels == "cold" else [])

        def step(name, cmd):
            s, m, o = run(cmd, env, repo)
            note = next((ln for ln in o.splitlines() if ln.startswith(("notebooks:", "pdf:"))), "")
            out[name] = (s, m, note)
            line(name, s, m, note)

        step("clean build, both editions, HTML and all PDFs", build)
        step("no-op rebuild", build)
        step("PDF alone: 2 books + 62 province cards", [py, "-c", PDF_ALONE, str(repo / "_build" / "work"), tmp + "/pdf"])
        edit_csv(repo / "data/processed/002_t30_32_cluster_project_names.csv", "Khuzestan", "cluster_en", "(benchmark edit)")
        step("one province, text cell changed (HTML)", build + ["--no-pdf"])
        step("the same, with its PDFs (its own and the books reprinted)", build)
        edit_csv(repo / "data/processed/002_t13_water_by_province.csv", "Khuzestan", "actual", "85")
        step("one province, number changed (HTML and PDFs)", build)
        if naive:
            step("naive: serial papermill, same notebooks, both editions (no Sphinx)", [py, "-c", NAIVE, str(repo / "_naive")])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-naive", action="store_true", help="do not time serial papermill over the same notebooks")
    ap.add_argument("--kernels", choices=("warm", "cold", "both"), default="warm",
                    help="kernels forked from the pre-warmed factory, plain ipykernels (--cold-kernels), or both")
    ap.add_argument("--unscoped", action="store_true",
                    help="also run with per-province row hashing disabled in the copy (whole-file data hashes)")
    ap.add_argument("--repeat", type=int, default=1, help="run each configuration this many times; ranges are printed")
    args = ap.parse_args()
    py = sys.executable
    print(f"benchmark on {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB")
    configs = [(k, False) for k in (("warm", "cold") if args.kernels == "both" else (args.kernels,))]
    if args.unscoped:
        configs.append((configs[0][0], True))
    results: dict[tuple[str, bool], list[dict]] = {c: [] for c in configs}
    for rep in range(args.repeat):
        for kernels, unscoped in configs:
            probe = speed_probe()
            print(f"run {rep + 1}, {kernels} kernels{', no per-province hashing' if unscoped else ''}; "
                  f"speed probe: 10 million additions in {probe:.2f} s (lower is faster), "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
            results[(kernels, unscoped)].append(sequence(py, kernels, not args.skip_naive and rep == 0 and not unscoped, unscoped))
    if args.repeat > 1 or len(configs) > 1:
        print("\nsummary (min - max over runs):")
        for (kernels, unscoped), runs in results.items():
            print(f" {kernels} kernels{', no per-province hashing' if unscoped else ''}:")
            for name in runs[0]:
                secs = [r[name][0] for r in runs if name in r]
                mem = [r[name][1] for r in runs if name in r]
                print(f"  {name:<46} {min(secs):6.1f} - {max(secs):6.1f} s  {min(mem):5.0f} - {max(mem):5.0f} MiB  {runs[0][name][2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
