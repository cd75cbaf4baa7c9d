#!/usr/bin/env bash
# Run the tests: set up, then the fast suite (unit tests + doctests) and, unless
# FAST=1, the end-to-end book build (marker e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -p no:cacheprovider -q "$@"
if [ "${FAST:-0}" != "1" ]; then
  .venv/bin/python -m pytest -p no:cacheprovider -q -m e2e tests/test_e2e.py
fi
