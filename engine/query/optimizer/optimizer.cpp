#include "engine/query/optimizer/optimizer.h"

namespace silk::query::optimizer {

void Optimize(algebra::NodePtr& root) {
  ExistsToJoin(root);
  FilterRanges(root);
  TopK(root);
}

}  // namespace silk::query::optimizer
