// Compiling the AST's expressions into RowExpressions over one operator's columns.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/expr/builtins.h"
#include "engine/query/expr/row_expression.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Evaluates EXISTS { pattern } for one solution; the planner implements it.
class ExistsEvaluator {
 public:
  virtual ~ExistsEvaluator() = default;
  // Whether `pattern`, with the row's bound variables substituted, has a solution when its
  // triples are matched in `graph` (null: the default graph; else GRAPH's IRI or variable).
  virtual bool Exists(const ast::GroupPattern& pattern, const ast::Term* graph,
                      const std::vector<VarId>& columns, std::span<const TermId> row) = 0;
};

// What compiled expressions share for one query.
struct ExpressionEnv {
  ExecContext* ctx = nullptr;
  expr::FunctionContext* functions = nullptr;
  ExistsEvaluator* exists = nullptr;
  // The graph EXISTS patterns read: the one of the GRAPH the expression is written in
  // (an IRI or a variable), or none for the default graph.
  std::optional<ast::Term> graph;
  // After grouping, each aggregate expression reads the variable its group result went to.
  const std::map<const ast::Expression*, VarId>* aggregate_vars = nullptr;
};

// Compiles `expression` to read rows laid out as `columns`. A variable not among the columns
// is unbound in every row.
RowExpressionPtr CompileExpression(const ast::Expression& expression,
                                   const std::vector<VarId>& columns, const ExpressionEnv& env);

// The conjunction of `conditions` (each evaluated by its effective boolean value).
RowExpressionPtr CompileConjunction(const std::vector<const ast::Expression*>& conditions,
                                    const std::vector<VarId>& columns, const ExpressionEnv& env);

// The variables an expression reads (outside EXISTS patterns and aggregates), each once.
std::vector<std::string> ReferencedVariables(const ast::Expression& expression);
// Whether the expression contains EXISTS or NOT EXISTS anywhere.
bool ContainsExists(const ast::Expression& expression);

}  // namespace silk::query
