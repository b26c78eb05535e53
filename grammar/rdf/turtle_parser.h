// Reading Turtle 1.1 and TriG 1.1. Use ParseRdf (rdf_parser.h) unless you know the format.
#pragma once

#include <iosfwd>
#include <optional>

#include "grammar/parse_error.h"
#include "grammar/rdf/rdf_parser.h"

namespace silk::rdf {

// Parses Turtle (options.format == kTurtle) or TriG (kTriG) from `in` to the end, handing
// each triple to `sink` as soon as its object has been read. Turtle triples and TriG triples
// outside graph blocks go to the default graph.
//
// Relative IRIs resolve against options.base_iri, then against each @base / BASE in turn; an
// empty base leaves relative IRIs as written. Absolute IRIs are kept exactly as written.
// Literals keep their lexical form (numbers as written, with xsd:integer, xsd:decimal or
// xsd:double); blank node labels are passed through without "_:"; `[]` and collection cells
// get labels starting with '-', which no written label can start with.
//
// A UTF-8 byte order mark at the very start is skipped.
//
// Memory stays bounded: text is dropped after every object and statement, so only a single
// term (or the stretch between two objects) must fit in the parser's buffer (64 MiB).
// Returns the first syntax error, with the triples before it already accepted.
std::optional<ParseError> ParseTurtle(std::istream& in, const ParseOptions& options,
                                      QuadSink& sink);

}  // namespace silk::rdf
