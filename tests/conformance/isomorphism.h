// Comparing RDF datasets as the W3C tests require: the same statements, with blank nodes
// matched by one bijection (RDF 1.1 Concepts, 3.6 "Graph Comparison"), graph names included.
#pragma once

#include <string>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::conformance {

// True if `actual` and `expected` are isomorphic. Both are taken as sets (duplicates do not
// count); literals compare with ^^xsd:string folded away and language tags lower-cased.
// On false, `difference` (if not null) lists statements found on only one side, in
// N-Quads-like text, and notes when only blank-node structure differs.
bool AreIsomorphic(const std::vector<rdf::Quad>& actual, const std::vector<rdf::Quad>& expected,
                   std::string* difference = nullptr);

// N-Quads-like text of a statement, for reports.
std::string ToText(const rdf::Quad& quad);

}  // namespace silk::conformance
