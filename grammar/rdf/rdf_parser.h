// Reading RDF text: N-Triples, N-Quads, Turtle and TriG, streamed in constant memory.
// The façade over the PEGTL grammars; no PEGTL type appears here.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/parse_error.h"
#include "grammar/rdf/term.h"

namespace silk::rdf {

enum class RdfFormat { kNTriples, kNQuads, kTurtle, kTriG };

// The format a file name implies: .nt, .nq, .ttl, .trig (a trailing .gz is ignored here).
std::optional<RdfFormat> RdfFormatFromPath(std::string_view path);
// "N-Triples", "N-Quads", "Turtle", "TriG".
std::string_view RdfFormatName(RdfFormat format);

// Receives each statement as it is parsed.
class QuadSink {
 public:
  virtual ~QuadSink() = default;
  // The views are valid only during the call. Return false to stop parsing early (the
  // parser then returns no error; the sink keeps its own reason).
  virtual bool Accept(const QuadView& quad) = 0;
};

struct ParseOptions {
  RdfFormat format = RdfFormat::kNQuads;
  std::string source_name = "<stdin>";  // used in error messages: "SOURCE:LINE:COL: …"
  std::string base_iri;                 // Turtle/TriG: the base for relative IRIs
  // Skip mode. When set, a malformed statement is handed to this callback and left out whole
  // (none of its triples reach the sink), and parsing goes on with the next statement instead
  // of stopping. N-Triples and N-Quads resume at the next line; Turtle and TriG after the
  // statement's final '.' (the rule is in turtle_parser.cpp; inside a TriG graph block, at
  // the block's next statement). Prefixes and bases declared before stay; a malformed
  // directive declares nothing, so later uses of its prefix are errors of their own.
  // Errors that are not about one statement (unreadable input, an over-long line or term, a
  // Turtle statement whose triples outgrew what can be held back) still stop.
  std::function<void(const ParseError&)> on_bad_statement;
};

// Parses `in` to the end, handing every statement to `sink` in document order.
// Memory stays bounded whatever the input size (no statement is held after it is accepted).
// Returns the first syntax error (in skip mode: the first error that cannot be skipped);
// statements before it have already been accepted, so a caller that wants all-or-nothing must
// buffer or roll back itself.
// Blank node labels are passed through as written (without "_:"); Turtle's anonymous nodes
// (`[]`, collections) get labels that cannot clash with written ones.
std::optional<ParseError> ParseRdf(std::istream& in, const ParseOptions& options, QuadSink& sink);

}  // namespace silk::rdf
