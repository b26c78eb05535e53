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
//
// Skip mode (options.on_bad_statement): each statement's triples are held back until its
// final '.' (or the '}' closing its TriG block), so a malformed statement is reported and
// left out whole; parsing resumes after its end. A statement producing more than 64 MiB of
// triples is passed on as it goes, and an error later in it then stops the parse.
std::optional<ParseError> ParseTurtle(std::istream& in, const ParseOptions& options,
                                      QuadSink& sink);

}  // namespace silk::rdf
