#include "engine/query/operators/index_lookups.h"

namespace silk::query {

IndexLookups::IndexLookups(ExecContext& ctx, const Operator& right, const ScanPattern& pattern,
                           const JoinLayout& layout, const Operator& left,
                           const IdTable& left_rows)
    : ctx_(ctx), pattern_(WithProbesHeld(pattern, left)), row_(right.columns().size(), kUnbound) {
  for (std::size_t i = 0; i < layout.left_keys.size(); ++i) {
    const VarId var = right.columns()[layout.right_keys[i]];
    Key key{layout.left_keys[i], {}};
    for (int slot = kS; slot <= kG; ++slot) {
      if (pattern_.slots[slot].variable == var) key.slots.push_back(slot);
    }
    keys_.push_back(std::move(key));
  }
  for (int slot = kS; slot <= kG; ++slot) {
    if (pattern_.slots[slot].variable) {
      column_of_slot_[slot] = right.ColumnOf(*pattern_.slots[slot].variable);
    }
  }
  std::vector<ProbeValues> probes(left_rows.rows());
  for (std::size_t row = 0; row < left_rows.rows(); ++row) {
    std::array<std::optional<TermId>, 4>& bound = probes[row].emplace();
    for (const Key& key : keys_) {
      for (int slot : key.slots) {
        bound[slot] = left_rows.at(row, static_cast<std::size_t>(key.left_column));
      }
    }
  }
  probes_.Start(std::move(probes), /*seeking=*/true);
}

}  // namespace silk::query
