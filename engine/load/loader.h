// Loading RDF text into a store: parse, encode terms, insert, all inside the caller's
// transaction so that a failure anywhere leaves the store as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "grammar/rdf/rdf_parser.h"

namespace silk::load {

struct LoadOptions {
  rdf::RdfFormat format = rdf::RdfFormat::kNQuads;
  std::string source_name = "<stdin>";  // for error messages
  std::string base_iri;                 // for relative IRIs (Turtle, TriG)
  // Statements without a graph go here; empty means the store's default graph. Statements
  // that name their own graph (N-Quads, TriG) keep it.
  std::string graph_iri;
};

struct LoadCounts {
  std::uint64_t statements = 0;  // parsed
  std::uint64_t added = 0;       // new to the store (duplicates excluded)
};

// Parses all of `in` into `tx`, starting a new blank-node scope. Does not commit.
// Errors: a syntax error (Status::Syntax, with file, line, column) or a storage error; the
// transaction then holds part of the input and should be discarded.
Result<LoadCounts> LoadInto(storage::WriteTransaction& tx, std::istream& in,
                            const LoadOptions& options);

}  // namespace silk::load
