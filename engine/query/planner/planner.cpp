#include "engine/query/planner/planner.h"

#include <algorithm>
#include <cmath>

#include "engine/query/algebra/translate.h"
#include "engine/query/operators/join_layout.h"
#include "engine/query/planner/object_ranges.h"
#include "engine/query/planner/path_reach.h"
#include "engine/query/planner/text_match_plan.h"
#include "engine/query/optimizer/optimizer.h"
#include "engine/query/operators/path_operator.h"

namespace silk::query {
namespace {

// An index seek costs about as much as reading this many rows of a scan into a hash join (a
// seek in cached blocks is a few microseconds; a hashed row about one); the planner joins by
// seeking (IndexJoin) when the left side times this is below the pattern's size.

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

void CollectAggregates(const ast::Expression& e, std::vector<const ast::Expression*>& out) {
  if (e.kind == ast::ExprKind::kAggregate) {
    out.push_back(&e);
    return;
  }
  for (const auto& arg : e.args) CollectAggregates(*arg, out);
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
                 const storage::StoreStats& stats, bool rewrite)
    : ctx_(ctx), rewrite_(rewrite), functions_(functions) {
  for (const storage::PredicateStats& p : stats.predicates) predicate_stats_[p.predicate] = p;
  for (const storage::GraphStats& g : stats.graphs) {
    if (g.graph != storage::kDefaultGraphId) named_graphs_.push_back(g.graph);
  }
}

ExpressionEnv Planner::Env() {
  ExpressionEnv env;
  env.ctx = &ctx_;
  env.functions = &functions_;
  env.exists = this;
  env.graph = graph_.graph;
  env.aggregate_vars = &aggregate_vars_;
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

void Planner::LimitObject(ScanPattern& scan, const ast::TriplePattern& triple,
                          const std::vector<algebra::ObjectBound>& bounds) {
  if (!triple.object.IsVariable()) return;
  std::optional<IdRanges> ranges;
  std::vector<const ast::Expression*> used;
  for (const algebra::ObjectBound& bound : bounds) {
    if (bound.variable != triple.object.value) continue;
    std::optional<IdRanges> more = RangesFor(*bound.comparison, bound.variable);
    if (!more) continue;
    used.push_back(bound.comparison);
    ranges = ranges ? Intersect(*ranges, *more) : std::move(*more);
  }
  if (!ranges) return;
  // No range left: nothing can pass the filters; one empty range scans nothing.
  if (ranges->empty()) ranges->push_back({1, 0});
  const double all = EstimateScan(scan);
  scan.object_ranges = std::move(*ranges);
  // The dictionary's literals (values the store does not inline, such as "1.50" or doubles)
  // are read whatever their value: the comparisons are taken to keep the same share of them
  // as of the inlined values, or a third when no value is inlined.
  double unranged = 0;
  const double read = EstimateScan(scan, &unranged);
  const double inlined_read = read - unranged;
  const double inlined_all = all - unranged;
  const double share = inlined_all >= 1 ? std::min(1.0, inlined_read / inlined_all) : 1.0 / 3;
  const double passing = inlined_read + unranged * share;
  // The filters stay (the ranges may hold more than they accept): the first passes that
  // share of the rows read, the rest all of it.
  for (const ast::Expression* condition : used) {
    ranged_conditions_.emplace(condition, condition == used.front() && read > 0
                                              ? std::min(1.0, passing / read)
                                              : 1.0);
  }
}

double Planner::EstimateScan(const ScanPattern& pattern, double* dictionary_rows) {
  const std::size_t ranges = RangeCount(pattern, {});
  const bool per_range = RangesAsSeeks(pattern, {});
  double rows = 0;
  for (std::size_t i = 0; i < ranges; ++i) {
    const auto range_rows =
        static_cast<double>(ctx_.EstimateQuads(ToQuadPattern(pattern, {}, i)));
    rows += range_rows;
    if (dictionary_rows != nullptr && per_range &&
        storage::TagOf(pattern.object_ranges[i].first) == storage::TermTag::kLiteral) {
      *dictionary_rows += range_rows;
    }
  }
  return rows;
}

std::optional<double> Planner::FanoutOverValues(const ScanPattern& pattern,
                                                const ScanPattern& first) {
  // `first` binds one variable, with two of s, p, o constant; `pattern` has it as its
  // subject or its object, with a constant predicate, and another variable at the other end:
  // nothing else to thin the count out. (Object key ranges would take a count per range and
  // value; the ranges' own estimate serves.)
  const std::vector<VarId> first_vars = first.Variables();
  if (first_vars.size() != 1 || first.scope != GraphScope::kAll || !first.object_ranges.empty() ||
      pattern.scope != GraphScope::kAll || pattern.slots[kG].variable ||
      !pattern.slots[kP].constant || !pattern.slots[kS].variable || !pattern.slots[kO].variable ||
      pattern.slots[kS].variable == pattern.slots[kO].variable ||
      !pattern.object_ranges.empty() ||
      (pattern.slots[kS].variable != first_vars[0] &&
       pattern.slots[kO].variable != first_vars[0])) {
    return std::nullopt;
  }
  const bool as_object = pattern.slots[kO].variable == first_vars[0];
  const std::optional<Position> position = first.SlotOf(first_vars[0]);
  if (position == kG) return std::nullopt;
  storage::CountRequest request;
  request.pattern = ToQuadPattern(first, {});
  request.per = QuadPositionOf(*position);
  request.merge_graphs = first.MergesGraphs();
  Result<std::vector<storage::GroupCount>> values = ctx_.snapshot().CountPer(request);
  if (!values.ok() || values->empty()) return std::nullopt;
  // Each count costs a seek or so. Objects are all counted: a few hubs take most of the rows
  // (the most mentioned countries), and a sample would miss or overweight them. Subjects are
  // sampled, spread over the values: a star whose first scan is small is a common shape, and
  // its planning should stay cheap.
  const std::size_t sampled =
      as_object ? values->size() : std::min(values->size(), kSubjectsCountedWhilePlanning);
  storage::QuadPattern probe = ToQuadPattern(pattern, {});
  double rows = 0;
  for (std::size_t i = 0; i < sampled; ++i) {
    (as_object ? probe.o : probe.s) = (*values)[i * values->size() / sampled].id;
    rows += static_cast<double>(ctx_.EstimateQuads(probe));
  }
  return std::max(rows / static_cast<double>(sampled), 0.01);
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
    // The pattern's rows (its constants and object ranges applied) spread over the
    // predicate's distinct subjects or objects: ?m a :Meeting with ?m bound holds for the
    // meetings' share of the things that have a type.
    const auto& st = stats->second;
    if (s) fanout = std::min(fanout, all / std::max<double>(1, st.distinct_subjects));
    if (o) fanout = std::min(fanout, all / std::max<double>(1, st.distinct_objects));
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

OperatorPtr Planner::Join(OperatorPtr left, OperatorPtr right, std::optional<double> rows) {
  if (!left) return right;
  if (!right) return left;
  const double estimate = rows.value_or(std::max(left->estimated_rows(), right->estimated_rows()));
  std::vector<VarId> shared;
  for (VarId var : right->columns()) {
    if (left->ColumnOf(var) >= 0) shared.push_back(var);
  }
  if (rewrite_ && Mergeable(*left, *right, shared)) {
    return MakeMergeJoin(ctx_, std::move(left), std::move(right), shared[0], estimate);
  }
  // The right side is held in memory: make it the smaller one. A plain scan counts half: its
  // estimate is the surer (a join's compounds the errors of its inputs), and on the right it
  // is looked up instead of read when the left side turns out small (HashProbe).
  auto weight = [](const Operator& op) {
    return op.estimated_rows() * (op.ScanOf() != nullptr ? 0.5 : 1.0);
  };
  if (weight(*right) > weight(*left)) std::swap(left, right);
  return MakeHashJoin(ctx_, std::move(left), std::move(right), estimate);
}

OperatorPtr Planner::ApplyReadyFilters(OperatorPtr op, Filters& filters) {
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
    // A comparison a scan read as key ranges has mostly thinned the rows out already (the
    // estimate of that scan counts only the keys in range).
    const auto ranged = ranged_conditions_.find(*it);
    const double selectivity = ranged != ranged_conditions_.end() ? ranged->second : 1.0 / 3;
    op = MakeFilter(ctx_, std::move(op), std::move(condition), selectivity);
    it = filters.erase(it);
  }
  return op;
}

OperatorPtr Planner::PlanBgp(OperatorPtr left, const algebra::Node& bgp,
                             const GraphContext& graph, Filters& filters) {
  const std::vector<const ast::TriplePattern*>& triples = bgp.triples;
  struct Candidate {
    const ast::TriplePattern* triple;
    ScanPattern scan;
    double size;
    OperatorPtr text;  // instead of `scan`: a text pattern's scan (text_match_plan.h)
    std::vector<VarId> Variables() const { return text ? text->columns() : scan.Variables(); }
  };
  std::vector<Candidate> candidates;
  std::vector<const ast::TriplePattern*> paths;
  std::vector<const ast::TriplePattern*> text_patterns;
  for (const ast::TriplePattern* triple : triples) {
    if (IsTextPattern(*triple)) {
      text_patterns.push_back(triple);
      continue;
    }
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
    LimitObject(*scan, *triple, bgp.object_bounds);
    const double size = EstimateScan(*scan);
    candidates.push_back({triple, std::move(*scan), size, nullptr});
  }
  for (OperatorPtr& text : PlanTextPatterns(ctx_, text_patterns,
                                            [this](const ast::Term& t) { return VariableOf(t); })) {
    const double size = text->estimated_rows();
    candidates.push_back({nullptr, {}, size, std::move(text)});
  }

  OperatorPtr op = std::move(left);
  // The first scan, while it is all `op` is and small enough to read its values while
  // planning (see FanoutOverValues).
  std::optional<ScanPattern> first;
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
      for (VarId var : candidates[i].Variables()) {
        connected |= std::find(bound.begin(), bound.end(), var) != bound.end();
      }
      const double rows = op ? op->estimated_rows() : 1;
      std::optional<double> exact;
      if (connected && first && !candidates[i].text) {
        exact = FanoutOverValues(candidates[i].scan, *first);
      }
      // A text scan joined on its literal keeps at most the rows it is joined with.
      if (connected && candidates[i].text) exact = std::min(1.0, candidates[i].size);
      const double cost = connected ? rows * exact.value_or(Fanout(candidates[i].scan, bound))
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
    const bool was_empty = !op;
    first.reset();
    if (chosen.text) {
      op = op ? Join(std::move(op), std::move(chosen.text),
                     best_connected ? std::optional(best_cost) : std::nullopt)
              : std::move(chosen.text);
    } else if (!op) {
      if (chosen.size <= kValuesReadWhilePlanning) first = chosen.scan;
      op = MakeIndexScan(ctx_, std::move(chosen.scan), chosen.size);
    } else if (best_connected && op->estimated_rows() * kSeekCost < chosen.size) {
      op = MakeIndexJoin(ctx_, std::move(op), std::move(chosen.scan), best_cost);
    } else {
      const double size = chosen.size;
      OperatorPtr scan = MakeIndexScan(ctx_, std::move(chosen.scan), size);
      OperatorPtr joined = Join(std::move(op), std::move(scan),
                                best_connected ? std::optional(best_cost) : std::nullopt);
      op = std::move(joined);
    }
    op = ApplyReadyFilters(std::move(op), filters);
    if (was_empty && op->children().size() != 0) first.reset();  // a filter thinned it out
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
  auto known = [&](const std::optional<VarId>& var) {
    return !var || (left->ColumnOf(*var) >= 0 && !left->MaybeUnbound(*var));
  };
  const PredicateStatsOf stats =
      [&](const ast::Term& iri) -> std::optional<storage::PredicateStats> {
    const std::optional<ScanSlot> slot = Slot(iri);
    if (!slot || !slot->constant) return storage::PredicateStats{};  // not in the store
    const auto found = predicate_stats_.find(*slot->constant);
    if (found == predicate_stats_.end()) return std::nullopt;
    return found->second;
  };
  const double estimate =
      left->estimated_rows() * PathRowsPerInputRow(*triple.path, known(ends.subject_var),
                                                   known(ends.object_var), stats);
  return MakePathOperator(ctx_, std::move(left), *triple.path, std::move(ends), std::move(*scan),
                          std::move(graphs), estimate);
}

OperatorPtr Planner::Plan(const algebra::Node& node) {
  Filters none;
  return PlanOnto(nullptr, node, none);
}

OperatorPtr Planner::PlanOnto(OperatorPtr left, const algebra::Node& node, Filters& filters) {
  using algebra::Kind;
  OperatorPtr op;
  switch (node.kind) {
    case Kind::kFilter: {
      // The group's filters run as soon as the variables they read are bound for good, the
      // rest (and EXISTS) at the end.
      Filters own(node.conditions.begin(), node.conditions.end());
      op = PlanOnto(std::move(left), node.child(), own);
      for (const ast::Expression* filter : own) {
        RowExpressionPtr condition = CompileExpression(*filter, op->columns(), Env());
        op = MakeFilter(ctx_, std::move(op), std::move(condition));
      }
      break;
    }
    // Its patterns join what came before one by one (by index seeks where that is cheap).
    case Kind::kBgp:
      op = PlanBgp(std::move(left), node, graph_, filters);
      if (!op) op = Unit();  // no triples and nothing before: the one empty solution
      break;
    case Kind::kJoin: {
      op = PlanOnto(std::move(left), node.child(0), filters);
      // Patterns join what came before one by one; anything else is a nested group, planned
      // alone, since its own FILTERs must not see what came before.
      const algebra::Node& right = node.child(1);
      if (right.kind == Kind::kBgp) {
        op = PlanBgp(std::move(op), right, graph_, filters);
      } else {
        op = Join(std::move(op), Plan(right));
      }
      break;
    }
    case Kind::kLeftJoin: {
      // (A OPTIONAL X) OPTIONAL Y: Y of one pattern goes first where the two are independent,
      // to be probed with A's patterns as a star.
      const algebra::Node& before = node.child(0);
      if (rewrite_ && before.kind == Kind::kLeftJoin) {
        op = PlanOnto(std::move(left), before.child(0), filters);
        if (OptionalGoesFirst(*op, node)) {
          op = PlanLeftJoin(std::move(op), node);
          op = PlanLeftJoin(std::move(op), before);
        } else {
          op = PlanLeftJoin(std::move(op), before);
          op = PlanLeftJoin(std::move(op), node);
        }
        break;
      }
      op = PlanOnto(std::move(left), before, filters);
      op = PlanLeftJoin(std::move(op), node);
      break;
    }
    case Kind::kMinus: {
      op = PlanOnto(std::move(left), node.child(0), filters);
      OperatorPtr right = Plan(node.child(1));
      std::vector<VarId> shared;
      for (VarId var : right->columns()) {
        if (op->ColumnOf(var) >= 0) shared.push_back(var);
      }
      // One shared variable bound on both sides: MINUS removes exactly the rows whose value
      // the right side has, an anti-join.
      if (Mergeable(*op, *right, shared)) {
        const VarId key = shared[0];
        op = MakeMergeSemiJoin(ctx_, std::move(op), MakeProject(ctx_, std::move(right), shared),
                               key, /*anti=*/true);
      } else {
        op = MakeMinus(ctx_, std::move(op), std::move(right));
      }
      break;
    }
    case Kind::kSemiJoin:
    case Kind::kAntiJoin:
      op = PlanOnto(std::move(left), node.child(0), filters);
      op = PlanSemiJoin(std::move(op), node.child(1), node.kind == Kind::kAntiJoin);
      break;
    case Kind::kUnion: {
      std::vector<OperatorPtr> inputs;
      for (const algebra::NodePtr& branch : node.children) inputs.push_back(Plan(*branch));
      op = inputs.size() == 1 ? std::move(inputs.front()) : MakeUnion(ctx_, std::move(inputs));
      break;
    }
    case Kind::kGraph: op = PlanGraph(node); break;
    case Kind::kExtend: {
      op = PlanOnto(std::move(left), node.child(), filters);
      // A binding may read the ones before it: they are compiled against the input's
      // columns followed by every bound variable.
      std::vector<VarId> extended = op->columns();
      for (const algebra::Binding& binding : node.bindings) {
        extended.push_back(VariableOf(*binding.variable));
      }
      std::vector<Binding> bindings;
      for (const algebra::Binding& binding : node.bindings) {
        bindings.push_back({VariableOf(*binding.variable),
                            CompileExpression(*binding.expression, extended, Env())});
      }
      op = MakeExtend(ctx_, std::move(op), std::move(bindings), functions_.bnodes);
      break;
    }
    case Kind::kTable: op = node.values ? PlanValues(*node.values) : Unit(); break;
    case Kind::kGroup: op = PlanAggregation(node); break;
    case Kind::kOrderBy:
    case Kind::kTopK: {
      op = Plan(node.child());
      std::vector<SortKey> keys;
      for (const ast::OrderCondition* order : node.order) {
        keys.push_back({CompileExpression(*order->expression, op->columns(), Env()),
                        order->descending});
      }
      op = node.kind == Kind::kTopK ? MakeTopSort(ctx_, std::move(op), std::move(keys), *node.limit)
                                    : MakeSort(ctx_, std::move(op), std::move(keys));
      break;
    }
    case Kind::kProject: {
      std::vector<VarId> keep;
      for (const std::string& name : node.variables) keep.push_back(ctx_.Variable(name));
      op = MakeProject(ctx_, Plan(node.child()), std::move(keep));
      break;
    }
    case Kind::kDistinct:
    case Kind::kReduced: op = MakeDistinct(ctx_, Plan(node.child())); break;
    case Kind::kSlice: op = MakeSlice(ctx_, Plan(node.child()), node.offset, node.limit); break;
  }
  // The kinds that read no left input (a table, a union, a graph, a subquery's modifiers)
  // are planned alone and joined to it.
  if (left) op = Join(std::move(left), std::move(op));
  return ApplyReadyFilters(std::move(op), filters);
}

bool Planner::Mergeable(const Operator& left, const Operator& right,
                        const std::vector<VarId>& shared) {
  return shared.size() == 1 && left.sorted_by() == shared[0] && right.sorted_by() == shared[0] &&
         !left.MaybeUnbound(shared[0]) && !right.MaybeUnbound(shared[0]);
}

OperatorPtr Planner::PlanLeftJoin(OperatorPtr left, const algebra::Node& left_join) {
  if (OperatorPtr seeking = PlanIndexLeftJoin(left, left_join)) return seeking;
  if (OperatorPtr nested = PlanNestedOptional(left, left_join)) return nested;
  OperatorPtr right = Plan(left_join.child(1));
  RowExpressionPtr condition;
  if (!left_join.conditions.empty()) {
    const JoinLayout layout(*left, *right);
    condition = CompileConjunction(left_join.conditions, layout.columns, Env());
  }
  return MakeLeftJoin(ctx_, std::move(left), std::move(right), std::move(condition));
}

OperatorPtr Planner::PlanIndexLeftJoin(OperatorPtr& left, const algebra::Node& node) {
  const algebra::Node& right = node.child(1);
  if (right.kind != algebra::Kind::kBgp || right.triples.size() != 1 || right.triples[0]->path) {
    return nullptr;
  }
  std::optional<ScanPattern> scan = ToScan(*right.triples[0], graph_);
  if (!scan) return nullptr;  // a constant the store lacks: the hash join's empty side
  const double size = EstimateScan(*scan);
  // As for joins: seek per left row only when that reads less than the whole pattern.
  if (left->estimated_rows() * kSeekCost >= size) return nullptr;
  RowExpressionPtr condition;
  std::vector<VarId> reads;
  if (!node.conditions.empty()) {
    condition = CompileConjunction(node.conditions, IndexJoinColumns(*left, *scan), Env());
    for (const ast::Expression* conjunct : node.conditions) {
      for (const std::string& name : ReferencedVariables(*conjunct)) {
        reads.push_back(ctx_.Variable(name));
      }
    }
  }
  const double estimate = left->estimated_rows();
  return MakeIndexLeftJoin(ctx_, std::move(left), std::move(*scan), estimate, std::move(condition),
                           {}, std::move(reads));
}

OperatorPtr Planner::PlanSemiJoin(OperatorPtr left, const algebra::Node& pattern, bool anti) {
  OperatorPtr right = Plan(pattern);
  // Only the shared variables matter, each combination once; with none shared, only
  // whether there is a row at all.
  std::vector<VarId> shared;
  for (VarId var : right->columns()) {
    if (left->ColumnOf(var) >= 0) shared.push_back(var);
  }
  if (shared.empty()) {
    right = MakeSlice(ctx_, std::move(right), 0, 1);
    return MakeSemiJoin(ctx_, std::move(left), std::move(right), anti);
  }
  if (Mergeable(*left, *right, shared)) {
    const VarId key = shared[0];
    return MakeMergeSemiJoin(ctx_, std::move(left), MakeProject(ctx_, std::move(right), shared),
                             key, anti);
  }
  right = MakeDistinct(ctx_, MakeProject(ctx_, std::move(right), std::move(shared)));
  return MakeSemiJoin(ctx_, std::move(left), std::move(right), anti);
}

OperatorPtr Planner::PlanAggregation(const algebra::Node& node) {
  const ast::Query& query = *node.query;
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
  OperatorPtr op = PlanCount(node.child(), query, aggregates);
  if (!op) op = PlanGroup(Plan(node.child()), query, aggregates);
  for (const auto& having : modifiers.having) {
    RowExpressionPtr condition = CompileExpression(*having, op->columns(), Env());
    op = MakeFilter(ctx_, std::move(op), std::move(condition));
  }
  return op;
}

OperatorPtr Planner::PlanGroup(OperatorPtr op, const ast::Query& query,
                               const std::vector<const ast::Expression*>& aggregates) {
  const ast::SolutionModifiers& modifiers = query.modifiers;
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
    aggregate_vars_[aggregate] = var;
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
  return MakeGroup(ctx_, std::move(op), std::move(keys), std::move(columns));
}

std::vector<TermId> Planner::NamedGraphsInScope() const {
  return dataset_.named_graphs ? *dataset_.named_graphs : named_graphs_;
}

OperatorPtr Planner::PlanGraph(const algebra::Node& node) {
  const ast::Term& graph = *node.graph;
  if (graph.IsVariable()) {
    // Binding ?g in the scans is the fast way, and equal to SPARQL's definition unless the
    // pattern is empty (one solution per graph), uses ?g itself (it must be joined with the
    // graph name afterwards, not substituted: sparql10 graph-optional), or holds a subquery
    // (aggregates per graph) or a MINUS (whose right side must not share ?g).
    const ast::GroupPattern& pattern = *node.pattern;
    const std::vector<std::string> inner = algebra::VisibleVariables(pattern);
    if ((pattern.elements.empty() && !pattern.subquery) || HasSubqueryOrMinus(pattern) ||
        std::find(inner.begin(), inner.end(), graph.value) != inner.end()) {
      return PlanGraphPerName(node);
    }
    const GraphSwitch in_graph(graph_, GraphContext{graph});
    return Plan(node.child());
  }
  OperatorPtr op;
  {
    const GraphSwitch in_graph(graph_, GraphContext{graph});
    op = Plan(node.child());
  }
  // A graph outside the data set has no solutions, even for patterns that match no triples
  // (GRAPH <g> {}, a lone BIND or VALUES).
  const std::optional<TermId> id = ctx_.terms().Stored(graph.view());
  const std::vector<TermId> graphs = NamedGraphsInScope();
  if (!id || std::find(graphs.begin(), graphs.end(), *id) == graphs.end()) {
    return Empty(op->columns());
  }
  return op;
}

OperatorPtr Planner::PlanGraphPerName(const algebra::Node& node) {
  const VarId var = VariableOf(*node.graph);
  std::vector<OperatorPtr> inputs;
  for (const TermId graph : NamedGraphsInScope()) {
    ast::Term name;
    name.kind = ast::TermKind::kIri;
    name.value = ctx_.terms().TermOf(graph).value;
    OperatorPtr inner;
    {
      const GraphSwitch in_graph(graph_, GraphContext{name});
      inner = Plan(node.child());
    }
    IdTable row(1);
    row.AddRow(std::vector<TermId>{graph});
    inputs.push_back(Join(MakeValues(ctx_, {var}, std::move(row)), std::move(inner)));
  }
  if (inputs.empty()) {
    std::vector<VarId> columns{var};
    for (const std::string& name : algebra::VisibleVariables(*node.pattern)) {
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

OperatorPtr Planner::PlanQuery(const algebra::Node& root, const Dataset& dataset) {
  dataset_ = dataset;
  return Plan(root);
}

OperatorPtr Planner::PlanWhere(const ast::GroupPattern& where, const Dataset& dataset) {
  dataset_ = dataset;
  algebra::NodePtr root = algebra::TranslateGroup(where);
  if (rewrite_) optimizer::Optimize(root);
  return Plan(*root);
}

bool Planner::Exists(const ast::GroupPattern& pattern, const ast::Term* graph,
                     const std::vector<VarId>& columns, std::span<const TermId> row) {
  // Planning and running the pattern again for every row is slow on a large input (the
  // optimizer makes most EXISTS a join instead): each run is a point where the query may
  // stop, even before its operators check.
  ctx_.CheckCancelled();
  algebra::NodePtr& algebra = exists_algebra_[&pattern];
  if (!algebra) {
    algebra = algebra::TranslateGroup(pattern);
    if (rewrite_) optimizer::Optimize(algebra);
  }
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
  const GraphSwitch in_graph(graph_, context);
  // Planned onto the row, so its patterns seek by the row's values and its FILTERs see them.
  Filters none;
  OperatorPtr plan =
      PlanOnto(MakeValues(ctx_, std::move(bound_vars), std::move(bound_row)), *algebra, none);
  IdTable batch;
  return plan->Next(batch);
}

}  // namespace silk::query
