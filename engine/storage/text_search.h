// Text queries over the text index (family `text`): postings read, intersected, phrases
// checked, matches ranked by BM25. Internal to engine/storage/.
#pragma once

#include <rocksdb/db.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/text_match.h"

namespace silk::storage {

// Every literal that matches `query` (engine/text/text_query.h), best first; ties by id.
// kInvalidArgument for a query without words; kIncompatible when the store has no text index
// yet (an older format opened read-only).
Result<std::vector<TextMatch>> SearchText(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                                          std::string_view query);

// About how many literals SearchText returns: the fewest postings among the query's words,
// counted up to a limit and estimated from the index's size beyond it. 0 for a query without
// words or a store without the index.
std::uint64_t EstimateTextMatches(const RocksDb& rocks, const rocksdb::ReadOptions& read,
                                  std::string_view query);

}  // namespace silk::storage
