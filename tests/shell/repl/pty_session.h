// The real `silk` on a pseudo-terminal, typed at as a person would: keys in, screen text out.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace silk::testing {

class PtySession {
 public:
  // Starts `silk ARGS…` on a new terminal of `columns` × 40 with exactly `env` as its
  // environment (so the test never reads or writes the user's own files).
  PtySession(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
             int columns = 100);
  ~PtySession();  // kills the program if it still runs
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  void Type(std::string_view keys);
  // Reads until `text` appears after what earlier waits consumed; true when it did in time.
  bool WaitFor(std::string_view text, std::chrono::milliseconds timeout = std::chrono::seconds(15));
  // WaitFor(prompt), then waits until the line editor reads the terminal (raw mode), as a
  // person does by looking at the prompt: keys typed ahead while the terminal switches mode
  // may be lost, by the terminal rather than by the program.
  bool WaitForPrompt(std::string_view prompt,
                     std::chrono::milliseconds timeout = std::chrono::seconds(15));
  // Waits for the program to end; its exit code, or -1 if it did not end in time.
  int WaitForExit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Everything the program wrote since it started.
  const std::string& screen() const { return output_; }

 private:
  void ReadAvailable(std::chrono::milliseconds wait);

  pid_t pid_ = -1;
  int master_ = -1;
  std::string output_;
  std::size_t consumed_ = 0;
};

}  // namespace silk::testing
