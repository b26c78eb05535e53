#!/usr/bin/env bash
# usage: bench/federation.sh [SIZE]     (SIZE: triples to generate; default 1e5)
#
# The cost of federation (SCALING.md): the same generated news graph (the peers' generator,
# tests/server/federation/gen_news_kg.py) in one store and, with `silk load --partition K/N`,
# in N parts, each served by `silk serve` on loopback. Each query is timed three ways:
#   silk        in-process on the one store (silk_query_bench, as bench/run.sh)
#   single      Comunica over the one store's endpoint (Comunica sends the whole query to it)
#   federated   Comunica over the N parts' endpoints as one dataset (Comunica joins, filters,
#               groups and sorts; the endpoints answer triple patterns and bound joins)
# and the table gives federated ÷ single and federated ÷ silk, and whether all three gave the
# same number of rows. Also the load time of the whole and of each part.
#
# env: BUILD_DIR  build dir (default: the repo's build/), configured as Release and built here
#      WORK       data, stores and raw logs (default: ${TMPDIR:-/tmp}/silkgraph-federation)
#      PARTS      how many parts (default 3)
#      RUNS       timed runs per query after one warm run (default 3)
#      SEED       generator seed (default 42)
#      QUERIES    query files (default: the peers' eight, tests/server/federation/peer_queries/*.rq;
#                 bench/queries/*.rq works too, and is slow federated)
#      SKIP_BUILD=1  use the binaries already in BUILD_DIR
#      JOBS       build parallelism (default: nproc)
# Needs Node.js 20 and npm: Comunica is installed as the client tests install it.
set -uo pipefail

PROG=bench/federation.sh
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-${TMPDIR:-/tmp}/silkgraph-federation}"
PARTS="${PARTS:-3}"
RUNS="${RUNS:-3}"
SEED="${SEED:-42}"
JOBS="${JOBS:-$(nproc)}"
SIZE="${1:-1e5}"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
read -r -a QUERY_FILES <<<"${QUERIES:-$(echo "$REPO"/tests/server/federation/peer_queries/*.rq)}"
# Absolute: Comunica runs in its own folder.
for i in "${!QUERY_FILES[@]}"; do QUERY_FILES[i]="$(realpath "${QUERY_FILES[i]}")"; done
export RUNS

mkdir -p "$WORK/data"
WORK="$(cd "$WORK" && pwd)"
build_targets silk silk_query_bench
SILK="$(find_bin silk)"
QBENCH="$(find_bin silk_query_bench)"
COMUNICA="$BUILD_DIR/tests/server/clients/comunica"
[ -f "$COMUNICA/read_at_once.mjs" ] || die "no Comunica folder in $BUILD_DIR (configure the build first)"
bash "$REPO/tests/server/clients/comunica/install.sh" "$COMUNICA" >"$WORK/npm.log" 2>&1 ||
  die "installing Comunica failed; see $WORK/npm.log"
cp "$REPO/bench/federation_bench.mjs" "$COMUNICA/"

n="$(size_count "$SIZE")"
label="$(size_label "$n")"
data="$WORK/data/news-$label-$SEED.nt"
if [ ! -s "$data" ]; then
  say "generating $data"
  python3 "$REPO/tests/server/federation/gen_news_kg.py" "$n" "$SEED" "$data.tmp" >"$WORK/gen.log" 2>&1 &&
    mv "$data.tmp" "$data" || die "generator failed; see $WORK/gen.log"
fi

out="$WORK/$label"
rm -rf "$out" && mkdir -p "$out"
load() {  # NAME ARGS…: a new store out/NAME loaded from the data; prints its load seconds
  local t0
  t0="$(now)"
  "$SILK" --db "$out/$1" load "$data" "${@:2}" >"$out/$1.load.log" 2>&1 || die "load of $1 failed; see $out/$1.load.log"
  s_since "$t0"
}
say "loading the whole graph and $PARTS parts"
whole_s="$(load whole)"
part_s=()
for k in $(seq "$PARTS"); do part_s+=("$(load "part$k" --partition "$k/$PARTS")"); done

pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done' EXIT
serve() {  # NAME: serves out/NAME on a free loopback port, in the background
  "$SILK" --db "$out/$1" serve --bind 127.0.0.1:0 --readonly >"$out/$1.serve.log" 2>&1 &
  pids+=("$!")
}
url_of() {  # NAME: the URL the server of out/NAME printed once it listens
  local url=""
  for _ in $(seq 200); do
    url="$(sed -n 's|.* at \(http://[^ ]*\)/sparql .*|\1|p' "$out/$1.serve.log")"
    [ -n "$url" ] && break
    sleep 0.05
  done
  [ -n "$url" ] || die "silk serve of $1 did not start; see $out/$1.serve.log"
  echo "$url"
}
serve whole
for k in $(seq "$PARTS"); do serve "part$k"; done
single="$(url_of whole)"
part_urls=()
for k in $(seq "$PARTS"); do part_urls+=("$(url_of "part$k")"); done
[ -n "$single" ] && [ "${#part_urls[@]}" = "$PARTS" ] && [[ " ${part_urls[*]} " != *"  "* ]] || exit 1

say "silk in-process: ${#QUERY_FILES[@]} queries, $RUNS runs each"
"$QBENCH" --runs "$RUNS" "$out/whole" "${QUERY_FILES[@]}" >"$out/silk.log" 2>&1
say "Comunica, single endpoint and $PARTS parts"
(cd "$COMUNICA" && SINGLE="$single" PARTS="${part_urls[*]}" QUERIES="${QUERY_FILES[*]}" \
  node federation_bench.mjs) >"$out/comunica.log" 2>&1

# ---- the table -------------------------------------------------------------------------------
field() { sed -n "s/.*engine=$1 query=$2 .*$3=\([^ ]*\).*/\1/p" "$out"/silk.log "$out"/comunica.log | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.1f", a / b }'; }
statements="$(grep -o 'Loaded [0-9,]* statements' "$out/whole.load.log" | tr -dc 0-9)"
echo
echo "Federation over $PARTS parts, $statements statements (gen_news_kg.py $n $SEED), $(source_version)"
echo "median of $RUNS runs after one warm run, ms; Comunica $(cd "$COMUNICA" && node -p "require('@comunica/query-sparql/package.json').version" 2>/dev/null), Node $(node --version)"
printf '%-24s %8s %10s %10s %12s %10s %10s %5s\n' query rows silk single federated fed/single fed/silk same
for f in "${QUERY_FILES[@]}"; do
  q="$(basename "$f" .rq)"
  rows="$(field silkgraph "$q" rows)"
  s="$(field silkgraph "$q" median_ms)"
  c1="$(field comunica-single "$q" median_ms)"
  cn="$(field comunica-federated "$q" median_ms)"
  r1="$(field comunica-single "$q" rows)"
  rn="$(field comunica-federated "$q" rows)"
  same=no
  [ -n "$rows" ] && [ "$rows" = "$r1" ] && [ "$rows" = "$rn" ] && same=yes
  printf '%-24s %8s %10s %10s %12s %10s %10s %5s\n' "$q" "${rows:--}" "${s:-ERR}" "${c1:-ERR}" "${cn:-ERR}" \
    "$(ratio "$cn" "$c1")" "$(ratio "$cn" "$s")" "$same"
done
echo
printf 'load: whole %s s; parts' "$whole_s"
for k in $(seq "$PARTS"); do printf ' %s/%s %s s' "$k" "$PARTS" "${part_s[$((k - 1))]}"; done
echo
echo "raw: $out/silk.log $out/comunica.log"
