#include "shell/repl/load_dot_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shell/command_words.h"
#include "shell/repl/statement_runner.h"

namespace silk::shell::repl {

Result<std::vector<std::string>> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (quote == '"' && c == '\\' && i + 1 < text.size() &&
                 (text[i + 1] == '"' || text[i + 1] == '\\')) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      in_word = true;
      if (c == '\'' || c == '"') {
        quote = c;
      } else {
        word += c;
      }
    }
  }
  if (quote != 0) return Status::InvalidArgument(fmt::format("the quote {} is not closed", quote));
  if (in_word) words.push_back(std::move(word));
  return words;
}

namespace {

const CommandSpec& LoadDotCommand() {
  static const CommandSpec kCommand =
      LoadCommand(".load", "Load RDF files into the store, in one transaction, as silk load does");
  return kCommand;
}

void PrintHelp(Session& session) {
  const CommandSpec& command = LoadDotCommand();
  std::ostream& out = session.out();
  out << fmt::format("Usage: {} {}\n\n{}\n\n{}\nOptions:\n", command.name, command.usage,
                     command.summary, command.details);
  for (const OptionSpec& option : command.options) {
    out << OptionHelpLine(option.name, option.value_name, option.help);
  }
}

}  // namespace

Status RunLoadDotCommand(Session& session, std::string_view arg) {
  Result<std::vector<std::string>> words = SplitWords(arg);
  if (!words.ok()) return words.status();
  const std::vector<std::string_view> views(words->begin(), words->end());
  Invocation invocation;
  SILK_RETURN_IF_ERROR(ReadCommandWords(LoadDotCommand(), views, {}, invocation));
  if (invocation.help) {
    PrintHelp(session);
    return Status::Ok();
  }
  if (std::find(invocation.args.begin(), invocation.args.end(), "-") != invocation.args.end()) {
    return Status::InvalidArgument(
        ".load cannot read standard input: the shell reads its statements from there (pipe the "
        "data to silk load - instead)");
  }
  if (session.store.read_only()) {
    return Status::Busy("the store is open read-only (another process is writing to it), so nothing can be loaded");
  }
  Result<LoadRequest> request = MakeLoadRequest(invocation, session.store.dir());
  if (!request.ok()) return request.status();
  // A bar only where someone watches.
  request->show_progress =
      request->show_progress || (session.interactive && ::isatty(STDERR_FILENO) == 1);

  LoadOutcome outcome;
  if (Status status = RunLoadRequest(session.store, *request, outcome); !status.ok()) {
    PrintError(status);
    PrintWhereLoadStopped(outcome);
    return NothingLoaded(status);
  }
  // In the shell standard output is for query results: the summary is a note.
  PrintLoadSummary(*request, outcome, stderr);
  return Status::Ok();
}

}  // namespace silk::shell::repl
