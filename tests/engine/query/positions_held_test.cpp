// Operators say at which quad positions the store holds the values of each column
// (Operator::PositionsHeld), so that an index join's probes with such values skip the bloom
// filters. A position claimed wrongly would only cost speed; these tests check that the claims
// follow each operator's rows: a join holds a value where either side does, a union only where
// every input does, OPTIONAL where the side that binds it does.
#include <gtest/gtest.h>

#include <memory>
#include <utility>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/expr/row_expression.h"
#include "engine/query/operators/operators.h"
#include "engine/query/operators/scan_pattern.h"
#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

using query::OperatorPtr;
using query::ScanPattern;
using query::VarId;

constexpr std::uint8_t kS = 1 << query::kS;
constexpr std::uint8_t kP = 1 << query::kP;
constexpr std::uint8_t kO = 1 << query::kO;

// ?a <p> ?b, with variables a and b and the predicate id p.
ScanPattern Pattern(VarId a, storage::TermId p, VarId b) {
  ScanPattern pattern;
  pattern.slots[query::kS].variable = a;
  pattern.slots[query::kP].constant = p;
  pattern.slots[query::kO].variable = b;
  return pattern;
}

class PositionsHeldTest : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    snapshot_ = store_->GetSnapshot();
    ctx_ = std::make_unique<query::ExecContext>(*snapshot_, query::QueryLimits{});
  }
  void TearDown() override {
    ctx_.reset();
    snapshot_.reset();  // before the store closes
    QueryFixture::TearDown();
  }
  OperatorPtr Scan(VarId a, VarId b) { return MakeIndexScan(*ctx_, Pattern(a, 7, b), 10); }

  std::unique_ptr<storage::Snapshot> snapshot_;
  std::unique_ptr<query::ExecContext> ctx_;
  static constexpr VarId x = 0, y = 1, z = 2, w = 3;
};

TEST_F(PositionsHeldTest, AScanHoldsEachVariableWhereItStands) {
  OperatorPtr scan = Scan(x, y);
  EXPECT_EQ(scan->PositionsHeld(x), kS);
  EXPECT_EQ(scan->PositionsHeld(y), kO);
  EXPECT_EQ(scan->PositionsHeld(z), 0);
  ScanPattern any_predicate = Pattern(x, 7, x);  // ?x ?z ?x
  any_predicate.slots[query::kP] = {std::nullopt, z};
  OperatorPtr both = MakeIndexScan(*ctx_, any_predicate, 10);
  EXPECT_EQ(both->PositionsHeld(x), kS | kO);
  EXPECT_EQ(both->PositionsHeld(z), kP);
}

TEST_F(PositionsHeldTest, AJoinHoldsAValueWhereEitherSideDoes) {
  OperatorPtr index_join = MakeIndexJoin(*ctx_, Scan(x, y), Pattern(y, 7, z), 10);
  EXPECT_EQ(index_join->PositionsHeld(x), kS);
  EXPECT_EQ(index_join->PositionsHeld(y), kO | kS);
  EXPECT_EQ(index_join->PositionsHeld(z), kO);

  OperatorPtr hash_join = MakeHashJoin(*ctx_, Scan(x, y), Scan(y, z), 10);
  EXPECT_EQ(hash_join->PositionsHeld(y), kO | kS);
  // Through the operators that keep their input's values.
  OperatorPtr kept = MakeDistinct(*ctx_, MakeSlice(*ctx_, std::move(hash_join), 0, 5));
  EXPECT_EQ(kept->PositionsHeld(y), kO | kS);
  OperatorPtr projected = MakeProject(*ctx_, std::move(kept), {z});
  EXPECT_EQ(projected->PositionsHeld(z), kO);
  EXPECT_EQ(projected->PositionsHeld(y), 0);  // not a column any more
}

TEST_F(PositionsHeldTest, OptionalHoldsAValueWhereTheSideThatBindsItDoes) {
  OperatorPtr left_join = MakeLeftJoin(*ctx_, Scan(x, y), Scan(y, z), nullptr);
  EXPECT_EQ(left_join->PositionsHeld(y), kO);  // the left side's, joined or not
  EXPECT_EQ(left_join->PositionsHeld(z), kO);  // the right side's, when bound
  OperatorPtr index_left_join =
      MakeIndexLeftJoin(*ctx_, Scan(x, y), Pattern(y, 7, z), 10, nullptr);
  EXPECT_EQ(index_left_join->PositionsHeld(y), kO);
  EXPECT_EQ(index_left_join->PositionsHeld(z), kO);

  // A join on a value the left side may leave unbound: its rows take it from the right side.
  OperatorPtr after_optional =
      MakeHashJoin(*ctx_, MakeLeftJoin(*ctx_, Scan(x, y), Scan(w, z), nullptr), Scan(z, y), 10);
  EXPECT_EQ(after_optional->PositionsHeld(z), kS);
  EXPECT_EQ(after_optional->PositionsHeld(y), kO);
}

TEST_F(PositionsHeldTest, AUnionHoldsAValueOnlyWhereEveryInputDoes) {
  std::vector<OperatorPtr> inputs;
  inputs.push_back(Scan(x, y));
  inputs.push_back(Scan(y, x));
  inputs.push_back(Scan(x, z));
  OperatorPtr u = MakeUnion(*ctx_, std::move(inputs));
  EXPECT_EQ(u->PositionsHeld(x), 0);   // a subject in two inputs, an object in one
  EXPECT_EQ(u->PositionsHeld(y), 0);   // an object in one input, a subject in another
  EXPECT_EQ(u->PositionsHeld(z), kO);  // bound by one input only
}

TEST_F(PositionsHeldTest, ComputedValuesAreNotHeld) {
  query::IdTable rows(1);
  rows.AddRow()[0] = 42;
  OperatorPtr values = MakeValues(*ctx_, {x}, std::move(rows));
  EXPECT_EQ(values->PositionsHeld(x), 0);
  OperatorPtr join = MakeIndexJoin(*ctx_, std::move(values), Pattern(x, 7, y), 10);
  EXPECT_EQ(join->PositionsHeld(x), kS);  // only rows whose x the pattern matched
}

// A star holds what its index joins one after another would: an inner pattern's values
// where it holds them, an OPTIONAL one's only for the variables it adds.
TEST_F(PositionsHeldTest, AStarHoldsWhatItsJoinsWould) {
  auto values = [&] {
    query::IdTable rows(1);
    rows.AddRow()[0] = 42;
    return MakeValues(*ctx_, {x}, std::move(rows));
  };
  OperatorPtr optional_star = MakeIndexLeftJoin(
      *ctx_, MakeIndexLeftJoin(*ctx_, values(), Pattern(x, 7, y), 10, nullptr, {}, {{}}),
      Pattern(x, 8, z), 10, nullptr, {}, std::vector<VarId>{});
  // One star over VALUES, not an index join over another.
  ASSERT_TRUE(optional_star->children()[0]->children().empty());
  EXPECT_EQ(optional_star->PositionsHeld(x), 0);  // rows without a match keep VALUES' x
  EXPECT_EQ(optional_star->PositionsHeld(y), kO);
  EXPECT_EQ(optional_star->PositionsHeld(z), kO);

  OperatorPtr star = MakeIndexLeftJoin(*ctx_, MakeIndexJoin(*ctx_, values(), Pattern(x, 7, y), 10),
                                       Pattern(x, 8, z), 10, nullptr, {}, std::vector<VarId>{});
  ASSERT_TRUE(star->children()[0]->children().empty());
  EXPECT_EQ(star->PositionsHeld(x), kS);  // only rows whose x the inner pattern matched
  EXPECT_EQ(star->PositionsHeld(y), kO);
  EXPECT_EQ(star->PositionsHeld(z), kO);
}

// A plain variable, as the expression compiler makes one: it reads column `column`.
class ColumnExpression final : public query::RowExpression {
 public:
  explicit ColumnExpression(int column) : column_(column) {}
  query::expr::EvalResult Evaluate(std::span<const storage::TermId>) override {
    return std::nullopt;
  }
  std::string ToString() const override { return "?column"; }
  std::optional<int> VariableColumn() const override { return column_; }

 private:
  int column_;
};

TEST_F(PositionsHeldTest, AGroupKeepsWhereItsKeysAreHeld) {
  OperatorPtr input = Scan(x, y);
  std::vector<query::GroupKey> keys;
  keys.push_back({z, std::make_unique<ColumnExpression>(input->ColumnOf(y))});
  std::vector<query::AggregateColumn> aggregates;
  aggregates.push_back({w, query::expr::AggregateSpec{}, nullptr});  // COUNT(*)
  OperatorPtr group = MakeGroup(*ctx_, std::move(input), std::move(keys), std::move(aggregates));
  EXPECT_EQ(group->PositionsHeld(z), kO);  // the key, ?y's values under another name
  EXPECT_EQ(group->PositionsHeld(w), 0);   // a count is computed

  // Counted from the store's keys: the group key is the counted pattern's value.
  query::PatternCount count;
  count.counted = Pattern(x, 7, y);
  count.per = y;
  OperatorPtr counted = MakeCountScan(*ctx_, std::move(count), {w}, 10);
  EXPECT_EQ(counted->PositionsHeld(y), kO);
  EXPECT_EQ(counted->PositionsHeld(w), 0);
}

// The join's probes carry the claim to the store: only for the slots a probe binds.
TEST_F(PositionsHeldTest, AProbeClaimsTheSlotsItBindsFromHeldValues) {
  OperatorPtr left = Scan(x, y);
  const ScanPattern probed = query::WithProbesHeld(Pattern(x, 7, z), *left);
  EXPECT_EQ(probed.held, kS);
  const ScanPattern by_object = query::WithProbesHeld(Pattern(z, 7, y), *left);
  EXPECT_EQ(by_object.held, kO);
  // y, an object on the left, need not be anyone's subject.
  EXPECT_EQ(query::WithProbesHeld(Pattern(y, 7, z), *left).held, 0);

  const storage::QuadPattern quads =
      query::ToQuadPattern(probed, {storage::TermId{5}, std::nullopt, std::nullopt, std::nullopt});
  EXPECT_EQ(quads.held, kS);
  const storage::QuadPattern unbound = query::ToQuadPattern(probed, {});
  EXPECT_EQ(unbound.held, 0);  // nothing bound, nothing claimed
}

}  // namespace
}  // namespace silk::testing
