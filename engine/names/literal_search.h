// The things whose literals hold some words: the text index's matches with the quads that
// hold them, for `silk search`, the shell's `.search` and `.find`'s fallback.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "grammar/rdf/term.h"

namespace silk::names {

struct LiteralHit {
  rdf::Term entity;     // the subject of the quad holding the literal
  rdf::Term predicate;
  rdf::Term literal;    // as stored, for display
  rdf::Term graph;      // the named graph (the article), or the default graph
  std::string snippet;  // the literal around the matched words, which are in [brackets]
  double score = 0;     // BM25 (see Snapshot::MatchText)
};

// Up to `limit` hits, best literal first, each literal with every quad that holds it.
// Errors as Snapshot::MatchText (a query without words, a store without its text index).
Result<std::vector<LiteralHit>> SearchLiterals(const storage::Snapshot& snapshot,
                                               std::string_view words, std::size_t limit);

}  // namespace silk::names
