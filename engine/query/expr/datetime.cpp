#include "engine/query/expr/datetime.h"

#include <tuple>

#include <fmt/format.h>

#include <cstdlib>

namespace silk::query::expr {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) {
    return 29;
  }
  return kDays[month - 1];
}

// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

// Reads exactly `width` digits at text[*pos].
std::optional<int> FixedDigits(std::string_view text, size_t* pos, int width) {
  int value = 0;
  for (int i = 0; i < width; ++i) {
    if (*pos >= text.size() || !IsDigit(text[*pos])) {
      return std::nullopt;
    }
    value = value * 10 + (text[*pos] - '0');
    ++*pos;
  }
  return value;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos < text.size() && text[*pos] == c) {
    ++*pos;
    return true;
  }
  return false;
}

// The date fields a lexical form spells out: "-?YYYY+", "-?YYYY+-MM" or "-?YYYY+-MM-DD".
enum class DateFields : unsigned char { kYear, kYearMonth, kYearMonthDay };

// The date fields of `fields` into `out` (the ones left out stay 1: a value starts at the
// beginning of its year or month); leaves *pos after the last one.
bool ParseDatePart(std::string_view text, size_t* pos, DateFields fields, DateTime* out) {
  const bool negative = Expect(text, pos, '-');
  const size_t start = *pos;
  int64_t year = 0;
  while (*pos < text.size() && IsDigit(text[*pos])) {
    if (*pos - start > 12) {
      return false;
    }
    year = year * 10 + (text[*pos] - '0');
    ++*pos;
  }
  const size_t digits = *pos - start;
  // Four digits at least; more only without a leading zero.
  if (digits < 4 || (digits > 4 && text[start] == '0')) {
    return false;
  }
  out->year = negative ? -year : year;
  if (fields == DateFields::kYear) {
    return true;
  }
  std::optional<int> month;
  if (!Expect(text, pos, '-') || !(month = FixedDigits(text, pos, 2)) || *month < 1 ||
      *month > 12) {
    return false;
  }
  out->month = *month;
  if (fields == DateFields::kYearMonth) {
    return true;
  }
  std::optional<int> day;
  if (!Expect(text, pos, '-') || !(day = FixedDigits(text, pos, 2)) || *day < 1 ||
      *day > DaysInMonth(out->year, *month)) {
    return false;
  }
  out->day = *day;
  return true;
}

// Optional "Z" or "[+-]hh:mm" at *pos; the text must end afterwards.
bool ParseTimezoneAndEnd(std::string_view text, size_t* pos, DateTime* out) {
  if (*pos == text.size()) {
    return true;
  }
  if (Expect(text, pos, 'Z')) {
    out->timezone_minutes = 0;
    return *pos == text.size();
  }
  if (text[*pos] != '+' && text[*pos] != '-') {
    return false;
  }
  const int sign = text[*pos] == '-' ? -1 : 1;
  ++*pos;
  std::optional<int> hours = FixedDigits(text, pos, 2);
  std::optional<int> minutes;
  if (!hours || !Expect(text, pos, ':') || !(minutes = FixedDigits(text, pos, 2))) {
    return false;
  }
  if (*minutes > 59 || *hours * 60 + *minutes > 14 * 60) {
    return false;
  }
  out->timezone_minutes = sign * (*hours * 60 + *minutes);
  return *pos == text.size();
}

// Moves a DateTime by whole days (used to normalise 24:00:00).
void AddDays(DateTime* dt, int64_t days) {
  CivilFromDays(DaysFromCivil(dt->year, dt->month, dt->day) + days, &dt->year, &dt->month,
                &dt->day);
}

// A date without time of day, `fields` long, with an optional timezone (xsd:date, xsd:gYearMonth,
// xsd:gYear).
std::optional<DateTime> ParseDayOrCoarser(std::string_view text, DateFields fields) {
  DateTime dt;
  dt.date_only = true;
  size_t pos = 0;
  if (!ParseDatePart(text, &pos, fields, &dt) || !ParseTimezoneAndEnd(text, &pos, &dt)) {
    return std::nullopt;
  }
  return dt;
}

std::string YearString(int64_t year) {
  if (year < 0) {
    return fmt::format("-{:04d}", -year);
  }
  return fmt::format("{:04d}", year);
}

}  // namespace

std::optional<DateTime> DateTime::ParseDateTime(std::string_view text) {
  DateTime dt;
  size_t pos = 0;
  if (!ParseDatePart(text, &pos, DateFields::kYearMonthDay, &dt) || !Expect(text, &pos, 'T')) {
    return std::nullopt;
  }
  std::optional<int> hour = FixedDigits(text, &pos, 2);
  std::optional<int> minute;
  if (!hour || !Expect(text, &pos, ':') || !(minute = FixedDigits(text, &pos, 2)) ||
      !Expect(text, &pos, ':')) {
    return std::nullopt;
  }
  const size_t seconds_start = pos;
  if (!FixedDigits(text, &pos, 2)) {
    return std::nullopt;
  }
  if (Expect(text, &pos, '.')) {
    const size_t fraction_start = pos;
    while (pos < text.size() && IsDigit(text[pos])) {
      ++pos;
    }
    if (pos == fraction_start) {
      return std::nullopt;
    }
  }
  std::optional<Decimal> second = Decimal::Parse(text.substr(seconds_start, pos - seconds_start));
  if (!second || *hour > 24 || *minute > 59 || *second >= Decimal::FromInt(60)) {
    return std::nullopt;
  }
  if (*hour == 24 && (*minute != 0 || !second->IsZero())) {
    return std::nullopt;
  }
  if (!ParseTimezoneAndEnd(text, &pos, &dt)) {
    return std::nullopt;
  }
  dt.hour = *hour;
  dt.minute = *minute;
  dt.second = *second;
  if (dt.hour == 24) {
    dt.hour = 0;
    AddDays(&dt, 1);
  }
  return dt;
}

std::optional<DateTime> DateTime::ParseDate(std::string_view text) {
  return ParseDayOrCoarser(text, DateFields::kYearMonthDay);
}

std::optional<DateTime> DateTime::ParseGYearMonth(std::string_view text) {
  return ParseDayOrCoarser(text, DateFields::kYearMonth);
}

std::optional<DateTime> DateTime::ParseGYear(std::string_view text) {
  return ParseDayOrCoarser(text, DateFields::kYear);
}

DateTime DateTime::FromUnixMicros(int64_t unix_micros) {
  int64_t days = unix_micros / 86'400'000'000;
  int64_t micros_of_day = unix_micros % 86'400'000'000;
  if (micros_of_day < 0) {
    micros_of_day += 86'400'000'000;
    --days;
  }
  DateTime dt;
  CivilFromDays(days, &dt.year, &dt.month, &dt.day);
  dt.hour = static_cast<int>(micros_of_day / 3'600'000'000);
  dt.minute = static_cast<int>(micros_of_day / 60'000'000 % 60);
  dt.second = Decimal::FromParts(micros_of_day % 60'000'000, 6);
  dt.second = *Decimal::Parse(dt.second.ToString());  // normalise the scale
  dt.timezone_minutes = 0;
  return dt;
}

std::string DateTime::ToString() const {
  std::string out = fmt::format("{}-{:02d}-{:02d}", YearString(year), month, day);
  if (!date_only) {
    std::string seconds = second.ToString();
    if (second < Decimal::FromInt(10)) {
      seconds.insert(0, 1, '0');
    }
    out += fmt::format("T{:02d}:{:02d}:{}", hour, minute, seconds);
  }
  return out + TimezoneString();
}

std::string DateTime::TimezoneString() const {
  if (!timezone_minutes) {
    return "";
  }
  if (*timezone_minutes == 0) {
    return "Z";
  }
  const int magnitude = std::abs(*timezone_minutes);
  return fmt::format("{}{:02d}:{:02d}", *timezone_minutes < 0 ? '-' : '+', magnitude / 60,
                     magnitude % 60);
}

std::string DateTime::TimezoneDuration() const {
  const int tz = timezone_minutes.value_or(0);
  if (tz == 0) {
    return "PT0S";
  }
  const int magnitude = std::abs(tz);
  std::string out = tz < 0 ? "-PT" : "PT";
  if (magnitude / 60 != 0) {
    out += fmt::format("{}H", magnitude / 60);
  }
  if (magnitude % 60 != 0) {
    out += fmt::format("{}M", magnitude % 60);
  }
  return out;
}

Decimal DateTime::LocalSeconds() const {
  const int64_t whole = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60;
  // Years are bounded by the parser (at most 13 digits), so this cannot overflow 128 bits.
  return *Decimal::FromInt(whole).Add(second);
}

Decimal DateTime::UtcSeconds() const {
  if (!timezone_minutes) {
    return LocalSeconds();
  }
  return *LocalSeconds().Subtract(Decimal::FromInt(int64_t{*timezone_minutes} * 60));
}

std::optional<std::partial_ordering> CompareDateTimes(const DateTime& a, const DateTime& b) {
  if (a.timezone_minutes == b.timezone_minutes) {
    // The same offset (or none on either side): the fields in order are the time line, and
    // the common case (sorting and filtering dates) needs no arithmetic.
    const auto fields = [](const DateTime& d) {
      return std::tie(d.year, d.month, d.day, d.hour, d.minute);
    };
    if (const std::strong_ordering c = fields(a) <=> fields(b); c != 0) return c;
    return a.second <=> b.second;
  }
  const Decimal x = a.UtcSeconds();
  const Decimal y = b.UtcSeconds();
  if (a.timezone_minutes.has_value() == b.timezone_minutes.has_value()) {
    return x <=> y;
  }
  // One side has no timezone: it may lie anywhere in [local - 14h, local + 14h] in UTC.
  const Decimal window = Decimal::FromInt(14 * 3600);
  if (!a.timezone_minutes) {
    // a is floating.
    if (*x.Add(window) < y) {
      return std::partial_ordering::less;
    }
    if (*x.Subtract(window) > y) {
      return std::partial_ordering::greater;
    }
    return std::nullopt;
  }
  if (x < *y.Subtract(window)) {
    return std::partial_ordering::less;
  }
  if (x > *y.Add(window)) {
    return std::partial_ordering::greater;
  }
  return std::nullopt;
}

}  // namespace silk::query::expr
