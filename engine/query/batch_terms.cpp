#include "engine/query/batch_terms.h"

namespace silk::query {

void BatchTerms::Reset(std::size_t ids) {
  positions_.Clear();
  positions_.Reserve(ids);
  terms_.reserve(ids);
  used_ = 0;
}

const rdf::Term* BatchTerms::Find(TermId id) const {
  const std::uint32_t* position = positions_.Find(id);
  return position == nullptr ? nullptr : &terms_[*position];
}

rdf::Term& BatchTerms::Add(TermId id) {
  positions_.Insert(id, static_cast<std::uint32_t>(used_));
  if (used_ == terms_.size()) terms_.emplace_back();
  return terms_[used_++];
}

}  // namespace silk::query
