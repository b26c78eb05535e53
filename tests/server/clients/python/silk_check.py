"""Shared by the Python client tests of `silk serve`: what `silk query` answers on the same
store, as terms a client's answer is compared with, and the ok/FAIL lines of each check.

A term is a tuple, so rows compare exactly and sort:
  ("uri", IRI), ("bnode", LABEL), ("literal", LEXICAL FORM, DATATYPE IRI, LANGUAGE TAG)
A plain literal has the datatype xsd:string, a tagged one rdf:langString (RDF 1.1), and the
tag is kept as written: a client that changes its case is wrong. A row is a dict from
variable name to term, an unbound variable absent.

The environment (set by client_test.sh): SILK, SILK_DB, SILK_URL, SILK_PREFIXES,
SILK_QUERIES, SILK_QUESTIONS.
"""

import os
import pathlib
import re
import subprocess
import sys

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def literal(lexical, datatype=None, language=None):
    if language:
        return ("literal", lexical, RDF_LANG_STRING, language)
    return ("literal", lexical, datatype or XSD_STRING, "")


# ----- Checks -----

class Checks:
    def __init__(self):
        self.failures = 0

    def ok(self, name, passed, detail=""):
        print(("ok    " if passed else "FAIL  ") + name, flush=True)
        if not passed:
            self.failures += 1
            if detail:
                print("      " + str(detail)[:2000].replace("\n", "\n      "), flush=True)
        return passed

    def same(self, name, expected, actual):
        return self.ok(name, expected == actual, f"expected {expected!r}\n  actual {actual!r}")

    def same_rows(self, name, expected, actual, ordered=False):
        """Rows as a multiset (a list when ordered): each side's rows, then what differs."""
        if ordered:
            return self.same(name, expected, actual)
        key = lambda row: sorted(row.items())
        expected_sorted, actual_sorted = sorted(expected, key=key), sorted(actual, key=key)
        if expected_sorted == actual_sorted:
            return self.ok(f"{name} ({len(actual)} rows)", True)
        missing = [r for r in expected_sorted if r not in actual_sorted]
        extra = [r for r in actual_sorted if r not in expected_sorted]
        return self.ok(name, False, f"{len(expected)} rows expected, {len(actual)} received\n"
                       f"missing: {missing[:5]}\nextra: {extra[:5]}")

    def finish(self):
        print()
        if self.failures:
            print(f"{self.failures} checks failed")
            sys.exit(1)
        print("all checks passed")
        sys.exit(0)


# ----- silk query on the same store -----

class Silk:
    def __init__(self):
        self.binary = os.environ["SILK"]
        self.db = os.environ["SILK_DB"]
        self.url = os.environ["SILK_URL"]
        self.endpoint = self.url + "/sparql"
        self.prefixes = pathlib.Path(os.environ["SILK_PREFIXES"]).read_text()

    def run(self, *args, check=True):
        done = subprocess.run([self.binary, "--db", self.db, *args], capture_output=True,
                              encoding="utf-8")
        if check and done.returncode != 0:
            raise RuntimeError(f"silk {' '.join(args)}: {done.stderr}")
        return done

    def rows(self, query):
        """SELECT: (variables, rows) from --format tsv, a format written apart from JSON and
        XML, so a slip in the server's JSON or XML does not hide behind the same slip here."""
        text = self.run("query", query, "--format", "tsv").stdout
        lines = text.removesuffix("\n").split("\n")
        variables = [v[1:] for v in lines[0].split("\t")]
        rows = []
        for line in lines[1:]:
            row = {}
            for name, field in zip(variables, line.split("\t")):
                if field != "":
                    row[name] = parse_tsv_term(field)
            rows.append(row)
        return variables, rows

    def ask(self, query):
        return self.run("query", query, "--format", "tsv").stdout.strip() == "true"

    def ntriples(self, query):
        return self.run("query", query, "--format", "ntriples").stdout

    def error(self, query):
        """A query silk query refuses: what it prints."""
        done = self.run("query", query, check=False)
        assert done.returncode != 0, query
        return done.stderr.rstrip("\n")


def queries(folder_variable):
    """(name, text) of each .rq file in the folder the variable names, by name."""
    folder = pathlib.Path(os.environ[folder_variable])
    return [(path.stem, path.read_text()) for path in sorted(folder.glob("*.rq"))]


def is_ordered(query):
    return re.search(r"\bORDER\s+BY\b", query, re.IGNORECASE) is not None


# ----- Terms as silk query writes them in TSV (Turtle's syntax, numbers abbreviated) -----

_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$')


def _unescape(text):
    def one(match):
        escape = match.group(0)
        if escape[1] in "uU":
            return chr(int(escape[2:], 16))
        return _ESCAPES[escape[1]]
    return re.sub(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", one, text)


def parse_tsv_term(field):
    if field.startswith("<") and field.endswith(">"):
        return ("uri", _unescape(field[1:-1]))
    if field.startswith("_:"):
        return ("bnode", field[2:])
    match = _LITERAL.match(field)
    if match:
        lexical, language, datatype = match.groups()
        return literal(_unescape(lexical), datatype, language)
    if field in ("true", "false"):
        return literal(field, XSD + "boolean")
    if re.fullmatch(r"[+-]?[0-9]+", field):
        return literal(field, XSD + "integer")
    if re.fullmatch(r"[+-]?[0-9]*\.[0-9]+", field):
        return literal(field, XSD + "decimal")
    if re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+", field):
        return literal(field, XSD + "double")
    raise ValueError(f"not a term in silk query's TSV: {field!r}")


# ----- Terms as clients give them -----

def json_term(binding):
    """A term of the SPARQL 1.1 JSON results format, checked against its shape."""
    kind = binding["type"]
    keys = set(binding) - {"type", "value"}
    if kind == "uri" or kind == "bnode":
        assert not keys, f"a {kind} with {keys}: {binding}"
        return (kind, binding["value"])
    assert kind == "literal", f"type {kind!r} (SPARQL 1.1 JSON has uri, literal, bnode)"
    assert keys <= {"xml:lang", "datatype"} and len(keys) <= 1, f"a literal with {keys}"
    if "datatype" in binding:
        assert binding["datatype"] != XSD_STRING, "xsd:string written out (a simple literal)"
    return literal(binding["value"], binding.get("datatype"), binding.get("xml:lang"))


def json_rows(results):
    return [{name: json_term(term) for name, term in binding.items()}
            for binding in results["results"]["bindings"]]


XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


def xml_rows(document):
    """The rows of a SPARQL XML results document parsed by xml.dom.minidom."""
    rows = []
    for result in document.getElementsByTagName("result"):
        row = {}
        for binding in result.getElementsByTagName("binding"):
            node = next(n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE)
            text = "".join(t.data for t in node.childNodes if t.nodeType == t.TEXT_NODE)
            name = binding.getAttribute("name")
            if node.tagName == "literal":
                row[name] = literal(text, node.getAttribute("datatype") or None,
                                    node.getAttributeNS(XML_NAMESPACE, "lang") or None)
            else:
                assert node.tagName in ("uri", "bnode"), node.tagName
                row[name] = (node.tagName, text)
        rows.append(row)
    return rows


def xml_variables(document):
    head = document.getElementsByTagName("head")[0]
    return [v.getAttribute("name") for v in head.getElementsByTagName("variable")]


def rdflib_term(term):
    from rdflib import BNode, Literal, URIRef
    if isinstance(term, URIRef):
        return ("uri", str(term))
    if isinstance(term, BNode):
        return ("bnode", str(term))
    assert isinstance(term, Literal), repr(term)
    return literal(str(term), str(term.datatype) if term.datatype else None, term.language)


def canonical_ntriples(graph):
    """A graph's statements as sorted N-Triples lines, blank nodes relabelled canonically, so
    two graphs that are the same up to blank node labels give the same lines."""
    from rdflib.compare import to_canonical_graph
    text = to_canonical_graph(graph).serialize(format="nt")
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return sorted(line for line in text.split("\n") if line.strip())


def parse_graph(data, format):
    import rdflib
    graph = rdflib.Graph()
    graph.parse(data=data, format=format)
    return graph
