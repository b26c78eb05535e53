// Between ids and terms for one query: decodes ids (stored, inlined or local) to terms and
// evaluation values, and gives computed terms ids, reusing the store's id when it has one so
// that joins between computed and stored terms work on ids alone.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/query/batch_terms.h"
#include "engine/query/expr/value.h"
#include "engine/query/local_vocabulary.h"
#include "engine/query/query_ids.h"
#include "engine/storage/store.h"

namespace silk::query {

class TermResolver {
 public:
  // `value_cache_bytes` bounds the cache of parsed values (see ValueOf).
  TermResolver(const storage::Snapshot& snapshot, std::uint64_t value_cache_bytes)
      : snapshot_(snapshot), value_cache_bytes_(value_cache_bytes) {}
  TermResolver(const TermResolver&) = delete;
  TermResolver& operator=(const TermResolver&) = delete;

  // The term behind `id`. Throws QueryAborted when the store cannot decode it.
  // REQUIRES: id != kUnbound. The reference is valid for the resolver's life.
  const rdf::Term& TermOf(TermId id);
  // Decodes into `batch` (emptied first) every id of `ids` that TermOf would have to read.
  void DecodeBatch(std::span<const TermId> ids, BatchTerms& batch);
  // The term behind `id`: from `batch`, else from the query's terms, else read (and kept).
  const rdf::Term& TermOf(TermId id, const BatchTerms& batch);
  // The terms behind `ids`, in their order, stored ones in one batched read (ascending ids
  // read fastest); kept by the caller alone, for one pass over many distinct terms (ORDER BY
  // ranking them), where a table of them would cost more than the reading.
  // REQUIRES: no id is kUnbound.
  std::vector<rdf::Term> DecodeAll(std::span<const TermId> ids);
  // The evaluation value of `id`, parsed once while it stays in a cache of bounded size (a
  // filter over millions of distinct terms must not hold them all). The reference is valid
  // until the next call: copy the value.
  const expr::Value& ValueOf(TermId id);

  // The id of `term`: the store's, or an inlined one, or a new local one.
  TermId Encode(const rdf::TermView& term);
  TermId Encode(const expr::Value& value) { return Encode(value.term().view()); }
  // The id `term` has in the store (inlined literals always have one), or nullopt when the
  // store does not hold it, so a pattern that names it matches nothing. Blank nodes are never
  // found.
  std::optional<TermId> Stored(const rdf::TermView& term);

  // What the resolver holds, in bytes: the terms the query computed (Encode's local terms and
  // their keys), and the stored terms and values it decoded. All live as long as the query,
  // so the context counts them against its memory limit.
  std::uint64_t held_bytes() const { return held_bytes_; }

 private:
  const storage::Snapshot& snapshot_;
  const std::uint64_t value_cache_bytes_;
  LocalVocabulary local_;
  std::unordered_map<TermId, rdf::Term> decoded_;
  std::unordered_map<TermId, expr::Value> values_;
  std::unordered_map<std::string, TermId> encoded_;  // TermKey → id, for Encode
  std::uint64_t held_bytes_ = 0;
  std::uint64_t value_bytes_ = 0;  // of held_bytes_, those of values_
};

}  // namespace silk::query
