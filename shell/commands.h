// The `silk` subcommands, one file each.
#pragma once

#include "engine/status.h"
#include "shell/command_line.h"

namespace silk::shell {

int RunLoad(const Invocation& invocation);
int RunDump(const Invocation& invocation);
int RunStats(const Invocation& invocation);
int RunCheck(const Invocation& invocation);
int RunBackup(const Invocation& invocation);
int RunQuery(const Invocation& invocation);
int RunFind(const Invocation& invocation);
int RunSearch(const Invocation& invocation);
int RunSchema(const Invocation& invocation);
int RunServe(const Invocation& invocation);
int RunViz(const Invocation& invocation);

// Prints `status` to stderr as the user should read it; returns its exit code.
// REQUIRES: !status.ok()
int ReportFailure(const Status& status);

}  // namespace silk::shell
