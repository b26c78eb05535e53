#include "shell/repl/history.h"

#include <cstdlib>

namespace silk::shell::repl {

std::string HistoryPath() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  std::string base;
  if (data_home != nullptr && *data_home != '\0') {
    base = data_home;
  } else {
    const char* home = std::getenv("HOME");
    base = std::string(home != nullptr ? home : ".") + "/.local/share";
  }
  return base + "/silkgraph/history";
}

std::string HistoryEntry(const std::vector<std::string>& lines) {
  std::string entry;
  for (const std::string& line : lines) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    const auto last = line.find_last_not_of(" \t\r");
    if (!entry.empty()) entry += ' ';
    entry += line.substr(entry.empty() ? first : first, last - first + 1);
  }
  return entry;
}

}  // namespace silk::shell::repl
