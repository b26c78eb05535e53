// An exact xsd:decimal: a 128-bit mantissa and a decimal scale, value = mantissa / 10^scale.
// About 38 significant digits; an operation whose exact result does not fit reports failure
// (std::nullopt), which the evaluator turns into a SPARQL type error. xsd:integer values are
// Decimals with scale 0, so the two share one exact arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/query/expr/int128.h"

namespace silk::query::expr {

class Decimal {
 public:
  // Digits kept after the point by Divide when the quotient does not terminate.
  static constexpr int kDivisionScale = 24;
  static constexpr int kMaxScale = 38;

  Decimal() = default;
  static Decimal FromInt(int64_t v) { return Decimal(v, 0); }
  // REQUIRES: 0 <= scale <= kMaxScale.
  static Decimal FromParts(Int128 mantissa, int scale) { return Decimal(mantissa, scale); }

  // xsd:decimal lexical form: [+-]? digits ('.' digits?)? | [+-]? '.' digits.
  // Nullopt if the text is not in that form or has too many digits to represent.
  static std::optional<Decimal> Parse(std::string_view text);
  // xsd:integer lexical form: [+-]? digits.
  static std::optional<Decimal> ParseInteger(std::string_view text);
  // The exact value of a finite double, rounded to kMaxScale digits; nullopt for NaN, INF or
  // a magnitude beyond 10^38.
  static std::optional<Decimal> FromDouble(double d);

  Int128 mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool IsZero() const { return mantissa_ == 0; }
  bool IsNegative() const { return mantissa_ < 0; }
  bool IsInteger() const;

  // Exact arithmetic; nullopt on overflow, and for Divide by zero.
  std::optional<Decimal> Add(const Decimal& other) const;
  std::optional<Decimal> Subtract(const Decimal& other) const;
  std::optional<Decimal> Multiply(const Decimal& other) const;
  // Exact when the quotient terminates within kDivisionScale digits, else truncated there.
  std::optional<Decimal> Divide(const Decimal& other) const;
  std::optional<Decimal> Negate() const;
  Decimal Abs() const;

  // fn:floor, fn:ceiling, fn:round (halves round towards positive infinity), all scale 0.
  Decimal Floor() const;
  Decimal Ceil() const;
  Decimal Round() const;
  // Truncation towards zero (casts to xsd:integer).
  Decimal Truncate() const;

  double ToDouble() const;
  // The value as int64 if it is an integer in range.
  std::optional<int64_t> ToInt64() const;

  // XSD 1.1 canonical form: no trailing fractional zeros and no point for integral values
  // ("3", "-1.5", "0.25").
  std::string ToString() const;

  // Value comparison (1.0 == 1).
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

 private:
  Decimal(Int128 mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
  // Removes trailing zero digits of the fraction.
  Decimal Normalized() const;

  Int128 mantissa_ = 0;
  int scale_ = 0;
};

}  // namespace silk::query::expr
