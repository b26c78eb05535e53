// YEAR ... TZ (17.4.5). They accept xsd:dateTime and, for the date and timezone parts,
// xsd:date; anything else is an error.
//
// Extension: YEAR, TIMEZONE and TZ accept xsd:gYearMonth and xsd:gYear as well, MONTH
// accepts xsd:gYearMonth, so a graph that records some dates only to the month or year can
// still be grouped and filtered by year. A part the value does not have (the MONTH of a
// gYear, the DAY of a gYearMonth, the HOURS of any of them) is an error, never the 1 its
// start instant happens to hold.
#include "engine/query/expr/builtins_internal.h"
#include "engine/query/expr/vocabulary.h"

namespace silk::query::expr::internal {

namespace {

EvalResult IntegerIf(bool has_field, int64_t value) {
  return has_field ? EvalResult(Value::Integer(value)) : std::nullopt;
}

}  // namespace

EvalResult DateTimeFunction(Builtin b, const Value& arg) {
  const int fields = arg.DatePrecision();
  if (fields == 0) {
    return std::nullopt;
  }
  const DateTime& dt = arg.datetime();
  const bool has_time = fields >= 4;
  switch (b) {
    case Builtin::kYear:
      return Value::Integer(dt.year);
    case Builtin::kMonth:
      return IntegerIf(fields >= 2, dt.month);
    case Builtin::kDay:
      return IntegerIf(fields >= 3, dt.day);
    case Builtin::kHours:
      return IntegerIf(has_time, dt.hour);
    case Builtin::kMinutes:
      return IntegerIf(has_time, dt.minute);
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
