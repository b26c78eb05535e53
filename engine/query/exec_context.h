// What every operator of one running query shares: the snapshot it reads, the terms it has
// made, and the limits that stop it (cancellation, deadline, memory cap).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
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

class ExecContext final : public expr::Interruption {
 public:
  ExecContext(const storage::Snapshot& snapshot, const QueryLimits& limits);
  ExecContext(const ExecContext&) = delete;
  ExecContext& operator=(const ExecContext&) = delete;

  const storage::Snapshot& snapshot() const { return snapshot_; }
  TermResolver& terms() { return terms_; }

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
  // Throws QueryAborted for a storage failure met while reading.
  static void ThrowIfError(const Status& status) {
    if (!status.ok()) throw QueryAborted{status};
  }

 private:
  const storage::Snapshot& snapshot_;
  QueryLimits limits_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  TermResolver terms_;
  std::vector<std::string> variable_names_;
  std::uint64_t memory_used_ = 0;
  std::uint32_t checks_ = 0;
};

}  // namespace silk::query
