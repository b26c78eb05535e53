#!/usr/bin/env bash
# Makes docs/web-page.png, the README's picture of the page `silk serve` shows at /: the
# shipped graph in a new store, an example question run, in Debian's headless chromium.
# Needs a build (scripts/dev.sh test makes one) and chromium (scripts/dev.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/silk ] || { echo "no build/silk: build first (scripts/dev.sh test)" >&2; exit 1; }
bash tests/server/browser/install_packages.sh
mkdir -p docs
node tests/server/browser/screenshot.mjs "$PWD/build/silk" "$PWD" "$PWD/docs/web-page.png"
