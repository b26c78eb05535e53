#include "shell/repl/newcomer_hints.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace silk::shell::repl {
namespace {

struct Hint {
  std::array<std::string_view, 8> words;
  std::string_view text;
};

// What other shells use for the same wish: psql's \q and \?, DuckDB's and SQLite's .tables,
// a Unix shell's exit and logout.
constexpr std::array<Hint, 3> kHints = {{
    {{"help", "?", "h", "\\h", "\\?", "man", "commands", "hint"},
     "type .help for the commands; a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE"},
    {{"exit", "quit", "q", "\\q", "bye", ":q", "logout", ":wq"},
     "type .quit or press Ctrl-D to leave"},
    {{"tables", "show tables", "\\d", "schema", "show", "describe", "ls", "dir"},
     "type .schema for the classes, predicates and graphs, .describe NAME for one entity"},
}};

}  // namespace

std::optional<std::string> NewcomerHint(std::string_view statement) {
  while (!statement.empty() && (statement.back() == ';' || std::isspace(static_cast<unsigned char>(statement.back())))) {
    statement.remove_suffix(1);
  }
  while (!statement.empty() && std::isspace(static_cast<unsigned char>(statement.front()))) {
    statement.remove_prefix(1);
  }
  std::string word(statement);
  std::transform(word.begin(), word.end(), word.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  for (const Hint& hint : kHints) {
    if (std::find(hint.words.begin(), hint.words.end(), word) != hint.words.end()) {
      return std::string(hint.text);
    }
  }
  return std::nullopt;
}

}  // namespace silk::shell::repl
