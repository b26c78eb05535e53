// Group: hashes rows by their key values and feeds each group's aggregators.
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "engine/query/operators/operators.h"

namespace silk::query {
namespace {

std::vector<VarId> GroupColumns(const std::vector<GroupKey>& keys,
                                const std::vector<AggregateColumn>& aggregates) {
  std::vector<VarId> columns;
  for (const GroupKey& key : keys) columns.push_back(key.var);
  for (const AggregateColumn& aggregate : aggregates) columns.push_back(aggregate.var);
  return columns;
}

class Group final : public Operator {
 public:
  Group(ExecContext& ctx, OperatorPtr input, std::vector<GroupKey> keys,
        std::vector<AggregateColumn> aggregates)
      : Operator(ctx, GroupColumns(keys, aggregates)), input_(std::move(input)),
        keys_(std::move(keys)), aggregates_(std::move(aggregates)) {
    set_estimated_rows(keys_.empty() ? 1 : std::max(1.0, input_->estimated_rows() / 10));
    set_maybe_unbound(columns());
    // Which keys and counted arguments are plain variables, asked once rather than per row.
    for (const GroupKey& key : keys_) key_columns_.push_back(key.expression->VariableColumn());
    // A key that is a plain variable keeps its input's ids, and where they are held.
    PositionsHeldList held;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      if (!key_columns_[k] || *key_columns_[k] < 0) continue;
      const VarId from = input_->columns()[static_cast<std::size_t>(*key_columns_[k])];
      if (const std::uint8_t positions = input_->PositionsHeld(from); positions != 0) {
        held.emplace_back(keys_[k].var, positions);
      }
    }
    set_positions_held(std::move(held));
    for (const AggregateColumn& aggregate : aggregates_) {
      counts_ids_.push_back(CountsIds(aggregate));
      argument_columns_.push_back(aggregate.argument ? aggregate.argument->VariableColumn()
                                                     : std::nullopt);
    }
  }

  std::string Describe() const override {
    std::vector<VarId> vars;
    for (const GroupKey& key : keys_) vars.push_back(key.var);
    return keys_.empty() ? "Aggregate" : "Group by " + DescribeVariables(ctx_, vars);
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  bool DoNext(IdTable& out) override {
    if (!grouped_) GroupAll();
    for (; next_ < groups_.size() && out.rows() < kBatchRows; ++next_) {
      const GroupState& group = groups_[next_];
      std::span<TermId> row = out.AddRow();
      std::copy(group.key.begin(), group.key.end(), row.begin());
      for (std::size_t a = 0; a < aggregates_.size(); ++a) {
        expr::EvalResult result = group.aggregators[a]->Finish();
        row[keys_.size() + a] = result ? ctx_.terms().Encode(*result) : kUnbound;
      }
    }
    return next_ < groups_.size();
  }

 private:
  struct GroupState {
    std::vector<TermId> key;
    std::vector<std::unique_ptr<expr::Aggregator>> aggregators;
    // COUNT(DISTINCT *) counts distinct solutions, which only the group can see.
    std::unordered_set<std::vector<TermId>, IdsHash> distinct_rows;
    // COUNT(DISTINCT ?x) over ids, per aggregate.
    std::vector<std::unordered_set<TermId>> distinct_ids;
  };

  static bool CountsIds(const AggregateColumn& aggregate) {
    return aggregate.argument && aggregate.spec.function == expr::AggregateFunction::kCount &&
           aggregate.argument->VariableColumn().has_value();
  }

  // What a counting aggregator is given for each solution it counts.
  inline static const expr::EvalResult kCounted = expr::Value::Boolean(true);

  GroupState NewGroup(std::vector<TermId> key) {
    GroupState group{std::move(key), {}, {}, {}};
    group.distinct_ids.resize(aggregates_.size());
    for (const AggregateColumn& aggregate : aggregates_) {
      expr::AggregateSpec spec = aggregate.spec;
      // COUNT(DISTINCT *) and COUNT(DISTINCT ?x) dedupe themselves; their aggregators count.
      if (!aggregate.argument || CountsIds(aggregate)) spec.distinct = false;
      group.aggregators.push_back(expr::Aggregator::Create(spec));
    }
    return group;
  }

  void GroupAll() {
    grouped_ = true;
    std::unordered_map<std::vector<TermId>, std::size_t, IdsHash> index;
    IdTable batch;
    std::vector<TermId> key(keys_.size());
    while (input_->Next(batch)) {
      for (std::size_t r = 0; r < batch.rows(); ++r) {
        const std::span<const TermId> row = batch.row(r);
        for (std::size_t k = 0; k < keys_.size(); ++k) {
          if (const std::optional<int> column = key_columns_[k]) {
            key[k] = *column < 0 ? kUnbound : row[*column];
            continue;
          }
          expr::EvalResult value = keys_[k].expression->Evaluate(row);
          key[k] = value ? ctx_.terms().Encode(*value) : kUnbound;
        }
        auto [it, added] = index.try_emplace(key, groups_.size());
        if (added) {
          groups_.push_back(NewGroup(key));
          memory_.Add(GroupBytes(key.size()));
        }
        Accumulate(groups_[it->second], row);
      }
    }
    // Aggregates without GROUP BY make one group, even of nothing (COUNT(*) is then 0).
    if (groups_.empty() && keys_.empty()) groups_.push_back(NewGroup({}));
  }

  void Accumulate(GroupState& group, std::span<const TermId> row) {
    for (std::size_t a = 0; a < aggregates_.size(); ++a) {
      AggregateColumn& aggregate = aggregates_[a];
      if (counts_ids_[a]) {
        // COUNT(?x) needs only whether ?x is bound, and COUNT(DISTINCT ?x) which ids it
        // held (one id per term): no value is decoded.
        const int column = *argument_columns_[a];
        const TermId id = column < 0 ? kUnbound : row[column];
        if (id == kUnbound) continue;
        if (aggregate.spec.distinct) {
          if (!group.distinct_ids[a].insert(id).second) continue;
          memory_.Add(HeapBlockBytes(sizeof(void*) + sizeof(TermId)) + 2 * sizeof(void*));
        }
        group.aggregators[a]->Add(kCounted);
        continue;
      }
      if (aggregate.argument) {
        expr::Aggregator& aggregator = *group.aggregators[a];
        if (!aggregate.spec.distinct &&
            aggregate.spec.function != expr::AggregateFunction::kGroupConcat) {
          aggregator.Add(aggregate.argument->Evaluate(row));
          continue;
        }
        // These keep what they are given: charge the growth.
        const std::uint64_t before = aggregator.MemoryBytes();
        aggregator.Add(aggregate.argument->Evaluate(row));
        memory_.Add(aggregator.MemoryBytes() - before);
        continue;
      }
      // COUNT(*): any value stands for "one more solution".
      if (aggregate.spec.distinct) {
        if (!group.distinct_rows.emplace(row.begin(), row.end()).second) continue;
        memory_.Add(HeapBlockBytes(2 * sizeof(void*) + sizeof(std::vector<TermId>)) +
                    HeapBlockBytes(row.size() * sizeof(TermId)) + 2 * sizeof(void*));
      }
      group.aggregators[a]->Add(kCounted);
    }
  }

  // What one group costs: its index entry (node with cached hash, key block, two bucket
  // pointers), its GroupState (twice: groups_ doubles), the key again, the vectors of
  // aggregators and distinct sets, and the aggregators (a value and a count or two each).
  std::uint64_t GroupBytes(std::size_t key_size) const {
    const std::uint64_t key = HeapBlockBytes(key_size * sizeof(TermId));
    const std::size_t n = aggregates_.size();
    return HeapBlockBytes(3 * sizeof(void*) + sizeof(std::vector<TermId>)) + key +
           2 * sizeof(void*) + 2 * sizeof(GroupState) + key + HeapBlockBytes(n * sizeof(void*)) +
           HeapBlockBytes(n * sizeof(std::unordered_set<TermId>)) + n * HeapBlockBytes(192);
  }

  OperatorPtr input_;
  std::vector<GroupKey> keys_;
  std::vector<AggregateColumn> aggregates_;
  std::vector<std::optional<int>> key_columns_;       // per key: its column if a variable
  std::vector<bool> counts_ids_;                      // per aggregate: see CountsIds
  std::vector<std::optional<int>> argument_columns_;  // per aggregate: its argument's column
  MemoryCharge memory_{ctx_};  // the groups and their distinct sets
  bool grouped_ = false;
  std::vector<GroupState> groups_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeGroup(ExecContext& ctx, OperatorPtr input, std::vector<GroupKey> keys,
                      std::vector<AggregateColumn> aggregates) {
  return std::make_unique<Group>(ctx, std::move(input), std::move(keys), std::move(aggregates));
}

}  // namespace silk::query
