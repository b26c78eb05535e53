#!/usr/bin/env bash
# curl as a Graph Store Protocol client: N-Triples and Turtle put, posted, read back and deleted
# over HTTP, and each time `silk dump` and `silk query` on the same store show the same graph.
# The data is clients_data.trig's graph (blank nodes, escapes, language tags with a region,
# characters outside the BMP, every datatype). Status codes, negotiation, refusals and limits
# are serve_test.sh's; this test is about the statements arriving whole and unchanged.
# Usage: curl_graph_store_test.sh SILK_BINARY SOURCE_DIR
set -uo pipefail
silk=$1
source_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../serve_lib.sh"

# The statements as sorted N-Triples lines, blank node labels all `_:b` (each writer and store
# has its own labels; the rest of each line must be the same).
normalized() { sed -E 's/_:[A-Za-z0-9_.-]+/_:b/g' | grep -v '^$' | LC_ALL=C sort; }
# dumped GRAPH: the graph as silk dump writes it ('default' for the default graph).
dumped() { "$silk" --db "$db" dump --format ntriples --graph "$1" | normalized; }
# queried GRAPH_IRI: the same through silk query.
queried() {
  "$silk" --db "$db" query "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <$1> { ?s ?p ?o } }" \
    --format ntriples | normalized
}
# fetched GRAPH_PARAMETER TYPE: the graph GET returns as TYPE, loaded into a store of its own and
# dumped, so Turtle compares with N-Triples.
fetched() {
  local scratch
  scratch=$(mktemp -d -p "$tmp")
  status=$(http "$url/store?$1" -H "Accept: $2")
  [ "$(content_type)" == "$2" ] || echo "Content-Type $(content_type), not $2"
  local format=turtle
  [ "$2" == application/n-triples ] && format=ntriples
  "$silk" --db "$scratch/db" load - --format "$format" <"$tmp/body" >/dev/null 2>&1 ||
    echo "the body does not load: $(head -c 300 "$tmp/body")"
  "$silk" --db "$scratch/db" dump --format ntriples | normalized
}

# The data, as N-Triples and as Turtle, both written by silk from clients_data.trig.
"$silk" --db "$tmp/source" load "$here/clients_data.trig" >/dev/null || exit 1
construct='CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
"$silk" --db "$tmp/source" query "$construct" --format ntriples >"$tmp/tea.nt"
"$silk" --db "$tmp/source" query "$construct" --format turtle >"$tmp/tea.ttl"
tea=$(normalized <"$tmp/tea.nt")
same "the test data: 30 statements" 30 "$(wc -l <<<"$tea")"
more='<http://example.org/clients/tea> <http://example.org/clients/label> "Schwarztee"@de .
<http://example.org/clients/tea> <http://example.org/clients/label> "çay"@tr .'
more_turtle='PREFIX ex: <http://example.org/clients/>
ex:kettle ex:holds [ ex:label "su ısıtıcısı"@tr ] ; ex:volume "1.7"^^<http://www.w3.org/2001/XMLSchema#decimal> .'

db=$tmp/db
"$silk" --db "$db" load "$source_dir/datasets/korea-central-asia.trig" >/dev/null || exit 1
start "$db" --updates

# ----- PUT N-Triples, read back every way -----
g1=http://example.org/clients/put-ntriples
status=$(http -X PUT "$url/store?graph=$g1" -H 'Content-Type: application/n-triples' --data-binary "@$tmp/tea.nt")
same "PUT N-Triples: 201" 201 "$status"
same "PUT N-Triples: silk dump shows the graph" "$tea" "$(dumped "$g1")"
same "PUT N-Triples: silk query shows the graph" "$tea" "$(queried "$g1")"
same "GET as N-Triples: the graph" "$tea" "$(fetched "graph=$g1" application/n-triples)"
same "GET as Turtle: the graph" "$tea" "$(fetched "graph=$g1" text/turtle)"

# ----- PUT Turtle, POST N-Triples and Turtle onto it -----
g2=http://example.org/clients/put-turtle
status=$(http -X PUT "$url/store?graph=$g2" -H 'Content-Type: text/turtle' --data-binary "@$tmp/tea.ttl")
same "PUT Turtle: 201" 201 "$status"
same "PUT Turtle: silk dump shows the graph" "$tea" "$(dumped "$g2")"
status=$(http "$url/store?graph=$g2" -H 'Content-Type: application/n-triples' --data-binary "$more")
same "POST N-Triples: 204" 204 "$status"
# "çay"@tr was there already: a graph is a set.
expected=$( (echo "$tea"; echo '<http://example.org/clients/tea> <http://example.org/clients/label> "Schwarztee"@de .') | normalized)
same "POST N-Triples: the graph gained the new statement only" "$expected" "$(dumped "$g2")"
status=$(http "$url/store?graph=$g2" -H 'Content-Type: text/turtle' --data-binary "$more_turtle")
same "POST Turtle: 204" 204 "$status"
expected=$( (echo "$expected"
  echo '<http://example.org/clients/kettle> <http://example.org/clients/holds> _:b .'
  echo '_:b <http://example.org/clients/label> "su ısıtıcısı"@tr .'
  echo '<http://example.org/clients/kettle> <http://example.org/clients/volume> "1.7"^^<http://www.w3.org/2001/XMLSchema#decimal> .') | normalized)
same "POST Turtle: silk dump shows both posts" "$expected" "$(dumped "$g2")"
same "POST Turtle: silk query shows both posts" "$expected" "$(queried "$g2")"
same "GET as Turtle after the posts" "$expected" "$(fetched "graph=$g2" text/turtle)"
same "the other graph is untouched" "$tea" "$(dumped "$g1")"

# ----- PUT replaces -----
status=$(http -X PUT "$url/store?graph=$g2" -H 'Content-Type: text/turtle' --data-binary "$more_turtle")
same "PUT Turtle over a graph: 204" 204 "$status"
expected=$(printf '%s\n' '<http://example.org/clients/kettle> <http://example.org/clients/holds> _:b .' \
  '_:b <http://example.org/clients/label> "su ısıtıcısı"@tr .' \
  '<http://example.org/clients/kettle> <http://example.org/clients/volume> "1.7"^^<http://www.w3.org/2001/XMLSchema#decimal> .' | normalized)
kettle=$expected
same "PUT replaced the graph: silk dump" "$kettle" "$(dumped "$g2")"

# ----- A graph name outside ASCII, percent-encoded in the request -----
g3=http://example.org/clients/çay
status=$(http -X PUT "$url/store?graph=http://example.org/clients/%C3%A7ay" -H 'Content-Type: application/n-triples' --data-binary "$more")
same "PUT to a graph named with ç (percent-encoded): 201" 201 "$status"
same "silk query finds the graph by its IRI" "$(normalized <<<"$more")" "$(queried "$g3")"
same "silk query lists its name" '<http://example.org/clients/çay>' \
  "$("$silk" --db "$db" query 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p "Schwarztee"@de } }' --format tsv | grep ça)"

# ----- The default graph -----
before=$(dumped default)
status=$(http "$url/store?default" -H 'Content-Type: application/n-triples' --data-binary "$more")
same "POST N-Triples to the default graph: 204" 204 "$status"
expected=$( (echo "$before"; echo "$more") | normalized | uniq)
same "silk dump shows the default graph with the posted statements" "$expected" "$(dumped default)"
same "GET ?default as N-Triples: the same" "$expected" "$(fetched default application/n-triples)"
same "silk query --default-graph stored sees them" 2 \
  "$("$silk" --db "$db" query 'SELECT ?l WHERE { <http://example.org/clients/tea> ?p ?l }' --default-graph stored --format tsv | tail -n +2 | wc -l)"

# ----- DELETE -----
status=$(http -X DELETE "$url/store?graph=$g1")
same "DELETE: 204" 204 "$status"
same "after DELETE: silk dump has no statement in the graph" "" "$(dumped "$g1")"
same "after DELETE: silk query ASK is false" false \
  "$("$silk" --db "$db" query "ASK { GRAPH <$g1> { ?s ?p ?o } }" --format tsv)"
status=$(http "$url/store?graph=$g1")
same "after DELETE: GET is 404" 404 "$status"
same "after DELETE: the other graphs are untouched" "$kettle" "$(dumped "$g2")"

stop
same "SIGTERM: exit 0" 0 "$?"
"$silk" --db "$db" check >/dev/null && pass "the store checks clean" || fail "the store checks clean"
finish
