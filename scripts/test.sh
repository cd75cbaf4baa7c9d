#!/usr/bin/env bash
# Run the tests: set up, lint (ruff), then the fast suite (unit tests + doctests) and, unless
# FAST=1, the end-to-end checks (marker e2e): one clean build of the whole book (HTML and PDF,
# any Sphinx warning fails it) checked page by page, a second clean build compared byte for byte,
# and every page read in headless Chromium with axe-core (tests/browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest -p no:cacheprovider -q "$@"
if [ "${FAST:-0}" != "1" ]; then
  .venv/bin/python -m pytest -p no:cacheprovider -q -m e2e tests
fi
