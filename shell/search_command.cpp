// silk search WORDS: the things whose literals hold the words, from the text index.
#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "engine/names/literal_search.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/search_output.h"
#include "shell/store_location.h"

namespace silk::shell {

int RunSearch(const Invocation& invocation) {
  std::size_t limit = kDefaultSearchLimit;
  if (invocation.Has("--limit")) {
    const std::string text = invocation.Get("--limit");
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (error != std::errc() || end != text.data() + text.size() || limit == 0) {
      fmt::print(stderr, "silk: --limit takes a positive number, not '{}'\n", text);
      return kExitUsageError;
    }
  }
  std::string words;
  for (const std::string& arg : invocation.args) {
    words += (words.empty() ? "" : " ") + arg;
  }
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  Result<std::vector<names::LiteralHit>> hits =
      names::SearchLiterals(*(*store)->GetSnapshot(), words, limit);
  if (!hits.ok()) return ReportFailure(hits.status());
  if (hits->empty()) {
    fmt::print(stderr, "silk: no literal holds '{}'\n", words);
    return kExitDataError;
  }
  WriteLiteralHits(*hits, {}, std::cout);
  std::cout.flush();
  return kExitOk;
}

}  // namespace silk::shell
