#!/usr/bin/env bash
# One client of `silk serve` checked against `silk query` on the same store. Loads the shipped
# graph and clients_data.trig, serves them with --updates and a --timeout of 2 s, and runs the
# client's checks with
#   SILK           the silk binary          SILK_DB        the store
#   SILK_URL       http://HOST:PORT         SILK_PREFIXES  a file of PREFIX lines: those silk
#                                                          query declares, for the clients
#   SILK_QUERIES   queries/, which every client runs (select_*, ask_*, construct_*)
#   SILK_QUESTIONS the shipped graph's questions (tests/datasets/questions)
# Usage: client_test.sh SILK_BINARY SOURCE_DIR COMMAND ARGS…
set -uo pipefail
silk=$1
source_dir=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../serve_lib.sh"

db=$tmp/db
"$silk" --db "$db" load "$source_dir/datasets/korea-central-asia.trig" "$here/clients_data.trig" \
  >/dev/null || exit 1
echo .prefixes | "$silk" --db "$db" shell | awk 'NF == 2 { print "PREFIX", $1, $2 }' >"$tmp/prefixes.rq"
[ -s "$tmp/prefixes.rq" ] || { echo "silk shell's .prefixes printed nothing"; exit 1; }
# --timeout: a client's query past it shows how the client reports the server's 503.
start "$db" --updates --timeout 2

SILK=$silk SILK_DB=$db SILK_URL=$url SILK_PREFIXES=$tmp/prefixes.rq SILK_QUERIES=$here/queries \
  SILK_QUESTIONS=$source_dir/tests/datasets/questions "$@"
code=$?
same "the client's checks: exit 0" 0 "$code"
stop
same "SIGTERM: exit 0" 0 "$?"
finish
