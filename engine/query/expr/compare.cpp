#include "engine/query/expr/compare.h"

#include <cmath>
#include <compare>

#include "engine/query/expr/numeric.h"

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

// Numeric comparison after promotion: exactly for integer/decimal pairs, in double otherwise
// (unordered when a NaN is involved).
std::partial_ordering CompareNumerics(const Value& a, const Value& b) {
  if (NumericTypeOf(a) <= NumericType::kDecimal && NumericTypeOf(b) <= NumericType::kDecimal) {
    return a.decimal() <=> b.decimal();
  }
  return a.AsDouble() <=> b.AsDouble();
}

// The value ordering of two values of comparable kinds; nullopt if the kinds are not
// comparable or the comparison is indeterminate.
std::optional<std::partial_ordering> CompareValues(const Value& a, const Value& b) {
  if (a.IsNumeric() && b.IsNumeric()) {
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
  if (v.IsNumeric()) {
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
      const bool a_nan = !(NumericTypeOf(a) <= NumericType::kDecimal) && std::isnan(a.floating());
      const bool b_nan = !(NumericTypeOf(b) <= NumericType::kDecimal) && std::isnan(b.floating());
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
      if (int c = Sign(a.datetime().UtcSeconds() <=> b.datetime().UtcSeconds()); c != 0) {
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
