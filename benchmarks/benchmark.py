"""Benchmark the book build on this machine; prints its figures (no timed tests).

Works on a copy of the repository in a temporary folder (the real _build is untouched):

1. clean HTML build (all notebooks, Sphinx HTML), with peak memory of the whole process tree
2. PDF: the same build with the PDF (single-page HTML + headless Chromium)
3. no-op rebuild
4. rebuild after changing one province's data: (a) a text cell (a cluster's English name in
   Khuzestan: only that chapter and the chapters that loaded the dataset re-execute) and
   (b) a number (Khuzestan's water actual: every chapter that totals or ranks it re-executes)
5. the naive way: papermill run serially over the same notebooks, one after another

Usage: .venv/bin/python benchmarks/benchmark.py [--skip-naive]
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-naive", action="store_true")
    args = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__"))
        env = dict(os.environ, ANALYSIS_ROOT=str(repo), ANALYSIS_SHARED=str(ROOT.parent / "shared"),
                   PYTHONPATH=str(repo / "src"))
        build = [py, "-m", "analysis", "build"]
        print(f"benchmark on {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; repo copy {repo}")
        # this machine's speed varies (shared hosts): a fixed pure-Python loop makes runs comparable
        t0 = time.perf_counter()
        acc = 0
        for i in range(10**7):
            acc += i
        print(f"  speed probe: 10 million additions in {time.perf_counter() - t0:.2f} s (lower is faster)")
        s, m, out = run(build + ["--no-pdf"], env, repo)
        n = sum(1 for _ in (repo / "_build/executed").rglob("*.ipynb"))
        line("clean build, HTML (all notebooks)", s, m, f"{n} notebooks")
        s, m, _ = run(build, env, repo)
        line("PDF (single-page HTML + Chromium) on top", s, m)
        s, m, out = run(build, env, repo)
        line("no-op rebuild", s, m, out.strip().splitlines()[0] if out.strip() else "")
        edit_csv(repo / "data/processed/002_t30_32_cluster_project_names.csv", "Khuzestan", "cluster_en", "(benchmark edit)")
        s, m, out = run(build + ["--no-pdf"], env, repo)
        line("one province, text cell changed (HTML)", s, m, next((l for l in out.splitlines() if l.startswith("notebooks:")), ""))
        edit_csv(repo / "data/processed/002_t13_water_by_province.csv", "Khuzestan", "actual", "85")
        s, m, out = run(build + ["--no-pdf"], env, repo)
        line("one province, number changed (HTML)", s, m, next((l for l in out.splitlines() if l.startswith("notebooks:")), ""))
        if not args.skip_naive:
            naive = repo / "_naive"
            code = (
                "import sys, time, jupytext, nbformat, papermill as pm\n"
                "from pathlib import Path\n"
                "from analysis import book\n"
                "out = Path(sys.argv[1]); out.mkdir(exist_ok=True)\n"
                "for j in book.jobs():\n"
                "    nb = jupytext.read(j.source); src = out / (j.name + '.in.ipynb'); nbformat.write(nb, src)\n"
                "    pm.execute_notebook(str(src), str(out / (j.name + '.ipynb')), parameters=j.parameters,\n"
                "                        kernel_name='python3', progress_bar=False, cwd=str(out))\n"
            )
            s, m, _ = run([py, "-c", code, str(naive)], env, repo)
            line("naive: serial papermill, same notebooks (no Sphinx)", s, m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
