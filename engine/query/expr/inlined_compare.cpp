#include "engine/query/expr/inlined_compare.h"

namespace silk::query::expr {

using storage::TermTag;

namespace {

constexpr std::uint64_t kTimezoneMask = (std::uint64_t{1} << storage::format::kTimezoneBits) - 1;

bool IdsDecide(storage::TermId a, storage::TermId b) {
  const TermTag tag = storage::TagOf(a);
  if (tag != storage::TagOf(b)) return false;
  switch (tag) {
    case TermTag::kBoolean:
    case TermTag::kInteger:
    case TermTag::kDecimal: return true;
    case TermTag::kDate:
    case TermTag::kDateTime:
      return (storage::PayloadOf(a) & kTimezoneMask) == (storage::PayloadOf(b) & kTimezoneMask);
    default: return false;
  }
}

}  // namespace

std::optional<bool> CompareInlinedIds(IdComparison op, storage::TermId a, storage::TermId b) {
  if (!IdsDecide(a, b)) return std::nullopt;
  switch (op) {
    case IdComparison::kEqual: return a == b;
    case IdComparison::kNotEqual: return a != b;
    case IdComparison::kLess: return a < b;
    case IdComparison::kLessEqual: return a <= b;
    case IdComparison::kGreater: return a > b;
    case IdComparison::kGreaterEqual: return a >= b;
  }
  return std::nullopt;
}

}  // namespace silk::query::expr
