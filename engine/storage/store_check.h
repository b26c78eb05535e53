// The store's self-check (Oxigraph's validate()): indexes, dictionary and statistics agree.
// Internal to engine/storage/.
#pragma once

#include <string>

#include "engine/status.h"
#include "engine/storage/rocks_db.h"

namespace silk::storage {

// Checks a consistent snapshot of the store in `dir`:
// - spog, posg and ospg hold the same quads, gspo exactly those of named graphs, and every
//   key is a well-formed quad;
// - every id in a quad decodes (dictionary ids are in id2term, inlined ids round-trip), the
//   default graph appears only as a graph;
// - id2term and term2id are inverse maps (blank nodes in id2term only), every record is
//   canonical and no inlinable literal sits in the dictionary;
// - the statistics equal a recount, the text index equals the one the literals make, and the
//   format version is ours.
// Ok, or kCorruption naming the first problems found.
Status CheckStore(const RocksDb& rocks, const std::string& dir);

}  // namespace silk::storage
