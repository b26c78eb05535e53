// Preparing what the shell was given: a query or update, or a bare group of triple patterns
// wrapped as SELECT * WHERE { … }, with every syntax error placed in the user's own text, and
// the splitter's question of whether a statement could run as it stands.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/query/query_engine.h"
#include "engine/status.h"
#include "shell/repl/session.h"
#include "shell/repl/statement_splitter.h"

namespace silk::shell::repl {

// The options every statement of the session is prepared and runs with.
query::QueryOptions SessionQueryOptions(const Session& session);

// Parses `text` as a query or update; failing that, as a bare group of triple patterns.
// `wrapped`, when given, receives the text actually prepared. A syntax error is the one for
// what the user most likely meant, with its position in the user's own text.
Result<std::unique_ptr<query::PreparedRequest>> PrepareStatement(
    std::string_view text, const query::QueryOptions& options, std::string* wrapped = nullptr);

// Whether `text` could run as it stands in this session (the splitter's question).
Completeness StatementCompleteness(std::string_view text, const Session& session);

// A syntax error positioned in the statement's text, moved to its place in the input the
// statement came from (a script's own lines and columns); other statuses pass through.
Status PlacedInInput(const Status& status, const Statement& statement);

}  // namespace silk::shell::repl
