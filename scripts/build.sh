#!/usr/bin/env bash
# Build the whole book from data: set up (venv, packages, chromium, font), check the data,
# execute the notebooks (one per province), build HTML and print the PDF.
# Extra arguments go to `python -m analysis build` (e.g. --province Khuzestan --no-pdf).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m analysis check-data
exec .venv/bin/python -m analysis build "$@"
