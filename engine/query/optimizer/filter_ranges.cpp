// FilterRanges: a FILTER comparison between a variable and a constant number, date or
// dateTime (?d >= "2020-01-01"^^xsd:date, ?r > 10.0) is copied onto the basic graph patterns
// whose triples bind the variable as their object, so that their scans read only the keys in
// range instead of every value of the predicate. Only the patterns every row of the filter
// comes through are marked: those joined in the filter's group, the left sides of its
// OPTIONAL, MINUS and (NOT) EXISTS, and each branch of a UNION (a row comes through one
// branch, whose own patterns bound the variable); never an OPTIONAL's right side or a
// subquery, where the variable may be bound otherwise or not at all.
#include <string>

#include "engine/query/planner/object_ranges.h"
#include "engine/query/optimizer/optimizer.h"

namespace silk::query::optimizer {
namespace {

using algebra::Kind;
using algebra::Node;
using algebra::NodePtr;

bool BindsAsObject(const Node& bgp, const std::string& variable) {
  for (const ast::TriplePattern* triple : bgp.triples) {
    if (!triple->path && triple->object.IsVariable() && triple->object.value == variable) {
      return true;
    }
  }
  return false;
}

// Marks the BGPs of `node`'s group chain that bind `variable` as an object.
void Mark(Node& node, const algebra::ObjectBound& bound) {
  switch (node.kind) {
    case Kind::kBgp:
      if (BindsAsObject(node, bound.variable)) node.object_bounds.push_back(bound);
      return;
    case Kind::kJoin:
      Mark(node.child(0), bound);
      if (node.child(1).kind == Kind::kBgp) Mark(node.child(1), bound);
      return;
    case Kind::kLeftJoin:
    case Kind::kMinus:
    case Kind::kSemiJoin:
    case Kind::kAntiJoin:
    case Kind::kExtend:
    case Kind::kFilter: Mark(node.child(0), bound); return;
    case Kind::kUnion:
      for (algebra::NodePtr& branch : node.children) Mark(*branch, bound);
      return;
    default: return;
  }
}

}  // namespace

void FilterRanges(NodePtr& node) {
  for (NodePtr& child : node->children) FilterRanges(child);
  if (node->kind != Kind::kFilter) return;
  for (const ast::Expression* condition : node->conditions) {
    std::string variable;
    // Only comparisons that give ranges: a constant the store inlines.
    if (!IsRangeComparison(*condition, &variable) || !RangesFor(*condition, variable)) continue;
    Mark(node->child(), {variable, condition});
  }
}

}  // namespace silk::query::optimizer
