// Loading RDF text into a store: parse, encode terms, insert, all inside the caller's
// transaction so that a failure anywhere leaves the store as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "engine/load/partition.h"
#include "engine/status.h"
#include "engine/storage/store.h"
#include "grammar/parse_error.h"
#include "grammar/rdf/rdf_parser.h"

namespace silk::load {

// How far a load has got.
struct LoadProgress {
  std::uint64_t bytes = 0;       // read from the input stream
  std::uint64_t statements = 0;  // parsed and handed to the store
};

struct LoadOptions {
  rdf::RdfFormat format = rdf::RdfFormat::kNQuads;
  std::string source_name = "<stdin>";  // for error messages
  std::string base_iri;                 // for relative IRIs (Turtle, TriG)
  // Statements without a graph go here; empty means the store's default graph. Statements
  // that name their own graph (N-Quads, TriG) keep it.
  std::string graph_iri;
  // Skip mode (`silk load --skip-bad`): each malformed statement is passed here and left out,
  // and the load goes on (see rdf::ParseOptions for where a statement ends in each format).
  // It runs on the parser's thread, not the caller's, at the same time as on_progress: it
  // must not touch what the caller's thread uses during the load without a lock. The quads
  // the store gains are known only after the commit: WriteTransaction::inserted().
  std::function<void(const ParseError&)> on_bad_statement;
  // `silk load --partition K/N`: only the statements this part holds go into the store; the
  // others are counted (LoadCounts::other_parts) and dropped by the parser's thread, before
  // they are batched. Malformed statements are reported whatever their part.
  std::optional<Partition> partition;
  // Called during the load, at most about ten times a second, with how far it got; for a
  // progress bar. Must be cheap; it runs on the caller's thread.
  std::function<void(const LoadProgress&)> on_progress;
};

struct LoadCounts {
  std::uint64_t statements = 0;  // parsed and handed to the store (a failed one included)
  std::uint64_t skipped = 0;     // malformed, left out (skip mode only)
  std::uint64_t other_parts = 0;  // well-formed, left to the other parts (with a partition)
  // Read from the input stream. After a storage error this includes what the parser read
  // ahead of the statements inserted, as after any stop it includes the parser's buffer.
  std::uint64_t bytes = 0;
};

// Parses all of `in` into `tx`, starting a new blank-node scope. Does not commit.
// The parser runs on a thread of its own, at most a few batches of statements ahead of the
// caller's thread, which encodes and inserts them (`tx` is used from the caller's thread
// only). That thread has ended when LoadInto returns, also by an exception; until then `in`
// is its own.
// `counts` says how far the load got, also when it fails (for "stopped after N statements").
// Errors: a syntax error (Status::Syntax, with file, line, column), an unreadable input
// (kIOError) or a storage error; the transaction then holds part of the input and should be
// discarded.
Status LoadInto(storage::WriteTransaction& tx, std::istream& in, const LoadOptions& options,
                LoadCounts& counts);
// The same, for callers that need no counts after a failure.
Result<LoadCounts> LoadInto(storage::WriteTransaction& tx, std::istream& in,
                            const LoadOptions& options);

}  // namespace silk::load
