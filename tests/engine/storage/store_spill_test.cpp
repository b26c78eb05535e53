// Transactions larger than their memory: operations spill to sorted runs on disk and are
// merged at commit. Whatever the budget, the store must end exactly as with everything in
// memory: the last operation on a quad wins, across runs as within one.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>
#include <vector>

#include "test_store.h"

namespace silk::storage::testing {
namespace {

namespace fs = std::filesystem;

// Small enough that a few thousand operations make several runs.
constexpr std::size_t kTinyMemory = 1;

struct Operation {
  QuadIds quad;
  bool insert = true;
};

class StoreSpillTest : public TestStore {
 protected:
  // Terms for subjects, predicates, objects and graphs, encoded once so operations can be
  // given by id (which is how updates delete).
  void SetUp() override {
    TestStore::SetUp();
    std::vector<rdf::Quad> seed;
    for (int i = 0; i < 300; ++i) {
      seed.push_back(MakeQuad(Iri(fmt::format("http://example.org/s{}", i % 60)),
                              Iri(fmt::format("http://example.org/p{}", i % 7)),
                              Literal(fmt::format("o{}", i % 45)),
                              i % 3 == 0 ? Iri("http://example.org/g") : rdf::Term()));
    }
    Load(seed);  // the store holds quads before the big transaction starts
    const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    stored_ = ScanSet(*snapshot, {});
    ids_.assign(stored_.begin(), stored_.end());
  }

  // Random operations over the stored quads' ids and new ones: inserts of stored and of new
  // quads, deletes of stored quads, of quads inserted earlier, of absent ones, repeats.
  std::vector<Operation> RandomOperations(WriteTransaction& txn, std::size_t count) {
    std::mt19937_64 rng(77);
    std::vector<TermId> fresh;
    for (int i = 0; i < 40; ++i) {
      Result<TermId> id = txn.Encode(Iri(fmt::format("http://example.org/new{}", i)).view());
      EXPECT_TRUE(id.ok());
      fresh.push_back(*id);
    }
    std::vector<Operation> ops;
    for (std::size_t i = 0; i < count; ++i) {
      QuadIds quad = ids_[rng() % ids_.size()];
      if (rng() % 2 == 0) {
        quad.o = fresh[rng() % fresh.size()];
      }
      if (rng() % 4 == 0 && !ops.empty()) {
        quad = ops[rng() % ops.size()].quad;  // touch an earlier quad again
      }
      ops.push_back({quad, rng() % 3 != 0});
    }
    return ops;
  }

  // Applies `ops` in one transaction with `memory` bytes; returns (added, removed).
  std::pair<std::uint64_t, std::uint64_t> Apply(const std::vector<Operation>& ops,
                                                std::size_t memory) {
    WriteOptions options;
    options.memory_bytes = memory;
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite(options);
    for (const Operation& op : ops) {
      const Status s = op.insert ? txn->Insert(op.quad) : txn->Delete(op.quad);
      EXPECT_TRUE(s.ok()) << s.message();
    }
    const Status s = txn->Commit();
    EXPECT_TRUE(s.ok()) << s.message();
    return {txn->inserted(), txn->deleted()};
  }

  std::set<QuadIds> stored_;
  std::vector<QuadIds> ids_;
};

TEST_F(StoreSpillTest, SpilledCommitEqualsTheReference) {
  std::vector<Operation> ops;
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    ops = RandomOperations(*txn, 30000);
    SILK_ASSERT_OK(txn->Commit());  // commits only the fresh terms
  }
  std::set<QuadIds> expected = stored_;
  for (const Operation& op : ops) {
    if (op.insert) {
      expected.insert(op.quad);
    } else {
      expected.erase(op.quad);
    }
  }
  std::uint64_t added = 0;
  std::uint64_t removed = 0;
  for (const QuadIds& q : expected) added += stored_.count(q) == 0 ? 1 : 0;
  for (const QuadIds& q : stored_) removed += expected.count(q) == 0 ? 1 : 0;

  const auto [inserted, deleted] = Apply(ops, kTinyMemory);
  EXPECT_EQ(inserted, added);
  EXPECT_EQ(deleted, removed);
  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  EXPECT_EQ(ScanSet(*snapshot, {}), expected);
  EXPECT_FALSE(fs::exists(fs::path(dir()) / "ingest.tmp"));
}

TEST_F(StoreSpillTest, BudgetDoesNotChangeTheResult) {
  std::vector<Operation> ops;
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    ops = RandomOperations(*txn, 20000);
    SILK_ASSERT_OK(txn->Commit());
  }
  // Copied closed: an open store's files may change under the copy (a flush, a compaction).
  Close();
  TempDir copy;
  fs::copy(dir(), copy.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  Reopen();
  Apply(ops, kTinyMemory);
  const std::string spilled = Fingerprint(store());

  Close();
  Result<std::unique_ptr<Store>> other = Store::Open(copy.path(), {});
  ASSERT_TRUE(other.ok()) << other.status().message();
  store_ = std::move(*other);
  Apply(ops, WriteOptions().memory_bytes);
  EXPECT_EQ(Fingerprint(store()), spilled);
}

TEST_F(StoreSpillTest, CommitProgressCountsTheEntriesWritten) {
  WriteOptions options;
  options.memory_bytes = kTinyMemory;
  const std::unique_ptr<WriteTransaction> txn = store().BeginWrite(options);
  for (int i = 0; i < 20000; ++i) {
    SILK_ASSERT_OK(txn->Insert(
        MakeQuad(Iri(fmt::format("http://example.org/y{}", i)), Iri("http://example.org/p"),
                 Literal(fmt::format("v{}", i % 100)))
            .view()));
  }
  EXPECT_EQ(txn->commit_progress().total, 0u);  // nothing to measure before the commit
  SILK_ASSERT_OK(txn->Commit());
  const WriteTransaction::CommitProgress progress = txn->commit_progress();
  // Three indexes (no named graphs, so nothing in gspo), and two dictionary entries for each
  // new term: 20,000 subjects, the predicate and 100 objects.
  EXPECT_EQ(progress.done, 3u * 20000 + 2u * 20101);
  EXPECT_GE(progress.total, progress.done);
}

// The dictionary has a budget too: past it new terms move to disk, and a term met again
// afterwards, by value, by id or as a blank-node label of the same scope, keeps its id.
TEST_F(StoreSpillTest, TermsBeyondTheBudgetSpillAndKeepTheirIds) {
  constexpr int kTerms = 60000;  // about 8 MB of cache: past the dictionary's smallest budget
  // Predicates the seed does not use.
  const rdf::Term p = Iri("http://example.org/value");
  const rdf::Term p2 = Iri("http://example.org/blankValue");
  const auto subject = [](int i) { return Iri(fmt::format("http://example.org/t{}", i)); };
  const auto object = [](int i) { return Literal(fmt::format("value {}", i)); };
  WriteOptions options;
  options.memory_bytes = kTinyMemory;
  std::unique_ptr<WriteTransaction> txn = store().BeginWrite(options);
  Result<TermId> first_subject = txn->Encode(subject(5).view());
  Result<TermId> first_object = txn->Encode(object(5).view());
  ASSERT_TRUE(first_subject.ok() && first_object.ok());
  for (int i = 0; i < kTerms; ++i) {
    SILK_ASSERT_OK(txn->Insert(MakeQuad(subject(i), p, object(i)).view()));
    if (i % 100 == 0) {  // 50 labels, each used 12 times across the load
      SILK_ASSERT_OK(txn->Insert(
          MakeQuad(Blank(fmt::format("b{}", (i / 100) % 50)), p2, object(i)).view()));
    }
  }
  Result<TermId> again = txn->Encode(subject(5).view());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *first_subject);
  // By id (checked to exist, now on disk), again by value, and deleted by value.
  Result<TermId> p_id = txn->Encode(p.view());
  ASSERT_TRUE(p_id.ok());
  SILK_ASSERT_OK(txn->Insert(QuadIds{*first_subject, *p_id, *first_object, kDefaultGraphId}));
  SILK_ASSERT_OK(txn->Insert(MakeQuad(subject(0), p, object(0)).view()));
  SILK_ASSERT_OK(txn->Delete(MakeQuad(subject(7), p, object(7)).view()));
  SILK_ASSERT_OK(txn->Commit());
  EXPECT_EQ(txn->inserted(), static_cast<std::uint64_t>(kTerms - 1 + kTerms / 100));
  txn.reset();  // its spilled terms go with it

  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  Result<std::optional<TermId>> p2_id = snapshot->Lookup(p2.view());
  ASSERT_TRUE(p2_id.ok() && p2_id->has_value());
  std::set<TermId> blank_subjects;
  QuadPattern with_p2;
  with_p2.p = **p2_id;
  for (const QuadIds& q : ScanSet(*snapshot, with_p2)) {
    blank_subjects.insert(q.s);
  }
  EXPECT_EQ(blank_subjects.size(), 50u);
  Result<std::optional<TermId>> stored = snapshot->Lookup(subject(5).view());
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(**stored, *first_subject);
  EXPECT_FALSE(fs::exists(fs::path(dir()) / "ingest.tmp"));
}

TEST_F(StoreSpillTest, AbandonedTransactionLeavesNothing) {
  const std::string before = Fingerprint(store());
  {
    WriteOptions options;
    options.memory_bytes = kTinyMemory;
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite(options);
    for (int i = 0; i < 20000; ++i) {
      SILK_ASSERT_OK(txn->Insert(MakeQuad(Iri(fmt::format("http://example.org/x{}", i)),
                                          Iri("http://example.org/p"), Literal("v"))
                                     .view()));
    }
    EXPECT_TRUE(fs::exists(fs::path(dir()) / "ingest.tmp"));  // it did spill
  }
  EXPECT_FALSE(fs::exists(fs::path(dir()) / "ingest.tmp"));
  EXPECT_EQ(Fingerprint(store()), before);
}

}  // namespace
}  // namespace silk::storage::testing
