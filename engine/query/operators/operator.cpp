#include "engine/query/operators/operator.h"

#include <algorithm>

namespace silk::query {

bool Operator::MaybeUnbound(VarId var) const {
  return std::find(maybe_unbound_.begin(), maybe_unbound_.end(), var) != maybe_unbound_.end();
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
