// Helpers for store tests: temporary directories, terms, full scans, and the TestStore fixture
// that opens a fresh store and checks it (Store::Check) at teardown.
#pragma once

#include <gtest/gtest.h>

#include <rocksdb/db.h>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "engine/storage/rocks_store.h"
#include "engine/storage/store.h"
#include "grammar/rdf/term.h"

namespace silk::storage::testing {

// A fresh directory under the test temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

rdf::Term Iri(std::string_view iri);
rdf::Term Blank(std::string_view label);
rdf::Term Literal(std::string_view lexical, std::string_view datatype = {},
                  std::string_view language = {});
// The full IRI of an XML Schema datatype: Xsd("integer").
std::string Xsd(std::string_view name);
rdf::Quad MakeQuad(rdf::Term s, rdf::Term p, rdf::Term o, rdf::Term g = rdf::Term());

// Every quad matching `pattern` (the test fails if the scan reports an error).
std::set<QuadIds> ScanSet(const Snapshot& snapshot, const QuadPattern& pattern);
// The whole visible state of a store: every quad and the statistics (not bytes on disk).
std::string Fingerprint(Store& store);

// The families of a store opened directly, indexed by format::Family.
using RawFamilies = std::vector<rocksdb::ColumnFamilyHandle*>;
// Opens the store in `dir` as RocksDB sees it, every family, and lets `change` write into it:
// for tests that make a store as an older silk left it, or damage one.
void ChangeRawStore(const std::string& dir,
                    const std::function<void(rocksdb::DB* db, const RawFamilies& families)>& change);

// Asserts that `status` is ok, printing its message otherwise.
#define SILK_ASSERT_OK(expr)                        \
  do {                                              \
    const ::silk::Status silk_s_ = (expr);          \
    ASSERT_TRUE(silk_s_.ok()) << silk_s_.message(); \
  } while (false)
#define SILK_EXPECT_OK(expr)                        \
  do {                                              \
    const ::silk::Status silk_s_ = (expr);          \
    EXPECT_TRUE(silk_s_.ok()) << silk_s_.message(); \
  } while (false)

// A fresh store in a temporary directory; Check() must pass when the test ends.
class TestStore : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Closes and opens the store again (with new options or tuning).
  void Reopen(const StoreOptions& options = {}, const StoreTuning& tuning = {});
  void Close() { store_.reset(); }

  Store& store() { return *store_; }
  const std::string& dir() const { return dir_.path(); }
  // Inserts `quads` in one transaction and commits it.
  void Load(const std::vector<rdf::Quad>& quads);

  TempDir dir_;
  std::unique_ptr<Store> store_;
  StoreTuning tuning_;
};

}  // namespace silk::storage::testing
