// What every request handler of one server shares.
#pragma once

#include <string>

#include "engine/query/query_engine.h"
#include "server/concurrent_store.h"
#include "server/in_flight.h"
#include "server/server_options.h"

namespace silk::server {

struct ServerContext {
  ServerContext(ServerOptions server_options, storage::Store& inner)
      : options(std::move(server_options)), store(inner) {}

  // The options a request's query or update runs with: the shell's prefixes, the endpoint's
  // IRI as the base, the server's time and memory limits, stopped by `flag`, and no access
  // to the server's own files.
  query::QueryOptions QueryOptionsFor(InFlight::Flag& flag) const;

  const ServerOptions options;
  // "127.0.0.1:7878": where the server listens, once bound (the port may have been 0).
  std::string authority;
  ConcurrentStore store;
  InFlight in_flight;
};

}  // namespace silk::server
