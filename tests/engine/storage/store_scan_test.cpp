// Every combination of bound and unbound s, p, o, g, scanned and counted against an in-memory
// reference on randomized data mixing the default graph (which gspo does not hold) and named
// graphs, after inserts and after deletes, through both commit paths (one WriteBatch, or SST
// ingestion).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "engine/storage/key_codec.h"
#include "test_store.h"

namespace silk::storage::testing {
namespace {

enum class CommitPath { kBatch, kIngest };

class StoreScanTest : public TestStore, public ::testing::WithParamInterface<CommitPath> {
 protected:
  void SetUp() override {
    StoreTuning tuning;
    tuning.ingest_threshold = GetParam() == CommitPath::kBatch ? ~std::size_t{0} : 0;
    Reopen({}, tuning);
  }

  // Terms of every kind, including inlined literals at their edges and their neighbours
  // that do not inline.
  std::vector<rdf::Term> Objects() const {
    std::vector<rdf::Term> terms;
    for (int i = 0; i < 12; ++i) {
      terms.push_back(Literal(fmt::format("text {}", i)));
    }
    terms.push_back(Literal("chat", {}, "fr"));
    terms.push_back(Literal("chat", {}, "en"));
    terms.push_back(Literal("chat"));
    terms.push_back(Literal("chat", Xsd("string")));  // the same term as the plain one
    terms.push_back(Literal("0", Xsd("integer")));
    terms.push_back(Literal("-1", Xsd("integer")));
    terms.push_back(Literal("576460752303423487", Xsd("integer")));   // max inlined
    terms.push_back(Literal("-576460752303423488", Xsd("integer")));  // min inlined
    terms.push_back(Literal("576460752303423488", Xsd("integer")));   // first too large
    terms.push_back(Literal("007", Xsd("integer")));                  // not canonical
    terms.push_back(Literal("7", Xsd("int")));
    terms.push_back(Literal("0.0", Xsd("decimal")));
    terms.push_back(Literal("-2.5", Xsd("decimal")));
    terms.push_back(Literal("2.50", Xsd("decimal")));
    terms.push_back(Literal("true", Xsd("boolean")));
    terms.push_back(Literal("1969-07-20", Xsd("date")));
    terms.push_back(Literal("-0044-03-15", Xsd("date")));
    terms.push_back(Literal("1969-07-20T20:17:40Z", Xsd("dateTime")));
    terms.push_back(Literal("2024-02-29T23:59:59.999+09:00", Xsd("dateTime")));
    return terms;
  }
};

struct Dataset {
  std::vector<rdf::Term> subjects;
  std::vector<rdf::Term> predicates;
  std::vector<rdf::Term> objects;
  std::vector<rdf::Term> graphs;
};

TEST_P(StoreScanTest, EveryPatternMatchesTheReference) {
  std::mt19937_64 rng(20240611);
  Dataset data;
  for (int i = 0; i < 40; ++i) {
    data.subjects.push_back(Iri(fmt::format("http://example.org/s{}", i)));
  }
  for (int i = 0; i < 8; ++i) {
    data.subjects.push_back(Blank(fmt::format("n{}", i)));
  }
  for (int i = 0; i < 7; ++i) {
    data.predicates.push_back(Iri(fmt::format("http://example.org/p{}", i)));
  }
  // One predicate is rdf:type, whose objects the statistics count as classes.
  data.predicates[3] = Iri(format::kRdfType);
  data.objects = Objects();
  for (int i = 0; i < 10; ++i) {
    data.objects.push_back(data.subjects[static_cast<std::size_t>(i) * 5]);
  }
  data.graphs = {rdf::Term(), Iri("http://example.org/g1"), Iri("http://example.org/g2"),
                 Blank("graph")};
  auto pick = [&rng](const std::vector<rdf::Term>& v) -> const rdf::Term& {
    return v[rng() % v.size()];
  };

  std::set<QuadIds> reference;
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    for (int i = 0; i < 1500; ++i) {
      const rdf::Quad q = MakeQuad(pick(data.subjects), pick(data.predicates), pick(data.objects),
                                   pick(data.graphs));
      Result<TermId> s = txn->Encode(q.subject.view());
      Result<TermId> p = txn->Encode(q.predicate.view());
      Result<TermId> o = txn->Encode(q.object.view());
      Result<TermId> g = txn->Encode(q.graph.view());
      ASSERT_TRUE(s.ok() && p.ok() && o.ok() && g.ok());
      const QuadIds ids{*s, *p, *o, *g};
      reference.insert(ids);
      // Half by terms, half by ids; both must agree on the ids.
      SILK_ASSERT_OK(i % 2 == 0 ? txn->Insert(q.view()) : txn->Insert(ids));
    }
    SILK_ASSERT_OK(txn->Commit());
    EXPECT_EQ(txn->inserted(), reference.size());  // duplicates counted once
  }

  auto verify = [&](const std::string& stage) {
    SCOPED_TRACE(stage);
    const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    std::vector<QuadIds> all(reference.begin(), reference.end());
    std::vector<QuadIds> unnamed;
    std::copy_if(all.begin(), all.end(), std::back_inserter(unnamed),
                 [](const QuadIds& q) { return q.g == kDefaultGraphId; });
    ASSERT_FALSE(unnamed.empty());
    // One iterator sought from pattern to pattern (as an index join probes), where it can be.
    std::unique_ptr<QuadIterator> reused;
    for (int mask = 0; mask < 16; ++mask) {
      for (int round = 0; round < 12; ++round) {
        // Bound values from a stored quad (every few rounds one of the default graph), or
        // (sometimes) ids no quad has.
        const std::vector<QuadIds>& from = round % 4 == 1 ? unnamed : all;
        QuadIds probe = from[rng() % from.size()];
        if (round % 4 == 3) {
          probe.o = MakeTermId(TermTag::kInteger, rng() % 1000);
        }
        QuadPattern pattern;
        if (mask & 1) pattern.s = probe.s;
        if (mask & 2) pattern.p = probe.p;
        if (mask & 4) pattern.o = probe.o;
        if (mask & 8) pattern.g = probe.g;
        // Every other round without a bound object, a range of objects instead.
        if (!pattern.o && round % 2 == 0) {
          TermId a = all[rng() % all.size()].o;
          TermId b = all[rng() % all.size()].o;
          pattern.o_range = std::minmax(a, b);
        }
        // Claims that positions hold the bound ids, true or not, change no result (only
        // whether seeks consult the bloom filters).
        pattern.held = static_cast<std::uint8_t>(rng() % 8);
        std::set<QuadIds> expected;
        for (const QuadIds& q : reference) {
          if (Matches(pattern, q)) {
            expected.insert(q);
          }
        }
        // Scan: the right set, each quad once, in the order of one index.
        std::vector<QuadIds> scanned;
        const std::unique_ptr<QuadIterator> it = snapshot->Scan(pattern);
        for (; it->Valid(); it->Next()) {
          scanned.push_back(it->quad());
        }
        SILK_ASSERT_OK(it->status());
        EXPECT_EQ(std::set<QuadIds>(scanned.begin(), scanned.end()), expected) << "mask " << mask;
        if (!reused || !reused->Seek(pattern)) reused = snapshot->Scan(pattern);
        std::set<QuadIds> sought;
        for (; reused->Valid(); reused->Next()) sought.insert(reused->quad());
        SILK_ASSERT_OK(reused->status());
        EXPECT_EQ(sought, expected) << "mask " << mask << " (a sought iterator)";
        EXPECT_EQ(scanned.size(), expected.size()) << "mask " << mask;
        EXPECT_TRUE(std::any_of(kAllIndexes.begin(), kAllIndexes.end(),
                                [&](QuadIndex index) {
                                  return std::is_sorted(
                                      scanned.begin(), scanned.end(),
                                      [index](const QuadIds& a, const QuadIds& b) {
                                        return LessInIndex(index, a, b);
                                      });
                                }))
            << "mask " << mask;

        Result<std::uint64_t> count = snapshot->Count(pattern);
        ASSERT_TRUE(count.ok()) << count.status().message();
        EXPECT_EQ(*count, expected.size()) << "mask " << mask;

        const std::uint64_t estimate = snapshot->Estimate(pattern);
        const bool from_stats =
            !pattern.s && !pattern.o && !pattern.o_range && !(pattern.p && pattern.g);
        // p+g, o+g, s+o+g, p+o+g: the graph (or another position) is filtered, not sought;
        // the default graph is always filtered (gspo does not hold it).
        const bool filtered = mask == 10 || mask == 12 || mask == 13 || mask == 14 ||
                              pattern.g == kDefaultGraphId || pattern.o_range;
        if (from_stats || (!filtered && expected.size() < 64)) {
          // Statistics are exact, and a short range is counted outright.
          EXPECT_EQ(estimate, expected.size()) << "mask " << mask;
        } else if (!expected.empty()) {
          EXPECT_GT(estimate, 0u) << "mask " << mask;
        }
      }
    }
  };
  verify("after inserts");

  // Statistics against a recount of the reference.
  auto verify_stats = [&] {
    Result<StoreStats> stats = store().Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->quads, reference.size());
    std::map<TermId, std::set<TermId>> subjects;
    std::map<TermId, std::set<TermId>> objects;
    std::map<TermId, std::uint64_t> per_predicate;
    std::map<TermId, std::uint64_t> per_graph;
    for (const QuadIds& q : reference) {
      subjects[q.p].insert(q.s);
      objects[q.p].insert(q.o);
      ++per_predicate[q.p];
      ++per_graph[q.g];
    }
    ASSERT_EQ(stats->predicates.size(), per_predicate.size());
    for (const PredicateStats& p : stats->predicates) {
      EXPECT_EQ(p.quads, per_predicate[p.predicate]);
      EXPECT_EQ(p.distinct_subjects, subjects[p.predicate].size());
      EXPECT_EQ(p.distinct_objects, objects[p.predicate].size());
    }
    EXPECT_TRUE(std::is_sorted(
        stats->predicates.begin(), stats->predicates.end(),
        [](const PredicateStats& a, const PredicateStats& b) { return a.quads > b.quads; }));
    ASSERT_EQ(stats->graphs.size(), per_graph.size());
    for (const GraphStats& g : stats->graphs) {
      EXPECT_EQ(g.quads, per_graph[g.graph]);
    }
    const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    Result<std::optional<TermId>> type_id = snapshot->Lookup(rdf::TermView::Iri(format::kRdfType));
    ASSERT_TRUE(type_id.ok() && *type_id);
    std::map<TermId, std::uint64_t> per_class;
    for (const QuadIds& q : reference) {
      if (q.p == **type_id) ++per_class[q.o];
    }
    ASSERT_FALSE(per_class.empty());
    ASSERT_EQ(stats->classes.size(), per_class.size());
    for (const ClassStats& c : stats->classes) {
      EXPECT_EQ(c.quads, per_class[c.cls]);
    }
    // Every (predicate, object) pair whose object is not a literal is estimated exactly.
    std::map<std::pair<TermId, TermId>, std::uint64_t> per_pair;
    for (const QuadIds& q : reference) ++per_pair[{q.p, q.o}];
    for (const auto& [pair, quads] : per_pair) {
      if (IsLiteralId(pair.second)) continue;
      QuadPattern with_pair;
      with_pair.p = pair.first;
      with_pair.o = pair.second;
      EXPECT_EQ(snapshot->Estimate(with_pair), quads);
    }
    // Counts per position, in quads or with graphs merged (triples), against the reference,
    // for patterns binding each subset of positions to values of a stored quad.
    const std::vector<QuadIds> all(reference.begin(), reference.end());
    for (int mask = 0; mask < 16; ++mask) {
      const QuadIds& from = all[rng() % all.size()];
      QuadPattern pattern;
      if (mask & 1) pattern.s = from.s;
      if (mask & 2) pattern.p = from.p;
      if (mask & 4) pattern.o = from.o;
      if (mask & 8) pattern.g = from.g;
      for (int per = -1; per < 4; ++per) {
        std::optional<QuadPosition> position;
        if (per >= 0) position = static_cast<QuadPosition>(per);
        for (const bool merge : {false, true}) {
          if (merge && pattern.g) continue;
          std::map<TermId, std::uint64_t> expected;
          std::set<std::array<TermId, 3>> seen;
          for (const QuadIds& q : reference) {
            if (!Matches(pattern, q)) continue;
            if (merge && !seen.insert({q.s, q.p, q.o}).second) continue;
            ++expected[position ? IdAt(q, *position) : 0];
          }
          std::vector<GroupCount> want;
          for (const auto& [id, n] : expected) want.push_back({id, n});
          if (!position && want.empty()) want.push_back({0, 0});
          CountRequest request;
          request.pattern = pattern;
          request.per = position;
          request.merge_graphs = merge;
          Result<std::vector<GroupCount>> got = snapshot->CountPer(request);
          ASSERT_TRUE(got.ok()) << got.status().message();
          EXPECT_EQ(*got, want) << "mask " << mask << " per " << per << " merge " << merge;
        }
      }
    }
  };
  verify_stats();

  // Deletes: by id and by term (blank nodes only by id: labels do not reach stored nodes),
  // absent quads, and inserts mixed in, including ones deleted again in the same transaction.
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
    const std::set<QuadIds> before = reference;
    std::vector<QuadIds> all(reference.begin(), reference.end());
    std::shuffle(all.begin(), all.end(), rng);
    for (std::size_t i = 0; i < all.size() * 2 / 5; ++i) {
      const QuadIds& q = all[i];
      Result<rdf::Term> s = snapshot->Decode(q.s);
      Result<rdf::Term> p = snapshot->Decode(q.p);
      Result<rdf::Term> o = snapshot->Decode(q.o);
      Result<rdf::Term> g = snapshot->Decode(q.g);
      ASSERT_TRUE(s.ok() && p.ok() && o.ok() && g.ok());
      const bool has_blank = s->kind == rdf::TermKind::kBlank || o->kind == rdf::TermKind::kBlank ||
                             g->kind == rdf::TermKind::kBlank;
      if (i % 2 == 0 && !has_blank) {
        SILK_ASSERT_OK(txn->Delete(rdf::QuadView{s->view(), p->view(), o->view(), g->view()}));
      } else {
        SILK_ASSERT_OK(txn->Delete(q));
      }
      SILK_ASSERT_OK(txn->Delete(q));  // again: nothing more to remove
      reference.erase(q);
    }
    // A blank node by label never matches a stored node.
    SILK_ASSERT_OK(txn->Delete(MakeQuad(Blank("n1"), data.predicates[0], data.objects[0]).view()));
    // Absent quads.
    SILK_ASSERT_OK(
        txn->Delete(QuadIds{MakeTermId(TermTag::kIri, 999999), all[0].p, all[0].o, all[0].g}));
    SILK_ASSERT_OK(txn->Delete(
        MakeQuad(Iri("http://example.org/unknown"), data.predicates[0], data.objects[0]).view()));
    // New quads of known terms: their (s, p) and (p, o) pairs may or may not be stored yet.
    for (int i = 0; i < 300; ++i) {
      const QuadIds& a = all[rng() % all.size()];
      const QuadIds& b = all[rng() % all.size()];
      const QuadIds q{a.s, b.p, i % 2 == 0 ? a.o : b.o, b.g};
      SILK_ASSERT_OK(txn->Insert(q));
      reference.insert(q);
    }
    // Re-insert a deleted quad, insert a new one and delete it again.
    SILK_ASSERT_OK(txn->Insert(all[1]));
    reference.insert(all[1]);
    const rdf::Quad passing =
        MakeQuad(Iri("http://example.org/new"), data.predicates[0], Literal("fleeting"));
    SILK_ASSERT_OK(txn->Insert(passing.view()));
    SILK_ASSERT_OK(txn->Delete(passing.view()));
    SILK_ASSERT_OK(txn->Commit());
    // What the store gained and lost, whatever went back and forth on the way.
    const auto missing_from = [](const std::set<QuadIds>& a, const std::set<QuadIds>& b) {
      return static_cast<std::uint64_t>(
          std::count_if(a.begin(), a.end(), [&b](const QuadIds& q) { return !b.contains(q); }));
    };
    EXPECT_EQ(txn->inserted(), missing_from(reference, before));
    EXPECT_EQ(txn->deleted(), missing_from(before, reference));
  }
  verify("after deletes");
  verify_stats();
}

// One iterator sought from pattern to pattern within a few subjects, as the patterns of a
// star are probed: where it steps to the next range instead of seeking, it must skip no key.
// Ranges are read whole (the iterator stops past the range's end) or left early, in any
// order, each giving what a new scan gives.
TEST_P(StoreScanTest, ASoughtIteratorStepsOnlyOverKeysBelowTheRange) {
  std::mt19937_64 rng(77);
  std::vector<TermId> subjects;
  std::vector<TermId> predicates;
  std::set<QuadIds> reference;
  {
    const std::unique_ptr<WriteTransaction> txn = store().BeginWrite();
    auto id = [&](const rdf::Term& term) {
      Result<TermId> encoded = txn->Encode(term.view());
      EXPECT_TRUE(encoded.ok());
      return *encoded;
    };
    for (int i = 0; i < 4; ++i) subjects.push_back(id(Iri(fmt::format("http://example.org/s{}", i))));
    for (int i = 0; i < 6; ++i) predicates.push_back(id(Iri(fmt::format("http://example.org/p{}", i))));
    for (int i = 0; i < 400; ++i) {
      const QuadIds quad{subjects[rng() % subjects.size()], predicates[rng() % predicates.size()],
                         MakeTermId(TermTag::kInteger, rng() % 12), kDefaultGraphId};
      reference.insert(quad);
      SILK_ASSERT_OK(txn->Insert(quad));
    }
    SILK_ASSERT_OK(txn->Commit());
  }
  const std::unique_ptr<Snapshot> snapshot = store().GetSnapshot();
  std::unique_ptr<QuadIterator> reused;
  int left_early = 0;
  for (int round = 0; round < 3000; ++round) {
    QuadPattern pattern;
    pattern.s = subjects[rng() % subjects.size()];
    if (rng() % 4 != 0) pattern.p = predicates[rng() % predicates.size()];
    if (pattern.p && rng() % 3 == 0) pattern.o = MakeTermId(TermTag::kInteger, rng() % 12);
    if (pattern.p && !pattern.o && rng() % 3 == 0) {
      const std::uint64_t a = rng() % 12;
      const std::uint64_t b = rng() % 12;
      pattern.o_range = {MakeTermId(TermTag::kInteger, std::min(a, b)),
                         MakeTermId(TermTag::kInteger, std::max(a, b))};
    }
    pattern.held = static_cast<std::uint8_t>(rng() % 2);  // s held, or its filter asked
    std::vector<QuadIds> expected;
    for (const QuadIds& q : reference) {
      if (Matches(pattern, q)) expected.push_back(q);
    }
    if (!reused || !reused->Seek(pattern)) reused = snapshot->Scan(pattern);
    // Now and then only the start of a range is read before the next seek.
    const std::size_t read = rng() % 5 == 0 ? rng() % 4 : expected.size() + 1;
    std::vector<QuadIds> sought;
    for (; reused->Valid() && sought.size() < read; reused->Next()) sought.push_back(reused->quad());
    SILK_ASSERT_OK(reused->status());
    if (read <= expected.size()) {
      ++left_early;
      expected.resize(read);
      sought.resize(std::min(sought.size(), read));
    }
    ASSERT_EQ(sought, expected) << "round " << round;
  }
  EXPECT_GT(left_early, 100);
}

INSTANTIATE_TEST_SUITE_P(CommitPaths, StoreScanTest,
                         ::testing::Values(CommitPath::kBatch, CommitPath::kIngest),
                         [](const ::testing::TestParamInfo<CommitPath>& param) {
                           return param.param == CommitPath::kBatch ? "Batch" : "Ingest";
                         });

}  // namespace
}  // namespace silk::storage::testing
