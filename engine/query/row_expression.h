// An expression compiled against the columns of the rows it will see.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/query/expr/value.h"
#include "engine/query/query_ids.h"

namespace silk::query {

class RowExpression {
 public:
  virtual ~RowExpression() = default;
  // The value for `row`; nullopt for an error, which includes reading an unbound variable.
  // Throws QueryAborted when the query must stop (EXISTS runs a subquery).
  virtual expr::EvalResult Evaluate(std::span<const TermId> row) = 0;
  // The expression as SPARQL text, for EXPLAIN.
  virtual std::string ToString() const = 0;
};

using RowExpressionPtr = std::unique_ptr<RowExpression>;

}  // namespace silk::query
