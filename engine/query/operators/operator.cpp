#include "engine/query/operators/operator.h"

#include <algorithm>

namespace silk::query {

namespace {

std::uint8_t HeldIn(const PositionsHeldList& held, VarId var) {
  for (const auto& [v, positions] : held) {
    if (v == var) return positions;
  }
  return 0;
}

bool Contains(const std::vector<VarId>& vars, VarId var) {
  return std::find(vars.begin(), vars.end(), var) != vars.end();
}

}  // namespace

bool Operator::MaybeUnbound(VarId var) const { return Contains(maybe_unbound_, var); }

std::uint8_t Operator::PositionsHeld(VarId var) const { return HeldIn(positions_held_, var); }

PositionsHeldList JoinPositionsHeld(const Operator& left, const std::vector<VarId>& right_columns,
                                    const PositionsHeldList& right_held,
                                    const std::vector<VarId>& right_maybe_unbound,
                                    bool optional) {
  PositionsHeldList joined;
  auto add = [&](VarId var) {
    const bool in_left = left.ColumnOf(var) >= 0;
    const bool in_right = Contains(right_columns, var);
    const std::uint8_t l = left.PositionsHeld(var);
    const std::uint8_t r = HeldIn(right_held, var);
    const bool left_unbound = left.MaybeUnbound(var);
    const bool right_unbound = Contains(right_maybe_unbound, var);
    std::uint8_t held = 0;
    if (!in_right) {
      held = l;
    } else if (!in_left) {
      held = r;
    } else if (optional) {
      held = left_unbound ? r : l;  // a value the left side binds is its own
    } else if (!left_unbound && !right_unbound) {
      held = l | r;  // the same value on both sides
    } else if (left_unbound != right_unbound) {
      held = left_unbound ? r : l;  // the side that always binds it
    } else {
      held = l & r;  // either side's
    }
    if (held != 0) joined.emplace_back(var, held);
  };
  for (VarId var : left.columns()) add(var);
  for (VarId var : right_columns) {
    if (left.ColumnOf(var) < 0) add(var);
  }
  return joined;
}

PositionsHeldList JoinPositionsHeld(const Operator& left, const Operator& right, bool optional) {
  return JoinPositionsHeld(left, right.columns(), right.positions_held(), right.maybe_unbound(),
                           optional);
}

IdTable Materialize(Operator& op, MemoryCharge& charge) {
  IdTable all(op.columns().size());
  IdTable batch;
  std::uint64_t block = 0;
  while (op.Next(batch)) {
    const std::size_t rows = all.rows() + batch.rows();
    if (rows > all.CapacityRows()) {
      // Grow by doubling, as the vector would, but charge the new block before allocating it
      // and keep the old one charged until it is freed: the copy needs both at once.
      const std::size_t capacity = std::max(rows, 2 * all.rows());
      const std::uint64_t bytes = std::uint64_t{capacity} * all.width() * sizeof(TermId);
      charge.Add(bytes);
      all.Reserve(capacity);
      charge.Set(charge.bytes() - block);
      block = bytes;
    }
    for (std::size_t r = 0; r < batch.rows(); ++r) all.AddRow(batch.row(r));
  }
  return all;
}

}  // namespace silk::query
