// xsd:gYearMonth and xsd:gYear: parsed into the instant they start at.
#include "engine/query/expr/datetime.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace silk::query::expr {
namespace {

// The first day a parsed value covers, printed as an xsd:date; "invalid" if it did not parse.
std::string FirstDay(const std::optional<DateTime>& dt) { return dt ? dt->ToString() : "invalid"; }

TEST(DateTimeTest, GYearMonthStartsOnTheFirstOfTheMonth) {
  EXPECT_EQ(FirstDay(DateTime::ParseGYearMonth("2024-06")), "2024-06-01");
  EXPECT_EQ(FirstDay(DateTime::ParseGYearMonth("2024-06-05:00")), "2024-06-01-05:00");
  EXPECT_EQ(FirstDay(DateTime::ParseGYearMonth("-0044-03Z")), "-0044-03-01Z");
  EXPECT_TRUE(DateTime::ParseGYearMonth("2024-06")->date_only);
  EXPECT_EQ(DateTime::ParseGYearMonth("2024-06")->UtcSeconds(),
            DateTime::ParseDate("2024-06-01")->UtcSeconds());
}

TEST(DateTimeTest, GYearStartsOnTheFirstOfJanuary) {
  EXPECT_EQ(FirstDay(DateTime::ParseGYear("1992")), "1992-01-01");
  EXPECT_EQ(FirstDay(DateTime::ParseGYear("12024")), "12024-01-01");
  EXPECT_EQ(FirstDay(DateTime::ParseGYear("0000Z")), "0000-01-01Z");
  EXPECT_EQ(DateTime::ParseGYear("1992")->UtcSeconds(),
            DateTime::ParseDateTime("1992-01-01T00:00:00")->UtcSeconds());
  // A timezone moves the start instant: 2024 in UTC-05:00 starts at 05:00Z.
  EXPECT_EQ(DateTime::ParseGYear("2024-05:00")->UtcSeconds(),
            DateTime::ParseDateTime("2024-01-01T05:00:00Z")->UtcSeconds());
}

TEST(DateTimeTest, RejectsMalformedYearsAndMonths) {
  for (std::string_view bad : {"", "24", "024", "02024", "2024-", "2024-06", "2024Zjunk", "+2024",
                               "2024+15:00", "2024 "}) {
    EXPECT_FALSE(DateTime::ParseGYear(bad)) << bad;
  }
  for (std::string_view bad :
       {"2024", "2024-6", "2024-00", "2024-13", "2024-06-01", "2024-06Z-", "2024-06+5:00"}) {
    EXPECT_FALSE(DateTime::ParseGYearMonth(bad)) << bad;
  }
}

}  // namespace
}  // namespace silk::query::expr

namespace silk::query::expr {
namespace {

// Values with the same offset (or none) are compared field by field; that order must be the
// one their instants give, as computed for values of different offsets.
TEST(CompareDateTimesTest, FieldOrderIsTheInstantOrder) {
  std::mt19937 rng(5);
  const std::vector<std::string> zones = {"", "Z", "+05:30", "-08:00"};
  for (int i = 0; i < 2000; ++i) {
    auto random_value = [&](const std::string& zone) {
      return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{}", 1990 + rng() % 40,
                         1 + rng() % 12, 1 + rng() % 28, rng() % 24, rng() % 60, rng() % 60,
                         rng() % 3 == 0 ? ".5" : "", zone);
    };
    const std::string zone = zones[rng() % zones.size()];
    const std::optional<DateTime> a = DateTime::ParseDateTime(random_value(zone));
    const std::optional<DateTime> b =
        DateTime::ParseDateTime(i % 5 == 0 ? a->ToString() : random_value(zone));
    ASSERT_TRUE(a && b);
    const std::optional<std::partial_ordering> fields = CompareDateTimes(*a, *b);
    ASSERT_TRUE(fields.has_value());
    EXPECT_EQ(*fields, a->UtcSeconds() <=> b->UtcSeconds()) << a->ToString() << " " << b->ToString();
  }
}

}  // namespace
}  // namespace silk::query::expr
