// --timeout SECONDS and --memory SIZE: the limits of a query, as `silk query` and `silk serve`
// read them.
#pragma once

#include "engine/query/exec_context.h"
#include "engine/status.h"
#include "shell/command_line.h"

namespace silk::shell {

// Sets limits.timeout from --timeout and limits.memory_limit from --memory, where given;
// leaves the rest of `limits` as it is.
// Errors: kInvalidArgument, in words, for a value that is not a number of seconds or a size
// of at least 1M.
Status ReadLimitOptions(const Invocation& invocation, query::QueryLimits& limits);

}  // namespace silk::shell
