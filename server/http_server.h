// The HTTP server of `silk serve`: the SPARQL 1.1 Protocol at /sparql, the Graph Store
// Protocol at /store, over one store shared by all requests.
#pragma once

#include <memory>
#include <string>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "server/server_context.h"
#include "server/server_options.h"

namespace httplib {
class Server;
}

namespace silk::server {

// Not copyable. Bind, then Serve on one thread; Stop from any other.
class HttpServer {
 public:
  // REQUIRES: `store` outlives the server; with options.updates, it is thread-safe (a
  // LiveStore). Reads from it are made one call at a time (ConcurrentStore).
  HttpServer(ServerOptions options, storage::Store& store);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on the options' host and port. Errors: kIOError, saying where and why not.
  Status Bind();
  // "127.0.0.1:7878", once bound (with the port the system chose for port 0).
  const std::string& authority() const { return ctx_.authority; }

  // Answers requests until Stop(); returns once the requests in progress have finished.
  void Serve();
  // Stops accepting connections and stops the queries in progress (they answer 503); updates
  // in progress finish. Thread-safe.
  void Stop();

 private:
  void AddRoutes();

  ServerContext ctx_;
  std::unique_ptr<httplib::Server> http_;
  int listen_socket_ = -1;  // the socket Bind listens on, once made
};

}  // namespace silk::server
