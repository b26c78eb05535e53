// A query asks its snapshot for each pattern's estimate once (ExecContext::EstimateQuads):
// planning weighs every join order with the same patterns, and each answer reads keys.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/query/exec_context.h"
#include "tests/engine/query/against_one_thread.h"

namespace silk::testing {
namespace {

using storage::QuadPattern;

// Passes everything on to `base`, counting the estimates asked of it.
class CountingSnapshot final : public storage::Snapshot {
 public:
  explicit CountingSnapshot(const storage::Snapshot& base) : base_(base) {}

  std::unique_ptr<storage::QuadIterator> Scan(const QuadPattern& pattern) const override {
    return base_.Scan(pattern);
  }
  Result<std::uint64_t> Count(const QuadPattern& pattern) const override {
    return base_.Count(pattern);
  }
  Result<std::vector<storage::GroupCount>> CountPer(
      const storage::CountRequest& request) const override {
    return base_.CountPer(request);
  }
  std::uint64_t Estimate(const QuadPattern& pattern) const override {
    ++estimates;
    return base_.Estimate(pattern);
  }
  Result<storage::StoreStats> Stats() const override { return base_.Stats(); }
  Result<std::optional<storage::TermId>> Lookup(const rdf::TermView& term) const override {
    return base_.Lookup(term);
  }
  Result<rdf::Term> Decode(storage::TermId id) const override { return base_.Decode(id); }
  Result<std::vector<rdf::Term>> DecodeMany(std::span<const storage::TermId> ids) const override {
    return base_.DecodeMany(ids);
  }
  Result<std::vector<std::string>> IrisWithPrefix(std::string_view prefix,
                                                  std::size_t limit) const override {
    return base_.IrisWithPrefix(prefix, limit);
  }

  mutable int estimates = 0;

 private:
  const storage::Snapshot& base_;
};

class EstimateMemoTest : public QueryFixture {};

TEST_F(EstimateMemoTest, EachPatternIsEstimatedOncePerQuery) {
  std::string data;
  for (int i = 0; i < 300; ++i) {
    data += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"" + std::to_string(i) +
            "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  }
  Load(data);
  const std::unique_ptr<storage::Snapshot> base = store_->GetSnapshot();
  const CountingSnapshot counting(*base);
  const Result<std::optional<storage::TermId>> p = base->Lookup(rdf::TermView::Iri("http://e/p"));
  ASSERT_TRUE(p.ok() && p.value());

  QuadPattern all;
  all.p = *p.value();
  QuadPattern low = all;
  low.o_range = {*storage::InlineInteger(0), *storage::InlineInteger(49)};
  QuadPattern high = all;
  high.o_range = {*storage::InlineInteger(50), *storage::InlineInteger(299)};
  QuadPattern low_held = low;
  low_held.held = 1;  // a hint for seeks: the same count

  query::ExecContext ctx(counting, {});
  const std::uint64_t all_rows = ctx.EstimateQuads(all);
  const std::uint64_t low_rows = ctx.EstimateQuads(low);
  const std::uint64_t high_rows = ctx.EstimateQuads(high);
  EXPECT_EQ(counting.estimates, 3);
  EXPECT_EQ(ctx.EstimateQuads(all), all_rows);
  EXPECT_EQ(ctx.EstimateQuads(low), low_rows);
  EXPECT_EQ(ctx.EstimateQuads(low_held), low_rows);
  EXPECT_EQ(ctx.EstimateQuads(high), high_rows);
  EXPECT_EQ(counting.estimates, 3);
  // The answers are the snapshot's own: ranges that end within the keys read are exact.
  EXPECT_EQ(low_rows, base->Estimate(low));
  EXPECT_EQ(low_rows, 50u);
  EXPECT_EQ(all_rows, base->Estimate(all));

  // Another query asks again: the snapshot may differ.
  query::ExecContext next(counting, {});
  next.EstimateQuads(all);
  EXPECT_EQ(counting.estimates, 4);
}

}  // namespace
}  // namespace silk::testing
