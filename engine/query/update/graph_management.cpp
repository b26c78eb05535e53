#include "engine/query/update/graph_management.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

namespace silk::query {
namespace {

// Quads are copied this many at a time: the scan of the source's range and the writes to the
// target stay apart, and a graph of any size needs no more memory than this.
constexpr std::size_t kCopyBatch = 4096;

// A graph as an operation names it, resolved against what the request sees.
struct GraphId {
  std::optional<TermId> id;  // nullopt: an IRI the store does not know (so no quads)
  std::string name;          // for messages: "<http://…>" or "DEFAULT"
};

Result<GraphId> Resolve(const ast::GraphTarget& target, const storage::Snapshot& view) {
  if (target.scope != ast::GraphScope::kGraph) return GraphId{storage::kDefaultGraphId, "DEFAULT"};
  Result<std::optional<TermId>> id = view.Lookup(target.iri.view());
  if (!id.ok()) return id.status();
  return GraphId{*id, fmt::format("<{}>", target.iri.value)};
}

Result<bool> HasQuads(const GraphId& graph, const storage::Snapshot& view) {
  if (!graph.id) return false;
  storage::QuadPattern pattern;
  pattern.g = *graph.id;
  std::unique_ptr<storage::QuadIterator> it = view.Scan(pattern);
  if (it->Valid()) return true;
  SILK_RETURN_IF_ERROR(it->status());
  return false;
}

// Whether `graph` exists: the default graph always does, a named graph while it holds quads.
Result<bool> Exists(const GraphId& graph, const storage::Snapshot& view) {
  if (graph.id == storage::kDefaultGraphId) return true;
  return HasQuads(graph, view);
}

Status Missing(std::string_view verb, const GraphId& graph) {
  return Status::NotFound(
      fmt::format("{}: the store has no graph {} (a graph exists while it holds quads; "
                  "SILENT ignores this)",
                  verb, graph.name));
}

// Inserts every quad of `from` into `to` (both resolved; `from` exists), a batch at a time
// from one scan of `from`'s key range. Writing while the scan is open is safe: the scan reads
// view(), which the running operation's writes do not change until it ends.
Status CopyQuads(TermId from, TermId to, RequestWrites& writes, const StopCheck& stop) {
  storage::QuadPattern pattern;
  pattern.g = from;
  std::vector<storage::QuadIds> batch;
  batch.reserve(kCopyBatch);
  const auto flush = [&]() -> Status {
    SILK_RETURN_IF_ERROR(stop.Check());
    for (const storage::QuadIds& quad : batch) SILK_RETURN_IF_ERROR(writes.Insert(quad));
    batch.clear();
    return Status::Ok();
  };
  std::unique_ptr<storage::QuadIterator> it = writes.view().Scan(pattern);
  for (; it->Valid(); it->Next()) {
    storage::QuadIds quad = it->quad();
    quad.g = to;
    batch.push_back(quad);
    if (batch.size() == kCopyBatch) SILK_RETURN_IF_ERROR(flush());
  }
  SILK_RETURN_IF_ERROR(it->status());
  return flush();
}

Status Clear(const ast::UpdateOperation& op, std::string_view verb, RequestWrites& writes,
             const StopCheck& stop) {
  using Graphs = RequestWrites::Graphs;
  switch (op.target.scope) {
    case ast::GraphScope::kDefault: return writes.ClearGraphs(Graphs::kDefault, {}, &stop);
    case ast::GraphScope::kNamed: return writes.ClearGraphs(Graphs::kNamed, {}, &stop);
    case ast::GraphScope::kAll: return writes.ClearGraphs(Graphs::kAll, {}, &stop);
    case ast::GraphScope::kGraph: break;
  }
  Result<GraphId> graph = Resolve(op.target, writes.view());
  if (!graph.ok()) return graph.status();
  Result<bool> exists = Exists(*graph, writes.view());
  if (!exists.ok()) return exists.status();
  if (!*exists) return op.silent ? Status::Ok() : Missing(verb, *graph);
  return writes.ClearGraphs(Graphs::kOne, *graph->id, &stop);
}

Status Create(const ast::UpdateOperation& op, RequestWrites& writes) {
  Result<GraphId> graph = Resolve(op.target, writes.view());
  if (!graph.ok()) return graph.status();
  Result<bool> exists = Exists(*graph, writes.view());
  if (!exists.ok()) return exists.status();
  if (*exists && !op.silent) {
    return Status::InvalidArgument(fmt::format(
        "CREATE: the graph {} exists already (it holds quads; SILENT ignores this)",
        graph->name));
  }
  return Status::Ok();
}

// ADD, COPY, MOVE: section 3.2.5-3.2.7. Naming the same graph twice changes nothing.
Status Transfer(const ast::UpdateOperation& op, RequestWrites& writes, const StopCheck& stop) {
  const std::string_view verb = op.kind == ast::UpdateKind::kAdd    ? "ADD"
                                : op.kind == ast::UpdateKind::kMove ? "MOVE"
                                                                    : "COPY";
  Result<GraphId> from = Resolve(op.source, writes.view());
  if (!from.ok()) return from.status();
  Result<bool> exists = Exists(*from, writes.view());
  if (!exists.ok()) return exists.status();
  if (!*exists) return op.silent ? Status::Ok() : Missing(verb, *from);
  TermId to = storage::kDefaultGraphId;
  if (op.target.scope == ast::GraphScope::kGraph) {
    Result<TermId> id = writes.Encode(op.target.iri.view());
    if (!id.ok()) return id.status();
    to = *id;
  }
  if (*from->id == to) return Status::Ok();
  if (op.kind != ast::UpdateKind::kAdd) {
    SILK_RETURN_IF_ERROR(writes.ClearGraphs(RequestWrites::Graphs::kOne, to, &stop));
  }
  SILK_RETURN_IF_ERROR(CopyQuads(*from->id, to, writes, stop));
  if (op.kind == ast::UpdateKind::kMove) {
    return writes.ClearGraphs(RequestWrites::Graphs::kOne, *from->id, &stop);
  }
  return Status::Ok();
}

}  // namespace

Status ApplyGraphManagement(const ast::UpdateOperation& op, RequestWrites& writes,
                            const StopCheck& stop) {
  switch (op.kind) {
    case ast::UpdateKind::kClear: return Clear(op, "CLEAR", writes, stop);
    case ast::UpdateKind::kDrop: return Clear(op, "DROP", writes, stop);
    case ast::UpdateKind::kCreate: return Create(op, writes);
    case ast::UpdateKind::kAdd:
    case ast::UpdateKind::kMove:
    case ast::UpdateKind::kCopy: return Transfer(op, writes, stop);
    default: break;
  }
  return Status::InvalidArgument("not a graph management operation");
}

}  // namespace silk::query
