// xsd:dateTime and xsd:date values: parsing, canonical printing, the XSD partial order and
// the component accessors behind YEAR ... TZ. xsd:gYearMonth and xsd:gYear values are parsed
// too, into the instant they start at, so that YEAR, MONTH and ORDER BY can use them (an
// extension: SPARQL defines neither for them).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/query/expr/decimal.h"

namespace silk::query::expr {

struct DateTime {
  int64_t year = 1970;  // may be negative (XSD 1.1 has a year 0 = 1 BCE)
  int month = 1;        // 1..12
  int day = 1;          // 1..31, valid for the month
  int hour = 0;         // 0..23 (24:00:00 is normalised to the next day when parsed)
  int minute = 0;
  Decimal second;       // 0 <= second < 60, possibly fractional
  // Offset from UTC in minutes (-840..840); nullopt when the literal has no timezone.
  std::optional<int> timezone_minutes;
  // An xsd:date (or gYearMonth, gYear): the time fields are zero and not printed. A gYearMonth
  // has day 1, a gYear month 1 and day 1; only the value's kind says which fields are real.
  bool date_only = false;

  // Lexical forms "-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|[+-]hh:mm)?" and, for dates,
  // "-?YYYY-MM-DD(Z|[+-]hh:mm)?". Nullopt if invalid (including impossible dates).
  static std::optional<DateTime> ParseDateTime(std::string_view text);
  static std::optional<DateTime> ParseDate(std::string_view text);
  // "-?YYYY-MM(Z|[+-]hh:mm)?" and "-?YYYY(Z|[+-]hh:mm)?": the start of that month or year.
  static std::optional<DateTime> ParseGYearMonth(std::string_view text);
  static std::optional<DateTime> ParseGYear(std::string_view text);
  // A UTC dateTime at `unix_micros` microseconds after 1970-01-01T00:00:00Z (for NOW()).
  static DateTime FromUnixMicros(int64_t unix_micros);

  // Canonical lexical form ("2010-06-21T11:28:01Z", "2011-02-01T01:02:03.5", "2010-06-21").
  std::string ToString() const;
  // TZ(): "Z", "-08:00", or "" without timezone.
  std::string TimezoneString() const;
  // TIMEZONE(): an xsd:dayTimeDuration lexical form ("PT0S", "-PT8H", "PT5H30M").
  // REQUIRES: timezone_minutes.has_value().
  std::string TimezoneDuration() const;

  // Seconds since 1970-01-01T00:00:00 in the local time of the value, ignoring the timezone.
  Decimal LocalSeconds() const;
  // LocalSeconds() moved to UTC when there is a timezone; otherwise LocalSeconds().
  Decimal UtcSeconds() const;
};

// XSD's partial order (XML Schema 1.1 Part 2, D.2.2): a value without timezone is compared
// with one that has a timezone by allowing it any timezone in -14:00..+14:00; if the answer
// depends on that choice the result is nullopt (indeterminate).
std::optional<std::partial_ordering> CompareDateTimes(const DateTime& a, const DateTime& b);

}  // namespace silk::query::expr
