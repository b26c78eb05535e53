// The shell's `.load FILE… [--graph IRI] …`: `silk load` inside a session, with the same
// options, checks and messages (shell/load_request.h).
#pragma once

#include <string_view>

#include "engine/status.h"
#include "shell/load_request.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

// Runs `.load` with the rest of its line, `arg`: words separated by spaces, where '…' or "…"
// keep spaces in one word. Prints a summary to standard error.
// Errors: wrong words (kInvalidArgument), a store open read-only (kBusy), and whatever the
// load meets; a failed load has printed its error and where it stopped, and returns a last
// word of the same kind ("nothing was loaded").
Status RunLoadDotCommand(Session& session, std::string_view arg);

}  // namespace silk::shell::repl
