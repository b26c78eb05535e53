// The real `silk` in a terminal of tmux's, used as a person uses it: keys typed, text pasted,
// the window resized, and the screen (with all its scrollback) read back.
//
// Each session has a tmux server of its own (its socket in a temporary directory, no
// configuration file), so tests never touch a user's tmux. Waits poll the screen until a deadline: no test sleeps to
// let the program catch up.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {

class TmuxSession {
 public:
  using Clock = std::chrono::steady_clock;

  // The tmux program on $PATH, or empty when there is none (tests then skip).
  static std::string FindTmux();

  // Starts `silk ARGS…` in a window of `columns` × `rows`, with exactly `env` as its
  // environment but for TERM, which is tmux-256color (the terminal tmux is).
  // REQUIRES: FindTmux() is not empty.
  TmuxSession(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              int columns = 100, int rows = 40);
  ~TmuxSession();  // ends the tmux server and the program in it
  TmuxSession(const TmuxSession&) = delete;
  TmuxSession& operator=(const TmuxSession&) = delete;

  // Types `text` as keys, byte for byte.
  void Type(std::string_view text);
  // Types `line`, then Enter, in one go.
  void TypeLine(std::string_view line);
  // Presses one key by tmux's name for it: "Enter", "C-c", "C-d", "Up".
  void Press(std::string_view key);
  // Pastes `text` all at once, as a terminal does: each line break arrives as Enter.
  void Paste(std::string_view text);
  // Resizes the window, and waits until the program's terminal has the new size.
  ::testing::AssertionResult Resize(int columns, int rows,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // The whole screen and its scrollback, wrapped lines joined.
  std::string Screen() const;
  // The process id of the program in the window.
  pid_t ProgramPid() const;

  // Waits for `text` to appear after what earlier waits matched. On success, Passed() is the
  // screen from there up to the end of `text`; on failure the message shows the screen.
  ::testing::AssertionResult WaitFor(std::string_view text,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(15));
  // Waits for `prompt` at the start of a line, then until the line editor reads keys one by
  // one (the terminal out of line mode), as a person looks at the prompt before typing.
  ::testing::AssertionResult WaitForPrompt(
      std::string_view prompt, std::chrono::milliseconds timeout = std::chrono::seconds(15));
  // Waits until the line the cursor is on holds `text` (a line redrawn in place, such as a
  // recalled history entry).
  ::testing::AssertionResult WaitForCursorLine(
      std::string_view text, std::chrono::milliseconds timeout = std::chrono::seconds(15));
  // Waits for the program to end; its exit code (128 + N for signal N, as shells say), or -1
  // if it did not end in time.
  int WaitForExit(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  const std::string& Passed() const { return passed_; }

 private:
  struct Output {
    int exit_code = -1;
    std::string text;  // standard output and standard error
  };
  // Runs `tmux -S SOCKET ARGS…`; a ";" argument separates tmux commands.
  Output Tmux(const std::vector<std::string>& args) const;
  // Runs tmux, and fails the test when tmux fails.
  std::string TmuxOrFail(const std::vector<std::string>& args) const;
  std::string Display(std::string_view format) const;
  // Polls `check` on the program's terminal until it holds or the deadline passes.
  ::testing::AssertionResult WaitForTerminal(std::string_view what, Clock::time_point deadline,
                                             const std::function<bool(int fd)>& check);

  std::string tmux_;
  TempDir files_;  // the server's socket, and what Paste loads into tmux
  std::string socket_;
  std::vector<std::string> env_;  // NAME=VALUE
  std::size_t consumed_ = 0;      // where in Screen() the next WaitFor starts
  std::string passed_;
};

}  // namespace silk::testing
