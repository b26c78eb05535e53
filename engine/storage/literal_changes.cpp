#include "engine/storage/literal_changes.h"

namespace silk::storage {

void LiteralChangeCollector::Flush() {
  if (added_ != 0 && removed_ == 0) {
    (terms_.IsNew(object_) ? changes_.gained_new : changes_.gained_existing).push_back(object_);
  } else if (removed_ != 0 && added_ == 0) {
    changes_.lost.emplace_back(object_, removed_);
  }
  added_ = removed_ = 0;
}

}  // namespace silk::storage
