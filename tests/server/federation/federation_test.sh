#!/usr/bin/env bash
# Data larger than one machine, on one: a generated news graph (gen_news_kg.py, the peers'
# generator, so bench/run.sh's queries fit it), the shipped graph and blank_nodes.trig are
# loaded into one store and, with `silk load --partition K/3`, into three parts. Checks that
# the parts hold every statement once, each in the part FNV-1a 64 of its subject names
# (computed here in Python, apart from silk's own code); then serves each part with
# `silk serve` and has Comunica federate over the three endpoints (federation_test.mjs): the
# peers' eight queries (peer_queries/), the quick half of bench/queries, the shipped graph's
# questions and the blank-node queries.
#   SILK_FEDERATION_LONG=1   the long form (2 to 3 minutes): all of bench/queries, and a
#                            graph of 100000 statements instead of 40000
#   SILK_FEDERATION_TRIPLES  the size of the generated graph, in either form
# Usage: federation_test.sh SILK_BINARY SOURCE_DIR COMUNICA_DIR
set -uo pipefail
silk=$1
source_dir=$2
comunica_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../serve_lib.sh"
parts=3
# bench/queries that Comunica federates in about a second each at 40000 statements; the
# others (paths, a 5-chain, a top-k, whole-store counts) take up to half a minute.
quick_bench_queries=(b01_not_exists_hub b02_minus b04_count_per_class b05_class_group
  b07_range_number b08_range_date b13_union_filter)
query_files=("$here"/peer_queries/*.rq)
if [ "${SILK_FEDERATION_LONG:-0}" = 1 ]; then
  triples=${SILK_FEDERATION_TRIPLES:-100000}
  query_files+=("$source_dir"/bench/queries/*.rq)
else
  triples=${SILK_FEDERATION_TRIPLES:-40000}
  for q in "${quick_bench_queries[@]}"; do query_files+=("$source_dir/bench/queries/$q.rq"); done
fi
query_files+=("$source_dir"/tests/datasets/questions/*.rq)

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
  SILK_SOURCE_DIR=$source_dir SILK_QUERY_FILES="${query_files[*]}" \
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
