#include "shell/repl/script.h"

#include <string>

#include "shell/repl/dot_commands.h"
#include "shell/repl/statement_runner.h"

namespace silk::shell::repl {

Status RunInput(Session& session, const Statement& statement) {
  if (statement.is_dot_command()) return RunDotCommand(session, statement.text);
  return RunStatement(session, statement);
}

StatementSplitter SessionSplitter(const Session& session) {
  return StatementSplitter({.completeness = [&session](std::string_view text) {
    return StatementCompleteness(text, session);
  }});
}

Status RunScript(Session& session, std::istream& in, const ScriptOptions& options) {
  // A script's lines have all arrived: a statement ends at ';', an empty line, a dot-command,
  // a line that starts the next statement, or the end of the file (not merely where it could),
  // so a query may go on with ORDER BY or LIMIT on its next line.
  StatementSplitter splitter = SessionSplitter(session);
  Status first_failure;
  const auto run = [&](const Statement& statement) {
    Status status = RunInput(session, statement);
    if (status.ok()) return true;
    PrintError(status);
    if (first_failure.ok()) first_failure = status;
    return options.keep_going;
  };
  std::string line;
  while (!session.quit && std::getline(in, line)) {
    for (const Statement& statement : splitter.AddLine(line, /*more_waiting=*/true)) {
      if (session.quit || !run(statement)) return first_failure;
    }
  }
  if (std::optional<Statement> rest = splitter.Finish(); rest && !session.quit) run(*rest);
  return first_failure;
}

}  // namespace silk::shell::repl
