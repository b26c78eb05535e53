// Writing terms and statements as canonical N-Triples / N-Quads.
#pragma once

#include <string>

#include "grammar/rdf/term.h"

namespace silk::rdf {

// Appends `term` in canonical N-Triples form: <iri>, _:label, "lexical", "lexical"@lang or
// "lexical"^^<datatype>. The datatype is left out for plain strings and for xsd:string; a
// non-empty language wins over the datatype. A default-graph term appends nothing.
//
// Escaping (canonical N-Triples of RDF 1.2): in literals \" \\ \n \r \t \b \f, every other
// control character (U+0000–U+001F, U+007F) as \u00XX with upper-case hex, everything else as
// is; in IRIs each character IRIREF forbids (U+0000–U+0020 and <>"{}|^`\) as \u00XX.
// ParseNTriples reads back exactly the term written, for every literal and blank node, and for
// every IRI that is absolute and free of those forbidden characters (which make no valid IRI:
// the parser rejects them, escaped or not).
// REQUIRES: a blank node's label is a valid BLANK_NODE_LABEL body (the text after "_:").
void AppendTerm(std::string& out, const TermView& term);

// Appends "S P O .\n", or "S P O G .\n" when `with_graph` and the graph is not the default.
void AppendQuad(std::string& out, const QuadView& quad, bool with_graph);

}  // namespace silk::rdf
