// An expression compiled against the columns of the rows it will see.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>

#include "engine/query/expr/compare.h"
#include "engine/query/expr/value.h"
#include "engine/query/query_ids.h"

namespace silk::query {

class RowExpression {
 public:
  virtual ~RowExpression() = default;
  // The value for `row`; nullopt for an error, which includes reading an unbound variable.
  // Throws QueryAborted when the query must stop (EXISTS runs a subquery).
  virtual expr::EvalResult Evaluate(std::span<const TermId> row) = 0;
  // The effective boolean value for `row` (nullopt: an error), which is all a condition
  // asks; an expression that knows it without building a value answers directly.
  virtual expr::BoolResult Truth(std::span<const TermId> row) {
    const expr::EvalResult value = Evaluate(row);
    if (!value) return std::nullopt;
    return expr::EffectiveBooleanValue(*value);
  }
  // The expression as SPARQL text, for EXPLAIN.
  virtual std::string ToString() const = 0;
  // For a plain variable, the column it reads (-1: a variable the rows lack, always unbound),
  // so that grouping and BIND can copy ids instead of decoding values and encoding them back.
  virtual std::optional<int> VariableColumn() const { return std::nullopt; }
};

using RowExpressionPtr = std::unique_ptr<RowExpression>;

// The id a plain variable holds in `row`, kUnbound included; nullopt for other expressions.
inline std::optional<TermId> VariableId(const RowExpression& e, std::span<const TermId> row) {
  const std::optional<int> column = e.VariableColumn();
  if (!column) return std::nullopt;
  return *column < 0 ? kUnbound : row[*column];
}

// Whether a condition (FILTER, OPTIONAL's FILTER) keeps `row`: its effective boolean value is
// true; an error or false drops the row.
inline bool Holds(RowExpression& condition, std::span<const TermId> row) {
  const expr::BoolResult truth = condition.Truth(row);
  return truth && *truth;
}

}  // namespace silk::query
