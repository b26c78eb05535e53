// The shell's dot-commands: `.help`, `.load FILE`, `.mode`, `.why`… One line each.
#pragma once

#include <string_view>
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

// Runs `line`, which starts with '.'. Errors: an unknown command or wrong arguments
// (kInvalidArgument), and whatever the command itself meets.
Status RunDotCommand(Session& session, std::string_view line);

}  // namespace silk::shell::repl
