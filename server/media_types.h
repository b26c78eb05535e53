// Media types: which result format answers an Accept header, and which RDF format a request
// body's Content-Type names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/query/results/result_writer.h"
#include "grammar/rdf/rdf_parser.h"

namespace silk::server {

// The format that best fits `accept` (an Accept header; empty means anything) for a result
// of `kind`: the highest q-value, and among equals the server's order (SPARQL JSON, XML, CSV,
// TSV, then the plain text table for solutions; Turtle, N-Triples, N-Quads, TriG for graphs).
// nullopt when the header accepts none of them (a 406).
std::optional<query::ResultFormat> NegotiateFormat(std::string_view accept, query::ResultKind kind);

// "application/sparql-results+json; charset=utf-8" and so on.
std::string ContentTypeOf(query::ResultFormat format);

// "application/sparql-results+json, application/sparql-results+xml, …": what a 406 lists.
std::string MediaTypesFor(query::ResultKind kind);

// A Content-Type header split: the media type lower-cased without parameters
// ("application/sparql-query"), and its charset parameter lower-cased (empty when absent).
struct ContentType {
  std::string essence;
  std::string charset;
};
ContentType ParseContentType(std::string_view header);

// The RDF format of a request body of media type `essence` (text/turtle, application/n-triples,
// application/n-quads, application/trig; text/plain as N-Triples); nullopt for another.
std::optional<rdf::RdfFormat> RdfFormatOfMediaType(std::string_view essence);

}  // namespace silk::server
