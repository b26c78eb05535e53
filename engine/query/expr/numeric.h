// SPARQL arithmetic (SPARQL 1.1 section 17.3, XPath op:numeric-*): operands are promoted
// along xsd:integer -> xsd:decimal -> xsd:float -> xsd:double to the wider of the two types.
// Any non-numeric operand (including ill-typed literals) is a type error.
#pragma once

#include "engine/query/expr/value.h"

namespace silk::query::expr {

enum class NumericType : unsigned char { kInteger, kDecimal, kFloat, kDouble };

// The numeric type of `v`. REQUIRES: v.IsNumeric().
NumericType NumericTypeOf(const Value& v);

// Integer overflow beyond 128 bits, and division by zero of integers and decimals, are
// errors; float and double follow IEEE 754 (1.0e0 / 0 is INF). Integer / integer is decimal.
EvalResult Add(const Value& a, const Value& b);
EvalResult Subtract(const Value& a, const Value& b);
EvalResult Multiply(const Value& a, const Value& b);
EvalResult Divide(const Value& a, const Value& b);
EvalResult UnaryMinus(const Value& a);
// Returns the operand itself (unchanged lexical form) when it is numeric.
EvalResult UnaryPlus(const Value& a);

// fn:abs, fn:ceiling, fn:floor, fn:round: the type of the argument is kept
// (CEIL(2.5) is "3"^^xsd:decimal).
EvalResult NumericAbs(const Value& a);
EvalResult NumericCeil(const Value& a);
EvalResult NumericFloor(const Value& a);
EvalResult NumericRound(const Value& a);

}  // namespace silk::query::expr
