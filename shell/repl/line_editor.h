// Line editing for the interactive shell, on libedit.
//
// Why libedit: it is BSD-licensed, so linking it leaves `silk` under our own licence, where
// GNU readline (GPL-3) would make the distributed binary GPL. It gives the same editing keys,
// incremental history search and completion through its readline-compatible interface, and
// Debian ships it (libedit-dev).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shell/repl/completer.h"

namespace silk::shell::repl {

// The terminal's line editor. libedit keeps its state in globals, so there is one at a time.
class LineEditor {
 public:
  using CompleteFn = std::function<Completion(std::string_view line, std::size_t cursor)>;

  // `history`: earlier entries, oldest first, for the up arrow and Ctrl-R.
  LineEditor(const std::vector<std::string>& history, CompleteFn complete);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // One line, without its line break; nullopt at Ctrl-D on an empty line (or end of input).
  // A recalled multi-line entry comes back whole, its line breaks inside.
  std::optional<std::string> ReadLine(const std::string& prompt);
  // Adds an entry for the up arrow; false when it repeats the last one.
  bool AddHistory(const std::string& entry);
  // Whether more input has arrived and waits to be read (the rest of a paste), waiting at
  // most `wait` for it: a person does not type the next line within milliseconds.
  static bool InputWaiting(std::chrono::milliseconds wait);

 private:
  CompleteFn complete_;
};

}  // namespace silk::shell::repl
