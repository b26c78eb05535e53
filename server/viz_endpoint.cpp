#include "server/viz_endpoint.h"

#include <httplib.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "server/http_reply.h"
#include "server/server_context.h"
#include "shell/entity_lookup.h"
#include "shell/prefixes.h"
#include "viz/dot_writer.h"
#include "viz/graphviz.h"
#include "viz/neighbourhood.h"

namespace silk::server {
namespace {

constexpr int kMaxDepth = 3;
constexpr std::size_t kMaxNodes = 100;
constexpr std::chrono::seconds kMaxTime{30};
constexpr std::size_t kMaxPictureBytes = std::size_t{16} << 20;

// The picture may draw itself only: no script, no other resource, even opened on its own.
constexpr std::string_view kSvgPolicy = "default-src 'none'; style-src 'unsafe-inline'";

// The number in parameter `name`, within [1, high]; `fallback` when absent; nullopt when bad.
std::optional<std::size_t> Parameter(const httplib::Request& req, const char* name,
                                     std::size_t high, std::size_t fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > high) {
    return std::nullopt;
  }
  return value;
}

void HandleViz(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string term = req.get_param_value("term");
  if (term.empty()) {
    ReplyText(res, 400, "GET /viz needs ?term=IRI: the entity to draw (an IRI, a prefixed name or a name)");
    return;
  }
  const std::optional<std::size_t> depth = Parameter(req, "depth", kMaxDepth, 1);
  const std::optional<std::size_t> max_nodes = Parameter(req, "max-nodes", kMaxNodes, 30);
  if (!depth || !max_nodes) {
    ReplyText(res, 400, fmt::format("depth takes 1 to {}, max-nodes 1 to {}", kMaxDepth, kMaxNodes));
    return;
  }
  InFlight::Flag flag(ctx.in_flight);
  const auto time_limit = std::min<std::chrono::steady_clock::duration>(ctx.options.query_timeout, kMaxTime);
  const auto deadline = std::chrono::steady_clock::now() + time_limit;
  const auto stop = [&flag, deadline] {
    return flag.get()->load() || std::chrono::steady_clock::now() >= deadline;
  };

  std::unique_ptr<storage::Snapshot> snapshot = ctx.store.GetSnapshot();
  Result<std::string> centre = shell::ResolveEntity(*snapshot, term, shell::ShellPrefixes());
  if (!centre.ok()) {
    ReplyText(res, centre.status().code() == StatusCode::kNotFound ? 404 : 400, centre.status().message());
    return;
  }
  viz::NeighbourhoodOptions options;
  options.depth = static_cast<int>(*depth);
  options.max_nodes = *max_nodes;
  options.stop = stop;
  Result<viz::Neighbourhood> neighbourhood = viz::ReadNeighbourhood(*snapshot, *centre, options);
  if (!neighbourhood.ok()) {
    const StatusCode code = neighbourhood.status().code();
    if (code == StatusCode::kNotFound) {
      ReplyText(res, 404, neighbourhood.status().message());
    } else {
      ReplyFailure(res, neighbourhood.status());
    }
    return;
  }
  const std::string dot = viz::NeighbourhoodDot(*neighbourhood);
  const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  Result<std::string> svg = viz::RenderWithGraphviz(
      dot, viz::PictureFormat::kSvg,
      {.timeout = std::max(remaining, std::chrono::milliseconds(1)), .max_output = kMaxPictureBytes,
       .stop = [&flag] { return flag.get()->load(); }});
  if (!svg.ok()) {
    switch (svg.status().code()) {
      case StatusCode::kNotFound:
        ReplyText(res, 501, fmt::format("this server cannot draw pictures: {}", svg.status().message()));
        return;
      case StatusCode::kCancelled:
        ReplyText(res, 503, ctx.in_flight.stopping() ? "the server is stopping" : svg.status().message());
        return;
      default:
        ReplyText(res, 500, svg.status().message());
        return;
    }
  }
  res.set_header("Content-Security-Policy", std::string(kSvgPolicy));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::move(*svg), "image/svg+xml");
}

}  // namespace

void AddVizRoute(httplib::Server& http, ServerContext& ctx) {
  http.Get("/viz", [&ctx](const httplib::Request& req, httplib::Response& res) { HandleViz(ctx, req, res); });
}

}  // namespace silk::server
