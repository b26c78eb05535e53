// What a query holds of decoded terms: counted against its memory limit where it keeps them,
// bounded where it only caches them, and never the whole of a streamed result.
#include <gtest/gtest.h>

#include <string>

#include "engine/query/exec_context.h"
#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

constexpr int kTerms = 2000;
constexpr std::size_t kTermBytes = 1000;

// kTerms subjects, each with an object literal of kTermBytes, all distinct.
std::string LongLiterals() {
  std::string data;
  for (int i = 0; i < kTerms; ++i) {
    std::string text = std::to_string(i);
    text.resize(kTermBytes, 'x');
    data += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"" + text + "\" .\n";
  }
  return data;
}

class TermResolverMemory : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    Load(LongLiterals());
  }

  // The ids of the literals, from a scan.
  std::vector<storage::TermId> ObjectIds(const storage::Snapshot& snapshot) {
    std::vector<storage::TermId> ids;
    for (auto it = snapshot.Scan({}); it->Valid(); it->Next()) ids.push_back(it->quad().o);
    return ids;
  }
};

// Terms looked up one by one are kept for the query, so they count: before, the resolver
// reported none of them.
TEST_F(TermResolverMemory, KeptTermsCount) {
  std::unique_ptr<storage::Snapshot> snapshot = store_->GetSnapshot();
  query::ExecContext ctx(*snapshot, {});
  for (storage::TermId id : ObjectIds(*snapshot)) ctx.terms().TermOf(id);
  EXPECT_GE(ctx.terms().held_bytes(), kTerms * kTermBytes);
}

// Parsed values are a cache bounded by an eighth of the memory limit: a filter over more
// distinct terms than that holds stays near the bound.
TEST_F(TermResolverMemory, ParsedValuesStayWithinTheirBound) {
  std::unique_ptr<storage::Snapshot> snapshot = store_->GetSnapshot();
  query::QueryLimits limits;
  limits.memory_limit = std::uint64_t{1} << 20;  // values: 128 KiB, an eighth of the data
  query::ExecContext ctx(*snapshot, limits);
  for (storage::TermId id : ObjectIds(*snapshot)) {
    EXPECT_EQ(ctx.terms().ValueOf(id).term().value.size(), kTermBytes);
  }
  EXPECT_LT(ctx.terms().held_bytes(), (limits.memory_limit / 8) + 2 * (kTermBytes + 256));
}

// Through the façade, with a limit of a quarter of the data: a result streamed out and a
// filter over every term both finish.
TEST_F(TermResolverMemory, StreamedResultsAndFiltersFitASmallLimit) {
  options_.limits.memory_limit = kTerms * kTermBytes / 4;
  EXPECT_EQ(Rows("SELECT ?o WHERE { ?s <http://e/p> ?o }").size(), kTerms);
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/p> ?o FILTER(STRLEN(?o) > 10) }").size(), kTerms);
}

}  // namespace
}  // namespace silk::testing
