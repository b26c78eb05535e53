// How two inputs' columns combine in a join, and the compatibility test of SPARQL's join:
// two rows are compatible when every variable bound in both has the same value.
#pragma once

#include <span>
#include <vector>

#include "engine/query/operators/operator.h"

namespace silk::query {

struct JoinLayout {
  JoinLayout(const Operator& left, const Operator& right);

  // Left columns first, then the right's columns the left lacks.
  std::vector<VarId> columns;
  // Variables unbound in some output rows: unbound on each side that has them.
  std::vector<VarId> maybe_unbound;
  // Shared variables bound in every row of both sides: equal keys are necessary and, with
  // the check below, sufficient.
  std::vector<int> left_keys, right_keys;
  // Shared variables that may be unbound on a side: checked pair by pair.
  std::vector<int> left_loose, right_loose;
  // Right columns that become output columns (after the left's), by right column index.
  std::vector<int> right_only;

  bool Compatible(std::span<const TermId> left, std::span<const TermId> right) const {
    for (std::size_t i = 0; i < left_loose.size(); ++i) {
      const TermId a = left[left_loose[i]];
      const TermId b = right[right_loose[i]];
      if (a != kUnbound && b != kUnbound && a != b) return false;
    }
    return true;
  }
  // Appends the merge of two compatible rows to `out`.
  void Merge(std::span<const TermId> left, std::span<const TermId> right, IdTable& out) const;
  bool SharesVariables() const { return !left_keys.empty() || !left_loose.empty(); }
};

}  // namespace silk::query
