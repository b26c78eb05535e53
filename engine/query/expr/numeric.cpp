#include "engine/query/expr/numeric.h"

#include <algorithm>
#include <cmath>

namespace silk::query::expr {

namespace {

enum class Op { kAdd, kSubtract, kMultiply, kDivide };

std::optional<Decimal> ApplyExact(Op op, const Decimal& a, const Decimal& b) {
  switch (op) {
    case Op::kAdd:
      return a.Add(b);
    case Op::kSubtract:
      return a.Subtract(b);
    case Op::kMultiply:
      return a.Multiply(b);
    case Op::kDivide:
      return a.Divide(b);
  }
  return std::nullopt;
}

double ApplyFloating(Op op, double a, double b) {
  switch (op) {
    case Op::kAdd:
      return a + b;
    case Op::kSubtract:
      return a - b;
    case Op::kMultiply:
      return a * b;
    case Op::kDivide:
      return a / b;
  }
  return 0;
}

EvalResult Apply(Op op, const Value& a, const Value& b) {
  if (!a.IsNumeric() || !b.IsNumeric()) {
    return std::nullopt;
  }
  NumericType type = std::max(NumericTypeOf(a), NumericTypeOf(b));
  // op:numeric-divide of two integers is a decimal division.
  if (op == Op::kDivide && type == NumericType::kInteger) {
    type = NumericType::kDecimal;
  }
  switch (type) {
    case NumericType::kInteger:
    case NumericType::kDecimal: {
      std::optional<Decimal> r = ApplyExact(op, a.decimal(), b.decimal());
      if (!r) {
        return std::nullopt;
      }
      return type == NumericType::kInteger ? Value::Integer(*r) : Value::FromDecimal(*r);
    }
    case NumericType::kFloat:
      // Computed in double and rounded once, which for + - * / gives the correctly rounded
      // float result.
      return Value::Float(static_cast<float>(ApplyFloating(op, a.AsDouble(), b.AsDouble())));
    case NumericType::kDouble:
      return Value::Double(ApplyFloating(op, a.AsDouble(), b.AsDouble()));
  }
  return std::nullopt;
}

// Applies `exact` to integer/decimal and `floating` to float/double, keeping the type.
template <typename Exact, typename Floating>
EvalResult KeepType(const Value& a, Exact exact, Floating floating) {
  switch (a.kind()) {
    case ValueKind::kInteger:
      return Value::Integer(exact(a.decimal()));
    case ValueKind::kDecimal:
      return Value::FromDecimal(exact(a.decimal()));
    case ValueKind::kFloat:
      return Value::Float(static_cast<float>(floating(a.floating())));
    case ValueKind::kDouble:
      return Value::Double(floating(a.floating()));
    default:
      return std::nullopt;
  }
}

}  // namespace

NumericType NumericTypeOf(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kInteger:
      return NumericType::kInteger;
    case ValueKind::kDecimal:
      return NumericType::kDecimal;
    case ValueKind::kFloat:
      return NumericType::kFloat;
    default:
      return NumericType::kDouble;
  }
}

EvalResult Add(const Value& a, const Value& b) { return Apply(Op::kAdd, a, b); }
EvalResult Subtract(const Value& a, const Value& b) { return Apply(Op::kSubtract, a, b); }
EvalResult Multiply(const Value& a, const Value& b) { return Apply(Op::kMultiply, a, b); }
EvalResult Divide(const Value& a, const Value& b) { return Apply(Op::kDivide, a, b); }

EvalResult UnaryMinus(const Value& a) {
  if (!a.IsNumeric()) {
    return std::nullopt;
  }
  if (a.kind() == ValueKind::kInteger || a.kind() == ValueKind::kDecimal) {
    std::optional<Decimal> negated = a.decimal().Negate();
    if (!negated) {
      return std::nullopt;
    }
    return a.kind() == ValueKind::kInteger ? Value::Integer(*negated)
                                           : Value::FromDecimal(*negated);
  }
  return KeepType(a, [](const Decimal& d) { return d; }, [](double d) { return -d; });
}

EvalResult UnaryPlus(const Value& a) {
  if (!a.IsNumeric()) {
    return std::nullopt;
  }
  return a;
}

EvalResult NumericAbs(const Value& a) {
  return KeepType(a, [](const Decimal& d) { return d.Abs(); },
                  [](double d) { return std::fabs(d); });
}

EvalResult NumericCeil(const Value& a) {
  return KeepType(a, [](const Decimal& d) { return d.Ceil(); },
                  [](double d) { return std::ceil(d); });
}

EvalResult NumericFloor(const Value& a) {
  return KeepType(a, [](const Decimal& d) { return d.Floor(); },
                  [](double d) { return std::floor(d); });
}

EvalResult NumericRound(const Value& a) {
  // fn:round rounds halves towards positive infinity (round(-2.5) = -2), unlike std::round.
  return KeepType(a, [](const Decimal& d) { return d.Round(); },
                  [](double d) {
                    if (!std::isfinite(d)) {
                      return d;
                    }
                    const double r = std::floor(d + 0.5);
                    // Keep the sign of negative values that round to zero (-0.4 -> -0).
                    return (r == 0 && d < 0) ? -0.0 : r;
                  });
}

}  // namespace silk::query::expr
