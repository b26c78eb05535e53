// The shell's dot-commands: `.help`, `.load FILE`, `.mode`, `.why`… One line each.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

struct DotCommandInfo {
  std::string_view name;  // ".load"
  std::string_view args;  // "FILE [GRAPH]"
  std::string_view help;  // one line for `.help`
};

// Every dot-command, in the order `.help` lists them.
const std::vector<DotCommandInfo>& DotCommands();

// "usage: .NAME ARGS" for a command used wrongly (kInvalidArgument).
Status DotUsage(std::string_view name);

// "name rest of the line" split at the first space, both trimmed.
std::pair<std::string_view, std::string_view> SplitFirstWord(std::string_view text);

// Runs `line`, which starts with '.'. Errors: an unknown command or wrong arguments
// (kInvalidArgument), and whatever the command itself meets.
Status RunDotCommand(Session& session, std::string_view line);

}  // namespace silk::shell::repl
