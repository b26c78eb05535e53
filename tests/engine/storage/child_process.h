// Runs the storage_test_child helper as a separate process (fork + exec, so the child starts
// with a clean RocksDB and no threads inherited from the test).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace silk::storage::testing {

class ChildProcess {
 public:
  // Starts the helper with `args`; its stdout is readable through ReadLine().
  explicit ChildProcess(const std::vector<std::string>& args);
  ~ChildProcess();  // kills the child if it still runs
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }
  // The next line of output without its newline; false at end of output.
  bool ReadLine(std::string* line);
  void Kill();
  // Waits for the child; its exit code, or -signal when a signal ended it.
  int Wait();

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string buffer_;
  bool waited_ = false;
  int result_ = 0;
};

}  // namespace silk::storage::testing
