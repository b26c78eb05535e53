#!/usr/bin/env bash
# usage: bench/text_index.sh [SIZE]     (statements to generate, default 10e6)
#
# The text index's costs on generated news data (the peers' gen_news_kg.py, as bench/run.sh
# makes it): index bytes per indexed literal, the bulk load's slowdown against a silk without
# the index, and the latency of text queries for a rare word, a common word and a phrase.
#
# env: BUILD_DIR     build dir (default: the repo's build/), configured as Release and built here
#      WORK          data and stores (default: ${TMPDIR:-/tmp}/silkgraph-bench; shared with
#                    bench/run.sh, whose generated data it reuses)
#      SEED          generator seed (default 42)
#      BASELINE_SILK a silk built without the text index (e.g. from the commit before it): the
#                    slowdown and the index's bytes are measured against it; without it, only
#                    the index's own figures are printed
#      RUNS          loads per binary, the median reported (default 3)
#      RARE, COMMON, PHRASE  the queries' words (defaults suit gen_news_kg.py's data)
#      SKIP_BUILD=1  use the silk already in BUILD_DIR
#      JOBS          build parallelism (default: nproc)
set -uo pipefail

PROG=bench/text_index.sh
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PEERS_SRC="$REPO/../shared/peers"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-${TMPDIR:-/tmp}/silkgraph-bench}"
SEED="${SEED:-42}"
RUNS="${RUNS:-3}"
JOBS="${JOBS:-$(nproc)}"
RARE="${RARE:-Vikaka}"
COMMON="${COMMON:-report}"
PHRASE="${PHRASE:-\"treaty of\"}"
SIZE="${1:-10e6}"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

mkdir -p "$WORK/data"
WORK="$(cd "$WORK" && pwd)"
build_targets silk
SILK="$(find_bin silk)"

n="$(size_count "$SIZE")"
label="$(size_label "$n")"
data="$WORK/data/kg$label-s$SEED.nt"
out="$WORK/text-index-$label"
mkdir -p "$out"
if [ ! -s "$data" ]; then
  say "[$label] generating $data"
  python3 "$PEERS_SRC/gen_news_kg.py" "$n" "$SEED" "$data.tmp" > "$out/gen.log" 2>&1 &&
    mv "$data.tmp" "$data" || die "generator failed; see $out/gen.log"
fi

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Loads DATA RUNS times with BINARY into DB (left there after the last run); prints the median
# wall seconds.
load_median() {  # NAME BINARY DB
  local times="" run
  for run in $(seq "$RUNS"); do
    say "[$label] $1 load ($run of $RUNS)"
    rm -rf "$3"
    run_measured "$out/$1-load.log" "$2" --db "$3" load "$data"
    [ "$RUN_RC" = 0 ] || die "$1 load exited with $RUN_RC; see $out/$1-load.log"
    times="$times $RUN_S"
  done
  echo "$times" | median
}

db="$WORK/db-text-$label"
with_s="$(load_median silk "$SILK" "$db")"
disk_with="$(du -sb "$db" | cut -f1)"

# The literals the index holds: the string literals that are objects of quads.
literals="$("$SILK" --db "$db" query --format tsv 'SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {
  ?s ?p ?o FILTER(isLiteral(?o) && (datatype(?o) = xsd:string || lang(?o) != "")) }' |
  tail -1 | sed 's/"//g; s/\^\^.*//')"

# Median wall milliseconds of 5 runs of a query counting the literals that match WORDS, and the
# count.
query_ms() {  # WORDS
  local times="" run t0 count escaped
  escaped="$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
  for run in 1 2 3 4 5; do
    t0="$(now)"
    count="$("$SILK" --db "$db" query --format tsv \
      "SELECT (COUNT(*) AS ?n) WHERE { ?lit silk:matches \"$escaped\" }" | tail -1 |
      sed 's/"//g; s/\^\^.*//')"
    times="$times $(ms_since "$t0")"
  done
  echo "$(echo "$times" | median) $count"
}
read -r rare_ms rare_n < <(query_ms "$RARE")
read -r common_ms common_n < <(query_ms "$COMMON")
read -r phrase_ms phrase_n < <(query_ms "$PHRASE")

echo
echo "text index on $label generated statements ($(basename "$data")), $(source_version), RUNS=$RUNS"
printf "%-44s %s\n" "load with the text index (median)" "$with_s s"
if [ -n "${BASELINE_SILK:-}" ]; then
  base_db="$WORK/db-text-baseline-$label"
  without_s="$(load_median baseline "$BASELINE_SILK" "$base_db")"
  disk_without="$(du -sb "$base_db" | cut -f1)"
  rm -rf "$base_db"
  printf "%-44s %s\n" "load without it (BASELINE_SILK, median)" "$without_s s"
  awk -v a="$with_s" -v b="$without_s" 'BEGIN { printf "%-44s %+.1f %%\n", "load slowdown", (a / b - 1) * 100 }'
  awk -v a="$disk_with" -v b="$disk_without" -v l="$literals" 'BEGIN {
    printf "%-44s %d bytes (%.1f MB)\n", "index bytes (store with - store without)", a - b, (a - b) / 1e6
    printf "%-44s %d\n", "string literals indexed", l
    printf "%-44s %.1f\n", "index bytes per literal", l ? (a - b) / l : 0 }'
else
  printf "%-44s %s\n" "store bytes" "$disk_with"
  printf "%-44s %s\n" "string literals indexed" "$literals"
  echo "(set BASELINE_SILK to a silk without the text index for the slowdown and index bytes)"
fi
printf "%-44s %s ms (%s literals)\n" "query, rare word '$RARE'" "$rare_ms" "$rare_n"
printf "%-44s %s ms (%s literals)\n" "query, common word '$COMMON'" "$common_ms" "$common_n"
printf "%-44s %s ms (%s literals)\n" "query, phrase '$PHRASE'" "$phrase_ms" "$phrase_n"
echo "(query times are whole silk processes: opening the store included)"
rm -rf "$db"
