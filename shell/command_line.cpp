#include "shell/command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

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
  const std::string left =
      value_name.empty() ? std::string(name) : fmt::format("{} {}", name, value_name);
  fmt::print("  {:<22} {}\n", left, help);
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

const OptionSpec* FindOption(const CommandSpec& command, std::string_view name) {
  for (const OptionSpec& option : command.options) {
    if (option.name == name) return &option;
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
  Invocation invocation;
  const CommandSpec* command = nullptr;
  bool help = false;
  bool only_args = false;  // after "--"

  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    const bool is_option = !only_args && word.size() > 1 && word[0] == '-';
    if (!is_option) {
      if (command == nullptr) {
        command = FindCommand(word);
        if (command == nullptr) {
          const std::string_view guess = Closest(word);
          return UsageError(nullptr, guess.empty()
                                         ? fmt::format("unknown command '{}'", word)
                                         : fmt::format("unknown command '{}' (did you mean '{}'?)",
                                                       word, guess));
        }
      } else {
        invocation.args.emplace_back(word);
      }
      continue;
    }
    if (word == "--") {
      only_args = true;
      continue;
    }
    if (word == "-h" || word == "--help") {
      help = true;
      continue;
    }
    if (word == "--version" && command == nullptr) {
      fmt::print("silk {}\n", SILK_VERSION);
      return kExitOk;
    }
    // "--name=value" and "--name value" are the same.
    std::string_view name = word;
    std::optional<std::string_view> inline_value;
    if (const auto eq = word.find('='); eq != std::string_view::npos && word.starts_with("--")) {
      name = word.substr(0, eq);
      inline_value = word.substr(eq + 1);
    }
    std::string_view value_name;
    if (name == "--db") {
      value_name = "DIR";
    } else if (const OptionSpec* option = command ? FindOption(*command, name) : nullptr) {
      value_name = option->value_name;
    } else {
      return UsageError(command, command != nullptr
                                     ? fmt::format("unknown option '{}' for '{}'", name,
                                                   command->name)
                                     : fmt::format("unknown option '{}'", name));
    }
    std::string value;
    if (value_name.empty()) {
      if (inline_value) return UsageError(command, fmt::format("{} takes no value", name));
    } else if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < words.size()) {
      value = words[++i];
    } else {
      return UsageError(command, fmt::format("{} needs a value ({})", name, value_name));
    }
    if (name == "--db") {
      invocation.db_dir = value;
    } else {
      invocation.options[std::string(name)] = value;
    }
  }

  if (command == nullptr) {
    if (help) {
      PrintGeneralHelp();
      return kExitOk;
    }
    return RunShell(invocation);  // `silk` alone: the shell (or a script from standard input)
  }
  if (help) {
    PrintCommandHelp(*command);
    return kExitOk;
  }
  if (invocation.args.size() < command->min_args) {
    return UsageError(command, fmt::format("'{}' needs {}", command->name, command->usage));
  }
  if (command->max_args && invocation.args.size() > *command->max_args) {
    return UsageError(command, fmt::format("unexpected argument '{}'",
                                           invocation.args[*command->max_args]));
  }
  return command->run(invocation);
}

}  // namespace silk::shell
