#include "shell/repl/repl.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <atomic>
#include <clocale>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "shell/exit_codes.h"
#include "shell/live_store.h"
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

// How long after a line the next one may still be part of the same paste: a paste arrives in
// a burst, while a person takes far longer than this to type a line.
constexpr std::chrono::milliseconds kPasteGap{30};

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

// $XDG_CONFIG_HOME/silkgraph/init.silk (~/.config/silkgraph/init.silk), else ~/.silkrc: the
// statements a user wants before every interactive session, as DuckDB reads ~/.duckdbrc.
std::optional<std::string> StartupFile() {
  const char* config_home = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::vector<std::string> candidates;
  if (config_home != nullptr && *config_home != '\0') {
    candidates.push_back(std::string(config_home) + "/silkgraph/init.silk");
  } else if (home != nullptr) {
    candidates.push_back(std::string(home) + "/.config/silkgraph/init.silk");
  }
  if (home != nullptr) candidates.push_back(std::string(home) + "/.silkrc");
  for (const std::string& path : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return std::nullopt;
}

// Runs the start-up file: its failures are printed and skipped, so a stale line never keeps
// the shell from starting.
void RunStartupFile(repl::Session& session) {
  const std::optional<std::string> path = StartupFile();
  if (!path) return;
  std::ifstream in(*path, std::ios::binary);
  session.source = *path;
  // Each error in it is printed where it happens; the session starts regardless.
  static_cast<void>(repl::RunScript(session, in, {.keep_going = true}));
  session.source = "<input>";
}

int RunInteractive(repl::Session& session, const std::string& name) {
  // The user's character set, so that libedit edits UTF-8 (Cyrillic, Hangul) as characters.
  std::setlocale(LC_CTYPE, "");
  session.interactive = true;
  session.timer = true;
  session.color = std::getenv("NO_COLOR") == nullptr && ::isatty(STDOUT_FILENO);
  session.source = "<input>";
  repl::StoreIriSource iris(session.store);
  repl::HistoryFile history(repl::HistoryPath());
  repl::LineEditor editor(history.Load(), [&](std::string_view line, std::size_t cursor) {
    const repl::CompletionContext context{.prefixes = &session.prefixes, .iris = &iris};
    return repl::Complete(line, cursor, context);
  });
  repl::StatementSplitter splitter = repl::SessionSplitter(session);

  fmt::print("silk {} on {}. Type .help for help, Ctrl-D to leave.\n", SILK_VERSION, session.store.dir());
  RunStartupFile(session);
  const std::string prompt = name + "> ";
  // ASCII, so that libedit draws it in any locale.
  const std::string continuation = std::string(name.size() > 3 ? name.size() - 3 : 0, ' ') + "...> ";
  std::vector<std::string> typed;  // the lines of the statement being typed, for the history
  const auto forget_statement = [&] {
    splitter.Reset();
    typed.clear();
  };
  while (!session.quit) {
    // A Ctrl-C typed while the last line was being handled counts as typed at this prompt.
    if (interrupted.exchange(false)) forget_statement();
    std::optional<std::string> line = editor.ReadLine(splitter.pending() ? continuation : prompt);
    if (!line) {
      if (interrupted.exchange(false)) {  // Ctrl-C while editing: drop the statement
        fmt::print("^C\n");  // the next prompt on a line of its own, as in other shells
        std::fflush(stdout);
        forget_statement();
        continue;
      }
      fmt::print("\n");
      break;
    }
    interrupted.store(false);  // a Ctrl-C while typing is spent
    // Read now, not before the prompt: the terminal may have been resized while it waited.
    session.width = TerminalWidth();
    // A recalled multi-line entry arrives whole: its lines count as pasted, all at once.
    std::vector<std::string> lines;
    for (std::size_t start = 0;;) {
      const std::size_t end = line->find('\n', start);
      lines.push_back(line->substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    for (std::size_t i = 0; i < lines.size() && !session.quit; ++i) {
      typed.push_back(lines[i]);
      const bool more_waiting = i + 1 < lines.size() || repl::LineEditor::InputWaiting(kPasteGap);
      const std::vector<repl::Statement> statements = splitter.AddLine(lines[i], more_waiting);
      if (!splitter.pending()) {
        const std::string entry = repl::HistoryEntry(typed);
        if (editor.AddHistory(entry)) history.Append(entry);
        typed.clear();
      }
      for (repl::Statement statement : statements) {
        // At the prompt an error's line counts from the statement's first, as the user sees it.
        statement.line = 1;
        Status status = repl::RunInput(session, statement);
        if (!status.ok()) repl::PrintError(status);
        if (session.quit) break;
      }
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
  // Each statement reads the latest commit; only a writing one holds the write lock.
  Result<std::unique_ptr<LiveStore>> store = LiveStore::Open(invocation.db_dir);
  if (!store.ok()) {
    repl::PrintError(store.status());
    return ExitCodeFor(store.status());
  }
  repl::Session session(**store, interrupted);
  session.prefixes = ShellPrefixes();
  CatchInterrupts();

  if (interactive) return RunInteractive(session, StoreName(invocation.db_dir));
  // A script: results only, and the first failure ends it (unless --keep-going).
  session.source = invocation.Has("-f") ? invocation.Get("-f") : "<stdin>";
  Status status = repl::RunScript(session, invocation.Has("-f") ? static_cast<std::istream&>(file) : std::cin,
                                  {.keep_going = invocation.Has("--keep-going")});
  std::cout.flush();
  return status.ok() ? kExitOk : ExitCodeFor(status);
}

}  // namespace silk::shell
