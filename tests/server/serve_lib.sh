# Shared by the shell tests of `silk serve` (serve_test.sh, clients/*): a temporary folder
# removed on exit, check reporting, and a server started on a free loopback port.
# Usage: silk=SILK_BINARY; source serve_lib.sh. Then each check is `pass`/`fail`/`same`/
# `contains`, and the script ends with `finish`.
tmp=$(mktemp -d)
pid=""
failures=0
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
# same NAME EXPECTED ACTUAL
same() {
  if [ "$2" == "$3" ]; then pass "$1"; else fail "$1"; diff <(echo "$2") <(echo "$3") | head -20; fi
}
# contains NAME NEEDLE HAYSTACK
contains() {
  if [[ "$3" == *"$2"* ]]; then pass "$1"; else fail "$1: no '$2' in: $(head -c 400 <<<"$3")"; fi
}
# finish: the summary line, and the exit code that says whether any check failed.
finish() {
  echo
  if [ "$failures" -gt 0 ]; then
    echo "$failures checks failed"
    exit 1
  fi
  echo "all checks passed"
  exit 0
}

# start DB ARGS…: serves DB on a free loopback port; sets pid and url (http://HOST:PORT).
start() { start_at 127.0.0.1:0 "$@"; }
# start_at HOST:PORT DB ARGS…: the same on another address (port 0: a free one).
start_at() {
  local bind=$1 db=$2
  shift 2
  : >"$tmp/serve.out"
  "$silk" --db "$db" serve --bind "$bind" "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
  pid=$!
  for _ in $(seq 200); do
    grep -q '^Serving' "$tmp/serve.out" && break
    sleep 0.05
  done
  url=$(sed -n 's|.* at \(http://[^ ]*\)/sparql .*|\1|p' "$tmp/serve.out")
  if [ -z "$url" ]; then
    echo "silk serve did not start:"; cat "$tmp/serve.err"; exit 1
  fi
}
# stop: SIGTERM, and the exit code it ended with.
stop() {
  kill -TERM "$pid"
  wait "$pid"
  local code=$?
  pid=""
  return $code
}
# http ARGS…: curl, the body into $tmp/body and headers into $tmp/headers; prints the status.
http() {
  curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' "$@"
}
body() { cat "$tmp/body"; }
content_type() { sed -n 's/^[Cc]ontent-[Tt]ype: \([^;\r]*\).*/\1/p' "$tmp/headers"; }
