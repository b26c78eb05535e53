// Property paths are evaluated node by node: from each start, the nodes the path reaches,
// by walking the indexes (breadth first, with a visited set, for `*` and `+`, so cycles end).
//
// Multiplicities follow SPARQL 1.1 (section 18.4): a sequence is a join over a hidden middle
// node and an alternative a union, so both keep duplicates (`:a :p1/:p2 ?x` gives ?x twice
// when two middle nodes lead to it); `*`, `+`, `?` and negated sets give each end once.
#include "engine/query/path_operator.h"

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
        const std::size_t n = path.operands.size();
        for (std::size_t i = 0; i < n; ++i) {
          const ast::Path& step = *path.operands[forward ? i : n - 1 - i];
          NodeCounts next;
          for (const auto& [x, count] : current) Count(step, x, forward, count, next);
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
        while (!frontier.empty()) {
          NodeSet next;
          for (TermId x : frontier) Ends(*path.operands[0], x, forward, next);
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

  // Every node of the graph: subjects and objects.
  NodeSet AllNodes() {
    NodeSet nodes;
    PatternCursor cursor(ctx_.snapshot(), graph_, {});
    std::size_t n = 0;
    while (std::optional<storage::QuadIds> quad = cursor.Next()) {
      if ((++n & 4095) == 0) ctx_.CheckCancelled();
      nodes.insert(quad->s);
      nodes.insert(quad->o);
    }
    return nodes;
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
    while (std::optional<storage::QuadIds> quad = cursor.Next()) {
      accept(forward ? quad->o : quad->s, quad->p);
    }
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
               ScanPattern graph, std::vector<TermId> graphs)
      : Operator(ctx, Columns(*input, ends, graph)), input_(std::move(input)), path_(path),
        ends_(std::move(ends)), graph_(std::move(graph)), graphs_(std::move(graphs)) {
    set_estimated_rows(input_->estimated_rows() * 10);
    set_maybe_unbound(input_->maybe_unbound());
    subject_ = Constant(ends_.subject);
    object_ = Constant(ends_.object);
    can_be_empty_ = CanBeEmpty(path_);
  }

  std::string Describe() const override { return "PropertyPath"; }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    while (out.rows() < kBatchRows) {
      if (row_ >= batch_.rows()) {
        if (!input_->Next(batch_)) return false;
        row_ = 0;
        continue;
      }
      Expand(batch_.row(row_++), out);
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

  void Expand(std::span<const TermId> row, IdTable& out) {
    const std::optional<VarId> graph_var = graph_.slots[kG].variable;
    if (!graph_var) {
      ExpandIn(graph_, row, std::nullopt, out);
      return;
    }
    // A path inside GRAPH ?g stays within one graph: walk each.
    const int column = input_->ColumnOf(*graph_var);
    ScanPattern one = graph_;
    one.slots[kG] = ScanSlot{};
    for (TermId g : graphs_) {
      if (column >= 0 && row[column] != kUnbound && row[column] != g) continue;
      one.slots[kG].constant = g;
      ExpandIn(one, row, g, out);
    }
  }

  void ExpandIn(const ScanPattern& graph, std::span<const TermId> row, std::optional<TermId> g,
                IdTable& out) {
    PathWalker walker(ctx_, graph);
    const std::optional<TermId> s = ValueIn(row, ends_.subject_var, subject_);
    const std::optional<TermId> o = ValueIn(row, ends_.object_var, object_);
    const bool same_variable = ends_.subject_var && ends_.object_var &&
                               *ends_.subject_var == *ends_.object_var;
    auto emit = [&](TermId x, TermId y, std::uint64_t times) {
      if (same_variable && x != y) return;
      for (std::uint64_t i = 0; i < times; ++i) {
        std::span<TermId> result = out.AddRow();
        std::copy(row.begin(), row.end(), result.begin());
        if (ends_.subject_var) result[ColumnOf(*ends_.subject_var)] = x;
        if (ends_.object_var) result[ColumnOf(*ends_.object_var)] = y;
        if (g) result[ColumnOf(*graph_.slots[kG].variable)] = *g;
      }
    };
    // A constant end written in the query matches a zero-length route even when the graph
    // lacks it; an end taken from the input row was joined, in SPARQL's algebra, with the
    // path's own solutions, which hold only nodes of the graph.
    const bool s_from_row = s && !subject_;
    const bool o_from_row = o && !object_;
    if (can_be_empty_ && ((s_from_row && !walker.InGraph(*s)) ||
                          (!s && o_from_row && !walker.InGraph(*o)))) {
      return;
    }
    NodeCounts ends;
    if (s) {
      walker.Count(path_, *s, /*forward=*/true, 1, ends);
      for (const auto& [y, times] : ends) {
        if (!o || *o == y) emit(*s, y, times);
      }
    } else if (o) {
      walker.Count(path_, *o, /*forward=*/false, 1, ends);
      for (const auto& [x, times] : ends) emit(x, *o, times);
    } else {
      for (TermId x : walker.AllNodes()) {
        ends.clear();
        walker.Count(path_, x, /*forward=*/true, 1, ends);
        for (const auto& [y, times] : ends) emit(x, y, times);
      }
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
  std::size_t row_ = 0;
};

}  // namespace

OperatorPtr MakePathOperator(ExecContext& ctx, OperatorPtr input, const ast::Path& path,
                             PathEnds ends, ScanPattern graph, std::vector<TermId> graphs) {
  return std::make_unique<PathOperator>(ctx, std::move(input), path, std::move(ends),
                                        std::move(graph), std::move(graphs));
}

}  // namespace silk::query
