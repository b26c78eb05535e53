#!/usr/bin/env bash
# usage: bench/serve_load.sh [SIZE]     (SIZE: triples to generate, e.g. 1e6, the default)
#
# The load test in full: `silk serve` and Virtuoso's own SPARQL endpoint, one after the other
# in one run, on the same generated news graph (gen_news_kg.py SIZE SEED), each answering
# CLIENTS concurrent clients (silk_serve_load) that send the peers' eight queries and a count
# of a named graph, while a bulk load (LOAD_SIZE more triples, in a namespace the queries do
# not read) is POSTed into that graph through the same endpoint's Graph Store Protocol, and
# the graph DELETEd, again and again until the clients are done. Every answer is checked
# against `silk query` on the store before the load (the graph count: the whole load or none
# of it, never a part). Prints each engine's lines and a table: throughput, p50 and p99 per
# query and overall, wrong answers and failed requests, and the bulk loads done meanwhile.
#
# env: BUILD_DIR  build dir (default: the repo's build/), configured as Release and built here
#      WORK       data, stores, Virtuoso's database and raw logs (default:
#                 ${TMPDIR:-/tmp}/silkgraph-bench, shared with run.sh: the data is reused)
#      CLIENTS    concurrent clients (32)       REQUESTS  requests per engine (3200)
#      MAX_SECONDS  no request starts after this many seconds (600)
#      LOAD_SIZE  triples of the bulk load (default: SIZE / 10)
#      SEED       generator seed (42)            PEERS     "virtuoso" (default) or "" for none
#      QUERIES    the query files (default: the peers' eight)
#      VIRTUOSO_PORT / VIRTUOSO_HTTP_PORT  Virtuoso's SQL and HTTP ports (22111 / 22890: not
#                 run.sh's, so both can run at once)
#      SKIP_BUILD=1  use the binaries already in BUILD_DIR;  JOBS  build parallelism (nproc)
set -uo pipefail

PROG=bench/serve_load.sh
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PEERS_SRC="$REPO/../shared/peers"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-${TMPDIR:-/tmp}/silkgraph-bench}"
SEED="${SEED:-42}"
PEERS="${PEERS-virtuoso}"
JOBS="${JOBS:-$(nproc)}"
CLIENTS="${CLIENTS:-32}"
REQUESTS="${REQUESTS:-3200}"
MAX_SECONDS="${MAX_SECONDS:-600}"
VIRTUOSO_PORT="${VIRTUOSO_PORT:-22111}"
VIRTUOSO_HTTP_PORT="${VIRTUOSO_HTTP_PORT:-22890}"
SIZE="${1:-1e6}"
GRAPH=http://example.org/bulk
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

[ -f "$PEERS_SRC/gen_news_kg.py" ] || die "no peers folder at $PEERS_SRC (expected beside the repo)"
mkdir -p "$WORK/data"
WORK="$(cd "$WORK" && pwd)"
build_targets silk silk_serve_load
SILK="$(find_bin silk)"
CLIENT="$(find_bin silk_serve_load)"
peers_setup

n="$(size_count "$SIZE")"
label="$(size_label "$n")"
LOAD_SIZE="${LOAD_SIZE:-$((n / 10))}"
load_label="$(size_label "$(size_count "$LOAD_SIZE")")"
out="$WORK/serve-load-$label"
rm -rf "$out"
mkdir -p "$out/expect" "$out/queries"
: > "$out/all.log"

# ---- data: the graph, and the bulk load in a namespace of its own ----------------------------
data="$WORK/data/kg$label-s$SEED.nt"
bulk="$WORK/data/bulk$load_label-s$((SEED + 1)).nt"
if [ ! -s "$data" ]; then
  say "generating $data"
  python3 "$PEERS_SRC/gen_news_kg.py" "$SIZE" "$SEED" "$data.tmp" > "$out/gen.log" 2>&1 &&
    mv "$data.tmp" "$data" || die "generator failed; see $out/gen.log"
fi
if [ ! -s "$bulk" ]; then
  say "generating $bulk"
  # Another seed, and every ex: name moved to its own namespace: none of the queries' patterns
  # (all anchored on ex: names) can match a loaded statement.
  python3 "$PEERS_SRC/gen_news_kg.py" "$LOAD_SIZE" "$((SEED + 1))" "$bulk.raw" > "$out/gen.log" 2>&1 &&
    sed 's|<http://example.org/news/|<http://example.org/bulk/|g' "$bulk.raw" > "$bulk.tmp" &&
    rm -f "$bulk.raw" && mv "$bulk.tmp" "$bulk" || die "generator failed; see $out/gen.log"
fi
bulk_triples="$(wc -l < "$bulk")"  # the generator writes no duplicates

# ---- the queries and their accepted answers ----------------------------------------------------
if [ -n "${QUERIES:-}" ]; then read -r -a query_files <<< "$QUERIES"
else query_files=("$PEERS_SRC"/queries/*.rq); fi
cp "${query_files[@]}" "$out/queries/"
echo "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$GRAPH> { ?s ?p ?o } }" > "$out/queries/bulk_count.rq"

db="$WORK/db-serve-load-$label"
rm -rf "$db" "$db-bulk"
say "[$label] silk load"
"$SILK" --db "$db" load "$data" > "$out/silk-load.log" 2>&1 || die "silk load failed; see $out/silk-load.log"
"$SILK" --db "$db-bulk" load "$bulk" --graph "$GRAPH" >> "$out/silk-load.log" 2>&1 ||
  die "silk load of the bulk file failed; see $out/silk-load.log"
for q in "$out"/queries/*.rq; do
  name="$(basename "$q" .rq)"
  if [ "$name" = bulk_count ]; then
    "$SILK" --db "$db" query -f "$q" --format tsv > "$out/expect/$name.before.tsv" 2> /dev/null &&
      "$SILK" --db "$db-bulk" query -f "$q" --format tsv > "$out/expect/$name.after.tsv"
  else
    "$SILK" --db "$db" query -f "$q" --format tsv > "$out/expect/$name.tsv"
  fi || die "silk query $q failed"
done
rm -rf "$db-bulk"

# The bulk load and its undoing, through each endpoint's Graph Store Protocol; each prints the
# HTTP status. Virtuoso's endpoint for writes is the authenticated one (digest, the dba account).
silk_post() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/n-triples' \
  --data-binary "@$bulk" "${silk_url%/sparql}/store?graph=$GRAPH"; }
silk_delete() { curl -s -o /dev/null -w '%{http_code}' -X DELETE "${silk_url%/sparql}/store?graph=$GRAPH"; }
virtuoso_crud() { echo "http://127.0.0.1:$VIRTUOSO_HTTP_PORT/sparql-graph-crud-auth?graph-uri=$GRAPH"; }
virtuoso_post() { curl -s -o /dev/null -w '%{http_code}' --digest -u dba:dba -X POST \
  -H 'Content-Type: application/n-triples' --data-binary "@$bulk" "$(virtuoso_crud)"; }
virtuoso_delete() { curl -s -o /dev/null -w '%{http_code}' --digest -u dba:dba -X DELETE "$(virtuoso_crud)"; }

# bulk_loads ENGINE: the bulk load, then the graph dropped, again and again until the clients
# are done, so that every request runs while a load is running or committing. One line per
# load: its HTTP status, its seconds, the DELETE's status.
bulk_loads() {
  local t0 status
  while [ ! -e "$out/$1.done" ]; do
    t0="$(now)"
    status="$("$1_post")"
    echo "$status $(s_since "$t0") $("$1_delete")"
  done > "$out/$1-loads.log"
}

# run_engine ENGINE URL COMPARE: the clients, and the bulk loads at the same time.
run_engine() {
  local engine="$1" url="$2" compare="$3" rc loads
  say "[$label] $engine: $CLIENTS clients, $REQUESTS requests, bulk loads of $bulk_triples triples meanwhile"
  rm -f "$out/$engine.done"
  bulk_loads "$engine" &
  loads=$!
  "$CLIENT" --engine "$engine" --compare "$compare" --clients "$CLIENTS" --requests "$REQUESTS" \
    --seconds "$MAX_SECONDS" "$url" "$out/expect" "$out"/queries/*.rq > "$out/$engine.log" 2> "$out/$engine.err"
  rc=$?
  touch "$out/$engine.done"
  wait "$loads"
  cat "$out/$engine.log" >> "$out/all.log"
  cat "$out/$engine.log"
  [ "$rc" = 0 ] || warn "$engine: wrong answers or failed requests; see $out/$engine.err"
  awk -v e="$engine" -v n="$bulk_triples" '
    { loads++; s += $2; if ($1 !~ /^20[014]$/ || $3 !~ /^20[04]$/) bad++ }
    END { printf "engine=%s op=bulk_load triples=%d loads=%d failed=%d mean_load_s=%.2f\n", e, n, loads, bad, loads ? s / loads : 0 }' \
    "$out/$engine-loads.log" | tee -a "$out/all.log"
}

# ---- silk serve ---------------------------------------------------------------------------------
# No query time limit short of the run's, as Virtuoso has none (run_virtuoso.sh's settings).
"$SILK" --db "$db" serve --bind 127.0.0.1:0 --updates --threads "$CLIENTS" --max-body 4G --timeout "$MAX_SECONDS" \
  > "$out/silk-serve.out" 2> "$out/silk-serve.err" &
silk_pid=$!
vdir=""
vpid=""
cleanup() {
  [ -n "$silk_pid" ] && kill "$silk_pid" 2> /dev/null
  if [ -n "$vpid" ]; then
    isql-vt "127.0.0.1:$VIRTUOSO_PORT" dba dba exec="shutdown;" > /dev/null 2>&1
    for _ in $(seq 50); do kill -0 "$vpid" 2> /dev/null || break; sleep 0.2; done
    kill "$vpid" 2> /dev/null
  fi
  [ -n "$vdir" ] && rm -rf "$vdir"
}
trap cleanup EXIT
for _ in $(seq 600); do grep -q '^Serving' "$out/silk-serve.out" && break; sleep 0.1; done
silk_url="$(sed -n 's|.* at \(http://[^ ]*/sparql\) .*|\1|p' "$out/silk-serve.out")"
[ -n "$silk_url" ] || die "silk serve did not start; see $out/silk-serve.err"
run_engine silk "$silk_url" exact
kill -TERM "$silk_pid"
wait "$silk_pid" || warn "silk serve ended with exit $?; see $out/silk-serve.err"
silk_pid=""

# ---- Virtuoso's endpoint ---------------------------------------------------------------------------
# As the peers' run_virtuoso.sh sets it up (its own database, result rows unlimited, no query
# time limit), plus the HTTP server, with as many threads as there are clients.
if [ "${have_virtuoso:-0}" = 1 ]; then
  vdir="$WORK/virtuoso-serve-load"
  rm -rf "$vdir" && mkdir -p "$vdir"
  cat > "$vdir/virtuoso.ini" <<INI
[Database]
DatabaseFile    = $vdir/virtuoso.db
ErrorLogFile    = $vdir/virtuoso.log
LockFile        = $vdir/virtuoso.lck
TransactionFile = $vdir/virtuoso.trx
xa_persistent_file = $vdir/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase
[TempDatabase]
DatabaseFile    = $vdir/virtuoso-temp.db
TransactionFile = $vdir/virtuoso-temp.trx
Striping        = 0
[Parameters]
ServerPort          = 127.0.0.1:$VIRTUOSO_PORT
DisableUnixSocket   = 1
MaxClientConnections = $((CLIENTS + 8))
CheckpointInterval  = 0
NumberOfBuffers     = 340000
MaxDirtyBuffers     = 250000
ThreadsPerQuery     = 2
MaxQueryMem         = 4G
DirsAllowed         = ., $(dirname "$data")
CaseMode            = 2
[HTTPServer]
ServerPort           = 127.0.0.1:$VIRTUOSO_HTTP_PORT
ServerRoot           = $vdir
ServerThreads        = $((CLIENTS + 2))
MaxClientConnections = $((CLIENTS + 2))
MaxKeepAlives        = $((CLIENTS + 2))
KeepAliveTimeout     = 10
[SPARQL]
ResultSetMaxRows           = 100000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
INI
  (cd "$vdir" && exec virtuoso-t +configfile "$vdir/virtuoso.ini" +foreground > "$vdir/stdout.log" 2>&1) &
  vpid=$!
  ISQL=(isql-vt "127.0.0.1:$VIRTUOSO_PORT" dba dba VERBOSE=OFF BANNER=OFF PROMPT=OFF ECHO=OFF)
  for _ in $(seq 120); do "${ISQL[@]}" exec="select 1;" > /dev/null 2>&1 && break; sleep 0.5; done
  say "[$label] virtuoso load (ld_dir + rdf_loader_run + checkpoint)"
  "${ISQL[@]}" exec="ld_dir('$(dirname "$data")', '$(basename "$data")', 'http://example.org/kg'); rdf_loader_run(); checkpoint;" \
    > "$out/virtuoso-load.log" 2>&1 || warn "virtuoso load failed; see $out/virtuoso-load.log"
  run_engine virtuoso "http://127.0.0.1:$VIRTUOSO_HTTP_PORT/sparql" values
fi
rm -rf "$db"

# ---- the table ----------------------------------------------------------------------------------
awk -v label="$label" -v clients="$CLIENTS" -v bulk="$bulk_triples" '
  function field(line, key,   m) {
    if (match(line, "(^| )" key "=[^ ]*")) { m = substr(line, RSTART, RLENGTH); sub(/^ /, "", m); return substr(m, length(key) + 2) }
    return ""
  }
  function cell(e, q, k) { return ((e SUBSEP q) in seen) ? v[e, q, k] : "n/a" }
  function ratio(q, k) {
    if (!(("silk" SUBSEP q) in seen) || !(("virtuoso" SUBSEP q) in seen) || v["virtuoso", q, k] + 0 == 0) return "n/a"
    return sprintf("%.2f", v["silk", q, k] / v["virtuoso", q, k])
  }
  /^engine=/ {
    e = field($0, "engine")
    if (field($0, "op") == "bulk_load") { load[e] = field($0, "loads") " (" field($0, "failed") " failed), " field($0, "mean_load_s") " s each"; next }
    q = field($0, "query"); if (q == "") next
    if (!(q in known)) { known[q] = 1; order[++nq] = q }
    seen[e, q] = 1
    split("requests ok wrong failed rows p50_ms p99_ms throughput_rps seconds", keys, " ")
    for (k in keys) v[e, q, keys[k]] = field($0, keys[k])
  }
  END {
    printf "\n### %s triples, %s clients, bulk loads of %s triples all the while; latency in ms\n\n", label, clients, bulk
    printf "| query | rows | silk p50 | silk p99 | virtuoso p50 | virtuoso p99 | silk÷virtuoso p50 | silk÷virtuoso p99 | wrong+failed silk / virtuoso |\n"
    printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    for (i = 1; i <= nq; i++) {
      q = order[i]
      if (q == "all") continue
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |\n", q, cell("silk", q, "rows"), cell("silk", q, "p50_ms"), cell("silk", q, "p99_ms"),
        cell("virtuoso", q, "p50_ms"), cell("virtuoso", q, "p99_ms"), ratio(q, "p50_ms"), ratio(q, "p99_ms"),
        cell("silk", q, "wrong") + cell("silk", q, "failed"), cell("virtuoso", q, "wrong") + cell("virtuoso", q, "failed")
    }
    printf "| **all** | | %s | %s | %s | %s | %s | %s | %s / %s |\n", cell("silk", "all", "p50_ms"), cell("silk", "all", "p99_ms"),
      cell("virtuoso", "all", "p50_ms"), cell("virtuoso", "all", "p99_ms"), ratio("all", "p50_ms"), ratio("all", "p99_ms"),
      cell("silk", "all", "wrong") + cell("silk", "all", "failed"), cell("virtuoso", "all", "wrong") + cell("virtuoso", "all", "failed")
    printf "\n| engine | requests | seconds | requests/s | bulk loads meanwhile |\n|---|---:|---:|---:|---|\n"
    split("silk virtuoso", engines, " ")
    for (j = 1; j <= 2; j++) {
      e = engines[j]
      if (!((e SUBSEP "all") in seen)) { printf "| %s | n/a | n/a | n/a | n/a |\n", e; continue }
      printf "| %s | %s | %s | %s | %s |\n", e, v[e, "all", "requests"], v[e, "all", "seconds"], v[e, "all", "throughput_rps"], load[e]
    }
  }' "$out/all.log" | tee "$out/table.md"
say "$(source_version); raw logs in $out/"
