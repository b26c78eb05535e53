#include "shell/repl/script.h"

#include <string>

#include "shell/repl/dot_commands.h"
#include "shell/repl/statement_runner.h"
#include "shell/repl/statement_splitter.h"

namespace silk::shell::repl {

Status RunInput(Session& session, std::string_view statement) {
  if (statement.starts_with('.')) return RunDotCommand(session, statement);
  return RunStatement(session, statement);
}

Status RunScript(Session& session, std::istream& in, const ScriptOptions& options) {
  // A script's statements end with ';' or a blank line (not merely where they could), so a
  // query may go on with ORDER BY or LIMIT on its next line.
  StatementSplitter splitter;
  Status first_failure;
  const auto run = [&](const std::string& statement) {
    Status status = RunInput(session, statement);
    if (status.ok()) return true;
    PrintError(status);
    if (first_failure.ok()) first_failure = status;
    return options.keep_going;
  };
  std::string line;
  while (!session.quit && std::getline(in, line)) {
    for (const std::string& statement : splitter.AddLine(line)) {
      if (session.quit || !run(statement)) return first_failure;
    }
  }
  if (std::optional<std::string> rest = splitter.Finish(); rest && !session.quit) run(*rest);
  return first_failure;
}

}  // namespace silk::shell::repl
