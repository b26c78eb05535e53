// Completion's view of the IRIs in a store.
#pragma once

#include "engine/storage/store.h"
#include "shell/repl/completer.h"

namespace silk::shell::repl {

// Finds IRIs by prefix in the store's dictionary: one seek in an ordered index, as fast on
// ten million quads as on ten.
class StoreIriSource final : public IriSource {
 public:
  // REQUIRES: `store` outlives this.
  explicit StoreIriSource(storage::Store& store) : store_(store) {}
  std::vector<std::string> IrisStartingWith(std::string_view prefix, std::size_t limit) override;
  // From the statistics, which list every predicate in use: no scan of the quads.
  std::vector<std::string> PredicatesStartingWith(std::string_view prefix) override;

 private:
  storage::Store& store_;
};

}  // namespace silk::shell::repl
