#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan (apart
# from the ordinary build) and runs every test there. Not part of the default test run: on two
# cores the build and the tests take about half an hour. Usage:
#   scripts/sanitize.sh [extra ctest arguments, e.g. -R Load]
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="$(nproc)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSILK_SANITIZE=address,undefined >/dev/null
echo "Building with sanitizers (log: build-asan/build.log)…" >&2
if ! cmake --build build-asan -j"$jobs" >build-asan/build.log 2>&1; then
  tail -n 40 build-asan/build.log >&2
  echo "The sanitizer build failed; the whole log is in build-asan/build.log" >&2
  exit 1
fi

# Any report fails the test that caused it. Leak checking stays on; libraries we link but do
# not build (RocksDB, ICU, libedit) are not instrumented, so their own code is not checked.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Sanitized code runs 2–5 times slower: give each test that much more time. One test is left
# out: it bounds the shell's resident memory at 300 MB, which ASan's shadow memory and
# quarantine exceed by themselves (about 490 MB), whatever the code does; the default run keeps it.
ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 1500 \
  -E 'ShellTmuxTest.AHugeResultStreamsInBoundedMemoryAndCtrlCStopsIt' "$@"
