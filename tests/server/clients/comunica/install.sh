#!/usr/bin/env bash
# Installs Comunica for the client test: `npm ci` from package-lock.json in DIR, where CMake
# copied package.json, package-lock.json and comunica_test.mjs. Skipped when DIR already holds
# what this lock file installs. Fails, saying what is missing, without Node.js and npm.
# Usage: install.sh DIR
set -euo pipefail
cd "$1"
for tool in node npm; do
  command -v "$tool" >/dev/null ||
    { echo "$tool is missing: the Comunica client test needs Node.js 20 and its npm"; exit 1; }
done
stamp=node_modules/.installed-package-lock.json
if cmp -s package-lock.json "$stamp"; then
  echo "Comunica is installed (package-lock.json unchanged)"
  exit 0
fi
npm ci --no-audit --no-fund
cp package-lock.json "$stamp"
