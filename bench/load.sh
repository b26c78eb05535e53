#!/usr/bin/env bash
# usage: bench/load.sh [SIZE...]       (SIZE: statements to generate, e.g. 1e6 10e6; default 1e6)
#
# Load benchmark on our own generator's data (datasets/generate_news.py): for each size, the
# same N-Triples file is loaded into a new SilkGraph store and into each peer of
# ../shared/peers (Oxigraph in memory, Virtuoso 7), and one table per size prints load time,
# triples/s, bytes per quad on disk, peak memory, and SilkGraph's ratios to each peer.
#
# env: BUILD_DIR  build dir (default: the repo's build/), configured as Release and built here
#      WORK       data, stores, peers' copy and raw logs (default: ${TMPDIR:-/tmp}/silkgraph-bench)
#      SEED       generator seed (default 42)
#      PEERS      which peers to run (default: "oxigraph virtuoso"; empty for none)
#      PEER_TIMEOUT  seconds one peer's load may take (default 1800)
#      PORT       Virtuoso's port, passed to its runner (the runner's default: 21111)
#      SILK_RUNS  silk loads per size, the median reported (default 3; the peers load once)
#      SKIP_BUILD=1  use the silk already in BUILD_DIR
#      JOBS       build parallelism (default: nproc)
set -uo pipefail

PROG=bench/load.sh
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PEERS_SRC="$REPO/../shared/peers"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-${TMPDIR:-/tmp}/silkgraph-bench}"
SEED="${SEED:-42}"
PEERS="${PEERS-oxigraph virtuoso}"
PEER_TIMEOUT="${PEER_TIMEOUT:-1800}"
SILK_RUNS="${SILK_RUNS:-3}"
JOBS="${JOBS:-$(nproc)}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1e6)
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"

# The command line, as it can be run again (the settings that change the results included).
COMMAND="SEED=$SEED PEERS=\"$PEERS\" bench/load.sh ${SIZES[*]}"

mkdir -p "$WORK/data"
WORK="$(cd "$WORK" && pwd)"

build_targets silk
SILK="$(find_bin silk)"
peers_setup

# ---- the engines -----------------------------------------------------------------------------
# Each appends one line to ALL.log:
#   engine=NAME op=load triples=T load_s=S disk_bytes=D bytes_per_quad=B peak_mb=M
# or engine=NAME op=load ERROR: why

load_silk() {  # DATA OUTDIR: the median of SILK_RUNS loads into a new store
  local db="$2/db-silk" triples disk times="" peak=0 run
  for run in $(seq "$SILK_RUNS"); do
    say "[$label] silk load ($run of $SILK_RUNS)"
    rm -rf "$db"
    run_measured "$2/silk.log" "$SILK" --db "$db" load "$1"
    if [ "$RUN_RC" != 0 ]; then
      echo "engine=silkgraph op=load ERROR: silk load exited with $RUN_RC: $(tail -3 "$2/silk.log" | tr '\n' ' ')"
      return
    fi
    times="$times $RUN_S"
    [ -n "$RUN_PEAK_KB" ] && [ "$RUN_PEAK_KB" -gt "$peak" ] && peak="$RUN_PEAK_KB"
  done
  triples="$("$SILK" --db "$db" stats 2>> "$2/silk.log" | awk '$1 == "quads" { gsub(",", "", $2); print $2; exit }')"
  disk="$(du -sb "$db" | cut -f1)"
  awk -v n="${triples:-0}" -v t="$times" -v d="$disk" -v k="$peak" 'BEGIN {
    m = split(t, s, " "); for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (s[j] + 0 < s[i] + 0) { x = s[i]; s[i] = s[j]; s[j] = x }
    printf "engine=silkgraph op=load triples=%d load_s=%s disk_bytes=%d bytes_per_quad=%s peak_mb=%s\n",
      n, s[int((m + 1) / 2)], d, n ? sprintf("%.1f", d / n) : "n/a", k == 0 ? "n/a" : sprintf("%.0f", k / 1024) }'
  rm -rf "$db"
}

peer_result() {  # NAME RC LOG: the peer's exit status or timeout as an ERROR line; 1 if it failed
  if [ "$2" = 124 ] || [ "$2" = 137 ]; then
    echo "engine=$1 op=load ERROR: stopped after PEER_TIMEOUT=${PEER_TIMEOUT} s; see $3"
  elif [ "$2" != 0 ] || ! grep -q '^engine=.* op=load ' "$3"; then
    echo "engine=$1 op=load ERROR: its runner exited with $2: $(grep -v '^engine=' "$3" | tail -3 | tr '\n' ' ') (see $3)"
  else
    return 0
  fi
  return 1
}

load_oxigraph() {  # DATA OUTDIR: in-memory Oxigraph (node); peak = the node process's peak RSS
  local line rss
  say "[$label] oxigraph load"
  run_measured "$2/oxigraph.log" timeout --kill-after=30 "$PEER_TIMEOUT" "$PEERS_DIR/run_oxigraph.sh" "$1"
  peer_result oxigraph "$RUN_RC" "$2/oxigraph.log" || return
  line="$(grep -m1 '^engine=oxigraph op=load ' "$2/oxigraph.log")"
  rss="$RUN_PEAK_KB"
  # without a measured peak: the RSS the runner read after its load
  [ -n "$rss" ] || rss="$(awk -v m="$(field "$line" rss_mb)" 'BEGIN { if (m != "") print m * 1024 }')"
  awk -v n="$(field "$line" triples)" -v s="$(field "$line" load_s)" -v k="$rss" 'BEGIN {
    printf "engine=oxigraph op=load triples=%d load_s=%s disk_bytes=n/a bytes_per_quad=n/a peak_mb=%s\n",
      n, s, k == "" ? "n/a" : sprintf("%.0f", k / 1024) }'
}

load_virtuoso() {  # DATA OUTDIR: a private Virtuoso server; peak = the server's VmHWM
  local line rpid watcher rc=0 hwm errors
  say "[$label] virtuoso load"
  rm -f "$2/virtuoso.hwm"
  timeout --kill-after=30 "$PEER_TIMEOUT" "$PEERS_DIR/run_virtuoso.sh" "$1" > "$2/virtuoso.log" 2>&1 &
  rpid=$!
  # The runner starts virtuoso-t below itself; read the server's high-water mark until it ends.
  (
    while kill -0 "$rpid" 2> /dev/null; do
      if vpid="$(find_descendant "$rpid" virtuoso-t)"; then poll_hwm "$vpid" "$2/virtuoso.hwm"; fi
      sleep 0.1
    done
  ) &
  watcher=$!
  wait "$rpid" || rc=$?
  wait "$watcher" 2> /dev/null
  peer_result virtuoso "$rc" "$2/virtuoso.log" || return
  line="$(grep -m1 '^engine=virtuoso op=load ' "$2/virtuoso.log")"
  hwm="$(cat "$2/virtuoso.hwm" 2> /dev/null)"
  errors="$(field "$line" load_errors)"
  # bytes per quad: the used pages of the database file, as the runner computes it (the file
  # itself is pre-extended in steps)
  awk -v n="$(field "$line" triples)" -v s="$(field "$line" load_s)" -v d="$(field "$line" disk_bytes)" \
      -v b="$(field "$line" bytes_per_triple)" -v k="$hwm" -v e="$errors" 'BEGIN {
    printf "engine=virtuoso op=load triples=%d load_s=%s disk_bytes=%s bytes_per_quad=%s peak_mb=%s load_errors=%s\n",
      n, s, d, b, k == "" ? "n/a" : sprintf("%.0f", k / 1024), e == "" ? "?" : e }'
}

# ---- the table -------------------------------------------------------------------------------
print_table() {  # LABEL STATEMENTS DATA_NAME DATA_BYTES ALL.log
  awk -v label="$1" -v statements="$2" -v name="$3" -v bytes="$4" -v command="$COMMAND" \
      -v version="$VERSION" '
    function field(line, key,   m) {
      if (match(line, "(^| )" key "=[^ ]*")) { m = substr(line, RSTART, RLENGTH); sub(/^ /, "", m); return substr(m, length(key) + 2) }
      return ""
    }
    function num(v) { return v != "" && v != "n/a" && v + 0 > 0 }
    function commas(n,   s, r) {
      s = sprintf("%d", n); r = ""
      while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
      return s r
    }
    function ratio(a, b) { return (num(a) && num(b)) ? sprintf("%.2f", a / b) : "n/a" }
    /^engine=/ {
      e = field($0, "engine")
      if (!(e in line)) order[++ne] = e
      line[e] = $0
    }
    END {
      printf "\n### Load: %s statements (%s, %.0f MB)\n\n", commas(statements), name, bytes / 1048576
      printf "`%s`  \n%s\n\n", command, version
      printf "| engine | triples stored | seconds | triples/s | bytes/quad on disk | peak MB | rate silk÷peer | bytes silk÷peer | memory silk÷peer |\n"
      printf "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
      s = line["silkgraph"]
      if (s != "" && s !~ / ERROR/) {
        srate = statements / field(s, "load_s"); sbytes = field(s, "bytes_per_quad"); speak = field(s, "peak_mb")
      }
      for (i = 1; i <= ne; i++) {
        e = order[i]; l = line[e]
        if (l ~ / ERROR/) {
          printf "| %s | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |\n", e
          msg = l; sub(/.* ERROR: /, "", msg); notes = notes sprintf("\n- %s: n/a, %s", e, msg)
          continue
        }
        n = field(l, "triples"); t = field(l, "load_s"); rate = (num(t) ? statements / t : 0)
        b = field(l, "bytes_per_quad"); p = field(l, "peak_mb")
        shown = e
        if (e == "oxigraph") { shown = "oxigraph (in memory)"; b = "n/a (in memory)" }
        if (e == "virtuoso") shown = "virtuoso (server)"
        if (e == "silkgraph") r1 = r2 = r3 = "–"
        else { r1 = ratio(srate, rate); r2 = ratio(sbytes, b); r3 = ratio(speak, p) }
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", shown, commas(n), t, commas(rate), b, p, r1, r2, r3
        if (e != "silkgraph" && s != "" && s !~ / ERROR/ && n != field(s, "triples"))
          notes = notes sprintf("\n- %s holds %s triples, SilkGraph %s: they did not load the same statements", e, commas(n), commas(field(s, "triples")))
        le = field(l, "load_errors")
        if (le != "" && le != "0") notes = notes sprintf("\n- %s reported %s load error(s) (rows of DB.DBA.load_list with ll_error set): it rejected part of the file", e, le)
      }
      if (notes != "") printf "\nProblems:%s\n", notes
    }' "$5"
}

VERSION="silk: $(source_version); $(nproc) CPUs"
for size in "${SIZES[@]}"; do
  n="$(size_count "$size")"
  label="$(size_label "$n")"
  data="$WORK/data/news-$label-s$SEED.nt"
  out="$WORK/load-$label"
  mkdir -p "$out"
  : > "$out/all.log"
  if [ ! -s "$data" ]; then
    say "[$label] generating $data"
    python3 "$REPO/datasets/generate_news.py" "$n" --seed "$SEED" -o "$data.tmp.nt" > "$out/gen.log" 2>&1 &&
      mv "$data.tmp.nt" "$data" || die "generator failed; see $out/gen.log"
  fi
  statements="$(wc -l < "$data")"

  load_silk "$data" "$out" | tee -a "$out/all.log"
  for peer in $PEERS; do
    case "$peer" in
      oxigraph) if [ "$have_oxigraph" = 1 ]; then load_oxigraph "$data" "$out"
                else echo "engine=oxigraph op=load ERROR: not installed"; fi ;;
      virtuoso) if [ "$have_virtuoso" = 1 ]; then load_virtuoso "$data" "$out"
                else echo "engine=virtuoso op=load ERROR: not installed"; fi ;;
      *) ;;
    esac | tee -a "$out/all.log"
  done
  {
    print_table "$label" "$statements" "$(basename "$data")" "$(stat -c %s "$data")" "$out/all.log"
    # silk's own timer counts the load without process start, store open and close
    own="$(grep -m1 '^Loaded ' "$out/silk.log" 2> /dev/null)"
    [ -z "$own" ] || printf '\nsilk load said: %s\n' "$own"
  } | tee "$out/table.md"
done
say "raw logs in $WORK/load-*/"
