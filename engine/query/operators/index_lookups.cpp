#include "engine/query/operators/index_lookups.h"

namespace silk::query {

IndexLookups::IndexLookups(ExecContext& ctx, const Operator& right, const ScanPattern& pattern,
                           const JoinLayout& layout)
    : ctx_(ctx), pattern_(pattern), row_(right.columns().size(), kUnbound) {
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
}

void IndexLookups::Seek(std::span<const TermId> left_row) {
  std::array<std::optional<TermId>, 4> bound;
  for (const Key& key : keys_) {
    for (int slot : key.slots) bound[slot] = left_row[key.left_column];
  }
  if (cursor_) {
    cursor_->Restart(bound);
  } else {
    cursor_.emplace(ctx_.snapshot(), pattern_, bound);
  }
}

}  // namespace silk::query
