// How `silk serve` was asked to run: where it listens, what it allows, and the limits every
// request and query keeps to.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace silk::server {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 7878;                 // 0: any free port (the start line says which)
  // SPARQL Update and the graph store's PUT, POST and DELETE; off unless asked for.
  bool updates = false;
  // The store as it was at start, never written (a replica of a backup); implies no updates.
  bool read_only = false;
  // The bearer token updates from another machine must send; empty: none can update.
  std::string token;
  std::chrono::steady_clock::duration query_timeout = std::chrono::seconds(30);
  // What one query's sorts, groups and joins may hold, and also its results, which are
  // held until the query has finished so that a failure can still say so in the status.
  std::uint64_t query_memory = std::uint64_t{256} << 20;
  std::uint64_t max_body = std::uint64_t{64} << 20;  // bytes of one request's body
  std::string cors_origin;                           // empty: no CORS headers
  int threads = 8;                                   // requests served at the same time
  bool log_requests = false;                         // one line per request on stderr
};

}  // namespace silk::server
