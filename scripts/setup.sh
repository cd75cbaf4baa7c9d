#!/usr/bin/env bash
# Install everything the book needs, only what is missing:
#   1. a virtual environment .venv with the pinned packages (requirements-lock.txt) and this package;
#   2. Debian packages: chromium (prints the PDF) and poppler-utils (PDF checks), via apt-get;
#   3. the Vazirmatn font (OFL) from the npm registry into _fonts/ (git-ignored);
#   4. axe-core (the accessibility rules the browser test injects into each page), pinned in
#      package.json / package-lock.json, with npm ci into node_modules/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VAZIRMATN_VERSION=33.0.3

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements-lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing pinned Python packages"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-lock.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "setup: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f _fonts/ttf/Vazirmatn-Regular.ttf ] || [ ! -f _fonts/woff2/Vazirmatn-Regular.woff2 ]; then
  echo "setup: fetching the vazirmatn@$VAZIRMATN_VERSION npm package"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "vazirmatn@$VAZIRMATN_VERSION" >/dev/null 2>&1 && tar xzf "vazirmatn-$VAZIRMATN_VERSION.tgz")
  mkdir -p _fonts/ttf _fonts/woff2
  for w in Regular Bold; do
    cp "$tmp/package/fonts/ttf/Vazirmatn-$w.ttf" _fonts/ttf/
    cp "$tmp/package/fonts/webfonts/Vazirmatn-$w.woff2" _fonts/woff2/
  done
  cp "$tmp/package/OFL.txt" _fonts/OFL.txt
  rm -rf "$tmp"
fi
axe_want=$(sed -n 's/.*"axe-core": *"\([0-9.]*\)".*/\1/p' package.json)
axe_have=""
if [ -f node_modules/axe-core/package.json ]; then
  axe_have=$(node -p 'require("./node_modules/axe-core/package.json").version')
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ "$axe_have" != "$axe_want" ]; then
  echo "setup: npm ci (axe-core@$axe_want for the browser test)"
  npm ci --silent --no-audit --no-fund >/dev/null
fi
echo "setup: ready"
