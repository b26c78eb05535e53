#include "engine/query/operator.h"

#include <algorithm>

namespace silk::query {

bool Operator::MaybeUnbound(VarId var) const {
  return std::find(maybe_unbound_.begin(), maybe_unbound_.end(), var) != maybe_unbound_.end();
}

IdTable Materialize(Operator& op, ExecContext& ctx) {
  IdTable all(op.columns().size());
  IdTable batch;
  std::size_t charged = 0;
  while (op.Next(batch)) {
    for (std::size_t r = 0; r < batch.rows(); ++r) all.AddRow(batch.row(r));
    ctx.ChargeMemory(all.MemoryBytes() - charged);
    charged = all.MemoryBytes();
  }
  return all;
}

}  // namespace silk::query
