// The SPARQL 1.1 test types (http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#):
// query evaluation tests run through the engine's façade over a temporary store, and query
// syntax tests run through the parser.
#pragma once

#include <optional>
#include <string>

#include "engine/query/query_engine.h"
#include "tests/conformance/dataset_cache.h"
#include "tests/conformance/test_runner.h"

namespace silk::conformance {

// mf:QueryEvaluationTest: load qt:data into the default graph and each qt:graphData (and
// each local file a FROM / FROM NAMED names) as a graph named by its IRI, run qt:query with
// its own IRI as base and SPARQL's plain dataset semantics, and compare with mf:result.
// mf:PositiveSyntaxTest11 / mf:NegativeSyntaxTest11: the query parses / is rejected.
// REQUIRES: `stores` outlives `runner`.
void RegisterSparqlTests(TestRunner& runner, DatasetCache& stores);

// The engine's options for running the request in file `iri` as the W3C tests assume: its
// own IRI as base, SPARQL's plain dataset semantics, no predeclared prefixes, a time limit.
query::QueryOptions EngineOptions(const std::string& iri);

// The text of the query or update file `iri` names; nullopt, saying why in `error`, when
// there is none.
std::optional<std::string> ReadQueryFile(const rdf::Term* iri, const TestContext& context,
                                         std::string* error);

}  // namespace silk::conformance
