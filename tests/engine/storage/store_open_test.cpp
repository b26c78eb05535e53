// Opening stores: one writer at a time (also across processes), read-only readers beside it,
// a readable refusal for another format version, and no writing into what is not a store.
#include <gtest/gtest.h>
#include <unistd.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "engine/storage/format.h"
#include "test_store.h"

namespace silk::storage::testing {
namespace {

namespace fs = std::filesystem;

class StoreOpenTest : public TestStore {};

QuadPattern PredicateObject(TermId p, TermId o) {
  QuadPattern pattern;
  pattern.p = p;
  pattern.o = o;
  return pattern;
}

std::vector<std::string> Listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(dir)) {
    names.push_back(e.path().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(StoreOpenTest, SecondWriterInTheSameProcessIsBusy) {
  Result<std::unique_ptr<Store>> second = Store::Open(dir(), {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  // Named by its command and pid, which the writer keeps in the store's WRITER file.
  EXPECT_TRUE(second.status().message().starts_with("store " + dir() + " is in use by "))
      << second.status().message();
  EXPECT_NE(second.status().message().find("(pid " + std::to_string(::getpid()) + ")"),
            std::string::npos)
      << second.status().message();
}

TEST_F(StoreOpenTest, SecondWriterInAnotherProcessIsBusy) {
  ChildProcess child({"open", dir()});
  ASSERT_TRUE(child.started());
  std::string line;
  ASSERT_TRUE(child.ReadLine(&line));
  EXPECT_EQ(child.Wait(), 0);
  EXPECT_TRUE(line.starts_with("code=" + std::to_string(static_cast<int>(StatusCode::kBusy)) +
                              " store " + dir() + " is in use by "))
      << line;
  EXPECT_NE(line.find("(pid " + std::to_string(::getpid()) + ")"), std::string::npos) << line;
}

TEST_F(StoreOpenTest, AnotherProcessCanWriteOnceTheStoreIsClosed) {
  Close();
  ChildProcess child({"open", dir()});
  std::string line;
  ASSERT_TRUE(child.ReadLine(&line));
  EXPECT_EQ(line, "code=0 ");
  EXPECT_EQ(child.Wait(), 0);
  Reopen();
}

TEST_F(StoreOpenTest, ReadOnlyOpenWorksBesideTheWriter) {
  Load({MakeQuad(Iri("http://example.org/s"), Iri("http://example.org/p"), Literal("o"))});
  Result<std::unique_ptr<Store>> reader =
      Store::Open(dir(), StoreOptions{.read_only = true, .create_if_missing = false});
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_TRUE((*reader)->read_only());
  EXPECT_EQ((*reader)->GetSnapshot()->Count({}).value(), 1u);
  SILK_EXPECT_OK((*reader)->Check());
}

TEST_F(StoreOpenTest, MissingDirectories) {
  const std::string missing = dir() + "/missing";
  Result<std::unique_ptr<Store>> read_only =
      Store::Open(missing, StoreOptions{.read_only = true, .create_if_missing = true});
  ASSERT_FALSE(read_only.ok());
  EXPECT_EQ(read_only.status().code(), StatusCode::kIOError);
  EXPECT_EQ(read_only.status().message(), "no store at " + missing);
  Result<std::unique_ptr<Store>> no_create =
      Store::Open(missing, StoreOptions{.read_only = false, .create_if_missing = false});
  ASSERT_FALSE(no_create.ok());
  EXPECT_EQ(no_create.status().code(), StatusCode::kIOError);
  EXPECT_FALSE(fs::exists(missing));

  // Missing and empty directories become stores.
  Result<std::unique_ptr<Store>> created = Store::Open(missing + "/deeper", {});
  ASSERT_TRUE(created.ok()) << created.status().message();
  SILK_EXPECT_OK((*created)->Check());
  fs::create_directories(missing + "/empty");
  Result<std::unique_ptr<Store>> empty = Store::Open(missing + "/empty", {});
  ASSERT_TRUE(empty.ok()) << empty.status().message();
}

// Rewrites the version record of the store in `dir` the way another silk would; also removes
// the statistics records of the kinds in `drop` ('C' classes, 'O' pairs), as a store made
// before the version that added them lacks them.
void WriteFormatVersion(const std::string& dir, std::uint32_t version, std::string_view drop = "") {
  ChangeRawStore(dir, [&](rocksdb::DB* db, const RawFamilies& families) {
    rocksdb::ColumnFamilyHandle* meta = families[static_cast<std::size_t>(format::Family::kMeta)];
    std::string bytes(4, '\0');
    for (int i = 3; i >= 0; --i, version >>= 8) {
      bytes[static_cast<std::size_t>(i)] = static_cast<char>(version & 0xff);
    }
    EXPECT_TRUE(
        db->Put(rocksdb::WriteOptions(), meta, std::string(format::kMetaFormatVersion), bytes).ok());
    rocksdb::ColumnFamilyHandle* stats = families[static_cast<std::size_t>(format::Family::kStats)];
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), stats));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (drop.find(it->key()[0]) == std::string_view::npos) continue;
      EXPECT_TRUE(db->Delete(rocksdb::WriteOptions(), stats, it->key()).ok());
    }
  });
}

// A future version, and the one before the oldest we read (its gspo also holds the default
// graph).
TEST_F(StoreOpenTest, AnotherFormatVersionIsRefusedInWords) {
  Close();
  for (const std::uint32_t version : {std::uint32_t{99}, format::kOldestFormatVersion - 1}) {
    WriteFormatVersion(dir(), version);
    for (const bool read_only : {false, true}) {
      Result<std::unique_ptr<Store>> opened =
          Store::Open(dir(), StoreOptions{.read_only = read_only, .create_if_missing = false});
      ASSERT_FALSE(opened.ok());
      EXPECT_EQ(opened.status().code(), StatusCode::kIncompatible);
      EXPECT_EQ(opened.status().message(),
                "store at " + dir() + " has format version " + std::to_string(version) +
                    "; this silk reads versions " + std::to_string(format::kOldestFormatVersion) +
                    " to " + std::to_string(format::kFormatVersion));
    }
  }
  WriteFormatVersion(dir(), format::kFormatVersion);  // for the check at teardown
  Reopen();
}

// A store of version 3 has no class counts: it is read as it is, checks out, and its first
// writable open counts its classes (and pairs) and makes it version 5.
TEST_F(StoreOpenTest, AVersion3StoreGetsItsClassCounts) {
  const rdf::Term type = Iri(format::kRdfType);
  std::vector<rdf::Quad> quads;
  for (int i = 0; i < 50; ++i) {
    const rdf::Term thing = Iri("http://example.org/t" + std::to_string(i));
    quads.push_back(MakeQuad(thing, type, Iri(i % 5 == 0 ? "http://e/Rare" : "http://e/Common")));
    if (i % 10 == 0) {
      quads.push_back(MakeQuad(thing, type, Iri("http://e/Common"), Iri("http://e/g")));
    }
  }
  Load(quads);
  Result<StoreStats> before = store().Stats();
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->classes.size(), 2u);
  Close();
  WriteFormatVersion(dir(), format::kOldestFormatVersion, "CO");

  Reopen(StoreOptions{.read_only = true, .create_if_missing = false});
  SILK_EXPECT_OK(store().Check());
  Result<StoreStats> old = store().Stats();
  ASSERT_TRUE(old.ok());
  EXPECT_TRUE(old->classes.empty());

  Reopen();  // writable: counted
  Result<StoreStats> after = store().Stats();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->classes.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(after->classes[i].cls, before->classes[i].cls);
    EXPECT_EQ(after->classes[i].quads, before->classes[i].quads);
  }
  // 45 things of Common in the default graph and 5 more statements of it in g; 10 of Rare.
  std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  Result<std::optional<TermId>> type_id = snapshot->Lookup(type.view());
  Result<std::optional<TermId>> common = snapshot->Lookup(Iri("http://e/Common").view());
  ASSERT_TRUE(type_id.ok() && *type_id && common.ok() && *common);
  EXPECT_EQ(snapshot->Estimate(PredicateObject(**type_id, **common)), 45u);
}

// A store of version 4 has class counts but no pair counts: read as it is (estimates then come
// from the keys), it checks out, and its first writable open counts its pairs.
TEST_F(StoreOpenTest, AVersion4StoreGetsItsPairCounts) {
  const rdf::Term knows = Iri("http://e/knows");
  std::vector<rdf::Quad> quads;
  for (int i = 0; i < 300; ++i) {
    const rdf::Term who = Iri("http://e/p" + std::to_string(i));
    quads.push_back(MakeQuad(who, knows, Iri(i % 3 == 0 ? "http://e/rare" : "http://e/hub")));
    quads.push_back(MakeQuad(who, Iri("http://e/age"), Literal(std::to_string(i % 9))));
    if (i % 10 == 0) quads.push_back(MakeQuad(who, knows, Iri("http://e/hub"), Iri("http://e/g")));
  }
  Load(quads);
  Close();
  WriteFormatVersion(dir(), 4, "O");

  Reopen(StoreOptions{.read_only = true, .create_if_missing = false});
  SILK_EXPECT_OK(store().Check());
  auto hub_quads = [&] {
    std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    Result<std::optional<TermId>> p = snapshot->Lookup(knows.view());
    Result<std::optional<TermId>> hub = snapshot->Lookup(Iri("http://e/hub").view());
    EXPECT_TRUE(p.ok() && *p && hub.ok() && *hub);
    return snapshot->Estimate(PredicateObject(**p, **hub));
  };
  EXPECT_NE(hub_quads(), 230u);  // estimated from a few keys and the index's size

  Reopen();  // writable: counted
  SILK_EXPECT_OK(store().Check());
  EXPECT_EQ(hub_quads(), 230u);  // 200 in the default graph, 30 in g
}

TEST_F(StoreOpenTest, WhatIsNotAStoreIsRefusedAndLeftAlone) {
  const std::string other = dir() + "/other";
  fs::create_directories(other);
  std::ofstream(other + "/notes.txt") << "my notes\n";
  const std::vector<std::string> before = Listing(other);
  for (const bool read_only : {false, true}) {
    Result<std::unique_ptr<Store>> opened =
        Store::Open(other, StoreOptions{.read_only = read_only, .create_if_missing = true});
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), StatusCode::kIncompatible);
    EXPECT_EQ(opened.status().message(), other + " is not a SilkGraph store");
  }
  EXPECT_EQ(Listing(other), before);

  // A file is not a store either.
  Result<std::unique_ptr<Store>> file = Store::Open(other + "/notes.txt", {});
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), StatusCode::kIncompatible);

  // Nor is some other RocksDB database.
  const std::string plain = dir() + "/plain";
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, plain, &raw).ok());
    const std::unique_ptr<rocksdb::DB> db(raw);
    EXPECT_TRUE(db->Put(rocksdb::WriteOptions(), "key", "value").ok());
    EXPECT_TRUE(db->Close().ok());
  }
  const std::vector<std::string> plain_before = Listing(plain);
  Result<std::unique_ptr<Store>> opened = Store::Open(plain, {});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kIncompatible);
  EXPECT_EQ(opened.status().message(), plain + " is not a SilkGraph store");
  EXPECT_EQ(Listing(plain), plain_before);
}

}  // namespace
}  // namespace silk::storage::testing
