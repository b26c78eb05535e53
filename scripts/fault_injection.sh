#!/usr/bin/env bash
# Fault injection: runs a load, an update and a dump with one file-system call failing
# (a write, an fsync or a rename; the first, the second, … up to every call the command makes,
# as an I/O error or a full disk), through an LD_PRELOAD library (tests/faults/fault_shim.cpp).
# After each fault the command must either succeed, or fail with exit code 1–3 and a message;
# never crash. Then, with no faults, `silk check` must pass and the store must hold exactly
# what it held before (after a failure) or what the command added (after a success).
# Usage: scripts/fault_injection.sh SILK_BINARY FAULT_SHIM [--quick]
# --quick tries at most a few call numbers of each kind (the ctest does that); without it,
# every call number is tried.
set -euo pipefail
silk="$1"
shim="$2"
quick="${3:-}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The data: a base store, and what the load adds.
for i in $(seq 1 200); do
  echo "<http://e/s$i> <http://e/p> \"base $i\" ."
done >"$work/base.nt"
for i in $(seq 1 2000); do
  echo "<http://e/n$i> <http://e/p> \"new $i\" <http://e/g> ."
done >"$work/new.nq"
"$silk" --db "$work/base" load "$work/base.nt" >/dev/null
"$silk" --db "$work/base" dump | sort >"$work/base.dump"

update='INSERT DATA { <http://e/u> <http://e/p> "updated" }'
injected=0
failed=0

# run NAME OP AFTER ERRNO -- COMMAND ARGS…: one command on a fresh copy of the base store.
check_one() {
  local name="$1" op="$2" after="$3" errno_name="$4"
  shift 5
  rm -rf "$work/db"
  cp -a "$work/base" "$work/db"
  local code=0
  SILK_FAULT_OP="$op" SILK_FAULT_AFTER="$after" SILK_FAULT_ERRNO="$errno_name" \
    LD_PRELOAD="$shim" "$silk" --db "$work/db" "$@" >"$work/out" 2>"$work/err" </dev/null || code=$?
  injected=$((injected + 1))
  local what="$name with $op #$((after + 1)) failing ($errno_name)"
  if [ "$code" -ge 4 ]; then
    echo "FAIL: $what: exit code $code (a crash?)"; cat "$work/err"; failed=$((failed + 1)); return
  fi
  if [ "$code" -ne 0 ] && ! [ -s "$work/err" ]; then
    echo "FAIL: $what: exit code $code and no message"; failed=$((failed + 1)); return
  fi
  if ! "$silk" --db "$work/db" check >"$work/check" 2>&1; then
    echo "FAIL: $what (exit code $code): silk check fails afterwards:"; cat "$work/check"
    failed=$((failed + 1)); return
  fi
  if [ "$name" = dump ] && [ "$code" -eq 0 ] && ! sort "$work/out" | cmp -s - "$work/base.dump"; then
    echo "FAIL: $what: exit code 0 but the dump is not whole"; failed=$((failed + 1)); return
  fi
  "$silk" --db "$work/db" dump | sort >"$work/after.dump"
  local expected="$work/base.dump"
  [ "$code" -eq 0 ] && expected="$work/expected-$name.dump"
  if ! cmp -s "$work/after.dump" "$expected"; then
    echo "FAIL: $what (exit code $code): the store holds $(wc -l <"$work/after.dump") quads," \
      "expected $(wc -l <"$expected")"; cat "$work/err"; failed=$((failed + 1)); return
  fi
}

# try NAME -- COMMAND ARGS…: counts the command's calls, then fails each in turn.
try() {
  local name="$1"
  shift 2
  rm -rf "$work/db"
  cp -a "$work/base" "$work/db"
  SILK_FAULT_COUNT="$work/count" LD_PRELOAD="$shim" "$silk" --db "$work/db" "$@" >/dev/null 2>&1 </dev/null
  "$silk" --db "$work/db" dump | sort >"$work/expected-$name.dump"
  for op in write sync rename; do
    local total
    total="$(awk -v op="$op" '$1 == op { print $2 }' "$work/count")"
    local calls=()
    if [ -n "$quick" ]; then
      # The first, the last, and two in between.
      calls=(0 $((total / 3)) $((2 * total / 3)) $((total - 1)))
    else
      mapfile -t calls < <(seq 0 $((total - 1)))
    fi
    local seen=" "
    for after in "${calls[@]}"; do
      if [ "$after" -lt 0 ] || [[ "$seen" == *" $after "* ]]; then continue; fi
      seen+="$after "
      for errno_name in EIO ENOSPC; do
        check_one "$name" "$op" "$after" "$errno_name" -- "$@"
      done
    done
    echo "$name: $op: $total calls" >&2
  done
}

try load -- load "$work/new.nq"
try update -- query "$update"
try dump -- dump --format nquads

echo "$injected faults injected, $failed failures"
[ "$failed" -eq 0 ]
