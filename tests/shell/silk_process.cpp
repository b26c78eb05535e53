#include "tests/shell/silk_process.h"

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

ProcessResult RunSilk(const std::vector<std::string>& args, const std::string& input) {
  const char* binary = std::getenv("SILK_BINARY");
  if (binary == nullptr) binary = SILK_BINARY_PATH;
  TempDir io;
  WriteFile(io.Sub("in"), input);
  std::string command = ShellQuote(binary);
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  command += " <" + ShellQuote(io.Sub("in")) + " >" + ShellQuote(io.Sub("out")) + " 2>" +
             ShellQuote(io.Sub("err"));
  const int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(io.Sub("out"));
  result.err = ReadFile(io.Sub("err"));
  return result;
}

}  // namespace silk::testing
