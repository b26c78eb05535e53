// The store's vocabulary at a glance, for a user who cannot guess a graph's terms: its
// classes with their instances, its predicates with their statements and an example each, and
// its graphs with their sizes. `silk schema` and the shell's `.schema` print it.
#pragma once

#include <atomic>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::shell {

// Writes the schema of `store` to `out`, IRIs shortened with `prefixes`. Predicates and
// graphs come from the statistics; classes from one pass over the rdf:type statements (in
// the index that holds them together, so a tenth of a second for a million of them).
// Errors: kCancelled when `cancel` (may be null) is set; storage errors.
Status WriteSchema(const storage::Store& store,
                   const std::vector<std::pair<std::string, std::string>>& prefixes,
                   std::ostream& out, const std::atomic<bool>* cancel = nullptr);

}  // namespace silk::shell
