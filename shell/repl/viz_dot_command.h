// The shell's `.viz TERM [--depth N] …`: `silk viz` inside a session. The picture goes to a
// file (named after the entity unless -o says otherwise), whose path is printed.
#pragma once

#include <string_view>

#include "engine/status.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

// Runs `.viz` with the rest of its line, `arg` (words as .load reads them).
// Errors: wrong words (kInvalidArgument), and those of MakeViz.
Status RunVizDotCommand(Session& session, std::string_view arg);

}  // namespace silk::shell::repl
