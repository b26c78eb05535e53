// silk: the SilkGraph command line.
#include "shell/command_line.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/output_check.h"

int main(int argc, char** argv) {
  const int code = silk::shell::RunCommandLine(argc, argv);
  // Whatever the command, its output must have arrived whole: the last buffer is written
  // only now, and a full disk may say so only now.
  const silk::Status closed = silk::shell::CloseStdout();
  if (code == silk::shell::kExitOk && !closed.ok()) return silk::shell::ReportFailure(closed);
  return code;
}
