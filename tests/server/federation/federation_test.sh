#!/usr/bin/env bash
# Data larger than one machine, on one: a generated news graph (gen_news_kg.py, the peers'
# generator, so bench/run.sh's queries fit it), the shipped graph and blank_nodes.trig are
# loaded into one store and, with `silk load --partition K/3`, into three parts. Checks that
# the parts hold every statement once, each in the part FNV-1a 64 of its subject names
# (computed here in Python, apart from silk's own code); then serves each part with
# `silk serve` and has Comunica federate the peers' queries (queries/), the shipped graph's
# questions and the blank-node queries over the three endpoints (federation_test.mjs).
#   SILK_FEDERATION_TRIPLES  size of the generated graph (default 40000; 400000 is the long
#                            form, some minutes)
# Usage: federation_test.sh SILK_BINARY SOURCE_DIR COMUNICA_DIR
set -uo pipefail
silk=$1
source_dir=$2
comunica_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../serve_lib.sh"
parts=3
triples=${SILK_FEDERATION_TRIPLES:-40000}

# Three servers rather than serve_lib's one: all of them go on exit.
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$tmp"
}

python3 "$here/gen_news_kg.py" "$triples" 42 "$tmp/news.nt" || exit 1
inputs=("$tmp/news.nt" "$source_dir/datasets/korea-central-asia.trig" "$here/blank_nodes.trig")
"$silk" --db "$tmp/whole" load "${inputs[@]}" >/dev/null || exit 1
part_dbs=()
for k in $(seq "$parts"); do
  "$silk" --db "$tmp/part$k" load "${inputs[@]}" --partition "$k/$parts" >"$tmp/load$k.out" || exit 1
  contains "part $k/$parts: the load says what it kept" "Part $k of $parts: kept" "$(cat "$tmp/load$k.out")"
  "$silk" --db "$tmp/part$k" dump >"$tmp/part$k.nq" || exit 1
  part_dbs+=("$tmp/part$k")
done
"$silk" --db "$tmp/whole" dump >"$tmp/whole.nq" || exit 1

# Blank nodes are numbered by each store, so lines compare with their labels masked.
masked() { sed -E 's/_:[A-Za-z0-9_.-]+/_:/g' "$@" | LC_ALL=C sort; }
same "the $parts parts together hold every statement exactly once" \
  "$(masked "$tmp/whole.nq" | md5sum)" "$(masked "$tmp"/part*.nq | md5sum)"
same "every part holds some" 0 "$(for k in $(seq "$parts"); do [ -s "$tmp/part$k.nq" ] || echo "part $k"; done | wc -l)"

# The part of each IRI subject, recomputed: FNV-1a 64 of the IRI's UTF-8 bytes, mod N, + 1.
misplaced=$(python3 - "$parts" "$tmp"/part*.nq <<'PY'
import re, sys
parts = int(sys.argv[1])
def fnv1a64(data):
    h = 0xcbf29ce484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
def unescape(iri):  # N-Quads' \uXXXX and \UXXXXXXXX in IRIs
    return re.sub(r'\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})',
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)
wrong = 0
for k, path in enumerate(sys.argv[2:], start=1):
    for line in open(path, encoding='utf-8'):
        if line.startswith('<'):
            iri = unescape(line[1:line.index('>')])
            wrong += fnv1a64(iri.encode('utf-8')) % parts + 1 != k
print(wrong)
PY
)
same "every IRI subject is in the part FNV-1a 64 names" 0 "$misplaced"

echo .prefixes | "$silk" --db "$tmp/whole" shell | awk 'NF == 2 { print "PREFIX", $1, $2 }' >"$tmp/prefixes.rq"
[ -s "$tmp/prefixes.rq" ] || { echo "silk shell's .prefixes printed nothing"; exit 1; }

urls=()
for db in "${part_dbs[@]}"; do
  start "$db"
  pids+=("$pid")
  urls+=("$url")
done

(cd "$comunica_dir" &&
  SILK=$silk SILK_DB=$tmp/whole SILK_PART_DBS="${part_dbs[*]}" SILK_URLS="${urls[*]}" \
  SILK_PREFIXES=$tmp/prefixes.rq \
  SILK_QUERY_DIRS="$here/queries:$source_dir/tests/datasets/questions" \
  SILK_BLANK_NODE_QUERIES="$here/blank_nodes" SILK_KNOWN_DIFFERENCES="$here/known_differences.txt" \
  node federation_test.mjs)
same "Comunica's checks: exit 0" 0 "$?"

for p in "${pids[@]}"; do
  pid=$p
  stop
  same "SIGTERM to a part's server: exit 0" 0 "$?"
done
pids=()
finish
