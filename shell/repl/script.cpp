#include "shell/repl/script.h"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "shell/output_check.h"
#include "shell/repl/dot_commands.h"
#include "shell/repl/statement_runner.h"

namespace silk::shell::repl {

namespace {

// After each statement: did all its output arrive? `status` is the statement's own result.
Status CheckOutput(Session& session, Status status) {
  Status written = FlushAndCheck(session.out());
  if (written.ok()) return status;
  // A statement that saw its write fail reported it with the write's own reason.
  if (status.code() == StatusCode::kIOError) written = status;
  if (session.output_file) {
    // The file is incomplete: close it, so that nothing more is appended to a broken file.
    session.output_file.reset();
    return Status::IOError(fmt::format("{} (to '{}'); .output is closed, results go to standard output again",
                                       written.message(), session.output_path));
  }
  // Standard output: clear the error, so that each later statement tries again and says so.
  std::cout.clear();
  std::clearerr(stdout);
  return written;
}

}  // namespace

Status RunInput(Session& session, const Statement& statement) {
  Status status = statement.is_dot_command() ? RunDotCommand(session, statement.text)
                                             : RunStatement(session, statement);
  // Whatever ran, its output must have arrived whole.
  return CheckOutput(session, std::move(status));
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
