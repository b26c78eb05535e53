// The shell's persistent history: where it lives and what one entry holds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace silk::shell::repl {

// $XDG_DATA_HOME/silkgraph/history, else ~/.local/share/silkgraph/history: the user's data
// directory, beside the default store.
std::string HistoryPath();

// One history entry for a statement typed over `lines`: the lines joined by spaces, lines
// holding only a comment left out, so that recalling it gives one editable line.
std::string HistoryEntry(const std::vector<std::string>& lines);

}  // namespace silk::shell::repl
