// Property tests of the inlined-literal codec and of term records: round trips, order
// preservation against independent reference orders, the edges of every range, and the
// non-canonical forms that must stay in the dictionary.
#include "engine/storage/term_codec.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace silk::storage {
namespace {

const std::string kXsd(rdf::kXsd);
const std::string kInteger = kXsd + "integer";
const std::string kDecimal = kXsd + "decimal";
const std::string kBoolean = kXsd + "boolean";
const std::string kDate = kXsd + "date";
const std::string kDateTime = kXsd + "dateTime";

std::optional<TermId> Inline(const std::string& lexical, const std::string& type) {
  return TryInline(rdf::TermView::Literal(lexical, type));
}

// Inlines, checks the tag, and checks the term prints back byte for byte.
TermId RoundTrip(const std::string& lexical, const std::string& type, TermTag tag) {
  const auto id = Inline(lexical, type);
  EXPECT_TRUE(id.has_value()) << lexical << " ^^" << type << " should inline";
  if (!id) {
    return 0;
  }
  EXPECT_EQ(TagOf(*id), tag) << lexical;
  EXPECT_TRUE(IsInlined(*id));
  const auto term = DecodeInlined(*id);
  EXPECT_TRUE(term.has_value()) << lexical;
  if (term) {
    EXPECT_EQ(term->kind, rdf::TermKind::kLiteral);
    EXPECT_EQ(term->value, lexical);
    EXPECT_EQ(term->datatype, type);
    EXPECT_EQ(term->language, "");
  }
  return *id;
}

void ExpectNotInlined(const std::string& lexical, const std::string& type) {
  EXPECT_FALSE(Inline(lexical, type).has_value()) << '"' << lexical << "\"^^" << type;
}

// Asserts ids are strictly increasing exactly where the reference keys are.
template <typename Key>
void ExpectOrderPreserved(std::vector<std::pair<Key, TermId>> values) {
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 1; i < values.size(); ++i) {
    const auto& [ka, ia] = values[i - 1];
    const auto& [kb, ib] = values[i];
    if (ka == kb) {
      EXPECT_EQ(ia, ib);
    } else {
      EXPECT_LT(ia, ib) << "at " << i;
    }
  }
}

// ---- integers --------------------------------------------------------------------------------

constexpr std::int64_t kMax = (std::int64_t{1} << 59) - 1;
constexpr std::int64_t kMin = -(std::int64_t{1} << 59);

TEST(TermCodecTest, IntegerEdgesRoundTrip) {
  for (const std::int64_t v :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{1}, kMin, kMax, kMin + 1, kMax - 1}) {
    const TermId id = RoundTrip(fmt::format("{}", v), kInteger, TermTag::kInteger);
    EXPECT_EQ(InlinedInteger(id), v);
    EXPECT_EQ(InlineInteger(v), id);
  }
  EXPECT_FALSE(InlineInteger(kMax + 1).has_value());
  EXPECT_FALSE(InlineInteger(kMin - 1).has_value());
  EXPECT_LT(*InlineInteger(-1), *InlineInteger(0));
  EXPECT_LT(*InlineInteger(kMin), *InlineInteger(-1));
}

TEST(TermCodecTest, IntegersBeyondTheRangeGoToTheDictionary) {
  for (const std::string& s :
       {fmt::format("{}", kMax + 1), fmt::format("{}", kMin - 1),
        std::string("9223372036854775807"), std::string("-9223372036854775808"),
        std::string("123456789012345678901234567890")}) {
    ExpectNotInlined(s, kInteger);
    // ... and still round-trip through a dictionary record.
    const rdf::TermView term = rdf::TermView::Literal(s, kInteger);
    std::string record;
    AppendTermRecord(term, &record);
    const auto back = DecodeTermRecord(MakeTermId(TermTag::kLiteral, 42), record);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->view(), term);
  }
}

TEST(TermCodecTest, NonCanonicalIntegersAreNotInlined) {
  for (const char* s :
       {"007", "+7", "-0", "00", "", "-", "1.0", " 1", "1 ", "0x10", "1e3", "--1", "１"}) {
    ExpectNotInlined(s, kInteger);
  }
}

TEST(TermCodecTest, IntegerOrderIsValueOrder) {
  std::mt19937_64 rng(7);
  std::vector<std::pair<std::int64_t, TermId>> values;
  auto add = [&](std::int64_t v) {
    values.emplace_back(v, RoundTrip(fmt::format("{}", v), kInteger, TermTag::kInteger));
  };
  for (const std::int64_t v : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{1}, kMin, kMax}) {
    add(v);
  }
  std::uniform_int_distribution<std::int64_t> wide(kMin, kMax);
  std::uniform_int_distribution<std::int64_t> narrow(-1000, 1000);
  for (int i = 0; i < 2000; ++i) {
    add(i % 2 == 0 ? wide(rng) : narrow(rng));
  }
  ExpectOrderPreserved(values);
}

// ---- decimals --------------------------------------------------------------------------------

// An exact reference order on canonical decimal strings: sign, then integer digits by length
// and value, then fraction digits.
struct DecimalKey {
  bool negative;
  std::string whole;
  std::string fraction;

  static DecimalKey Of(const std::string& s) {
    DecimalKey k;
    k.negative = s.front() == '-';
    const std::string body = k.negative ? s.substr(1) : s;
    const auto dot = body.find('.');
    k.whole = body.substr(0, dot);
    k.fraction = body.substr(dot + 1);
    k.fraction.resize(40, '0');
    if (k.whole == "0" && k.fraction == std::string(40, '0')) {
      k.negative = false;
    }
    return k;
  }
  // Magnitude comparison.
  static int CompareAbs(const DecimalKey& a, const DecimalKey& b) {
    if (a.whole.size() != b.whole.size()) {
      return a.whole.size() < b.whole.size() ? -1 : 1;
    }
    if (a.whole != b.whole) {
      return a.whole < b.whole ? -1 : 1;
    }
    return a.fraction == b.fraction ? 0 : (a.fraction < b.fraction ? -1 : 1);
  }
  friend bool operator==(const DecimalKey& a, const DecimalKey& b) {
    return a.negative == b.negative && CompareAbs(a, b) == 0;
  }
  friend bool operator<(const DecimalKey& a, const DecimalKey& b) {
    if (a.negative != b.negative) {
      return a.negative;
    }
    const int c = CompareAbs(a, b);
    return a.negative ? c > 0 : c < 0;
  }
};

// A canonical decimal: `digits` significant digits (first non-zero), point after `exponent`.
std::string MakeDecimal(bool negative, const std::string& digits, int exponent) {
  std::string s;
  if (exponent <= 0) {
    s = "0." + std::string(static_cast<std::size_t>(-exponent), '0') + digits;
  } else if (exponent >= static_cast<int>(digits.size())) {
    s = digits + std::string(static_cast<std::size_t>(exponent) - digits.size(), '0') + ".0";
  } else {
    s = digits.substr(0, static_cast<std::size_t>(exponent)) + "." +
        digits.substr(static_cast<std::size_t>(exponent));
  }
  return negative ? "-" + s : s;
}

TEST(TermCodecTest, DecimalEdgesRoundTrip) {
  for (const char* s :
       {"0.0", "1.0", "-1.0", "0.1", "-0.1", "0.5", "3.14", "-2.25", "100.0", "0.0000000000000001",
        "-0.0000000000000001", "9999999999999999.0", "-9999999999999999.0", "1.234567890123456",
        "123456789.0123456", "0.1234567890123456", "10.01"}) {
    RoundTrip(s, kDecimal, TermTag::kDecimal);
  }
}

TEST(TermCodecTest, DecimalsBeyondTheRangeGoToTheDictionary) {
  for (const char* s :
       {"10000000000000000.0", "-10000000000000000.0", "0.00000000000000001", "1.2345678901234567",
        "12345678901234567.0", "123456789012345678901234567890.5"}) {
    ExpectNotInlined(s, kDecimal);
  }
}

TEST(TermCodecTest, NonCanonicalDecimalsAreNotInlined) {
  for (const char* s : {"1.50", "01.5", ".5", "5.", "+1.5", "1", "1e3", "-0.0", "00.5", "0.00",
                        "1.0.0", "", "-", "1,5", "1.5 "}) {
    ExpectNotInlined(s, kDecimal);
  }
}

TEST(TermCodecTest, DecimalOrderIsValueOrder) {
  std::mt19937_64 rng(11);
  std::vector<std::pair<DecimalKey, TermId>> values;
  auto add = [&](const std::string& s) {
    values.emplace_back(DecimalKey::Of(s), RoundTrip(s, kDecimal, TermTag::kDecimal));
  };
  for (const char* s : {"0.0", "1.0", "-1.0", "0.0000000000000001", "-0.0000000000000001",
                        "9999999999999999.0", "-9999999999999999.0"}) {
    add(s);
  }
  std::uniform_int_distribution<int> length(1, 16);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_int_distribution<int> exponent(-15, 16);
  for (int i = 0; i < 3000; ++i) {
    std::string digits(static_cast<std::size_t>(length(rng)), '0');
    for (char& c : digits) {
      c = static_cast<char>('0' + digit(rng));
    }
    digits.front() = static_cast<char>('1' + digit(rng) % 9);
    while (digits.size() > 1 && digits.back() == '0') {
      digits.pop_back();
    }
    // Mostly small exponents, so values collide and interleave a lot.
    const int e = i % 3 == 0 ? exponent(rng) : exponent(rng) % 3;
    add(MakeDecimal(rng() % 2 == 0, digits, e));
  }
  ExpectOrderPreserved(values);
}

TEST(TermCodecTest, InlinedNumberReadsIntegersAndDecimals) {
  EXPECT_EQ(InlinedNumber(*Inline("-42", kInteger)), -42.0);
  EXPECT_EQ(InlinedNumber(*Inline("2.5", kDecimal)), 2.5);
  EXPECT_EQ(InlinedNumber(*Inline("-0.001", kDecimal)), -0.001);
  EXPECT_FALSE(InlinedNumber(*Inline("true", kBoolean)).has_value());
}

// ---- booleans --------------------------------------------------------------------------------

TEST(TermCodecTest, Booleans) {
  const TermId f = RoundTrip("false", kBoolean, TermTag::kBoolean);
  const TermId t = RoundTrip("true", kBoolean, TermTag::kBoolean);
  EXPECT_LT(f, t);
  EXPECT_EQ(InlinedBoolean(t), true);
  EXPECT_EQ(InlinedBoolean(f), false);
  for (const char* s : {"1", "0", "TRUE", "True", "", "yes"}) {
    ExpectNotInlined(s, kBoolean);
  }
}

// ---- dates and dateTimes ---------------------------------------------------------------------

// Reference: std::chrono's proleptic Gregorian calendar, independent of the codec's arithmetic.
std::int64_t ReferenceDays(int y, unsigned m, unsigned d) {
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

struct Zone {
  bool present = false;
  int minutes = 0;  // east of UTC
  std::string Text() const {
    if (!present) {
      return "";
    }
    if (minutes == 0) {
      return "Z";
    }
    const int a = std::abs(minutes);
    return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', a / 60, a % 60);
  }
  int Code() const { return present ? 1 + minutes / 15 + 56 : 0; }
};

std::string YearText(int y) { return fmt::format("{}{:04}", y < 0 ? "-" : "", std::abs(y)); }

TEST(TermCodecTest, DateEdgesRoundTrip) {
  for (const char* s : {"1970-01-01", "1969-12-31", "0001-01-01", "0000-01-01", "-0001-12-31",
                        "-9999-01-01", "9999-12-31", "2000-02-29", "-0004-02-29", "2020-01-01Z",
                        "2020-01-01+14:00", "2020-01-01-14:00", "2020-01-01+05:45",
                        "1900-06-15-03:30", "-9999-01-01+14:00", "9999-12-31-14:00"}) {
    RoundTrip(s, kDate, TermTag::kDate);
  }
}

TEST(TermCodecTest, NonCanonicalDatesAreNotInlined) {
  for (const char* s :
       {"1900-02-29",       "2001-02-29",       "2020-01-01+00:00", "2020-01-01-00:00",
        "2020-01-01+14:15", "2020-01-01+05:10", "2020-01-01+15:00", "10000-01-01",
        "-0000-01-01",      "2020-1-01",        "2020-13-01",       "2020-00-10",
        "2020-01-32",       "2020-04-31",       "20-01-01",         "2020-01-01T00:00:00",
        "2020-01-01z",      "2020-01-01+0100",  "+2020-01-01",      ""}) {
    ExpectNotInlined(s, kDate);
  }
}

TEST(TermCodecTest, DateOrderIsInstantThenTimezone) {
  std::mt19937_64 rng(13);
  using Key = std::tuple<std::int64_t, int>;
  std::vector<std::pair<Key, TermId>> values;
  std::uniform_int_distribution<int> year(-9999, 9999);
  std::uniform_int_distribution<int> near_year(1960, 1980);
  std::uniform_int_distribution<unsigned> month(1, 12);
  std::uniform_int_distribution<int> quarter(-56, 56);
  for (int i = 0; i < 3000; ++i) {
    const int y = i % 2 == 0 ? year(rng) : near_year(rng);
    const unsigned m = month(rng);
    const unsigned last = static_cast<unsigned>(
        (std::chrono::year(y) / std::chrono::month(m) / std::chrono::last).day());
    const unsigned d = 1 + static_cast<unsigned>(rng() % last);
    Zone zone;
    zone.present = rng() % 3 != 0;
    zone.minutes = zone.present ? quarter(rng) * 15 : 0;
    const std::string text = fmt::format("{}-{:02}-{:02}{}", YearText(y), m, d, zone.Text());
    const Key key{ReferenceDays(y, m, d) * 1440 - zone.minutes, zone.Code()};
    values.emplace_back(key, RoundTrip(text, kDate, TermTag::kDate));
  }
  ExpectOrderPreserved(values);
}

TEST(TermCodecTest, DateTimeEdgesRoundTrip) {
  for (const char* s :
       {"1970-01-01T00:00:00", "1969-12-31T23:59:59.999", "1969-12-31T23:59:59.5",
        "0000-01-01T00:00:00", "-0001-12-31T23:59:59.001", "-9999-01-01T00:00:00",
        "9999-12-31T23:59:59.999", "2024-02-29T12:30:45.05Z", "2020-06-01T08:00:00+14:00",
        "2020-06-01T08:00:00-14:00", "2020-06-01T08:00:00+05:30", "2020-06-01T08:00:00.1Z",
        "-9999-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999-14:00"}) {
    RoundTrip(s, kDateTime, TermTag::kDateTime);
  }
}

TEST(TermCodecTest, NonCanonicalDateTimesAreNotInlined) {
  for (const char* s :
       {"2020-01-01T24:00:00", "2020-01-01T23:59:60", "2020-01-01T23:60:00", "2020-01-01T1:00:00",
        "2020-01-01T10:00", "2020-01-01T10:00:00.", "2020-01-01T10:00:00.0",
        "2020-01-01T10:00:00.10", "2020-01-01T10:00:00.1234", "2020-01-01T10:00:00+00:00",
        "2020-01-01 10:00:00", "2020-01-01", "2020-01-01T10:00:00+14:30", "10000-01-01T00:00:00",
        "2020-01-01t10:00:00"}) {
    ExpectNotInlined(s, kDateTime);
  }
}

TEST(TermCodecTest, DateTimeOrderIsInstantThenTimezone) {
  std::mt19937_64 rng(17);
  using Key = std::tuple<std::int64_t, int>;
  std::vector<std::pair<Key, TermId>> values;
  std::uniform_int_distribution<int> year(-9999, 9999);
  std::uniform_int_distribution<int> near_year(1969, 1970);
  std::uniform_int_distribution<unsigned> month(1, 12);
  std::uniform_int_distribution<int> quarter(-56, 56);
  std::uniform_int_distribution<int> hour(0, 23);
  std::uniform_int_distribution<int> sixty(0, 59);
  std::uniform_int_distribution<int> millis(0, 999);
  for (int i = 0; i < 3000; ++i) {
    const int y = i % 2 == 0 ? year(rng) : near_year(rng);
    const unsigned m = month(rng);
    const unsigned last = static_cast<unsigned>(
        (std::chrono::year(y) / std::chrono::month(m) / std::chrono::last).day());
    const unsigned d = 1 + static_cast<unsigned>(rng() % last);
    const int hh = hour(rng);
    const int mm = sixty(rng);
    const int ss = sixty(rng);
    const int ms = i % 4 == 0 ? 0 : millis(rng);
    Zone zone;
    zone.present = rng() % 3 != 0;
    zone.minutes = zone.present ? quarter(rng) * 15 : 0;
    std::string fraction;
    if (ms != 0) {
      fraction = fmt::format(".{:03}", ms);
      while (fraction.back() == '0') {
        fraction.pop_back();
      }
    }
    const std::string text = fmt::format("{}-{:02}-{:02}T{:02}:{:02}:{:02}{}{}", YearText(y), m, d,
                                         hh, mm, ss, fraction, zone.Text());
    const std::int64_t local =
        ReferenceDays(y, m, d) * 86'400'000 + ((hh * 60 + mm) * 60 + ss) * 1000LL + ms;
    const Key key{local - zone.minutes * 60'000LL, zone.Code()};
    values.emplace_back(key, RoundTrip(text, kDateTime, TermTag::kDateTime));
  }
  ExpectOrderPreserved(values);
}

// ---- what is never inlined -------------------------------------------------------------------

TEST(TermCodecTest, OtherLiteralsAndTermsAreNotInlined) {
  EXPECT_FALSE(TryInline(rdf::TermView::Literal("5", kXsd + "int")).has_value());
  EXPECT_FALSE(TryInline(rdf::TermView::Literal("5")).has_value());
  EXPECT_FALSE(TryInline(rdf::TermView::Literal("5", std::string(rdf::kXsdString))).has_value());
  EXPECT_FALSE(TryInline(rdf::TermView::Literal("5", {}, "en")).has_value());
  EXPECT_FALSE(TryInline(rdf::TermView::Iri(kInteger)).has_value());
  EXPECT_FALSE(TryInline(rdf::TermView::Blank("b1")).has_value());
}

TEST(TermCodecTest, CorruptInlinedIdsDoNotDecode) {
  EXPECT_FALSE(DecodeInlined(MakeTermId(TermTag::kBoolean, 2)).has_value());
  EXPECT_FALSE(DecodeInlined(MakeTermId(TermTag::kDecimal, 0)).has_value());
  EXPECT_FALSE(
      DecodeInlined(MakeTermId(TermTag::kDecimal, (std::uint64_t{1} << 59) + 1)).has_value());
  EXPECT_FALSE(DecodeInlined(MakeTermId(TermTag::kDate, 120)).has_value());     // timezone code 120
  EXPECT_FALSE(DecodeInlined(MakeTermId(TermTag::kDate, 1 << 7)).has_value());  // not midnight
  EXPECT_FALSE(DecodeInlined(MakeTermId(TermTag::kIri, 1)).has_value());
  EXPECT_FALSE(DecodeInlined(MakeTermId(TermTag::kQueryLocal, 1)).has_value());
}

// ---- term records ----------------------------------------------------------------------------

TEST(TermCodecTest, RecordsRoundTrip) {
  const TermId iri = MakeTermId(TermTag::kIri, 5);
  const TermId literal = MakeTermId(TermTag::kLiteral, 6);
  const std::string long_type(300, 't');  // a length prefix of two bytes
  // Named, not a temporary in the list: a TermView only borrows its strings, and a temporary
  // would be gone before the loop reads it.
  const std::string with_nul("nul\0byte", 8);
  for (const auto& [id, term] : std::vector<std::pair<TermId, rdf::TermView>>{
           {iri, rdf::TermView::Iri("http://example.org/a")},
           {iri, rdf::TermView::Iri("")},
           {literal, rdf::TermView::Literal("")},
           {literal, rdf::TermView::Literal("chat")},
           {literal, rdf::TermView::Literal("chat", {}, "fr")},
           {literal, rdf::TermView::Literal("chat", {}, "en-GB")},
           {literal, rdf::TermView::Literal("007", kInteger)},
           {literal, rdf::TermView::Literal(with_nul, long_type)}}) {
    std::string record;
    AppendTermRecord(term, &record);
    const auto back = DecodeTermRecord(id, record);
    ASSERT_TRUE(back.has_value()) << term.value;
    EXPECT_EQ(back->view(), term);
  }
}

TEST(TermCodecTest, RecordsOfEqualTermsAreEqualAndOfDifferentTermsDiffer) {
  auto record = [](const rdf::TermView& t) {
    std::string r;
    AppendTermRecord(t.Canonical(), &r);
    return r;
  };
  EXPECT_EQ(record(rdf::TermView::Literal("a")),
            record(rdf::TermView::Literal("a", std::string(rdf::kXsdString))));
  const std::vector<std::string> distinct = {record(rdf::TermView::Iri("a")),
                                             record(rdf::TermView::Literal("a")),
                                             record(rdf::TermView::Literal("a", {}, "en")),
                                             record(rdf::TermView::Literal("a", "en")),
                                             record(rdf::TermView::Literal("ena", {}, "")),
                                             record(rdf::TermView::Literal("a", "x"))};
  for (std::size_t i = 0; i < distinct.size(); ++i) {
    for (std::size_t j = i + 1; j < distinct.size(); ++j) {
      EXPECT_NE(distinct[i], distinct[j]) << i << " " << j;
    }
  }
}

TEST(TermCodecTest, BlankNodesDecodeByNumber) {
  const auto term = DecodeTermRecord(MakeTermId(TermTag::kBlank, 1234), BlankNodeRecord());
  ASSERT_TRUE(term.has_value());
  EXPECT_EQ(term->kind, rdf::TermKind::kBlank);
  EXPECT_EQ(term->value, "b1234");
}

TEST(TermCodecTest, MalformedRecordsDoNotDecode) {
  std::string iri;
  AppendTermRecord(rdf::TermView::Iri("x"), &iri);
  EXPECT_FALSE(DecodeTermRecord(MakeTermId(TermTag::kLiteral, 1), iri).has_value());
  EXPECT_FALSE(DecodeTermRecord(MakeTermId(TermTag::kIri, 1), "").has_value());
  EXPECT_FALSE(DecodeTermRecord(MakeTermId(TermTag::kIri, 1), BlankNodeRecord()).has_value());
  EXPECT_FALSE(DecodeTermRecord(MakeTermId(TermTag::kLiteral, 1),
                                "T\x05"
                                "ab")
                   .has_value());
  EXPECT_FALSE(DecodeTermRecord(MakeTermId(TermTag::kLiteral, 1), "L").has_value());
  EXPECT_FALSE(DecodeTermRecord(MakeTermId(TermTag::kLiteral, 1), "Xabc").has_value());
}

}  // namespace
}  // namespace silk::storage
