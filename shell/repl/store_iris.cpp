#include "shell/repl/store_iris.h"

#include <algorithm>

namespace silk::shell::repl {

std::vector<std::string> StoreIriSource::IrisStartingWith(std::string_view prefix,
                                                          std::size_t limit) {
  // A fresh snapshot each time: the session may have loaded or changed data since.
  Result<std::vector<std::string>> iris = store_.GetSnapshot()->IrisWithPrefix(prefix, limit);
  // Completion offers nothing rather than interrupt typing with a storage error.
  return iris.ok() ? std::move(iris).value() : std::vector<std::string>{};
}

std::vector<std::string> StoreIriSource::PredicatesStartingWith(std::string_view prefix) {
  Result<storage::StoreStats> stats = store_.Stats();
  if (!stats.ok()) return {};
  std::vector<storage::TermId> ids;
  for (const storage::PredicateStats& predicate : stats->predicates) ids.push_back(predicate.predicate);
  Result<std::vector<rdf::Term>> terms = store_.GetSnapshot()->DecodeMany(ids);
  if (!terms.ok()) return {};
  std::vector<std::string> out;
  for (const rdf::Term& term : *terms) {
    const rdf::TermView view = term.view();
    if (view.IsIri() && view.value.starts_with(prefix)) out.emplace_back(view.value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace silk::shell::repl
