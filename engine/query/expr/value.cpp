#include "engine/query/expr/value.h"

#include <array>

#include "engine/query/expr/lexical.h"
#include "engine/query/expr/vocabulary.h"

namespace silk::query::expr {

namespace {

rdf::Term MakeLiteral(std::string lexical, std::string_view datatype,
                      std::string language = {}) {
  rdf::Term t;
  t.kind = rdf::TermKind::kLiteral;
  t.value = std::move(lexical);
  t.datatype = std::string(datatype);
  t.language = std::move(language);
  return t;
}

// xsd:integer and the types derived from it (XSD 1.1 Part 2, 3.4.13 ff.), with their value
// ranges; `bounded` false means no limit on that side.
struct IntegerType {
  std::string_view local_name;
  bool has_min;
  Int128 min;
  bool has_max;
  Int128 max;
};

constexpr Int128 kUint64Max = static_cast<Int128>(UINT64_MAX);
constexpr std::array<IntegerType, 13> kIntegerTypes = {{
    {"integer", false, 0, false, 0},
    {"nonPositiveInteger", false, 0, true, 0},
    {"negativeInteger", false, 0, true, -1},
    {"long", true, INT64_MIN, true, INT64_MAX},
    {"int", true, INT32_MIN, true, INT32_MAX},
    {"short", true, INT16_MIN, true, INT16_MAX},
    {"byte", true, INT8_MIN, true, INT8_MAX},
    {"nonNegativeInteger", true, 0, false, 0},
    {"unsignedLong", true, 0, true, kUint64Max},
    {"unsignedInt", true, 0, true, UINT32_MAX},
    {"unsignedShort", true, 0, true, UINT16_MAX},
    {"unsignedByte", true, 0, true, UINT8_MAX},
    {"positiveInteger", true, 1, false, 0},
}};

const IntegerType* FindIntegerType(std::string_view datatype) {
  if (!datatype.starts_with(rdf::kXsd)) {
    return nullptr;
  }
  const std::string_view local = datatype.substr(rdf::kXsd.size());
  for (const IntegerType& t : kIntegerTypes) {
    if (t.local_name == local) {
      return &t;
    }
  }
  return nullptr;
}

// The date and time datatypes, each with its parser.
struct DateType {
  std::string_view datatype;
  std::optional<DateTime> (*parse)(std::string_view text);
  ValueKind kind;
};

constexpr std::array<DateType, 4> kDateTypes = {{
    {kXsdDateTime, &DateTime::ParseDateTime, ValueKind::kDateTime},
    {kXsdDate, &DateTime::ParseDate, ValueKind::kDate},
    {kXsdGYearMonth, &DateTime::ParseGYearMonth, ValueKind::kGYearMonth},
    {kXsdGYear, &DateTime::ParseGYear, ValueKind::kGYear},
}};

const DateType* FindDateType(std::string_view datatype) {
  for (const DateType& t : kDateTypes) {
    if (t.datatype == datatype) {
      return &t;
    }
  }
  return nullptr;
}

}  // namespace

Value Value::FromTerm(rdf::TermView view) {
  rdf::Term term(view);
  switch (view.kind) {
    case rdf::TermKind::kIri:
      return Value(std::move(term), ValueKind::kIri);
    case rdf::TermKind::kBlank:
      return Value(std::move(term), ValueKind::kBlank);
    case rdf::TermKind::kDefaultGraph:
    case rdf::TermKind::kLiteral:
      break;
  }
  if (!view.language.empty()) {
    return Value(std::move(term), ValueKind::kLangString);
  }
  const std::string_view dt = view.datatype;
  if (dt.empty() || dt == kXsdString) {
    return Value(std::move(term), ValueKind::kString);
  }
  Value v(std::move(term), ValueKind::kOtherLiteral);
  const std::string_view lexical = view.value;
  if (dt == kXsdBoolean) {
    if (std::optional<bool> b = ParseXsdBoolean(lexical)) {
      v.kind_ = ValueKind::kBoolean;
      v.data_ = *b;
    }
  } else if (dt == kXsdDecimal) {
    if (std::optional<Decimal> d = Decimal::Parse(lexical)) {
      v.kind_ = ValueKind::kDecimal;
      v.data_ = *d;
    }
  } else if (dt == kXsdDouble) {
    if (std::optional<double> d = ParseXsdDouble(lexical)) {
      v.kind_ = ValueKind::kDouble;
      v.data_ = *d;
    }
  } else if (dt == kXsdFloat) {
    if (std::optional<float> f = ParseXsdFloat(lexical)) {
      v.kind_ = ValueKind::kFloat;
      v.data_ = static_cast<double>(*f);
    }
  } else if (const DateType* date_type = FindDateType(dt)) {
    if (std::optional<DateTime> d = date_type->parse(lexical)) {
      v.kind_ = date_type->kind;
      v.data_ = *d;
    }
  } else if (const IntegerType* type = FindIntegerType(dt)) {
    std::optional<Decimal> d = Decimal::ParseInteger(lexical);
    if (d && (!type->has_min || d->mantissa() >= type->min) &&
        (!type->has_max || d->mantissa() <= type->max)) {
      v.kind_ = ValueKind::kInteger;
      v.data_ = *d;
    }
  }
  return v;
}

Value Value::TypedLiteral(std::string lexical, std::string_view datatype) {
  return FromTerm(MakeLiteral(std::move(lexical), datatype));
}

Value Value::Iri(std::string iri) {
  rdf::Term t;
  t.kind = rdf::TermKind::kIri;
  t.value = std::move(iri);
  return Value(std::move(t), ValueKind::kIri);
}

Value Value::Blank(std::string label) {
  rdf::Term t;
  t.kind = rdf::TermKind::kBlank;
  t.value = std::move(label);
  return Value(std::move(t), ValueKind::kBlank);
}

Value Value::String(std::string lexical) {
  return Value(MakeLiteral(std::move(lexical), {}), ValueKind::kString);
}

Value Value::LangString(std::string lexical, std::string language) {
  return Value(MakeLiteral(std::move(lexical), {}, std::move(language)), ValueKind::kLangString);
}

Value Value::StringLike(std::string lexical, const Value& like) {
  if (like.kind_ == ValueKind::kLangString) {
    return LangString(std::move(lexical), like.term_.language);
  }
  return String(std::move(lexical));
}

Value Value::Boolean(bool b) {
  Value v(MakeLiteral(b ? "true" : "false", kXsdBoolean), ValueKind::kBoolean);
  v.data_ = b;
  return v;
}

Value Value::Integer(int64_t i) { return Integer(Decimal::FromInt(i)); }

Value Value::Integer(const Decimal& d) {
  Value v(MakeLiteral(d.ToString(), kXsdInteger), ValueKind::kInteger);
  v.data_ = d;
  return v;
}

Value Value::FromDecimal(const Decimal& d) {
  Value v(MakeLiteral(d.ToString(), kXsdDecimal), ValueKind::kDecimal);
  v.data_ = d;
  return v;
}

Value Value::Float(float f) {
  Value v(MakeLiteral(FormatXsdFloat(f), kXsdFloat), ValueKind::kFloat);
  v.data_ = static_cast<double>(f);
  return v;
}

Value Value::Double(double d) {
  Value v(MakeLiteral(FormatXsdDouble(d), kXsdDouble), ValueKind::kDouble);
  v.data_ = d;
  return v;
}

Value Value::FromDateTime(const DateTime& dt) {
  Value v(MakeLiteral(dt.ToString(), dt.date_only ? kXsdDate : kXsdDateTime),
          dt.date_only ? ValueKind::kDate : ValueKind::kDateTime);
  v.data_ = dt;
  return v;
}

std::string_view Value::datatype() const {
  if (!term_.language.empty()) {
    return kRdfLangString;
  }
  if (term_.datatype.empty()) {
    return kXsdString;
  }
  return term_.datatype;
}

bool Value::IsIllTypedNumericOrBoolean() const {
  if (kind_ != ValueKind::kOtherLiteral) {
    return false;
  }
  const std::string_view dt = term_.datatype;
  return dt == kXsdBoolean || dt == kXsdDecimal || dt == kXsdDouble || dt == kXsdFloat ||
         FindIntegerType(dt) != nullptr;
}

int Value::DatePrecision() const {
  switch (kind_) {
    case ValueKind::kGYear:
      return 1;
    case ValueKind::kGYearMonth:
      return 2;
    case ValueKind::kDate:
      return 3;
    case ValueKind::kDateTime:
      return 4;
    default:
      return 0;
  }
}

double Value::AsDouble() const {
  if (kind_ == ValueKind::kFloat || kind_ == ValueKind::kDouble) {
    return floating();
  }
  return decimal().ToDouble();
}

}  // namespace silk::query::expr
