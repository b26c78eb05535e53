# shellcheck shell=bash disable=SC2034  # (sets globals the sourcing script reads)
# Shell functions shared by bench/run.sh, bench/load.sh and bench/kill_loop.sh; sourced, not run.
#
# The sourcing script sets PROG (its name in messages), REPO, BUILD_DIR, WORK and JOBS, and for
# the peers PEERS_SRC and PEERS, before it calls these.

say() { echo "== $*" >&2; }
warn() { echo "$PROG: $*" >&2; }
die() { warn "$*"; exit 1; }

now() { echo "$EPOCHREALTIME"; }
ms_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", (b - a) * 1000 }'; }
s_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# A size as the scripts take it (1e6, 2.5e5, 200000) as a whole number, and as a short label
# for file names (1m, 250k, 1234).
size_count() { awk -v s="$1" 'BEGIN { printf "%d", s }'; }
size_label() {
  local n="$1"
  if [ "$n" -gt 0 ] && [ $((n % 1000000)) = 0 ]; then echo "$((n / 1000000))m"
  elif [ "$n" -gt 0 ] && [ $((n % 1000)) = 0 ]; then echo "$((n / 1000))k"
  else echo "$n"; fi
}

# ---- build -----------------------------------------------------------------------------------
build_targets() {  # TARGET...: a Release build in BUILD_DIR, unless SKIP_BUILD=1
  [ "${SKIP_BUILD:-0}" = 1 ] && return 0
  say "building $* (Release) in $BUILD_DIR"
  mkdir -p "$WORK"
  cmake -S "$REPO" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release > "$WORK/build.log" 2>&1 &&
    cmake --build "$BUILD_DIR" -j"$JOBS" --target "$@" >> "$WORK/build.log" 2>&1 ||
    die "build failed; see $WORK/build.log"
}

find_bin() {  # NAME: the built program, wherever the build layout put it
  local f
  for f in "$BUILD_DIR/$1" "$BUILD_DIR/shell/$1" "$BUILD_DIR/bench/$1"; do
    [ -x "$f" ] && { echo "$f"; return 0; }
  done
  die "$1 not found in $BUILD_DIR"
}

# Which commit the binaries were built from, for the record printed with the results.
source_version() {
  local rev
  rev="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)" || { echo "unknown commit"; return; }
  if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    echo "commit $rev with uncommitted changes"
  else
    echo "commit $rev"
  fi
}

# ---- peak memory -----------------------------------------------------------------------------
# GNU time's %M (peak resident set, kB) when it is installed and works.
have_gnu_time() { [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2> /dev/null; }

poll_hwm() {  # PID FILE: writes PID's VmHWM (peak resident set, kB) to FILE until PID ends
  local kb
  while kb="$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$1/status" 2> /dev/null)" && [ -n "$kb" ]; do
    echo "$kb" > "$2"
    sleep 0.1
  done
}

find_descendant() {  # PID NAME: the pid of the first process named NAME below PID
  local kid
  for kid in $(pgrep -P "$1"); do
    if [ "$(cat "/proc/$kid/comm" 2> /dev/null)" = "$2" ]; then echo "$kid"; return 0; fi
    find_descendant "$kid" "$2" && return 0
  done
  return 1
}

# Runs CMD with standard output and error to LOG and sets RUN_RC (its exit status), RUN_S
# (wall seconds, the whole process) and RUN_PEAK_KB (its peak resident memory in kB: GNU
# time's, else the last VmHWM read while it ran; empty when neither works).
run_measured() {  # LOG CMD...
  local log="$1" t0 pid gnu=0; shift
  RUN_PEAK_KB=""
  rm -f "$log.rss"
  have_gnu_time && gnu=1
  t0="$(now)"
  if [ "$gnu" = 1 ]; then
    /usr/bin/time -f %M -o "$log.rss" "$@" > "$log" 2>&1
    RUN_RC=$?
    RUN_S="$(s_since "$t0")"
    RUN_PEAK_KB="$(tail -1 "$log.rss" 2> /dev/null | grep -E '^[0-9]+$')"
  else
    "$@" > "$log" 2>&1 &
    pid=$!
    poll_hwm "$pid" "$log.rss"
    wait "$pid"
    RUN_RC=$?
    RUN_S="$(s_since "$t0")"
    RUN_PEAK_KB="$(cat "$log.rss" 2> /dev/null)"
  fi
  return 0
}

# ---- peers -----------------------------------------------------------------------------------
# A writable copy of the peers folder in $WORK/peers (PEERS_DIR), and what the runners of the
# peers named in PEERS need: npm's oxigraph, apt's virtuoso-opensource. Sets have_oxigraph and
# have_virtuoso to 1 for each peer that is ready; a peer that fails to install stays 0 (n/a).
peers_setup() {
  PEERS_DIR="$WORK/peers"
  have_oxigraph=0; have_virtuoso=0
  [ -n "$PEERS" ] || return 0
  [ -d "$PEERS_SRC" ] || { warn "no peers folder at $PEERS_SRC (expected beside the repo); peers: n/a"; return 0; }
  mkdir -p "$PEERS_DIR"
  # refresh the scripts and queries; keep node_modules/ from an earlier run
  (cd "$PEERS_SRC" && tar cf - --exclude=node_modules --exclude=data --exclude=db --exclude='results*' .) |
    (cd "$PEERS_DIR" && tar xf - --no-same-owner) && chmod -R u+w "$PEERS_DIR"
  local sudo=() peer
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  for peer in $PEERS; do
    case "$peer" in
      oxigraph)
        if [ ! -d "$PEERS_DIR/node_modules/oxigraph" ]; then
          say "npm install in $PEERS_DIR"
          (cd "$PEERS_DIR" && npm install) > "$WORK/npm-install.log" 2>&1 ||
            warn "npm install failed (see $WORK/npm-install.log); oxigraph: n/a"
        fi
        [ -d "$PEERS_DIR/node_modules/oxigraph" ] && have_oxigraph=1 ;;
      virtuoso)
        if ! command -v isql-vt > /dev/null || ! command -v virtuoso-t > /dev/null; then
          say "apt-get install virtuoso-opensource"
          { "${sudo[@]}" apt-get update &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource; } \
            > "$WORK/apt-install.log" 2>&1 ||
            warn "virtuoso install failed (see $WORK/apt-install.log); virtuoso: n/a"
        fi
        command -v isql-vt > /dev/null && command -v virtuoso-t > /dev/null && have_virtuoso=1 ;;
      *) warn "unknown peer '$peer' (oxigraph, virtuoso)" ;;
    esac
  done
  return 0
}

# ---- logs ------------------------------------------------------------------------------------
field() {  # LINE KEY: the value of KEY=VALUE in an `engine=...` line
  local v
  v="$(printf '%s\n' "$1" | grep -oE "(^| )$2=[^ ]*" | head -1)"
  v="${v# }"
  echo "${v#"$2"=}"
}
