#!/usr/bin/env bash
# End-to-end tests of `silk serve`, over HTTP with curl, as a client would use it: the
# protocol's request forms, every result format (each the same bytes as `silk query
# --format`), content negotiation, the status codes and their messages, updates on and off,
# the graph store, the service description, hostile input, readers during a big write, a
# clean stop on SIGTERM, and the README's examples.
# Usage: serve_test.sh SILK_BINARY SOURCE_DIR
set -uo pipefail
silk=$1
source_dir=$2
source "$(dirname "$0")/serve_lib.sh"
count_query='SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
count() {
  curl -s "$url/sparql" -H 'Accept: text/tab-separated-values' --data-urlencode "query=$count_query" | tail -n 1
}

# ----- A small store -----
db=$tmp/db
cat >"$tmp/data.nt" <<'NT'
<http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" .
<http://example.org/alice> <http://xmlns.com/foaf/0.1/knows> <http://example.org/bob> .
<http://example.org/bob> <http://xmlns.com/foaf/0.1/name> "Bob"@en .
<http://example.org/bob> <http://xmlns.com/foaf/0.1/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
NT
"$silk" --db "$db" load "$tmp/data.nt" --graph http://example.org/people >/dev/null || exit 1
select='SELECT ?who ?name WHERE { ?who foaf:name ?name } ORDER BY ?who'
construct='CONSTRUCT { ?s foaf:name ?n } WHERE { ?s foaf:name ?n }'

start "$db"

# ----- Queries: the three request forms, every format the same as silk query's -----
status=$(http -G "$url/sparql" --data-urlencode "query=$select")
same "GET query: 200" 200 "$status"
same "GET query: SPARQL JSON by default" application/sparql-results+json "$(content_type)"
same "GET query: the body is silk query's" "$("$silk" --db "$db" query "$select" --format json)" "$(body)"
status=$(http "$url/sparql" --data-urlencode "query=$select" -H 'Accept: text/csv')
same "POST form query: 200" 200 "$status"
same "POST form query: CSV" "$("$silk" --db "$db" query "$select" --format csv)" "$(body)"
# A long query as a form (httplib alone would refuse a form over 8 KiB).
padding=$(head -c 20000 /dev/zero | tr '\0' x)
status=$(http "$url/sparql" --data-urlencode "query=$select #$padding" -H 'Accept: text/csv')
same "POST form query of 20 kB: 200" 200 "$status"
same "POST form query of 20 kB: CSV" "$("$silk" --db "$db" query "$select" --format csv)" "$(body)"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-query' --data-binary "$select" \
  -H 'Accept: application/sparql-results+xml')
same "POST direct query: 200" 200 "$status"
same "POST direct query: XML" "$("$silk" --db "$db" query "$select" --format xml)" "$(body)"
for pair in json:application/sparql-results+json xml:application/sparql-results+xml \
  csv:text/csv tsv:text/tab-separated-values table:text/plain; do
  format=${pair%%:*}
  type=${pair#*:}
  http -G "$url/sparql" --data-urlencode "query=$select" -H "Accept: $type" >/dev/null
  same "SELECT as $type" "$("$silk" --db "$db" query "$select" --format "$format")" "$(body)"
  same "SELECT as $type: its Content-Type" "$type" "$(content_type)"
  http -G "$url/sparql" --data-urlencode "query=ASK { ?s foaf:age 42 }" -H "Accept: $type" >/dev/null
  same "ASK as $type" "$("$silk" --db "$db" query 'ASK { ?s foaf:age 42 }' --format "$format")" "$(body)"
done
for pair in turtle:text/turtle ntriples:application/n-triples nquads:application/n-quads \
  trig:application/trig; do
  format=${pair%%:*}
  type=${pair#*:}
  http -G "$url/sparql" --data-urlencode "query=$construct" -H "Accept: $type" >/dev/null
  same "CONSTRUCT as $type" "$("$silk" --db "$db" query "$construct" --format "$format")" "$(body)"
  same "CONSTRUCT as $type: its Content-Type" "$type" "$(content_type)"
done
http -G "$url/sparql" --data-urlencode "query=DESCRIBE <http://example.org/bob>" >/dev/null
same "DESCRIBE: Turtle by default" text/turtle "$(content_type)"
status=$(http -G "$url/sparql" --data-urlencode "query=SELECT ?s ?p ?o WHERE { ?s ?p ?o }" \
  --data-urlencode "default-graph-uri=http://example.org/nothing" -H 'Accept: text/csv')
same "default-graph-uri: an absent graph is empty" "s,p,o" "$(body | tr -d '\r')"
http -G "$url/sparql" --data-urlencode "query=SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1" \
  --data-urlencode "named-graph-uri=http://example.org/people" -H 'Accept: text/csv' >/dev/null
same "named-graph-uri" "$(printf 'g\nhttp://example.org/people')" "$(body | tr -d '\r')"

# ----- Status codes and their messages -----
status=$(http -G "$url/sparql" --data-urlencode "query=$select" -H 'Accept: image/png')
same "406 when no format fits" 406 "$status"
contains "406 names the formats" "application/sparql-results+json" "$(body)"
status=$(http -G "$url/sparql" --data-urlencode "query=$construct" -H 'Accept: text/csv')
same "406 for a graph as CSV" 406 "$status"
bad='SELECT ?x WHERE { ?x foaf:name }'
status=$(http -G "$url/sparql" --data-urlencode "query=$bad")
same "malformed query: 400" 400 "$status"
same "malformed query: silk query's message" "$("$silk" --db "$db" query "$bad" 2>&1 >/dev/null)" "$(body)"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-query' --data-binary "$bad")
same "malformed POSTed query: the same message" "$("$silk" --db "$db" query "$bad" 2>&1 >/dev/null)" "$(body)"
status=$(http -G "$url/sparql" --data-urlencode "update=CLEAR ALL")
same "GET update: 405" 405 "$status"
grep -qi '^Allow: POST' "$tmp/headers" && pass "405 says Allow: POST" || fail "405 says Allow: POST"
status=$(http -X PUT "$url/sparql" --data-binary x)
same "PUT /sparql: 405" 405 "$status"
status=$(http "$url/sparql" -H 'Content-Type: text/plain' --data-binary 'ASK {}')
same "POST text/plain: 415" 415 "$status"
status=$(http "$url/sparql" -H 'Content-Type:' --data-binary 'ASK {}')
same "POST without Content-Type: 415" 415 "$status"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-query; charset=UTF-16' --data-binary 'ASK {}')
same "POST UTF-16: 415" 415 "$status"
status=$(http -G "$url/sparql" --data-urlencode "query=ASK {}" --data-urlencode "query=ASK { ?s ?p ?o }")
same "two query= parameters: 400" 400 "$status"
status=$(http "$url/sparql" --data-urlencode "query=ASK {}" --data-urlencode "update=CLEAR ALL")
same "query= and update= both: 400" 400 "$status"
status=$(http "$url/sparql" --data-urlencode "update=INSERT DATA { <http://e/a> <http://e/b> 1 }")
same "update with updates off: 403" 403 "$status"
contains "403 says how to enable updates" "--updates" "$(body)"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-update' --data-binary 'CLEAR ALL')
same "direct update with updates off: 403" 403 "$status"
status=$(http -X PUT "$url/store?graph=http://e/g" -H 'Content-Type: application/n-triples' --data-binary '')
same "graph store PUT with updates off: 403" 403 "$status"
status=$(http -G "$url/sparql" --data-urlencode "query=INSERT DATA { <http://e/a> <http://e/b> 1 }")
same "an update as query=: 400" 400 "$status"
grep -qi '^Access-Control-Allow-Origin' "$tmp/headers" && fail "no CORS headers without --cors" ||
  pass "no CORS headers without --cors"
status=$(http "$url/nowhere")
same "unknown path: 404" 404 "$status"
contains "404 names the endpoints" "/sparql" "$(body)"

# ----- Hostile input -----
status=$(http "$url/sparql?query=ASK%zz%7B%7D")
same "bad percent-encoding: 400, not a crash" 400 "$status"
status=$(http "$url/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D")
same "invalid UTF-8: 400" 400 "$status"
contains "invalid UTF-8 says so" "UTF-8" "$(body)"
nested="SELECT * WHERE $(printf '{ %.0s' $(seq 30))?s ?p ?o$(printf ' }%.0s' $(seq 30))"
status=$(http -G "$url/sparql" --data-urlencode "query=$nested")
same "a query nested 30 deep: 200" 200 "$status"
deep="SELECT * WHERE $(printf '{ %.0s' $(seq 5000))?s ?p ?o$(printf ' }%.0s' $(seq 5000))"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-query' --data-binary "$deep")
same "a query nested 5000 deep: what silk query says" "$("$silk" --db "$db" query "$deep" >/dev/null 2>&1; [ $? -eq 0 ] && echo 200 || echo 400)" "$status"
# A client that promises a body and hangs up halfway leaves the server answering.
exec 3<>"/dev/tcp/127.0.0.1/${url##*:}"
printf 'POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\n\r\nASK {' >&3
exec 3>&-
status=$(http -G "$url/sparql" --data-urlencode "query=ASK {}")
same "after a client hung up mid-body: still answering" 200 "$status"
stop
same "SIGTERM: exit 0" 0 "$?"

# ----- Limits: body size and time -----
start "$db" --max-body 1K --timeout 0.5 --memory 1M --updates
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-query' --data-binary "ASK {} #$(head -c 4000 /dev/zero | tr '\0' x)")
same "a body over --max-body: 413" 413 "$status"
contains "413 says the limit" "max-body" "$(body)"
slow='SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x . ?y ?z ?aa . ?bb ?cc ?dd . ?ee ?ff ?gg . ?hh ?ii ?jj . ?kk ?ll ?mm }'
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-query' --data-binary "$slow")
same "a query past --timeout: 503" 503 "$status"
contains "503 says the time limit" "time limit" "$(body)"
big='SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r }'
status=$(http -G "$url/sparql" --data-urlencode "query=$big")
same "results over --memory: 500" 500 "$status"
contains "500 says how to ask for less" "LIMIT" "$(body)"
status=$(http -G "$url/sparql" --data-urlencode "query=$big LIMIT 10" -H 'Accept: text/csv')
same "the same with LIMIT: 200" 200 "$status"
status=$(http -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/sparql-query' \
  --data-binary "ASK {} #$(head -c 4000 /dev/zero | tr '\0' x)" "$url/sparql")
same "a chunked body (which httplib would not cap): 411" 411 "$status"
head -c 4000 /dev/zero | tr '\0' x >"$tmp/4k"
status=$(http -X PUT "$url/store?graph=http://e/big" -H 'Content-Type: application/n-triples' --data-binary "@$tmp/4k")
same "a graph store body over --max-body: 413" 413 "$status"
contains "the graph store's 413 says the limit" "max-body" "$(body)"
status=$(http -X PUT "$url/store?graph=http://e/big" -H 'Content-Type: application/rdf+xml' --data-binary "@$tmp/4k")
same "a refused graph store body over --max-body: the refusal (415)" 415 "$status"
status=$(http -G "$url/sparql" --data-urlencode "query=ASK {}")
same "after refused bodies: still answering" 200 "$status"
stop
same "SIGTERM: exit 0" 0 "$?"

# ----- SIGTERM stops a running query, which says why -----
start "$db" --timeout 60
(http "$url/sparql" -H 'Content-Type: application/sparql-query' --data-binary "$slow" >"$tmp/slow.status"; cp "$tmp/body" "$tmp/slow.body") &
slow_client=$!
sleep 0.5
started=$(date +%s)
stop
same "SIGTERM during a query: exit 0" 0 "$?"
wait "$slow_client"
same "SIGTERM during a query: it stops within seconds" 1 "$(( $(date +%s) - started < 5 ))"
same "the query stopped by SIGTERM: 503" 503 "$(cat "$tmp/slow.status")"
contains "the query stopped by SIGTERM says why" "shutting down" "$(cat "$tmp/slow.body")"

# ----- Updates on -----
start "$db" --updates
status=$(http "$url/sparql" --data-urlencode "update=INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 1 } }")
same "update by form: 204" 204 "$status"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-update' \
  --data-binary 'INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 2 } }')
same "update by direct POST: 204" 204 "$status"
same "the updates are seen" 6 "$(count)"
same "and by silk query" 6 "$("$silk" --db "$db" query "$count_query" --format tsv | tail -n 1)"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-update' --data-binary 'LOAD <file:///etc/passwd>')
same "LOAD <file:…> over HTTP: refused" 400 "$status"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-update' \
  --data-binary 'INSERT DATA { <http://e/a> <http://e/b> }')
same "malformed update: 400" 400 "$status"
same "malformed update: silk query's message" \
  "$("$silk" --db "$db" query 'INSERT DATA { <http://e/a> <http://e/b> }' 2>&1 >/dev/null)" "$(body)"
status=$(http "$url/sparql" -H 'Content-Type: application/sparql-update' --data-binary 'ASK {}')
same "a query as an update: 400" 400 "$status"
same "refused updates changed nothing" 6 "$(count)"
# Another process writing: the server's write waits for it, and reads go on meanwhile.
(sleep 3 | "$silk" --db "$db" load - --format ntriples >/dev/null 2>&1) &
holder=$!
sleep 0.5
curl -s -o /dev/null -w '%{http_code}' "$url/sparql" \
  --data-urlencode "update=INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 3 } }" \
  >"$tmp/waiting.status" &
waiting=$!
sleep 0.5
started=$(date +%s%N)
status=$(http -G "$url/sparql" --data-urlencode "query=ASK {}")
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
same "a read while the server's write waits for another process: 200" 200 "$status"
same "and it is answered at once (${elapsed_ms} ms)" 1 "$((elapsed_ms < 1000))"
wait "$waiting"
same "the waiting write succeeds once the other process is done" 204 "$(cat "$tmp/waiting.status")"
wait "$holder"
same "and is seen" 7 "$(count)"

# ----- The graph store -----
g='http://example.org/g2'
status=$(http -X PUT "$url/store?graph=$g" -H 'Content-Type: text/turtle' \
  --data-binary 'PREFIX e: <http://e/> e:x e:y "one", "two" .')
same "GSP PUT a new graph: 201" 201 "$status"
status=$(http "$url/store?graph=$g" -H 'Accept: application/n-triples')
same "GSP GET: 200" 200 "$status"
same "GSP GET: the graph" "$(printf '<http://e/x> <http://e/y> "one" .\n<http://e/x> <http://e/y> "two" .')" "$(body | sort)"
status=$(curl -s -I -o "$tmp/head" -w '%{http_code}' "$url/store?graph=$g")
same "GSP HEAD: 200" 200 "$status"
grep -qi '^Content-Type: text/turtle' "$tmp/head" && pass "GSP HEAD: Turtle" || fail "GSP HEAD: Turtle"
status=$(http "$url/store?graph=$g" -H 'Content-Type: application/n-triples' \
  --data-binary '<http://e/x> <http://e/y> "three" .')
same "GSP POST to an existing graph: 204" 204 "$status"
status=$(http -X PUT "$url/store?graph=$g" -H 'Content-Type: application/n-triples' \
  --data-binary '<http://e/x> <http://e/y> "only" .')
same "GSP PUT an existing graph: 204" 204 "$status"
http "$url/store?graph=$g" -H 'Accept: application/n-triples' >/dev/null
same "GSP PUT replaced the graph" '<http://e/x> <http://e/y> "only" .' "$(body)"
before=$(count)
status=$(http -X PUT "$url/store?graph=$g" -H 'Content-Type: application/n-triples' \
  --data-binary $'<http://e/x> <http://e/y> "new" .\n<http://e/x> <http://e/y> "broken .\n')
same "GSP PUT a malformed body: 400" 400 "$status"
contains "GSP 400: the parser's message, with the line" "request body:2:" "$(body)"
same "GSP PUT a malformed body: nothing changed" "$before" "$(count)"
http "$url/store?graph=$g" -H 'Accept: application/n-triples' >/dev/null
same "GSP PUT a malformed body: the graph is as it was" '<http://e/x> <http://e/y> "only" .' "$(body)"
# An upload whose client hangs up halfway changes nothing either.
exec 3<>"/dev/tcp/127.0.0.1/${url##*:}"
printf 'PUT /store?graph=%s HTTP/1.1\r\nHost: x\r\nContent-Type: application/n-triples\r\nContent-Length: 100000\r\n\r\n<http://e/x> <http://e/y> "cut" .\n' "$g" >&3
exec 3>&-
sleep 0.2
same "GSP PUT cut short by the client: nothing changed" "$before" "$(count)"
http "$url/store?graph=$g" -H 'Accept: application/n-triples' >/dev/null
same "GSP PUT cut short: the graph is as it was" '<http://e/x> <http://e/y> "only" .' "$(body)"
status=$(http "$url/store?graph=$g" -H 'Content-Type: text/turtle' --data-binary 'e:x e:y 1 .')
same "GSP POST malformed Turtle: 400" 400 "$status"
same "GSP POST malformed: nothing changed" "$before" "$(count)"
status=$(http "$url/store?graph=$g" -H 'Content-Type: application/rdf+xml' --data-binary '<rdf/>')
same "GSP POST RDF/XML: 415" 415 "$status"
status=$(http "$url/store?graph=$g" -H 'Content-Type: application/n-quads' \
  --data-binary '<http://e/x> <http://e/y> "q" <http://e/other> .')
same "GSP POST N-Quads to one graph: 415" 415 "$status"
status=$(http "$url/store" -H 'Content-Type: application/n-quads' \
  --data-binary '<http://e/x> <http://e/y> "q" <http://e/other> .')
same "GSP POST N-Quads to the store: 204" 204 "$status"
status=$(http "$url/store?graph=relative" -H 'Accept: text/turtle')
same "GSP relative graph IRI: 400" 400 "$status"
status=$(http "$url/store?graph=http://e/none")
same "GSP GET an absent graph: 404" 404 "$status"
status=$(http "$url/store?default" -H 'Accept: application/n-triples')
same "GSP GET the default graph: 200" 200 "$status"
same "GSP GET the default graph: empty" "" "$(body)"
status=$(http -X PUT "$url/store?default" -H 'Content-Type: application/n-triples' \
  --data-binary '<http://e/d> <http://e/p> "in default" .')
same "GSP PUT the default graph: 204" 204 "$status"
http "$url/store?default" -H 'Accept: application/n-triples' >/dev/null
same "GSP GET the default graph" '<http://e/d> <http://e/p> "in default" .' "$(body)"
status=$(http -X DELETE "$url/store?graph=$g")
same "GSP DELETE: 204" 204 "$status"
status=$(http "$url/store?graph=$g")
same "GSP GET after DELETE: 404" 404 "$status"
status=$(http -X DELETE "$url/store?graph=$g")
same "GSP DELETE an absent graph: 404" 404 "$status"

# ----- The service description -----
status=$(http "$url/sparql")
same "service description: 200" 200 "$status"
same "service description: Turtle" text/turtle "$(content_type)"
contains "service description: its endpoint" "sd:endpoint <$url/sparql>" "$(body)"
contains "service description: SPARQL Update when enabled" "sd:SPARQL11Update" "$(body)"
http "$url/sparql" -H 'Accept: application/n-triples' >/dev/null
contains "service description as N-Triples" "<http://www.w3.org/ns/sparql-service-description#endpoint> <$url/sparql>" "$(body)"
# Written from parsed Turtle: its blank nodes must come out as labels a parser takes.
"$silk" --db "$tmp/sd" load - --format ntriples <"$tmp/body" >/dev/null 2>"$tmp/err" &&
  pass "service description as N-Triples: silk load reads it" || fail "service description as N-Triples: silk load reads it: $(cat "$tmp/err")"
http "$url/sparql" >/dev/null
"$silk" --db "$tmp/sd" load - --format turtle <"$tmp/body" >/dev/null 2>"$tmp/err" &&
  pass "service description as Turtle: silk load reads it" || fail "service description as Turtle: silk load reads it: $(cat "$tmp/err")"

# ----- Readers during a big write see all of it or none -----
awk 'BEGIN { for (i = 1; i <= 150000; i++) printf "<http://e/s%d> <http://e/p> \"%d\" .\n", i, i }' >"$tmp/big.nt"
before=$(count)
after=$((before + 150000))
# Each reader counts until the write has answered, then twice more.
readers=()
for r in $(seq 8); do
  (
    while [ ! -e "$tmp/written" ]; do count; done
    count
    count
  ) >"$tmp/reader.$r" &
  readers+=($!)
done
sleep 0.2
status=$(http "$url/store?graph=http://e/big" -H 'Content-Type: application/n-triples' --data-binary "@$tmp/big.nt")
touch "$tmp/written"
wait "${readers[@]}"
same "a big POST during reads: 201" 201 "$status"
same "a big POST during reads: committed" "$after" "$(count)"
seen=$(cat "$tmp"/reader.* | sort -n -u | tr '\n' ' ')
partial=$(cat "$tmp"/reader.* | grep -v -x -e "$before" -e "$after" | head -3 | tr '\n' ' ')
same "8 readers saw only the count before or after ($seen)" "" "$partial"
same "and they read during the write: both counts seen" "$before $after " "$seen"
stop
same "SIGTERM with updates on: exit 0" 0 "$?"
"$silk" --db "$db" check >/dev/null && pass "the store checks clean after the server" ||
  fail "the store checks clean after the server"

# ----- A bearer token for updates from another machine -----
# This machine's own non-loopback address stands in for another machine: a request to it
# comes from it, not from loopback.
address=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n 1)
if [ -n "$address" ]; then
  printf 's3cret-token\n' >"$tmp/token"
  chmod 600 "$tmp/token"
  start_at "$address:0" "$db" --updates --token-file "$tmp/token"
  insert='update=INSERT DATA { <http://e/t> <http://e/t> 1 }'
  status=$(http "$url/sparql" --data-urlencode "$insert")
  same "update from another address without the token: 401" 401 "$status"
  grep -qi '^WWW-Authenticate: Bearer' "$tmp/headers" && pass "401 asks for a bearer token" ||
    fail "401 asks for a bearer token"
  status=$(http "$url/sparql" --data-urlencode "$insert" -H 'Authorization: Bearer wrong')
  same "update from another address with a wrong token: 401" 401 "$status"
  status=$(http "$url/sparql" --data-urlencode "$insert" -H 'Authorization: Bearer s3cret-token')
  same "update from another address with the token: 204" 204 "$status"
  status=$(http -X DELETE "$url/store?graph=http://e/big")
  same "graph store DELETE from another address without the token: 401" 401 "$status"
  status=$(http -G "$url/sparql" --data-urlencode 'query=ASK {}')
  same "queries from another address need no token" 200 "$status"
  stop
  same "SIGTERM: exit 0" 0 "$?"
else
  echo "skip  the bearer token over the network: this machine has no non-loopback address"
fi

# ----- Read-only -----
start "$db" --readonly --cors https://example.org
http -G "$url/sparql" --data-urlencode "query=ASK {}" >/dev/null
grep -qi '^Access-Control-Allow-Origin: https://example.org' "$tmp/headers" &&
  pass "--cors: the origin is allowed" || fail "--cors: the origin is allowed"
status=$(http -X OPTIONS "$url/sparql" -H 'Origin: https://example.org' \
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type')
same "--cors: a preflight gets 204" 204 "$status"
grep -qi '^Access-Control-Allow-Methods:.*POST' "$tmp/headers" &&
  pass "--cors: the preflight allows POST" || fail "--cors: the preflight allows POST"
status=$(http "$url/sparql" --data-urlencode "update=CLEAR ALL")
same "update to a --readonly server: 403" 403 "$status"
contains "403 says read-only" "read-only" "$(body)"
same "--readonly still answers queries" "$after" "$(count)"
stop
same "SIGTERM: exit 0" 0 "$?"

# ----- A port in use -----
start "$db"
"$silk" --db "$db" serve --bind "${url#http://}" >/dev/null 2>"$tmp/err"
same "a second server on a port in use: exit 3" 3 "$?"
contains "and it says so" "cannot listen on ${url#http://}" "$(cat "$tmp/err")"
stop
same "SIGTERM: exit 0" 0 "$?"

# ----- Usage errors -----
"$silk" --db "$db" serve --updates --readonly >/dev/null 2>"$tmp/err"
same "--updates with --readonly: usage error" 2 "$?"
"$silk" --db "$db" serve --bind nonsense >/dev/null 2>"$tmp/err"
same "--bind without a port: usage error" 2 "$?"
contains "--bind explains itself" "HOST:PORT" "$(cat "$tmp/err")"

# ----- The README's examples, run as written -----
readme_db=$tmp/readme
"$silk" --db "$readme_db" load "$source_dir/datasets/korea-central-asia.trig" >/dev/null || exit 1
start "$readme_db" --updates
port=${url##*:}
# Each "$ curl …" line of the README's serve section, and the lines after it up to the next
# "$ " or the end of the block: the command and what it prints.
awk '/^## /{in_section = ($0 ~ /^## Serving SPARQL over HTTP/)} in_section && /^```text/{in_block=1; next}
     in_block && /^```/{in_block=0} in_block' "$source_dir/README.md" >"$tmp/readme_session"
examples=0
while IFS= read -r line; do
  if [[ "$line" == '$ curl'* ]]; then
    [ -n "${command:-}" ] && { same "README: ${command:0:70}" "$expected" "$(cd "$tmp" && eval "${command//7878/$port}" 2>&1 | tr -d '\r')"; examples=$((examples + 1)); }
    command=${line#\$ }
    expected=""
  elif [ -n "${command:-}" ]; then
    expected+="${expected:+$'\n'}$line"
  fi
done <"$tmp/readme_session"
[ -n "${command:-}" ] && { same "README: ${command:0:70}" "$expected" "$(cd "$tmp" && eval "${command//7878/$port}" 2>&1 | tr -d '\r')"; examples=$((examples + 1)); }
[ "$examples" -ge 2 ] && pass "README: $examples curl examples run" || fail "README: no curl examples found"
stop
same "SIGTERM: exit 0" 0 "$?"

finish
