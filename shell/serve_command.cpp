// silk serve: the store as a SPARQL 1.1 Protocol endpoint (server/), until SIGTERM or Ctrl-C.
#include <fmt/format.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "server/access_policy.h"
#include "server/http_server.h"
#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/limit_options.h"
#include "shell/live_store.h"
#include "shell/store_location.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

// "127.0.0.1:7878", "[::1]:7878", "0.0.0.0:80", "localhost:0" → host and port.
Status ReadBind(const std::string& text, server::ServerOptions& options) {
  const std::size_t colon = text.rfind(':');
  const std::string usage = fmt::format(
      "--bind takes HOST:PORT, such as 127.0.0.1:7878 or [::1]:7878 (port 0: any free port), "
      "not '{}'",
      text);
  if (colon == std::string::npos || colon == 0) return Status::InvalidArgument(usage);
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535 || host.empty()) {
    return Status::InvalidArgument(usage);
  }
  options.host = host;
  options.port = std::stoi(port);
  return Status::Ok();
}

// The token of --token-file: the file's first line, which must not be empty.
Status ReadToken(const std::string& path, server::ServerOptions& options) {
  std::ifstream in(path);
  if (!in) {
    return Status::InvalidArgument(
        fmt::format("cannot open the token file '{}': {}", path, std::strerror(errno)));
  }
  std::string token;
  std::getline(in, token);
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.empty() || token.find_first_of(" \t") != std::string::npos) {
    return Status::InvalidArgument(fmt::format(
        "the token file '{}' must hold the token on its first line, without spaces", path));
  }
  // Others who can read the token can write to the store: say so.
  if (struct stat info {}; ::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
    fmt::print(stderr, "silk: warning: others can read the token file {} (chmod 600 it)\n", path);
  }
  options.token = std::move(token);
  return Status::Ok();
}

Status ReadServeOptions(const Invocation& invocation, server::ServerOptions& options) {
  if (invocation.Has("--bind")) SILK_RETURN_IF_ERROR(ReadBind(invocation.Get("--bind"), options));
  options.updates = invocation.Has("--updates");
  options.read_only = invocation.Has("--readonly");
  if (options.updates && options.read_only) {
    return Status::InvalidArgument("--updates and --readonly contradict each other; give one");
  }
  if (invocation.Has("--token-file")) {
    if (!options.updates) {
      return Status::InvalidArgument("--token-file is for updates from other machines; add --updates");
    }
    SILK_RETURN_IF_ERROR(ReadToken(invocation.Get("--token-file"), options));
  }
  query::QueryLimits limits;
  limits.timeout = options.query_timeout;
  limits.memory_limit = options.query_memory;
  SILK_RETURN_IF_ERROR(ReadLimitOptions(invocation, limits));
  options.query_timeout = *limits.timeout;
  options.query_memory = limits.memory_limit;
  if (invocation.Has("--max-body")) {
    const std::optional<std::uint64_t> bytes = ParseBytes(invocation.Get("--max-body"));
    if (!bytes) {
      return Status::InvalidArgument(fmt::format(
          "--max-body takes a size, like 64M or 2G, not '{}'", invocation.Get("--max-body")));
    }
    options.max_body = *bytes;
  }
  if (invocation.Has("--threads")) {
    const std::string text = invocation.Get("--threads");
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(text) < 1 || std::stoi(text) > 1024) {
      return Status::InvalidArgument(
          fmt::format("--threads takes a number from 1 to 1024, not '{}'", text));
    }
    options.threads = std::stoi(text);
  }
  options.cors_origin = invocation.Get("--cors");
  if (options.cors_origin.find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidArgument("--cors takes one origin, such as https://example.org, or *");
  }
  options.log_requests = invocation.Has("--log");
  return Status::Ok();
}

}  // namespace

int RunServe(const Invocation& invocation) {
  server::ServerOptions options;
  if (Status read = ReadServeOptions(invocation, options); !read.ok()) {
    fmt::print(stderr, "silk: {}\n", read.message());
    return kExitUsageError;
  }

  // SIGINT and SIGTERM are taken by one thread that stops the server; every thread started
  // from here on (RocksDB's too) inherits the blocked mask, so no other thread is stopped
  // or interrupted by them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up is the request's problem only

  // Writable servers follow the store as the shell does: each request reads the latest
  // commit, also another process's, and the write lock is held only while a write commits.
  // A read-only one serves the store as it is now and never takes the lock.
  std::unique_ptr<storage::Store> store;
  if (options.read_only) {
    auto opened = OpenStore(invocation.db_dir, Access::kRead);
    if (!opened.ok()) return ReportFailure(opened.status());
    store = std::move(*opened);
  } else {
    auto opened = LiveStore::Open(invocation.db_dir);
    if (!opened.ok()) return ReportFailure(opened.status());
    store = std::move(*opened);
  }

  server::HttpServer http(options, *store);
  if (Status bound = http.Bind(); !bound.ok()) return ReportFailure(bound);
  fmt::print("Serving {} at http://{}/sparql (graph store: /store; web page: /; updates {}); Ctrl-C stops\n",
             store->dir(), http.authority(),
             options.read_only ? "never: read-only" : options.updates ? "on" : "off");
  std::fflush(stdout);
  if (options.updates && options.token.empty() && !server::IsLoopbackAddress(options.host)) {
    fmt::print(stderr,
               "silk: updates from other machines are refused: they need a bearer token "
               "(--token-file FILE)\n");
  }

  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    http.Stop();
  });
  http.Serve();
  // Serve ends only through Stop, which the stopper called; wake it anyway if it did not.
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
  }
  fmt::print(stderr, "silk: stopped serving {}\n", store->dir());
  return kExitOk;
}

}  // namespace silk::shell
