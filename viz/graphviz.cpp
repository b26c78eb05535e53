#include "viz/graphviz.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace silk::viz {
namespace {

// Closes a file descriptor once.
struct Fd {
  int fd = -1;
  ~Fd() { Close(); }
  void Close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// While it lives, a write to a pipe whose reader has gone fails with EPIPE instead of killing
// the process with SIGPIPE; the signal such a write raised for this thread is taken back on
// the way out.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeBlock() {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe_, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

 private:
  sigset_t pipe_;
  sigset_t old_;
};

std::string Trimmed(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.pop_back();
  if (text.size() > 2000) text = text.substr(0, 2000) + "…";
  return text;
}

}  // namespace

std::optional<PictureFormat> FormatOfPath(std::string_view path) {
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return std::nullopt;
  std::string extension(path.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "dot" || extension == "gv") return PictureFormat::kDot;
  if (extension == "svg") return PictureFormat::kSvg;
  if (extension == "png") return PictureFormat::kPng;
  return std::nullopt;
}

std::string_view ExtensionOf(PictureFormat format) {
  switch (format) {
    case PictureFormat::kDot: return "dot";
    case PictureFormat::kSvg: return "svg";
    case PictureFormat::kPng: return "png";
  }
  return "dot";
}

Result<std::string> RenderWithGraphviz(std::string_view dot_text, PictureFormat format,
                                       const RenderLimits& limits) {
  const SigpipeBlock no_sigpipe;
  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) return Status::IOError(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  Fd in_read{in_pipe[0]}, in_write{in_pipe[1]};
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return Status::IOError(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  Fd out_read{out_pipe[0]}, out_write{out_pipe[1]};
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return Status::IOError(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  Fd err_read{err_pipe[0]}, err_write{err_pipe[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_read.fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write.fd, STDERR_FILENO);
  const std::string type = format == PictureFormat::kPng ? "-Tpng" : "-Tsvg";
  std::vector<char*> argv = {const_cast<char*>("dot"), const_cast<char*>(type.c_str()), nullptr};
  // Graphviz's restricted mode: with SERVER_NAME set (and no GV_FILE_PATH), it loads no file a
  // graph names (images, shape files).
  std::vector<std::string> env_strings = {"SERVER_NAME=silk"};
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("SERVER_NAME=") || entry.starts_with("GV_FILE_PATH=")) continue;
    env_strings.emplace_back(entry);
  }
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) {
    return Status::NotFound(fmt::format("Graphviz's dot is not installed: {}", kInstallGraphvizHint));
  }
  if (spawned != 0) return Status::IOError(fmt::format("cannot run Graphviz's dot: {}", std::strerror(spawned)));
  in_read.Close();
  out_write.Close();
  err_write.Close();
  ::fcntl(in_write.fd, F_SETFL, O_NONBLOCK);

  std::string picture;
  std::string errors;
  std::size_t written = 0;
  if (dot_text.empty()) in_write.Close();
  const auto deadline = std::chrono::steady_clock::now() + limits.timeout;
  std::optional<Status> failure;
  while (out_read.fd >= 0 || err_read.fd >= 0) {
    if (std::chrono::steady_clock::now() >= deadline || (limits.stop && limits.stop())) {
      failure = Status::Cancelled(fmt::format("Graphviz took longer than {} s to draw the picture",
                                              limits.timeout.count() / 1000.0));
      break;
    }
    std::vector<pollfd> fds;
    if (in_write.fd >= 0) fds.push_back({in_write.fd, POLLOUT, 0});
    if (out_read.fd >= 0) fds.push_back({out_read.fd, POLLIN, 0});
    if (err_read.fd >= 0) fds.push_back({err_read.fd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) {
      failure = Status::IOError(fmt::format("waiting for Graphviz failed: {}", std::strerror(errno)));
      break;
    }
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_write.fd) {
        const ssize_t n = ::write(in_write.fd, dot_text.data() + written, dot_text.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        // dot stopped reading (it failed): what it says on stderr tells why.
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == dot_text.size()) in_write.Close();
        continue;
      }
      char buffer[65536];
      const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      std::string& sink = p.fd == out_read.fd ? picture : errors;
      if (n <= 0) {
        (p.fd == out_read.fd ? out_read : err_read).Close();
        continue;
      }
      sink.append(buffer, static_cast<std::size_t>(n));
      if (picture.size() > limits.max_output) {
        failure = Status::IOError(fmt::format("the picture is larger than {} MiB", limits.max_output >> 20));
      }
      if (errors.size() > 65536) errors.resize(65536);
    }
    if (failure) break;
  }
  if (failure) ::kill(pid, SIGKILL);
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (failure) return *failure;
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    return Status::IOError(fmt::format("Graphviz's dot failed{}", errors.empty() ? "" : ": " + Trimmed(errors)));
  }
  return picture;
}

}  // namespace silk::viz
