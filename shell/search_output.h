// How `silk search`, the shell's `.search` and `.find`'s fallback show the things whose
// literals hold the words.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "engine/names/literal_search.h"
#include "shell/repl/box_table.h"

namespace silk::shell {

// Hits searched for and shown at most, unless asked otherwise.
inline constexpr std::size_t kDefaultSearchLimit = 10;

// Four lines a hit: the thing and the predicate that holds the literal; the literal, its
// language and score; the snippet with the matched words in [brackets]; the graph (article)
// it comes from. Names are shortened with `prefixes` (none: full IRIs).
void WriteLiteralHits(const std::vector<names::LiteralHit>& hits, const repl::Prefixes& prefixes,
                      std::ostream& out);

}  // namespace silk::shell
