// The shell's `.load FILE… [--graph IRI] …`: `silk load` inside a session, with the same
// options, checks and messages (shell/load_request.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// Splits a dot-command's line at spaces and tabs, as a Unix shell would for simple words:
// 'a b' and "a b" are one word without their quotes (in "…", \" and \\ stand for " and \).
// Errors: kInvalidArgument for a quote left open.
Result<std::vector<std::string>> SplitWords(std::string_view text);

}  // namespace silk::shell::repl
