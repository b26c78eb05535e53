#include "shell/repl/repl.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <clocale>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "shell/exit_codes.h"
#include "shell/prefixes.h"
#include "shell/repl/history.h"
#include "shell/repl/line_editor.h"
#include "shell/repl/script.h"
#include "shell/repl/statement_runner.h"
#include "shell/repl/statement_splitter.h"
#include "shell/repl/store_iris.h"
#include "shell/store_location.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

// Set by Ctrl-C; the running query polls it (QueryOptions.limits.cancel).
std::atomic<bool> interrupted{false};

extern "C" void OnShellInterrupt(int /*signal*/) { interrupted.store(true); }

void CatchInterrupts() {
  struct sigaction action {};
  action.sa_handler = OnShellInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read returns, so Ctrl-C is seen at once
  sigaction(SIGINT, &action, nullptr);
}

std::size_t TerminalWidth() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && std::atoi(columns) > 0) {
    return static_cast<std::size_t>(std::atoi(columns));
  }
  return 80;
}

// "default" for the default store, else the store directory's own name.
std::string StoreName(const std::string& db_dir) {
  if (db_dir.empty()) return "default";
  std::filesystem::path path(db_dir);
  while (!path.empty() && path.filename().empty()) path = path.parent_path();
  return path.filename().string();
}

// The store for the whole session: writable, or read-only when another process writes to it.
Result<std::unique_ptr<storage::Store>> OpenSessionStore(const std::string& db_dir) {
  Result<std::unique_ptr<storage::Store>> store = OpenStore(db_dir, Access::kWrite);
  if (!store.ok() && store.status().code() == StatusCode::kBusy) {
    return OpenStore(db_dir, Access::kRead);
  }
  return store;
}

// Whether a typed statement is ready to run at the end of a line: it parses, or it has an error
// before its end (more lines cannot mend that, so it runs and shows the error at once). An
// error at the very end means the statement goes on, as in "SELECT ?x" or "ASK { ?s ?p ?o } ORDER".
bool StatementEnds(std::string_view text, const query::QueryOptions& options) {
  Result<std::unique_ptr<query::PreparedRequest>> request = repl::PrepareStatement(text, options);
  if (request.ok()) return true;
  const std::optional<ParseError>& error = request.status().parse_error();
  if (!error) return true;
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  const std::size_t last_line_length = text.size() - (text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1);
  return error->line < lines || error->column <= last_line_length;
}

int RunInteractive(repl::Session& session, const std::string& name) {
  // The user's character set, so that libedit edits UTF-8 (Cyrillic, Hangul) as characters.
  std::setlocale(LC_CTYPE, "");
  session.interactive = true;
  session.timer = true;
  session.color = std::getenv("NO_COLOR") == nullptr && ::isatty(STDOUT_FILENO);
  repl::StoreIriSource iris(session.store);
  repl::LineEditor editor(repl::HistoryPath(), [&](std::string_view line, std::size_t cursor) {
    const repl::CompletionContext context{.prefixes = &session.prefixes, .iris = &iris};
    return repl::Complete(line, cursor, context);
  });
  // Interactively a statement also ends wherever it could run as it stands.
  repl::StatementSplitter splitter({.is_complete = [&](std::string_view text) {
    return StatementEnds(text, repl::SessionQueryOptions(session));
  }});

  fmt::print("silk {} on {}{}. Type .help for help, Ctrl-D to leave.\n", SILK_VERSION,
             session.store.dir(), session.store.read_only() ? " (read-only: another process is writing)" : "");
  const std::string prompt = name + "> ";
  // ASCII, so that libedit draws it in any locale.
  const std::string continuation = std::string(name.size() > 3 ? name.size() - 3 : 0, ' ') + "...> ";
  std::vector<std::string> typed;  // the lines of the statement being typed, for the history
  while (!session.quit) {
    session.width = TerminalWidth();
    // A Ctrl-C typed while the last line was being handled counts as typed at this prompt.
    if (interrupted.exchange(false)) {
      splitter.Reset();
      typed.clear();
    }
    std::optional<std::string> line = editor.ReadLine(splitter.pending() ? continuation : prompt);
    if (!line) {
      if (interrupted.exchange(false)) {  // Ctrl-C while editing: drop the statement
        splitter.Reset();
        typed.clear();
        continue;
      }
      fmt::print("\n");
      break;
    }
    interrupted.store(false);  // a Ctrl-C while typing is spent
    typed.push_back(*line);
    const std::vector<std::string> statements = splitter.AddLine(*line);
    if (!splitter.pending()) {
      editor.AddHistory(repl::HistoryEntry(typed));
      typed.clear();
    }
    for (const std::string& statement : statements) {
      Status status = repl::RunInput(session, statement);
      if (!status.ok()) repl::PrintError(status);
      if (session.quit) break;
    }
  }
  return kExitOk;
}

}  // namespace

int RunShell(const Invocation& invocation) {
  const bool interactive = !invocation.Has("-f") && ::isatty(STDIN_FILENO);
  std::ifstream file;
  if (invocation.Has("-f")) {
    file.open(invocation.Get("-f"), std::ios::binary);
    if (!file) {
      fmt::print(stderr, "silk: cannot open '{}': {}\n", invocation.Get("-f"), std::strerror(errno));
      return kExitDataError;
    }
  }
  auto store = OpenSessionStore(invocation.db_dir);
  if (!store.ok()) {
    repl::PrintError(store.status());
    return ExitCodeFor(store.status());
  }
  repl::Session session(**store, interrupted);
  session.prefixes = ShellPrefixes();
  CatchInterrupts();

  if (interactive) return RunInteractive(session, StoreName(invocation.db_dir));
  // A script: results only, and the first failure ends it (unless --keep-going).
  Status status = repl::RunScript(session, invocation.Has("-f") ? static_cast<std::istream&>(file) : std::cin,
                                  {.keep_going = invocation.Has("--keep-going")});
  std::cout.flush();
  return status.ok() ? kExitOk : ExitCodeFor(status);
}

}  // namespace silk::shell
