#include "tests/shell/silk_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace silk::testing {
namespace {

// Single quotes keep every byte literal in sh, except the quote itself.
std::string ShellQuote(const std::string& word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

const char* SilkBinary() {
  const char* binary = std::getenv("SILK_BINARY");
  return binary == nullptr ? SILK_BINARY_PATH : binary;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("silk-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

namespace {

ProcessResult Run(const std::vector<std::string>& args, const std::string& input,
                  const std::string* out_path) {
  const char* binary = SilkBinary();
  TempDir io;
  WriteFile(io.Sub("in"), input);
  std::string command = ShellQuote(binary);
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  command += " <" + ShellQuote(io.Sub("in")) + " >" +
             ShellQuote(out_path != nullptr ? *out_path : io.Sub("out")) + " 2>" +
             ShellQuote(io.Sub("err"));
  const int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (out_path == nullptr) result.out = ReadFile(io.Sub("out"));
  result.err = ReadFile(io.Sub("err"));
  return result;
}

}  // namespace

ProcessResult RunSilk(const std::vector<std::string>& args, const std::string& input) {
  return Run(args, input, nullptr);
}

ProcessResult RunSilkTo(const std::vector<std::string>& args, const std::string& out_path,
                        const std::string& input) {
  return Run(args, input, &out_path);
}

int RunProgram(const std::vector<std::string>& words) {
  std::string command;
  for (const std::string& word : words) command += (command.empty() ? "" : " ") + ShellQuote(word);
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string FindOnPath(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + std::string(program);
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

pid_t StartSilk(const std::vector<std::string>& args, const std::string& err_path) {
  // Everything the child needs is prepared before fork: only async-signal-safe calls after it.
  const char* binary = SilkBinary();
  std::vector<std::string> words = args;
  words.insert(words.begin(), binary);
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const char* err = err_path.empty() ? "/dev/null" : err_path.c_str();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    const int err_fd = ::open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    ::execv(binary, argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace silk::testing
