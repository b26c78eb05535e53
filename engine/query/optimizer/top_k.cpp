// TopK: Slice(offset, limit) over OrderBy, with at most a Project between them, becomes
// Slice over TopK(offset + limit): only that many rows can be output. Not across Distinct or
// Reduced, which drop rows after the sort.
#include <limits>

#include "engine/query/optimizer/optimizer.h"

namespace silk::query::optimizer {

using algebra::Kind;
using algebra::NodePtr;

void TopK(NodePtr& node) {
  for (NodePtr& child : node->children) TopK(child);
  if (node->kind != Kind::kSlice || !node->limit) return;
  algebra::Node* below = &node->child();
  if (below->kind == Kind::kProject) below = &below->child();
  if (below->kind != Kind::kOrderBy) return;
  const std::uint64_t limit = *node->limit;
  const std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
  below->kind = Kind::kTopK;
  below->limit = limit > most - node->offset ? most : node->offset + limit;
}

}  // namespace silk::query::optimizer
