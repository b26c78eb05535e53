#!/usr/bin/env bash
# Makes docs/viz-japarov.png, the README's picture of `silk viz`: Sadyr Japarov and what lies
# within one hop in the shipped graph, loaded into a new store, drawn by Graphviz's dot.
# Needs a build (scripts/dev.sh test makes one) and graphviz (scripts/dev.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/silk ] || { echo "no build/silk: build first (scripts/dev.sh test)" >&2; exit 1; }
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
build/silk --db "$store/db" load datasets/korea-central-asia.trig >/dev/null
mkdir -p docs
build/silk --db "$store/db" viz "Sadyr Japarov" -o docs/viz-japarov.png
