#include "engine/query/batch_terms.h"

#include <algorithm>
#include <bit>

namespace silk::query {

std::size_t BatchTerms::Home(TermId id) const {
  // Fibonacci hashing: the multiplication spreads ids that differ in any bit over the top
  // bits, which pick the slot.
  return static_cast<std::size_t>((id * 0x9e3779b97f4a7c15ULL) >> shift_);
}

void BatchTerms::Reset(std::size_t ids) {
  const std::size_t slots = std::bit_ceil(std::max<std::size_t>(16, 2 * ids));
  if (slots_.size() != slots) {
    slots_.assign(slots, Slot{});
    shift_ = 64 - std::countr_zero(slots);
  } else {
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }
  used_ = 0;
  terms_.reserve(ids);
}

const rdf::Term* BatchTerms::Find(TermId id) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Home(id);; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.term == kEmpty) return nullptr;
    if (slot.id == id) return &terms_[slot.term];
  }
}

rdf::Term& BatchTerms::Add(TermId id) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = Home(id);
  while (slots_[i].term != kEmpty) i = (i + 1) & mask;
  slots_[i] = Slot{id, static_cast<std::uint32_t>(used_)};
  if (used_ == terms_.size()) terms_.emplace_back();
  return terms_[used_++];
}

}  // namespace silk::query
