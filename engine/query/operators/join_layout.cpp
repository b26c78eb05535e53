#include "engine/query/operators/join_layout.h"

#include <algorithm>

namespace silk::query {

JoinLayout::JoinLayout(const Operator& left, const Operator& right) {
  columns = left.columns();
  for (std::size_t r = 0; r < right.columns().size(); ++r) {
    const VarId var = right.columns()[r];
    const int l = left.ColumnOf(var);
    if (l < 0) {
      columns.push_back(var);
      right_only.push_back(static_cast<int>(r));
    } else if (left.MaybeUnbound(var) || right.MaybeUnbound(var)) {
      left_loose.push_back(l);
      right_loose.push_back(static_cast<int>(r));
    } else {
      left_keys.push_back(l);
      right_keys.push_back(static_cast<int>(r));
    }
  }
  for (VarId var : columns) {
    const bool left_may = left.ColumnOf(var) < 0 || left.MaybeUnbound(var);
    const bool right_may = right.ColumnOf(var) < 0 || right.MaybeUnbound(var);
    if (left_may && right_may) maybe_unbound.push_back(var);
  }
}

void JoinLayout::Merge(std::span<const TermId> left, std::span<const TermId> right,
                       IdTable& out) const {
  std::span<TermId> row = out.AddRow();
  std::copy(left.begin(), left.end(), row.begin());
  for (std::size_t i = 0; i < left_loose.size(); ++i) {
    if (row[left_loose[i]] == kUnbound) row[left_loose[i]] = right[right_loose[i]];
  }
  for (std::size_t i = 0; i < right_only.size(); ++i) {
    row[left.size() + i] = right[right_only[i]];
  }
}

}  // namespace silk::query
