#!/usr/bin/env bash
# usage: bench/kill_loop.sh [ROUNDS] [TRIPLES]       (defaults: 50 rounds, 200000 triples)
#
# The long version of tests/shell/load_kill_test.cpp: a load happens whole or not at all, also
# when the process is killed at any moment. A base store holds the first 10 % of a generated
# news file (datasets/generate_news.py TRIPLES). Each round copies it, starts
# `silk --db COPY load FILE`, sends SIGKILL after a random delay in [0, T] (T: how long the
# same load takes when it runs to the end), and then `silk --db COPY check` must pass and the
# sorted dump must be the one from before the load or the one after it. Odd rounds load the
# last SMALL statements of the file (one RocksDB WriteBatch), even rounds the whole file
# (SST files ingested into every index). Any other outcome keeps the store and exits 1.
#
# env: BUILD_DIR  build dir (default: the repo's build/), configured as Release and built here
#      WORK       data, stores and logs (default: ${TMPDIR:-/tmp}/silkgraph-bench)
#      SEED       generator seed (default 42)
#      SMALL      statements in the small load (default 1000)
#      KILL_SEED  seed of the random delays (default: a random one, printed to repeat a run)
#      MEMORY     silk load's --memory (default 16M, the least it takes: the big load spills
#                 sorted runs and terms, so kills land in spills and in the merge as well)
#      SKIP_BUILD=1  use the silk already in BUILD_DIR
#      JOBS       build parallelism (default: nproc)
set -uo pipefail

PROG=bench/kill_loop.sh
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
WORK="${WORK:-${TMPDIR:-/tmp}/silkgraph-bench}"
SEED="${SEED:-42}"
SMALL="${SMALL:-1000}"
MEMORY="${MEMORY:-16M}"
KILL_SEED="${KILL_SEED:-$((RANDOM * 32768 + RANDOM))}"
JOBS="${JOBS:-$(nproc)}"
ROUNDS="${1:-50}"
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
TRIPLES="$(size_count "${2:-200000}")"

[ "$ROUNDS" -ge 1 ] 2> /dev/null || die "ROUNDS must be a positive number, not '$ROUNDS'"
[ "$TRIPLES" -ge 100 ] || die "TRIPLES must be at least 100"
[ "$SMALL" -ge 1 ] && [ "$SMALL" -lt "$TRIPLES" ] || die "SMALL must be between 1 and TRIPLES"
echo "command: SEED=$SEED SMALL=$SMALL MEMORY=$MEMORY KILL_SEED=$KILL_SEED bench/kill_loop.sh $ROUNDS $TRIPLES"

mkdir -p "$WORK/data"
WORK="$(cd "$WORK" && pwd)"
build_targets silk
SILK="$(find_bin silk)"
echo "silk: $(source_version)"

DIR="$WORK/kill-loop"
rm -rf "$DIR"
mkdir -p "$DIR"
label="$(size_label "$TRIPLES")"
data="$WORK/data/news-$label-s$SEED.nt"
if [ ! -s "$data" ]; then
  say "generating $data"
  python3 "$REPO/datasets/generate_news.py" "$TRIPLES" --seed "$SEED" -o "$data.tmp.nt" > "$DIR/gen.log" 2>&1 &&
    mv "$data.tmp.nt" "$data" || die "generator failed; see $DIR/gen.log"
fi

dump_hash() {  # DB: the hash of the store's statements, in sorted order
  "$SILK" --db "$1" dump --format nquads | LC_ALL=C sort | sha256sum | cut -c1-64
}

# The base store: the first 10 % of the file.
head -n "$((TRIPLES / 10))" "$data" > "$DIR/base.nt"
tail -n "$SMALL" "$data" > "$DIR/small.nt"
"$SILK" --db "$DIR/base" load "$DIR/base.nt" > "$DIR/base.log" 2>&1 || die "loading the base store failed; see $DIR/base.log"
BEFORE="$(dump_hash "$DIR/base")"

# `silk load --progress` with its standard error on a pipe read here (LOAD_FD), so the script
# learns without polling when parsing ends and the indexes are written; LOAD_PID is silk's pid.
start_load() {  # DB FILE
  exec {LOAD_FD}< <(exec "$SILK" --db "$1" load --memory "$MEMORY" --progress "$2" 2>&1 > /dev/null)
  LOAD_PID=$!
}
wait_for_commit() {  # reads the progress until "Writing the indexes"; 1 if the load ended first
  # One character at a time: the bar ends that note only when it next writes, at the end.
  local c seen="" marker="Writing the indexes"
  while IFS= read -r -N 1 -u "$LOAD_FD" c; do
    seen+="$c"
    [ ${#seen} -le ${#marker} ] || seen="${seen:1}"
    [ "$seen" = "$marker" ] && return 0
  done
  return 1
}
finish_load() {  # LOG: the rest of standard error to LOG; sets LOAD_RC
  cat <&"$LOAD_FD" >> "$1"
  exec {LOAD_FD}<&-
  { wait "$LOAD_PID"; } 2> /dev/null  # no "Killed" message from the shell
  LOAD_RC=$?
}

# For each load: the store after it runs to the end, how long that takes (whole process), and
# when it starts writing the indexes.
declare -A AFTER SECONDS_FULL SECONDS_COMMIT FILE
FILE[small]="$DIR/small.nt"
FILE[big]="$data"
for kind in small big; do
  rm -rf "$DIR/full-$kind"
  cp -a "$DIR/base" "$DIR/full-$kind"
  log="$DIR/full-$kind.log"
  : > "$log"
  t0="$(now)"
  start_load "$DIR/full-$kind" "${FILE[$kind]}"
  wait_for_commit && SECONDS_COMMIT[$kind]="$(s_since "$t0")"
  finish_load "$log"
  SECONDS_FULL[$kind]="$(s_since "$t0")"
  [ "$LOAD_RC" = 0 ] || die "the $kind load failed without a kill (exit $LOAD_RC); see $log"
  [ -n "${SECONDS_COMMIT[$kind]:-}" ] || die "silk load --progress never said 'Writing the indexes'; see $log"
  "$SILK" --db "$DIR/full-$kind" check > "$DIR/full-$kind.check" 2>&1 ||
    die "check failed after a complete $kind load; see $DIR/full-$kind.check"
  AFTER[$kind]="$(dump_hash "$DIR/full-$kind")"
  [ "${AFTER[$kind]}" != "$BEFORE" ] || die "the $kind load changes nothing: its statements are all in the base store"
  rm -rf "$DIR/full-$kind"
  echo "$kind load: $(wc -l < "${FILE[$kind]}") statements onto a base of $((TRIPLES / 10)):" \
    "${SECONDS_FULL[$kind]} s to the end, writing the indexes from ${SECONDS_COMMIT[$kind]} s"
done

# ---- the rounds ------------------------------------------------------------------------------
# Odd rounds load the small file, even rounds the big one. Rounds 1 and 2 (mod 4) kill at a
# random moment of the whole load: [0, T] after the start. Rounds 3 and 4 (mod 4) wait until
# this load starts writing the indexes and kill at a random moment of that part and a little
# beyond, to hit the end of the commit and the close too: [0, 1.25 (T - Tc)] after it (Tc:
# when the complete load started writing them).
RANDOM="$KILL_SEED"
before=0; after=0; torn=0; failed=0; finished=0; in_commit=0
declare -A kind_before kind_after
for round in $(seq "$ROUNDS"); do
  kind=big; [ $((round % 2)) = 1 ] && kind=small
  db="$DIR/round-$round"
  rm -rf "$db"
  cp -a "$DIR/base" "$db"
  : > "$db.err"
  if [ $((round % 4)) = 1 ] || [ $((round % 4)) = 2 ]; then
    span="${SECONDS_FULL[$kind]}"; when="of the load"
  else
    span="$(awk -v a="${SECONDS_COMMIT[$kind]}" -v b="${SECONDS_FULL[$kind]}" 'BEGIN { printf "%.3f", 1.25 * (b - a) }')"
    when="of writing the indexes"
  fi
  delay="$(awk -v t="$span" -v r="$RANDOM" 'BEGIN { printf "%.3f", t * r / 32767 }')"
  start_load "$db" "${FILE[$kind]}"
  if [ "$when" = "of the load" ] || wait_for_commit; then
    sleep "$delay"
    kill -9 "$LOAD_PID" 2> /dev/null
  fi
  finish_load "$db.err"
  rc="$LOAD_RC"
  phase="before writing the indexes"
  problem=""
  if [ "$rc" = 0 ]; then
    phase="finished before the kill"; finished=$((finished + 1))
  elif [ "$rc" != 137 ]; then
    phase="ended on its own"
    problem="the load failed without a kill (exit $rc): $(tail -2 "$db.err" | tr '\r\n' '  ')"
  elif grep -q "Writing the indexes" "$db.err" || [ "$when" != "of the load" ]; then
    phase="writing the indexes"; in_commit=$((in_commit + 1))
  fi
  outcome=""
  if ! "$SILK" --db "$db" check > "$db.check" 2>&1; then
    problem="${problem:+$problem; }silk check failed: $(tail -3 "$db.check" | tr '\n' ' ')"
  fi
  hash="$(dump_hash "$db")" || problem="${problem:+$problem; }silk dump failed"
  if [ "$hash" = "$BEFORE" ]; then outcome=before
  elif [ "$hash" = "${AFTER[$kind]}" ]; then outcome=after
  else
    outcome=torn; torn=$((torn + 1))
    problem="${problem:+$problem; }the dump is neither the one before nor the one after the load"
  fi
  printf 'round %3d: %-5s load, kill at %s s of %s s %s (%s): %s\n' \
    "$round" "$kind" "$delay" "$span" "$when" "$phase" "$outcome"
  if [ -n "$problem" ]; then
    failed=$((failed + 1))
    mv "$db" "$DIR/failed-round-$round"
    echo "  FAILED: $problem; store kept in $DIR/failed-round-$round" >&2
    continue
  fi
  case "$outcome" in
    before) before=$((before + 1)); kind_before[$kind]=$((${kind_before[$kind]:-0} + 1)) ;;
    after) after=$((after + 1)); kind_after[$kind]=$((${kind_after[$kind]:-0} + 1)) ;;
  esac
  rm -rf "$db" "$db.err" "$db.check"
done

echo
echo "rounds $ROUNDS, before $before, after $after, torn $torn, failed $failed"
echo "  small loads ($SMALL statements, WriteBatch): before ${kind_before[small]:-0}, after ${kind_after[small]:-0}"
echo "  big loads ($TRIPLES statements, SST ingest): before ${kind_before[big]:-0}, after ${kind_after[big]:-0}"
echo "  killed while writing the indexes: $in_commit; load already finished when the kill came: $finished"
echo "  KILL_SEED=$KILL_SEED repeats these delays"
if [ "$failed" != 0 ]; then
  echo "FAILED: $failed round(s) left a store that fails silk check or is neither before nor after" \
    "the load ($torn torn); kept in $DIR/failed-round-*" >&2
  exit 1
fi
rm -rf "$DIR/base" "$DIR/base.nt" "$DIR/small.nt"
