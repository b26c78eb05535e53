// Tab completion that knows where the cursor is: dot-commands at the start of a line, file
// names after `.load`, `.read` and `.output`, SPARQL keywords and declared prefixes, variables
// already typed, and after `p:` or `<` the IRIs the store holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shell/repl/box_table.h"

namespace silk::shell::repl {

// Where completion finds IRIs: the store, or a list in a test.
class IriSource {
 public:
  virtual ~IriSource() = default;
  // Up to `limit` IRIs in the store that start with `prefix`, in byte order.
  virtual std::vector<std::string> IrisStartingWith(std::string_view prefix, std::size_t limit) = 0;
  // The store's predicates that start with `prefix`, in byte order.
  virtual std::vector<std::string> PredicatesStartingWith(std::string_view prefix) = 0;
};

struct CompletionContext {
  const Prefixes* prefixes = nullptr;  // REQUIRES: non-null
  IriSource* iris = nullptr;           // null: no IRIs from the store
  // Candidates at most: enough for every name of a vocabulary, bounded for a huge store.
  std::size_t limit = 5000;
};

struct Completion {
  std::size_t word_start = 0;          // the candidates replace line[word_start, cursor)
  std::vector<std::string> candidates; // sorted, distinct
};

// The completions of the word that ends at `cursor` in `line` (the line being edited). Where a
// predicate goes (the second term of a triple pattern, or after ';'), a name offers the
// store's predicates that match, and every name only when none does.
Completion Complete(std::string_view line, std::size_t cursor, const CompletionContext& context);

// Characters that end a word for completion; ':' '<' '?' '.' '/' stay inside words.
inline constexpr std::string_view kWordBreaks = " \t\n\"'`@=;|&{}()[],";

}  // namespace silk::shell::repl
