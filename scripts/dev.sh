#!/usr/bin/env bash
# The README's two commands: set up a Debian 12 machine, build, then either open silk on the
# default store (`run`, extra arguments go to silk) or run every test (`test`).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config librocksdb-dev tao-pegtl-dev libfmt-dev libgtest-dev libicu-dev libssl-dev libedit-dev zlib1g-dev
  libstemmer-dev  # the text index's Snowball stemmers (English, German, Turkish)
  libjemalloc-dev  # every program's malloc: glibc's fragments under a long query mix
  libcpp-httplib-dev  # silk serve's HTTP (a compiled library and its header)
  curl  # silk serve's end-to-end tests are its clients
  tmux  # tmux: the interactive shell's end-to-end tests run it in a terminal
  chromium  # the web page's test drives it headless (with npm's playwright-core)
  graphviz fonts-dejavu-core)  # silk viz draws SVG and PNG with Graphviz's dot; DejaVu has the
  # letters of every script the shipped graph prints (Latin, Cyrillic, Turkish)
# silk serve's client tests: Python's SPARQL clients, and Node.js for Comunica (the test runs
# npm ci; npm comes with the machine's Node.js 20, and Debian's npm package conflicts with it).
packages+=(python3-sparqlwrapper python3-rdflib nodejs)
packages+=(haproxy)  # the read-replica test puts it in front of two `silk serve --readonly`

install_missing() {
  local missing=()
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# Quiet unless it fails: the shell should open on a clean screen.
build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  echo "Building (log: build/build.log)…" >&2
  if ! cmake --build build -j"$(nproc)" >build/build.log 2>&1; then
    tail -n 40 build/build.log >&2
    echo "The build failed; the whole log is in build/build.log" >&2
    exit 1
  fi
}

case "${1:-run}" in
  run)
    shift || true
    install_missing
    build
    exec build/silk "$@"
    ;;
  test)
    install_missing
    build
    ctest --test-dir build --output-on-failure -j"$(nproc)"
    ;;
  *)
    echo "usage: scripts/dev.sh [run [SILK ARGS…] | test]" >&2
    exit 2
    ;;
esac
