"""rdflib's SPARQLStore and SPARQLUpdateStore (Debian's python3-rdflib) against `silk serve`,
each answer compared with `silk query` on the same store: SELECT and ASK through Graph.query
with JSON, XML and TSV results, by GET, POST and a POSTed form; triple patterns and the named graphs
through the Graph API; adding and removing statements; a malformed update as the client's
exception with the server's message. Run by client_test.sh."""

import sys
import urllib.error

import silk_check
from silk_check import Checks, Silk

try:
    import rdflib
    from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
except ImportError as error:
    sys.exit(f"rdflib is missing ({error}): scripts/dev.sh installs python3-rdflib")

# rdflib rewrites lexical forms to its canonical ones by default ("007" to "7"): keep them as
# the server sends them, so they compare with silk query's.
rdflib.NORMALIZE_LITERALS = False

checks = Checks()
silk = Silk()
XSD = rdflib.XSD


def as_rdflib_reads_tsv(row):
    """rdflib's TSV parser reads a negative number as the negation of the positive one, so
    "-0"^^xsd:integer (written -0, as Turtle allows) arrives as "0": the lexical form is lost on
    rdflib's side."""
    return {name: ("literal", "0", *term[2:]) if term[:2] == ("literal", "-0") else term
            for name, term in row.items()}


def store_graph(return_format="json", method="GET"):
    return Graph(SPARQLStore(silk.endpoint, returnFormat=return_format, method=method))


for name, query in silk_check.queries("SILK_QUERIES") + silk_check.queries("SILK_QUESTIONS"):
    kind = name.split("_")[0]
    if kind in ("construct", "describe"):
        continue  # rdflib asks for RDF/XML only, which silk does not write: below
    if kind == "ask":
        expected = silk.ask(query)
    else:
        variables, expected = silk.rows(query)
    for return_format, method in (("json", "GET"), ("xml", "POST"), ("json", "POST_FORM"),
                                  ("tsv", "GET")):
        how = f"{return_format} by {method}"
        if kind == "ask" and return_format == "tsv":
            continue  # the TSV results format has no ASK
        result = store_graph(return_format, method).query(silk.prefixes + query)
        if kind == "ask":
            checks.same(f"{name}: ASK, {how}", expected, result.askAnswer)
            continue
        checks.same(f"{name}: variables, {how}", variables, [str(v) for v in result.vars])
        rows = [{str(v): silk_check.rdflib_term(row[v]) for v in result.vars if row[v] is not None}
                for row in result]
        if return_format == "tsv":
            checks.same_rows(f"{name}: rows, {how}", [as_rdflib_reads_tsv(r) for r in expected],
                             rows, silk_check.is_ordered(query))
            continue
        checks.same_rows(f"{name}: rows, {how}", expected, rows, silk_check.is_ordered(query))

# The Graph API: rdflib writes the queries.
graph = store_graph()
tea = URIRef("http://example.org/clients/tea")
label = URIRef("http://example.org/clients/label")
_, expected = silk.rows(f"SELECT ?p ?o WHERE {{ <{tea}> ?p ?o }}")
checks.same_rows("Graph.predicate_objects(tea)", expected,
                 [{"p": silk_check.rdflib_term(p), "o": silk_check.rdflib_term(o)}
                  for p, o in graph.predicate_objects(tea)])
_, expected = silk.rows(f"SELECT ?o WHERE {{ <{tea}> <{label}> ?o }}")
checks.same_rows("Graph.objects(tea, label): five languages", expected,
                 [{"o": silk_check.rdflib_term(o)} for o in graph.objects(tea, label)])
checks.ok("Graph.__contains__ of a Turkish label",
          (tea, label, Literal("çay", lang="tr")) in graph)
checks.ok("Graph.__contains__ with the wrong tag: absent",
          (tea, label, Literal("çay", lang="de")) not in graph)
_, expected = silk.rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
contexts = ConjunctiveGraph(SPARQLStore(silk.endpoint, returnFormat="json")).contexts()
checks.same_rows("ConjunctiveGraph.contexts(): the named graphs", expected,
                 [{"g": ("uri", str(c.identifier))} for c in contexts])

# A Graph of one named graph: rdflib sends its name as default-graph-uri.
article = "https://silkgraph.org/kca/source/002_ca40f1c41cd4de5d"
one_graph = Graph(SPARQLStore(silk.endpoint, returnFormat="json"), identifier=URIRef(article))
_, expected = silk.rows(f"SELECT ?who ?label WHERE {{ GRAPH <{article}> {{ ?who skos:altLabel ?label }} }}")
result = one_graph.query("SELECT ?who ?label WHERE { ?who <http://www.w3.org/2004/02/skos/core#altLabel> ?label }")
checks.same_rows("a Graph of one article (default-graph-uri): its names", expected,
                 [{str(v): silk_check.rdflib_term(row[v]) for v in result.vars} for row in result])

# Graph.parse of the server's URLs, with rdflib's own Accept headers: the service description,
# and a graph of the graph store, which is what silk dump writes. (As N-Triples: from Turtle,
# rdflib reads the number 007 as "7"^^xsd:integer, losing the lexical form silk sent.)
description = Graph()
description.parse(silk.endpoint)
checks.ok("Graph.parse(the endpoint): the service description names the endpoint",
          (None, URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"),
           URIRef(silk.endpoint)) in description)
clients_graph = "http://example.org/clients/graph"
fetched = Graph()
fetched.parse(f"{silk.url}/store?graph={clients_graph}", format="nt")
dumped = silk_check.parse_graph(
    silk.run("dump", "--graph", clients_graph, "--format", "ntriples").stdout, "nt")
checks.same("Graph.parse(a graph store URL): what silk dump writes",
            silk_check.canonical_ntriples(dumped), silk_check.canonical_ntriples(fetched))

# CONSTRUCT: SPARQLStore asks for RDF/XML only, which silk does not write, so the server says
# 406, which rdflib 6 turns into a ValueError of its own (by GET; by POST it returns the code).
try:
    store_graph("xml", "GET").query("CONSTRUCT WHERE { ?s a <http://schema.org/Country> }")
    checks.ok("CONSTRUCT through SPARQLStore: refused", False, "no refusal")
except ValueError:
    checks.ok("CONSTRUCT through SPARQLStore: refused", True)

# SPARQLUpdateStore: add and remove statements in a named graph.
named = URIRef("http://example.org/clients/rdflib")
update_store = SPARQLUpdateStore(silk.endpoint, silk.endpoint, returnFormat="json")
writable = Graph(update_store, identifier=named)
added = [Literal("Çay bahçesi", lang="tr"), Literal("Teegarten", lang="de"),
         Literal("0.50", datatype=XSD.decimal), Literal("tab\there \"quoted\"")]
for literal in added:
    writable.add((tea, label, literal))
check_query = f"SELECT ?o WHERE {{ GRAPH <{named}> {{ <{tea}> <{label}> ?o }} }}"
_, rows = silk.rows(check_query)
checks.same_rows("SPARQLUpdateStore: what Graph.add added, as silk query sees it",
                 [{"o": silk_check.rdflib_term(l)} for l in added], rows)
writable.remove((tea, label, Literal("Teegarten", lang="de")))
_, rows = silk.rows(check_query)
checks.same_rows("SPARQLUpdateStore: Graph.remove removed one", [
    {"o": silk_check.rdflib_term(l)} for l in added if l != Literal("Teegarten", lang="de")], rows)

# A malformed update: urllib's HTTPError, a 400 whose body is silk query's message.
bad = "INSERT DATA { <http://example.org/a> <http://example.org/b> }"
try:
    update_store.update(bad)
    checks.ok("malformed update: an exception", False, "none")
except urllib.error.HTTPError as error:
    checks.same("malformed update: 400", 400, error.code)
    checks.same("malformed update: the server's message is silk query's", silk.error(bad),
                error.read().decode("utf-8").rstrip("\n"))
_, rows = silk.rows(check_query)
checks.same("the malformed update changed nothing", 3, len(rows))

checks.finish()
