// SPARQL query results as the W3C tests compare them: the variables and a sequence of
// solutions (SELECT), or a boolean (ASK), with the comparison the test README asks for.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::conformance {

// One solution: the bound variables only (an unbound variable is absent).
using Solution = std::map<std::string, rdf::Term, std::less<>>;

struct SolutionSet {
  std::vector<std::string> variables;
  std::vector<Solution> solutions;  // in result order
  std::optional<bool> boolean;      // set for ASK results only
};

struct CompareOptions {
  // mf:LaxCardinality (REDUCED): each distinct solution may occur from once up to its
  // expected count.
  bool lax_cardinality = false;
  // Set when the query has a top-level ORDER BY: solutions must come in the expected order,
  // judged on these variables only (those the sort keys read), so solutions that tie on
  // every key may be permuted.
  std::optional<std::vector<std::string>> order_keys;
};

// True if `actual` matches `expected`: the same variables, the same solutions as a multiset
// with blank nodes matched by one bijection over the whole result, and (if asked) the same
// order. On false, `difference` says how they differ, in words.
bool SameResults(const SolutionSet& actual, const SolutionSet& expected,
                 const CompareOptions& options, std::string* difference);

// Text of a result set for failure reports (at most `limit` solutions).
std::string Describe(const SolutionSet& results, std::size_t limit = 12);

}  // namespace silk::conformance
