#!/usr/bin/env bash
# GET /viz of `silk serve` end to end, with curl: the picture of an entity as SVG, drawn by
# Graphviz on the server, with a policy that lets it run nothing; bad parameters, unknown
# terms and a server without Graphviz get a status and a sentence.
# Usage: viz_test.sh SILK_BINARY SOURCE_DIR
set -uo pipefail
silk=$1
source_dir=$2
source "$(dirname "$0")/serve_lib.sh"

db=$tmp/db
"$silk" --db "$db" load "$source_dir/datasets/korea-central-asia.trig" >/dev/null || exit 1
start "$db"

status=$(http -G "$url/viz" --data-urlencode "term=https://silkgraph.org/kca/SadyrJaparov")
same "an IRI: 200" 200 "$status"
same "an IRI: SVG" image/svg+xml "$(content_type)"
contains "an IRI: the picture is an SVG" "<svg" "$(body)"
contains "an IRI: it names the entity" "Sadyr Japarov" "$(body)"
contains "an IRI: and its neighbours" "Yoon Suk Yeol" "$(body)"
contains "an IRI: the legend names the articles" "S. Korea, Kyrgyzstan ink Comprehensive Partnership" "$(body)"
contains "an IRI: the picture may run nothing" "Content-Security-Policy: default-src 'none'" "$(cat "$tmp/headers")"
# The picture the command line draws for the same entity, as DOT, holds the same names.
"$silk" --db "$db" viz kca:SadyrJaparov >"$tmp/japarov.dot"
nodes=$(grep -c '^  n[0-9]* \[' "$tmp/japarov.dot")
same "an IRI: as many nodes as silk viz draws" "$nodes" "$(grep -c '<title>n[0-9]*</title>' "$tmp/body")"

status=$(http -G "$url/viz" --data-urlencode "term=kca:Kyrgyzstan" --data-urlencode "depth=2" --data-urlencode "max-nodes=5")
same "a prefixed name, depth 2, 5 nodes: 200" 200 "$status"
same "a prefixed name, depth 2, 5 nodes: five entities" 5 "$(grep -c '<title>n[0-9]*</title>' "$tmp/body")"
contains "a prefixed name: what was left out is said" "Not shown: " "$(body)"

status=$(http -G "$url/viz" --data-urlencode "term=Dschaparow")
same "a name in another language: 200" 200 "$status"
contains "a name in another language: its entity" "Sadyr Japarov" "$(body)"

status=$(http "$url/viz")
same "no term: 400" 400 "$status"
same "no term: says what to send" "GET /viz needs ?term=IRI: the entity to draw (an IRI, a prefixed name or a name)" "$(body)"
status=$(http -G "$url/viz" --data-urlencode "term=kca:Kyrgyzstan" --data-urlencode "depth=9")
same "depth 9: 400" 400 "$status"
same "depth 9: the limits" "depth takes 1 to 3, max-nodes 1 to 100" "$(body)"
status=$(http -G "$url/viz" --data-urlencode "term=http://example.org/nothing")
same "a term the store does not hold: 404" 404 "$status"
same "a term the store does not hold: says so" "the store holds nothing about <http://example.org/nothing>" "$(body)"
status=$(http -G "$url/viz" --data-urlencode "term=Qwxyzzyvu")
same "an unknown name: 404" 404 "$status"
# A file path is a term like any other: nothing is read.
status=$(http -G "$url/viz" --data-urlencode "term=/etc/passwd")
same "a file path: 404" 404 "$status"
stop

# A server without Graphviz: pictures get a 501 that says what to install; queries still work.
printf '#!/bin/sh\nexec env PATH=/nonexistent "%s" "$@"\n' "$1" >"$tmp/silk-without-dot"
chmod +x "$tmp/silk-without-dot"
silk=$tmp/silk-without-dot
start "$db"
status=$(http -G "$url/viz" --data-urlencode "term=kca:Kyrgyzstan")
same "no Graphviz: 501" 501 "$status"
contains "no Graphviz: what to install" "apt install graphviz" "$(body)"
status=$(http -G "$url/sparql" --data-urlencode "query=ASK { kca:Kyrgyzstan ?p ?o }" -H 'Accept: text/csv')
same "no Graphviz: queries still work" 200 "$status"
stop
finish
