#include "engine/query/expr/compare.h"

#include <algorithm>
#include <cmath>
#include <compare>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "engine/query/expr/numeric.h"
#include "engine/query/expr/vocabulary.h"

namespace silk::query::expr {

namespace {

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') {
      x = static_cast<char>(x - 'A' + 'a');
    }
    if (y >= 'A' && y <= 'Z') {
      y = static_cast<char>(y - 'A' + 'a');
    }
    if (x != y) {
      return false;
    }
  }
  return true;
}

// An xsd:integer or xsd:decimal too long for Decimal (about 38 digits) is not a numeric
// Value: arithmetic on it is an error. It still compares by value, here, in decimal digits.
struct BigNumber {
  bool negative = false;
  std::string_view integer;   // no leading zeros; empty for 0
  std::string_view fraction;  // no trailing zeros
};

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `text` as a BigNumber if it is in xsd:decimal's lexical form (xsd:integer's without a point).
std::optional<BigNumber> ParseBigNumber(std::string_view text, bool integer_only) {
  BigNumber n;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    n.negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const std::size_t point = text.find('.');
  n.integer = text.substr(0, point);
  if (point != std::string_view::npos) {
    if (integer_only) return std::nullopt;
    n.fraction = text.substr(point + 1);
  }
  if (n.integer.empty() && n.fraction.empty()) return std::nullopt;
  if (!AllDigits(n.integer) || !AllDigits(n.fraction)) return std::nullopt;
  while (!n.integer.empty() && n.integer.front() == '0') n.integer.remove_prefix(1);
  while (!n.fraction.empty() && n.fraction.back() == '0') n.fraction.remove_suffix(1);
  if (n.integer.empty() && n.fraction.empty()) n.negative = false;
  return n;
}

// The BigNumber of a literal that failed to parse only for its length.
std::optional<BigNumber> BigNumberOf(const Value& v) {
  if (v.kind() != ValueKind::kOtherLiteral) return std::nullopt;
  const std::string_view dt = v.term().datatype;
  if (dt != kXsdInteger && dt != kXsdDecimal) return std::nullopt;
  return ParseBigNumber(v.lexical(), dt == kXsdInteger);
}

std::strong_ordering CompareMagnitudes(const BigNumber& a, const BigNumber& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() <=> b.integer.size();
  if (const auto c = a.integer.compare(b.integer) <=> 0; c != 0) return c;
  // Without trailing zeros, fractions compare as text ("5" < "51" as 0.5 < 0.51).
  return a.fraction.compare(b.fraction) <=> 0;
}

std::strong_ordering CompareBigNumbers(const BigNumber& a, const BigNumber& b) {
  if (a.negative != b.negative) {
    return a.negative ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  const std::strong_ordering magnitude = CompareMagnitudes(a, b);
  return a.negative ? 0 <=> magnitude : magnitude;
}

// Compares a value beyond Decimal's range with a numeric value or another such value;
// nullopt when neither is one or the other is not numeric.
std::optional<std::partial_ordering> CompareWithBigNumber(const Value& a, const Value& b) {
  const std::optional<BigNumber> big_a = BigNumberOf(a);
  const std::optional<BigNumber> big_b = BigNumberOf(b);
  if (!big_a && !big_b) return std::nullopt;
  if (big_a && big_b) return CompareBigNumbers(*big_a, *big_b);
  const BigNumber& big = big_a ? *big_a : *big_b;
  const Value& other = big_a ? b : a;
  if (!other.IsNumeric()) return std::nullopt;
  std::partial_ordering big_vs_other = std::partial_ordering::unordered;
  if (NumericTypeOf(other) <= NumericType::kDecimal) {
    const std::string text = other.decimal().ToString();
    big_vs_other = CompareBigNumbers(big, *ParseBigNumber(text, /*integer_only=*/false));
  } else if (std::isnan(other.floating())) {
    big_vs_other = std::partial_ordering::unordered;
  } else if (std::isinf(other.floating())) {
    big_vs_other = 0.0 <=> other.floating();
  } else if (big.integer.size() > 310) {
    // Beyond every finite double (the largest is about 1.8e308).
    big_vs_other = big.negative ? std::partial_ordering::less : std::partial_ordering::greater;
  } else {
    std::string digits = big.negative ? "-" : "";
    digits.append(big.integer.empty() ? "0" : big.integer);
    if (!big.fraction.empty()) digits.append(".").append(big.fraction);
    big_vs_other = std::strtod(digits.c_str(), nullptr) <=> other.floating();
  }
  if (big_a) return big_vs_other;
  return 0 <=> big_vs_other;
}

// Numeric comparison after promotion: exactly for integer/decimal pairs, in double otherwise
// (unordered when a NaN is involved).
std::partial_ordering CompareNumerics(const Value& a, const Value& b) {
  if (std::optional<std::partial_ordering> o = CompareWithBigNumber(a, b)) return *o;
  if (NumericTypeOf(a) <= NumericType::kDecimal && NumericTypeOf(b) <= NumericType::kDecimal) {
    return a.decimal() <=> b.decimal();
  }
  return a.AsDouble() <=> b.AsDouble();
}

bool IsNumericOrBig(const Value& v) { return v.IsNumeric() || BigNumberOf(v).has_value(); }

// The value ordering of two values of comparable kinds; nullopt if the kinds are not
// comparable or the comparison is indeterminate.
std::optional<std::partial_ordering> CompareValues(const Value& a, const Value& b) {
  if (IsNumericOrBig(a) && IsNumericOrBig(b)) {
    return CompareNumerics(a, b);
  }
  if (a.kind() != b.kind()) {
    return std::nullopt;
  }
  switch (a.kind()) {
    case ValueKind::kString:
      return a.lexical() <=> b.lexical();
    case ValueKind::kBoolean:
      return a.boolean() <=> b.boolean();
    case ValueKind::kDateTime:
    case ValueKind::kDate:
      return CompareDateTimes(a.datetime(), b.datetime());
    default:
      return std::nullopt;
  }
}

int Sign(std::strong_ordering o) {
  if (o < 0) {
    return -1;
  }
  return o > 0 ? 1 : 0;
}

int CompareText(std::string_view a, std::string_view b) { return Sign(a.compare(b) <=> 0); }

// Literal groups of the ORDER BY order.
int LiteralRank(const Value& v) {
  if (IsNumericOrBig(v)) {
    return 0;
  }
  if (v.DatePrecision() != 0) {
    return 4;  // dateTimes, dates, gYearMonths and gYears: one timeline
  }
  switch (v.kind()) {
    case ValueKind::kString:
      return 1;
    case ValueKind::kLangString:
      return 2;
    case ValueKind::kBoolean:
      return 3;
    default:
      return 5;
  }
}

int KindRank(const Value* v) {
  if (v == nullptr) {
    return 0;
  }
  if (v->IsBlank()) {
    return 1;
  }
  if (v->IsIri()) {
    return 2;
  }
  return 3;
}

// Value order inside one literal group; 0 for equal values (not necessarily equal terms).
int CompareWithinGroup(const Value& a, const Value& b, int rank) {
  switch (rank) {
    case 0: {
      const bool a_nan = a.IsNumeric() && !(NumericTypeOf(a) <= NumericType::kDecimal) &&
                         std::isnan(a.floating());
      const bool b_nan = b.IsNumeric() && !(NumericTypeOf(b) <= NumericType::kDecimal) &&
                         std::isnan(b.floating());
      if (a_nan || b_nan) {
        // NaN has no place in the numeric order: put it first so the order stays total.
        return a_nan == b_nan ? 0 : (a_nan ? -1 : 1);
      }
      const std::partial_ordering o = CompareNumerics(a, b);
      return o < 0 ? -1 : (o > 0 ? 1 : 0);
    }
    case 1:
    case 2:
      return CompareText(a.lexical(), b.lexical());
    case 3:
      return Sign(a.boolean() <=> b.boolean());
    case 4:
      // A total order is needed here, so floating values are simply taken as UTC. Values of
      // different precisions go by the instant they start at, so a timeline mixing years,
      // months and days reads in order; at the same instant the coarser value comes first
      // (2024 before 2024-01 before 2024-01-01 before 2024-01-01T00:00:00).
      if (a.datetime().timezone_minutes == b.datetime().timezone_minutes) {
        // The same offset (or none): the fields' order is the instants' order.
        if (const auto c = CompareDateTimes(a.datetime(), b.datetime()); c && *c != 0) {
          return *c < 0 ? -1 : 1;
        }
      } else if (int c = Sign(a.datetime().UtcSeconds() <=> b.datetime().UtcSeconds()); c != 0) {
        return c;
      }
      return Sign(a.DatePrecision() <=> b.DatePrecision());
    default:
      return 0;
  }
}

}  // namespace

BoolResult EffectiveBooleanValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBoolean:
      return v.boolean();
    case ValueKind::kString:
    case ValueKind::kLangString:
      return !v.lexical().empty();
    case ValueKind::kInteger:
    case ValueKind::kDecimal:
      return !v.decimal().IsZero();
    case ValueKind::kFloat:
    case ValueKind::kDouble:
      return !(v.floating() == 0 || std::isnan(v.floating()));
    case ValueKind::kOtherLiteral:
      if (BigNumberOf(v)) {
        return true;  // never zero: zero fits Decimal
      }
      if (v.IsIllTypedNumericOrBoolean()) {
        return false;
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

bool SameTerm(const Value& a, const Value& b) {
  const rdf::Term& x = a.term();
  const rdf::Term& y = b.term();
  if (x.kind != y.kind || x.value != y.value) {
    return false;
  }
  if (x.kind != rdf::TermKind::kLiteral) {
    return true;
  }
  return a.datatype() == b.datatype() && EqualsIgnoreAsciiCase(x.language, y.language);
}

BoolResult Equals(const Value& a, const Value& b) {
  if (std::optional<std::partial_ordering> o = CompareValues(a, b)) {
    return *o == 0;
  }
  if (a.kind() == ValueKind::kDateTime && b.kind() == ValueKind::kDateTime) {
    return std::nullopt;  // indeterminate
  }
  if (a.kind() == ValueKind::kDate && b.kind() == ValueKind::kDate) {
    return std::nullopt;
  }
  if (a.kind() == ValueKind::kLangString && b.kind() == ValueKind::kLangString) {
    return SameTerm(a, b);
  }
  if (SameTerm(a, b)) {
    return true;
  }
  if (a.IsLiteral() && b.IsLiteral()) {
    return std::nullopt;
  }
  return false;
}

BoolResult NotEquals(const Value& a, const Value& b) {
  BoolResult eq = Equals(a, b);
  if (!eq) {
    return std::nullopt;
  }
  return !*eq;
}

BoolResult Compare(CompareOp op, const Value& a, const Value& b) {
  std::optional<std::partial_ordering> o = CompareValues(a, b);
  if (!o) {
    return std::nullopt;
  }
  switch (op) {
    case CompareOp::kLess:
      return *o < 0;
    case CompareOp::kLessEqual:
      return *o <= 0;
    case CompareOp::kGreater:
      return *o > 0;
    case CompareOp::kGreaterEqual:
      return *o >= 0;
  }
  return std::nullopt;
}

int OrderCompare(const Value* a, const Value* b) {
  const int kind_a = KindRank(a);
  const int kind_b = KindRank(b);
  if (kind_a != kind_b) {
    return kind_a < kind_b ? -1 : 1;
  }
  if (a == nullptr) {
    return 0;
  }
  if (!a->IsLiteral()) {
    return CompareText(a->lexical(), b->lexical());
  }
  const int rank_a = LiteralRank(*a);
  const int rank_b = LiteralRank(*b);
  if (rank_a != rank_b) {
    return rank_a < rank_b ? -1 : 1;
  }
  if (int c = CompareWithinGroup(*a, *b, rank_a); c != 0) {
    return c;
  }
  if (int c = CompareText(a->datatype(), b->datatype()); c != 0) {
    return c;
  }
  if (int c = CompareText(a->lexical(), b->lexical()); c != 0) {
    return c;
  }
  return CompareText(a->language(), b->language());
}

}  // namespace silk::query::expr
