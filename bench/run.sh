#!/usr/bin/env bash
# usage: bench/run.sh [SIZE...]        (SIZE: triples to generate, e.g. 1e6 10e6; default 1e6)
#
# Side-by-side query benchmark: SilkGraph, Oxigraph and Virtuoso on the same generated news
# graph and the same queries, in two sets: the peers' eight (../shared/peers/queries/*.rq) and
# ours (bench/queries/*.rq). One table per set and size.
#
# env: BUILD_DIR  build dir (default: the repo's build/), configured as Release and built here
#      WORK       data, stores, peers' copy and raw logs (default: ${TMPDIR:-/tmp}/silkgraph-bench)
#      RUNS       timed runs per query after one warm run (default 5)
#      SEED       generator seed (default 42)
#      PEERS      which peers to run (default: "oxigraph virtuoso"; empty for none)
#      PEER_TIMEOUT  seconds one peer may take for load + all queries (default 1800)
#      SKIP_BUILD=1  use the binaries already in BUILD_DIR
#      JOBS       build parallelism (default: nproc)
set -uo pipefail

PROG=bench/run.sh
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PEERS_SRC="$REPO/../shared/peers"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-${TMPDIR:-/tmp}/silkgraph-bench}"
RUNS="${RUNS:-5}"
SEED="${SEED:-42}"
PEERS="${PEERS-oxigraph virtuoso}"
PEER_TIMEOUT="${PEER_TIMEOUT:-1800}"
JOBS="${JOBS:-$(nproc)}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1e6)
export RUNS
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

[ -d "$PEERS_SRC/queries" ] || die "no peers folder at $PEERS_SRC (expected beside the repo)"
mkdir -p "$WORK/data"
WORK="$(cd "$WORK" && pwd)"

# ---- build ----------------------------------------------------------------------------------
build_targets silk silk_query_bench
SILK="$(find_bin silk)"
QBENCH="$(find_bin silk_query_bench)"

# ---- peers: a writable copy of the peers folder, and what its runners need ------------------
peers_setup

PEER_QUERIES=("$PEERS_SRC"/queries/*.rq)
[ -n "$PEERS" ] && PEER_QUERIES=("$PEERS_DIR"/queries/*.rq)
OUR_QUERIES=("$REPO"/bench/queries/*.rq)
[ -e "${OUR_QUERIES[0]}" ] || die "no queries in $REPO/bench/queries"
# every engine runs both sets in one go (the peers load the data once)
QUERIES=("${PEER_QUERIES[@]}" "${OUR_QUERIES[@]}")
# which set each query belongs to, for the tables: NAME=peers or NAME=ours, space-separated
QUERY_SETS="$({ for q in "${PEER_QUERIES[@]}"; do echo "$(basename "$q" .rq)=peers"; done
  for q in "${OUR_QUERIES[@]}"; do echo "$(basename "$q" .rq)=ours"; done; } | tr '\n' ' ')"

# Row counts the peers README lists for gen_news_kg.py SIZE 42 (keyed by triple count); our
# queries have none, so their engines are compared with each other.
expected_rows() {
  case "$1" in
    972177) echo "q1_subject_lookup=45 q2_pred_obj_lookup=9650 q3_star=713 q4_chain=168697 q5_filter_date_num=174 q6_optional=1173 q7_count_group=250 q8_join_order=31" ;;
    97116) echo "q1_subject_lookup=16 q2_pred_obj_lookup=1078 q3_star=59 q4_chain=18219 q5_filter_date_num=14 q6_optional=112 q7_count_group=249 q8_join_order=2" ;;
  esac
}

# Whole-process time of `silk query -f Q --format tsv > /dev/null`: 1 warm run, RUNS timed.
silk_process_times() {  # DB QUERY...
  local db="$1"; shift
  local q name t0 first rows times med mn out
  for q in "$@"; do
    name="$(basename "$q" .rq)"
    t0="$(now)"
    if ! out="$("$SILK" --db "$db" query -f "$q" --format tsv 2>&1 > "$WORK/tsv.out")"; then
      echo "engine=silk-process query=$name ERROR: $(echo "$out" | head -3 | tr '\n' ' ')"
      continue
    fi
    first="$(ms_since "$t0")"
    rows=$(( $(wc -l < "$WORK/tsv.out") - 1 ))  # minus the header line
    times=()
    for _ in $(seq "$RUNS"); do
      t0="$(now)"
      "$SILK" --db "$db" query -f "$q" --format tsv > /dev/null 2>&1
      times+=("$(ms_since "$t0")")
    done
    read -r med mn < <(printf '%s\n' "${times[@]}" | sort -g |
      awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1] }')
    echo "engine=silk-process query=$name rows=$rows first_ms=$first median_ms=$med min_ms=$mn"
  done
  rm -f "$WORK/tsv.out"
  # what every `silk query` pays before its query: start, open the store, an empty query
  times=()
  for _ in $(seq "$RUNS"); do
    t0="$(now)"
    "$SILK" --db "$db" query 'ASK {}' --format tsv > /dev/null 2>&1
    times+=("$(ms_since "$t0")")
  done
  read -r med mn < <(printf '%s\n' "${times[@]}" | sort -g |
    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1] }')
  echo "engine=silk-process op=startup median_ms=$med min_ms=$mn (silk query 'ASK {}': process start + store open)"
}

# A peer through its own runner script, stopped after PEER_TIMEOUT seconds; its lines so far count.
run_peer() {  # NAME DATA OUTDIR
  local rc=0
  say "[$label] $1"
  timeout --kill-after=30 "$PEER_TIMEOUT" "$PEERS_DIR/run_$1.sh" "$2" "${QUERIES[@]}" > "$3/$1.log" 2>&1 || rc=$?
  grep '^engine=' "$3/$1.log" | tee -a "$3/all.log"
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "engine=$1 op=timeout after_s=$PEER_TIMEOUT" | tee -a "$3/all.log"
  elif [ "$rc" != 0 ]; then
    echo "bench/run.sh: $1 failed (exit $rc); see $3/$1.log" >&2
  fi
}

# ---- one data size ---------------------------------------------------------------------------
run_size() {
  local size="$1" n label data out db
  n="$(size_count "$size")"
  label="$(size_label "$n")"
  data="$WORK/data/kg$label-s$SEED.nt"
  out="$WORK/results-$label"
  db="$WORK/db-silk-$label"
  mkdir -p "$out"
  : > "$out/all.log"

  if [ ! -s "$data" ]; then
    say "[$label] generating $data"
    python3 "$PEERS_SRC/gen_news_kg.py" "$size" "$SEED" "$data.tmp" > "$out/gen.log" 2>&1 &&
      mv "$data.tmp" "$data" || die "generator failed; see $out/gen.log"
  fi

  say "[$label] silk load"
  rm -rf "$db"
  local triples disk
  # peak resident memory from GNU time when installed (else from /proc while it runs)
  run_measured "$out/silk-load.log" "$SILK" --db "$db" load "$data"
  if [ "$RUN_RC" = 0 ]; then
    triples="$("$SILK" --db "$db" stats 2>> "$out/silk-load.log" | awk '$1 == "quads" { gsub(",", "", $2); print $2; exit }')"
    disk="$(du -sb "$db" | cut -f1)"
    awk -v n="$triples" -v s="$RUN_S" -v d="$disk" -v k="${RUN_PEAK_KB:-0}" 'BEGIN {
      printf "engine=silkgraph op=load triples=%d load_s=%.2f triples_per_s=%d disk_bytes=%d bytes_per_triple=%.1f peak_rss_mb=%d (silk load, whole process; disk = du of the store dir)\n",
        n, s, n / s, d, d / n, k / 1024 }' | tee -a "$out/all.log"
  else
    echo "engine=silkgraph op=load ERROR: $(tail -3 "$out/silk-load.log" | tr '\n' ' ')" | tee -a "$out/all.log"
  fi

  if [ -d "$db" ]; then
    say "[$label] silk_query_bench (in-process)"
    "$QBENCH" --runs "$RUNS" "$db" "${QUERIES[@]}" 2>&1 | tee "$out/silkgraph.log" | tee -a "$out/all.log"
    say "[$label] silk query (whole process)"
    silk_process_times "$db" "${QUERIES[@]}" 2>&1 | tee "$out/silk-process.log" | tee -a "$out/all.log"
  fi

  [ "$have_oxigraph" = 1 ] && run_peer oxigraph "$data" "$out"
  [ "$have_virtuoso" = 1 ] && run_peer virtuoso "$data" "$out"

  print_table "$label" "$out/all.log" "$(expected_rows "${triples:-0}")" | tee "$out/table.md"
}

# ---- the tables ------------------------------------------------------------------------------
# One table per query set (QUERY_SETS), then the process floor, the load rows and the row count
# mismatches of both sets.
print_table() {  # LABEL ALL.log EXPECTED
  awk -v label="$1" -v expected="$3" -v sets="$QUERY_SETS" '
    function field(line, key,   m) {
      if (match(line, "(^| )" key "=[^ ]*")) { m = substr(line, RSTART, RLENGTH); sub(/^ /, "", m); return substr(m, length(key) + 2) }
      return ""
    }
    function cell(e, q) {
      if ((e SUBSEP q) in med) return med[e, q]
      if ((e SUBSEP q) in err) return "ERROR"
      return (e in timedout) ? "timeout" : "n/a"
    }
    # silkgraph ÷ the peer P (or ÷ the faster peer when P is ""); "~" when a peer read 0 ms. A
    # peer whose row count is not the reference REF did other work: no ratio with it.
    function ratio(q, p, ref,   j, e, v, t, best, tilde) {
      best = ""; tilde = ""
      for (j = 3; j <= 4; j++) {
        e = engines[j]
        if (p != "" && e != p) continue
        if (!((e SUBSEP q) in med)) continue
        if (rows[e, q] != ref) { if (p != "") return "rows differ"; continue }
        v = med[e, q] + 0
        if (v == 0) { v = 0.5; t = "~" } else t = ""   # an integer-ms timer read 0: < 1 ms, taken as 0.5
        if (best == "" || v < best) { best = v; tilde = t }
      }
      if (best == "" || !(("silkgraph" SUBSEP q) in med)) return "n/a"
      return sprintf("%s%.2f", tilde, med["silkgraph", q] / best)
    }
    # The reference count: the peers README'"'"'s when it lists one, else the count two of the three
    # engines (silkgraph, oxigraph, virtuoso) agree on, else silkgraph'"'"'s (else any engine'"'"'s).
    function reference(q,   a, b, j, v3) {
      if (q in want) return want[q]
      split("silkgraph oxigraph virtuoso", v3, " ")
      for (a = 1; a <= 3; a++) for (b = a + 1; b <= 3; b++)
        if ((v3[a] SUBSEP q) in rows && (v3[b] SUBSEP q) in rows && rows[v3[a], q] == rows[v3[b], q]) return rows[v3[a], q]
      for (j = 1; j <= ne; j++) if ((engines[j] SUBSEP q) in rows) return rows[engines[j], q]
      return ""
    }
    function table(set, title,   i, j, q, e, ref, bad, rcell) {
      printf "\n### %s triples: %s, median of the timed runs in ms\n\n", label, title
      printf "| query | rows | silkgraph | silk query process | oxigraph | virtuoso | silk÷oxigraph | silk÷virtuoso | silk÷best peer |\n"
      printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
      for (i = 1; i <= nq; i++) {
        q = order[i]
        if (((q in setof) ? setof[q] : "peers") != set) continue
        ref = reference(q); bad = ""
        for (j = 1; j <= ne; j++) {
          e = engines[j]
          if ((e SUBSEP q) in rows && rows[e, q] != ref) bad = bad " " e "=" rows[e, q]
        }
        rcell = (ref != "" ? ref : "?")
        if (bad != "") {
          rcell = rcell " MISMATCH:" bad; mismatches++
          if (("silkgraph" SUBSEP q) in rows && rows["silkgraph", q] != ref) silkbad = silkbad " " q
        }
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", q, rcell, cell("silkgraph", q), cell("silk-process", q),
          cell("oxigraph", q), cell("virtuoso", q), ratio(q, "oxigraph", ref), ratio(q, "virtuoso", ref), ratio(q, "", ref)
      }
    }
    BEGIN {
      ne = split("silkgraph silk-process oxigraph virtuoso", engines, " ")
      split(expected, ex, " "); for (i in ex) { split(ex[i], kv, "="); want[kv[1]] = kv[2] }
      n = split(sets, sl, " "); for (i = 1; i <= n; i++) { split(sl[i], kv, "="); if (kv[1] != "") setof[kv[1]] = kv[2] }
    }
    /^engine=/ {
      e = field($0, "engine")
      if (field($0, "op") == "load") { loads[e] = $0; next }
      if (field($0, "op") == "startup") { startup = field($0, "median_ms"); next }
      if (field($0, "op") == "timeout") { timedout[e] = field($0, "after_s"); next }
      q = field($0, "query"); if (q == "") next
      if (!(q in seen)) { seen[q] = 1; order[++nq] = q }
      if ($0 ~ / ERROR/) { err[e, q] = 1; next }
      med[e, q] = field($0, "median_ms"); rows[e, q] = field($0, "rows")
    }
    END {
      table("peers", "the peers'"'"' queries (../shared/peers/queries/)")
      table("ours", "our queries (bench/queries/)")
      if (startup != "") printf "\nsilk query process floor (start, open store, ASK {}): %s ms\n", startup
      printf "\n| load | triples | load s | triples/s | bytes/triple | peak MB |\n|---|---:|---:|---:|---:|---:|\n"
      split("silkgraph oxigraph virtuoso", le, " ")
      for (j = 1; j <= 3; j++) {
        e = le[j]; l = loads[e]
        if (l == "" || l ~ / ERROR/) { printf "| %s | n/a | n/a | n/a | n/a | n/a |\n", e; continue }
        bpt = field(l, "bytes_per_triple")
        if (bpt == "") bpt = "n/a (in memory)"
        peak = field(l, "peak_rss_mb")
        if (peak == "") peak = field(l, "rss_mb")
        if (peak == "" || peak == "0") peak = "n/a"
        printf "| %s | %s | %s | %s | %s | %s |\n", e, field(l, "triples"), field(l, "load_s"), field(l, "triples_per_s"), bpt, peak
      }
      for (e in timedout) printf "\n%s was stopped after %s s (PEER_TIMEOUT); \"timeout\" marks queries it did not finish\n", e, timedout[e]
      if (mismatches) printf "\nROW COUNT MISMATCHES in %d query(ies): the rows column shows the reference count (from the peers README if known, else the count two of silkgraph, oxigraph and virtuoso agree on, else silkgraph'"'"'s), then each engine that differs\n", mismatches
      if (silkbad != "") printf "silkgraph differs from the reference in:%s\n", silkbad
    }' "$2"
}

for size in "${SIZES[@]}"; do run_size "$size"; done
say "raw logs in $WORK/results-*/"
