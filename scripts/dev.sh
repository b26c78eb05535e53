#!/usr/bin/env bash
# The README's two commands: set up a Debian 12 machine, build, then either open silk on the
# default store (`run`, extra arguments go to silk) or run every test (`test`).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config librocksdb-dev tao-pegtl-dev libfmt-dev libgtest-dev libicu-dev libssl-dev libedit-dev zlib1g-dev)

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

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j"$(nproc)"
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
