#include "engine/query/exec_context.h"

#include <fmt/format.h>

namespace silk::query {

namespace {

// Parsed values are a cache: at most 32 MiB, and at most an eighth of the memory limit.
std::uint64_t ValueCacheBytes(const QueryLimits& limits) {
  return std::min(std::uint64_t{32} << 20, limits.memory_limit / 8);
}

}  // namespace

ExecContext::ExecContext(const storage::Snapshot& snapshot, const QueryLimits& limits)
    : snapshot_(snapshot), limits_(limits), terms_(snapshot, ValueCacheBytes(limits)) {
  if (limits.timeout) deadline_ = std::chrono::steady_clock::now() + *limits.timeout;
}

std::uint64_t ExecContext::EstimateQuads(const storage::QuadPattern& pattern) const {
  const EstimateKey key = {
      pattern.s,
      pattern.p,
      pattern.o,
      pattern.g,
      pattern.o_range ? std::optional(pattern.o_range->first) : std::nullopt,
      pattern.o_range ? std::optional(pattern.o_range->second) : std::nullopt};
  {
    const std::lock_guard lock(estimates_mutex_);
    if (const auto known = estimates_.find(key); known != estimates_.end()) return known->second;
  }
  const std::uint64_t rows = snapshot_.Estimate(pattern);
  const std::lock_guard lock(estimates_mutex_);
  estimates_.emplace(key, rows);
  return rows;
}

VarId ExecContext::Variable(std::string_view name) {
  for (std::size_t i = 0; i < variable_names_.size(); ++i) {
    if (variable_names_[i] == name) return static_cast<VarId>(i);
  }
  variable_names_.emplace_back(name);
  return static_cast<VarId>(variable_names_.size() - 1);
}

void ExecContext::CheckCancelled() {
  if (limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) {
    ThrowIfStopped();
  }
  // Terms computed row by row (BIND, aggregates) grow without any operator charging them.
  if (!HasRoomFor(0)) ChargeMemory(0);
  // Reading the clock costs more than the flag; every 64th call is often enough.
  if (deadline_ && (++checks_ & 63) == 0) ThrowIfStopped();
}

bool ExecContext::Stopped() const noexcept {
  return (limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) ||
         (deadline_ && std::chrono::steady_clock::now() > *deadline_);
}

void ExecContext::ThrowIfStopped() {
  if (limits_.cancel != nullptr && limits_.cancel->load(std::memory_order_relaxed)) {
    throw QueryAborted{Status::Cancelled("the query was cancelled")};
  }
  if (deadline_ && std::chrono::steady_clock::now() > *deadline_) {
    const double seconds = std::chrono::duration<double>(*limits_.timeout).count();
    throw QueryAborted{
        Status::Cancelled(fmt::format("the query ran past its time limit of {:g} s", seconds))};
  }
}

void ExecContext::ChargeMemory(std::uint64_t bytes) {
  memory_used_ += bytes;
  if (!HasRoomFor(0)) {
    throw QueryAborted{Status::Cancelled(fmt::format(
        "the query needs more than its memory limit of {} MiB for intermediate results",
        limits_.memory_limit >> 20))};
  }
}

}  // namespace silk::query
