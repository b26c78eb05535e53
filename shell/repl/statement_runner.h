// Running one SPARQL statement in a session: preparing it (a bare group of triple patterns
// becomes SELECT * WHERE { … }), executing it with Ctrl-C as its cancel flag, writing the
// results in the session's mode, and keeping the rows for `.why`.
#pragma once

#include <memory>
#include <string_view>

#include "engine/query/query_engine.h"
#include "engine/status.h"
#include "shell/repl/session.h"
#include "shell/repl/statement_splitter.h"

namespace silk::shell::repl {

// The options every statement of the session runs with.
query::QueryOptions SessionQueryOptions(const Session& session);

// Parses `text` as a query or update; failing that, as a bare group of triple patterns.
// `wrapped`, when given, receives the text actually prepared. A syntax error is the one for
// what the user most likely meant, with its position in the user's own text.
Result<std::unique_ptr<query::PreparedRequest>> PrepareStatement(
    std::string_view text, const query::QueryOptions& options, std::string* wrapped = nullptr);

// Whether `text` could run as it stands in this session (the splitter's question).
Completeness StatementCompleteness(std::string_view text, const Session& session);

// Runs one SPARQL statement. A prologue alone declares its prefixes (and base) for the rest
// of the session; so does the prologue of any statement that parses. Errors: syntax errors
// (positioned in the input the statement came from), kCancelled (Ctrl-C), storage errors.
Status RunStatement(Session& session, const Statement& statement);

// Prints a failure once, as the user should read it (a syntax error with its caret).
void PrintError(const Status& status);

}  // namespace silk::shell::repl
