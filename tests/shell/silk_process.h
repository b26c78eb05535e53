// Runs the real `silk` binary, as a user's shell would, and captures what it prints.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace silk::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// The binary this build made, or $SILK_BINARY.
const char* SilkBinary();

// Runs `silk ARGS…` with `input` on standard input: the binary this build made, or
// $SILK_BINARY.
ProcessResult RunSilk(const std::vector<std::string>& args, const std::string& input = "");

// Like RunSilk, with standard output going to `out_path` (a file, or a device such as
// /dev/full) instead of being captured: result.out stays empty.
ProcessResult RunSilkTo(const std::vector<std::string>& args, const std::string& out_path,
                        const std::string& input = "");

// Starts `silk ARGS…` in the background, with no input, standard output discarded and
// standard error written to `err_path` (discarded when empty), and returns its process id;
// the caller must reap it (waitpid), after killing it or not.
pid_t StartSilk(const std::vector<std::string>& args, const std::string& err_path = "");

// Runs a program (found on $PATH) with its arguments, output discarded; its exit code.
int RunProgram(const std::vector<std::string>& words);

// The full path of `program` on $PATH, or empty when it is not there.
std::string FindOnPath(std::string_view program);

// A fresh directory under the system's temporary directory, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string Sub(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

}  // namespace silk::testing
