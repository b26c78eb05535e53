"""SPARQLWrapper (Debian's python3-sparqlwrapper) against `silk serve`, each answer compared
with `silk query` on the same store: SELECT as JSON and XML, by GET, a POSTed form and a
POSTed query; ASK; CONSTRUCT and DESCRIBE asked for as Turtle and as N3, parsed by rdflib; an
update; a malformed query, a query too long for a URL and one for RDF/XML as the client's
exceptions with the server's message. Run by client_test.sh."""

import sys
import urllib.error

import silk_check
from silk_check import Checks, Silk

try:
    from SPARQLWrapper import GET, JSON, N3, POST, POSTDIRECTLY, TURTLE, URLENCODED, XML, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, URITooLong
except ImportError as error:
    sys.exit(f"SPARQLWrapper is missing ({error}): scripts/dev.sh installs python3-sparqlwrapper")

checks = Checks()
silk = Silk()


def client(query, return_format, method=GET, request=URLENCODED):
    wrapper = SPARQLWrapper(silk.endpoint)
    wrapper.setQuery(silk.prefixes + query)
    wrapper.setReturnFormat(return_format)
    wrapper.setMethod(method)
    wrapper.setRequestMethod(request)
    return wrapper


for name, query in silk_check.queries("SILK_QUERIES") + silk_check.queries("SILK_QUESTIONS"):
    kind = name.split("_")[0]
    if kind == "ask":
        expected = silk.ask(query)
        checks.same(f"{name}: ASK as JSON", expected, client(query, JSON).queryAndConvert()["boolean"])
        document = client(query, XML, POST).queryAndConvert()
        text = document.getElementsByTagName("boolean")[0].firstChild.data
        checks.same(f"{name}: ASK as XML, by POST", str(expected).lower(), text)
    elif kind in ("construct", "describe"):
        expected = silk_check.canonical_ntriples(silk_check.parse_graph(silk.ntriples(query), "nt"))
        for return_format, method, request in ((TURTLE, GET, URLENCODED), (N3, POST, POSTDIRECTLY)):
            result = client(query, return_format, method, request).query()
            content_type = result.info()["content-type"]
            body = result.convert()
            graph = silk_check.parse_graph(body, "nt" if "n-triples" in content_type else "turtle")
            checks.same(f"{name}: {kind.upper()} as {return_format} ({content_type}), parsed by rdflib",
                        expected, silk_check.canonical_ntriples(graph))
    else:
        variables, expected = silk.rows(query)
        ordered = silk_check.is_ordered(query)
        for method, request in ((GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)):
            how = "GET" if method == GET else f"POST {request}"
            results = client(query, JSON, method, request).queryAndConvert()
            checks.same(f"{name}: JSON variables, {how}", variables, results["head"]["vars"])
            checks.same_rows(f"{name}: JSON rows, {how}", expected,
                             silk_check.json_rows(results), ordered)
        document = client(query, XML).queryAndConvert()
        checks.same(f"{name}: XML variables", variables, silk_check.xml_variables(document))
        checks.same_rows(f"{name}: XML rows", expected, silk_check.xml_rows(document), ordered)

# An update through SPARQLWrapper (form and direct), then silk query sees it.
graph = "http://example.org/clients/sparqlwrapper"
insert = (f'INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/clients/tea> '
          '<http://example.org/clients/label> "Çay ılık değil"@tr, "Grüntee"@de, '
          '"3.14"^^xsd:decimal, "line\\nbreak" } }')
for request in (URLENCODED, POSTDIRECTLY):
    result = client(insert, JSON, POST, request).query()
    checks.same(f"update by POST {request}: 2xx", 2, result.response.status // 100)
check_query = f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
_, rows = silk.rows(check_query)
checks.same_rows("the update, as silk query sees it", [
    {"o": silk_check.literal("Çay ılık değil", language="tr")},
    {"o": silk_check.literal("Grüntee", language="de")},
    {"o": silk_check.literal("3.14", silk_check.XSD + "decimal")},
    {"o": silk_check.literal("line\nbreak")}], rows)
checks.same_rows("the update, as the client reads it back", rows,
                 silk_check.json_rows(client(check_query, JSON).queryAndConvert()))

# A malformed query: QueryBadFormed, carrying the server's message, which is silk query's.
bad = "SELECT ?x WHERE { ?x skos:prefLabel }"
for method in (GET, POST):
    try:
        client(bad, JSON, method).query()
        checks.ok(f"malformed query by {method}: QueryBadFormed", False, "no exception")
    except QueryBadFormed as error:
        checks.ok(f"malformed query by {method}: QueryBadFormed", True)
        # SPARQLWrapper 1.8 puts the body in the exception's text, as Python writes bytes.
        # silk query's message, its line numbers counted with the client's PREFIX lines:
        expected = repr(silk.error(silk.prefixes + bad).encode("utf-8"))[2:-1]
        checks.ok(f"malformed query by {method}: the server's message is silk query's",
                  expected in str(error),
                  f"expected {expected!r} in {str(error)!r}")

# A query too long for a URL: by GET the server says 414, which SPARQLWrapper raises as
# URITooLong with the server's advice; POSTed as a form (SPARQLWrapper's POST) it runs.
long_query = "ASK { ?who skos:altLabel \"Dschaparow\"@de } #" + "x" * 20000
try:
    client(long_query, JSON).query()
    checks.ok("a 20 kB query by GET: URITooLong", False, "no exception")
except URITooLong as error:
    checks.ok("a 20 kB query by GET: URITooLong", True)
    checks.ok("a 20 kB query by GET: the server says to POST it", "POST the query" in str(error),
              str(error))
checks.same("a 20 kB query by POST: answered", True,
            client(long_query, JSON, POST).queryAndConvert()["boolean"])

# SPARQLWrapper's default for CONSTRUCT is RDF/XML, which silk does not write: a 406, whose
# body names the formats it does write.
try:
    client("CONSTRUCT WHERE { ?s a schema:Country }", XML).query()
    checks.ok("CONSTRUCT as RDF/XML: 406", False, "no exception")
except urllib.error.HTTPError as error:
    checks.same("CONSTRUCT as RDF/XML: 406", 406, error.code)
    checks.ok("CONSTRUCT as RDF/XML: the 406 names the formats", b"text/turtle" in error.read())

checks.finish()
