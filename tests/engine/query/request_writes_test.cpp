// The store as an update request sees it between operations: the base snapshot with the
// request's changes laid over it.
#include "engine/query/update/request_writes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

class RequestWritesTest : public QueryFixture {
 protected:
  storage::TermId Id(std::string_view iri) {
    auto id = store_->GetSnapshot()->Lookup(rdf::TermView::Iri(iri));
    EXPECT_TRUE(id.ok() && id->has_value()) << iri;
    return id.ok() && id->has_value() ? **id : 0;
  }
  static std::vector<storage::QuadIds> All(const storage::Snapshot& view,
                                           const storage::QuadPattern& pattern) {
    std::vector<storage::QuadIds> quads;
    auto it = view.Scan(pattern);
    for (; it->Valid(); it->Next()) quads.push_back(it->quad());
    EXPECT_TRUE(it->status().ok());
    return quads;
  }
};

// With two of subject, predicate and object bound, scans promise the third in id order (then
// the graph): merge joins rely on it, so the added quads must be merged in, not appended.
TEST_F(RequestWritesTest, ScansKeepTheIndexOrderWithAddedQuads) {
  Load("<http://e/s> <http://e/p> <http://e/o1> .\n"
       "<http://e/s> <http://e/p> <http://e/o3> .\n"
       "<http://e/s> <http://e/p> <http://e/o5> <http://e/g> .\n"
       "<http://e/s> <http://e/q> <http://e/o2> .\n");
  auto tx = store_->BeginWrite();
  auto base = store_->GetSnapshot();
  query::RequestWrites writes(*tx, *base);
  // http://e/s has the smallest id of all: added, it must come first, not after the base's.
  for (const char* o : {"http://e/o4", "http://e/o0", "http://e/o2", "http://e/s"}) {
    auto oid = writes.Encode(rdf::TermView::Iri(o));
    ASSERT_TRUE(oid.ok());
    ASSERT_TRUE(writes.Insert(storage::QuadIds{Id("http://e/s"), Id("http://e/p"), *oid,
                                               storage::kDefaultGraphId})
                    .ok());
  }
  ASSERT_TRUE(writes
                  .Delete(storage::QuadIds{Id("http://e/s"), Id("http://e/p"), Id("http://e/o3"),
                                           storage::kDefaultGraphId})
                  .ok());
  storage::QuadPattern pattern;
  pattern.s = Id("http://e/s");
  EXPECT_EQ(All(writes.view(), pattern).size(), 4u);  // the base: the operation has not ended
  writes.EndOperation();
  pattern.p = Id("http://e/p");
  const std::vector<storage::QuadIds> quads = All(writes.view(), pattern);
  EXPECT_EQ(quads.size(), 6u);  // o1, o5 (in g), o4, o0, o2, s; not o3
  EXPECT_TRUE(std::is_sorted(quads.begin(), quads.end(), [](const auto& a, const auto& b) {
    return std::tie(a.o, a.g) < std::tie(b.o, b.g);
  }));
  // New terms are found and decoded through the view.
  auto o4 = writes.view().Lookup(rdf::TermView::Iri("http://e/o4"));
  ASSERT_TRUE(o4.ok() && o4->has_value());
  auto decoded = writes.view().Decode(**o4);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->value, "http://e/o4");
}

TEST_F(RequestWritesTest, AnEmptiedGraphHidesItsQuadsButNotLaterOnes) {
  Load("<http://e/a> <http://e/p> <http://e/x> <http://e/g> .\n"
       "<http://e/b> <http://e/p> <http://e/x> <http://e/g> .\n"
       "<http://e/c> <http://e/p> <http://e/x> .\n");
  auto tx = store_->BeginWrite();
  auto base = store_->GetSnapshot();
  query::RequestWrites writes(*tx, *base);
  const storage::TermId g = Id("http://e/g");
  ASSERT_TRUE(writes.ClearGraphs(query::RequestWrites::Graphs::kOne, g).ok());
  const storage::QuadIds again{Id("http://e/a"), Id("http://e/p"), Id("http://e/x"), g};
  ASSERT_TRUE(writes.Insert(again).ok());
  writes.EndOperation();
  storage::QuadPattern in_g;
  in_g.g = g;
  EXPECT_EQ(All(writes.view(), in_g), (std::vector<storage::QuadIds>{again}));
  EXPECT_EQ(All(writes.view(), {}).size(), 2u);
  ASSERT_TRUE(writes.ClearGraphs(query::RequestWrites::Graphs::kAll).ok());
  writes.EndOperation();
  EXPECT_TRUE(All(writes.view(), {}).empty());
}

}  // namespace
}  // namespace silk::testing
