// What a text search returns (Snapshot::MatchText). Part of the public surface of storage.
#pragma once

#include <cstdint>

#include "engine/storage/term_id.h"

namespace silk::storage {

struct TextMatch {
  TermId literal = 0;  // a string literal that is the object of at least one quad
  double score = 0;    // BM25: higher is better; rare words and short literals weigh most
};

}  // namespace silk::storage
