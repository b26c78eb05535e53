#include "engine/query/update/update_executor.h"

#include <fmt/format.h>

#include <optional>

#include "engine/query/planner/planner.h"
#include "engine/query/query_runtime.h"
#include "engine/query/request_dataset.h"
#include "engine/query/update/graph_management.h"
#include "engine/query/update/load_operation.h"
#include "engine/query/update/stop_check.h"

namespace silk::query {
namespace {

// INSERT DATA and DELETE DATA: ground quads, straight into the transaction.
Status ApplyData(const std::vector<ast::QuadBlock>& blocks, bool insert,
                 storage::WriteTransaction& tx) {
  for (const ast::QuadBlock& block : blocks) {
    const rdf::TermView graph =
        block.graph ? block.graph->view() : rdf::TermView::DefaultGraph();
    for (const ast::TriplePattern& triple : block.triples) {
      const rdf::QuadView quad{triple.subject.view(), triple.predicate.view(),
                               triple.object.view(), graph};
      SILK_RETURN_IF_ERROR(insert ? tx.Insert(quad) : tx.Delete(quad));
    }
  }
  return Status::Ok();
}

// DELETE WHERE { quads }: the quads are the pattern too.
std::unique_ptr<ast::GroupPattern> PatternOf(const std::vector<ast::QuadBlock>& blocks) {
  auto group = std::make_unique<ast::GroupPattern>();
  for (const ast::QuadBlock& block : blocks) {
    ast::TriplesBlock triples;
    for (const ast::TriplePattern& t : block.triples) {
      triples.triples.push_back(ast::TriplePattern{t.subject, t.predicate, nullptr, t.object, t.pos});
    }
    if (!block.graph) {
      group->elements.emplace_back(std::move(triples));
      continue;
    }
    auto inner = std::make_unique<ast::GroupPattern>();
    inner->elements.emplace_back(std::move(triples));
    group->elements.emplace_back(ast::GraphPattern{block.pos, *block.graph, std::move(inner)});
  }
  return group;
}

// Instantiates templates for one solution of a WHERE clause.
class TemplateWriter {
 public:
  TemplateWriter(ExecContext& ctx, const Operator& root, storage::WriteTransaction& tx,
                 std::optional<TermId> with_graph)
      : ctx_(ctx), root_(root), tx_(tx), with_graph_(with_graph) {}

  // Deletes the template's quads for `row` (quads naming terms the store lacks cannot exist).
  Status Delete(const std::vector<ast::QuadBlock>& blocks, std::span<const TermId> row) {
    for (const ast::QuadBlock& block : blocks) {
      for (const ast::TriplePattern& triple : block.triples) {
        std::optional<storage::QuadIds> quad = Resolve(block, triple, row, /*insert=*/false, 0);
        if (quad) SILK_RETURN_IF_ERROR(tx_.Delete(*quad));
      }
    }
    return Status::Ok();
  }

  // The template's quads for `row`, with ids assigned by the transaction; added to `out`.
  void Collect(const std::vector<ast::QuadBlock>& blocks, std::span<const TermId> row,
               std::uint64_t solution, std::vector<storage::QuadIds>& out) {
    for (const ast::QuadBlock& block : blocks) {
      for (const ast::TriplePattern& triple : block.triples) {
        std::optional<storage::QuadIds> quad = Resolve(block, triple, row, true, solution);
        if (quad) out.push_back(*quad);
      }
    }
  }

  const Status& status() const { return status_; }

 private:
  std::optional<storage::QuadIds> Resolve(const ast::QuadBlock& block,
                                          const ast::TriplePattern& triple,
                                          std::span<const TermId> row, bool insert,
                                          std::uint64_t solution) {
    std::optional<TermId> g = storage::kDefaultGraphId;
    if (block.graph) {
      g = Id(*block.graph, row, insert, solution);
    } else if (with_graph_) {
      g = with_graph_;
    }
    std::optional<TermId> s = Id(triple.subject, row, insert, solution);
    std::optional<TermId> p = Id(triple.predicate, row, insert, solution);
    std::optional<TermId> o = Id(triple.object, row, insert, solution);
    if (!s || !p || !o || !g) return std::nullopt;
    // RDF has no literal subjects and only IRIs as predicates and graph names.
    const storage::TermTag st = storage::TagOf(*s);
    if ((st != storage::TermTag::kIri && st != storage::TermTag::kBlank) ||
        storage::TagOf(*p) != storage::TermTag::kIri ||
        (*g != storage::kDefaultGraphId && storage::TagOf(*g) != storage::TermTag::kIri)) {
      return std::nullopt;
    }
    return storage::QuadIds{*s, *p, *o, *g};
  }

  // The store id a template term has in this solution; nullopt when it is unbound, or (for
  // deletion) not in the store.
  std::optional<TermId> Id(const ast::Term& term, std::span<const TermId> row, bool insert,
                           std::uint64_t solution) {
    if (term.IsVariable()) {
      const int column = root_.ColumnOf(ctx_.Variable(term.value));
      if (column < 0 || row[column] == kUnbound) return std::nullopt;
      const TermId id = row[column];
      if (!IsLocalId(id)) return id;
      return insert ? Encode(ctx_.terms().TermOf(id).view()) : std::nullopt;
    }
    if (term.IsBlank()) {
      if (!insert) return std::nullopt;
      // A template blank node is a new node for each solution.
      return Encode(rdf::TermView::Blank(fmt::format("u{}_{}", solution, term.value)));
    }
    if (!insert) return ctx_.terms().Stored(term.view());
    return Encode(term.view());
  }

  std::optional<TermId> Encode(const rdf::TermView& term) {
    Result<TermId> id = tx_.Encode(term);
    if (!id.ok()) {
      if (status_.ok()) status_ = id.status();
      return std::nullopt;
    }
    return *id;
  }

  ExecContext& ctx_;
  const Operator& root_;
  storage::WriteTransaction& tx_;
  std::optional<TermId> with_graph_;
  Status status_;
};

Status ApplyModify(const ast::UpdateOperation& op, RequestWrites& tx,
                   const QueryOptions& options) {
  std::unique_ptr<ast::GroupPattern> delete_where;
  const ast::GroupPattern* where = op.where.get();
  if (op.kind == ast::UpdateKind::kDeleteWhere) {
    delete_where = PatternOf(op.delete_quads);
    where = delete_where.get();
  }
  // The WHERE reads the store as the request's earlier operations left it.
  ExecContext ctx(tx.view(), options.limits);
  ctx.set_adapts(options.rewrite);
  // The transaction's view reads its own uncommitted writes through one batch, which is not
  // made for readers on several threads.
  ctx.set_parallel(false);
  QueryRuntime runtime(options.base_iri);
  runtime.functions.interruption = &ctx;
  // The statistics of the view: GRAPH ?g lists the named graphs the request's earlier
  // operations left, those they added included and those they emptied not.
  Result<storage::StoreStats> stats = tx.view().Stats();
  if (!stats.ok()) return stats.status();
  Planner planner(ctx, runtime.functions, *stats, options.rewrite);
  try {
    Dataset dataset = ResolveDataset(
        ctx, options.dataset ? DatasetClauses(*options.dataset) : op.using_clauses,
        options.union_default_graph);
    std::optional<TermId> with_graph;
    if (op.with_graph) {
      Result<TermId> id = tx.Encode(op.with_graph->view());
      if (!id.ok()) return id.status();
      with_graph = *id;
      // WITH names the graph the WHERE reads, unless USING says otherwise.
      if (op.using_clauses.empty()) dataset.default_graphs = std::vector<TermId>{*id};
    }
    OperatorPtr root = planner.PlanWhere(*where, dataset);
    TemplateWriter templates(ctx, *root, tx, with_graph);
    std::vector<storage::QuadIds> inserts;
    MemoryCharge inserts_memory(ctx);
    IdTable batch;
    std::uint64_t solution = 0;
    while (root->Next(batch)) {
      for (std::size_t r = 0; r < batch.rows(); ++r, ++solution) {
        SILK_RETURN_IF_ERROR(templates.Delete(op.delete_quads, batch.row(r)));
        templates.Collect(op.insert_quads, batch.row(r), solution, inserts);
        SILK_RETURN_IF_ERROR(templates.status());
      }
      // The insertions wait for the last solution: they count against the memory limit.
      inserts_memory.Set(inserts.capacity() * sizeof(storage::QuadIds));
    }
    // Every deletion first, then every insertion: a solution's insert survives a later
    // solution's delete.
    for (const storage::QuadIds& quad : inserts) SILK_RETURN_IF_ERROR(tx.Insert(quad));
  } catch (const QueryAborted& aborted) {
    return aborted.status;
  }
  return Status::Ok();
}

Status ApplyOperation(const ast::UpdateOperation& op, RequestWrites& writes,
                      const QueryOptions& options) {
  switch (op.kind) {
    case ast::UpdateKind::kInsertData: return ApplyData(op.insert_quads, true, writes);
    case ast::UpdateKind::kDeleteData: return ApplyData(op.delete_quads, false, writes);
    case ast::UpdateKind::kDeleteWhere:
    case ast::UpdateKind::kModify: return ApplyModify(op, writes, options);
    case ast::UpdateKind::kLoad: return ApplyLoad(op, writes, options);
    case ast::UpdateKind::kClear:
    case ast::UpdateKind::kDrop:
    case ast::UpdateKind::kCreate:
    case ast::UpdateKind::kAdd:
    case ast::UpdateKind::kMove:
    case ast::UpdateKind::kCopy: return ApplyGraphManagement(op, writes, StopCheck(options.limits));
  }
  return Status::InvalidArgument("unknown update operation");
}

}  // namespace

Status ExecuteUpdate(const ast::Update& update, storage::Store& store, const QueryOptions& options) {
  // Checked before the first operation runs: a refused update changes nothing.
  if (options.dataset) {
    for (const ast::UpdateOperation& op : update.operations) {
      if (!op.using_clauses.empty() || op.with_graph) {
        return Status::InvalidArgument(
            "the update names its graphs with USING or WITH, and the request names them too "
            "(using-graph-uri, using-named-graph-uri); name them in one place");
      }
    }
  }
  if (update.operations.empty()) return Status::Ok();
  // One transaction for the whole request; the snapshot is taken once it holds the writer
  // lock, so that it is the state the transaction's changes apply to.
  std::unique_ptr<storage::WriteTransaction> tx = store.BeginWrite();
  std::unique_ptr<storage::Snapshot> snapshot = store.GetSnapshot();
  RequestWrites writes(*tx, *snapshot);
  // The time limit and cancellation hold for the whole request: each operation runs with the
  // time that is left.
  const StopCheck request_stop(options.limits);
  QueryOptions op_options = options;
  for (std::size_t i = 0; i < update.operations.size(); ++i) {
    SILK_RETURN_IF_ERROR(request_stop.Check());
    op_options.limits = request_stop.Remaining();
    const ast::UpdateOperation& op = update.operations[i];
    // Nothing reads after the last operation: it need not keep its changes in view.
    writes.set_recording(i + 1 < update.operations.size());
    // Template blank nodes are new nodes for each operation (their labels are per solution).
    writes.NewBlankNodeScope();
    const Status applied = ApplyOperation(op, writes, op_options);
    if (applied.code() == StatusCode::kCancelled) {
      // Name the request's own time limit, not the part of it this operation had left.
      SILK_RETURN_IF_ERROR(request_stop.Check());
    }
    SILK_RETURN_IF_ERROR(applied);
    writes.EndOperation();
  }
  return writes.Commit();
}

}  // namespace silk::query
