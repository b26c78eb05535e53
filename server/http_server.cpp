#include "server/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "server/graph_store.h"
#include "server/http_reply.h"
#include "server/sparql_protocol.h"
#include "server/viz_endpoint.h"
#include "server/web_page.h"

namespace silk::server {
namespace {

// A client that sends nothing for this long is dropped: a slow client costs a thread for at
// most this, never the writer (a request takes it only once its body has arrived).
constexpr std::chrono::seconds kReadTimeout{10};
constexpr std::chrono::seconds kWriteTimeout{30};
// An idle kept-alive connection is closed after this; shutdown waits for it at most as long.
constexpr int kKeepAliveSeconds = 2;

// The answer to a method a path does not take.
httplib::Server::Handler NotAllowed(std::string allow, std::string what) {
  return [allow = std::move(allow), what = std::move(what)](const httplib::Request& req,
                                                            httplib::Response& res) {
    res.set_header("Allow", allow);
    ReplyText(res, 405, fmt::format("{} takes {}, not {}", what, allow, req.method));
  };
}

// The body of an error httplib answers by itself, before any handler of ours.
std::string ErrorText(const httplib::Request& req, int status, std::uint64_t max_body) {
  switch (status) {
    case 400:
      return "the request is not well-formed HTTP, or its headers are too long (a POST or PUT "
             "needs a Content-Length header)";
    case 404:
      return fmt::format("nothing at {}: the SPARQL endpoint is /sparql, the graph store /store, "
                         "the web page /, pictures /viz?term=IRI",
                         req.path);
    case 413:
      return fmt::format("the request body is larger than this server takes ({} MiB; see --max-body)",
                         max_body >> 20);
    case 414: return "the request line is too long; POST the query instead of sending it in the URL";
    default: return fmt::format("the request failed (HTTP status {})", status);
  }
}

}  // namespace

HttpServer::HttpServer(ServerOptions options, storage::Store& store)
    : ctx_(std::move(options), store), http_(std::make_unique<httplib::Server>()) {
  AddRoutes();
}

HttpServer::~HttpServer() = default;

void HttpServer::AddRoutes() {
  ServerContext& ctx = ctx_;
  httplib::Server& http = *http_;
  const int threads = ctx.options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(ctx.options.max_body);
  http.set_read_timeout(kReadTimeout);
  http.set_write_timeout(kWriteTimeout);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  // httplib's default is SO_REUSEPORT, which lets a second server share a port that one
  // already serves; SO_REUSEADDR alone still lets a restarted server take its port at once.
  http.set_socket_options([this](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    // httplib sends an answer's headers and body in separate writes: with Nagle's algorithm
    // the body waits for the client's delayed ACK of the headers, 40 ms on Linux, on every
    // answer of a kept-alive connection. Accepted connections inherit the option.
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    listen_socket_ = sock;  // the last one made is the one bound
  });

  // The W3C tests and some clients write the endpoint with a final slash.
  const std::string sparql = "/sparql/?";
  const std::string store = "/store/?";
  http.Get(sparql, [&ctx](const httplib::Request& req, httplib::Response& res) { HandleSparqlGet(ctx, req, res); });
  http.Post(sparql, [&ctx](const httplib::Request& req, httplib::Response& res,
                           const httplib::ContentReader& content) {
    HandleSparqlPost(ctx, req, res, content);
  });
  http.Put(sparql, NotAllowed("GET, POST", "the SPARQL endpoint"));
  http.Delete(sparql, NotAllowed("GET, POST", "the SPARQL endpoint"));
  http.Patch(sparql, NotAllowed("GET, POST", "the SPARQL endpoint"));
  http.Get(store, [&ctx](const httplib::Request& req, httplib::Response& res) { HandleStoreGet(ctx, req, res); });
  http.Put(store, [&ctx](const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& content) {
    HandleStorePut(ctx, req, res, content);
  });
  http.Post(store, [&ctx](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& content) {
    HandleStorePost(ctx, req, res, content);
  });
  http.Delete(store, [&ctx](const httplib::Request& req, httplib::Response& res) { HandleStoreDelete(ctx, req, res); });
  http.Patch(store, NotAllowed("GET, HEAD, PUT, POST, DELETE", "the graph store"));
  AddWebPageRoutes(http);
  AddVizRoute(http, ctx);
  // A browser asks before it sends a cross-origin POST; the answer is in the headers that
  // the post-routing handler adds.
  http.Options(".*", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });

  // httplib caps a body by its Content-Length only, and would read a chunked body of any
  // size into memory: such a body is refused before it is read.
  http.set_pre_routing_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!req.has_header("Transfer-Encoding")) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        res.set_header("Connection", "close");
        ReplyText(res, 411,
                  "send the body with a Content-Length header; this server does not take "
                  "chunked bodies");
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_post_routing_handler([&ctx](const httplib::Request&, httplib::Response& res) {
    if (ctx.options.cors_origin.empty()) return;
    res.set_header("Access-Control-Allow-Origin", ctx.options.cors_origin);
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type");
    if (ctx.options.cors_origin != "*") res.set_header("Vary", "Origin");
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [&ctx](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || res.status == 204 || res.status < 400) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        ReplyText(res, res.status, ErrorText(req, res.status, ctx.options.max_body));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown";
        try {
          std::rethrow_exception(error);
        } catch (const std::bad_alloc&) {
          what = "out of memory";
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        ReplyText(res, 500, "internal error: " + what);
      });
  if (ctx.options.log_requests) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      fmt::print(stderr, "{} {} {} {} ({} bytes)\n", req.remote_addr, req.method, req.path,
                 res.status, res.body.size());
    });
  }
}

Status HttpServer::Bind() {
  const std::string& host = ctx_.options.host;
  int port = ctx_.options.port;
  if (port == 0) {
    port = http_->bind_to_any_port(host);
    if (port < 0) port = 0;
  } else if (!http_->bind_to_port(host, port)) {
    port = 0;
  }
  // Debian's compiled httplib listens with a backlog of 5: 32 clients connecting at once
  // overflow it, and the connections dropped wait a second for the SYN to be sent again
  // (bench/serve_load.sh saw every p99 at 1 s). Listening again only lengthens the queue.
  if (port != 0) ::listen(listen_socket_, SOMAXCONN);
  if (port == 0) {
    return Status::IOError(fmt::format(
        "cannot listen on {}:{} (is another server using the port, or is {} not an address "
        "of this machine?)",
        host, ctx_.options.port, host));
  }
  ctx_.authority = host.find(':') != std::string::npos ? fmt::format("[{}]:{}", host, port)
                                                       : fmt::format("{}:{}", host, port);
  return Status::Ok();
}

void HttpServer::Serve() { http_->listen_after_bind(); }

void HttpServer::Stop() {
  ctx_.in_flight.StopAll();
  http_->stop();
}

}  // namespace silk::server
