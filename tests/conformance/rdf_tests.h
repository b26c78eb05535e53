// The RDF 1.1 test types (http://www.w3.org/ns/rdftest#): N-Triples, N-Quads, Turtle and TriG
// syntax and evaluation tests. Every input goes through rdf::ParseRdf, the façade the loader
// uses, with the format taken from the file name and the file's own IRI as base.
#pragma once

#include "tests/conformance/test_runner.h"

namespace silk::conformance {

// Positive syntax: the input parses. Negative syntax and negative evaluation: parsing
// reports an error. Evaluation: the input parses to a graph isomorphic to mf:result.
void RegisterRdfTests(TestRunner& runner);

}  // namespace silk::conformance
