#include "server/server_context.h"

#include <string>

#include "shell/prefixes.h"

namespace silk::server {

query::QueryOptions ServerContext::QueryOptionsFor(InFlight::Flag& flag) const {
  query::QueryOptions query_options;
  query_options.prefixes = shell::ShellPrefixes();
  // Relative IRIs resolve against the endpoint, as the protocol suggests.
  query_options.base_iri = "http://" + authority + "/sparql";
  query_options.limits.timeout = options.query_timeout;
  query_options.limits.memory_limit = options.query_memory;
  query_options.limits.cancel = flag.get();
  query_options.local_files = false;
  return query_options;
}

}  // namespace silk::server
