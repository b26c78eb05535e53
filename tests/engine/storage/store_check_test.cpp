// Check() finds what is wrong: each test damages one part of a store directly through RocksDB
// and expects the check to name it.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/storage/format.h"
#include "engine/storage/key_codec.h"
#include "test_store.h"

namespace silk::storage::testing {
namespace {

using format::Family;

class StoreCheckTest : public TestStore {
 protected:
  void SetUp() override {
    TestStore::SetUp();
    Load({MakeQuad(Iri("http://example.org/a"), Iri("http://example.org/p"), Literal("x")),
          MakeQuad(Iri("http://example.org/a"), Iri("http://example.org/p"),
                   Literal("5", Xsd("integer")), Iri("http://example.org/g")),
          MakeQuad(Iri("http://example.org/b"), Iri("http://example.org/q"), Blank("n"))});
    SILK_ASSERT_OK(store().Check());
    for (const QuadIds& q : ScanSet(*store().GetSnapshot(), {})) {
      quads_.push_back(q);
      (q.g == kDefaultGraphId ? unnamed_ : named_) = q;
    }
    Close();
  }

  // Opens the store's database directly and lets `damage` write into it.
  void Damage(const std::function<void(rocksdb::DB*, const RawFamilies&)>& damage) {
    ChangeRawStore(dir(), damage);
  }

  // Reopens the store, expects Check() to fail naming `expected`, and leaves the damaged store
  // unchecked at teardown.
  void ExpectProblem(const std::string& expected) {
    Reopen();
    const Status check = store().Check();
    EXPECT_EQ(check.code(), StatusCode::kCorruption);
    EXPECT_NE(check.message().find(expected), std::string::npos) << check.message();
    Close();
  }

  static std::string Key(QuadIndex index, const QuadIds& q) {
    const QuadKey key = EncodeQuadKey(index, q);
    return std::string(key.data(), key.size());
  }
  static rocksdb::ColumnFamilyHandle* Handle(const RawFamilies& h, Family f) {
    return h[static_cast<std::size_t>(f)];
  }

  std::vector<QuadIds> quads_;
  QuadIds named_;    // a quad of a named graph
  QuadIds unnamed_;  // a quad of the default graph
};

// A commit leaves the default graph's quads out of gspo (read here, not damaged). Check()
// finds any that get in, so every store test's check at teardown covers both commit paths.
TEST_F(StoreCheckTest, GspoHoldsNamedGraphsOnly) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, Handle(h, Family::kGspo)));
    std::vector<std::string> keys;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      keys.push_back(it->key().ToString());
    }
    EXPECT_TRUE(it->status().ok());
    EXPECT_EQ(keys, std::vector<std::string>{Key(QuadIndex::kGspo, named_)});
  });
}

// The literal "x" is indexed under its word; the check rebuilds the text index from the
// literals and compares.
TEST_F(StoreCheckTest, TextIndexLacksAWord) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, Handle(h, Family::kText)));
    int deleted = 0;
    for (it->Seek("Wx"); it->Valid() && it->key().starts_with(std::string("Wx\0", 3)); it->Next()) {
      EXPECT_TRUE(db->Delete({}, Handle(h, Family::kText), it->key()).ok());
      ++deleted;
    }
    EXPECT_EQ(deleted, 1);
  });
  ExpectProblem("the text index lacks 'W' \"x\" of literal");
}

TEST_F(StoreCheckTest, TextIndexHoldsAStrayWord) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    const std::string key = std::string("Wstray\0", 7) + std::string(8, '\x30');
    EXPECT_TRUE(db->Put({}, Handle(h, Family::kText), key, std::string("\1\1\0", 3)).ok());
  });
  ExpectProblem("the text index holds 'W' \"stray\"");
}

TEST_F(StoreCheckTest, MissingIndexEntry) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    EXPECT_TRUE(db->Delete({}, Handle(h, Family::kPosg), Key(QuadIndex::kPosg, quads_[0])).ok());
  });
  ExpectProblem("that posg lacks");
}

TEST_F(StoreCheckTest, MissingNamedGraphEntry) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    EXPECT_TRUE(db->Delete({}, Handle(h, Family::kGspo), Key(QuadIndex::kGspo, named_)).ok());
  });
  ExpectProblem("the gspo index holds 0 quads, spog 1 in named graphs");
  ExpectProblem("that gspo lacks");
}

TEST_F(StoreCheckTest, ExtraIndexEntry) {
  QuadIds extra = unnamed_;
  extra.o = *InlineInteger(6);
  Damage([&](rocksdb::DB* db, const auto& h) {
    EXPECT_TRUE(db->Put({}, Handle(h, Family::kOspg), Key(QuadIndex::kOspg, extra), "").ok());
  });
  ExpectProblem("the ospg index holds 4 quads, spog 3");
}

TEST_F(StoreCheckTest, ExtraNamedGraphEntry) {
  QuadIds extra = named_;
  extra.o = *InlineInteger(6);
  Damage([&](rocksdb::DB* db, const auto& h) {
    EXPECT_TRUE(db->Put({}, Handle(h, Family::kGspo), Key(QuadIndex::kGspo, extra), "").ok());
  });
  ExpectProblem("the gspo index holds 2 quads, spog 1 in named graphs");
}

// The quad is in spog too: only its presence in gspo is wrong, and it is reported once.
TEST_F(StoreCheckTest, DefaultGraphQuadInGspo) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    EXPECT_TRUE(db->Put({}, Handle(h, Family::kGspo), Key(QuadIndex::kGspo, unnamed_), "").ok());
  });
  ExpectProblem(fmt::format("(1 problem): the gspo index holds a quad ({:#x} {:#x} {:#x}) of the "
                            "default graph",
                            unnamed_.s, unnamed_.p, unnamed_.o));
}

TEST_F(StoreCheckTest, IdThatDoesNotDecode) {
  QuadIds stray = quads_[0];
  stray.o = MakeTermId(TermTag::kIri, 1000);
  Damage([&](rocksdb::DB* db, const auto& h) {
    for (const QuadIndex index : kAllIndexes) {
      EXPECT_TRUE(db->Put({}, Handle(h, FamilyOf(index)), Key(index, stray), "").ok());
    }
  });
  ExpectProblem("does not decode");
}

TEST_F(StoreCheckTest, DictionaryOneWayOnly) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    std::string record = "I";
    record += "http://example.org/a";
    EXPECT_TRUE(db->Delete({}, Handle(h, Family::kTerm2Id), record).ok());
  });
  ExpectProblem("is in id2term but not in term2id");
}

TEST_F(StoreCheckTest, WrongStatistics) {
  Damage([&](rocksdb::DB* db, const auto& h) {
    std::string key(1, format::kStatsGraph);
    key += BigEndian64(kDefaultGraphId);
    EXPECT_TRUE(db->Put({}, Handle(h, Family::kStats), key, BigEndian64(7)).ok());
  });
  ExpectProblem("the statistics of graph 0x0 say 7 quads, a recount finds 2 quads");
}

}  // namespace
}  // namespace silk::storage::testing
