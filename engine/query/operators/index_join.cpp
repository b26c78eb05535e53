// IndexJoin: for each row on the left, the rows of one triple pattern with the row's values
// substituted: an index nested-loop join, the right choice when the left side is small and
// the pattern is large (a seek per left row instead of reading the whole pattern). As OPTIONAL
// (a left join), a left row whose probe finds nothing that passes the condition comes out
// alone.
//
// The planner chose it for a left side it thought small. Once its seeks, those made and those
// the batch of left rows in hand would make, cost what reading the whole pattern costs
// (SeekBudget), the rest of the left side is joined through a hash table of the pattern
// instead (PatternMatches), the rows the same: never much worse than the better of the two.
//
// While it seeks, each batch of left rows is probed from both ends when a spare thread is idle,
// and a probe that repeats a recent one takes its matches instead of seeking (TwoEndedProbes):
// the rows and their order stay as they were.
#include <algorithm>

#include "engine/query/operators/operators.h"
#include "engine/query/operators/pattern_matches.h"
#include "engine/query/operators/seek_budget.h"
#include "engine/query/operators/star_join.h"
#include "engine/query/operators/two_ended_probes.h"

namespace silk::query {
namespace {

class IndexJoin final : public Operator {
 public:
  IndexJoin(ExecContext& ctx, OperatorPtr left, ScanPattern pattern, double estimate,
            bool optional, RowExpressionPtr condition, std::vector<VarId> required = {})
      : Operator(ctx, IndexJoinColumns(*left, pattern)), left_(std::move(left)),
        pattern_(WithProbesHeld(std::move(pattern), *left_)), optional_(optional),
        condition_(std::move(condition)) {
    for (VarId var : required) required_columns_.push_back(left_->ColumnOf(var));
    required_ = std::move(required);
    set_estimated_rows(estimate);
    std::vector<VarId> maybe_unbound;
    if (optional_) {
      // What only the pattern binds may stay unbound; the left's columns are as they were.
      maybe_unbound = left_->maybe_unbound();
      for (VarId var : columns()) {
        if (left_->ColumnOf(var) < 0) maybe_unbound.push_back(var);
      }
    } else {
      // Left columns the pattern binds are bound afterwards, whatever they were before.
      for (VarId var : left_->maybe_unbound()) {
        bool bound_by_pattern = false;
        for (const ScanSlot& slot : pattern_.slots) bound_by_pattern |= slot.variable == var;
        if (!bound_by_pattern) maybe_unbound.push_back(var);
      }
    }
    set_maybe_unbound(std::move(maybe_unbound));
    set_sorted_by(left_->sorted_by());  // each left row's matches come out together, in order
    set_positions_held(JoinPositionsHeld(*left_, pattern_.Variables(), PositionsHeldBy(pattern_),
                                         {}, optional_));
    for (std::size_t i = 0; i < 4; ++i) {
      if (!pattern_.slots[i].variable) continue;
      left_column_of_slot_[i] = left_->ColumnOf(*pattern_.slots[i].variable);
      column_of_slot_[i] = ColumnOf(*pattern_.slots[i].variable);
    }
    if (ctx_.adapts()) {
      for (int slot = kS; slot <= kG; ++slot) {
        if (left_column_of_slot_[slot] < 0) continue;
        if (left_->MaybeUnbound(*pattern_.slots[slot].variable)) {
          table_slots_.clear();
          break;
        }
        table_slots_.push_back(slot);
      }
    }
  }

  std::string Describe() const override {
    std::string text = (optional_ ? "IndexLeftJoin " : "IndexJoin ") + DescribePattern(ctx_, pattern_);
    if (condition_) text += " filter " + condition_->ToString();
    if (!required_.empty()) text += " where bound " + DescribeVariables(ctx_, required_);
    if (matches_.read_all()) {
      text += " (the left side was long: the pattern read whole into a hash table after " +
              std::to_string(Seeks()) + " seeks)";
    }
    if (const std::uint64_t shared = batch_probes_.rows_from_spare(); shared > 0) {
      text += " (" + std::to_string(shared) + " rows probed on a spare thread)";
    }
    if (const std::uint64_t repeated = batch_probes_.rows_remembered(); repeated > 0) {
      text += " (" + std::to_string(repeated) + " rows answered by an earlier probe)";
    }
    return text;
  }
  std::vector<const Operator*> children() const override { return {left_.get()}; }

  // The first arm of a star (StarJoin) when another pattern fits: any but an OPTIONAL nested
  // in another (probed only where its enclosing one matched).
  bool CanBeArm() const { return required_.empty(); }
  const Operator& left() const { return *left_; }
  const ScanPattern& pattern() const { return pattern_; }
  StarArm TakeArm() { return {pattern_, optional_, std::move(condition_), std::nullopt}; }
  OperatorPtr TakeLeft() { return std::move(left_); }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (!probing_) {
        if (!NextLeftRow()) return false;
      }
      const std::span<const storage::QuadIds> quads = NextMatches(kBatchRows - out.rows());
      const std::span<const TermId> left_row = left_batch_.row(left_row_);
      if (quads.empty()) {
        probing_ = false;
        if (optional_ && !matched_) {
          std::span<TermId> row = out.AddRow();  // the pattern's columns stay unbound
          std::copy(left_row.begin(), left_row.end(), row.begin());
        }
        continue;
      }
      if (!condition_) {
        const std::span<TermId> ids = out.AddRows(quads.size());
        for (std::size_t r = 0; r < quads.size(); ++r) {
          Join(left_row, quads[r], ids.data() + r * out.width());
        }
        matched_ = true;
        continue;
      }
      for (const storage::QuadIds& quad : quads) {
        Join(left_row, quad, out.AddRow().data());
        if (!Holds(*condition_, out.row(out.rows() - 1))) {
          out.PopRow();
          continue;
        }
        matched_ = true;
      }
    }
    return true;
  }

 private:
  // Counts a probe, and reads the pattern whole once the seeks have cost what that costs (a
  // probe answered by an earlier one's matches made no seek).
  void CountProbe() {
    if (table_slots_.empty() || matches_.read_all()) return;
    ++probes_;
    ReadAllOnceSpent(0);
  }
  // Reads the pattern whole once the seeks made, and `ahead` more, cost what that costs
  // (SeekBudget); never when the query runs its plan as written (no table_slots_).
  void ReadAllOnceSpent(std::uint64_t ahead) {
    if (table_slots_.empty() || matches_.read_all()) return;
    if (budget_.Spent(Seeks() + ahead, [&] { return matches_.ScanRows(); })) {
      matches_.ReadAll(table_slots_, table_memory_);
    }
  }
  // The seeks made, here and on a spare thread (none once the pattern is read whole).
  std::uint64_t Seeks() const { return probes_ - batch_probes_.rows_remembered(); }

  // Writes the row of `left_row` joined with `quad` to `row`.
  void Join(std::span<const TermId> left_row, const storage::QuadIds& quad, TermId* row) const {
    std::copy(left_row.begin(), left_row.end(), row);
    const TermId values[4] = {quad.s, quad.p, quad.o, quad.g};
    // Bound slots matched the left row's value, so writing every slot is safe, and it fills
    // the left columns that were unbound.
    for (std::size_t i = 0; i < 4; ++i) {
      if (column_of_slot_[i] >= 0) row[column_of_slot_[i]] = values[i];
    }
  }

  // The current left row's next matches, at most `most` of them, from its probe here or as
  // TwoEndedProbes found them; none after its last.
  std::span<const storage::QuadIds> NextMatches(std::size_t most) {
    if (skip_probe_ || matches_ended_) return {};
    if (replayed_) {
      const std::span<const storage::QuadIds> next =
          replayed_->subspan(next_replayed_, std::min(most, replayed_->size() - next_replayed_));
      next_replayed_ += next.size();
      return next;
    }
    if (read_.empty()) read_.resize(kReadQuads);
    const std::size_t wanted = std::min(most, read_.size());
    const std::size_t read = matches_.Read(std::span(read_).first(wanted));
    matches_ended_ = read < wanted;  // the next call would find none
    return std::span(read_).first(read);
  }

  // Reads the next batch of left rows and works out each one's probe.
  bool NextLeftBatch() {
    if (left_done_ || !left_->Next(left_batch_)) {
      left_done_ = true;
      return false;
    }
    next_left_row_ = 0;
    std::vector<ProbeValues> probes(left_batch_.rows());
    for (std::size_t row = 0; row < left_batch_.rows(); ++row) {
      // A left row without a value the join requires comes out alone.
      bool skip = false;
      for (int column : required_columns_) {
        skip |= left_batch_.at(row, static_cast<std::size_t>(column)) == kUnbound;
      }
      if (skip) continue;
      std::array<std::optional<TermId>, 4>& bound = probes[row].emplace();
      for (std::size_t i = 0; i < 4; ++i) {
        if (left_column_of_slot_[i] < 0) continue;
        const TermId value = left_batch_.at(row, left_column_of_slot_[i]);
        // An unbound left value leaves the slot free: it is compatible with anything,
        // and the row then takes the pattern's value.
        if (value != kUnbound) bound[i] = value;
      }
    }
    // A batch that would take the seeks past what reading the pattern costs is joined
    // through the pattern's table from its first row (SeekBudget).
    ReadAllOnceSpent(static_cast<std::uint64_t>(std::count_if(
        probes.begin(), probes.end(), [](const ProbeValues& p) { return p.has_value(); })));
    // Shared and remembered only while seeking: a probe of the hash table costs less than
    // handing it over or remembering it.
    batch_probes_.Start(std::move(probes), /*seeking=*/!matches_.read_all());
    return true;
  }

  // Moves to the next left row and starts its matches; false at the end.
  bool NextLeftRow() {
    while (next_left_row_ >= left_batch_.rows()) {
      if (!NextLeftBatch()) return false;
    }
    left_row_ = next_left_row_++;
    probing_ = true;
    matched_ = false;
    const ProbeValues& probe = batch_probes_.probe(left_row_);
    replayed_ = batch_probes_.TakeNext();
    next_replayed_ = 0;
    matches_ended_ = false;
    skip_probe_ = !probe;
    if (skip_probe_) return true;
    // A probe counts wherever it was made. One cursor serves all probes made here: left rows
    // often come in key order, and a seek of an open iterator costs less than a new one.
    CountProbe();
    if (replayed_) return true;
    matches_.Probe(*probe);
    return true;
  }

  OperatorPtr left_;
  ScanPattern pattern_;
  int left_column_of_slot_[4] = {-1, -1, -1, -1};
  int column_of_slot_[4] = {-1, -1, -1, -1};
  IdTable left_batch_;  // left rows: a batch, or all those read ahead
  std::size_t left_row_ = 0;       // the one being probed
  std::size_t next_left_row_ = 0;  // the one after it
  bool left_done_ = false;
  PatternMatches matches_{ctx_, pattern_};
  TwoEndedProbes batch_probes_{ctx_, pattern_};  // the current batch's
  // The current row's matches, when TwoEndedProbes found them.
  std::optional<std::span<const storage::QuadIds>> replayed_;
  std::size_t next_replayed_ = 0;
  // Or read from matches_ into this, a run at a time.
  static constexpr std::size_t kReadQuads = 256;
  std::vector<storage::QuadIds> read_;
  bool matches_ended_ = false;  // the last run read was the current probe's last
  // The slots every probe binds (left values never unbound), which key the pattern's table;
  // empty when some probe may bind fewer, or the query runs its plan as written.
  std::vector<int> table_slots_;
  std::uint64_t probes_ = 0;  // counted by CountProbe
  SeekBudget budget_;
  MemoryCharge table_memory_{ctx_};
  bool probing_ = false;  // matches_ reads the current left row's matches
  const bool optional_;
  RowExpressionPtr condition_;  // OPTIONAL's FILTER, over the output's columns (may be null)
  bool matched_ = false;        // the current left row came out joined at least once
  std::vector<VarId> required_;        // see MakeIndexLeftJoin
  std::vector<int> required_columns_;  // theirs in the left's rows
  bool skip_probe_ = false;            // the current left row is not probed
};

// `arm` joined onto `left` as one more pattern of a star when it fits, unless the query runs
// its plan as written; null, both untouched, otherwise.
OperatorPtr JoinAsStar(ExecContext& ctx, OperatorPtr& left, StarArm& arm, double estimate) {
  if (!ctx.adapts()) return nullptr;
  if (OperatorPtr star = JoinOntoStar(ctx, left, arm, estimate)) return star;
  auto* join = dynamic_cast<IndexJoin*>(left.get());
  if (join == nullptr || !join->CanBeArm() || !CanJoinStar(join->left(), {join->pattern()}, arm)) {
    return nullptr;
  }
  std::vector<StarArm> arms;
  arms.push_back(join->TakeArm());
  arms.push_back(std::move(arm));
  return MakeStarJoin(ctx, join->TakeLeft(), std::move(arms), estimate);
}

}  // namespace

std::vector<VarId> IndexJoinColumns(const Operator& left, const ScanPattern& pattern) {
  std::vector<VarId> columns = left.columns();
  for (VarId var : pattern.Variables()) {
    if (left.ColumnOf(var) < 0) columns.push_back(var);
  }
  return columns;
}

OperatorPtr MakeIndexJoin(ExecContext& ctx, OperatorPtr left, ScanPattern pattern,
                          double estimate) {
  StarArm arm{std::move(pattern), /*optional=*/false, nullptr, std::nullopt};
  if (OperatorPtr star = JoinAsStar(ctx, left, arm, estimate)) return star;
  return std::make_unique<IndexJoin>(ctx, std::move(left), std::move(arm.pattern), estimate,
                                     /*optional=*/false, nullptr);
}

OperatorPtr MakeIndexLeftJoin(ExecContext& ctx, OperatorPtr left, ScanPattern pattern,
                              double estimate, RowExpressionPtr condition,
                              std::vector<VarId> required,
                              std::optional<std::vector<VarId>> condition_reads) {
  StarArm arm{std::move(pattern), /*optional=*/true, std::move(condition),
              std::move(condition_reads)};
  if (required.empty()) {
    if (OperatorPtr star = JoinAsStar(ctx, left, arm, estimate)) return star;
  }
  return std::make_unique<IndexJoin>(ctx, std::move(left), std::move(arm.pattern), estimate,
                                     /*optional=*/true, std::move(arm.condition),
                                     std::move(required));
}

}  // namespace silk::query
