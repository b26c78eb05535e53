#include "test_store.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <vector>

#include "engine/storage/format.h"

namespace silk::storage::testing {

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::path(::testing::TempDir()) / "silk-storage-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const char* made = mkdtemp(buffer.data());
  EXPECT_NE(made, nullptr) << "cannot create a temporary directory";
  path_ = made != nullptr ? made : pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void ChangeRawStore(const std::string& dir,
                    const std::function<void(rocksdb::DB* db, const RawFamilies& families)>& change) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string_view name : format::kFamilyNames) {
    descriptors.emplace_back(std::string(name), rocksdb::ColumnFamilyOptions());
  }
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  RawFamilies families;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status opened =
      rocksdb::DB::Open(rocksdb::Options(), dir, descriptors, &families, &raw);
  ASSERT_TRUE(opened.ok()) << opened.ToString();
  const std::unique_ptr<rocksdb::DB> db(raw);
  change(db.get(), families);
  for (rocksdb::ColumnFamilyHandle* family : families) {
    EXPECT_TRUE(db->DestroyColumnFamilyHandle(family).ok());
  }
  EXPECT_TRUE(db->Close().ok());
}

rdf::Term Iri(std::string_view iri) { return rdf::Term(rdf::TermView::Iri(iri)); }
rdf::Term Blank(std::string_view label) { return rdf::Term(rdf::TermView::Blank(label)); }
rdf::Term Literal(std::string_view lexical, std::string_view datatype, std::string_view language) {
  return rdf::Term(rdf::TermView::Literal(lexical, datatype, language));
}
std::string Xsd(std::string_view name) { return fmt::format("{}{}", rdf::kXsd, name); }

rdf::Quad MakeQuad(rdf::Term s, rdf::Term p, rdf::Term o, rdf::Term g) {
  rdf::Quad q;
  q.subject = std::move(s);
  q.predicate = std::move(p);
  q.object = std::move(o);
  q.graph = std::move(g);
  return q;
}

std::set<QuadIds> ScanSet(const Snapshot& snapshot, const QuadPattern& pattern) {
  std::set<QuadIds> out;
  const std::unique_ptr<QuadIterator> it = snapshot.Scan(pattern);
  for (; it->Valid(); it->Next()) {
    out.insert(it->quad());
  }
  EXPECT_TRUE(it->status().ok()) << it->status().message();
  return out;
}

std::string Fingerprint(Store& store) {
  std::string out;
  const std::unique_ptr<Snapshot> snapshot = store.GetSnapshot();
  for (const QuadIds& q : ScanSet(*snapshot, {})) {
    out += fmt::format("{:x} {:x} {:x} {:x}\n", q.s, q.p, q.o, q.g);
  }
  Result<StoreStats> stats = store.Stats();
  EXPECT_TRUE(stats.ok());
  if (stats.ok()) {
    out += fmt::format("quads {} terms {}\n", stats->quads, stats->terms);
    for (const PredicateStats& p : stats->predicates) {
      out += fmt::format("p {:x} {} {} {}\n", p.predicate, p.quads, p.distinct_subjects,
                         p.distinct_objects);
    }
    for (const GraphStats& g : stats->graphs) {
      out += fmt::format("g {:x} {}\n", g.graph, g.quads);
    }
  }
  return out;
}

void TestStore::SetUp() { Reopen(); }

void TestStore::TearDown() {
  if (store_ != nullptr) {
    const Status check = store_->Check();
    EXPECT_TRUE(check.ok()) << check.message();
  }
  store_.reset();
}

void TestStore::Reopen(const StoreOptions& options, const StoreTuning& tuning) {
  store_.reset();
  tuning_ = tuning;
  Result<std::unique_ptr<Store>> opened = OpenRocksStore(dir(), options, tuning);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  store_ = std::move(*opened);
}

void TestStore::Load(const std::vector<rdf::Quad>& quads) {
  const std::unique_ptr<WriteTransaction> txn = store_->BeginWrite();
  for (const rdf::Quad& q : quads) {
    SILK_ASSERT_OK(txn->Insert(q.view()));
  }
  SILK_ASSERT_OK(txn->Commit());
}

}  // namespace silk::storage::testing
