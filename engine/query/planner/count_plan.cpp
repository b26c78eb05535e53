// The counting plan of GROUP BY: COUNT over one triple pattern (or two, where the second only
// says which values of a variable count: ?c a :Country) read from the store's keys by a
// CountScan, where a Group over the scan's rows would build every row only to count it.
#include <algorithm>

#include "engine/query/planner/planner.h"

namespace silk::query {
namespace {

// A pattern CountScan can count: each variable once (?x :p ?x needs its rows compared), and
// the union graph or one graph: not GRAPH ?g, FROM or FROM NAMED, nor object ranges.
bool Countable(const ScanPattern& pattern) {
  if (pattern.scope != GraphScope::kAll || pattern.slots[kG].variable ||
      !pattern.object_ranges.empty()) {
    return false;
  }
  std::size_t variables = 0;
  for (const ScanSlot& slot : pattern.slots) variables += slot.variable ? 1 : 0;
  return variables == pattern.Variables().size();
}

bool Has(const std::vector<VarId>& vars, VarId var) {
  return std::find(vars.begin(), vars.end(), var) != vars.end();
}

}  // namespace

double Planner::Distinct(const ScanPattern& pattern, VarId var, double rows) {
  if (pattern.slots[kP].variable == var) return std::min(rows, double(predicate_stats_.size()));
  const auto stats = pattern.slots[kP].constant
                         ? predicate_stats_.find(*pattern.slots[kP].constant)
                         : predicate_stats_.end();
  if (stats != predicate_stats_.end()) {
    if (pattern.slots[kS].variable == var) {
      return std::min(rows, double(stats->second.distinct_subjects));
    }
    if (pattern.slots[kO].variable == var) {
      return std::min(rows, double(stats->second.distinct_objects));
    }
  }
  return rows / Fanout(pattern, {var});
}

OperatorPtr Planner::PlanCount(const algebra::Node& where, const ast::Query& query,
                               const std::vector<const ast::Expression*>& aggregates) {
  if (!rewrite_ || where.kind != algebra::Kind::kBgp || where.triples.empty() ||
      where.triples.size() > 2 || aggregates.empty()) {
    return nullptr;
  }
  // The key: one plain variable, or none.
  const std::vector<ast::GroupCondition>& group_by = query.modifiers.group_by;
  if (group_by.size() > 1) return nullptr;
  std::optional<VarId> key;
  if (!group_by.empty()) {
    const ast::GroupCondition& condition = group_by[0];
    if (condition.variable || condition.expression->kind != ast::ExprKind::kVariable) {
      return nullptr;
    }
    key = VariableOf(condition.expression->term);
  }
  // The aggregates: COUNT(*) or COUNT(?x), which are equal when ?x is bound in every row.
  std::vector<VarId> counted_vars;
  for (const ast::Expression* aggregate : aggregates) {
    if (aggregate->aggregate != ast::Aggregate::kCount || aggregate->distinct) return nullptr;
    if (aggregate->args.empty()) continue;
    if (aggregate->args[0]->kind != ast::ExprKind::kVariable) return nullptr;
    counted_vars.push_back(VariableOf(aggregate->args[0]->term));
  }
  std::vector<ScanPattern> scans;
  for (const ast::TriplePattern* triple : where.triples) {
    if (triple->path) return nullptr;
    std::optional<ScanPattern> scan = ToScan(*triple, graph_);
    // A constant the store lacks: nothing to count, which the ordinary plan says as cheaply.
    if (!scan || !Countable(*scan)) return nullptr;
    scans.push_back(std::move(*scan));
  }

  PatternCount count;
  if (scans.size() == 1) {
    count.counted = std::move(scans[0]);
    count.per = key;
  } else {
    // Which pattern is counted and which only filters its values of one variable.
    bool found = false;
    for (std::size_t c = 0; c < 2 && !found; ++c) {
      const ScanPattern& only = scans[1 - c];
      const std::vector<VarId> only_vars = only.Variables();
      if (only_vars.size() != 1 || !Has(scans[c].Variables(), only_vars[0])) continue;
      count.counted = scans[c];
      count.only = only;
      count.on = only_vars[0];
      count.per = key;
      found = true;
    }
    if (!found) return nullptr;
  }
  const std::vector<VarId> variables = count.counted.Variables();
  if (key && !Has(variables, *key)) return nullptr;
  for (VarId var : counted_vars) {
    if (!Has(variables, var)) return nullptr;  // COUNT of a variable the pattern lacks
  }

  const double rows = EstimateScan(count.counted);
  double groups = key ? Distinct(count.counted, *key, rows) : 1;
  if (count.only) {
    const double values = EstimateScan(*count.only);
    if (!key || *key == count.on) {
      count.probe_each = values * kSeekCost < rows;
      if (key) groups = std::min(groups, values);
    }
  }
  std::vector<VarId> columns;
  for (const ast::Expression* aggregate : aggregates) {
    const VarId var = ctx_.Variable("%aggregate" + std::to_string(hidden_vars_++));
    aggregate_vars_[aggregate] = var;
    columns.push_back(var);
  }
  return MakeCountScan(ctx_, std::move(count), std::move(columns), std::max(1.0, groups));
}

}  // namespace silk::query
