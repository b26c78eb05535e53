#!/usr/bin/env bash
# The load test's short form: 32 concurrent clients (silk_serve_load) send the shipped graph's
# questions and queries over a graph that a bulk load is filling, while that load, a Graph
# Store Protocol POST of 50,000 N-Triples, commits through the same server. Every answer must
# be right: each question's rows are those `silk query` gives, and each query over the loading
# graph sees all of it or none, never part. The server must stay up: the load succeeds, a
# query afterwards sees all of it, and SIGTERM stops it cleanly. Speed is not checked here
# (bench/serve_load.sh measures it).
# Usage: load_test.sh SILK_BINARY LOAD_CLIENT SOURCE_DIR
# env: SILK_LOAD_REQUESTS (600) and SILK_LOAD_TRIPLES (50000) for a longer run.
set -uo pipefail
silk=$1
load_client=$2
source_dir=$3
source "$(dirname "$0")/serve_lib.sh"
requests=${SILK_LOAD_REQUESTS:-600}
triples=${SILK_LOAD_TRIPLES:-50000}
graph=http://example.org/bulk

# ----- The store, the bulk load, and the queries with their accepted answers -----
db=$tmp/db
"$silk" --db "$db" load "$source_dir/datasets/korea-central-asia.trig" >/dev/null || exit 1
# Five statements about each of triples/5 subjects, in a namespace no question reads.
awk -v n="$triples" 'BEGIN {
  for (i = 0; i < n; i++)
    printf "<http://example.org/bulk/s%d> <http://example.org/bulk/p%d> \"value %d\" .\n", int(i / 5), i % 5, i
}' >"$tmp/bulk.nt"
# The store as it will be once the load has committed, for the answers after it.
"$silk" --db "$tmp/after" load "$source_dir/datasets/korea-central-asia.trig" >/dev/null || exit 1
"$silk" --db "$tmp/after" load "$tmp/bulk.nt" --graph "$graph" >/dev/null || exit 1

mkdir "$tmp/queries" "$tmp/expect"
cp "$source_dir"/tests/datasets/questions/*.rq "$tmp/queries/"
cat >"$tmp/queries/bulk_count.rq" <<RQ
SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$graph> { ?s ?p ?o } }
RQ
cat >"$tmp/queries/bulk_subject.rq" <<'RQ'
SELECT ?p ?o WHERE { <http://example.org/bulk/s777> ?p ?o } ORDER BY ?p
RQ
cat >"$tmp/queries/all_count.rq" <<'RQ'
SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }
RQ
for query in "$tmp"/queries/*.rq; do
  name=$(basename "$query" .rq)
  # (silk query warns that the bulk graph's names are not in the store yet)
  "$silk" --db "$db" query -f "$query" --format tsv >"$tmp/expect/$name.tsv" 2>/dev/null || exit 1
  if [[ $name == bulk_* || $name == all_count ]]; then
    mv "$tmp/expect/$name.tsv" "$tmp/expect/$name.before.tsv"
    "$silk" --db "$tmp/after" query -f "$query" --format tsv >"$tmp/expect/$name.after.tsv" || exit 1
  fi
done
same "the load changes the answers over its graph" 2 \
  "$(sort -u "$tmp/expect/bulk_count".*.tsv | grep -vc '?n')"

# ----- The load and the clients at once -----
start "$db" --updates
curl -s -o "$tmp/post.body" -w '%{http_code}' -X POST -H 'Content-Type: application/n-triples' \
  --data-binary "@$tmp/bulk.nt" "$url/store?graph=$graph" >"$tmp/post.status" &
post=$!
"$load_client" --engine silk --clients 32 --requests "$requests" --seconds 50 \
  "$url/sparql" "$tmp/expect" "$tmp"/queries/*.rq >"$tmp/load.out" 2>"$tmp/load.err"
code=$?
wait "$post"
grep 'query=\(all\|bulk\)' "$tmp/load.out"
cat "$tmp/load.err"
same "every request answered with an accepted answer (exit 0)" 0 "$code"
case $(cat "$tmp/post.status") in
  201 | 204) pass "the bulk load committed" ;;
  *) fail "the bulk load committed: status $(cat "$tmp/post.status"): $(head -c 300 "$tmp/post.body")" ;;
esac
kill -0 "$pid" 2>/dev/null && pass "the server is up" || fail "the server is up"

# ----- Afterwards: all of the load, through the server -----
# The clients' check itself: an answer that is no longer accepted is reported as wrong.
mkdir "$tmp/stale"
cp "$tmp/expect/bulk_count.before.tsv" "$tmp/stale/bulk_count.tsv"
"$load_client" --engine silk --clients 2 --requests 4 "$url/sparql" "$tmp/stale" \
  "$tmp/queries/bulk_count.rq" >"$tmp/stale.out" 2>&1
same "the client finds a wrong answer: exit 1" 1 "$?"
contains "the client counts the wrong answers" "wrong=4" "$(cat "$tmp/stale.out")"

status=$(http -G "$url/sparql" --data-urlencode "query@$tmp/queries/bulk_count.rq" \
  -H 'Accept: text/tab-separated-values')
same "after the load: 200" 200 "$status"
same "after the load: all of it" "$(cat "$tmp/expect/bulk_count.after.tsv")" "$(body)"
stop
same "SIGTERM: exit 0" 0 "$?"
finish
