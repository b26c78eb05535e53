// Reading N-Triples and N-Quads (RDF 1.1), strictly, in constant memory.
#pragma once

#include <iosfwd>
#include <optional>

#include "grammar/parse_error.h"
#include "grammar/rdf/rdf_parser.h"

namespace silk::rdf {

// Parses `in` to the end as N-Triples (options.format == kNTriples: a graph label is an error)
// or N-Quads (kNQuads: each statement may end with a graph IRI or blank node), handing each
// statement to `sink` in document order; triples get graph = TermView::DefaultGraph().
//
// Strict RDF 1.1: IRIs must be absolute, input must be valid UTF-8, every escape must be
// well formed and name a Unicode scalar value, and an escape in an IRI must not stand for a
// character IRIs forbid (such as a space). CR, LF and CRLF all end a line; a UTF-8 byte order
// mark at the very start is skipped.
//
// Memory: a 1 MiB read buffer, grown only for a longer line (a line over 256 MiB is an error).
// Returns the first error (line and column count bytes from 1); statements on earlier lines have
// been accepted. With options.on_bad_statement set, a malformed line is reported there and
// skipped instead. A sink that returns false stops the parse, which then returns no error.
// REQUIRES: options.format is kNTriples or kNQuads.
std::optional<ParseError> ParseNTriples(std::istream& in, const ParseOptions& options,
                                        QuadSink& sink);

}  // namespace silk::rdf
