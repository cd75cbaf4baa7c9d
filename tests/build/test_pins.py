"""Dependency pins agree across requirements.txt, requirements-lock.txt and environment.yml."""
import re

import yaml

from analysis.core import paths


def _pins(lines):
    pat = re.compile(r"\s*-?\s*([A-Za-z0-9_.\-]+)==(\S+)")
    return {m[1].lower(): m[2] for m in map(pat.match, lines) if m}


def test_environment_yml_agrees_with_requirements():
    req = _pins((paths.ROOT / "requirements.txt").read_text().splitlines())
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert _pins(pip) == req
    lock = _pins((paths.ROOT / "requirements-lock.txt").read_text().splitlines())
    assert {k: lock.get(k) for k in req} == req, "requirements-lock.txt disagrees with requirements.txt"


def test_no_arabic_reshaper_or_bidi():
    lock = (paths.ROOT / "requirements-lock.txt").read_text().lower()
    assert "arabic-reshaper" not in lock and "python-bidi" not in lock
