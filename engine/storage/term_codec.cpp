#include "engine/storage/term_codec.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <iterator>

namespace silk::storage {
namespace {

using format::kSignFlip;

constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";

constexpr std::uint64_t kMantissaMask = (std::uint64_t{1} << format::kDecimalMantissaBits) - 1;
constexpr std::uint64_t kTimezoneMask = (std::uint64_t{1} << format::kTimezoneBits) - 1;
constexpr std::int64_t kMinutesPerDay = std::int64_t{24} * 60;
constexpr std::int64_t kMillisPerDay = kMinutesPerDay * 60 * 1000;

constexpr std::uint64_t Pow10(int n) {
  std::uint64_t v = 1;
  for (int i = 0; i < n; ++i) {
    v *= 10;
  }
  return v;
}
constexpr std::uint64_t kMantissaMin = Pow10(format::kDecimalDigits - 1);
constexpr std::uint64_t kMantissaLimit = Pow10(format::kDecimalDigits);

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Floor division: the calendar arithmetic below must round toward minus infinity so that
// instants before 1970 land on the right day.
constexpr std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// ---- Calendar (proleptic Gregorian, astronomical years; H. Hinnant's algorithms) -------------

constexpr bool IsLeapYear(std::int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr int DaysInMonth(std::int64_t y, int m) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

constexpr std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = FloorDiv(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct CivilDate {
  std::int64_t year;
  int month;
  int day;
};

constexpr CivilDate CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = FloorDiv(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

static_assert(DaysFromCivil(1970, 1, 1) == 0);
static_assert(DaysFromCivil(0, 3, 1) == -719468);
static_assert(CivilFromDays(-1).year == 1969 && CivilFromDays(-1).day == 31);

// ---- A cursor over a lexical form ------------------------------------------------------------

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  bool Peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool Eat(char c) {
    if (!Peek(c)) {
      return false;
    }
    ++pos_;
    return true;
  }
  // Exactly `n` digits as a number.
  std::optional<int> Digits(int n) {
    if (text_.size() - pos_ < static_cast<std::size_t>(n)) {
      return std::nullopt;
    }
    int v = 0;
    for (int i = 0; i < n; ++i) {
      const char c = text_[pos_ + static_cast<std::size_t>(i)];
      if (!IsDigit(c)) {
        return std::nullopt;
      }
      v = v * 10 + (c - '0');
    }
    pos_ += static_cast<std::size_t>(n);
    return v;
  }
  // The longest run of digits (possibly empty).
  std::string_view DigitRun() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// ---- Timezones -------------------------------------------------------------------------------

// The timezone code of the rest of `in` (which must then be at its end): 0 for none.
std::optional<std::uint64_t> ParseTimezone(Cursor& in) {
  if (in.AtEnd()) {
    return 0;
  }
  if (in.Eat('Z')) {
    return in.AtEnd() ? std::optional<std::uint64_t>(1 + format::kTimezoneQuarterHours)
                      : std::nullopt;
  }
  int sign = 1;
  if (in.Eat('-')) {
    sign = -1;
  } else if (!in.Eat('+')) {
    return std::nullopt;
  }
  const auto hh = in.Digits(2);
  if (!hh || !in.Eat(':')) {
    return std::nullopt;
  }
  const auto mm = in.Digits(2);
  if (!mm || !in.AtEnd() || *mm % 15 != 0 || *mm >= 60) {
    return std::nullopt;
  }
  const int quarters = *hh * 4 + *mm / 15;
  if (quarters == 0 || quarters > format::kTimezoneQuarterHours) {
    return std::nullopt;  // `+00:00` is spelled `Z`; beyond ±14:00 is not a timezone
  }
  return static_cast<std::uint64_t>(1 + format::kTimezoneQuarterHours + sign * quarters);
}

// Minutes east of UTC for a timezone code (0 for none).
std::int64_t TimezoneOffsetMinutes(std::uint64_t code) {
  if (code == 0) {
    return 0;
  }
  return (static_cast<std::int64_t>(code) - 1 - format::kTimezoneQuarterHours) * 15;
}

bool ValidTimezoneCode(std::uint64_t code) {
  return code <= 1 + 2 * static_cast<std::uint64_t>(format::kTimezoneQuarterHours);
}

// `value` in decimal, zero-padded to `width` digits: dates and times are printed for every
// row of a result that holds them, where a formatting library's parse of its pattern took
// longer than the rest of the decoding.
void AppendPadded(std::uint64_t value, int width, std::string* out) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

void AppendTimezone(std::uint64_t code, std::string* out) {
  if (code == 0) {
    return;
  }
  const std::int64_t offset = TimezoneOffsetMinutes(code);
  if (offset == 0) {
    out->push_back('Z');
    return;
  }
  const auto a = static_cast<std::uint64_t>(std::abs(offset));
  out->push_back(offset < 0 ? '-' : '+');
  AppendPadded(a / 60, 2, out);
  out->push_back(':');
  AppendPadded(a % 60, 2, out);
}

// ---- Dates -----------------------------------------------------------------------------------

// `-?YYYY-MM-DD`: the day number since 1970-01-01.
std::optional<std::int64_t> ParseDay(Cursor& in) {
  const bool negative = in.Eat('-');
  const auto year = in.Digits(4);
  if (!year || (negative && *year == 0) || !in.Eat('-')) {
    return std::nullopt;
  }
  const auto month = in.Digits(2);
  if (!month || *month < 1 || *month > 12 || !in.Eat('-')) {
    return std::nullopt;
  }
  const std::int64_t y = negative ? -*year : *year;
  const auto day = in.Digits(2);
  if (!day || *day < 1 || *day > DaysInMonth(y, *month)) {
    return std::nullopt;
  }
  return DaysFromCivil(y, *month, *day);
}

void AppendDay(std::int64_t days, std::string* out) {
  const CivilDate c = CivilFromDays(days);
  if (c.year < 0) out->push_back('-');
  AppendPadded(static_cast<std::uint64_t>(std::abs(c.year)), 4, out);
  out->push_back('-');
  AppendPadded(static_cast<std::uint64_t>(c.month), 2, out);
  out->push_back('-');
  AppendPadded(static_cast<std::uint64_t>(c.day), 2, out);
}

bool DayInRange(std::int64_t days) {
  const std::int64_t year = CivilFromDays(days).year;
  return year >= format::kMinYear && year <= format::kMaxYear;
}

std::optional<TermId> InlineDate(std::string_view lexical) {
  Cursor in(lexical);
  const auto days = ParseDay(in);
  if (!days) {
    return std::nullopt;
  }
  const auto tz = ParseTimezone(in);
  if (!tz) {
    return std::nullopt;
  }
  const std::int64_t start = *days * kMinutesPerDay - TimezoneOffsetMinutes(*tz);
  const auto biased = static_cast<std::uint64_t>(start + format::kDateMinuteBias);
  return MakeTermId(TermTag::kDate, (biased << format::kTimezoneBits) | *tz);
}

std::optional<std::string> DecodeDate(std::uint64_t payload) {
  const std::uint64_t tz = payload & kTimezoneMask;
  if (!ValidTimezoneCode(tz)) {
    return std::nullopt;
  }
  const std::int64_t local = static_cast<std::int64_t>(payload >> format::kTimezoneBits) -
                             format::kDateMinuteBias + TimezoneOffsetMinutes(tz);
  if (local % kMinutesPerDay != 0 || !DayInRange(FloorDiv(local, kMinutesPerDay))) {
    return std::nullopt;
  }
  std::string out;
  AppendDay(FloorDiv(local, kMinutesPerDay), &out);
  AppendTimezone(tz, &out);
  return out;
}

std::optional<TermId> InlineDateTime(std::string_view lexical) {
  Cursor in(lexical);
  const auto days = ParseDay(in);
  if (!days || !in.Eat('T')) {
    return std::nullopt;
  }
  const auto hh = in.Digits(2);
  if (!hh || *hh > 23 || !in.Eat(':')) {
    return std::nullopt;
  }
  const auto mm = in.Digits(2);
  if (!mm || *mm > 59 || !in.Eat(':')) {
    return std::nullopt;
  }
  const auto ss = in.Digits(2);
  if (!ss || *ss > 59) {
    return std::nullopt;
  }
  std::int64_t millis = 0;
  if (in.Eat('.')) {
    const std::string_view fraction = in.DigitRun();
    if (fraction.empty() || fraction.size() > 3 || fraction.back() == '0') {
      return std::nullopt;
    }
    for (std::size_t i = 0; i < 3; ++i) {
      millis = millis * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    }
  }
  const auto tz = ParseTimezone(in);
  if (!tz) {
    return std::nullopt;
  }
  const std::int64_t local =
      *days * kMillisPerDay + ((*hh * 60 + *mm) * 60 + *ss) * std::int64_t{1000} + millis;
  const std::int64_t utc = local - TimezoneOffsetMinutes(*tz) * 60000;
  const auto biased = static_cast<std::uint64_t>(utc + format::kDateTimeMilliBias);
  return MakeTermId(TermTag::kDateTime, (biased << format::kTimezoneBits) | *tz);
}

std::optional<std::string> DecodeDateTime(std::uint64_t payload) {
  const std::uint64_t tz = payload & kTimezoneMask;
  if (!ValidTimezoneCode(tz)) {
    return std::nullopt;
  }
  const std::int64_t local = static_cast<std::int64_t>(payload >> format::kTimezoneBits) -
                             format::kDateTimeMilliBias + TimezoneOffsetMinutes(tz) * 60000;
  const std::int64_t days = FloorDiv(local, kMillisPerDay);
  if (!DayInRange(days)) {
    return std::nullopt;
  }
  std::int64_t in_day = local - days * kMillisPerDay;
  const std::int64_t millis = in_day % 1000;
  in_day /= 1000;
  std::string out;
  AppendDay(days, &out);
  out.push_back('T');
  AppendPadded(static_cast<std::uint64_t>(in_day / 3600), 2, &out);
  out.push_back(':');
  AppendPadded(static_cast<std::uint64_t>(in_day / 60 % 60), 2, &out);
  out.push_back(':');
  AppendPadded(static_cast<std::uint64_t>(in_day % 60), 2, &out);
  if (millis != 0) {
    out.push_back('.');
    AppendPadded(static_cast<std::uint64_t>(millis), 3, &out);
    while (out.back() == '0') out.pop_back();
  }
  AppendTimezone(tz, &out);
  return out;
}

// ---- Numbers ---------------------------------------------------------------------------------

std::optional<TermId> InlineIntegerLexical(std::string_view lexical) {
  const bool negative = !lexical.empty() && lexical.front() == '-';
  const std::string_view digits = negative ? lexical.substr(1) : lexical;
  // Canonical: no sign but `-`, no leading zero, no `-0`; at most 18 digits keeps us in range
  // of the check below without overflow (2^59 has 18 digits).
  if (digits.empty() || digits.size() > 18 ||
      (digits.front() == '0' && (negative || digits.size() > 1))) {
    return std::nullopt;
  }
  std::int64_t magnitude = 0;
  for (const char c : digits) {
    if (!IsDigit(c)) {
      return std::nullopt;
    }
    magnitude = magnitude * 10 + (c - '0');
  }
  return storage::InlineInteger(negative ? -magnitude : magnitude);
}

std::string DecodeInteger(std::uint64_t payload) {
  return fmt::format("{}", static_cast<std::int64_t>(payload - kSignFlip));
}

std::optional<TermId> InlineDecimal(std::string_view lexical) {
  Cursor in(lexical);
  const bool negative = in.Eat('-');
  const std::string_view whole = in.DigitRun();
  if (whole.empty() || (whole.size() > 1 && whole.front() == '0') || !in.Eat('.')) {
    return std::nullopt;
  }
  const std::string_view fraction = in.DigitRun();
  if (!in.AtEnd() || fraction.empty() || (fraction.size() > 1 && fraction.back() == '0')) {
    return std::nullopt;
  }
  const bool whole_zero = whole == "0";
  const bool fraction_zero = fraction == "0";
  if (whole_zero && fraction_zero) {
    return negative ? std::nullopt
                    : std::optional<TermId>(MakeTermId(TermTag::kDecimal, kSignFlip));
  }
  // value = 0.D × 10^exponent with D the significant digits, D[0] != 0.
  std::string significant;
  int exponent = 0;
  if (!whole_zero) {
    exponent = static_cast<int>(whole.size());
    significant = whole;
    if (!fraction_zero) {
      significant += fraction;
    }
  } else {
    const std::size_t zeros = fraction.find_first_not_of('0');
    exponent = -static_cast<int>(zeros);
    significant = fraction.substr(zeros);
  }
  while (significant.back() == '0') {
    significant.pop_back();
  }
  if (significant.size() > static_cast<std::size_t>(format::kDecimalDigits) ||
      exponent < format::kDecimalMinExponent || exponent > format::kDecimalMaxExponent) {
    return std::nullopt;
  }
  std::uint64_t mantissa = 0;
  for (int i = 0; i < format::kDecimalDigits; ++i) {
    const auto index = static_cast<std::size_t>(i);
    mantissa = mantissa * 10 + (index < significant.size() ? significant[index] - '0' : 0);
  }
  const std::uint64_t f = (static_cast<std::uint64_t>(exponent - format::kDecimalMinExponent)
                           << format::kDecimalMantissaBits) |
                          mantissa;
  return MakeTermId(TermTag::kDecimal, negative ? kSignFlip - f : kSignFlip + f);
}

struct DecimalParts {
  bool negative = false;
  std::uint64_t mantissa = 0;  // 0 for zero, else in [kMantissaMin, kMantissaLimit)
  int exponent = 0;
};

std::optional<DecimalParts> SplitDecimal(std::uint64_t payload) {
  DecimalParts parts;
  if (payload == kSignFlip) {
    return parts;
  }
  parts.negative = payload < kSignFlip;
  const std::uint64_t f = parts.negative ? kSignFlip - payload : payload - kSignFlip;
  parts.mantissa = f & kMantissaMask;
  parts.exponent =
      static_cast<int>(f >> format::kDecimalMantissaBits) + format::kDecimalMinExponent;
  if (parts.mantissa < kMantissaMin || parts.mantissa >= kMantissaLimit ||
      parts.exponent > format::kDecimalMaxExponent) {
    return std::nullopt;
  }
  return parts;
}

std::optional<std::string> DecodeDecimal(std::uint64_t payload) {
  const auto parts = SplitDecimal(payload);
  if (!parts) {
    return std::nullopt;
  }
  if (parts->mantissa == 0) {
    return std::string("0.0");
  }
  std::string digits = fmt::format("{}", parts->mantissa);
  while (digits.back() == '0') {
    digits.pop_back();
  }
  const int e = parts->exponent;
  const auto size = static_cast<int>(digits.size());
  std::string out = parts->negative ? "-" : "";
  if (e <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-e), '0');
    out += digits;
  } else if (e >= size) {
    out += digits;
    out.append(static_cast<std::size_t>(e - size), '0');
    out += ".0";
  } else {
    out += digits.substr(0, static_cast<std::size_t>(e));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(e));
  }
  return out;
}

// ---- Term records ----------------------------------------------------------------------------

void AppendVarint(std::size_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

std::optional<std::string_view> TakeLengthPrefixed(std::string_view* in) {
  std::size_t length = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in->empty()) {
      return std::nullopt;
    }
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    length |= static_cast<std::size_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      if (length > in->size()) {
        return std::nullopt;
      }
      const std::string_view field = in->substr(0, length);
      in->remove_prefix(length);
      return field;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TermId> TryInline(const rdf::TermView& term) {
  if (!term.IsLiteral() || !term.language.empty()) {
    return std::nullopt;
  }
  const std::string_view type = term.datatype;
  if (type == kXsdInteger) {
    return InlineIntegerLexical(term.value);
  }
  if (type == kXsdDecimal) {
    return InlineDecimal(term.value);
  }
  if (type == kXsdBoolean) {
    if (term.value == "true" || term.value == "false") {
      return InlineBoolean(term.value == "true");
    }
    return std::nullopt;
  }
  if (type == kXsdDateTime) {
    return InlineDateTime(term.value);
  }
  if (type == kXsdDate) {
    return InlineDate(term.value);
  }
  return std::nullopt;
}

bool DecodeInlinedInto(TermId id, rdf::Term& term) {
  const std::uint64_t payload = PayloadOf(id);
  std::optional<std::string> lexical;
  std::string_view type;
  switch (TagOf(id)) {
    case TermTag::kBoolean:
      if (payload <= 1) {
        lexical = payload == 1 ? "true" : "false";
      }
      type = kXsdBoolean;
      break;
    case TermTag::kInteger:
      lexical = DecodeInteger(payload);
      type = kXsdInteger;
      break;
    case TermTag::kDecimal:
      lexical = DecodeDecimal(payload);
      type = kXsdDecimal;
      break;
    case TermTag::kDate:
      lexical = DecodeDate(payload);
      type = kXsdDate;
      break;
    case TermTag::kDateTime:
      lexical = DecodeDateTime(payload);
      type = kXsdDateTime;
      break;
    default:
      return false;
  }
  if (!lexical) {
    return false;
  }
  // Assigned rather than constructed: a term decoded before leaves its strings' memory.
  term.kind = rdf::TermKind::kLiteral;
  term.value.assign(*lexical);
  term.datatype.assign(type);
  term.language.clear();
  return true;
}

std::optional<rdf::Term> DecodeInlined(TermId id) {
  rdf::Term term;
  if (!DecodeInlinedInto(id, term)) {
    return std::nullopt;
  }
  return term;
}

std::optional<double> InlinedNumber(TermId id) {
  if (const auto v = InlinedInteger(id)) {
    return static_cast<double>(*v);
  }
  if (TagOf(id) != TermTag::kDecimal) {
    return std::nullopt;
  }
  // Parse the printed form: strtod rounds correctly, repeated multiplication would not.
  const auto text = DecodeDecimal(PayloadOf(id));
  if (!text) {
    return std::nullopt;
  }
  return std::strtod(text->c_str(), nullptr);
}

TermTag DictionaryTag(const rdf::TermView& term) {
  if (term.IsBlank()) {
    return TermTag::kBlank;
  }
  return term.IsIri() ? TermTag::kIri : TermTag::kLiteral;
}

void AppendTermRecord(const rdf::TermView& term, std::string* out) {
  if (term.IsIri()) {
    out->push_back(format::kRecordIri);
  } else if (!term.language.empty()) {
    out->push_back(format::kRecordLangString);
    AppendVarint(term.language.size(), out);
    out->append(term.language);
  } else if (!term.datatype.empty()) {
    out->push_back(format::kRecordTyped);
    AppendVarint(term.datatype.size(), out);
    out->append(term.datatype);
  } else {
    out->push_back(format::kRecordString);
  }
  out->append(term.value);
}

std::string_view BlankNodeRecord() {
  static constexpr char kRecord[] = {format::kRecordBlank};
  return {kRecord, 1};
}

void ToTermKey(std::string* record) {
  if (record->empty() || (*record)[0] != format::kRecordLangString) {
    return;
  }
  std::string_view rest = std::string_view(*record).substr(1);
  const auto language = TakeLengthPrefixed(&rest);
  if (!language) {
    return;
  }
  const std::size_t start = static_cast<std::size_t>(language->data() - record->data());
  for (std::size_t i = start; i < start + language->size(); ++i) {
    const char c = (*record)[i];
    if (c >= 'A' && c <= 'Z') {
      (*record)[i] = static_cast<char>(c - 'A' + 'a');
    }
  }
}

std::optional<rdf::Term> DecodeTermRecord(TermId id, std::string_view record) {
  if (record.empty()) {
    return std::nullopt;
  }
  const char kind = record.front();
  record.remove_prefix(1);
  const TermTag tag = TagOf(id);
  switch (kind) {
    case format::kRecordIri:
      if (tag != TermTag::kIri) {
        return std::nullopt;
      }
      return rdf::Term(rdf::TermView::Iri(record));
    case format::kRecordBlank: {
      if (tag != TermTag::kBlank || !record.empty()) {
        return std::nullopt;
      }
      const std::string label = fmt::format("b{}", PayloadOf(id));
      return rdf::Term(rdf::TermView::Blank(label));
    }
    case format::kRecordString:
      if (tag != TermTag::kLiteral) {
        return std::nullopt;
      }
      return rdf::Term(rdf::TermView::Literal(record));
    case format::kRecordLangString:
    case format::kRecordTyped: {
      const auto field = TakeLengthPrefixed(&record);
      if (tag != TermTag::kLiteral || !field || field->empty()) {
        return std::nullopt;
      }
      return kind == format::kRecordLangString
                 ? rdf::Term(rdf::TermView::Literal(record, {}, *field))
                 : rdf::Term(rdf::TermView::Literal(record, *field));
    }
    default:
      return std::nullopt;
  }
}

}  // namespace silk::storage
