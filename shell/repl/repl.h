// `silk shell` (and `silk` with no command): the interactive shell on a terminal, or a script
// runner when standard input is not one (or with -f FILE).
#pragma once

#include "shell/command_line.h"

namespace silk::shell {

int RunShell(const Invocation& invocation);

}  // namespace silk::shell
