// A pattern's matches read a run at a time (PatternCursor::Read, ReadInto) are those read one
// at a time (Next), in the same order, and those a model of the pattern's meaning selects:
// random patterns with constants, substituted values, a repeated variable, the three graph
// scopes, merged graphs and object ranges (sought, or checked on each key), over triples held
// in the default graph and in named graphs, read through the key pages and from the store.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/query/operators/scan_pattern.h"
#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

using query::GraphScope;
using query::PatternCursor;
using query::ScanPattern;
using storage::QuadIds;
using storage::TermId;
using Bound = std::array<std::optional<TermId>, 4>;

class PatternCursorTest : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::mt19937 rng(11);
    std::string data;
    for (int i = 0; i < 3000; ++i) {
      const std::string s = Iri("s" + std::to_string(rng() % 40));
      const std::string p = Iri("p" + std::to_string(rng() % 3));
      // Objects: integers, and subjects (some of them the triple's own: ?x :p ?x).
      const std::string o =
          rng() % 3 == 0 ? (rng() % 4 == 0 ? s : Iri("s" + std::to_string(rng() % 40)))
                         : "\"" + std::to_string(rng() % 500) +
                               "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
      const unsigned where = rng() % 4;  // default graph, g1, g2, or both named graphs
      if (where == 0) data += s + " " + p + " " + o + " .\n";
      if (where == 1 || where == 3) data += s + " " + p + " " + o + " " + Iri("g1") + " .\n";
      if (where == 2 || where == 3) data += s + " " + p + " " + o + " " + Iri("g2") + " .\n";
    }
    Load(data);
    snapshot_ = store_->GetSnapshot();
    for (const auto& it = snapshot_->Scan({}); it->Valid(); it->Next()) quads_.push_back(it->quad());
    ASSERT_FALSE(quads_.empty());
    for (const QuadIds& quad : quads_) {
      subjects_.insert(quad.s);
      predicates_.insert(quad.p);
      objects_.insert(quad.o);
      if (quad.g != storage::kDefaultGraphId) graphs_.insert(quad.g);
    }
  }

  void TearDown() override {
    snapshot_.reset();  // before the store goes
    QueryFixture::TearDown();
  }

  template <typename T>
  static T Pick(const std::set<T>& values, std::mt19937& rng) {
    return *std::next(values.begin(), static_cast<std::ptrdiff_t>(rng() % values.size()));
  }

  ScanPattern RandomPattern(std::mt19937& rng) const {
    ScanPattern pattern;
    const query::VarId x = 0, y = 1, z = 2, g = 3;
    pattern.slots[query::kS] = rng() % 4 == 0 ? query::ScanSlot{Pick(subjects_, rng), {}}
                                              : query::ScanSlot{{}, x};
    pattern.slots[query::kP] = rng() % 2 == 0 ? query::ScanSlot{Pick(predicates_, rng), {}}
                                              : query::ScanSlot{{}, y};
    switch (rng() % 4) {
      case 0: pattern.slots[query::kO] = {Pick(objects_, rng), {}}; break;
      case 1: pattern.slots[query::kO] = {{}, x}; break;  // repeats the subject's variable
      default: pattern.slots[query::kO] = {{}, z}; break;
    }
    switch (rng() % 5) {
      case 0: pattern.slots[query::kG] = {Pick(graphs_, rng), {}}; break;
      case 1: pattern.slots[query::kG] = {{}, g}; pattern.scope = GraphScope::kNamed; break;
      case 2:
        pattern.slots[query::kG] = {{}, g};
        pattern.scope = GraphScope::kSet;
        pattern.graphs = {Pick(graphs_, rng)};
        if (rng() % 2 == 0) pattern.graphs.push_back(storage::kDefaultGraphId);
        std::sort(pattern.graphs.begin(), pattern.graphs.end());
        break;
      case 3: pattern.slots[query::kG] = {{}, g}; break;  // every graph, the default one too
      default: break;  // merged: a triple once however many graphs hold it
    }
    if (!pattern.slots[query::kO].constant && rng() % 2 == 0) {
      std::vector<TermId> ends;
      for (int i = 0; i < 4; ++i) ends.push_back(Pick(objects_, rng));
      std::sort(ends.begin(), ends.end());
      pattern.object_ranges = {{ends[0], ends[1]}};
      if (ends[1] < ends[2]) pattern.object_ranges.emplace_back(ends[2], ends[3]);
    }
    return pattern;
  }

  // What `pattern` with `bound` substituted means, from the whole store: as a multiset.
  std::multiset<QuadIds> Expected(const ScanPattern& pattern, const Bound& bound) const {
    std::multiset<QuadIds> expected;
    std::set<std::array<TermId, 3>> triples;
    for (const QuadIds& quad : quads_) {
      const TermId values[4] = {quad.s, quad.p, quad.o, quad.g};
      bool match = true;
      for (int i = 0; i < 4; ++i) {
        const query::ScanSlot& slot = pattern.slots[i];
        if (slot.constant && *slot.constant != values[i]) match = false;
        if (!slot.constant && bound[i] && *bound[i] != values[i]) match = false;
        for (int j = 0; j < i; ++j) {
          if (slot.variable && pattern.slots[j].variable == slot.variable &&
              values[j] != values[i]) {
            match = false;
          }
        }
      }
      if (!pattern.slots[query::kG].constant) {
        if (pattern.scope == GraphScope::kNamed && quad.g == storage::kDefaultGraphId) match = false;
        if (pattern.scope == GraphScope::kSet &&
            !std::binary_search(pattern.graphs.begin(), pattern.graphs.end(), quad.g)) {
          match = false;
        }
      }
      if (!pattern.object_ranges.empty() && !pattern.slots[query::kO].constant && !bound[query::kO] &&
          std::none_of(pattern.object_ranges.begin(), pattern.object_ranges.end(),
                       [&](const auto& r) { return r.first <= quad.o && quad.o <= r.second; })) {
        match = false;
      }
      if (!match) continue;
      if (pattern.MergesGraphs() && !triples.insert({quad.s, quad.p, quad.o}).second) continue;
      expected.insert(quad);
    }
    return expected;
  }

  std::unique_ptr<storage::Snapshot> snapshot_;
  std::vector<QuadIds> quads_;
  std::set<TermId> subjects_, predicates_, objects_, graphs_;
};

std::vector<QuadIds> ByNext(PatternCursor& cursor) {
  std::vector<QuadIds> quads;
  while (std::optional<QuadIds> quad = cursor.Next()) quads.push_back(*quad);
  return quads;
}

// Reads with Read and ReadInto in runs of random lengths.
std::vector<QuadIds> ByRuns(PatternCursor& cursor, std::mt19937& rng) {
  std::vector<QuadIds> quads;
  std::vector<QuadIds> run;
  for (;;) {
    const std::size_t want = 1 + rng() % 70;
    if (rng() % 2 == 0) {
      if (!query::ReadInto(cursor, quads, quads.size() + want)) return quads;
      continue;
    }
    run.assign(want, QuadIds{});
    const std::size_t got = cursor.Read(run);
    quads.insert(quads.end(), run.begin(), run.begin() + static_cast<std::ptrdiff_t>(got));
    if (got < want) return quads;
  }
}

TEST_F(PatternCursorTest, RunsHoldWhatSingleStepsAndTheModelHold) {
  std::mt19937 rng(5);
  int nonempty = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const ScanPattern pattern = RandomPattern(rng);
    Bound bound;
    if (!pattern.slots[query::kS].constant && rng() % 3 == 0) bound[query::kS] = Pick(subjects_, rng);
    const std::multiset<QuadIds> expected = Expected(pattern, bound);
    nonempty += expected.empty() ? 0 : 1;
    // Twice: the first read gathers key pages, the second reads them.
    for (int pass = 0; pass < 2; ++pass) {
      PatternCursor one(*snapshot_, pattern, bound);
      const std::vector<QuadIds> by_next = ByNext(one);
      PatternCursor runs(*snapshot_, pattern, bound);
      ASSERT_EQ(ByRuns(runs, rng), by_next) << "trial " << trial;
      ASSERT_EQ(std::multiset<QuadIds>(by_next.begin(), by_next.end()), expected)
          << "trial " << trial;
    }
    // A cursor restarted for another subject, after reading part of this probe.
    if (!pattern.slots[query::kS].constant) {
      PatternCursor cursor(*snapshot_, pattern, bound);
      std::vector<QuadIds> part(rng() % 5);
      cursor.Read(part);
      Bound next;
      next[query::kS] = Pick(subjects_, rng);
      cursor.Restart(next);
      const std::vector<QuadIds> restarted = ByRuns(cursor, rng);
      EXPECT_TRUE(ByRuns(cursor, rng).empty()) << "a cursor read to its end gives nothing more";
      PatternCursor fresh(*snapshot_, pattern, next);
      EXPECT_EQ(restarted, ByNext(fresh)) << "trial " << trial;
      EXPECT_EQ(std::multiset<QuadIds>(restarted.begin(), restarted.end()),
                Expected(pattern, next));
    }
  }
  EXPECT_GT(nonempty, 100) << "the random patterns should mostly match something";
}

}  // namespace
}  // namespace silk::testing
