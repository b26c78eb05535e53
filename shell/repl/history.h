// The shell's persistent history: where it lives, what one entry holds, and a file that many
// shells append to at once without losing each other's entries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace silk::shell::repl {

// $XDG_DATA_HOME/silkgraph/history, else ~/.local/share/silkgraph/history: the user's data
// directory, beside the default store.
std::string HistoryPath();

// One history entry for a statement typed or pasted over `lines`: the lines as they came,
// joined by line breaks (empty lines at either end left out), so that recalling it gives the
// statement back as it was typed, comments and all.
std::string HistoryEntry(const std::vector<std::string>& lines);

// The history file: one entry a line, line breaks and backslashes escaped ("\n", "\\").
// Each new entry is appended with one write under a lock, so shells running side by side
// keep every entry of each other's. Errors are ignored: history is a convenience, and a
// read-only home must not stop the shell.
class HistoryFile {
 public:
  explicit HistoryFile(std::string path, std::size_t max_entries = 5000);

  // The last max_entries entries, oldest first. Rewrites the file without the older ones
  // when it has grown to twice that.
  std::vector<std::string> Load();
  void Append(std::string_view entry);

 private:
  std::string path_;
  std::size_t max_entries_;
};

// The file's encoding of one entry, and back (also reads the escapes of older files: \ooo).
std::string EscapeHistoryEntry(std::string_view entry);
std::string UnescapeHistoryEntry(std::string_view line);

}  // namespace silk::shell::repl
