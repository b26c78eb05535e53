// Writing one commit to RocksDB, all at once or not at all. Internal to engine/storage/.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "engine/status.h"
#include "engine/storage/quad_log.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_dictionary.h"

namespace silk::storage {

// How far a commit has got: entries written, of at most `total`. Read from other threads.
struct CommitMeter {
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::uint64_t> total{0};
};

// Everything one commit writes.
struct CommitSource {
  const QuadLog* quads = nullptr;         // finished: its changes go to the four indexes
  const TermEncoder* terms = nullptr;     // its new terms go to the dictionary
  std::function<bool(TermId)> is_new;     // whether this commit made the id
  std::optional<TermId> type_id;          // rdf:type's id, if the store or the commit has it
  CommitMeter* meter = nullptr;           // moved as entries are written
};

struct CommitCounts {
  std::uint64_t added = 0;    // quads the store gained
  std::uint64_t removed = 0;  // quads it lost
};

// Applies `source` to the store in `dir` atomically and durably, with the statistics moved
// to match. Up to `ingest_threshold` RocksDB entries go in one synced WriteBatch; more are
// written as sorted SST files (the indexes on up to `threads` threads at once) and ingested
// into all families in one atomic call, so a bulk load leaves no WAL to replay and no
// memtable to flush.
Result<CommitCounts> WriteCommit(const RocksDb& rocks, const std::string& dir,
                                 std::size_t ingest_threshold, unsigned threads,
                                 const CommitSource& source);

// Where a transaction in the store `dir` spills what does not fit its memory: sorted runs
// of quads ("runs", see QuadLog) or new terms ("terms", see SpilledTerms).
std::string SpillDirectory(const std::string& dir, std::string_view what);

// Removes what an interrupted commit or load left in `dir`.
Status RemoveIngestLeftovers(const std::string& dir);

}  // namespace silk::storage
