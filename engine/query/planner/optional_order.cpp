// (A OPTIONAL X) OPTIONAL Y, with Y one triple pattern at a subject A binds and X more than
// one, planned as (A OPTIONAL Y) OPTIONAL X: Y then joins A's index joins at that subject as
// one star (StarJoin), instead of seeking on its own after X.
//
// The two give the same rows when X and Y share no variable that a row of A may leave
// unbound: each row of A is extended by X's matches independently of Y's, and by Y's
// independently of X's, so the order only changes the order of the rows. Each side's
// conditions count among its variables (a FILTER in X that reads Y's variable ties the two).
#include <algorithm>

#include "engine/query/algebra/translate.h"
#include "engine/query/planner/planner.h"

namespace silk::query {
namespace {

using algebra::Kind;

bool OneTriple(const algebra::Node& node) {
  return node.kind == Kind::kBgp && node.triples.size() == 1 && !node.triples[0]->path;
}

void AddConditionVariables(const std::vector<const ast::Expression*>& conditions,
                           std::vector<std::string>& names) {
  for (const ast::Expression* condition : conditions) {
    for (std::string& name : ReferencedVariables(*condition)) {
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
    }
  }
}

// Adds every variable `node` mentions to `names`; false for a kind of node whose variables
// this does not know how to list (a subquery, BIND, VALUES, GRAPH, ...).
bool AddVariables(const algebra::Node& node, std::vector<std::string>& names) {
  switch (node.kind) {
    case Kind::kBgp:
      for (const ast::TriplePattern* triple : node.triples) {
        algebra::AddTripleVariables(*triple, names);
      }
      return true;
    case Kind::kJoin:
    case Kind::kLeftJoin:
    case Kind::kFilter:
      AddConditionVariables(node.conditions, names);
      return std::all_of(
          node.children.begin(), node.children.end(),
          [&](const algebra::NodePtr& child) { return AddVariables(*child, names); });
    default:
      return false;
  }
}

}  // namespace

bool Planner::OptionalGoesFirst(const Operator& a, const algebra::Node& left_join) {
  const algebra::Node& before = left_join.child(0);
  const algebra::Node& x = before.child(1);
  const algebra::Node& y = left_join.child(1);
  if (!OneTriple(y) || OneTriple(x)) return false;
  // Only where it makes a star: Y's subject is a variable every row of A binds.
  const ast::Term& subject = y.triples[0]->subject;
  if (!subject.IsVariable()) return false;
  const VarId subject_var = VariableOf(subject);
  if (a.ColumnOf(subject_var) < 0 || a.MaybeUnbound(subject_var)) return false;
  std::vector<std::string> x_names;
  std::vector<std::string> y_names;
  if (!AddVariables(x, x_names) || !AddVariables(y, y_names)) return false;
  AddConditionVariables(before.conditions, x_names);
  AddConditionVariables(left_join.conditions, y_names);
  for (const std::string& name : y_names) {
    if (std::find(x_names.begin(), x_names.end(), name) == x_names.end()) continue;
    const VarId var = ctx_.Variable(name);
    if (a.ColumnOf(var) < 0 || a.MaybeUnbound(var)) return false;
  }
  return true;
}

}  // namespace silk::query
