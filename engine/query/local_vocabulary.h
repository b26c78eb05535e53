// Terms a query computes that the store does not hold (BIND results, aggregates, constants
// that are not in the dictionary): each gets a local id, the same id for the same term, for
// the life of one query.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>

#include "engine/query/query_ids.h"
#include "grammar/rdf/term.h"

namespace silk::query {

// A string that is equal for equal terms and different otherwise: a hash key for terms.
std::string TermKey(const rdf::TermView& term);

class LocalVocabulary {
 public:
  LocalVocabulary() = default;
  LocalVocabulary(const LocalVocabulary&) = delete;
  LocalVocabulary& operator=(const LocalVocabulary&) = delete;

  // The local id of `term`, adding it when new. `term` should be Canonical().
  TermId Add(const rdf::TermView& term);
  // REQUIRES: IsLocalId(id) and id came from this vocabulary. The reference stays valid for
  // the vocabulary's life.
  const rdf::Term& Get(TermId id) const;
  std::size_t size() const { return terms_.size(); }

 private:
  std::deque<rdf::Term> terms_;  // a deque keeps references stable as it grows
  std::unordered_map<std::string, TermId> ids_;
};

}  // namespace silk::query
