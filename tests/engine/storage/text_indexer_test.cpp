// The text index's entries for literals as TextIndexer makes them: in the family's key order
// whatever order the literals come in, with the totals record between parts and words.
#include "engine/storage/text_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/storage/term_codec.h"
#include "engine/storage/text_keys.h"

namespace silk::storage {
namespace {

std::string Record(std::string_view text, std::string_view language) {
  std::string record;
  AppendTermRecord(rdf::TermView::Literal(text, {}, language), &record);
  return record;
}

TermId Literal(std::uint64_t n) { return MakeTermId(TermTag::kLiteral, n); }

std::vector<std::string> Keys(const TextWrites& writes) {
  std::vector<std::string> keys;
  for (const auto& write : writes) keys.push_back(write.first);
  return keys;
}

TEST(TextIndexer, WritesComeInKeyOrderWhateverOrderTheLiteralsCame) {
  TextIndexer indexer;
  // Ids out of order, words shared between literals, and a German compound with parts.
  indexer.Add(Literal(9), Record("Report on the treaty", "en"));
  indexer.Add(Literal(3), Record("Wasserkraftwerke report", "de"));
  indexer.Add(Literal(5), Record("treaty report 2024", ""));
  const TextWrites writes = indexer.Finish(std::nullopt);
  const std::vector<std::string> keys = Keys(writes);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
  const auto report = std::find(keys.begin(), keys.end(), WordKey("report", Literal(3)));
  ASSERT_NE(report, keys.end());
  EXPECT_EQ(report[1], WordKey("report", Literal(5)));
  EXPECT_EQ(report[2], WordKey("report", Literal(9)));
  EXPECT_NE(std::find(keys.begin(), keys.end(), PartKey("kraftwerke", Literal(3))), keys.end());
  const auto totals = std::find(keys.begin(), keys.end(), TextTotalsKey());
  ASSERT_NE(totals, keys.end());
  EXPECT_EQ(DecodeTotals(*writes[totals - keys.begin()].second)->literals, 3u);
  EXPECT_EQ(DecodeTotals(*writes[totals - keys.begin()].second)->words, 9u);
}

TEST(TextIndexer, RemovingTheLastLiteralDeletesItsEntriesAndTheTotals) {
  TextIndexer indexer;
  const std::string record = Record("treaty of peace", "en");
  indexer.Add(Literal(4), record);
  const TextWrites added = indexer.Finish(std::nullopt);
  indexer.Remove(Literal(4), record);
  const TextWrites removed = indexer.Finish(TextTotals{1, 3});
  ASSERT_EQ(Keys(removed), Keys(added));
  for (const auto& [key, value] : removed) {
    EXPECT_FALSE(value) << key;
  }
}

}  // namespace
}  // namespace silk::storage
