// StarJoin: `left` joined with several triple patterns (the arms of a star) that each probe the
// same index at the same first id, taken from the left row: `?p :memberOf ?org . ?p
// :birthDate ?bd` after `?p :nationality :c2`, or `OPTIONAL { ?p rdfs:label ?l }` after it.
// Index joins one after another would seek once per arm and row. Here the arms of one row are
// probed in key order with one store iterator, handed from arm to arm: after one arm's keys,
// the iterator stands at or a few keys before the next arm's (a subject's predicates sit side
// by side in spog), so the next probe steps there instead of seeking (IndexCursor::Reseek).
//
// The rows are those of the index joins it replaces, in their order: per left row, every
// combination of the arms' matches, an OPTIONAL arm without any (that pass its condition)
// taking part unbound. The arms bind nothing that another arm reads, so they combine without
// a check. Like IndexJoin, once its seeks cost what reading the arms whole costs
// (SeekBudget), the rest of the left side is joined through hash tables of them.
#include "engine/query/operators/star_join.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>

#include "engine/query/operators/operators.h"
#include "engine/query/operators/pattern_matches.h"
#include "engine/query/operators/seek_budget.h"
#include "engine/query/operators/spare_threads.h"
#include "engine/query/operators/two_ended_rows.h"

namespace silk::query {
namespace {

// Fewer rows are probed faster than a spare thread wakes up.
constexpr std::size_t kMinSharedRows = 64;
// The spare thread keeps at most about this many matches (2 MiB) in a batch.
constexpr std::size_t kMaxSpareMatches = std::size_t{1} << 16;

// One arm: its pattern, whether it is OPTIONAL (and its condition), and where its slots'
// values come from and go.
struct Arm {
  ScanPattern pattern;
  bool optional = false;
  RowExpressionPtr condition;  // evaluated on this thread only
  int left_column_of_slot[4] = {-1, -1, -1, -1};
  int column_of_slot[4] = {-1, -1, -1, -1};
  std::vector<int> table_slots;  // the slots every probe binds (from the left row)
};

// A left row's matches: one list per arm, all filled only when each arm that is not OPTIONAL
// has some (the conditions of OPTIONAL arms not yet applied).
struct StarRow {
  bool matched = false;
  std::vector<std::vector<storage::QuadIds>> found;

  std::uint64_t Bytes() const {
    std::uint64_t bytes = 0;
    for (const auto& matches : found) bytes += matches.capacity() * sizeof(storage::QuadIds);
    return bytes;
  }
};

// One thread's probes of the arms.
class ArmProbes {
 public:
  // Borrows `arms` and `order` (the arm indexes in key order), which must outlive it.
  ArmProbes(ExecContext& ctx, const std::vector<Arm>& arms, const std::vector<std::size_t>& order)
      : arms_(arms), order_(order) {
    for (const Arm& arm : arms) {
      matches_.push_back(std::make_unique<PatternMatches>(ctx, arm.pattern));
    }
  }

  // Finds each arm's matches for `left_row` in key order, handing the store iterator on, and
  // stops at the first inner arm without any. False, the row unfinished, once the arms have
  // more than `max_matches` between them.
  bool Probe(std::span<const TermId> left_row, StarRow& row,
             std::size_t max_matches = std::numeric_limits<std::size_t>::max()) {
    row.found.resize(arms_.size());
    row.matched = false;
    std::size_t matched = 0;
    for (std::size_t index : order_) {
      const Arm& arm = arms_[index];
      PatternMatches& matches = *matches_[index];
      std::array<std::optional<TermId>, 4> bound;
      for (int slot : arm.table_slots) bound[slot] = left_row[arm.left_column_of_slot[slot]];
      matches.Probe(bound, std::move(iterator_));
      std::vector<storage::QuadIds>& found = row.found[index];
      found.clear();
      // One more than the arms have room for tells that there are too many.
      const std::size_t room = max_matches - matched;
      ReadInto(matches, found, room == std::numeric_limits<std::size_t>::max() ? room : room + 1);
      matched += found.size();
      if (matched > max_matches) return false;
      iterator_ = matches.TakeIterator();
      if (found.empty() && !arm.optional) return true;
    }
    row.matched = true;
    return true;
  }

  double ScanRows() const {
    double rows = 0;
    for (const auto& matches : matches_) rows += matches->ScanRows();
    return rows;
  }

  // From now on, each arm is read from a hash table of all its quads.
  void ReadAll(MemoryCharge& charge) {
    for (std::size_t i = 0; i < arms_.size(); ++i) {
      matches_[i]->ReadAll(arms_[i].table_slots, charge);
    }
    iterator_.reset();
  }

 private:
  const std::vector<Arm>& arms_;
  const std::vector<std::size_t>& order_;
  std::vector<std::unique_ptr<PatternMatches>> matches_;  // one per arm
  std::unique_ptr<storage::QuadIterator> iterator_;       // handed from arm to arm, row to row
};

// A batch of left rows whose back a spare thread probes (TwoEndedRows).
struct SharedBatch {
  explicit SharedBatch(const IdTable& left) : rows(left), ends(left.rows()) {}
  const IdTable rows;  // the spare thread's copy: the operator reads the next batch meanwhile
  TwoEndedRows<StarRow> ends;
};

bool Contains(const std::vector<VarId>& vars, VarId var) {
  return std::find(vars.begin(), vars.end(), var) != vars.end();
}

// The variables of `pattern` that `left` lacks: those the arm binds.
std::vector<VarId> NewVariables(const Operator& left, const ScanPattern& pattern) {
  std::vector<VarId> vars;
  for (VarId var : pattern.Variables()) {
    if (left.ColumnOf(var) < 0) vars.push_back(var);
  }
  return vars;
}

class StarJoin final : public Operator {
 public:
  StarJoin(ExecContext& ctx, OperatorPtr left, std::vector<StarArm> star, double estimate)
      : Operator(ctx, StarColumns(*left, star)), left_(std::move(left)) {
    set_estimated_rows(estimate);
    set_sorted_by(left_->sorted_by());  // a left row's rows come out together
    std::vector<VarId> maybe_unbound = left_->maybe_unbound();
    PositionsHeldList held;
    for (StarArm& given : star) {
      Arm& arm = arms_.emplace_back();
      arm.pattern = WithProbesHeld(std::move(given.pattern), *left_);
      arm.optional = given.optional;
      arm.condition = std::move(given.condition);
      for (int slot = kS; slot <= kG; ++slot) {
        const std::optional<VarId>& var = arm.pattern.slots[slot].variable;
        if (!var) continue;
        arm.left_column_of_slot[slot] = left_->ColumnOf(*var);
        arm.column_of_slot[slot] = ColumnOf(*var);
        if (arm.left_column_of_slot[slot] >= 0) arm.table_slots.push_back(slot);
      }
      // An OPTIONAL arm's variables may stay unbound; the left's keep their values.
      if (arm.optional) {
        for (VarId var : NewVariables(*left_, arm.pattern)) maybe_unbound.push_back(var);
      }
      // Each arm joins the left side alone (it reads nothing another binds): a value is held
      // wherever one of those joins holds it.
      for (const auto& [var, positions] :
           JoinPositionsHeld(*left_, arm.pattern.Variables(), PositionsHeldBy(arm.pattern), {},
                             arm.optional)) {
        auto it = std::find_if(held.begin(), held.end(),
                               [&](const auto& entry) { return entry.first == var; });
        if (it == held.end()) {
          held.emplace_back(var, positions);
        } else {
          it->second |= positions;
        }
      }
    }
    set_maybe_unbound(std::move(maybe_unbound));
    set_positions_held(std::move(held));
    // Probed in key order: by predicate, the position after the subject they share.
    order_.resize(arms_.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return *arms_[a].pattern.slots[kP].constant < *arms_[b].pattern.slots[kP].constant;
    });
    probes_.emplace(ctx_, arms_, order_);
  }

  ~StarJoin() override {
    if (shared_) shared_->ends.Stop();  // spare_tasks_ then waits for the task to see it
  }

  std::string Describe() const override {
    std::string text = "StarJoin";
    for (std::size_t i = 0; i < arms_.size(); ++i) {
      const Arm& arm = arms_[i];
      text += i == 0 ? " " : " . ";
      if (arm.optional) text += "OPTIONAL { ";
      text += DescribePattern(ctx_, arm.pattern);
      if (arm.condition) text += " filter " + arm.condition->ToString();
      if (arm.optional) text += " }";
    }
    text += read_all_ ? " (the left side was long: the patterns read whole into hash tables "
                        "after " + std::to_string(probes_made_ + rows_from_spare_) + " seeks)"
                      : " (each left row's patterns read in key order by one store iterator)";
    if (rows_from_spare_ > 0) {
      text += " (" + std::to_string(rows_from_spare_) + " rows probed on a spare thread)";
    }
    return text;
  }
  std::vector<const Operator*> children() const override { return {left_.get()}; }

  const Operator& left() const { return *left_; }
  std::vector<ScanPattern> patterns() const {
    std::vector<ScanPattern> patterns;
    for (const Arm& arm : arms_) patterns.push_back(arm.pattern);
    return patterns;
  }
  // For a star with one more arm: the arms, and the left side (this star is then empty).
  std::vector<StarArm> TakeArms() {
    std::vector<StarArm> star;
    for (Arm& arm : arms_) {
      star.push_back({std::move(arm.pattern), arm.optional, std::move(arm.condition), {}});
    }
    return star;
  }
  OperatorPtr TakeLeft() { return std::move(left_); }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (!emitting_ && !NextMatchedRow()) return false;
      EmitCombination(out);
    }
    return true;
  }

 private:
  static std::vector<VarId> StarColumns(const Operator& left, const std::vector<StarArm>& star) {
    std::vector<VarId> columns = left.columns();
    for (const StarArm& arm : star) {
      for (VarId var : NewVariables(left, arm.pattern)) columns.push_back(var);
    }
    return columns;
  }

  // Moves to the next left row that every inner arm matches, with its matches found; false
  // at the end of the left side.
  bool NextMatchedRow() {
    for (;;) {
      while (left_row_ >= left_batch_.rows()) {
        if (left_done_ || !left_->Next(left_batch_)) {
          left_done_ = true;
          return false;
        }
        left_row_ = 0;
        // A batch that would take the seeks past what reading the arms costs is joined
        // through their tables from its first row (SeekBudget).
        ReadAllOnceSpent(left_batch_.rows());
        ShareBatch();
      }
      const std::size_t index = left_row_++;
      current_ = FromSpare(index);
      if (current_ == nullptr) {
        CountProbe();
        probes_->Probe(left_batch_.row(index), here_);
        here_memory_.Set(here_.Bytes());
        current_ = &here_;
      }
      if (current_->matched) {
        ApplyConditions(left_batch_.row(index));
        row_ = left_batch_.row(index);
        odometer_.assign(arms_.size(), 0);
        emitting_ = true;
        return true;
      }
    }
  }

  // Offers the back of a new batch to a spare thread, while seeking.
  void ShareBatch() {
    if (shared_) shared_->ends.Stop();  // a task still on the last one stops after its row
    shared_.reset();
    spare_memory_.Set(0);
    if (read_all_ || !ctx_.parallel() || left_batch_.rows() < kMinSharedRows) return;
    auto batch = std::make_shared<SharedBatch>(left_batch_);
    if (spare_tasks_.Run([this, batch] { ProbeFromTheBack(*batch); })) shared_ = std::move(batch);
  }

  // Keeps the matches of each OPTIONAL arm for which its condition holds, each judged on the
  // left row with that arm's values: the row its index join would have judged (the condition
  // reads nothing another arm binds).
  void ApplyConditions(std::span<const TermId> left_row) {
    for (std::size_t a = 0; a < arms_.size(); ++a) {
      Arm& arm = arms_[a];
      if (!arm.condition) continue;
      std::vector<storage::QuadIds>& found = current_->found[a];
      std::erase_if(found, [&](const storage::QuadIds& quad) {
        scratch_.assign(columns().size(), kUnbound);
        std::copy(left_row.begin(), left_row.end(), scratch_.begin());
        WriteArm(arm, quad, scratch_);
        return !Holds(*arm.condition, scratch_);
      });
    }
  }

  // Writes the values `quad` gives the arm's slots into `row` (slots the left row bound
  // matched its values, so writing every slot is safe).
  static void WriteArm(const Arm& arm, const storage::QuadIds& quad, std::span<TermId> row) {
    const TermId values[4] = {quad.s, quad.p, quad.o, quad.g};
    for (int slot = kS; slot <= kG; ++slot) {
      if (arm.column_of_slot[slot] >= 0) row[arm.column_of_slot[slot]] = values[slot];
    }
  }

  // The matches the spare thread found for left row `index`, when it did.
  StarRow* FromSpare(std::size_t index) {
    if (!shared_ || shared_->ends.ClaimFront()) return nullptr;
    StarRow* row = shared_->ends.Take(index);
    if (row == nullptr) return nullptr;
    ++rows_from_spare_;
    spare_memory_.Add(row->Bytes());
    return row;
  }

  // The spare thread's share of `batch`: rows from the back, until they run out, it holds as
  // many matches as it may, or the query stops. A failure (a storage error) hands the row
  // back, as does a row with more matches than it may hold: probed here, it fails here too
  // and stops the query with its message, or its matches are charged to the query.
  void ProbeFromTheBack(SharedBatch& batch) {
    ArmProbes probes(ctx_, arms_, order_);
    std::size_t held = 0;
    while (held < kMaxSpareMatches && !batch.ends.stopped() && !ctx_.Stopped()) {
      const std::optional<std::size_t> claimed = batch.ends.ClaimBack();
      if (!claimed) break;
      StarRow& row = batch.ends.payload(*claimed);
      bool whole = true;
      try {
        whole = probes.Probe(batch.rows.row(*claimed), row, kMaxSpareMatches - held);
        for (const auto& found : row.found) held += found.size();
      } catch (...) {
        whole = false;
      }
      if (!whole) row.found.clear();
      if (!batch.ends.Finish(*claimed, whole) || !whole) break;
    }
  }

  // Counts a seek made here.
  void CountProbe() {
    if (read_all_) return;
    ++probes_made_;
    ReadAllOnceSpent(0);
  }

  // Reads the arms whole once the seeks made, and `ahead` more, cost what that costs (as
  // IndexJoin does).
  void ReadAllOnceSpent(std::uint64_t ahead) {
    if (read_all_ || !ctx_.adapts()) return;
    if (!budget_.Spent(probes_made_ + rows_from_spare_ + ahead,
                       [&] { return probes_->ScanRows(); })) {
      return;
    }
    probes_->ReadAll(table_memory_);
    read_all_ = true;
  }

  // Adds the current combination of matches (arm 0 varying slowest, as nested index joins
  // give them) and moves to the next. An OPTIONAL arm without matches leaves its variables
  // unbound.
  void EmitCombination(IdTable& out) {
    std::span<TermId> row = out.AddRow();  // all unbound
    std::copy(row_.begin(), row_.end(), row.begin());
    for (std::size_t a = 0; a < arms_.size(); ++a) {
      const std::vector<storage::QuadIds>& found = current_->found[a];
      if (!found.empty()) WriteArm(arms_[a], found[odometer_[a]], row);
    }
    for (std::size_t a = arms_.size(); a-- > 0;) {
      if (++odometer_[a] < current_->found[a].size()) return;
      odometer_[a] = 0;
    }
    emitting_ = false;
  }

  OperatorPtr left_;
  std::vector<Arm> arms_;
  std::vector<std::size_t> order_;  // arm indexes in key order
  std::optional<ArmProbes> probes_;  // this thread's
  IdTable left_batch_;
  std::size_t left_row_ = 0;  // the next one to probe
  bool left_done_ = false;
  std::shared_ptr<SharedBatch> shared_;  // the batch, when a spare thread has its back
  StarRow here_;                         // matches found on this thread
  StarRow* current_ = nullptr;           // the row being emitted: here_, or the spare's
  std::vector<TermId> scratch_;          // a row to judge an OPTIONAL arm's condition on
  std::span<const TermId> row_;          // its left values, in left_batch_
  std::vector<std::size_t> odometer_;    // its current combination: a match per arm
  bool emitting_ = false;
  std::uint64_t probes_made_ = 0;
  std::uint64_t rows_from_spare_ = 0;
  SeekBudget budget_;
  bool read_all_ = false;
  MemoryCharge table_memory_{ctx_};
  MemoryCharge spare_memory_{ctx_};  // the matches this batch took from the spare thread
  MemoryCharge here_memory_{ctx_};   // the matches of the row probed here
  SpareTasks spare_tasks_;  // they read arms_ and the snapshot: last, gone first
};

// Whether `pattern` probes by `subject`, a variable `left` binds in every row, with a constant
// predicate (so by spog's first two positions), reading no variable `left` may leave unbound.
bool ProbesBySubject(const Operator& left, const ScanPattern& pattern, VarId subject) {
  if (pattern.slots[kS].variable != subject || pattern.slots[kS].constant ||
      !pattern.slots[kP].constant || left.ColumnOf(subject) < 0) {
    return false;
  }
  for (VarId var : pattern.Variables()) {
    if (left.ColumnOf(var) >= 0 && left.MaybeUnbound(var)) return false;
  }
  return true;
}

}  // namespace

bool CanJoinStar(const Operator& left, const std::vector<ScanPattern>& patterns,
                 const StarArm& arm) {
  if (patterns.empty() || !patterns[0].slots[kS].variable) return false;
  const VarId subject = *patterns[0].slots[kS].variable;
  std::vector<VarId> bound_by_arms;
  for (const ScanPattern& pattern : patterns) {
    if (!ProbesBySubject(left, pattern, subject)) return false;
    for (VarId var : NewVariables(left, pattern)) bound_by_arms.push_back(var);
  }
  if (!ProbesBySubject(left, arm.pattern, subject)) return false;
  // An arm reads only the left row: nothing another arm binds.
  for (VarId var : NewVariables(left, arm.pattern)) {
    if (Contains(bound_by_arms, var)) return false;
  }
  if (arm.condition) {
    if (!arm.condition_reads) return false;
    const std::vector<VarId> own = arm.pattern.Variables();
    for (VarId var : *arm.condition_reads) {
      if (left.ColumnOf(var) < 0 && !Contains(own, var)) return false;
    }
  }
  return true;
}

OperatorPtr MakeStarJoin(ExecContext& ctx, OperatorPtr left, std::vector<StarArm> arms,
                         double estimate) {
  return std::make_unique<StarJoin>(ctx, std::move(left), std::move(arms), estimate);
}

OperatorPtr JoinOntoStar(ExecContext& ctx, OperatorPtr& left, StarArm& arm, double estimate) {
  auto* star = dynamic_cast<StarJoin*>(left.get());
  if (star == nullptr || !CanJoinStar(star->left(), star->patterns(), arm)) return nullptr;
  std::vector<StarArm> arms = star->TakeArms();
  arms.push_back(std::move(arm));
  OperatorPtr star_left = star->TakeLeft();
  left.reset();
  return MakeStarJoin(ctx, std::move(star_left), std::move(arms), estimate);
}

}  // namespace silk::query
