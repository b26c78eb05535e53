#!/usr/bin/env bash
# Read replicas: `silk backup` copies a store while a server writes to it, two `silk serve
# --readonly` serve copies of the backup, and HAProxy (a stock load balancer, Debian's
# haproxy) spreads queries over them. Through HAProxy every answer is `silk query`'s on the
# backup, both replicas serve, queries still succeed with one replica stopped, and updates are
# refused. Every process is stopped on exit, also when a check fails.
# Usage: replicas_test.sh SILK_BINARY SOURCE_DIR
set -uo pipefail
silk=$1
source_dir=$2
source "$(dirname "$0")/serve_lib.sh"
command -v haproxy >/dev/null || { echo "haproxy is not installed (scripts/dev.sh installs it)"; exit 1; }

# serve_lib.sh follows one server; this test runs four, each in its own PID variable.
writer="" writes="" replica1="" replica2="" balancer=""
stop_all() {
  for p in $writes $balancer $replica1 $replica2 $writer; do kill -KILL "$p" 2>/dev/null; done
  cleanup
}
trap stop_all EXIT

# A port nothing listens on now, for HAProxy (which cannot take port 0 and say which it got).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ----- A backup taken while a server commits one statement after another -----
db=$tmp/db
"$silk" --db "$db" load "$source_dir/datasets/korea-central-asia.trig" >/dev/null || exit 1
start "$db" --updates
writer=$pid writer_url=$url pid=""
# Statement i goes in with commit i, so a consistent copy holds statements 1..k for some k.
(
  for i in $(seq 1 100000); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/n-triples' \
      --data-binary "<http://example.org/stream/s$i> <http://example.org/stream/n> \"$i\" ." \
      "$writer_url/store?graph=http://example.org/stream"
  done
) &
writes=$!
count_stream() {  # DB: how many stream statements it holds
  "$silk" --db "$1" query --format tsv \
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/stream> { ?s ?p ?o } }' 2>/dev/null | tail -n 1
}
# Some writes before the backup (on a busy machine they come slowly: up to a minute).
for _ in $(seq 600); do
  [ "$(count_stream "$db")" -ge 20 ] 2>/dev/null && break
  sleep 0.1
done
"$silk" --db "$db" backup "$tmp/backup" >/dev/null
same "silk backup while the server writes: exit 0" 0 "$?"
sleep 0.3
kill "$writes" 2>/dev/null
wait "$writes" 2>/dev/null
writes=""
"$silk" --db "$tmp/backup" check >/dev/null
same "the backup passes silk check" 0 "$?"
copied=$(count_stream "$tmp/backup")
written=$(count_stream "$db")
if [ "$copied" -ge 1 ] && [ "$copied" -le "$written" ]; then
  pass "the backup holds some of the writes ($copied of $written)"
else
  fail "the backup holds some of the writes: $copied of $written"
fi
numbers=$("$silk" --db "$tmp/backup" query --format tsv \
  'SELECT ?n WHERE { GRAPH <http://example.org/stream> { ?s ?p ?n } }' | tail -n +2 | tr -d '"' | sort -n)
same "the backup is one commit's store: statements 1 to $copied" "$(seq 1 "$copied")" "$numbers"
kill -TERM "$writer"
wait "$writer"
writer=""

# ----- Two read-only replicas of the backup, HAProxy in front -----
cp -a "$tmp/backup" "$tmp/replica1"
cp -a "$tmp/backup" "$tmp/replica2"
start "$tmp/replica1" --readonly --log
replica1=$pid replica1_url=$url
mv "$tmp/serve.err" "$tmp/replica1.err"
start "$tmp/replica2" --readonly --log
replica2=$pid replica2_url=$url
mv "$tmp/serve.err" "$tmp/replica2.err"
pid=""

port=$(free_port)
cat >"$tmp/haproxy.cfg" <<CFG
global
  maxconn 256
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A request that cannot reach a replica goes to the other one.
  retries 3
  option redispatch 1
frontend sparql
  bind 127.0.0.1:$port
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /
  server replica1 ${replica1_url#http://} check inter 200ms fall 1 rise 1
  server replica2 ${replica2_url#http://} check inter 200ms fall 1 rise 1
CFG
haproxy -c -q -f "$tmp/haproxy.cfg"
same "the HAProxy configuration is valid" 0 "$?"
haproxy -db -q -f "$tmp/haproxy.cfg" >"$tmp/haproxy.out" 2>&1 &
balancer=$!
balanced=http://127.0.0.1:$port
for _ in $(seq 200); do
  curl -s -o /dev/null "$balanced/" && break
  sleep 0.05
done

# ----- Queries through HAProxy: silk query's answers on the backup -----
queries=("$source_dir"/tests/datasets/questions/{01,13,22,27,34}_*.rq)
mkdir "$tmp/expect"
for query in "${queries[@]}"; do
  "$silk" --db "$tmp/backup" query -f "$query" --format tsv >"$tmp/expect/$(basename "$query" .rq).tsv" || exit 1
done
stream_query='SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/stream> { ?s ?p ?o } }'
# ask_all LABEL: each query four times through HAProxy, each answer checked.
ask_all() {
  local wrong=0 asked=0 status
  for _ in 1 2 3 4; do
    for query in "${queries[@]}"; do
      asked=$((asked + 1))
      status=$(http "$balanced/sparql" --data-urlencode "query@$query" -H 'Accept: text/tab-separated-values')
      if [ "$status" != 200 ] || ! diff -q "$tmp/body" "$tmp/expect/$(basename "$query" .rq).tsv" >/dev/null; then
        wrong=$((wrong + 1))
        echo "  $(basename "$query"): status $status: $(head -c 200 "$tmp/body")"
      fi
    done
  done
  same "$1: $asked answers through HAProxy, all silk query's on the backup" 0 "$wrong"
}
ask_all "both replicas"
http -G "$balanced/sparql" --data-urlencode "query=$stream_query" -H 'Accept: text/tab-separated-values' >/dev/null
same "the replicas hold the backup's writes" "$copied" "$(tail -n 1 "$tmp/body")"
served1=$(grep -c 'GET /sparql 200\|POST /sparql 200' "$tmp/replica1.err")
served2=$(grep -c 'GET /sparql 200\|POST /sparql 200' "$tmp/replica2.err")
echo "  replica 1 served $served1 queries, replica 2 $served2"
[ "$served1" -gt 0 ] && [ "$served2" -gt 0 ] && pass "both replicas served queries" ||
  fail "both replicas served queries: $served1 and $served2"

# ----- Updates through HAProxy are refused -----
status=$(http "$balanced/sparql" --data-urlencode 'update=INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }')
same "an update through HAProxy: 403" 403 "$status"
contains "an update through HAProxy: says why" "read-only" "$(body)"
status=$(http -X PUT "$balanced/store?graph=http://example.org/stream" -H 'Content-Type: application/n-triples' \
  --data-binary '<http://example.org/a> <http://example.org/b> "c" .')
same "a graph store PUT through HAProxy: 403" 403 "$status"
http -G "$balanced/sparql" --data-urlencode "query=$stream_query" -H 'Accept: text/tab-separated-values' >/dev/null
same "after the refused updates: the backup's writes, no more" "$copied" "$(tail -n 1 "$tmp/body")"

# ----- One replica stopped: the other answers everything -----
kill -TERM "$replica1"
wait "$replica1"
same "replica 1 stops on SIGTERM: exit 0" 0 "$?"
replica1=""
before2=$(grep -c 'POST /sparql 200' "$tmp/replica2.err")
ask_all "replica 1 stopped"
after2=$(grep -c 'POST /sparql 200' "$tmp/replica2.err")
same "replica 2 answered all 20 queries" 20 "$((after2 - before2))"
kill -0 "$balancer" 2>/dev/null && pass "HAProxy is up" || fail "HAProxy is up"
kill -TERM "$replica2" "$balancer"
wait "$replica2"
same "replica 2 stops on SIGTERM: exit 0" 0 "$?"
wait "$balancer"
replica2="" balancer=""
finish
