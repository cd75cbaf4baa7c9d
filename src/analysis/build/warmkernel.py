"""Pre-warmed Jupyter kernels for the build runner.

Starting a Python kernel and importing pandas, IPython and the library costs about a
second and a half of CPU per notebook, most of a small chapter's run time. During a
build the runner starts one *factory* process that imports these modules once and then
forks a fresh kernel for every notebook (copy-on-write: each notebook still gets its own
process and a clean namespace). Papermill talks to it through an ordinary kernelspec
(``book-warm``) whose command is this module's thin client: it asks the factory for a
kernel, forwards signals to it and exits with it. Without a factory (a user running a
notebook by hand) the client simply becomes a normal ``ipykernel`` process.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time

SOCKET_ENV = "ANALYSIS_KERNEL_FACTORY"
KERNEL_NAME = "book-warm"
PENDING = "-"  # the factory's fingerprint argument: read it from standard input after the imports
# Imported once in the factory. Not matplotlib.pyplot: the kernel chooses its backend at start.
PRELOAD = ("numpy", "pandas", "yaml", "IPython", "ipykernel.kernelapp", "ipykernel.ipkernel",
           "ipykernel.zmqshell", "ipykernel.debugger", "debugpy", "tornado", "pdb", "psutil",
           "matplotlib", "matplotlib.figure", "matplotlib.font_manager", "myst_nb",
           "analysis.sources.datasets", "analysis.report.display", "analysis.metrics.planactual", "analysis.metrics.indicators",
           "analysis.report.province_chapter", "analysis.core.text")


def kernelspec(folder) -> str:
    """Write the ``book-warm`` kernelspec under ``folder/kernels``; returns the kernel name."""
    from pathlib import Path
    d = Path(folder) / "kernels" / KERNEL_NAME
    d.mkdir(parents=True, exist_ok=True)
    # no IPython history database: nobody reads it back, and opening it costs time per kernel
    spec = {"argv": [sys.executable, "-m", "analysis.build.warmkernel", "-f", "{connection_file}",
                     "--HistoryManager.enabled=False"],
            "display_name": "Python 3 (book, pre-warmed)", "language": "python",
            "metadata": {"debugger": False}}
    (d / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return KERNEL_NAME


# ------------------------------------------------------------------------------ factory
def _watch_client(client_pid: int) -> None:
    """In a kernel: exit when the thin client that stands for it is gone (killed)."""
    import threading

    def loop():
        while True:
            try:
                os.kill(client_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            time.sleep(0.5)
    threading.Thread(target=loop, daemon=True).start()


def _child(req: dict) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.chdir(req["cwd"])
    os.environ.clear()
    os.environ.update(req["env"])
    cpid = req["client_pid"]
    for fd in (1, 2):  # write where the client writes
        try:
            target = os.open(f"/proc/{cpid}/fd/{fd}", os.O_WRONLY | os.O_APPEND)
            os.dup2(target, fd)
            os.close(target)
        except OSError:
            pass
    _watch_client(cpid)
    sys.argv = ["ipykernel_launcher", *req["argv"]]
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(argv=req["argv"])
    os._exit(0)


WARMED_FOR: str | None = None  # the data fingerprint warm_caches() was given (a forked kernel inherits it)


def warm_caches(validated: str | None = None) -> None:
    """Fill, once in the factory, the caches every notebook fills first: the texts of both
    languages, the datasets (read and checked as :func:`analysis.sources.datasets.load` reads
    them; ``validated`` is the data fingerprint the runner validated, as the notebooks' hook cell
    gives it) and the projected province outlines. A forked kernel inherits them: it reads no
    YAML, CSV or GeoJSON the factory read. Each kernel still records the datasets it loads (its
    cache fingerprint), and :func:`~analysis.sources.datasets.load` still re-reads a file whose
    modification time changed. A dataset that does not read is left for the notebook to fail on,
    with its own message."""
    global WARMED_FOR
    from analysis.core import text
    from analysis.sources import datasets

    WARMED_FOR = validated
    for lang in text.LANGUAGES:
        text.labels(lang)
        text.data_texts(lang)
    try:
        names = list(datasets.catalog())
    except Exception:  # noqa: BLE001 - the notebooks report a catalogue that does not read
        return
    datasets.trust_validated(validated)
    for name in names:
        try:
            datasets.load(name)
        except Exception:  # noqa: BLE001 - see the docstring
            pass
    datasets.trust_validated(None)
    try:
        from analysis.report import maps
        maps.shapes()
    except Exception:  # noqa: BLE001 - the map's own error, in the chapter that draws it
        pass


def serve(path: str, validated: str | None = None) -> None:
    """Run the factory: preload (:data:`PRELOAD`, :func:`warm_caches`), then fork a kernel per
    request on the unix socket ``path``. ``validated`` :data:`PENDING`: the data fingerprint is
    the first line of standard input, read after the imports (:func:`start_factory` without
    ``wait``), so the imports can run while the runner validates the data."""
    import importlib

    # as ipykernel does for its kernels, and before matplotlib is imported (it reads this
    # once): figures then render inline, through IPython's display formatters
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    # What a module decides at import from its surroundings must be what it would decide in a
    # kernel: pandas, imported here outside IPython, would take the display for a terminal and
    # truncate wide frames' text (display.max_columns 0); in a Jupyter kernel it picks 20.
    if "pandas" in sys.modules:
        sys.modules["pandas"].set_option("display.max_columns", 20)
    if validated == PENDING:
        validated = sys.stdin.readline().strip() or None
    warm_caches(validated)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped automatically
    tmp = path + ".tmp"
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(tmp)
    srv.listen(16)
    os.replace(tmp, path)  # the socket appears only when the factory is ready
    while True:
        conn, _ = srv.accept()
        with conn:
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
            if not data.strip():
                continue
            req = json.loads(data)
            pid = os.fork()
            if pid == 0:
                srv.close()
                conn.close()
                try:
                    _child(req)
                finally:
                    os._exit(1)
            conn.sendall(f"{pid}\n".encode())


def start_factory(path: str, env: dict | None = None, timeout: float = 60.0, validated: str | None = None,
                  wait: bool = True):
    """Start a factory process and wait until it listens; returns the Popen. ``validated``: the
    data fingerprint the runner validated (:func:`warm_caches`). Without ``wait`` it returns at
    once: the factory imports its modules and then waits for :func:`factory_ready`, which gives
    it the fingerprint and waits until it listens."""
    import subprocess
    if os.path.exists(path):
        os.unlink(path)
    env = dict(env or os.environ, OPENBLAS_NUM_THREADS="1")
    # its own process group (session): the kernels it forks stay in it, so stop_factory() can
    # end them all at once, and a Ctrl-C in the terminal reaches them only through their client
    proc = subprocess.Popen([sys.executable, "-m", "analysis.build.warmkernel", "--serve", path,
                             *filter(None, [validated if wait else PENDING])], env=env,
                            stdin=subprocess.DEVNULL if wait else subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if wait:
        _wait_listening(proc, path, timeout)
    return proc


def factory_ready(proc, path: str, validated: str | None = None, timeout: float = 60.0) -> None:
    """Give a factory started without ``wait`` the data fingerprint (``validated``) and wait
    until it listens on ``path``; raises RuntimeError (the factory killed) if it does not."""
    if proc.stdin is not None and not proc.stdin.closed:
        try:
            proc.stdin.write(f"{validated or ''}\n".encode())
            proc.stdin.close()
        except OSError:  # the factory is gone: the wait below says so
            pass
    _wait_listening(proc, path, timeout)


def _wait_listening(proc, path: str, timeout: float) -> None:
    t0 = time.monotonic()
    while not os.path.exists(path):
        if proc.poll() is not None or time.monotonic() - t0 > timeout:
            proc.kill()
            raise RuntimeError("the kernel factory did not start")
        time.sleep(0.05)


def stop_factory(proc) -> None:
    """Kill the factory and every kernel it forked (its process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
    if proc.stdin is not None:
        proc.stdin.close()


# ------------------------------------------------------------------------------ client
def client(argv: list[str]) -> int:
    """The kernelspec's command: get a forked kernel from the factory, or become one."""
    path = os.environ.get(SOCKET_ENV)
    if not path or not os.path.exists(path):
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])
    req = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ), "client_pid": os.getpid()}
    s.sendall(json.dumps(req).encode() + b"\n")
    pid = int(s.makefile().readline())
    s.close()

    def forward(sig, _frame):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass
        if sig != signal.SIGINT:
            sys.exit(0)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, forward)
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return 0
        time.sleep(0.05)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--serve":
        # the importable module, not this __main__ copy: its state (WARMED_FOR) is what kernels import
        from analysis.build import warmkernel
        warmkernel.serve(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        sys.exit(client(sys.argv[1:]))
