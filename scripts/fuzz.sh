#!/usr/bin/env bash
# Fuzzing the parsers, the query engine and the term codec with libFuzzer, AddressSanitizer and UBSan.
#
#   scripts/fuzz.sh [SECONDS]     build (clang, build-fuzz/), then run every target SECONDS
#                                 (default 60) on seeds from the W3C conformance files
#   scripts/fuzz.sh seeds DIR     only write the seed corpora, one directory per target
#   FUZZ_TARGETS="sparql_fuzz turtle_fuzz" scripts/fuzz.sh 600   only some targets
#
# The W3C files are found at $SILK_CONFORMANCE_DIR, else ../shared/conformance next to the
# source tree. Inputs that grew coverage stay in build-fuzz/corpus/TARGET; a crash is written
# to build-fuzz/artifacts/TARGET/ and the script exits 1. Each finding becomes a unit test.
# Needs clang-14 and libclang-rt-14-dev (Debian 12).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

all_targets=(sparql_fuzz query_fuzz ntriples_fuzz turtle_fuzz trig_fuzz term_codec_fuzz)

conformance_dir() {
  local dir=${SILK_CONFORMANCE_DIR:-$source_dir/../shared/conformance}
  if [ ! -d "$dir" ]; then
    echo "fuzz.sh: no W3C conformance files at $dir (set SILK_CONFORMANCE_DIR)" >&2
    exit 1
  fi
  echo "$dir"
}

# copy_seeds OUT PATTERN… : every matching conformance file, named by its path (no clashes).
copy_seeds() {
  local out=$1
  shift
  local dir
  dir=$(conformance_dir)
  mkdir -p "$out"
  local args=()
  for pattern in "$@"; do
    [ ${#args[@]} -gt 0 ] && args+=(-o)
    args+=(-name "$pattern")
  done
  find "$dir" -type f \( "${args[@]}" \) -size -64k -print0 |
    while IFS= read -r -d '' file; do
      local rel=${file#"$dir"/}
      cp "$file" "$out/${rel//\//_}"
    done
}

make_seeds() {
  local out=$1
  copy_seeds "$out/sparql_fuzz" '*.rq' '*.ru'
  copy_seeds "$out/query_fuzz" '*.rq' '*.ru'
  copy_seeds "$out/ntriples_fuzz" '*.nt' '*.nq'
  copy_seeds "$out/turtle_fuzz" '*.ttl'
  copy_seeds "$out/trig_fuzz" '*.trig'
  # The codec's seeds: literals of every inlined kind and a few that are not (mode byte 1:
  # value \0 datatype \0 language), an IRI (mode 0) and a blank node (mode 2).
  local codec="$out/term_codec_fuzz" xsd="http://www.w3.org/2001/XMLSchema#" i=0
  mkdir -p "$codec"
  for literal in "1\0${xsd}boolean" "true\0${xsd}boolean" "-42\0${xsd}integer" \
    "0042\0${xsd}integer" "576460752303423487\0${xsd}integer" "3.14\0${xsd}decimal" \
    "-0.5\0${xsd}decimal" "1e3\0${xsd}double" "2020-02-29\0${xsd}date" \
    "-0044-03-15Z\0${xsd}date" "2020-01-01T23:59:59.123+14:00\0${xsd}dateTime" \
    "chat\0\0fr" "plain" "x\0${xsd}string" "7\0${xsd}int"; do
    printf '\x01%b' "$literal" >"$codec/literal-$i"
    i=$((i + 1))
  done
  printf '\x00http://example.org/a' >"$codec/iri"
  printf '\x02b0' >"$codec/blank"
}

if [ "${1:-}" = "seeds" ]; then
  [ $# -eq 2 ] || { echo "usage: scripts/fuzz.sh seeds DIR" >&2; exit 2; }
  rm -rf "$2"
  make_seeds "$2"
  exit 0
fi

seconds=${1:-60}
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"
build=build-fuzz

cmake -S . -B "$build" -DSILK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++-14}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

rm -rf "$build/seeds"
make_seeds "$build/seeds"
# AddressSanitizer's frames are several times larger: the SPARQL parser's 1,000 levels of
# nesting take about 2 MiB of stack in a release build but more than 8 MiB here.
ulimit -s 65536 2>/dev/null || true
export LSAN_OPTIONS="suppressions=$source_dir/tests/fuzz/lsan_suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for target in "${targets[@]}"; do
  mkdir -p "$build/corpus/$target" "$build/artifacts/$target"
  echo "== $target: ${seconds}s"
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" \
    "$build/corpus/$target" "$build/seeds/$target" 2>"$build/$target.log"; then
    status=1
    echo "$target FOUND A PROBLEM; see $build/$target.log and $build/artifacts/$target/" >&2
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done' "$build/$target.log" || true
done
exit $status
