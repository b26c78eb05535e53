// Property paths are evaluated node by node: from each start, the nodes the path reaches,
// by walking the indexes (breadth first, with a visited set, for `*` and `+`, so cycles end).
//
// Multiplicities follow SPARQL 1.1 (section 18.4): a sequence is a join over a hidden middle
// node and an alternative a union, so both keep duplicates (`:a :p1/:p2 ?x` gives ?x twice
// when two middle nodes lead to it); `*`, `+`, `?` and negated sets give each end once.
#include "engine/query/operators/path_operator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace silk::query {
namespace {

using NodeSet = std::unordered_set<TermId>;
// The ends of a path from one node, each with the number of ways the path reaches it.
using NodeCounts = std::unordered_map<TermId, std::uint64_t>;
// What an entry of either costs: a node of 32 bytes and a bucket pointer, and another while
// the bucket array doubles.
constexpr std::uint64_t kSetEntryBytes = 48;

// Whether the path can match a zero-length route (x to x).
bool CanBeEmpty(const ast::Path& path) {
  switch (path.kind) {
    case ast::PathKind::kZeroOrMore:
    case ast::PathKind::kZeroOrOne: return true;
    case ast::PathKind::kInverse:
    case ast::PathKind::kOneOrMore: return CanBeEmpty(*path.operands[0]);
    case ast::PathKind::kSequence:
      return std::all_of(path.operands.begin(), path.operands.end(),
                         [](const auto& operand) { return CanBeEmpty(*operand); });
    case ast::PathKind::kAlternative:
      return std::any_of(path.operands.begin(), path.operands.end(),
                         [](const auto& operand) { return CanBeEmpty(*operand); });
    default: return false;
  }
}

// Walks one graph (or the query's default graph) along paths.
class PathWalker {
 public:
  PathWalker(ExecContext& ctx, const ScanPattern& graph) : ctx_(ctx), graph_(graph) {}

  // Adds to `out` the nodes `path` leads to from `node` (forward) or from which it leads to
  // `node` (backward), each counted as often as the path reaches it (`times` per route).
  void Count(const ast::Path& path, TermId node, bool forward, std::uint64_t times,
             NodeCounts& out) {
    ctx_.CheckCancelled();
    switch (path.kind) {
      case ast::PathKind::kLink: {
        const std::optional<TermId> p = Predicate(path.iri);
        if (p) Edges(node, *p, forward, [&](TermId other, TermId) { out[other] += times; });
        return;
      }
      case ast::PathKind::kInverse:
        Count(*path.operands[0], node, !forward, times, out);
        return;
      case ast::PathKind::kSequence: {
        NodeCounts current{{node, times}};
        MemoryCharge memory(ctx_);
        const std::size_t n = path.operands.size();
        for (std::size_t i = 0; i < n; ++i) {
          const ast::Path& step = *path.operands[forward ? i : n - 1 - i];
          NodeCounts next;
          for (const auto& [x, count] : current) {
            Count(step, x, forward, count, next);
            memory.Set((current.size() + next.size()) * kSetEntryBytes);
          }
          current = std::move(next);
        }
        for (const auto& [y, count] : current) out[y] += count;
        return;
      }
      case ast::PathKind::kAlternative:
        for (const auto& operand : path.operands) Count(*operand, node, forward, times, out);
        return;
      default: {
        NodeSet ends;
        Ends(path, node, forward, ends);
        for (TermId y : ends) out[y] += times;
        return;
      }
    }
  }

  // Whether `node` occurs in the graph as a subject or an object.
  bool InGraph(TermId node) {
    for (const int position : {kS, kO}) {
      std::array<std::optional<TermId>, 4> bound;
      bound[position] = node;
      PatternCursor cursor(ctx_.snapshot(), graph_, bound);
      if (cursor.Next()) return true;
    }
    return false;
  }

  // Adds to `out` the distinct nodes `path` leads to from `node` (forward) or from which it
  // leads to `node` (backward).
  void Ends(const ast::Path& path, TermId node, bool forward, NodeSet& out) {
    ctx_.CheckCancelled();
    switch (path.kind) {
      case ast::PathKind::kLink: {
        const std::optional<TermId> p = Predicate(path.iri);
        if (p) Step(node, *p, forward, out);
        return;
      }
      case ast::PathKind::kInverse:
        Ends(*path.operands[0], node, !forward, out);
        return;
      case ast::PathKind::kSequence:
      case ast::PathKind::kAlternative: {
        NodeCounts counts;
        Count(path, node, forward, 1, counts);
        for (const auto& [y, count] : counts) out.insert(y);
        return;
      }
      case ast::PathKind::kZeroOrOne:
        out.insert(node);
        Ends(*path.operands[0], node, forward, out);
        return;
      case ast::PathKind::kZeroOrMore:
      case ast::PathKind::kOneOrMore: {
        NodeSet visited;
        std::vector<TermId> frontier{node};
        if (path.kind == ast::PathKind::kZeroOrMore) visited.insert(node);
        MemoryCharge memory(ctx_);
        while (!frontier.empty()) {
          NodeSet next;
          for (TermId x : frontier) {
            Ends(*path.operands[0], x, forward, next);
            memory.Set((visited.size() + next.size()) * kSetEntryBytes +
                       frontier.capacity() * sizeof(TermId));
          }
          frontier.clear();
          for (TermId y : next) {
            if (visited.insert(y).second) frontier.push_back(y);
          }
        }
        out.insert(visited.begin(), visited.end());
        return;
      }
      case ast::PathKind::kNegatedSet:
        Negated(path, node, forward, out);
        return;
    }
  }

  // Every node of the graph, subjects and objects, each once; charged to `memory`.
  std::vector<TermId> AllNodes(MemoryCharge& memory) {
    NodeSet nodes;
    MemoryCharge set_memory(ctx_);
    PatternCursor cursor(ctx_.snapshot(), graph_, std::array<std::optional<storage::TermId>, 4>{});
    std::size_t n = 0;
    ForEachQuad(cursor, [&](const storage::QuadIds& quad) {
      if ((++n & 4095) == 0) {
        ctx_.CheckCancelled();
        set_memory.Set(nodes.size() * kSetEntryBytes);
      }
      nodes.insert(quad.s);
      nodes.insert(quad.o);
    });
    memory.Set(nodes.size() * sizeof(TermId));
    return std::vector<TermId>(nodes.begin(), nodes.end());
  }

 private:
  std::optional<TermId> Predicate(const ast::Term& iri) {
    auto it = predicates_.find(iri.value);
    if (it == predicates_.end()) {
      it = predicates_.emplace(iri.value, ctx_.terms().Stored(iri.view())).first;
    }
    return it->second;
  }

  // One edge: node --p--> ? (forward) or ? --p--> node (backward); p unbound when nullopt.
  template <typename Accept>
  void Edges(TermId node, std::optional<TermId> p, bool forward, Accept&& accept) {
    std::array<std::optional<TermId>, 4> bound;
    bound[forward ? kS : kO] = node;
    bound[kP] = p;
    PatternCursor cursor(ctx_.snapshot(), graph_, bound);
    ForEachQuad(cursor, [&](const storage::QuadIds& quad) {
      accept(forward ? quad.o : quad.s, quad.p);
    });
  }

  void Step(TermId node, TermId p, bool forward, NodeSet& out) {
    Edges(node, p, forward, [&](TermId other, TermId) { out.insert(other); });
  }

  // !(a|^b): edges whose predicate is none of the forward IRIs, plus reversed edges whose
  // predicate is none of the inverse IRIs.
  void Negated(const ast::Path& path, TermId node, bool forward, NodeSet& out) {
    auto excluded = [&](const std::vector<ast::Term>& iris) {
      std::vector<TermId> ids;
      for (const ast::Term& iri : iris) {
        if (std::optional<TermId> id = Predicate(iri)) ids.push_back(*id);
      }
      return ids;
    };
    const std::vector<TermId> not_forward = excluded(path.negated_forward);
    const std::vector<TermId> not_inverse = excluded(path.negated_inverse);
    const bool has_forward = !path.negated_forward.empty() || path.negated_inverse.empty();
    if (has_forward) {
      Edges(node, std::nullopt, forward, [&](TermId other, TermId p) {
        if (std::find(not_forward.begin(), not_forward.end(), p) == not_forward.end()) {
          out.insert(other);
        }
      });
    }
    if (!path.negated_inverse.empty()) {
      Edges(node, std::nullopt, !forward, [&](TermId other, TermId p) {
        if (std::find(not_inverse.begin(), not_inverse.end(), p) == not_inverse.end()) {
          out.insert(other);
        }
      });
    }
  }

  ExecContext& ctx_;
  const ScanPattern& graph_;
  std::unordered_map<std::string, std::optional<TermId>> predicates_;
};

class PathOperator final : public Operator {
 public:
  PathOperator(ExecContext& ctx, OperatorPtr input, const ast::Path& path, PathEnds ends,
               ScanPattern graph, std::vector<TermId> graphs, double estimate)
      : Operator(ctx, Columns(*input, ends, graph)), input_(std::move(input)), path_(path),
        ends_(std::move(ends)), graph_(std::move(graph)), graphs_(std::move(graphs)) {
    set_estimated_rows(estimate);
    set_maybe_unbound(input_->maybe_unbound());
    // An end the input may leave unbound takes the path's nodes, which need not be held.
    PositionsHeldList held;
    for (const auto& [var, positions] : input_->positions_held()) {
      const bool path_binds = (ends_.subject_var == var || ends_.object_var == var);
      if (!path_binds || !input_->MaybeUnbound(var)) held.emplace_back(var, positions);
    }
    set_positions_held(std::move(held));
    subject_ = Constant(ends_.subject);
    object_ = Constant(ends_.object);
    can_be_empty_ = CanBeEmpty(path_);
  }

  std::string Describe() const override { return "PropertyPath"; }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  // Streams: one input row, graph and start node at a time, and from each start only as
  // many rows as fit in the batch, so neither LIMIT nor the memory cap waits for the whole
  // result (a sequence over a dense graph reaches each end in very many ways).
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (pending_pos_ < pending_.size()) {
        EmitPending(out);
      } else if (start_pos_ < starts_.size()) {
        CountFrom(starts_[start_pos_++]);
      } else if (!NextUnit()) {
        if (row_ >= batch_.rows()) {
          if (!input_->Next(batch_)) return false;
          row_ = 0;
          continue;
        }
        current_row_ = row_++;
        unit_ = 0;
      }
    }
    return true;
  }

 private:
  static std::vector<VarId> Columns(const Operator& input, const PathEnds& ends,
                                    const ScanPattern& graph) {
    std::vector<VarId> columns = input.columns();
    for (const auto& var : {ends.subject_var, ends.object_var, graph.slots[kG].variable}) {
      if (var && std::find(columns.begin(), columns.end(), *var) == columns.end()) {
        columns.push_back(*var);
      }
    }
    return columns;
  }

  // The id of a constant end; kUnbound for a variable, and for a constant the store lacks
  // (which can still match a zero-length path: it is kept as a local id then).
  std::optional<TermId> Constant(const ast::Term& term) {
    if (term.IsVariable() || term.IsBlank()) return std::nullopt;
    return ctx_.terms().Encode(term.view());
  }

  std::optional<TermId> ValueIn(std::span<const TermId> row, const std::optional<VarId>& var,
                                const std::optional<TermId>& constant) const {
    if (constant) return constant;
    const int column = var ? input_->ColumnOf(*var) : -1;
    if (column < 0 || row[column] == kUnbound) return std::nullopt;
    return row[column];
  }

  // Starts the next graph the current input row's path is walked in; false when none is left.
  bool NextUnit() {
    if (!current_row_) return false;
    const std::span<const TermId> row = batch_.row(*current_row_);
    const std::optional<VarId> graph_var = graph_.slots[kG].variable;
    if (!graph_var) {
      if (unit_++ > 0) {
        current_row_.reset();
        return false;
      }
      StartUnit(graph_, std::nullopt, row);
      return true;
    }
    // A path inside GRAPH ?g stays within one graph: walk each.
    const int column = input_->ColumnOf(*graph_var);
    while (unit_ < graphs_.size()) {
      const TermId g = graphs_[unit_++];
      if (column >= 0 && row[column] != kUnbound && row[column] != g) continue;
      ScanPattern one = graph_;
      one.slots[kG] = ScanSlot{};
      one.slots[kG].constant = g;
      StartUnit(one, g, row);
      return true;
    }
    current_row_.reset();
    return false;
  }

  void StartUnit(const ScanPattern& graph, std::optional<TermId> g, std::span<const TermId> row) {
    unit_graph_ = graph;
    unit_g_ = g;
    walker_.emplace(ctx_, unit_graph_);
    starts_.clear();
    start_pos_ = 0;
    const std::optional<TermId> s = ValueIn(row, ends_.subject_var, subject_);
    const std::optional<TermId> o = ValueIn(row, ends_.object_var, object_);
    // A constant end written in the query matches a zero-length route even when the graph
    // lacks it; an end taken from the input row was joined, in SPARQL's algebra, with the
    // path's own solutions, which hold only nodes of the graph.
    const bool s_from_row = s && !subject_;
    const bool o_from_row = o && !object_;
    if (can_be_empty_ && ((s_from_row && !walker_->InGraph(*s)) ||
                          (!s && o_from_row && !walker_->InGraph(*o)))) {
      return;
    }
    only_end_.reset();
    if (s) {
      starts_.push_back(*s);
      forward_ = true;
      only_end_ = o;
    } else if (o) {
      starts_.push_back(*o);
      forward_ = false;
    } else {
      starts_ = walker_->AllNodes(starts_memory_);
      forward_ = true;
    }
  }

  // The ends the path reaches from `start`, each with the number of routes, become pending.
  void CountFrom(TermId start) {
    pending_.clear();
    pending_pos_ = 0;
    pending_done_ = 0;
    pending_start_ = start;
    NodeCounts ends;
    walker_->Count(path_, start, forward_, 1, ends);
    pending_memory_.Set(ends.size() * kSetEntryBytes);
    for (const auto& [end, times] : ends) {
      if (!only_end_ || *only_end_ == end) pending_.emplace_back(end, times);
    }
  }

  // Emits rows for the pending ends, as many as fit in `out`; an end reached in several
  // ways gives as many rows, spread over batches if need be.
  void EmitPending(IdTable& out) {
    const auto [end, times] = pending_[pending_pos_];
    const TermId x = forward_ ? pending_start_ : end;
    const TermId y = forward_ ? end : pending_start_;
    const bool same_variable = ends_.subject_var && ends_.object_var &&
                               *ends_.subject_var == *ends_.object_var;
    if (same_variable && x != y) {
      ++pending_pos_;
      return;
    }
    const std::span<const TermId> row = batch_.row(*current_row_);
    for (; pending_done_ < times && out.rows() < kBatchRows; ++pending_done_) {
      std::span<TermId> result = out.AddRow();
      std::copy(row.begin(), row.end(), result.begin());
      if (ends_.subject_var) result[ColumnOf(*ends_.subject_var)] = x;
      if (ends_.object_var) result[ColumnOf(*ends_.object_var)] = y;
      if (unit_g_) result[ColumnOf(*graph_.slots[kG].variable)] = *unit_g_;
    }
    if (pending_done_ == times) {
      ++pending_pos_;
      pending_done_ = 0;
    }
  }

  OperatorPtr input_;
  const ast::Path& path_;
  PathEnds ends_;
  ScanPattern graph_;
  std::vector<TermId> graphs_;
  std::optional<TermId> subject_;
  std::optional<TermId> object_;
  bool can_be_empty_ = false;
  IdTable batch_;
  std::size_t row_ = 0;  // the next input row to start
  // The input row being expanded (an index into batch_) and the next of its graphs.
  std::optional<std::size_t> current_row_;
  std::size_t unit_ = 0;
  // The graph being walked, and the walker over it.
  ScanPattern unit_graph_;
  std::optional<TermId> unit_g_;
  std::optional<PathWalker> walker_;
  // The nodes to walk from in it, and whether forward (from subjects) or backward.
  std::vector<TermId> starts_;
  MemoryCharge starts_memory_{ctx_};
  std::size_t start_pos_ = 0;
  bool forward_ = true;
  std::optional<TermId> only_end_;  // both ends known: keep the routes to this one
  // The ends reached from pending_start_ and the routes to each; how far emitting got.
  std::vector<std::pair<TermId, std::uint64_t>> pending_;
  MemoryCharge pending_memory_{ctx_};
  TermId pending_start_ = kUnbound;
  std::size_t pending_pos_ = 0;
  std::uint64_t pending_done_ = 0;
};

}  // namespace

OperatorPtr MakePathOperator(ExecContext& ctx, OperatorPtr input, const ast::Path& path,
                             PathEnds ends, ScanPattern graph, std::vector<TermId> graphs,
                             double estimate) {
  return std::make_unique<PathOperator>(ctx, std::move(input), path, std::move(ends),
                                        std::move(graph), std::move(graphs), estimate);
}

}  // namespace silk::query
