// The quad log: every insert and delete of one write transaction, kept in bounded memory.
// Internal to engine/storage/.
//
// A transaction appends operations and never looks anything up: a duplicate, or an insert
// followed by a delete, is settled later by sorting, which costs far less per quad than a
// hash table probe and needs no memory beyond the records themselves. When the records fill
// the memory budget they are sorted, collapsed (the last operation on each quad wins),
// resolved against the store (does this operation change anything?) and written as one sorted
// run file per index, on a background thread while the transaction goes on filling a second
// buffer. At commit the runs and the records still in memory are merged per index into one
// stream of changes in key order, ready for an SST file or a WriteBatch. A log that has spilled
// spills its last records too, so that the merge's read buffers have the whole budget.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "engine/status.h"
#include "engine/storage/format.h"
#include "engine/storage/quad_record.h"
#include "engine/storage/store.h"

namespace silk::storage {

class QuadLog {
 public:
  // Sets the effect of each record from its op and whether the store holds its quad.
  // Gets records sorted in spog order, each quad once; may run on a background thread, and
  // on two threads at once for two parts of the records.
  using Resolver = std::function<Status(std::span<QuadRecord>)>;

  // Bytes of memory per logged operation at the peak of a commit: the record and its three
  // copies sorted for the other indexes.
  static constexpr std::size_t kBytesPerRecord = 4 * sizeof(QuadRecord);

  // Spills into `spill_dir` (created when first needed, removed with the log) once the records
  // would need more than `memory_budget` bytes at commit.
  QuadLog(std::string spill_dir, std::size_t memory_budget, Resolver resolve);
  ~QuadLog();
  QuadLog(const QuadLog&) = delete;
  QuadLog& operator=(const QuadLog&) = delete;

  // Fails when an earlier spill failed (a full disk); the log is then unusable.
  Status Append(const QuadIds& quad, QuadOp op);

  // Ends appending: resolves and sorts what is in memory (on up to `threads` threads) and
  // waits for spills. Then Changes() may be called.
  Status Finish(unsigned threads);
  // Whether any records went to disk.
  bool spilled() const { return !runs_.empty(); }
  // After Finish(): how many records the changes of `index` come from, an upper bound of
  // their number.
  std::uint64_t pending(format::QuadIndex index) const;
  // After Finish(): the changes of `index`. Cursors for different indexes may be read on
  // different threads at once. gspo holds named-graph quads only (see format.h).
  std::unique_ptr<ChangeCursor> Changes(format::QuadIndex index) const;

 private:
  // One spilled buffer: a file per index, records in its key order.
  struct Run {
    std::array<std::string, 4> paths;
    std::array<std::uint64_t, 4> records{};
  };

  // A new run, its files named; the spill directory is made for the first.
  Result<Run*> AddRun();
  Status SpillInBackground();
  Status WaitForSpill();
  Status Spill(std::vector<QuadRecord>* records, Run* run, unsigned threads);
  // Sorts `records` in spog order (on up to `threads` threads), keeps each quad's last
  // operation and resolves it.
  Status Collapse(std::vector<QuadRecord>* records, unsigned threads);

  const std::string spill_dir_;
  const std::size_t memory_budget_;
  const std::size_t capacity_;  // records per buffer
  const Resolver resolve_;

  std::vector<QuadRecord> buffer_;    // being filled
  std::vector<QuadRecord> spilling_;  // being spilled by spiller_; then empty, for reuse
  std::vector<Run> runs_;             // oldest first
  std::thread spiller_;
  Status spill_status_;  // of the spill spiller_ runs; read after joining it

  // After Finish(): the records left in memory, sorted for each index (kAllIndexes order).
  std::array<std::vector<QuadRecord>, 4> tail_;
};

}  // namespace silk::storage
