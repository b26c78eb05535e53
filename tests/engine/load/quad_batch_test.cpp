#include "engine/load/quad_batch.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace silk::load {
namespace {

using rdf::TermView;

TEST(QuadBatchTest, GivesBackEveryFieldOfEveryTerm) {
  std::vector<rdf::Quad> quads;
  quads.emplace_back(rdf::QuadView{TermView::Iri("http://e/s"), TermView::Iri("http://e/p"),
                                   TermView::Literal("hello", {}, "en-GB"),
                                   TermView::DefaultGraph()});
  quads.emplace_back(rdf::QuadView{TermView::Blank("b1"), TermView::Iri("http://e/p"),
                                   TermView::Literal("", {}, {}), TermView::Iri("http://e/g")});
  quads.emplace_back(rdf::QuadView{TermView::Blank("b1"), TermView::Iri("http://e/q"),
                                   TermView::Literal("42", rdf::kXsdString, {}),
                                   TermView::Iri("http://e/g")});
  QuadBatch batch;
  for (const rdf::Quad& quad : quads) {
    // The batch must not keep views into what it was given.
    rdf::Quad copy = quad;
    batch.Add(copy.view());
    copy = rdf::Quad();
  }
  ASSERT_EQ(batch.size(), quads.size());
  for (std::size_t i = 0; i < quads.size(); ++i) {
    EXPECT_EQ(rdf::Quad(batch.quad(i)), quads[i]) << i;
    EXPECT_EQ(batch.quad(i).subject.kind, quads[i].subject.kind);
  }
  EXPECT_TRUE(batch.quad(0).graph.IsDefaultGraph());
}

TEST(QuadBatchTest, IsFullAtTheStatementOrByteLimitAndReusable) {
  QuadBatch batch;
  const rdf::QuadView small{TermView::Iri("http://e/s"), TermView::Iri("http://e/p"),
                            TermView::Literal("o"), TermView::DefaultGraph()};
  for (std::size_t i = 0; i < QuadBatch::kMaxQuads; ++i) {
    EXPECT_FALSE(batch.full());
    batch.Add(small);
  }
  EXPECT_TRUE(batch.full());
  batch.Clear();
  EXPECT_TRUE(batch.empty());
  EXPECT_FALSE(batch.full());

  // One statement larger than the byte limit is held whole.
  const std::string big(QuadBatch::kMaxBytes + 10, 'x');
  batch.Add(small);
  batch.Add({TermView::Iri("http://e/s"), TermView::Iri("http://e/p"), TermView::Literal(big),
             TermView::DefaultGraph()});
  EXPECT_TRUE(batch.full());
  EXPECT_EQ(batch.quad(1).object.value, big);
  EXPECT_EQ(batch.quad(0).object.value, "o");  // kept across the buffer's growth
}

}  // namespace
}  // namespace silk::load
