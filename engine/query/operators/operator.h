// A physical operator: pulls batches of rows from its children and hands batches on.
//
// Each operator names the variable behind each of its columns. A column may hold kUnbound in
// some rows (after OPTIONAL, UNION, VALUES with UNDEF); `maybe_unbound()` says which may.
// `PositionsHeld` says where the store holds the values of a column: an index join's probe with
// such a value needs no bloom filter to learn whether the index has it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/operators/id_table.h"
#include "engine/query/query_ids.h"

namespace silk::query {

struct ScanPattern;  // scan_pattern.h

// Variables with the quad positions the store holds their values at (Operator::PositionsHeld).
using PositionsHeldList = std::vector<std::pair<VarId, std::uint8_t>>;

class Operator {
 public:
  Operator(ExecContext& ctx, std::vector<VarId> columns) : ctx_(ctx), columns_(std::move(columns)) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  // Replaces `out`'s contents with the next rows (at most about kBatchRows); false once the
  // operator is exhausted, with `out` empty. Throws QueryAborted to stop the query.
  bool Next(IdTable& out) {
    ctx_.CheckCancelled();
    asked_ = true;
    out.Reset(columns_.size());
    const bool more = DoNext(out);
    actual_rows_ += out.rows();
    return more || !out.empty();
  }

  const std::vector<VarId>& columns() const { return columns_; }
  // The column of `var`, or -1.
  int ColumnOf(VarId var) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == var) return static_cast<int>(i);
    }
    return -1;
  }
  // Variables that are unbound in some rows; all others are bound in every row.
  const std::vector<VarId>& maybe_unbound() const { return maybe_unbound_; }
  bool MaybeUnbound(VarId var) const;
  // The variable whose ids ascend from row to row (ties allowed), if the operator knows one:
  // what a merge join needs.
  std::optional<VarId> sorted_by() const { return sorted_by_; }
  // The quad positions (bits 1 << kS, kP, kO) at which, in the query's snapshot, some quad has
  // each value this operator binds `var` to: values read from those positions of the store.
  std::uint8_t PositionsHeld(VarId var) const;
  const PositionsHeldList& positions_held() const { return positions_held_; }

  // The pattern, when the operator is a plain index scan: a join may look up the few rows it
  // needs instead of reading them all.
  virtual const ScanPattern* ScanOf() const { return nullptr; }

  // For EXPLAIN: what the operator does, its estimated and (after running) actual rows.
  virtual std::string Describe() const = 0;
  virtual std::vector<const Operator*> children() const { return {}; }
  double estimated_rows() const { return estimated_rows_; }
  std::uint64_t actual_rows() const { return actual_rows_; }
  // Whether anyone asked for rows: a join may look up what it needs in the operator's index
  // instead (ScanOf), and a join whose other side is empty need not read it at all.
  bool asked() const { return asked_; }

 protected:
  // Appends rows to `out` (already empty, of the right width). Returns false when no rows
  // follow the ones appended.
  virtual bool DoNext(IdTable& out) = 0;

  void set_estimated_rows(double rows) { estimated_rows_ = rows; }
  void set_maybe_unbound(std::vector<VarId> vars) { maybe_unbound_ = std::move(vars); }
  void set_sorted_by(std::optional<VarId> var) { sorted_by_ = var; }
  void set_positions_held(PositionsHeldList held) { positions_held_ = std::move(held); }

  ExecContext& ctx_;

 private:
  std::vector<VarId> columns_;
  std::vector<VarId> maybe_unbound_;
  std::optional<VarId> sorted_by_;
  PositionsHeldList positions_held_;  // a variable left out: no position known
  double estimated_rows_ = 0;
  std::uint64_t actual_rows_ = 0;
  bool asked_ = false;
};

using OperatorPtr = std::unique_ptr<Operator>;

// Pulls every row of `op` into one table, adding its memory to `charge` (held by the caller
// as long as the table): each growth is charged before it is allocated.
IdTable Materialize(Operator& op, MemoryCharge& charge);

// The positions held in the rows of a join of `left` with a right side (its columns, their
// positions held, those it may leave unbound). A value both sides bind in every row is held
// wherever either holds it; one that one side may leave unbound, where the other holds it. In
// a left join (`optional`), a value the left side binds is the left side's.
PositionsHeldList JoinPositionsHeld(const Operator& left, const std::vector<VarId>& right_columns,
                                    const PositionsHeldList& right_held,
                                    const std::vector<VarId>& right_maybe_unbound,
                                    bool optional);
// The same, with an operator on the right.
PositionsHeldList JoinPositionsHeld(const Operator& left, const Operator& right, bool optional);

}  // namespace silk::query
