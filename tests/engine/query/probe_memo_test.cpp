// An index join answers a probe that repeats an earlier one from that probe's matches
// (ProbeMemo, in TwoEndedProbes): the rows, and their order, are those of the plan as written
// and of one thread; it stops when probes do not repeat, when a probe has too many matches to
// keep, and when the query's memory limit is near.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/operators/probe_memo.h"
#include "tests/engine/query/against_one_thread.h"

namespace silk::testing {
namespace {

using query::ProbeBindings;
using query::ProbeMemo;
using query::ProbeValues;
using storage::QuadIds;

ProbeBindings Subject(storage::TermId s) { return {s, std::nullopt, std::nullopt, std::nullopt}; }

std::vector<QuadIds> Quads(std::size_t count, storage::TermId s) {
  std::vector<QuadIds> quads;
  for (std::size_t i = 0; i < count; ++i) quads.push_back({s, 7, 100 + i, 0});
  return quads;
}

using Recall = ProbeMemo::Recall;

std::vector<QuadIds> Found(const Recall& recall) {
  EXPECT_EQ(recall.kind, Recall::kMatches);
  return std::vector<QuadIds>(recall.matches.begin(), recall.matches.end());
}

class ProbeMemoTest : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    snapshot_ = store_->GetSnapshot();
  }
  void TearDown() override {
    snapshot_.reset();  // before the store closes
    QueryFixture::TearDown();
  }
  std::unique_ptr<storage::Snapshot> snapshot_;
};

TEST_F(ProbeMemoTest, AnswersAProbeItRememberedWithItsMatches) {
  query::ExecContext ctx(*snapshot_, {});
  ProbeMemo memo(ctx);
  EXPECT_EQ(memo.Find(Subject(1)).kind, Recall::kUnknown);
  memo.Remember(Subject(1), Quads(3, 1));
  memo.Remember(Subject(2), {});  // a probe that found nothing is worth remembering too
  memo.Remember(Subject(3), Quads(ProbeMemo::kMaxMatchesPerProbe + 1, 3));
  EXPECT_EQ(Found(memo.Find(Subject(1))), Quads(3, 1));
  EXPECT_EQ(Found(memo.Find(Subject(2))), std::vector<QuadIds>{});
  EXPECT_EQ(memo.Find(Subject(3)).kind, Recall::kTooMany);  // to be streamed
  // The same values in another slot are another probe.
  EXPECT_EQ(memo.Find({std::nullopt, std::nullopt, 1, std::nullopt}).kind, Recall::kUnknown);
  EXPECT_EQ(memo.hits(), 2u);
  EXPECT_GT(ctx.memory_used(), 0u);
}

TEST_F(ProbeMemoTest, MarksTheRowsOfABatchThatRepeatAProbe) {
  query::ExecContext ctx(*snapshot_, {});
  ProbeMemo memo(ctx);
  memo.Remember(Subject(9), Quads(1, 9));
  const std::vector<ProbeValues> batch = {Subject(1), Subject(2), Subject(1), std::nullopt,
                                          Subject(9), Subject(2)};
  EXPECT_EQ(memo.Repeats(batch), (std::vector<bool>{false, false, true, false, true, true}));
}

// Probes with too many matches to keep are streamed; once there have been many, reading the
// first matches of each to find out is not worth it.
TEST_F(ProbeMemoTest, StopsAfterManyProbesWithTooManyMatches) {
  query::ExecContext ctx(*snapshot_, {});
  ProbeMemo memo(ctx);
  for (storage::TermId s = 1; s <= 64; ++s) memo.RememberTooMany(Subject(s));
  EXPECT_TRUE(memo.active());
  memo.RememberTooMany(Subject(65));
  EXPECT_FALSE(memo.active());
}

TEST_F(ProbeMemoTest, StopsWhenProbesDoNotRepeat) {
  query::ExecContext ctx(*snapshot_, {});
  ProbeMemo memo(ctx);
  std::vector<ProbeValues> batch;
  for (storage::TermId s = 1; s <= 2000; ++s) batch.push_back(Subject(s));
  memo.Remember(Subject(1), Quads(1, 1));
  EXPECT_EQ(memo.Repeats(batch), std::vector<bool>(batch.size(), false));
  EXPECT_FALSE(memo.active());
  memo.Remember(Subject(5), Quads(1, 5));
  EXPECT_EQ(memo.Find(Subject(1)).kind, Recall::kUnknown);
  EXPECT_EQ(ctx.memory_used(), 0u);
}

TEST_F(ProbeMemoTest, ForgetsTheOldProbesWhenFull) {
  query::ExecContext ctx(*snapshot_, {});
  ProbeMemo memo(ctx);
  const storage::TermId probes = 70000;  // more than it holds
  for (storage::TermId s = 1; s <= probes; ++s) memo.Remember(Subject(s), Quads(2, s));
  EXPECT_TRUE(memo.active());
  EXPECT_EQ(memo.Find(Subject(1)).kind, Recall::kUnknown);
  EXPECT_EQ(Found(memo.Find(Subject(probes))), Quads(2, probes));
  EXPECT_LT(ctx.memory_used(), std::uint64_t{16} << 20);
}

TEST_F(ProbeMemoTest, GivesWayToTheQuerysMemoryLimit) {
  query::QueryLimits limits;
  limits.memory_limit = 64 << 10;
  query::ExecContext ctx(*snapshot_, limits);
  ProbeMemo memo(ctx);
  for (storage::TermId s = 1; s <= 5000 && memo.active(); ++s) {
    memo.Remember(Subject(s), Quads(4, s));
  }
  EXPECT_FALSE(memo.active());
  EXPECT_LE(ctx.memory_used(), limits.memory_limit);
}

// Through the engine: 3,000 people, each a member of one or two of 40 organisations, each
// organisation in one of 5 countries; one organisation also has 3,000 sites (more matches
// than a probe keeps), and some have no country.
class RepeatedProbes : public AgainstOneThread {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    for (int i = 0; i < 3000; ++i) {
      const std::string person = Iri("person" + std::to_string(i));
      data += person + " " + Iri("in") + " " + Iri("club") + " .\n";
      for (int j = 0; j <= i % 2; ++j) {
        const std::string org = Iri("org" + std::to_string((i + j * 7) % 40));
        data += person + " " + Iri("memberOf") + " " + org + " .\n";
      }
    }
    for (int i = 0; i < 40; ++i) {
      if (i % 9 == 4) continue;
      data += Iri("org" + std::to_string(i)) + " " + Iri("locatedIn") + " " +
              Iri("country" + std::to_string(i % 5)) + " .\n";
      data += Iri("org" + std::to_string(i)) + " " + Iri("size") + " \"" + std::to_string(i) +
              "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
    }
    for (int i = 0; i < 3000; ++i) {
      data += Iri("org0") + " " + Iri("locatedIn") + " " + Iri("site" + std::to_string(i)) + " .\n";
    }
    // Seeking stays cheaper than reading locatedIn and size whole.
    for (int i = 0; i < 100000; ++i) {
      data += Iri("x" + std::to_string(i)) + " " + Iri("locatedIn") + " " + Iri("y") + " .\n";
      data += Iri("x" + std::to_string(i)) + " " + Iri("size") + " " + Iri("y") + " .\n";
    }
    Load(data);
  }

  // The rows of `query` as the plan as written gives them.
  void ExpectNaiveRows(const std::string& query) {
    const std::vector<std::string> rows = Rows(query);
    options_.rewrite = false;
    EXPECT_EQ(Rows(query), rows) << query;
    options_.rewrite = true;
  }
};

TEST_F(RepeatedProbes, GiveTheRowsOfThePlanAsWritten) {
  const std::string members =
      "?p " + Iri("in") + " " + Iri("club") + " . ?p " + Iri("memberOf") + " ?o . ";
  const std::string located = "?o " + Iri("locatedIn") + " ?c";
  const std::vector<std::string> queries = {
      "SELECT * WHERE { " + members + located + " }",
      "SELECT * WHERE { " + members + "OPTIONAL { " + located + " } }",
      "SELECT * WHERE { " + members + "OPTIONAL { ?o " + Iri("size") + " ?n FILTER(?n > 20) } }",
      "SELECT ?c (COUNT(*) AS ?n) WHERE { " + members + located + " } GROUP BY ?c",
      // A hash join's small left side looked up row by row (IndexLookups).
      "SELECT * WHERE { " + members + "MINUS { ?o " + Iri("size") + " ?n } }",
  };
  for (const std::string& query : queries) {
    const std::string plan = Plan("ANALYZE " + query);
    EXPECT_TRUE(plan.find("answered by an earlier probe") != std::string::npos ||
                plan.find("answered by an earlier lookup") != std::string::npos)
        << plan;
    ExpectNaiveRows(query);
    ExpectSameOutput(query);
  }
  // A consumer that stops early: the first rows, in the order of one thread.
  ExpectSameOutput("SELECT * WHERE { " + members + located + " } LIMIT 2500");
}
}  // namespace
}  // namespace silk::testing
