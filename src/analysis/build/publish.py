"""Publishing: one build at a time, the last gate before readers, the atomic switch, tidying up.

:class:`BuildLock`      an exclusive ``fcntl.flock`` on ``<build dir>/.build.lock``: a second build
                        in the same folder waits a bounded time, then stops with a one-line message
:func:`failed_pages`    pages of a site that say a chapter failed (:data:`render.FAILED_MARKER`);
                        a successful build refuses to publish a site that has any
:func:`publish_site`    points ``_build/html`` at a complete site folder atomically (``os.replace``
                        of a symlink), then removes older sites
:func:`publish_file`    replaces one file (the PDF) atomically
:func:`tidy`            after a successful publish: removes ``failed-site``, the ``*.failed.ipynb``
                        of chapters that no longer fail, and temporary files of interrupted builds
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from pathlib import Path

from analysis.build.jobs import BuildError
from analysis.build.render import FAILED_MARKER

LOCK_NAME = ".build.lock"


class BuildLock:
    """Hold ``<build_dir>/.build.lock`` for the duration of a build.

    The lock is released by the kernel when the process ends, however it ends, so a
    killed build never leaves a stale lock behind. ``wait`` is how many seconds to wait for
    another build to finish before giving up with :class:`BuildError`.
    """

    def __init__(self, build_dir: Path, wait: float = 0.0, quiet: bool = False):
        self.path = Path(build_dir) / LOCK_NAME
        self.wait = wait
        self.quiet = quiet
        self._fd: int | None = None

    def _holder(self) -> str:
        try:
            pid = self.path.read_text().strip()
        except OSError:
            return ""
        return f" (pid {pid})" if pid else ""

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise BuildError(f"another build is running in {self.path.parent}{self._holder()}; "
                                     f"waited {self.wait:g} s. Try again when it has finished.") from None
                if not told and not self.quiet:
                    import sys
                    print(f"waiting up to {self.wait:g} s for the build running in {self.path.parent}{self._holder()}", file=sys.stderr)
                    told = True
                time.sleep(min(0.5, max(0.05, deadline - time.monotonic())))
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def failed_pages(site: Path) -> list[str]:
    """HTML pages of ``site`` that carry the failed-chapter marker."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if FAILED_MARKER in p.read_text(encoding="utf-8", errors="replace"))


def publish_site(site: Path, link: Path) -> None:
    """Point ``link`` (``_build/html``) at ``site`` atomically, then remove older sites."""
    tmp = link.with_name(f"{link.name}.{os.getpid()}.new")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(site, link.parent))
    if link.exists() and not link.is_symlink():  # a real folder from an older layout
        shutil.rmtree(link)
    os.replace(tmp, link)
    for old in site.parent.iterdir():
        if old != site and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def publish_file(src: Path, dst: Path) -> None:
    """Copy ``src`` over ``dst`` atomically (a per-process temporary name, then rename)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def tidy(build_dir: Path, executed_dir: Path, still_failed: set[str] = frozenset()) -> list[Path]:
    """After a successful publish: remove what only a failed or interrupted build needs.

    ``still_failed`` are the job outputs (``provinces/ilam``) whose failure was published on
    purpose (``--publish-partial``): their ``.failed.ipynb`` stays. Returns what was removed.
    """
    gone: list[Path] = []
    failed_site = build_dir / "failed-site"
    if failed_site.exists():
        shutil.rmtree(failed_site, ignore_errors=True)
        gone.append(failed_site)
    if executed_dir.exists():
        for f in executed_dir.rglob("*"):
            if not f.is_file():
                continue
            if f.name.endswith(".failed.ipynb"):
                out = f.relative_to(executed_dir).as_posix().removesuffix(".failed.ipynb")
                if out in still_failed:
                    continue
            elif not f.name.endswith((".tmp", ".loads")):
                continue
            f.unlink()
            gone.append(f)
    for d in (build_dir, build_dir / "pdf", build_dir / "work"):
        if d.exists():
            for f in d.glob(".*.tmp"):
                f.unlink(missing_ok=True)
                gone.append(f)
    return gone
