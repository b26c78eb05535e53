#include "engine/query/update/stop_check.h"

#include <fmt/format.h>

#include <algorithm>

namespace silk::query {

StopCheck::StopCheck(const QueryLimits& limits)
    : limits_(limits), cancel_(limits.cancel), timeout_(limits.timeout) {
  if (timeout_) deadline_ = std::chrono::steady_clock::now() + *timeout_;
}

Status StopCheck::Check() const {
  if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
    return Status::Cancelled("the update was cancelled");
  }
  if (deadline_ && std::chrono::steady_clock::now() > *deadline_) {
    return Status::Cancelled(fmt::format("the update ran past its time limit of {:g} s",
                                         std::chrono::duration<double>(*timeout_).count()));
  }
  return Status::Ok();
}

QueryLimits StopCheck::Remaining() const {
  QueryLimits remaining = limits_;
  if (deadline_) {
    remaining.timeout = std::max(std::chrono::steady_clock::duration::zero(),
                                 *deadline_ - std::chrono::steady_clock::now());
  }
  return remaining;
}

}  // namespace silk::query
