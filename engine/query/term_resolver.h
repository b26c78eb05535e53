// Between ids and terms for one query: decodes ids (stored, inlined or local) to terms and
// evaluation values, and gives computed terms ids, reusing the store's id when it has one so
// that joins between computed and stored terms work on ids alone.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "engine/query/expr/value.h"
#include "engine/query/local_vocabulary.h"
#include "engine/query/query_ids.h"
#include "engine/storage/store.h"

namespace silk::query {

class TermResolver {
 public:
  explicit TermResolver(const storage::Snapshot& snapshot) : snapshot_(snapshot) {}
  TermResolver(const TermResolver&) = delete;
  TermResolver& operator=(const TermResolver&) = delete;

  // The term behind `id`. Throws QueryAborted when the store cannot decode it.
  // REQUIRES: id != kUnbound. The reference is valid for the resolver's life.
  const rdf::Term& TermOf(TermId id);
  // Decodes every id of `ids` not yet known in one batched read, so that TermOf on them reads
  // nothing more. Unbound and local ids are skipped.
  void Prefetch(std::span<const TermId> ids);
  // The evaluation value of `id` (parsed once per id and query).
  const expr::Value& ValueOf(TermId id);

  // The id of `term`: the store's, or an inlined one, or a new local one.
  TermId Encode(const rdf::TermView& term);
  TermId Encode(const expr::Value& value) { return Encode(value.term().view()); }
  // The id `term` has in the store (inlined literals always have one), or nullopt when the
  // store does not hold it, so a pattern that names it matches nothing. Blank nodes are never
  // found.
  std::optional<TermId> Stored(const rdf::TermView& term);

  // What the terms the query computed (Encode's local terms and their keys) take, in bytes.
  // They live as long as the query, so the context counts them against its memory limit.
  // (The caches of decoded stored terms are not counted.)
  std::uint64_t computed_bytes() const { return computed_bytes_; }

 private:
  const storage::Snapshot& snapshot_;
  LocalVocabulary local_;
  std::unordered_map<TermId, rdf::Term> decoded_;
  std::unordered_map<TermId, expr::Value> values_;
  std::unordered_map<std::string, TermId> encoded_;  // TermKey → id, for Encode
  std::uint64_t computed_bytes_ = 0;
};

}  // namespace silk::query
