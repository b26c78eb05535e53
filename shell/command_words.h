// Reading the words that follow a command's name: its options, checked against its table, and
// its arguments. The command line (`silk load …`) and the shell's dot-commands that take the
// same options (`.load …`) both read their words here, so they accept the same words and say
// the same when they cannot.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "shell/command_line.h"

namespace silk::shell {

// Reads `words` into `invocation`: `--name VALUE` and `--name=VALUE` for an option with a
// value, `--name` for a flag, `-h` or `--help` (invocation.help), `--` before arguments that
// start with '-', and arguments ('-' alone is one), whose number must suit `command`'s
// min_args and max_args unless help was asked for. `extra` lists options taken besides the
// command's own (the command line's --db).
// Errors: kInvalidArgument, with a message that names the command.
Status ReadCommandWords(const CommandSpec& command, std::span<const std::string_view> words,
                        std::span<const OptionSpec> extra, Invocation& invocation);

// One line of a help text's list of options: "  --graph IRI            Put statements …\n".
std::string OptionHelpLine(std::string_view name, std::string_view value_name,
                           std::string_view help);

}  // namespace silk::shell
