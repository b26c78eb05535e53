// OPTIONAL { B OPTIONAL { C } } with B and C one triple pattern each, planned as two index
// left joins onto the rows before it: A, then A left-joined with B, then that left-joined
// with C, where the hash plan would first build all of B OPTIONAL C (every memberOf with its
// reserve share) only to keep the few rows A joins with.
//
// The two are equal when C is probed only for the rows where B matched: B's own variables
// (those A does not bind) are bound exactly there, so they are the probe's required values.
// C must not share a variable with A that B lacks: in the nested form such a variable of A
// never constrains C.
#include <algorithm>

#include "engine/query/planner/planner.h"

namespace silk::query {

OperatorPtr Planner::PlanNestedOptional(OperatorPtr& left, const algebra::Node& node) {
  using algebra::Kind;
  auto one_triple = [](const algebra::Node& n) {
    return n.kind == Kind::kBgp && n.triples.size() == 1 && !n.triples[0]->path &&
           n.object_bounds.empty();
  };
  if (!rewrite_ || !node.conditions.empty() || node.child(1).kind != Kind::kLeftJoin) {
    return nullptr;
  }
  const algebra::Node& inner = node.child(1);
  if (!one_triple(inner.child(0)) || !one_triple(inner.child(1))) return nullptr;
  std::optional<ScanPattern> b = ToScan(*inner.child(0).triples[0], graph_);
  std::optional<ScanPattern> c = ToScan(*inner.child(1).triples[0], graph_);
  if (!b || !c) return nullptr;
  auto in = [](const std::vector<VarId>& vars, VarId var) {
    return std::find(vars.begin(), vars.end(), var) != vars.end();
  };
  const std::vector<VarId> b_vars = b->Variables();
  std::vector<VarId> required;  // B's own variables: bound exactly where B matched
  for (VarId var : b_vars) {
    if (left->ColumnOf(var) < 0) required.push_back(var);
  }
  if (required.empty()) return nullptr;
  for (VarId var : c->Variables()) {
    if (left->ColumnOf(var) >= 0 && !in(b_vars, var)) return nullptr;
  }
  // Seeks for B only when they read less than all of B, as for any index join.
  if (left->estimated_rows() * kSeekCost >= EstimateScan(*b)) return nullptr;

  const double rows = left->estimated_rows();
  OperatorPtr with_b = MakeIndexLeftJoin(ctx_, std::move(left), std::move(*b), rows, nullptr);
  RowExpressionPtr condition;
  if (!inner.conditions.empty()) {
    condition = CompileConjunction(inner.conditions, IndexJoinColumns(*with_b, *c), Env());
  }
  return MakeIndexLeftJoin(ctx_, std::move(with_b), std::move(*c), rows, std::move(condition),
                           std::move(required));
}

}  // namespace silk::query
