// The key pages (key_pages.h): scans and seeks that read them give exactly what RocksDB
// holds. Random patterns, object ranges, partial reads, and reseeks in key order and out of
// it, and counts, each read three times from one snapshot (the first read gathers pages, the others read
// them, partly), between commits through both paths, with a budget that keeps every page and
// one that evicts all the time; a snapshot older than a commit reads its own data. Then the
// pages themselves: no overlap, one generation, eviction by the clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <atomic>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "engine/storage/key_pages.h"
#include "engine/storage/store_core.h"
#include "test_store.h"

namespace silk::storage::testing {
namespace {

enum class CommitPath { kBatch, kIngest };

constexpr int kSubjects = 40;
constexpr int kPredicates = 3;
constexpr int kObjects = 300;

struct Ids {
  std::vector<TermId> subjects, predicates, objects;
};

using Model = std::set<QuadIds>;

bool InPattern(const QuadPattern& pattern, const QuadIds& q) {
  if (pattern.s && *pattern.s != q.s) return false;
  if (pattern.p && *pattern.p != q.p) return false;
  if (pattern.o && *pattern.o != q.o) return false;
  if (pattern.g && *pattern.g != q.g) return false;
  if (pattern.o_range && (q.o < pattern.o_range->first || q.o > pattern.o_range->second)) {
    return false;
  }
  return true;
}

Model Expected(const Model& model, const QuadPattern& pattern) {
  Model out;
  for (const QuadIds& q : model) {
    if (InPattern(pattern, q)) out.insert(q);
  }
  return out;
}

class KeyPagesScanTest : public TestStore,
                         public ::testing::WithParamInterface<std::tuple<std::size_t, CommitPath>> {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.key_cache_bytes = std::get<0>(GetParam());
    StoreTuning tuning;
    tuning.ingest_threshold = std::get<1>(GetParam()) == CommitPath::kBatch ? ~std::size_t{0} : 0;
    Reopen(options, tuning);
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    auto encode = [&](const rdf::Term& term) {
      Result<TermId> id = txn->Encode(term.view());
      EXPECT_TRUE(id.ok());
      return id.ok() ? *id : TermId{0};
    };
    for (int i = 0; i < kSubjects; ++i) ids_.subjects.push_back(encode(Iri("http://e/s" + std::to_string(i))));
    for (int i = 0; i < kPredicates; ++i) ids_.predicates.push_back(encode(Iri("http://e/p" + std::to_string(i))));
    for (int i = 0; i < kObjects; ++i) {
      ids_.objects.push_back(encode(Literal(std::to_string(i), Xsd("integer"))));
    }
    std::sort(ids_.objects.begin(), ids_.objects.end());
    SILK_ASSERT_OK(txn->Commit());
  }

  // Inserts `inserts` random quads and deletes `deletes` of those stored, in one commit.
  void Change(std::mt19937& rng, int inserts, int deletes) {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    for (int i = 0; i < deletes && !model_.empty(); ++i) {
      auto it = model_.begin();
      std::advance(it, static_cast<long>(rng() % model_.size()));
      SILK_ASSERT_OK(txn->Delete(*it));
      model_.erase(it);
    }
    for (int i = 0; i < inserts; ++i) {
      // Subjects and objects skewed towards the first few: long runs and short ones.
      const std::size_t s = std::min<std::size_t>(rng() % kSubjects, rng() % kSubjects);
      const QuadIds q{ids_.subjects[s], ids_.predicates[rng() % kPredicates],
                      ids_.objects[rng() % kObjects], kDefaultGraphId};
      SILK_ASSERT_OK(txn->Insert(q));
      model_.insert(q);
    }
    SILK_ASSERT_OK(txn->Commit());
  }

  QuadPattern RandomPattern(std::mt19937& rng) const {
    QuadPattern p;
    const TermId s = ids_.subjects[rng() % kSubjects];
    const TermId pred = ids_.predicates[rng() % kPredicates];
    const std::size_t a = rng() % kObjects, b = rng() % kObjects;
    const std::pair<TermId, TermId> range{ids_.objects[std::min(a, b)],
                                          ids_.objects[std::max(a, b)]};
    switch (rng() % 7) {
      case 0: p.s = s; break;
      case 1: p.s = s; p.p = pred; break;
      case 2: p.p = pred; break;
      case 3: p.p = pred; p.o = ids_.objects[a]; break;
      case 4: p.s = s; p.p = pred; p.o_range = range; break;
      case 5: p.s = s; p.o_range = range; break;  // the range checked on each key (residual)
      default: p.p = pred; p.o_range = range; break;
    }
    return p;
  }

  // Reads `it` to its end, or `limit` rows, a quad at a time (Next) or a run (Read) as
  // `rng` says; checks them against the model.
  void ReadAndCheck(QuadIterator& it, const QuadPattern& pattern, const Model& model,
                    std::size_t limit, std::mt19937& rng) {
    const Model expected = Expected(model, pattern);
    Model read;
    std::size_t rows = 0;
    const auto check = [&](const QuadIds& quad) {
      ASSERT_TRUE(expected.count(quad)) << "a quad the pattern does not match";
      ASSERT_TRUE(read.insert(quad).second) << "a quad read twice";
    };
    std::vector<QuadIds> run;
    while (it.Valid() && rows < limit) {
      if (rng() % 2 == 0) {
        ASSERT_NO_FATAL_FAILURE(check(it.quad()));
        it.Next();
        ++rows;
        continue;
      }
      run.assign(std::min<std::size_t>(1 + rng() % 40, limit - rows), QuadIds{});
      const std::size_t got = it.Read(run);
      ASSERT_TRUE(got == run.size() || !it.Valid()) << "a short run before the end";
      for (std::size_t i = 0; i < got; ++i) ASSERT_NO_FATAL_FAILURE(check(run[i]));
      rows += got;
    }
    SILK_ASSERT_OK(it.status());
    if (rows < limit) {
      EXPECT_EQ(read, expected);
    }
  }

  // Random scans, partial reads and reseeks; the same ones for the same seed.
  void ReadMany(const Snapshot& snapshot, const Model& model, unsigned seed) {
    std::mt19937 rng(seed);
    for (int round = 0; round < 80; ++round) {
      const QuadPattern pattern = RandomPattern(rng);
      const std::size_t limit = rng() % 3 == 0 ? rng() % 20 : ~std::size_t{0};
      std::unique_ptr<QuadIterator> it = snapshot.Scan(pattern);
      ReadAndCheck(*it, pattern, model, limit, rng);
      // Counts read the keys through the pages too (those the statistics do not hold).
      Result<std::uint64_t> count = snapshot.Count(pattern);
      ASSERT_TRUE(count.ok());
      EXPECT_EQ(*count, Expected(model, pattern).size());
      CountRequest per_object;
      per_object.pattern = pattern;
      per_object.per = QuadPosition::kObject;
      per_object.keep = [](const QuadIds&) { return true; };  // counted from the keys
      Result<std::vector<GroupCount>> groups = snapshot.CountPer(per_object);
      ASSERT_TRUE(groups.ok());
      std::map<TermId, std::uint64_t> expected_groups;
      for (const QuadIds& quad : Expected(model, pattern)) ++expected_groups[quad.o];
      std::map<TermId, std::uint64_t> got_groups;
      for (const GroupCount& g : *groups) got_groups[g.id] = g.count;
      EXPECT_EQ(got_groups, expected_groups);
      // Probes of the pattern's subjects, in key order (an index join's) or not.
      if (!pattern.s) continue;
      std::vector<TermId> probes;
      for (int i = 0; i < 12; ++i) probes.push_back(ids_.subjects[rng() % kSubjects]);
      if (rng() % 2 == 0) std::sort(probes.begin(), probes.end());
      for (TermId s : probes) {
        QuadPattern probe = pattern;
        probe.s = s;
        probe.held = rng() % 2 == 0 ? 1 << static_cast<int>(QuadPosition::kSubject) : 0;
        if (!it->Seek(probe)) it = snapshot.Scan(probe);
        const std::size_t probe_limit = rng() % 4 == 0 ? rng() % 3 : ~std::size_t{0};
        ReadAndCheck(*it, probe, model, probe_limit, rng);
      }
    }
  }

  Ids ids_;
  Model model_;
};

TEST_P(KeyPagesScanTest, ReadsWhatTheStoreHolds) {
  std::mt19937 rng(7);
  Change(rng, 1500, 0);
  std::unique_ptr<Snapshot> older;
  Model older_model;
  for (unsigned round = 0; round < 5; ++round) {
    const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    for (int repeat = 0; repeat < 3; ++repeat) ReadMany(*snapshot, model_, round);
    if (older) ReadMany(*older, older_model, round + 100);  // pages hold newer data now
    older = store().GetSnapshot();
    older_model = model_;
    Change(rng, 300, 300);
  }
  older.reset();
  const std::unique_ptr<Snapshot> last = store().GetSnapshot();
  ReadMany(*last, model_, 99);
  ReadMany(*last, model_, 99);
}

INSTANTIATE_TEST_SUITE_P(
    BudgetsAndCommits, KeyPagesScanTest,
    ::testing::Combine(::testing::Values(std::size_t{64} << 20, std::size_t{16} << 10,
                                         std::size_t{0}),
                       ::testing::Values(CommitPath::kBatch, CommitPath::kIngest)));

// A writer replaces one batch of quads by the next, commit after commit, while two readers
// read through the pages: every snapshot sees exactly one batch, whole, however often it
// reads it (a page of another generation would show none, or two).
class KeyPagesWhileWritingTest : public TestStore,
                                 public ::testing::WithParamInterface<CommitPath> {
 protected:
  void SetUp() override {
    StoreTuning tuning;
    tuning.ingest_threshold = GetParam() == CommitPath::kBatch ? ~std::size_t{0} : 0;
    Reopen({}, tuning);
  }
};

TEST_P(KeyPagesWhileWritingTest, EverySnapshotSeesOneWholeBatch) {
  constexpr int kBatches = 40;
  constexpr int kQuadsPerBatch = 60;
  std::vector<TermId> subjects;
  std::vector<TermId> objects;
  TermId p = 0;
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    auto encode = [&](const rdf::Term& term) {
      Result<TermId> id = txn->Encode(term.view());
      EXPECT_TRUE(id.ok());
      return id.ok() ? id.value() : TermId{0};
    };
    for (int b = 0; b < kBatches; ++b) {
      subjects.push_back(encode(Iri("http://e/batch" + std::to_string(b))));
    }
    for (int i = 0; i < kQuadsPerBatch; ++i) {
      objects.push_back(encode(Literal(std::to_string(i), Xsd("integer"))));
    }
    p = encode(Iri("http://e/p"));
    for (TermId o : objects) SILK_ASSERT_OK(txn->Insert(QuadIds{subjects[0], p, o, 0}));
    SILK_ASSERT_OK(txn->Commit());
  }
  std::sort(objects.begin(), objects.end());
  std::atomic<bool> writing{true};
  std::atomic<int> snapshots{0};
  auto read = [&] {
    while (writing.load()) {
      const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
      std::optional<TermId> batch;
      for (int repeat = 0; repeat < 3; ++repeat) {
        QuadPattern all;
        all.p = p;
        std::set<TermId> seen;
        std::size_t rows = 0;
        for (auto it = snapshot->Scan(all); it->Valid(); it->Next(), ++rows) {
          seen.insert(it->quad().s);
        }
        ASSERT_EQ(seen.size(), 1u);
        ASSERT_EQ(rows, static_cast<std::size_t>(kQuadsPerBatch));
        if (batch) {
          ASSERT_EQ(*seen.begin(), *batch);  // the snapshot's own, every time
        }
        batch = *seen.begin();
        QuadPattern upper_half;  // within the batch's subject, by object range
        upper_half.s = *batch;
        upper_half.p = p;
        upper_half.o_range = {objects[kQuadsPerBatch / 2], objects.back()};
        rows = 0;
        for (auto it = snapshot->Scan(upper_half); it->Valid(); it->Next()) ++rows;
        ASSERT_EQ(rows, static_cast<std::size_t>(kQuadsPerBatch - kQuadsPerBatch / 2));
      }
      ++snapshots;
    }
  };
  std::thread first(read);
  std::thread second(read);
  for (int b = 1; b < kBatches; ++b) {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    for (TermId o : objects) {
      SILK_ASSERT_OK(txn->Delete(QuadIds{subjects[b - 1], p, o, 0}));
      SILK_ASSERT_OK(txn->Insert(QuadIds{subjects[b], p, o, 0}));
    }
    SILK_ASSERT_OK(txn->Commit());
  }
  writing = false;
  first.join();
  second.join();
  EXPECT_GT(snapshots.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Commits, KeyPagesWhileWritingTest,
                         ::testing::Values(CommitPath::kBatch, CommitPath::kIngest));

// A key of one first id (the pages are kept by first id).
std::string K(std::string_view rest) { return "firstid:" + std::string(rest); }

// A page [K(lo), K(hi)) ("" hi: the end) of `keys` keys.
std::shared_ptr<KeyPage> Page(std::string_view lo, std::string_view hi, std::size_t keys = 0) {
  auto page = std::make_shared<KeyPage>();
  page->lo = KeyBytes(K(lo));
  page->hi = hi.empty() ? KeyBytes() : KeyBytes(K(hi));
  page->keys.resize(keys);
  return page;
}

TEST(KeyPages, FindsThePageHoldingAKeyOrWhereTheNextStarts) {
  KeyPages pages(1 << 20);
  pages.Insert(QuadIndex::kSpog, Page("b", "d"), 0);
  pages.Insert(QuadIndex::kSpog, Page("f", ""), 0);
  EXPECT_EQ(pages.Find(QuadIndex::kSpog, K("c"), 0).page->lo.view(), K("b"));
  EXPECT_EQ(pages.Find(QuadIndex::kSpog, K("b"), 0).page->lo.view(), K("b"));
  const KeyPages::Found between = pages.Find(QuadIndex::kSpog, K("d"), 0);  // hi is not held
  EXPECT_EQ(between.page, nullptr);
  ASSERT_TRUE(between.next_lo);
  EXPECT_EQ(between.next_lo->view(), K("f"));
  EXPECT_EQ(pages.Find(QuadIndex::kSpog, K("zzz"), 0).page->lo.view(), K("f"));  // to the end
  EXPECT_EQ(pages.Find(QuadIndex::kSpog, K("a"), 0).next_lo->view(), K("b"));
  EXPECT_EQ(pages.Find(QuadIndex::kPosg, K("c"), 0).page, nullptr);  // another index
}

TEST(KeyPages, KeepsNoPageOverlappingAnother) {
  KeyPages pages(1 << 20);
  pages.Insert(QuadIndex::kSpog, Page("c", "f"), 0);
  pages.Insert(QuadIndex::kSpog, Page("a", "d"), 0);  // its end overlaps
  pages.Insert(QuadIndex::kSpog, Page("e", "h"), 0);  // its start overlaps
  pages.Insert(QuadIndex::kSpog, Page("d", "e"), 0);  // inside
  pages.Insert(QuadIndex::kSpog, Page("a", ""), 0);   // around
  EXPECT_EQ(pages.pages(), 1u);
  pages.Insert(QuadIndex::kSpog, Page("a", "c"), 0);  // touching is not overlapping
  pages.Insert(QuadIndex::kSpog, Page("f", "g"), 0);
  EXPECT_EQ(pages.pages(), 3u);
}

TEST(KeyPages, HoldsOneGenerationAndNoneOfAWriteUnderWay) {
  KeyPages pages(1 << 20);
  pages.Insert(QuadIndex::kSpog, Page("a", "b"), 0);
  EXPECT_EQ(pages.GenerationOf([] {}), 0u);
  std::optional<std::uint64_t> during;
  {
    const KeyPagesWrite write(pages);
    during = pages.GenerationOf([] {});
  }
  EXPECT_EQ(during, std::nullopt);
  EXPECT_EQ(pages.pages(), 0u);  // the write dropped them
  // A snapshot that a write overtook reads no pages.
  std::optional<std::uint64_t> overtaken = pages.GenerationOf([&] { const KeyPagesWrite w(pages); });
  EXPECT_EQ(overtaken, std::nullopt);
  const std::optional<std::uint64_t> now = pages.GenerationOf([] {});
  ASSERT_TRUE(now);
  EXPECT_GT(*now, 0u);
  // Pages gathered from an older snapshot are not kept, nor read by it.
  pages.Insert(QuadIndex::kSpog, Page("a", "b"), 0);
  EXPECT_EQ(pages.pages(), 0u);
  pages.Insert(QuadIndex::kSpog, Page("a", "b"), *now);
  EXPECT_EQ(pages.Find(QuadIndex::kSpog, K("a"), 0).page, nullptr);
  EXPECT_NE(pages.Find(QuadIndex::kSpog, K("a"), *now).page, nullptr);
  EXPECT_EQ(KeyPages(0).GenerationOf([] {}), std::nullopt);  // no budget: no pages
}

TEST(KeyPages, EvictsThePagesNotReadSinceTheClockLastPassed) {
  const std::size_t page_bytes = Page("k00", "k01", 100)->bytes();
  KeyPages pages(10 * page_bytes);
  auto key = [](int i) { return "k" + std::to_string(10 + i); };
  auto find = [&](int i) { return pages.Find(QuadIndex::kSpog, K(key(i)), 0).page; };
  for (int i = 0; i < 10; ++i) pages.Insert(QuadIndex::kSpog, Page(key(i), key(i) + "x", 100), 0);
  EXPECT_EQ(pages.pages(), 10u);
  // Every page is new (counts as read): the hand gives each a second round, then evicts the
  // oldest. Read page 1 since, and it survives the next.
  pages.Insert(QuadIndex::kSpog, Page(key(10), key(10) + "x", 100), 0);
  EXPECT_EQ(pages.pages(), 10u);
  EXPECT_EQ(find(0), nullptr);
  ASSERT_NE(find(1), nullptr);
  pages.Insert(QuadIndex::kSpog, Page(key(11), key(11) + "x", 100), 0);
  EXPECT_NE(find(1), nullptr);
  EXPECT_EQ(find(2), nullptr);
  EXPECT_LE(pages.bytes(), 10 * page_bytes);
  // A page too big for its share of the budget is not kept.
  pages.Insert(QuadIndex::kSpog, Page("z", "", 10000), 0);
  EXPECT_EQ(pages.Find(QuadIndex::kSpog, K("z"), 0).page, nullptr);
}

}  // namespace
}  // namespace silk::storage::testing
