#include "engine/query/planner.h"

#include <algorithm>
#include <cmath>

#include "engine/query/join_layout.h"
#include "engine/query/path_operator.h"

namespace silk::query {
namespace {

// An index seek costs about as much as reading this many rows of a scan into a hash join (a
// seek in cached blocks is a few microseconds; a hashed row about one); the planner joins by
// seeking (IndexJoin) when the left side times this is below the pattern's size.
constexpr double kSeekCost = 5;

bool IsVariableLike(const ast::Term& term) { return term.IsVariable() || term.IsBlank(); }

// Whether a group, or a group nested in it, holds a subquery or a MINUS: parts whose meaning
// changes if a GRAPH variable is bound inside them rather than joined afterwards.
bool HasSubqueryOrMinus(const ast::GroupPattern& group) {
  if (group.subquery) return true;
  for (const ast::PatternElement& element : group.elements) {
    if (std::holds_alternative<ast::MinusPattern>(element)) return true;
    if (const auto* optional = std::get_if<ast::OptionalPattern>(&element)) {
      if (HasSubqueryOrMinus(*optional->group)) return true;
    } else if (const auto* alternatives = std::get_if<ast::UnionPattern>(&element)) {
      for (const auto& alternative : alternatives->alternatives) {
        if (HasSubqueryOrMinus(*alternative)) return true;
      }
    } else if (const auto* graph = std::get_if<ast::GraphPattern>(&element)) {
      if (HasSubqueryOrMinus(*graph->group)) return true;
    }
  }
  return false;
}

void AddName(std::vector<std::string>& names, const ast::Term& term) {
  if (term.IsVariable() && std::find(names.begin(), names.end(), term.value) == names.end()) {
    names.push_back(term.value);
  }
}

void CollectAggregates(const ast::Expression& e, std::vector<const ast::Expression*>& out) {
  if (e.kind == ast::ExprKind::kAggregate) {
    out.push_back(&e);
    return;
  }
  for (const auto& arg : e.args) CollectAggregates(*arg, out);
}

// FILTER(A && B) keeps a row exactly when FILTER(A) FILTER(B) does (an error or false in
// either drops it), and each part can then run as soon as its own variables are bound.
void AddConjuncts(const ast::Expression& e, std::vector<const ast::Expression*>& out) {
  if (e.kind == ast::ExprKind::kAnd) {
    for (const auto& arg : e.args) AddConjuncts(*arg, out);
    return;
  }
  out.push_back(&e);
}

expr::AggregateFunction ToFunction(ast::Aggregate aggregate) {
  switch (aggregate) {
    case ast::Aggregate::kCount: return expr::AggregateFunction::kCount;
    case ast::Aggregate::kSum: return expr::AggregateFunction::kSum;
    case ast::Aggregate::kMin: return expr::AggregateFunction::kMin;
    case ast::Aggregate::kMax: return expr::AggregateFunction::kMax;
    case ast::Aggregate::kAvg: return expr::AggregateFunction::kAvg;
    case ast::Aggregate::kSample: return expr::AggregateFunction::kSample;
    case ast::Aggregate::kGroupConcat: return expr::AggregateFunction::kGroupConcat;
  }
  return expr::AggregateFunction::kCount;
}

}  // namespace

Dataset ResolveDataset(ExecContext& ctx, const std::vector<ast::DatasetClause>& clauses,
                       bool union_default_graph) {
  Dataset dataset;
  dataset.union_default_graph = union_default_graph;
  if (clauses.empty()) return dataset;
  // Once a query names its dataset, graphs it does not name are not part of it.
  dataset.default_graphs.emplace();
  dataset.named_graphs.emplace();
  for (const ast::DatasetClause& clause : clauses) {
    std::optional<TermId> id = ctx.terms().Stored(rdf::TermView::Iri(clause.iri.value));
    if (!id) continue;  // a graph the store lacks is empty
    (clause.named ? *dataset.named_graphs : *dataset.default_graphs).push_back(*id);
  }
  for (auto* graphs : {&*dataset.default_graphs, &*dataset.named_graphs}) {
    std::sort(graphs->begin(), graphs->end());
    graphs->erase(std::unique(graphs->begin(), graphs->end()), graphs->end());
  }
  return dataset;
}

Planner::Planner(ExecContext& ctx, expr::FunctionContext& functions,
                 const storage::StoreStats& stats)
    : ctx_(ctx), functions_(functions) {
  for (const storage::PredicateStats& p : stats.predicates) predicate_stats_[p.predicate] = p;
  for (const storage::GraphStats& g : stats.graphs) {
    if (g.graph != storage::kDefaultGraphId) named_graphs_.push_back(g.graph);
  }
}

ExpressionEnv Planner::Env(const std::map<const ast::Expression*, VarId>* aggregates) {
  ExpressionEnv env;
  env.ctx = &ctx_;
  env.functions = &functions_;
  env.exists = this;
  env.graph = graph_.graph;
  env.aggregate_vars = aggregates;
  return env;
}

VarId Planner::VariableOf(const ast::Term& term) {
  // Blank nodes in patterns are variables no one can name in SELECT: "_:" cannot start a
  // variable name.
  return ctx_.Variable(term.IsBlank() ? "_:" + term.value : term.value);
}

std::optional<ScanSlot> Planner::Slot(const ast::Term& term) {
  if (IsVariableLike(term)) return ScanSlot{std::nullopt, VariableOf(term)};
  std::optional<TermId> id = ctx_.terms().Stored(term.view());
  if (!id) return std::nullopt;
  return ScanSlot{*id, std::nullopt};
}

std::optional<ScanPattern> Planner::ToScan(const ast::TriplePattern& triple,
                                           const GraphContext& graph) {
  ScanPattern pattern;
  const ast::Term* terms[3] = {&triple.subject, &triple.predicate, &triple.object};
  for (int i = 0; i < 3; ++i) {
    std::optional<ScanSlot> slot = Slot(*terms[i]);
    if (!slot) return std::nullopt;
    pattern.slots[i] = *slot;
  }
  if (!graph.graph) {
    if (dataset_.default_graphs) {
      if (dataset_.default_graphs->empty()) return std::nullopt;
      pattern.scope = GraphScope::kSet;
      pattern.graphs = *dataset_.default_graphs;
    } else if (!dataset_.union_default_graph) {
      pattern.slots[kG].constant = storage::kDefaultGraphId;
    }
    return pattern;
  }
  if (graph.graph->IsVariable()) {
    pattern.slots[kG].variable = VariableOf(*graph.graph);
    pattern.scope = GraphScope::kNamed;
    if (dataset_.named_graphs) {
      if (dataset_.named_graphs->empty()) return std::nullopt;
      pattern.scope = GraphScope::kSet;
      pattern.graphs = *dataset_.named_graphs;
    }
    return pattern;
  }
  std::optional<ScanSlot> g = Slot(*graph.graph);
  if (!g) return std::nullopt;
  if (dataset_.named_graphs && !std::binary_search(dataset_.named_graphs->begin(),
                                                   dataset_.named_graphs->end(), *g->constant)) {
    return std::nullopt;
  }
  pattern.slots[kG] = *g;
  return pattern;
}

double Planner::EstimateScan(const ScanPattern& pattern) {
  return static_cast<double>(ctx_.snapshot().Estimate(ToQuadPattern(pattern, {})));
}

double Planner::Fanout(const ScanPattern& pattern, const std::vector<VarId>& bound) {
  const double all = EstimateScan(pattern);
  auto is_bound = [&](int position) {
    const auto& var = pattern.slots[position].variable;
    return var && std::find(bound.begin(), bound.end(), *var) != bound.end();
  };
  const bool s = is_bound(kS), p = is_bound(kP), o = is_bound(kO);
  if (!s && !p && !o) return all;
  double fanout = all;
  auto stats = pattern.slots[kP].constant ? predicate_stats_.find(*pattern.slots[kP].constant)
                                          : predicate_stats_.end();
  if (stats != predicate_stats_.end()) {
    const auto& st = stats->second;
    if (s) fanout = std::min(fanout, double(st.quads) / std::max<double>(1, st.distinct_subjects));
    if (o) fanout = std::min(fanout, double(st.quads) / std::max<double>(1, st.distinct_objects));
    if (s && o) fanout = std::min(fanout, 1.0);
  } else {
    // Without per-predicate numbers: a bound node has a handful of edges.
    fanout = std::min(fanout, (s && o) ? 2.0 : 10.0 + (p ? 0 : 10));
  }
  return std::max(fanout, 0.01);
}

OperatorPtr Planner::Unit() {
  IdTable one(0);
  one.AddRow();
  return MakeValues(ctx_, {}, std::move(one));
}

OperatorPtr Planner::Empty(std::vector<VarId> columns) {
  IdTable none(columns.size());
  return MakeValues(ctx_, std::move(columns), std::move(none));
}

OperatorPtr Planner::Join(OperatorPtr left, OperatorPtr right) {
  if (!left) return right;
  if (!right) return left;
  const double estimate = std::max(left->estimated_rows(), right->estimated_rows());
  // The right side is held in memory: make it the smaller one.
  if (right->estimated_rows() > left->estimated_rows()) std::swap(left, right);
  return MakeHashJoin(ctx_, std::move(left), std::move(right), estimate);
}

OperatorPtr Planner::ApplyReadyFilters(OperatorPtr op,
                                       std::vector<const ast::Expression*>& filters) {
  if (!op) return op;
  for (auto it = filters.begin(); it != filters.end();) {
    // A filter may run early once every variable it reads is bound for good: later joins
    // cannot change those values. EXISTS reads the whole row, so it waits for the end.
    bool ready = !ContainsExists(**it);
    for (const std::string& name : ReferencedVariables(**it)) {
      const VarId var = ctx_.Variable(name);
      ready = ready && op->ColumnOf(var) >= 0 && !op->MaybeUnbound(var);
    }
    if (!ready) {
      ++it;
      continue;
    }
    RowExpressionPtr condition = CompileExpression(**it, op->columns(), Env());
    op = MakeFilter(ctx_, std::move(op), std::move(condition));
    it = filters.erase(it);
  }
  return op;
}

OperatorPtr Planner::PlanBgp(OperatorPtr left,
                             const std::vector<const ast::TriplePattern*>& triples,
                             const GraphContext& graph,
                             std::vector<const ast::Expression*>& filters) {
  struct Candidate {
    const ast::TriplePattern* triple;
    ScanPattern scan;
    double size;
  };
  std::vector<Candidate> candidates;
  std::vector<const ast::TriplePattern*> paths;
  for (const ast::TriplePattern* triple : triples) {
    if (triple->path) {
      paths.push_back(triple);
      continue;
    }
    std::optional<ScanPattern> scan = ToScan(*triple, graph);
    if (!scan) {
      // A constant the store lacks: the whole pattern has no solution.
      std::vector<VarId> columns = left ? left->columns() : std::vector<VarId>{};
      for (const ast::TriplePattern* t : triples) {
        for (const ast::Term* term : {&t->subject, &t->predicate, &t->object}) {
          if (IsVariableLike(*term) && !(t->path && term == &t->predicate)) {
            const VarId var = VariableOf(*term);
            if (std::find(columns.begin(), columns.end(), var) == columns.end()) {
              columns.push_back(var);
            }
          }
        }
        if (graph.graph && graph.graph->IsVariable()) {
          const VarId var = VariableOf(*graph.graph);
          if (std::find(columns.begin(), columns.end(), var) == columns.end()) {
            columns.push_back(var);
          }
        }
      }
      return Empty(std::move(columns));
    }
    const double size = EstimateScan(*scan);
    candidates.push_back({triple, std::move(*scan), size});
  }

  OperatorPtr op = std::move(left);
  while (!candidates.empty()) {
    std::vector<VarId> bound;
    if (op) {
      for (VarId var : op->columns()) {
        if (!op->MaybeUnbound(var)) bound.push_back(var);
      }
    }
    // Greedy: the pattern that keeps the intermediate result smallest, preferring patterns
    // connected to what is already bound (a cross product only when nothing connects).
    std::size_t best = 0;
    double best_cost = 0;
    bool best_connected = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      bool connected = false;
      for (VarId var : candidates[i].scan.Variables()) {
        connected |= std::find(bound.begin(), bound.end(), var) != bound.end();
      }
      const double rows = op ? op->estimated_rows() : 1;
      const double cost = connected ? rows * Fanout(candidates[i].scan, bound)
                                    : rows * candidates[i].size;
      if (i == 0 || (connected && !best_connected) ||
          (connected == best_connected && cost < best_cost)) {
        best = i;
        best_cost = cost;
        best_connected = connected;
      }
    }
    Candidate chosen = std::move(candidates[best]);
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(best));
    if (!op) {
      op = MakeIndexScan(ctx_, std::move(chosen.scan), chosen.size);
    } else if (best_connected && op->estimated_rows() * kSeekCost < chosen.size) {
      op = MakeIndexJoin(ctx_, std::move(op), std::move(chosen.scan), best_cost);
    } else {
      const double size = chosen.size;
      OperatorPtr scan = MakeIndexScan(ctx_, std::move(chosen.scan), size);
      OperatorPtr joined = Join(std::move(op), std::move(scan));
      op = std::move(joined);
    }
    op = ApplyReadyFilters(std::move(op), filters);
  }
  for (const ast::TriplePattern* path : paths) {
    op = PlanPath(std::move(op), *path, graph);
    op = ApplyReadyFilters(std::move(op), filters);
  }
  return op;
}

OperatorPtr Planner::PlanPath(OperatorPtr left, const ast::TriplePattern& triple,
                              const GraphContext& graph) {
  PathEnds ends;
  ends.subject = triple.subject;
  ends.object = triple.object;
  ends.subject_var = IsVariableLike(triple.subject) ? std::optional(VariableOf(triple.subject))
                                                    : std::nullopt;
  ends.object_var = IsVariableLike(triple.object) ? std::optional(VariableOf(triple.object))
                                                  : std::nullopt;
  // The graph the path walks: a scan template whose s, p, o the path operator fills in.
  ast::TriplePattern probe;
  probe.subject = ast::Term{ast::TermKind::kVariable, "%path_s", {}, {}, {}, {}};
  probe.predicate = ast::Term{ast::TermKind::kVariable, "%path_p", {}, {}, {}, {}};
  probe.object = ast::Term{ast::TermKind::kVariable, "%path_o", {}, {}, {}, {}};
  std::optional<ScanPattern> scan = ToScan(probe, graph);
  if (!scan) {
    std::vector<VarId> columns = left ? left->columns() : std::vector<VarId>{};
    for (const auto& var : {ends.subject_var, ends.object_var}) {
      if (var && std::find(columns.begin(), columns.end(), *var) == columns.end()) {
        columns.push_back(*var);
      }
    }
    return Empty(std::move(columns));
  }
  for (ScanSlot& slot : scan->slots) {
    if (slot.variable && ctx_.VariableName(*slot.variable).starts_with("%path_")) slot.variable.reset();
  }
  if (!left) left = Unit();
  std::vector<TermId> graphs = NamedGraphsInScope();
  return MakePathOperator(ctx_, std::move(left), *triple.path, std::move(ends), std::move(*scan),
                          std::move(graphs));
}

OperatorPtr Planner::PlanGroup(const ast::GroupPattern& group, const GraphContext& graph,
                               bool apply_filters) {
  if (group.subquery) return PlanSelect(*group.subquery, graph, nullptr);
  const GraphSwitch in_graph(graph_, graph);

  std::vector<const ast::Expression*> filters;
  for (const ast::PatternElement& element : group.elements) {
    const auto* filter = std::get_if<ast::FilterPattern>(&element);
    if (filter && apply_filters) AddConjuncts(*filter->condition, filters);
  }

  OperatorPtr op;
  std::vector<const ast::TriplePattern*> triples;
  auto flush = [&] {
    if (triples.empty()) return;
    op = PlanBgp(std::move(op), triples, graph, filters);
    triples.clear();
  };

  for (const ast::PatternElement& element : group.elements) {
    if (const auto* block = std::get_if<ast::TriplesBlock>(&element)) {
      for (const ast::TriplePattern& triple : block->triples) triples.push_back(&triple);
      continue;
    }
    if (std::holds_alternative<ast::FilterPattern>(element)) continue;
    flush();
    if (const auto* optional = std::get_if<ast::OptionalPattern>(&element)) {
      // OPTIONAL { P FILTER(F) } is LeftJoin(left, P, F): F sees the left row too.
      ast::GroupPattern& inner = *optional->group;
      std::vector<const ast::Expression*> conditions;
      if (!inner.subquery) {
        for (const ast::PatternElement& e : inner.elements) {
          if (const auto* f = std::get_if<ast::FilterPattern>(&e)) {
            conditions.push_back(f->condition.get());
          }
        }
      }
      OperatorPtr right = PlanGroup(inner, graph, /*apply_filters=*/false);
      if (!op) op = Unit();
      JoinLayout layout(*op, *right);
      RowExpressionPtr condition;
      if (!conditions.empty()) {
        condition = CompileConjunction(conditions, layout.columns, Env());
      }
      op = MakeLeftJoin(ctx_, std::move(op), std::move(right), std::move(condition));
    } else if (const auto* alternatives = std::get_if<ast::UnionPattern>(&element)) {
      if (alternatives->alternatives.size() == 1) {
        op = Join(std::move(op), PlanGroup(*alternatives->alternatives[0], graph));
      } else {
        std::vector<OperatorPtr> inputs;
        for (const auto& alternative : alternatives->alternatives) {
          inputs.push_back(PlanGroup(*alternative, graph));
        }
        op = Join(std::move(op), MakeUnion(ctx_, std::move(inputs)));
      }
    } else if (const auto* minus = std::get_if<ast::MinusPattern>(&element)) {
      if (!op) op = Unit();
      op = MakeMinus(ctx_, std::move(op), PlanGroup(*minus->group, graph));
    } else if (const auto* graph_pattern = std::get_if<ast::GraphPattern>(&element)) {
      op = Join(std::move(op), PlanGraph(*graph_pattern));
    } else if (const auto* bind = std::get_if<ast::BindPattern>(&element)) {
      if (!op) op = Unit();
      std::vector<Binding> binding;
      binding.push_back({VariableOf(bind->variable),
                         CompileExpression(*bind->expression, op->columns(), Env())});
      op = MakeExtend(ctx_, std::move(op), std::move(binding), functions_.bnodes);
    } else if (const auto* values = std::get_if<ast::ValuesPattern>(&element)) {
      op = Join(std::move(op), PlanValues(values->values));
    }
    op = ApplyReadyFilters(std::move(op), filters);
  }
  flush();
  if (!op) op = Unit();
  for (const ast::Expression* filter : filters) {
    RowExpressionPtr condition = CompileExpression(*filter, op->columns(), Env());
    op = MakeFilter(ctx_, std::move(op), std::move(condition));
  }
  return op;
}

std::vector<TermId> Planner::NamedGraphsInScope() const {
  return dataset_.named_graphs ? *dataset_.named_graphs : named_graphs_;
}

OperatorPtr Planner::PlanGraph(const ast::GraphPattern& pattern) {
  if (pattern.graph.IsVariable()) {
    // Binding ?g in the scans is the fast way, and equal to SPARQL's definition unless the
    // pattern is empty (one solution per graph), uses ?g itself (it must be joined with the
    // graph name afterwards, not substituted: sparql10 graph-optional), or holds a subquery
    // (aggregates per graph) or a MINUS (whose right side must not share ?g).
    const std::vector<std::string> inner = VisibleVariables(*pattern.group);
    if ((pattern.group->elements.empty() && !pattern.group->subquery) ||
        HasSubqueryOrMinus(*pattern.group) ||
        std::find(inner.begin(), inner.end(), pattern.graph.value) != inner.end()) {
      return PlanGraphPerName(pattern);
    }
    return PlanGroup(*pattern.group, GraphContext{pattern.graph});
  }
  OperatorPtr op = PlanGroup(*pattern.group, GraphContext{pattern.graph});
  // A graph outside the data set has no solutions, even for patterns that match no triples
  // (GRAPH <g> {}, a lone BIND or VALUES).
  const std::optional<TermId> id = ctx_.terms().Stored(pattern.graph.view());
  const std::vector<TermId> graphs = NamedGraphsInScope();
  if (!id || std::find(graphs.begin(), graphs.end(), *id) == graphs.end()) {
    return Empty(op->columns());
  }
  return op;
}

OperatorPtr Planner::PlanGraphPerName(const ast::GraphPattern& pattern) {
  const VarId var = VariableOf(pattern.graph);
  std::vector<OperatorPtr> inputs;
  for (const TermId graph : NamedGraphsInScope()) {
    ast::Term name;
    name.kind = ast::TermKind::kIri;
    name.value = ctx_.terms().TermOf(graph).value;
    OperatorPtr inner = PlanGroup(*pattern.group, GraphContext{name});
    IdTable row(1);
    row.AddRow(std::vector<TermId>{graph});
    inputs.push_back(Join(MakeValues(ctx_, {var}, std::move(row)), std::move(inner)));
  }
  if (inputs.empty()) {
    std::vector<VarId> columns{var};
    for (const std::string& name : VisibleVariables(*pattern.group)) {
      const VarId v = ctx_.Variable(name);
      if (v != var) columns.push_back(v);
    }
    return Empty(std::move(columns));
  }
  if (inputs.size() == 1) return std::move(inputs.front());
  return MakeUnion(ctx_, std::move(inputs));
}

OperatorPtr Planner::PlanValues(const ast::ValuesBlock& values) {
  std::vector<VarId> columns;
  for (const ast::Term& var : values.variables) columns.push_back(VariableOf(var));
  IdTable rows(columns.size());
  for (const auto& values_row : values.rows) {
    std::span<TermId> row = rows.AddRow();
    for (std::size_t i = 0; i < values_row.size(); ++i) {
      if (values_row[i]) row[i] = ctx_.terms().Encode(values_row[i]->view());
    }
  }
  return MakeValues(ctx_, std::move(columns), std::move(rows));
}

OperatorPtr Planner::PlanSelect(const ast::Query& query, const GraphContext& graph,
                                std::vector<VarId>* output) {
  // A subquery inside GRAPH matches its triples in that graph, and so do its EXISTS.
  const GraphSwitch in_graph(graph_, graph);
  OperatorPtr op = query.where ? PlanGroup(*query.where, graph) : Unit();
  const ast::SolutionModifiers& modifiers = query.modifiers;

  // Aggregates, wherever they appear, are computed by one Group; each gets a hidden variable.
  std::vector<const ast::Expression*> aggregates;
  for (const ast::Projection& projection : query.projections) {
    if (projection.expression) CollectAggregates(*projection.expression, aggregates);
  }
  for (const auto& having : modifiers.having) CollectAggregates(*having, aggregates);
  for (const ast::OrderCondition& order : modifiers.order_by) {
    CollectAggregates(*order.expression, aggregates);
  }
  std::map<const ast::Expression*, VarId> aggregate_vars;
  if (!modifiers.group_by.empty() || !aggregates.empty()) {
    std::vector<GroupKey> keys;
    for (const ast::GroupCondition& condition : modifiers.group_by) {
      VarId var;
      if (condition.variable) {
        var = VariableOf(*condition.variable);
      } else if (condition.expression->kind == ast::ExprKind::kVariable) {
        var = VariableOf(condition.expression->term);
      } else {
        var = ctx_.Variable("%group" + std::to_string(hidden_vars_++));
      }
      keys.push_back({var, CompileExpression(*condition.expression, op->columns(), Env())});
    }
    std::vector<AggregateColumn> columns;
    for (const ast::Expression* aggregate : aggregates) {
      const VarId var = ctx_.Variable("%aggregate" + std::to_string(hidden_vars_++));
      aggregate_vars[aggregate] = var;
      expr::AggregateSpec spec;
      spec.function = ToFunction(aggregate->aggregate);
      spec.distinct = aggregate->distinct;
      if (aggregate->separator) spec.separator = *aggregate->separator;
      RowExpressionPtr argument;
      if (!aggregate->args.empty()) {
        argument = CompileExpression(*aggregate->args[0], op->columns(), Env());
      }
      columns.push_back({var, spec, std::move(argument)});
    }
    op = MakeGroup(ctx_, std::move(op), std::move(keys), std::move(columns));
    for (const auto& having : modifiers.having) {
      RowExpressionPtr condition = CompileExpression(*having, op->columns(), Env(&aggregate_vars));
      op = MakeFilter(ctx_, std::move(op), std::move(condition));
    }
  }
  if (query.values) op = Join(std::move(op), PlanValues(*query.values));

  std::vector<VarId> projected;
  if (query.select_all) {
    for (const std::string& name : query.where ? VisibleVariables(*query.where)
                                               : std::vector<std::string>{}) {
      projected.push_back(ctx_.Variable(name));
    }
  }
  // SELECT's expressions form one Extend: one solution at a time, in the order written.
  std::vector<VarId> extended = op->columns();
  for (const ast::Projection& projection : query.projections) {
    if (projection.expression) extended.push_back(VariableOf(projection.variable));
  }
  std::vector<Binding> bindings;
  for (const ast::Projection& projection : query.projections) {
    const VarId var = VariableOf(projection.variable);
    if (projection.expression) {
      bindings.push_back(
          {var, CompileExpression(*projection.expression, extended, Env(&aggregate_vars))});
    }
    projected.push_back(var);
  }
  if (!bindings.empty()) {
    op = MakeExtend(ctx_, std::move(op), std::move(bindings), functions_.bnodes);
  }

  if (!modifiers.order_by.empty()) {
    std::vector<SortKey> keys;
    for (const ast::OrderCondition& order : modifiers.order_by) {
      keys.push_back({CompileExpression(*order.expression, op->columns(), Env(&aggregate_vars)),
                      order.descending});
    }
    // With LIMIT, only the rows up to OFFSET + LIMIT can be output; DISTINCT, which drops
    // rows after the sort, needs them all.
    const bool distinct = query.form == ast::QueryForm::kSelect && (query.distinct || query.reduced);
    if (modifiers.limit && !distinct) {
      const std::uint64_t offset = modifiers.offset.value_or(0);
      const std::uint64_t k = *modifiers.limit > UINT64_MAX - offset ? UINT64_MAX : offset + *modifiers.limit;
      op = MakeTopSort(ctx_, std::move(op), std::move(keys), k);
    } else {
      op = MakeSort(ctx_, std::move(op), std::move(keys));
    }
  }
  if (query.form == ast::QueryForm::kSelect) {
    op = MakeProject(ctx_, std::move(op), projected);
    if (query.distinct || query.reduced) op = MakeDistinct(ctx_, std::move(op));
  }
  if (modifiers.offset || modifiers.limit) {
    op = MakeSlice(ctx_, std::move(op), modifiers.offset.value_or(0), modifiers.limit);
  }
  if (output) *output = query.form == ast::QueryForm::kSelect ? projected : op->columns();
  return op;
}

OperatorPtr Planner::PlanQuery(const ast::Query& query, const Dataset& dataset,
                               std::vector<VarId>* output) {
  dataset_ = dataset;
  OperatorPtr op = PlanSelect(query, GraphContext{}, output);
  if (query.form == ast::QueryForm::kAsk) op = MakeSlice(ctx_, std::move(op), 0, 1);
  return op;
}

OperatorPtr Planner::PlanWhere(const ast::GroupPattern& where, const Dataset& dataset) {
  dataset_ = dataset;
  return PlanGroup(where, GraphContext{});
}

bool Planner::Exists(const ast::GroupPattern& pattern, const ast::Term* graph,
                     const std::vector<VarId>& columns, std::span<const TermId> row) {
  // Planning and running the pattern again for every row is slow on a large input: each
  // run is a point where the query may stop, even before its operators check.
  ctx_.CheckCancelled();
  // The row's bound values, as a one-row VALUES joined with the pattern (SPARQL's
  // substitution, section 18.6).
  std::vector<VarId> bound_vars;
  IdTable bound_row(0);
  std::vector<TermId> values;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (row[i] == kUnbound) continue;
    bound_vars.push_back(columns[i]);
    values.push_back(row[i]);
  }
  bound_row.Reset(bound_vars.size());
  bound_row.AddRow(values);
  GraphContext context;
  if (graph != nullptr) context.graph = *graph;
  OperatorPtr plan = PlanGroup(pattern, context);
  OperatorPtr joined = Join(MakeValues(ctx_, std::move(bound_vars), std::move(bound_row)),
                            std::move(plan));
  IdTable batch;
  return joined->Next(batch);
}

std::vector<std::string> Planner::VisibleVariables(const ast::GroupPattern& pattern) {
  std::vector<std::string> names;
  if (pattern.subquery) {
    for (const ast::Projection& projection : pattern.subquery->projections) {
      AddName(names, projection.variable);
    }
    if (pattern.subquery->select_all && pattern.subquery->where) {
      for (const std::string& name : VisibleVariables(*pattern.subquery->where)) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    return names;
  }
  auto merge = [&](const std::vector<std::string>& more) {
    for (const std::string& name : more) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  };
  for (const ast::PatternElement& element : pattern.elements) {
    if (const auto* block = std::get_if<ast::TriplesBlock>(&element)) {
      for (const ast::TriplePattern& triple : block->triples) {
        AddName(names, triple.subject);
        if (!triple.path) AddName(names, triple.predicate);
        AddName(names, triple.object);
      }
    } else if (const auto* optional = std::get_if<ast::OptionalPattern>(&element)) {
      merge(VisibleVariables(*optional->group));
    } else if (const auto* alternatives = std::get_if<ast::UnionPattern>(&element)) {
      for (const auto& alternative : alternatives->alternatives) {
        merge(VisibleVariables(*alternative));
      }
    } else if (const auto* graph = std::get_if<ast::GraphPattern>(&element)) {
      AddName(names, graph->graph);
      merge(VisibleVariables(*graph->group));
    } else if (const auto* bind = std::get_if<ast::BindPattern>(&element)) {
      AddName(names, bind->variable);
    } else if (const auto* values = std::get_if<ast::ValuesPattern>(&element)) {
      for (const ast::Term& var : values->values.variables) AddName(names, var);
    }
  }
  return names;
}

}  // namespace silk::query
