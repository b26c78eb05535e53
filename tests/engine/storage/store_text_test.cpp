// The text index through the store: literals enter with their first quad and leave with their
// last, on both commit paths; phrases, ranking, and the upgrade of a store made before it.
// The fixture checks the store at teardown, which compares the index with the literals.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <string>
#include <vector>

#include "engine/storage/format.h"
#include "test_store.h"

namespace silk::storage::testing {
namespace {

enum class CommitPath { kBatch, kIngest };

const rdf::Term kPage = Iri("http://example.org/page");
const rdf::Term kLabel = Iri("http://example.org/label");
const rdf::Term kNote = Iri("http://example.org/note");

class StoreTextTest : public TestStore, public ::testing::WithParamInterface<CommitPath> {
 protected:
  void SetUp() override {
    StoreTuning tuning;
    tuning.ingest_threshold = GetParam() == CommitPath::kBatch ? ~std::size_t{0} : 0;
    Reopen({}, tuning);
  }

  // The lexical forms of the literals that match, best first.
  std::vector<std::string> Match(std::string_view query) {
    std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    Result<std::vector<TextMatch>> matches = snapshot->MatchText(query);
    EXPECT_TRUE(matches.ok()) << matches.status().message();
    std::vector<std::string> out;
    for (const TextMatch& match : matches.ok() ? *matches : std::vector<TextMatch>{}) {
      Result<rdf::Term> term = snapshot->Decode(match.literal);
      EXPECT_TRUE(term.ok());
      out.push_back(term.ok() ? term->value : "?");
    }
    return out;
  }

  void Apply(const std::vector<rdf::Quad>& inserts, const std::vector<rdf::Quad>& deletes) {
    std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    for (const rdf::Quad& q : inserts) SILK_ASSERT_OK(txn->Insert(q.view()));
    for (const rdf::Quad& q : deletes) SILK_ASSERT_OK(txn->Delete(q.view()));
    SILK_ASSERT_OK(txn->Commit());
  }
};

using Strings = std::vector<std::string>;

TEST_P(StoreTextTest, ALiteralLeavesWithItsLastQuad) {
  const rdf::Quad first = MakeQuad(kPage, kLabel, Literal("Hydropower plants", {}, "en"));
  const rdf::Quad second =
      MakeQuad(Iri("http://example.org/other"), kNote, Literal("Hydropower plants", {}, "en"),
               Iri("http://example.org/g"));
  Load({first, second, MakeQuad(kPage, kNote, Literal("a plant of coal"))});
  EXPECT_EQ(Match("plant"), (Strings{"Hydropower plants", "a plant of coal"}));
  Apply({}, {first});
  EXPECT_EQ(Match("hydropower"), Strings{"Hydropower plants"});  // one quad left
  Apply({}, {second});
  EXPECT_TRUE(Match("hydropower").empty());
  Apply({first}, {});  // back: the literal's id is reused from the dictionary
  EXPECT_EQ(Match("HYDROPOWER"), Strings{"Hydropower plants"});
}

TEST_P(StoreTextTest, OnlyStringLiteralsAreIndexed) {
  Load({MakeQuad(kPage, kNote, Literal("42")), MakeQuad(kPage, kNote, Literal("42", Xsd("int"))),
        MakeQuad(kPage, kNote, Literal("42", Xsd("string"))),
        MakeQuad(kPage, kNote, Iri("http://example.org/42"))});
  EXPECT_EQ(Match("42"), Strings{"42"});
}

TEST_P(StoreTextTest, PhrasesNeedTheirWordsInOrder) {
  Load({MakeQuad(kPage, kNote, Literal("signed a memorandum of understanding", {}, "en")),
        MakeQuad(kPage, kNote, Literal("understanding the memorandum", {}, "en"))});
  EXPECT_EQ(Match("\"memorandum of understanding\"").size(), 1u);
  EXPECT_EQ(Match("memorandum understanding").size(), 2u);
  EXPECT_EQ(Match("signing memorandum"), Strings{"signed a memorandum of understanding"});
}

TEST_P(StoreTextTest, ShortLiteralsNamingTheWordRankFirst) {
  Load({MakeQuad(kPage, kNote,
                 Literal("the delegation also discussed energy, trade and the ecology of the "
                         "Aral Sea at length",
                         {}, "en")),
        MakeQuad(kPage, kLabel, Literal("ecology", {}, "en"))});
  EXPECT_EQ(Match("ecology").front(), "ecology");
}

TEST_P(StoreTextTest, GermanCompoundsAreFoundByTheirParts) {
  Load({MakeQuad(kPage, kNote, Literal("Projekt mit zehn Kleinwasserkraftwerken", {}, "de")),
        MakeQuad(kPage, kLabel, Literal("Kleinwasserkraftwerke", {}, "en"))});
  // English words are not split: only the German literal has parts.
  EXPECT_EQ(Match("Wasserkraft"), Strings{"Projekt mit zehn Kleinwasserkraftwerken"});
}

TEST_P(StoreTextTest, AQueryWithoutWordsIsRefused) {
  Load({MakeQuad(kPage, kNote, Literal("x"))});
  Result<std::vector<TextMatch>> matches = store().GetSnapshot()->MatchText(" ,; ");
  ASSERT_FALSE(matches.ok());
  EXPECT_EQ(matches.status().code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(CommitPaths, StoreTextTest,
                         ::testing::Values(CommitPath::kBatch, CommitPath::kIngest),
                         [](const ::testing::TestParamInfo<CommitPath>& param) {
                           return param.param == CommitPath::kBatch ? "Batch" : "Ingest";
                         });

// A store of format 5 has no text family: read-only it says so; the first writable open
// builds the index from its literals.
TEST(StoreTextUpgrade, AVersion5StoreGetsItsTextIndex) {
  TempDir dir;
  {
    Result<std::unique_ptr<Store>> store = Store::Open(dir.path(), {});
    ASSERT_TRUE(store.ok());
    std::unique_ptr<WriteTransaction> txn = (*store)->BeginWrite();
    SILK_ASSERT_OK(txn->Insert(MakeQuad(kPage, kLabel, Literal("İstanbul", {}, "tr")).view()));
    SILK_ASSERT_OK(txn->Commit());
  }
  // Age it: no text family, version 5.
  ChangeRawStore(dir.path(), [](rocksdb::DB* db, const RawFamilies& families) {
    EXPECT_TRUE(db->Put(rocksdb::WriteOptions(),
                        families[static_cast<std::size_t>(format::Family::kMeta)],
                        std::string(format::kMetaFormatVersion), std::string("\0\0\0\5", 4))
                    .ok());
    EXPECT_TRUE(
        db->DropColumnFamily(families[static_cast<std::size_t>(format::Family::kText)]).ok());
  });
  {
    Result<std::unique_ptr<Store>> old =
        Store::Open(dir.path(), StoreOptions{.read_only = true, .create_if_missing = false});
    ASSERT_TRUE(old.ok()) << old.status().message();
    SILK_EXPECT_OK((*old)->Check());
    Result<std::vector<TextMatch>> none = (*old)->GetSnapshot()->MatchText("istanbul");
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.status().code(), StatusCode::kIncompatible);
  }
  Result<std::unique_ptr<Store>> upgraded = Store::Open(dir.path(), {});
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().message();
  SILK_EXPECT_OK((*upgraded)->Check());
  Result<std::vector<TextMatch>> found = (*upgraded)->GetSnapshot()->MatchText("İSTANBUL");
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(found->size(), 1u);
}

}  // namespace
}  // namespace silk::storage::testing
