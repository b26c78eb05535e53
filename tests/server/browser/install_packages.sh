#!/usr/bin/env bash
# Installs the page test's npm packages as package-lock.json pins them, unless the installed
# ones already came from this very lock file (so ctest runs offline once they are in).
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.installed-from-package-lock.json
if cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --no-audit --no-fund
cp package-lock.json "$stamp"
