#include "shell/command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <span>

#include "shell/command_words.h"
#include "shell/exit_codes.h"
#include "shell/repl/repl.h"
#include "shell/store_location.h"

namespace silk::shell {
namespace {

constexpr std::string_view kDbHelp = "The store directory (default: $SILK_DB, else the user's data directory)";

int UsageError(const CommandSpec* command, const std::string& message) {
  fmt::print(stderr, "silk: {}\n", message);
  if (command != nullptr) {
    fmt::print(stderr, "Try 'silk {} --help'.\n", command->name);
  } else {
    fmt::print(stderr, "Try 'silk --help'.\n");
  }
  return kExitUsageError;
}

void PrintOption(std::string_view name, std::string_view value_name, std::string_view help) {
  fmt::print("{}", OptionHelpLine(name, value_name, help));
}

void PrintGeneralHelp() {
  fmt::print(
      "silk {}: SilkGraph, an embedded knowledge-graph store\n\n"
      "Usage: silk [--db DIR] COMMAND [OPTIONS] [ARGS]\n\nCommands:\n",
      SILK_VERSION);
  for (const CommandSpec& command : Commands()) {
    fmt::print("  {:<22} {}\n", command.name, command.summary);
  }
  fmt::print("\nOptions:\n");
  PrintOption("--db", "DIR", kDbHelp);
  PrintOption("--version", "", "Print the version and exit");
  PrintOption("-h, --help", "", "Show this help; 'silk COMMAND --help' for one command");
  fmt::print(
      "\nExit codes: 0 success, 1 data or query error, 2 usage error, 3 storage error.\n"
      "The default store is {}\n",
      DefaultStoreDir());
}

void PrintCommandHelp(const CommandSpec& command) {
  fmt::print("Usage: silk [--db DIR] {} {}\n\n{}\n\n", command.name, command.usage,
             command.summary);
  if (!command.details.empty()) fmt::print("{}\n", command.details);
  fmt::print("Options:\n");
  for (const OptionSpec& option : command.options) {
    PrintOption(option.name, option.value_name, option.help);
  }
  PrintOption("--db", "DIR", kDbHelp);
  PrintOption("-h, --help", "", "Show this help");
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const CommandSpec& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

// The command a mistyped name most likely meant, or "" when none is close.
std::string_view Closest(std::string_view typed) {
  std::string_view best;
  std::size_t best_distance = 3;  // more than two edits away is no suggestion
  for (const CommandSpec& command : Commands()) {
    const std::string_view name = command.name;
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(name.size() + 1);
    for (std::size_t j = 0; j <= name.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= typed.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= name.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                           diagonal + (typed[i - 1] == name[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row[name.size()] < best_distance) {
      best_distance = row[name.size()];
      best = name;
    }
  }
  return best;
}

}  // namespace

int RunCommandLine(int argc, char** argv) {
  const std::vector<std::string_view> words(argv + 1, argv + argc);
  // The command's name is the first word that is neither an option nor the value of --db;
  // before it come only the options of `silk` itself.
  std::size_t at = 0;
  for (; at < words.size(); ++at) {
    const std::string_view word = words[at];
    if (word.size() < 2 || word[0] != '-') break;
    if (word == "--db") ++at;  // its value
  }
  at = std::min(at, words.size());
  const std::span<const std::string_view> all(words);

  static const CommandSpec kSilk{
      .options = {{"--db", "DIR", kDbHelp}, {"--version", "", "Print the version and exit"}}};
  Invocation invocation;
  // --db is the store's, not an option of the command: it moves to db_dir.
  const auto take_db = [&invocation] {
    if (auto db = invocation.options.find("--db"); db != invocation.options.end()) {
      invocation.db_dir = db->second;
      invocation.options.erase(db);
    }
  };
  if (Status read = ReadCommandWords(kSilk, all.first(at), {}, invocation); !read.ok()) {
    return UsageError(nullptr, read.message());
  }
  take_db();
  if (invocation.Has("--version")) {
    fmt::print("silk {}\n", SILK_VERSION);
    return kExitOk;
  }
  if (at == words.size()) {
    if (invocation.help) {
      PrintGeneralHelp();
      return kExitOk;
    }
    return RunShell(invocation);  // `silk` alone: the shell (or a script from standard input)
  }

  const CommandSpec* command = FindCommand(words[at]);
  if (command == nullptr) {
    const std::string_view guess = Closest(words[at]);
    return UsageError(nullptr, guess.empty()
                                   ? fmt::format("unknown command '{}'", words[at])
                                   : fmt::format("unknown command '{}' (did you mean '{}'?)",
                                                 words[at], guess));
  }
  // --db may come after the command's name too.
  const OptionSpec db[] = {kSilk.options.front()};
  if (Status read = ReadCommandWords(*command, all.subspan(at + 1), db, invocation); !read.ok()) {
    return UsageError(command, read.message());
  }
  take_db();
  if (invocation.help) {
    PrintCommandHelp(*command);
    return kExitOk;
  }
  return command->run(invocation);
}

}  // namespace silk::shell
