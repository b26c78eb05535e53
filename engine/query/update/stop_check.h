// Whether an update operation must stop early: cancelled (Ctrl-C, a server's request) or past
// its time limit. The query engine's operators check ExecContext; this serves the loops of an
// update that run outside it (LOAD, and the copies and deletions of graph management), which
// ask once per batch.
#pragma once

#include <chrono>
#include <optional>

#include "engine/query/exec_context.h"

namespace silk::query {

class StopCheck {
 public:
  // The time limit counts from now. REQUIRES: `limits` (its cancel flag) outlives this object.
  explicit StopCheck(const QueryLimits& limits);

  // Ok, or kCancelled saying why. Thread-compatible; cheap enough for every batch.
  Status Check() const;

  // The limits this check was made with, the timeout cut to the time that is left: for a part
  // of the work, such as one operation of a request whose time limit holds for all of it.
  QueryLimits Remaining() const;

 private:
  QueryLimits limits_;
  const std::atomic<bool>* cancel_;
  std::optional<std::chrono::steady_clock::duration> timeout_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

}  // namespace silk::query
