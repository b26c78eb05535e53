// Running the shell's input: one statement (SPARQL or a dot-command), or a whole stream of
// them (a piped script, `-f FILE`, `.read FILE`).
#pragma once

#include <istream>

#include "engine/status.h"
#include "shell/repl/session.h"
#include "shell/repl/statement_splitter.h"

namespace silk::shell::repl {

// Runs one statement as the splitter cut it: a dot-command or SPARQL.
Status RunInput(Session& session, const Statement& statement);

// A splitter with the session's own idea of a complete statement.
StatementSplitter SessionSplitter(const Session& session);

struct ScriptOptions {
  bool keep_going = false;  // go on after a failed statement (each failure is still printed)
};

// Runs every statement of `in` in order, printing each failure as it happens; errors name
// session.source and the line and column in `in`. Returns Ok, or the first failure (after
// which it stopped, unless keep_going).
Status RunScript(Session& session, std::istream& in, const ScriptOptions& options);

}  // namespace silk::shell::repl
