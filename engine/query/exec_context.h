// What every operator of one running query shares: the snapshot it reads, the terms it has
// made, and the limits that stop it (cancellation, deadline, memory cap).
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/query/expr/interruption.h"
#include "engine/query/term_resolver.h"
#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::query {

struct QueryLimits {
  // Set from another thread (a signal handler's flag, a server's request) to stop the query.
  const std::atomic<bool>* cancel = nullptr;
  std::optional<std::chrono::steady_clock::duration> timeout;
  // Rows that operators hold in memory (hash tables, sorts, groups), in bytes.
  std::uint64_t memory_limit = std::uint64_t{4} << 30;
};

// Thrown inside engine/query when a query must stop; caught at the engine's façade, never
// beyond it. Unwinding frees every operator's state on the way out.
struct QueryAborted {
  Status status;
};

// What the allocator really takes for one block of `bytes`: glibc's malloc adds an 8-byte
// header, rounds up to 16 and gives at least 32. Operators charge this, not sizeof, so that
// many small blocks (hash nodes, short vectors) are counted at their real cost.
inline std::uint64_t HeapBlockBytes(std::uint64_t bytes) {
  return std::max<std::uint64_t>(32, (bytes + 8 + 15) & ~std::uint64_t{15});
}

// The heap blocks behind a term's strings (libstdc++ keeps up to 15 characters inside the
// std::string itself).
inline std::uint64_t TermHeapBytes(const rdf::Term& term) {
  std::uint64_t bytes = 0;
  for (const std::string* text : {&term.value, &term.datatype, &term.language}) {
    if (text->capacity() > 15) bytes += HeapBlockBytes(text->capacity() + 1);
  }
  return bytes;
}

class ExecContext final : public expr::Interruption {
 public:
  ExecContext(const storage::Snapshot& snapshot, const QueryLimits& limits);
  ExecContext(const ExecContext&) = delete;
  ExecContext& operator=(const ExecContext&) = delete;

  const storage::Snapshot& snapshot() const { return snapshot_; }
  TermResolver& terms() { return terms_; }
  // The snapshot's estimate of the quads matching `pattern` (Snapshot::Estimate), asked of it
  // once per query. Planning asks again for the same patterns as it weighs each join order,
  // and each answer reads keys and RocksDB's approximate sizes: about a fifth of planning
  // and running a small query (a UNION of two index joins) went to asking again.
  std::uint64_t EstimateQuads(const storage::QuadPattern& pattern) const;

  // The query's variables: each name gets one VarId, numbered from 0.
  VarId Variable(std::string_view name);
  const std::string& VariableName(VarId var) const { return variable_names_[var]; }
  std::size_t variable_count() const { return variable_names_.size(); }

  // Throws QueryAborted when the query was cancelled or ran out of time. Cheap: call it in
  // every loop that can run long.
  void CheckCancelled();
  // Whether the query was cancelled or is past its deadline, reading the clock every time;
  // never throws (ICU's regex callback asks it).
  bool Stopped() const noexcept override;
  // Like CheckCancelled, but reads the clock every time.
  void ThrowIfStopped();
  // Accounts for memory an operator holds; throws QueryAborted past the cap.
  void ChargeMemory(std::uint64_t bytes);
  void ReleaseMemory(std::uint64_t bytes) { memory_used_ -= std::min(bytes, memory_used_); }
  std::uint64_t memory_used() const { return memory_used_; }
  // Whether `bytes` more fit within the limit: for what an operator may hold or go without
  // (a cache).
  bool HasRoomFor(std::uint64_t bytes) const {
    return memory_used_ + terms_.held_bytes() + bytes <= limits_.memory_limit;
  }
  // Whether operators may change their method once they see how many rows their inputs
  // really give (the planner's estimates can be far off): a hash join looking up a left side
  // that turned out small, an index join remembering its probes. Off only to compare with
  // the plan as written (QueryOptions::rewrite).
  bool adapts() const { return adapts_; }
  void set_adapts(bool adapts) { adapts_ = adapts; }
  // Whether operators may share their work with the process's spare threads
  // (operators/spare_threads.h). Off, the query runs on its calling thread alone.
  bool parallel() const { return parallel_; }
  void set_parallel(bool parallel) { parallel_ = parallel; }
  // Throws QueryAborted for a storage failure met while reading.
  static void ThrowIfError(const Status& status) {
    if (!status.ok()) throw QueryAborted{status};
  }

 private:
  const storage::Snapshot& snapshot_;
  // EstimateQuads' answers, by pattern (its bound ids and object range; not the `held`
  // hint, which changes no count). Locked: spare threads may ask too.
  using EstimateKey = std::array<std::optional<storage::TermId>, 6>;
  mutable std::mutex estimates_mutex_;
  mutable std::map<EstimateKey, std::uint64_t> estimates_;
  QueryLimits limits_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  TermResolver terms_;
  std::vector<std::string> variable_names_;
  std::uint64_t memory_used_ = 0;
  std::uint32_t checks_ = 0;
  bool adapts_ = true;
  bool parallel_ = true;
};

// Memory an operator holds for a while (a path's node sets): charged as it grows, released
// when the holder goes, also when a QueryAborted unwinds it. Not copyable.
class MemoryCharge {
 public:
  explicit MemoryCharge(ExecContext& ctx) : ctx_(ctx) {}
  ~MemoryCharge() { ctx_.ReleaseMemory(bytes_); }
  MemoryCharge(const MemoryCharge&) = delete;
  MemoryCharge& operator=(const MemoryCharge&) = delete;

  // Makes the charge `bytes`: charges the growth (throwing QueryAborted past the limit) or
  // releases the shrink.
  void Set(std::uint64_t bytes) {
    if (bytes > bytes_) {
      const std::uint64_t more = bytes - bytes_;
      bytes_ = bytes;
      ctx_.ChargeMemory(more);
    } else {
      ctx_.ReleaseMemory(bytes_ - bytes);
      bytes_ = bytes;
    }
  }
  void Add(std::uint64_t bytes) { Set(bytes_ + bytes); }
  std::uint64_t bytes() const { return bytes_; }

 private:
  ExecContext& ctx_;
  std::uint64_t bytes_ = 0;
};

}  // namespace silk::query
