// silk find NAME: the entities a name may mean, in any spelling the graph knows or a near miss.
#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <iostream>

#include "engine/names/label_source.h"
#include "engine/names/literal_search.h"
#include "engine/names/name_matcher.h"
#include "shell/commands.h"
#include "shell/entity_lookup.h"
#include "shell/exit_codes.h"
#include "shell/search_output.h"
#include "shell/store_location.h"

namespace silk::shell {

int RunFind(const Invocation& invocation) {
  names::FindOptions options;
  if (invocation.Has("--limit")) {
    const std::string text = invocation.Get("--limit");
    std::size_t limit = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (error != std::errc() || end != text.data() + text.size() || limit == 0) {
      fmt::print(stderr, "silk: --limit takes a positive number, not '{}'\n", text);
      return kExitUsageError;
    }
    options.limit = limit;
  }
  const std::string& query = invocation.args[0];

  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  std::unique_ptr<storage::Snapshot> snapshot = (*store)->GetSnapshot();
  Result<std::vector<names::EntityLabel>> labels = names::ReadLabels(*snapshot);
  if (!labels.ok()) return ReportFailure(labels.status());

  // The index is built per call: the graphs we ship have hundreds of labels, not millions.
  const names::NameMatcher matcher(std::move(*labels));
  const std::vector<names::NameMatch> matches = matcher.Find(query, options);
  if (matches.empty()) {
    // Words of a description, not a name ("Memorandum"): the literals that hold them.
    Result<std::vector<names::LiteralHit>> hits =
        names::SearchLiterals(*snapshot, query, options.limit);
    if (!hits.ok() || hits->empty()) {
      fmt::print(stderr, "silk: no entity is called '{}', nor anything close to it\n", query);
      return kExitDataError;
    }
    fmt::print("No entity is called '{}'; these literals hold the words:\n", query);
    std::fflush(stdout);
    WriteLiteralHits(*hits, {}, std::cout);
    std::cout.flush();
    return kExitOk;
  }
  fmt::print("{}", DescribeMatches(matches));
  return kExitOk;
}

}  // namespace silk::shell
