#include "engine/query/expr/inlined_compare.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/query/expr/compare.h"
#include "engine/storage/term_codec.h"
#include "tests/engine/query/expr/test_values.h"

namespace silk::query::expr {
namespace {

using storage::TermId;

// What SPARQL's value comparison says of a op b (compare.h).
BoolResult ByValues(IdComparison op, const Value& a, const Value& b) {
  switch (op) {
    case IdComparison::kEqual: return Equals(a, b);
    case IdComparison::kNotEqual: return NotEquals(a, b);
    case IdComparison::kLess: return Compare(CompareOp::kLess, a, b);
    case IdComparison::kLessEqual: return Compare(CompareOp::kLessEqual, a, b);
    case IdComparison::kGreater: return Compare(CompareOp::kGreater, a, b);
    case IdComparison::kGreaterEqual: return Compare(CompareOp::kGreaterEqual, a, b);
  }
  return std::nullopt;
}

// Wherever the ids decide a comparison, they decide it as the values do; and they decide it
// for every pair of the same kind that needs no timezone arithmetic.
TEST(CompareInlinedIdsTest, AgreesWithTheValues) {
  const std::vector<std::pair<std::string, std::string>> literals = {
      {"-7", "integer"}, {"0", "integer"}, {"5", "integer"}, {"10", "integer"},
      {"-0.25", "decimal"}, {"5.0", "decimal"}, {"5.5", "decimal"}, {"10.0", "decimal"},
      {"123456.789", "decimal"}, {"false", "boolean"}, {"true", "boolean"},
      {"1969-12-31", "date"}, {"2020-01-01", "date"}, {"2020-01-02", "date"},
      {"2020-01-01Z", "date"}, {"2020-01-02Z", "date"}, {"2020-01-01+13:00", "date"},
      {"2020-01-01-05:00", "date"}, {"2020-01-02-05:00", "date"},
      {"2020-01-01T00:00:00", "dateTime"}, {"2020-01-01T00:00:00.5", "dateTime"},
      {"2020-01-01T00:00:00Z", "dateTime"}, {"2019-12-31T19:00:00-05:00", "dateTime"},
      {"2020-01-01T10:00:00+14:00", "dateTime"}, {"2020-01-01T10:00:01+14:00", "dateTime"}};
  struct Inlined {
    TermId id;
    Value value;
    std::string shown;
  };
  std::vector<Inlined> all;
  for (const auto& [lexical, type] : literals) {
    const Value value = testing::X(lexical, type);
    const std::optional<TermId> id = storage::TryInline(value.term().view());
    ASSERT_TRUE(id) << lexical << " is not inlined";
    all.push_back({*id, value, lexical + "^^" + type});
  }
  int decided = 0;
  for (const Inlined& a : all) {
    for (const Inlined& b : all) {
      for (IdComparison op : {IdComparison::kEqual, IdComparison::kNotEqual, IdComparison::kLess,
                              IdComparison::kLessEqual, IdComparison::kGreater,
                              IdComparison::kGreaterEqual}) {
        const std::optional<bool> by_ids = CompareInlinedIds(op, a.id, b.id);
        if (!by_ids) continue;
        ++decided;
        const BoolResult by_values = ByValues(op, a.value, b.value);
        ASSERT_TRUE(by_values) << a.shown << " op " << static_cast<int>(op) << " " << b.shown;
        EXPECT_EQ(*by_ids, *by_values)
            << a.shown << " op " << static_cast<int>(op) << " " << b.shown;
      }
    }
  }
  // The pairs of one kind and one timezone: 16 of integers, 25 of decimals, 4 of booleans,
  // 18 of dates and 10 of dateTimes, each under six operators.
  EXPECT_EQ(decided, 6 * 73);
  // Different kinds, or dates in different timezones, are left to the values.
  const TermId five = *storage::TryInline(testing::X("5", "integer").term().view());
  const TermId five_decimal = *storage::TryInline(testing::X("5.0", "decimal").term().view());
  EXPECT_FALSE(CompareInlinedIds(IdComparison::kEqual, five, five_decimal));
  const TermId floating = *storage::TryInline(testing::X("2020-01-01", "date").term().view());
  const TermId utc = *storage::TryInline(testing::X("2020-01-01Z", "date").term().view());
  EXPECT_FALSE(CompareInlinedIds(IdComparison::kLess, floating, utc));
}

}  // namespace
}  // namespace silk::query::expr
