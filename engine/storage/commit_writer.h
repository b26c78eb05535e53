// Writing one commit to RocksDB, all at once or not at all. Internal to engine/storage/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/status.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/statistics.h"
#include "engine/storage/store.h"
#include "engine/storage/term_dictionary.h"

namespace silk::storage {

// Everything one commit changes.
struct ChangeSet {
  SortedQuads inserted;            // quads the store does not hold
  SortedQuads deleted;             // quads the store holds
  std::vector<NewTerm> new_terms;  // terms the store does not hold
  StatsWrites stats;

  // RocksDB entries this change set writes.
  std::size_t entries() const {
    return 4 * (inserted.size() + deleted.size()) + 2 * new_terms.size() + stats.size();
  }
};

// Applies `changes` to the store in `dir` atomically and durably. Up to `ingest_threshold`
// entries go in one synced WriteBatch; more are written as sorted SST files (on up to
// `threads` threads) and ingested into all families in one atomic call, so a bulk load leaves
// no WAL to replay and no memtable to flush.
Status WriteChanges(const RocksDb& rocks, const std::string& dir, std::size_t ingest_threshold,
                    unsigned threads, const ChangeSet& changes);

// Removes what an interrupted ingestion left in `dir`.
Status RemoveIngestLeftovers(const std::string& dir);

}  // namespace silk::storage
