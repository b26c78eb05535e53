#include "tests/shell/repl/tmux_session.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <thread>

namespace silk::testing {
namespace {

constexpr std::chrono::milliseconds kPollInterval{50};
constexpr std::string_view kTarget = "silk";  // the one session, by name

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Whether process `pid` still runs: a zombie has ended, whether or not anyone reaps it.
bool Running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const std::size_t state = line.rfind(") ");
  return state != std::string::npos && state + 2 < line.size() && line[state + 2] != 'Z';
}

::testing::AssertionResult TimedOut(std::string_view what, std::chrono::milliseconds timeout,
                                    const std::string& screen) {
  return ::testing::AssertionFailure() << what << " did not happen within " << timeout.count()
                                       << " ms; the screen:\n"
                                       << screen;
}

}  // namespace

std::string TmuxSession::FindTmux() { return FindOnPath("tmux"); }

TmuxSession::TmuxSession(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env, int columns, int rows)
    : tmux_(FindTmux()) {
  // In the session's own directory, so that nothing is left behind when it is removed.
  socket_ = files_.Sub("tmux.socket");
  for (const auto& [name, value] : env) {
    if (name != "TERM") env_.push_back(name + "=" + value);
  }
  // Options before the session exists, so they hold from the program's first byte: a dead
  // program's window stays (for its exit code), and the scrollback keeps every line.
  std::vector<std::string> start = {"start-server", ";",
                                    "set-option", "-g", "remain-on-exit", "on", ";",
                                    "set-option", "-g", "history-limit", "100000", ";",
                                    "set-option", "-g", "default-terminal", "tmux-256color", ";",
                                    "new-session", "-d", "-s", std::string(kTarget),
                                    "-x", std::to_string(columns), "-y", std::to_string(rows),
                                    "--", SilkBinary()};
  start.insert(start.end(), args.begin(), args.end());
  TmuxOrFail(start);
}

TmuxSession::~TmuxSession() {
  const Output pane = Tmux({"display-message", "-p", "-t", std::string(kTarget), "#{pane_dead} #{pane_pid}"});
  Tmux({"kill-server"});
  // The server hangs up on the program; wait for it to go so that its store is closed
  // before the test's directory is removed.
  if (pane.exit_code != 0 || !pane.text.starts_with("0 ")) return;
  const pid_t pid = static_cast<pid_t>(std::atol(pane.text.c_str() + 2));
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (pid > 0 && Running(pid)) {
    if (Clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TmuxSession::Output TmuxSession::Tmux(const std::vector<std::string>& args) const {
  std::vector<std::string> words = {tmux_, "-u", "-S", socket_, "-f", "/dev/null"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = env_;
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  Output output;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return output;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  pid_t pid = -1;
  const int spawned = ::posix_spawn(&pid, tmux_.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    output.text = "cannot start " + tmux_;
    return output;
  }
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0) {
      output.text.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

std::string TmuxSession::TmuxOrFail(const std::vector<std::string>& args) const {
  Output output = Tmux(args);
  if (output.exit_code != 0) {
    std::string command = "tmux";
    for (const std::string& arg : args) command += " " + arg;
    ADD_FAILURE() << command << " failed (exit " << output.exit_code << "): " << output.text;
  }
  return std::move(output.text);
}

std::string TmuxSession::Display(std::string_view format) const {
  return Trimmed(TmuxOrFail({"display-message", "-p", "-t", std::string(kTarget), std::string(format)}));
}

void TmuxSession::Type(std::string_view text) {
  TmuxOrFail({"send-keys", "-t", std::string(kTarget), "-l", "--", std::string(text)});
}

void TmuxSession::TypeLine(std::string_view line) {
  TmuxOrFail({"send-keys", "-t", std::string(kTarget), "-l", "--", std::string(line), ";",
              "send-keys", "-t", std::string(kTarget), "Enter"});
}

void TmuxSession::Press(std::string_view key) {
  TmuxOrFail({"send-keys", "-t", std::string(kTarget), std::string(key)});
}

void TmuxSession::Paste(std::string_view text) {
  static std::atomic<int> counter{0};
  const std::string path = files_.Sub("paste-" + std::to_string(counter++));
  WriteFile(path, std::string(text));
  // Without -r, paste-buffer turns each line feed into a carriage return: the Enter key.
  TmuxOrFail({"load-buffer", "-b", "paste", path, ";",
              "paste-buffer", "-d", "-b", "paste", "-t", std::string(kTarget)});
}

::testing::AssertionResult TmuxSession::Resize(int columns, int rows,
                                               std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  TmuxOrFail({"resize-window", "-t", std::string(kTarget), "-x", std::to_string(columns), "-y",
              std::to_string(rows)});
  // tmux tells the terminal after the command returns.
  return WaitForTerminal("the terminal's resize", deadline, [&](int fd) {
    winsize size{};
    return ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col == columns && size.ws_row == rows;
  });
}

std::string TmuxSession::Screen() const {
  std::string screen = TmuxOrFail({"capture-pane", "-p", "-J", "-S", "-", "-t", std::string(kTarget)});
  // Without the empty rows below the cursor.
  while (screen.ends_with("\n\n")) screen.pop_back();
  return screen;
}

pid_t TmuxSession::ProgramPid() const {
  return static_cast<pid_t>(std::atol(Display("#{pane_pid}").c_str()));
}

::testing::AssertionResult TmuxSession::WaitFor(std::string_view text,
                                                std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    const std::string screen = Screen();
    const std::size_t at = consumed_ < screen.size() ? screen.find(text, consumed_) : std::string::npos;
    if (at != std::string::npos) {
      passed_ = screen.substr(consumed_, at + text.size() - consumed_);
      consumed_ = at + text.size();
      return ::testing::AssertionSuccess();
    }
    if (Clock::now() >= deadline) {
      return TimedOut("\"" + std::string(text) + "\" appearing", timeout, screen);
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

::testing::AssertionResult TmuxSession::WaitForPrompt(std::string_view prompt,
                                                      std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  if (::testing::AssertionResult shown = WaitFor("\n" + std::string(prompt), timeout); !shown) {
    return shown;
  }
  // Line mode off means the editor reads keys one by one.
  return WaitForTerminal("the line editor reading keys", deadline, [](int fd) {
    termios modes{};
    return ::tcgetattr(fd, &modes) == 0 && (modes.c_lflag & ICANON) == 0;
  });
}

::testing::AssertionResult TmuxSession::WaitForTerminal(
    std::string_view what, Clock::time_point deadline, const std::function<bool(int fd)>& check) {
  const std::string tty = Display("#{pane_tty}");
  while (true) {
    // Opened for each look, never held: tmux notices the program's end when the last
    // holder of its terminal closes it.
    const int fd = ::open(tty.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    const bool done = fd >= 0 && check(fd);
    if (fd >= 0) ::close(fd);
    if (done) return ::testing::AssertionSuccess();
    if (Clock::now() >= deadline) {
      return ::testing::AssertionFailure() << what << " did not happen in time; the screen:\n" << Screen();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

::testing::AssertionResult TmuxSession::WaitForCursorLine(std::string_view text,
                                                          std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    const std::string y = Display("#{cursor_y}");
    const std::string line =
        TmuxOrFail({"capture-pane", "-p", "-J", "-S", y, "-E", y, "-t", std::string(kTarget)});
    if (line.find(text) != std::string::npos) return ::testing::AssertionSuccess();
    if (Clock::now() >= deadline) {
      return TimedOut("\"" + std::string(text) + "\" on the cursor's line", timeout, Screen());
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

int TmuxSession::WaitForExit(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const pid_t server = static_cast<pid_t>(std::atol(Display("#{pid}").c_str()));
  while (true) {
    // "1:CODE:" once it has ended, "1::SIGNAL" when a signal killed it.
    const std::string dead = Display("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}");
    if (dead.starts_with("1:") && dead != "1::") {
      const std::size_t signal_at = dead.find(':', 2) + 1;
      return signal_at < dead.size() ? 128 + std::atoi(dead.c_str() + signal_at) : std::atoi(dead.c_str() + 2);
    }
    // "1::": tmux saw the terminal close, but not yet the program's end. It may never: with
    // libutempter (Debian's tmux) a SIGCHLD that comes while utempter's own handler is in is
    // lost (tmux issues 311 and 4559), and the program stays a zombie. Remind the server.
    if (dead == "1::" && server > 0) ::kill(server, SIGCHLD);
    if (Clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace silk::testing
