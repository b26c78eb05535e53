// Completion's view of the IRIs in a store.
#pragma once

#include "engine/storage/store.h"
#include "shell/repl/completer.h"

namespace silk::shell::repl {

// Finds IRIs by prefix with a SPARQL STRSTARTS filter over every position of every quad, cut
// off after a short time so that TAB never hangs: complete on small and medium stores,
// partial on very large ones (the dictionary has no public prefix scan yet).
class StoreIriSource final : public IriSource {
 public:
  // REQUIRES: `store` outlives this.
  explicit StoreIriSource(storage::Store& store) : store_(store) {}
  std::vector<std::string> IrisStartingWith(std::string_view prefix, std::size_t limit) override;

 private:
  storage::Store& store_;
};

}  // namespace silk::shell::repl
