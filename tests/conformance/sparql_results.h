// Reading the expected result of a SPARQL evaluation test: SPARQL XML results (.srx), SPARQL
// JSON results (.srj), or RDF (.ttl, .rdf) holding either a result set written in the
// result-set vocabulary (rs:ResultSet) or, for CONSTRUCT and DESCRIBE, the graph itself.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/rdf/term.h"
#include "tests/conformance/solution_set.h"

namespace silk::conformance {

inline constexpr std::string_view kResultSetNs =
    "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
inline constexpr std::string_view kSparqlResultsNs = "http://www.w3.org/2005/sparql-results#";

struct ExpectedResult {
  std::optional<SolutionSet> solutions;  // SELECT and ASK results
  std::vector<rdf::Quad> graph;          // otherwise: the expected graph
};

// Reads the file at `path`, whose IRI is `iri` (the base of relative IRIs in it). Solutions
// that carry rs:index come sorted by it. On failure returns nullopt and says why in `error`.
std::optional<ExpectedResult> ReadExpectedResult(const std::filesystem::path& path,
                                                 std::string_view iri, std::string* error);

// The parts of reading, exposed for tests.
std::optional<SolutionSet> ParseSrx(std::string_view text, std::string* error);
std::optional<SolutionSet> ParseSrj(std::string_view text, std::string* error);
// The result set in `graph`, or nullopt if it has no rs:ResultSet node.
std::optional<SolutionSet> ResultSetFromGraph(const std::vector<rdf::Quad>& graph);

}  // namespace silk::conformance
