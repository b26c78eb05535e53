#include "shell/repl/store_iris.h"

namespace silk::shell::repl {

std::vector<std::string> StoreIriSource::IrisStartingWith(std::string_view prefix,
                                                          std::size_t limit) {
  // A fresh snapshot each time: the session may have loaded or changed data since.
  Result<std::vector<std::string>> iris = store_.GetSnapshot()->IrisWithPrefix(prefix, limit);
  // Completion offers nothing rather than interrupt typing with a storage error.
  return iris.ok() ? std::move(iris).value() : std::vector<std::string>{};
}

}  // namespace silk::shell::repl
