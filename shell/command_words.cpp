#include "shell/command_words.h"

#include <fmt/format.h>

#include <optional>
#include <string>

namespace silk::shell {
namespace {

const OptionSpec* FindOption(std::span<const OptionSpec> options, std::string_view name) {
  for (const OptionSpec& option : options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

// " for 'load'", or nothing for the words before any command.
std::string ForCommand(const CommandSpec& command) {
  return command.name.empty() ? std::string() : fmt::format(" for '{}'", command.name);
}

}  // namespace

Status ReadCommandWords(const CommandSpec& command, std::span<const std::string_view> words,
                        std::span<const OptionSpec> extra, Invocation& invocation) {
  bool only_args = false;  // after "--"
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    if (only_args || word.size() < 2 || word[0] != '-') {
      invocation.args.emplace_back(word);
      continue;
    }
    if (word == "--") {
      only_args = true;
      continue;
    }
    if (word == "-h" || word == "--help") {
      invocation.help = true;
      continue;
    }
    // "--name=value" and "--name value" are the same.
    std::string_view name = word;
    std::optional<std::string_view> inline_value;
    if (const auto eq = word.find('='); eq != std::string_view::npos && word.starts_with("--")) {
      name = word.substr(0, eq);
      inline_value = word.substr(eq + 1);
    }
    const OptionSpec* option = FindOption(command.options, name);
    if (option == nullptr) option = FindOption(extra, name);
    if (option == nullptr) {
      return Status::InvalidArgument(
          fmt::format("unknown option '{}'{}", name, ForCommand(command)));
    }
    std::string value;
    if (option->value_name.empty()) {
      if (inline_value) return Status::InvalidArgument(fmt::format("{} takes no value", name));
    } else if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < words.size()) {
      value = words[++i];
    } else {
      return Status::InvalidArgument(
          fmt::format("{} needs a value ({})", name, option->value_name));
    }
    invocation.options[std::string(name)] = std::move(value);
  }
  if (invocation.help) return Status::Ok();
  if (invocation.args.size() < command.min_args) {
    return Status::InvalidArgument(fmt::format("'{}' needs {}", command.name, command.usage));
  }
  if (command.max_args && invocation.args.size() > *command.max_args) {
    return Status::InvalidArgument(
        fmt::format("unexpected argument '{}'", invocation.args[*command.max_args]));
  }
  return Status::Ok();
}

std::string OptionHelpLine(std::string_view name, std::string_view value_name,
                           std::string_view help) {
  const std::string left =
      value_name.empty() ? std::string(name) : fmt::format("{} {}", name, value_name);
  return fmt::format("  {:<22} {}\n", left, help);
}

}  // namespace silk::shell
