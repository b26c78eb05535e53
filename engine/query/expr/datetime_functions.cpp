// YEAR ... TZ (17.4.5). They accept xsd:dateTime and, for the date and timezone parts,
// xsd:date; anything else is an error.
#include "engine/query/expr/builtins_internal.h"
#include "engine/query/expr/vocabulary.h"

namespace silk::query::expr::internal {

EvalResult DateTimeFunction(Builtin b, const Value& arg) {
  if (arg.kind() != ValueKind::kDateTime && arg.kind() != ValueKind::kDate) {
    return std::nullopt;
  }
  const DateTime& dt = arg.datetime();
  const bool has_time = arg.kind() == ValueKind::kDateTime;
  switch (b) {
    case Builtin::kYear:
      return Value::Integer(dt.year);
    case Builtin::kMonth:
      return Value::Integer(dt.month);
    case Builtin::kDay:
      return Value::Integer(dt.day);
    case Builtin::kHours:
      return has_time ? EvalResult(Value::Integer(dt.hour)) : std::nullopt;
    case Builtin::kMinutes:
      return has_time ? EvalResult(Value::Integer(dt.minute)) : std::nullopt;
    case Builtin::kSeconds:
      return has_time ? EvalResult(Value::FromDecimal(dt.second)) : std::nullopt;
    case Builtin::kTimezone:
      // No timezone is an error for TIMEZONE (but "" for TZ).
      if (!dt.timezone_minutes) {
        return std::nullopt;
      }
      return Value::TypedLiteral(dt.TimezoneDuration(), kXsdDayTimeDuration);
    case Builtin::kTz:
      return Value::String(dt.TimezoneString());
    default:
      return std::nullopt;
  }
}

}  // namespace silk::query::expr::internal
