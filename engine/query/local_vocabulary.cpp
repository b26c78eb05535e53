#include "engine/query/local_vocabulary.h"

namespace silk::query {
// Kind, datatype and language, with separators no IRI or tag contains, then the value.
std::string TermKey(const rdf::TermView& term) {
  std::string key;
  key.reserve(term.value.size() + term.datatype.size() + term.language.size() + 3);
  key += static_cast<char>(term.kind);
  key += term.datatype;
  key += '\0';
  key += term.language;
  key += '\0';
  key += term.value;
  return key;
}

TermId LocalVocabulary::Add(const rdf::TermView& term) {
  auto [it, added] = ids_.try_emplace(TermKey(term), 0);
  if (added) {
    it->second = storage::MakeTermId(kLocalTag, terms_.size());
    terms_.emplace_back(term);
  }
  return it->second;
}

const rdf::Term& LocalVocabulary::Get(TermId id) const {
  return terms_[storage::PayloadOf(id)];
}

}  // namespace silk::query
