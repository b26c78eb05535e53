// A minimal RDF/XML reader for the few RDF/XML files of the SPARQL suites (sparql10/sort's
// expected results, sparql11/subquery's data). The store itself does not read RDF/XML.
//
// Supported: node elements (rdf:Description or typed) with rdf:about, rdf:ID, rdf:nodeID or
// none; property attributes; property elements with rdf:resource, rdf:nodeID, a nested node
// element, rdf:parseType="Resource", or literal text with rdf:datatype / inherited xml:lang.
// Not supported (reported as an error): rdf:parseType="Literal" and "Collection", xml:base.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::conformance {

// The triples of `text`, relative IRIs resolved against `base_iri`. On failure returns
// nullopt and says why in `error`.
std::optional<std::vector<rdf::Quad>> ReadRdfXml(std::string_view text, std::string_view base_iri,
                                                 std::string* error);

}  // namespace silk::conformance
