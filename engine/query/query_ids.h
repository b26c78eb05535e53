// Ids the query engine makes and never stores: terms computed by a query, and "unbound".
#pragma once

#include <cstdint>

#include "engine/storage/term_id.h"

namespace silk::query {

using storage::TermId;

// A query's variables are numbered densely from 0, in the order the planner meets them.
using VarId = std::uint32_t;

// The tag format.h reserves for ids that never reach the disk.
inline constexpr storage::TermTag kLocalTag = storage::TermTag::kQueryLocal;

// The value of a variable with no binding in a row.
inline constexpr TermId kUnbound = storage::MakeTermId(kLocalTag, storage::format::kPayloadMask);

// An id from the query's LocalVocabulary: a term that is not in the store.
constexpr bool IsLocalId(TermId id) {
  return storage::TagOf(id) == kLocalTag && id != kUnbound;
}

}  // namespace silk::query
