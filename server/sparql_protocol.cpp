#include "server/sparql_protocol.h"

#include <fmt/format.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "grammar/rdf/iri.h"
#include "server/access_policy.h"
#include "server/http_reply.h"
#include "server/media_types.h"
#include "server/result_buffer.h"
#include "server/service_description.h"

namespace silk::server {
namespace {

// Takes the results of an update, which has none.
class NoResults final : public query::ResultWriter {
 public:
  void Begin(const std::vector<std::string>&) override {}
  void WriteRow(query::Row) override {}
  void WriteTriple(const rdf::QuadView&) override {}
  void End() override {}
  void WriteBoolean(bool) override {}
};

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and code points past Unicode's last.
    constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return false;
    }
    i += length;
  }
  return true;
}

// The graphs a request names beside its text: `default_name` and `named_name` are the
// protocol's parameters for queries (default-graph-uri, named-graph-uri) or updates
// (using-graph-uri, using-named-graph-uri). nullopt when it names none.
Result<std::optional<query::RequestDataset>> DatasetOf(const httplib::Request& req,
                                                       const char* default_name,
                                                       const char* named_name) {
  if (!req.has_param(default_name) && !req.has_param(named_name)) {
    return std::optional<query::RequestDataset>();
  }
  query::RequestDataset dataset;
  for (const char* name : {default_name, named_name}) {
    auto range = req.params.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) {
      if (const std::string problem = rdf::AbsoluteIriProblem(it->second); !problem.empty()) {
        return Status::InvalidArgument(
            fmt::format("{} needs an absolute IRI, not '{}' ({})", name, it->second, problem));
      }
      (name == default_name ? dataset.default_graphs : dataset.named_graphs).push_back(it->second);
    }
  }
  return std::optional<query::RequestDataset>(std::move(dataset));
}

// Checks and runs what the client sent: `text` as a query or an update.
void RunProtocolRequest(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                        const std::string& text, bool update) {
  const char* what = update ? "update" : "query";
  if (!IsValidUtf8(text)) {
    ReplyText(res, 400, fmt::format("the {} is not valid UTF-8 (percent-encode its bytes as UTF-8)", what));
    return;
  }
  if (update && !MayWrite(ctx, req, res)) return;
  Result<std::optional<query::RequestDataset>> dataset =
      update ? DatasetOf(req, "using-graph-uri", "using-named-graph-uri")
             : DatasetOf(req, "default-graph-uri", "named-graph-uri");
  if (!dataset.ok()) {
    ReplyFailure(res, dataset.status());
    return;
  }
  InFlight::Flag flag(ctx.in_flight, /*registered=*/!update);
  query::QueryOptions options = ctx.QueryOptionsFor(flag);
  options.dataset = std::move(*dataset);
  RunText(ctx, req, res, text, update, options, flag);
}

// The single value of parameter `name`; 400 when it is given more than once.
bool OneParam(const httplib::Request& req, httplib::Response& res, const char* name,
              std::string& value) {
  const std::size_t count = req.get_param_value_count(name);
  if (count > 1) {
    ReplyText(res, 400, fmt::format("give one {}= parameter, not {}", name, count));
    return false;
  }
  value = req.get_param_value(name);
  return true;
}

}  // namespace

bool MayWrite(const ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto refusal = RefuseWrite(ctx.options, req.remote_addr, req.get_header_value("Authorization"));
  if (!refusal) return true;
  if (refusal->status == 401) res.set_header("WWW-Authenticate", "Bearer");
  ReplyText(res, refusal->status, refusal->message);
  return false;
}

void RunText(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
             std::string_view text, bool update, const query::QueryOptions& options,
             InFlight::Flag& flag) {
  Result<std::unique_ptr<query::PreparedRequest>> prepared = query::Prepare(text, options);
  if (!prepared.ok()) {
    ReplyFailure(res, prepared.status());
    return;
  }
  const query::PreparedRequest& request = **prepared;
  if (request.only_prologue()) {
    ReplyText(res, 400, fmt::format("the {} holds no {}, only comments or PREFIX/BASE declarations",
                                    update ? "update" : "query", update ? "operation" : "query"));
    return;
  }
  if (request.is_update() != update) {
    ReplyText(res, 400,
              update ? fmt::format("this is a {} query, not an update: send it as query=… or "
                                   "application/sparql-query",
                                   request.form_name())
                     : "this is an update, not a query: POST it as update=… or "
                       "application/sparql-update");
    return;
  }
  if (update) {
    NoResults none;
    Status status;
    {
      auto writer = ctx.store.WriterLock();
      status = query::Execute(request, ctx.store, none, options);
    }
    if (!status.ok()) {
      ReplyFailure(res, status);
      return;
    }
    res.status = 204;  // answered only now, after the commit
    return;
  }

  std::optional<query::ResultFormat> format;
  if (request.explain() == query::ExplainMode::kNone) {
    format = NegotiateFormat(req.get_header_value("Accept"), request.result_kind());
    if (!format) {
      ReplyText(res, 406,
                fmt::format("none of the formats asked for (Accept: {}) can hold the results of "
                            "a {} query; this server writes {}",
                            req.get_header_value("Accept"), request.form_name(),
                            MediaTypesFor(request.result_kind())));
      return;
    }
  }
  ResultBuffer buffer(ctx.options.query_memory, *flag.get());
  std::unique_ptr<query::ResultWriter> writer = query::MakeResultWriter(
      format.value_or(query::ResultFormat::kTable), buffer.stream(), {.prefixes = request.prefixes()});
  std::string plan;
  const Status status = query::Execute(request, ctx.store, *writer, options, &plan);
  if (buffer.overflowed()) {
    ReplyText(res, 500,
              fmt::format("the results are larger than this server holds for one query ({} MiB, "
                          "its --memory); ask for fewer rows (LIMIT), or start the server with "
                          "more --memory",
                          buffer.cap() >> 20));
    return;
  }
  if (!status.ok()) {
    ReplyFailure(res, ctx.in_flight.stopping()
                          ? Status::Cancelled("the server is shutting down; the query was stopped")
                          : status);
    return;
  }
  if (!format) {
    res.set_content(plan, "text/plain; charset=utf-8");
    return;
  }
  res.set_content(buffer.Take(), ContentTypeOf(*format));
}

void HandleSparqlGet(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (req.has_param("update")) {
    res.set_header("Allow", "POST");
    ReplyText(res, 405,
              "an update must be sent with POST (update=… in a form, or the update itself as "
              "application/sparql-update)");
    return;
  }
  if (!req.has_param("query")) {
    WriteServiceDescription(ctx, req, res);
    return;
  }
  std::string text;
  if (!OneParam(req, res, "query", text)) return;
  RunProtocolRequest(ctx, req, res, text, /*update=*/false);
}

void HandleSparqlPost(ServerContext& ctx, const httplib::Request& head, httplib::Response& res,
                      const httplib::ContentReader& content) {
  // The body is read here rather than by httplib, which refuses a form over 8 KiB with a 413
  // (a limit compiled into Debian's library), while clients post long queries as forms
  // (SPARQLWrapper's and rdflib's POST). Over --max-body httplib has set 413, and the error
  // handler words it.
  httplib::Request req = head;
  if (!content([&req](const char* data, std::size_t size) {
        req.body.append(data, size);
        return true;
      })) {
    return;
  }
  constexpr std::string_view kKinds =
      "application/sparql-query, application/sparql-update or "
      "application/x-www-form-urlencoded";
  const std::string header = req.get_header_value("Content-Type");
  const ContentType type = ParseContentType(header);
  if (type.essence.empty()) {
    ReplyText(res, 415, fmt::format("say what the body is with a Content-Type header: {}", kKinds));
    return;
  }
  if (!type.charset.empty() && type.charset != "utf-8" && type.charset != "utf8") {
    ReplyText(res, 415, fmt::format("the body must be UTF-8, not {}", type.charset));
    return;
  }
  if (type.essence == "application/x-www-form-urlencoded") {
    httplib::detail::parse_query_text(req.body, req.params);
    const bool query = req.has_param("query");
    const bool update = req.has_param("update");
    if (query == update) {
      ReplyText(res, 400, query ? "give query= or update=, not both"
                                : "the form holds neither query= nor update=");
      return;
    }
    std::string text;
    if (!OneParam(req, res, query ? "query" : "update", text)) return;
    RunProtocolRequest(ctx, req, res, text, update);
    return;
  }
  if (type.essence == "application/sparql-query" || type.essence == "application/sparql-update") {
    RunProtocolRequest(ctx, req, res, req.body, type.essence == "application/sparql-update");
    return;
  }
  ReplyText(res, 415, fmt::format("a body of type {} is neither a query nor an update; use {}",
                                  type.essence, kKinds));
}

}  // namespace silk::server
