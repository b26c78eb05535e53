// ExistsToJoin: Filter(EXISTS {P} && rest, G) becomes Filter(rest, SemiJoin(G, P)), and NOT
// EXISTS an AntiJoin, when evaluating P once and matching its rows to G's on their shared
// variables gives what SPARQL's substitution (section 18.6) gives row by row. That holds when
// every variable P mentions is bound by P's own triple patterns: substituting a row's value
// for such a variable then only narrows P's rows to those that agree with it, which is what
// the match does (a variable the row leaves unbound matches anything, as it would stay free
// in P). P must therefore be triple patterns and FILTERs over their variables only: no
// OPTIONAL, BIND, subquery or nested EXISTS, which could leave a variable unbound or read
// one from the row. Inside GRAPH ?g the pattern would also depend on the row's graph, so
// those stay as they are.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/query/algebra/translate.h"
#include "engine/query/expr/expression_compiler.h"
#include "engine/query/optimizer/optimizer.h"

namespace silk::query::optimizer {
namespace {

using algebra::Kind;
using algebra::NodePtr;

// Whether EXISTS { pattern } can be evaluated once (see above).
bool EvaluableOnce(const ast::GroupPattern& pattern) {
  if (pattern.subquery) return false;
  std::vector<std::string> bound;
  std::vector<const ast::Expression*> filters;
  for (const ast::PatternElement& element : pattern.elements) {
    if (const auto* block = std::get_if<ast::TriplesBlock>(&element)) {
      for (const ast::TriplePattern& triple : block->triples) {
        algebra::AddTripleVariables(triple, bound);
      }
    } else if (const auto* filter = std::get_if<ast::FilterPattern>(&element)) {
      filters.push_back(filter->condition.get());
    } else {
      return false;
    }
  }
  for (const ast::Expression* filter : filters) {
    if (ContainsExists(*filter)) return false;
    for (const std::string& name : ReferencedVariables(*filter)) {
      if (std::find(bound.begin(), bound.end(), name) == bound.end()) return false;
    }
  }
  return true;
}

void Rewrite(NodePtr& node, bool in_graph_variable) {
  const bool inside = in_graph_variable ||
                      (node->kind == Kind::kGraph && node->graph->IsVariable());
  for (NodePtr& child : node->children) Rewrite(child, inside);
  if (node->kind != Kind::kFilter || in_graph_variable) return;
  std::vector<const ast::Expression*> kept;
  NodePtr input = std::move(node->children[0]);
  for (const ast::Expression* condition : node->conditions) {
    const bool exists = condition->kind == ast::ExprKind::kExists;
    const bool not_exists = condition->kind == ast::ExprKind::kNotExists;
    if ((!exists && !not_exists) || !EvaluableOnce(*condition->pattern)) {
      kept.push_back(condition);
      continue;
    }
    NodePtr inner = algebra::TranslateGroup(*condition->pattern);
    Rewrite(inner, false);
    std::vector<NodePtr> children;
    children.push_back(std::move(input));
    children.push_back(std::move(inner));
    input = algebra::MakeNode(exists ? Kind::kSemiJoin : Kind::kAntiJoin, std::move(children));
  }
  if (kept.empty()) {
    node = std::move(input);
    return;
  }
  node->conditions = std::move(kept);
  node->children[0] = std::move(input);
}

}  // namespace

void ExistsToJoin(NodePtr& root) { Rewrite(root, false); }

}  // namespace silk::query::optimizer
