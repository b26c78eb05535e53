// The terms of one batch of output rows, by id, held only until the next batch: a result
// streamed to the end holds one batch of terms, not every term it wrote.
//
// Every cell of every row written is looked up here, so the table is flat (ids and positions,
// sized once per batch) rather than a node per term, and the terms live in one array whose
// strings the next batch's terms reuse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/query/query_ids.h"
#include "engine/storage/flat_hash_map.h"
#include "grammar/rdf/term.h"

namespace silk::query {

class BatchTerms {
 public:
  // Forgets the last batch's terms and makes room for `ids` distinct ones.
  void Reset(std::size_t ids);
  // The term of `id` in this batch, or null.
  const rdf::Term* Find(TermId id) const;
  // The term of `id`, to be assigned, added to the batch. REQUIRES: `id` is not in it.
  rdf::Term& Add(TermId id);

 private:
  struct IdHash {
    std::size_t operator()(TermId id) const { return storage::HashMix64(id); }
  };

  storage::FlatHashMap<TermId, std::uint32_t, IdHash> positions_;  // in terms_
  std::vector<rdf::Term> terms_;
  std::size_t used_ = 0;  // of terms_, this batch's
};

}  // namespace silk::query
