// CountScan: COUNT over one triple pattern, in all or per value of one of its variables,
// counted from the store's keys (Snapshot::CountPer) without building the rows it counts; a
// long count in two halves, one on a spare thread when one is idle.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "engine/query/expr/value.h"
#include "engine/query/operators/operators.h"
#include "engine/query/operators/spare_threads.h"

namespace silk::query {
namespace {

// REQUIRES: `var` is in `pattern` (the planner checked).
storage::QuadPosition PositionOf(const ScanPattern& pattern, VarId var) {
  return QuadPositionOf(*pattern.SlotOf(var));
}

// Membership in a set of ids given in ascending order: a bitmap over their range when that is
// dense enough (things of one class were mostly made together, so their ids cluster), a
// binary search otherwise.
class IdSet {
 public:
  explicit IdSet(const std::vector<storage::GroupCount>& ascending) {
    if (ascending.empty()) return;
    first_ = ascending.front().id;
    const std::uint64_t span = ascending.back().id - first_ + 1;
    if (span / 64 <= ascending.size()) {
      bits_.assign(span / 64 + 1, 0);
      for (const storage::GroupCount& value : ascending) {
        const std::uint64_t i = value.id - first_;
        bits_[i / 64] |= std::uint64_t{1} << (i % 64);
      }
    } else {
      for (const storage::GroupCount& value : ascending) ids_.push_back(value.id);
    }
  }
  bool Contains(TermId id) const {
    if (!bits_.empty()) {
      const std::uint64_t i = id - first_;  // below first_: wraps past the end
      return i / 64 < bits_.size() && (bits_[i / 64] >> (i % 64) & 1) != 0;
    }
    return std::binary_search(ids_.begin(), ids_.end(), id);
  }
  std::uint64_t MemoryBytes() const { return (bits_.size() + ids_.size()) * sizeof(std::uint64_t); }

 private:
  TermId first_ = 0;
  std::vector<std::uint64_t> bits_;
  std::vector<TermId> ids_;
};

std::vector<VarId> CountColumns(const PatternCount& count, const std::vector<VarId>& counts) {
  std::vector<VarId> columns;
  if (count.per) columns.push_back(*count.per);
  columns.insert(columns.end(), counts.begin(), counts.end());
  return columns;
}

class CountScan final : public Operator {
 public:
  CountScan(ExecContext& ctx, PatternCount count, std::vector<VarId> counts, double estimate)
      : Operator(ctx, CountColumns(count, counts)), count_(std::move(count)),
        aggregates_(counts.size()) {
    set_estimated_rows(estimate);
    // The group key is a value of the counted pattern's, where that pattern holds it.
    if (count_.per) {
      for (const auto& [var, positions] : PositionsHeldBy(count_.counted)) {
        if (var == *count_.per) set_positions_held({{var, positions}});
      }
    }
  }

  std::string Describe() const override {
    std::string text = "CountScan " + DescribePattern(ctx_, count_.counted);
    if (count_.per) text += " per " + DescribeVariables(ctx_, {*count_.per});
    if (count_.only) {
      const char* how = count_.per && count_.per != count_.on ? "(hashed)"
                        : count_.probe_each                   ? "(seek per value)"
                                                              : "(intersected)";
      text += fmt::format(" where {} {}", DescribePattern(ctx_, *count_.only), how);
    }
    return text;
  }

 protected:
  bool DoNext(IdTable& out) override {
    if (!counted_) {
      groups_ = Groups();
      counted_ = true;
    }
    for (; next_ < groups_.size() && out.rows() < kBatchRows; ++next_) {
      std::span<TermId> row = out.AddRow();
      std::size_t column = 0;
      if (count_.per) row[column++] = groups_[next_].id;
      const TermId n = ctx_.terms().Encode(
          expr::Value::Integer(static_cast<std::int64_t>(groups_[next_].count)));
      for (std::size_t a = 0; a < aggregates_; ++a) row[column++] = n;
    }
    return next_ < groups_.size();
  }

 private:
  // `keep` (may be empty): which quads count.
  std::vector<storage::GroupCount> CountPer(
      const ScanPattern& pattern, std::optional<VarId> per,
      std::function<bool(const storage::QuadIds&)> keep = {}) {
    storage::CountRequest request;
    request.pattern = ToQuadPattern(pattern, {});
    if (per) request.per = PositionOf(pattern, *per);
    request.merge_graphs = pattern.MergesGraphs();
    request.keep = std::move(keep);
    request.stop = [this] { return ctx_.Stopped(); };
    if (ctx_.parallel()) request.share = RunOnSpareThread;
    request.charge = [this](std::uint64_t bytes) {
      held_bytes_ += bytes;
      memory_.Set(held_bytes_);
    };
    Result<std::vector<storage::GroupCount>> groups = ctx_.snapshot().CountPer(request);
    if (!groups.ok()) {
      // Stopped: the query's own error (a timeout, a cancellation) rather than the store's.
      if (groups.status().code() == StatusCode::kCancelled) ctx_.ThrowIfStopped();
      ctx_.ThrowIfError(groups.status());
    }
    return std::move(groups).value();
  }

  // Every group's count, by ascending key; one group when there is no key (0 included).
  std::vector<storage::GroupCount> Groups() {
    if (!count_.only) return CountPer(count_.counted, count_.per);
    // The values of `on` that `only` matches, each once (it has no other variable).
    std::vector<storage::GroupCount> values = CountPer(*count_.only, count_.on);
    std::vector<storage::GroupCount> groups;
    if (count_.per && count_.per != count_.on) {
      // Grouped by another variable: each quad counts when its value of `on` is one of them.
      const IdSet allowed(values);
      MemoryCharge charge(ctx_);
      charge.Set(allowed.MemoryBytes());
      const storage::QuadPosition at = PositionOf(count_.counted, *count_.on);
      return CountPer(count_.counted, count_.per, [&](const storage::QuadIds& quad) {
        return allowed.Contains(storage::IdAt(quad, at));
      });
    }
    if (count_.probe_each) {
      ScanPattern probe = count_.counted;
      ScanSlot& slot = probe.slots[static_cast<int>(PositionOf(probe, *count_.on))];
      for (const storage::GroupCount& value : values) {
        ctx_.CheckCancelled();
        slot = ScanSlot{value.id, std::nullopt};
        const std::uint64_t n = CountPer(probe, std::nullopt).front().count;
        if (n > 0) groups.push_back({value.id, n});
      }
    } else {
      const std::vector<storage::GroupCount> all = CountPer(count_.counted, count_.on);
      std::set_intersection(all.begin(), all.end(), values.begin(), values.end(),
                            std::back_inserter(groups),
                            [](const storage::GroupCount& a, const storage::GroupCount& b) {
                              return a.id < b.id;
                            });
    }
    if (count_.per) return groups;
    std::uint64_t total = 0;
    for (const storage::GroupCount& group : groups) total += group.count;
    return {{0, total}};
  }

  PatternCount count_;
  std::size_t aggregates_;
  // The groups counted so far, held until the last is output.
  MemoryCharge memory_{ctx_};
  std::uint64_t held_bytes_ = 0;
  bool counted_ = false;
  std::vector<storage::GroupCount> groups_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeCountScan(ExecContext& ctx, PatternCount count, std::vector<VarId> counts,
                          double estimate) {
  return std::make_unique<CountScan>(ctx, std::move(count), std::move(counts), estimate);
}

}  // namespace silk::query
