// CountScan: COUNT over one triple pattern, in all or per value of one of its variables,
// counted from the store's keys (Snapshot::CountPer) without building the rows it counts.
#include <fmt/format.h>

#include <algorithm>

#include "engine/query/expr/value.h"
#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

storage::QuadPosition PositionOf(const ScanPattern& pattern, VarId var) {
  constexpr storage::QuadPosition kPositions[4] = {
      storage::QuadPosition::kSubject, storage::QuadPosition::kPredicate,
      storage::QuadPosition::kObject, storage::QuadPosition::kGraph};
  for (int i = 0; i < 4; ++i) {
    if (pattern.slots[i].variable == var) return kPositions[i];
  }
  return kPositions[0];  // unreachable: the planner checked that `var` is in the pattern
}

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
  }

  std::string Describe() const override {
    std::string text = "CountScan " + DescribePattern(ctx_, count_.counted);
    if (count_.per) text += " per " + DescribeVariables(ctx_, {*count_.per});
    if (count_.only) {
      text += fmt::format(" where {} {}", DescribePattern(ctx_, *count_.only),
                          count_.probe_each ? "(seek per value)" : "(intersected)");
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
  std::vector<storage::GroupCount> CountPer(const ScanPattern& pattern,
                                            std::optional<VarId> per) {
    const storage::QuadPattern quads = ToQuadPattern(pattern, {});
    std::optional<storage::QuadPosition> position;
    if (per) position = PositionOf(pattern, *per);
    Result<std::vector<storage::GroupCount>> groups =
        ctx_.snapshot().CountPer(quads, position, pattern.MergesGraphs(),
                                 [this] { return ctx_.Stopped(); });
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
