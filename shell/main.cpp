// silk: the SilkGraph command line.
#include <cerrno>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <system_error>

#include "shell/command_line.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/output_check.h"

namespace {

// The last net under every command, so that nothing ends in an abort and a C++ type name.
// fmt::print throws std::system_error ("cannot write to file: …") when the C library refuses
// a write (a full disk, a failing one); the commands report failed output themselves wherever
// the amount written is large, and this catches the rest.
int RunGuarded(int argc, char** argv) {
  try {
    return silk::shell::RunCommandLine(argc, argv);
  } catch (const std::system_error& error) {
    if (std::string_view(error.what()).starts_with("cannot write to file")) {
      return silk::shell::ReportFailure(silk::shell::OutputError(error.code().value()));
    }
    return silk::shell::ReportFailure(silk::Status::IOError(error.what()));
  } catch (const std::bad_alloc&) {
    return silk::shell::ReportFailure(silk::Status::IOError("out of memory"));
  } catch (const std::exception& error) {
    return silk::shell::ReportFailure(
        silk::Status::IOError(std::string("internal error: ") + error.what()));
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
