#!/usr/bin/env bash
# Fault injection: runs a load, an update, a request of several updates and a dump with one
# file-system call failing (a write, an fsync or a rename; the first, the second, … up to
# every call the command makes, as an I/O error or a full disk), through an LD_PRELOAD library (tests/faults/fault_shim.cpp).
# After each fault the command must either succeed, or fail with exit code 1–3 and a message;
# never crash; a failed fsync may leave the write done, and silk must then say it may be. Then, with no faults, `silk check` must pass and the store must hold exactly
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
# Enough for a bulk load, which writes index files and ingests them instead of a batch.
for i in $(seq 1 80000); do
  echo "<http://e/b$i> <http://e/p> \"bulk $i\" ."
done >"$work/bulk.nt"
"$silk" --db "$work/base" load "$work/base.nt" >/dev/null
"$silk" --db "$work/base" dump | sort >"$work/base.dump"

update='INSERT DATA { <http://e/u> <http://e/p> "updated" }'
# Several operations in one request, one commit: a LOAD, a graph copy, a WHERE.
request="INSERT DATA { <http://e/u> <http://e/p> \"updated\" } ; LOAD <$work/new.nq> ;
  COPY DEFAULT TO <http://e/copy> ; DELETE WHERE { GRAPH <http://e/copy> { <http://e/u> ?p ?o } }"
injected=0
failed=0
indeterminate=0

# run NAME OP AFTER ERRNO -- COMMAND ARGS…: one command on a fresh copy of the base store.
check_one() {
  local name="$1" op="$2" after="$3" fault="$4"
  shift 5
  local errno_name="${fault%-once}" once=""
  [ "$fault" != "$errno_name" ] && once=1
  rm -rf "$work/db"
  cp -a "$work/base" "$work/db"
  local code=0
  SILK_FAULT_OP="$op" SILK_FAULT_AFTER="$after" SILK_FAULT_ERRNO="$errno_name" \
    SILK_FAULT_ONCE="$once" LD_PRELOAD="$shim" "$silk" --db "$work/db" "$@" >"$work/out" 2>"$work/err" </dev/null || code=$?
  injected=$((injected + 1))
  local what="$name with $op #$((after + 1)) failing ($fault)"
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
  # A failed fsync leaves a write neither done nor undone, and silk says so: then the store
  # holds what it held before or all the command added, nothing in between.
  # A load or an update writes its output (a summary) only after its commit: when that fails,
  # the commit stands.
  if [ "$code" -ne 0 ] && grep -q "cannot write the output" "$work/err"; then
    expected="$work/expected-$name.dump"
  fi
  if [ "$code" -ne 0 ] && grep -q "may or may not be in the store" "$work/err" &&
    cmp -s "$work/after.dump" "$work/expected-$name.dump"; then
    expected="$work/expected-$name.dump"
    indeterminate=$((indeterminate + 1))
  fi
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
  # Output to a file, as in check_one: a dump's writes to it are among those counted.
  SILK_FAULT_COUNT="$work/count" LD_PRELOAD="$shim" "$silk" --db "$work/db" "$@" >"$work/out" 2>/dev/null </dev/null
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
      # A disk that stays bad, one that is full, and one bad call among good ones.
      for fault in EIO ENOSPC EIO-once; do
        check_one "$name" "$op" "$after" "$fault" -- "$@"
      done
    done
    echo "$name: $op: $total calls" >&2
  done
}

try load -- load "$work/new.nq"
try bulk-load -- load "$work/bulk.nt"
try update -- query "$update"
try request -- query "$request"
try dump -- dump --format nquads

echo "$injected faults injected, $failed failures ($indeterminate reported as 'may or may not be in the store', and were)"
[ "$failed" -eq 0 ]
