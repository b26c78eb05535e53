#include "engine/query/expr/cast.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <type_traits>

#include "engine/query/expr/lexical.h"
#include "engine/query/expr/vocabulary.h"

namespace silk::query::expr {

namespace {

EvalResult FromString(std::string_view lexical, std::string_view datatype) {
  const std::string_view text = TrimXmlWhitespace(lexical);
  if (datatype == kXsdInteger) {
    if (std::optional<Decimal> d = Decimal::ParseInteger(text)) {
      return Value::Integer(*d);
    }
  } else if (datatype == kXsdDecimal) {
    if (std::optional<Decimal> d = Decimal::Parse(text)) {
      return Value::FromDecimal(*d);
    }
  } else if (datatype == kXsdDouble) {
    if (std::optional<double> d = ParseXsdDouble(text)) {
      return Value::Double(*d);
    }
  } else if (datatype == kXsdFloat) {
    if (std::optional<float> f = ParseXsdFloat(text)) {
      return Value::Float(*f);
    }
  } else if (datatype == kXsdBoolean) {
    if (std::optional<bool> b = ParseXsdBoolean(text)) {
      return Value::Boolean(*b);
    }
  } else if (datatype == kXsdDateTime) {
    if (std::optional<DateTime> d = DateTime::ParseDateTime(text)) {
      return Value::FromDateTime(*d);
    }
  } else if (datatype == kXsdDate) {
    if (std::optional<DateTime> d = DateTime::ParseDate(text)) {
      return Value::FromDateTime(*d);
    }
  }
  return std::nullopt;
}

EvalResult FromNumeric(const Value& v, std::string_view datatype) {
  const bool floating = v.kind() == ValueKind::kFloat || v.kind() == ValueKind::kDouble;
  if (datatype == kXsdInteger || datatype == kXsdDecimal) {
    std::optional<Decimal> d;
    if (floating) {
      d = Decimal::FromDouble(v.floating());
    } else {
      d = v.decimal();
    }
    if (!d) {
      return std::nullopt;
    }
    return datatype == kXsdInteger ? Value::Integer(d->Truncate()) : Value::FromDecimal(*d);
  }
  if (datatype == kXsdDouble) {
    return Value::Double(v.AsDouble());
  }
  if (datatype == kXsdFloat) {
    return Value::Float(static_cast<float>(v.AsDouble()));
  }
  if (datatype == kXsdBoolean) {
    if (floating) {
      return Value::Boolean(!(v.floating() == 0 || std::isnan(v.floating())));
    }
    return Value::Boolean(!v.decimal().IsZero());
  }
  return std::nullopt;
}

// A double or float as xsd:string (XPath 3.1, 19.1.2.2, which SPARQL's casts follow): within
// [1E-6, 1E6) as the decimal it stands for ("1", "1.25", "-7.875"), else in the canonical
// scientific form ("1.0E6", "INF", "NaN"). The decimal is that of the shortest text that reads
// back as the same float or double, so 0.1 as a float gives "0.1", not its binary expansion.
template <typename Floating>
std::string FloatingAsString(Floating value) {
  const double magnitude = std::fabs(static_cast<double>(value));
  if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e6)) {
    char text[64];
    const auto [end, error] = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed);
    if (error == std::errc()) {
      if (std::optional<Decimal> d = Decimal::Parse(std::string_view(text, end - text))) {
        return std::string(Value::FromDecimal(*d).lexical());
      }
    }
  }
  if constexpr (std::is_same_v<Floating, float>) return std::string(Value::Float(value).lexical());
  return std::string(Value::Double(value).lexical());
}

// What a cast to xsd:string gives (XPath's rules for casting to xs:string): the canonical
// form of a boolean or number ("0"^^xsd:boolean is "false", 01 is "1", 1E0 as a double is
// "1"), made by the constructors that give every computed value its canonical form. Other
// values keep their lexical form.
std::string AsString(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBoolean: return std::string(Value::Boolean(v.boolean()).lexical());
    case ValueKind::kInteger: return std::string(Value::Integer(v.decimal()).lexical());
    case ValueKind::kDecimal: return std::string(Value::FromDecimal(v.decimal()).lexical());
    case ValueKind::kDouble: return FloatingAsString(v.floating());
    case ValueKind::kFloat: return FloatingAsString(static_cast<float>(v.floating()));
    default: return std::string(v.lexical());
  }
}

}  // namespace

bool IsCastTarget(std::string_view datatype) {
  return datatype == kXsdString || datatype == kXsdInteger || datatype == kXsdDecimal ||
         datatype == kXsdFloat || datatype == kXsdDouble || datatype == kXsdBoolean ||
         datatype == kXsdDateTime || datatype == kXsdDate;
}

EvalResult Cast(const Value& v, std::string_view datatype) {
  if (!IsCastTarget(datatype) || v.IsBlank() || v.kind() == ValueKind::kLangString) {
    return std::nullopt;
  }
  if (datatype == kXsdString) {
    return Value::String(AsString(v));
  }
  switch (v.kind()) {
    case ValueKind::kString:
      return FromString(v.lexical(), datatype);
    case ValueKind::kInteger:
    case ValueKind::kDecimal:
    case ValueKind::kFloat:
    case ValueKind::kDouble:
      return FromNumeric(v, datatype);
    case ValueKind::kBoolean:
      if (datatype == kXsdBoolean) {
        return Value::Boolean(v.boolean());  // canonical: "0" becomes "false"
      }
      if (datatype == kXsdInteger) {
        return Value::Integer(v.boolean() ? 1 : 0);
      }
      if (datatype == kXsdDecimal) {
        return Value::FromDecimal(Decimal::FromInt(v.boolean() ? 1 : 0));
      }
      if (datatype == kXsdDouble) {
        return Value::Double(v.boolean() ? 1.0 : 0.0);
      }
      if (datatype == kXsdFloat) {
        return Value::Float(v.boolean() ? 1.0f : 0.0f);
      }
      return std::nullopt;
    case ValueKind::kDateTime:
    case ValueKind::kDate: {
      DateTime dt = v.datetime();
      if (datatype == kXsdDateTime) {
        if (dt.date_only) {
          dt.date_only = false;
          return Value::FromDateTime(dt);
        }
        return v;
      }
      if (datatype == kXsdDate) {
        dt.date_only = true;
        dt.hour = 0;
        dt.minute = 0;
        dt.second = Decimal();
        return Value::FromDateTime(dt);
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace silk::query::expr
