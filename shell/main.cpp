// silk: the SilkGraph command line.
#include <cerrno>
#include <new>
#include <system_error>

#include "shell/command_line.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/output_check.h"

namespace {

// The last net under every command. fmt::print throws std::system_error when the C library
// refuses a write (a full disk, a failing one); the commands report failed output themselves
// wherever the amount written is large, and this catches the rest instead of aborting.
int RunGuarded(int argc, char** argv) {
  try {
    return silk::shell::RunCommandLine(argc, argv);
  } catch (const std::system_error& error) {
    return silk::shell::ReportFailure(silk::shell::OutputError(error.code().value()));
  } catch (const std::bad_alloc&) {
    return silk::shell::ReportFailure(silk::Status::IOError("out of memory"));
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int code = RunGuarded(argc, argv);
  // Whatever the command, its output must have arrived whole: the last buffer is written
  // only now, and a full disk may say so only now.
  const silk::Status closed = silk::shell::CloseStdout();
  if (code == silk::shell::kExitOk && !closed.ok()) return silk::shell::ReportFailure(closed);
  return code;
}
