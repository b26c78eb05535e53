#include "grammar/rdf/rdf_parser.h"

#include "grammar/rdf/ntriples_parser.h"
#include "grammar/rdf/turtle_parser.h"

namespace silk::rdf {

std::optional<RdfFormat> RdfFormatFromPath(std::string_view path) {
  if (path.ends_with(".gz")) path.remove_suffix(3);
  if (path.ends_with(".nt")) return RdfFormat::kNTriples;
  if (path.ends_with(".nq")) return RdfFormat::kNQuads;
  if (path.ends_with(".ttl")) return RdfFormat::kTurtle;
  if (path.ends_with(".trig")) return RdfFormat::kTriG;
  return std::nullopt;
}

std::string_view RdfFormatName(RdfFormat format) {
  switch (format) {
    case RdfFormat::kNTriples: return "N-Triples";
    case RdfFormat::kNQuads: return "N-Quads";
    case RdfFormat::kTurtle: return "Turtle";
    case RdfFormat::kTriG: return "TriG";
  }
  return "RDF";
}

std::optional<ParseError> ParseRdf(std::istream& in, const ParseOptions& options,
                                   QuadSink& sink) {
  switch (options.format) {
    case RdfFormat::kNTriples:
    case RdfFormat::kNQuads:
      return ParseNTriples(in, options, sink);
    case RdfFormat::kTurtle:
    case RdfFormat::kTriG:
      return ParseTurtle(in, options, sink);
  }
  return std::nullopt;
}

}  // namespace silk::rdf
