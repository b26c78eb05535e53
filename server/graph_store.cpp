#include "server/graph_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <optional>
#include <string>

#include "engine/load/loader.h"
#include "grammar/rdf/iri.h"
#include "server/http_reply.h"
#include "server/media_types.h"
#include "server/sparql_protocol.h"
#include "server/spooled_body.h"

namespace silk::server {
namespace {

// What a request names: one graph, the default graph, or (neither) the whole store.
struct Target {
  bool whole_store = true;
  bool default_graph = false;
  std::string graph;  // an absolute IRI, when neither of the others

  std::string Describe() const {
    return default_graph ? "the default graph" : fmt::format("the graph <{}>", graph);
  }
};

// Reads ?graph=IRI or ?default; answers 400 itself and returns nullopt when they make no sense.
std::optional<Target> TargetOf(const httplib::Request& req, httplib::Response& res) {
  Target target;
  const bool has_default = req.has_param("default");
  const std::size_t graphs = req.get_param_value_count("graph");
  if (has_default && graphs > 0) {
    ReplyText(res, 400, "name one target: ?graph=IRI or ?default, not both");
    return std::nullopt;
  }
  if (graphs > 1) {
    ReplyText(res, 400, fmt::format("name one graph, not {}", graphs));
    return std::nullopt;
  }
  if (has_default) {
    target.whole_store = false;
    target.default_graph = true;
  } else if (graphs == 1) {
    target.whole_store = false;
    target.graph = req.get_param_value("graph");
    if (const std::string problem = rdf::AbsoluteIriProblem(target.graph); !problem.empty()) {
      ReplyText(res, 400, fmt::format("?graph= needs an absolute IRI, not '{}' ({})", target.graph,
                                      problem));
      return std::nullopt;
    }
  }
  return target;
}

// The pattern of every statement in `target`'s graph; nullopt for a graph the store has
// never heard of.
Result<std::optional<storage::QuadPattern>> GraphPattern(const storage::Snapshot& snapshot,
                                                         const Target& target) {
  storage::QuadPattern pattern;
  if (target.default_graph) {
    pattern.g = storage::kDefaultGraphId;
    return std::optional(pattern);
  }
  Result<std::optional<storage::TermId>> id = snapshot.Lookup(rdf::TermView::Iri(target.graph));
  if (!id.ok()) return id.status();
  if (!*id) return std::optional<storage::QuadPattern>();
  pattern.g = **id;
  return std::optional(pattern);
}

// Whether `target`'s graph holds any statement (the default graph always exists).
Result<bool> GraphExists(const storage::Snapshot& snapshot, const Target& target) {
  if (target.default_graph) return true;
  Result<std::optional<storage::QuadPattern>> pattern = GraphPattern(snapshot, target);
  if (!pattern.ok()) return pattern.status();
  if (!*pattern) return false;
  std::unique_ptr<storage::QuadIterator> it = snapshot.Scan(**pattern);
  if (it->Valid()) return true;
  return it->status().ok() ? Result<bool>(false) : Result<bool>(it->status());
}

// Deletes every statement of `target`'s graph inside `tx`.
Status ClearGraph(const storage::Snapshot& snapshot, const Target& target,
                  storage::WriteTransaction& tx) {
  Result<std::optional<storage::QuadPattern>> pattern = GraphPattern(snapshot, target);
  if (!pattern.ok()) return pattern.status();
  if (!*pattern) return Status::Ok();
  std::unique_ptr<storage::QuadIterator> it = snapshot.Scan(**pattern);
  for (; it->Valid(); it->Next()) SILK_RETURN_IF_ERROR(tx.Delete(it->quad()));
  return it->status();
}

// PUT (replace) or POST (add): the body loaded into `target`, all in one commit.
void WriteBody(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
               const httplib::ContentReader& content, bool replace) {
  // A refused upload is read all the same, but not kept, so that what follows it on the
  // connection starts at a request; its refusal stands also for a body over the cap (for
  // which httplib sets 413).
  struct DrainUnlessKept {
    const httplib::ContentReader& content;
    httplib::Response& res;
    bool kept = false;
    ~DrainUnlessKept() {
      if (kept) return;
      const int status = res.status;
      content([](const char*, std::size_t) { return true; });
      res.status = status;
    }
  } drain{content, res};
  if (!MayWrite(ctx, req, res)) return;
  std::optional<Target> target = TargetOf(req, res);
  if (!target) return;
  if (replace && target->whole_store) {
    ReplyText(res, 400, "PUT replaces one graph: name it with ?graph=IRI or ?default");
    return;
  }
  const ContentType type = ParseContentType(req.get_header_value("Content-Type"));
  const std::optional<rdf::RdfFormat> format = RdfFormatOfMediaType(type.essence);
  if (!format) {
    ReplyText(res, 415,
              type.essence.empty()
                  ? "say what the body is with a Content-Type header: application/n-triples, "
                    "text/turtle, application/n-quads or application/trig"
                  : fmt::format("a body of type {} is not RDF this server reads; use "
                                "application/n-triples, text/turtle, application/n-quads or "
                                "application/trig",
                                type.essence));
    return;
  }
  if (!type.charset.empty() && type.charset != "utf-8" && type.charset != "utf8") {
    ReplyText(res, 415, fmt::format("the body must be UTF-8, not {}", type.charset));
    return;
  }
  const bool names_graphs = *format == rdf::RdfFormat::kNQuads || *format == rdf::RdfFormat::kTriG;
  if (names_graphs && !target->whole_store) {
    ReplyText(res, 415,
              fmt::format("{} names its own graphs; send triples (application/n-triples or "
                          "text/turtle) to one graph, or POST {} to /store without ?graph",
                          rdf::RdfFormatName(*format), rdf::RdfFormatName(*format)));
    return;
  }

  load::LoadOptions options;
  options.format = *format;
  options.source_name = "request body";
  options.graph_iri = target->graph;
  // Relative IRIs in Turtle mean what they mean where the graph lives.
  options.base_iri = target->graph.empty() ? fmt::format("http://{}/store", ctx.authority)
                                           : target->graph;
  drain.kept = true;
  Result<std::unique_ptr<SpooledBody>> body = SpooledBody::Receive(content, ctx.store.dir());
  if (!body.ok()) {
    // Over the cap, httplib has set 413, and the error handler words it.
    if (res.status != 413) ReplyFailure(res, body.status());
    return;
  }
  std::istream& in = (*body)->stream();

  // The body is all here now: the writer is held only while the store changes, never while
  // a slow client sends.
  bool existed = true;
  Status status;
  {
    auto writer = ctx.store.WriterLock();
    storage::WriteOptions write_options;
    write_options.memory_bytes = std::max<std::uint64_t>(ctx.options.query_memory, 16 << 20);
    std::unique_ptr<storage::WriteTransaction> tx = ctx.store.BeginWrite(write_options);
    std::unique_ptr<storage::Snapshot> snapshot = ctx.store.GetSnapshot();
    if (!target->whole_store) {
      Result<bool> exists = GraphExists(*snapshot, *target);
      status = exists.ok() ? Status::Ok() : exists.status();
      existed = exists.ok() && *exists;
    }
    if (status.ok() && replace) status = ClearGraph(*snapshot, *target, *tx);
    load::LoadCounts counts;
    if (status.ok()) status = load::LoadInto(*tx, in, options, counts);
    if (status.ok()) status = (*body)->read_status();
    if (status.ok()) status = tx->Commit();
  }
  if (!status.ok()) {
    ReplyFailure(res, status);
    return;
  }
  res.status = existed ? 204 : 201;
}

}  // namespace

void HandleStoreGet(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<Target> target = TargetOf(req, res);
  if (!target) return;
  if (target->whole_store) {
    ReplyText(res, 400, "name the graph to read: ?graph=IRI or ?default");
    return;
  }
  Result<bool> exists = GraphExists(*ctx.store.GetSnapshot(), *target);
  if (!exists.ok()) {
    ReplyFailure(res, exists.status());
    return;
  }
  if (!*exists) {
    ReplyText(res, 404, fmt::format("the store has no {}", target->Describe()));
    return;
  }
  // A CONSTRUCT over the graph: the same formats, negotiation and limits as any query.
  const std::string text =
      target->default_graph
          ? std::string("CONSTRUCT WHERE { ?s ?p ?o }")
          : fmt::format("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}", target->graph);
  InFlight::Flag flag(ctx.in_flight);
  query::QueryOptions options = ctx.QueryOptionsFor(flag);
  options.union_default_graph = false;
  RunText(ctx, req, res, text, /*update=*/false, options, flag);
}

void HandleStorePut(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& content) {
  WriteBody(ctx, req, res, content, /*replace=*/true);
}

void HandleStorePost(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& content) {
  WriteBody(ctx, req, res, content, /*replace=*/false);
}

void HandleStoreDelete(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!MayWrite(ctx, req, res)) return;
  std::optional<Target> target = TargetOf(req, res);
  if (!target) return;
  if (target->whole_store) {
    ReplyText(res, 400, "name the graph to delete: ?graph=IRI or ?default");
    return;
  }
  bool existed = false;
  Status status;
  {
    auto writer = ctx.store.WriterLock();
    std::unique_ptr<storage::WriteTransaction> tx = ctx.store.BeginWrite();
    std::unique_ptr<storage::Snapshot> snapshot = ctx.store.GetSnapshot();
    Result<bool> exists = GraphExists(*snapshot, *target);
    status = exists.ok() ? Status::Ok() : exists.status();
    existed = exists.ok() && *exists && !target->default_graph;
    if (status.ok() && (existed || target->default_graph)) status = ClearGraph(*snapshot, *target, *tx);
    if (status.ok()) status = tx->Commit();
  }
  if (!status.ok()) {
    ReplyFailure(res, status);
    return;
  }
  if (!existed && !target->default_graph) {
    ReplyText(res, 404, fmt::format("the store has no {}", target->Describe()));
    return;
  }
  res.status = 204;
}

}  // namespace silk::server
