// Line editing for the interactive shell, on libedit.
//
// Why libedit: it is BSD-licensed, so linking it leaves `silk` under our own licence, where
// GNU readline (GPL-3) would make the distributed binary GPL. It gives the same editing keys,
// incremental history search and completion through its readline-compatible interface, and
// Debian ships it (libedit-dev).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "shell/repl/completer.h"

namespace silk::shell::repl {

// The terminal's line editor. libedit keeps its state in globals, so there is one at a time.
class LineEditor {
 public:
  using CompleteFn = std::function<Completion(std::string_view line, std::size_t cursor)>;

  // Loads the history from `history_path` (a missing file is an empty history).
  LineEditor(std::string history_path, CompleteFn complete);
  ~LineEditor();  // saves the history
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // One line, without its line break; nullopt at Ctrl-D on an empty line (or end of input).
  std::optional<std::string> ReadLine(const std::string& prompt);
  void AddHistory(const std::string& entry);

 private:
  std::string history_path_;
  CompleteFn complete_;
};

}  // namespace silk::shell::repl
