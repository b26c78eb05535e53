// Running one SPARQL statement in a session: preparing it (a bare group of triple patterns
// becomes SELECT * WHERE { … }), executing it with Ctrl-C as its cancel flag, writing the
// results in the session's mode, and keeping the rows for `.why`.
#pragma once

#include <memory>
#include <string_view>

#include "engine/query/query_engine.h"
#include "engine/status.h"
#include "shell/repl/session.h"
#include "shell/repl/statement_prepare.h"

namespace silk::shell::repl {

// Runs one SPARQL statement. A prologue alone declares its prefixes (and base) for the rest
// of the session; so does the prologue of any statement that parses. Errors: syntax errors
// (positioned in the input the statement came from), kCancelled (Ctrl-C), storage errors.
Status RunStatement(Session& session, const Statement& statement);

// Prints a failure once, as the user should read it (a syntax error with its caret).
void PrintError(const Status& status);

}  // namespace silk::shell::repl
