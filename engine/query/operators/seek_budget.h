// When an index nested-loop join (IndexJoin, StarJoin) stops seeking and reads its patterns
// whole into hash tables: once its seeks cost what reading the patterns costs. Never much worse
// than the better of the two.
//
// The seeks counted include those the batch of left rows in hand is about to make. A left
// side the planner thought small, which hands over a thousand rows at once, is then joined
// through the tables from its first row, instead of after seeking as many rows as reading the
// patterns costs (and a spare thread seeking from the batch's back meanwhile). A consumer that
// stops early (LIMIT) pays at most what seeking that batch would have cost.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/query/operators/costs.h"

namespace silk::query {

class SeekBudget {
 public:
  // Whether `seeks`, made or about to be made, cost more than reading the `scan_rows()` rows
  // of the whole patterns. Asks `scan_rows` at most once, and only past kAskAfter seeks: a
  // short join never asks what its patterns cost.
  template <typename ScanRows>
  bool Spent(std::uint64_t seeks, ScanRows&& scan_rows) {
    if (seeks < kAskAfter) return false;
    if (!worth_) worth_ = scan_rows() / kSeekCost;
    return static_cast<double>(seeks) > *worth_;
  }

 private:
  static constexpr std::uint64_t kAskAfter = 64;
  std::optional<double> worth_;  // the seeks that cost what reading the patterns costs
};

}  // namespace silk::query
