#include "engine/query/planner/object_ranges.h"

#include <algorithm>
#include <cmath>

#include "engine/storage/term_codec.h"

namespace silk::query {
namespace {

using storage::MakeTermId;
using storage::TermId;
using storage::TermTag;

constexpr std::uint64_t kMask = storage::format::kPayloadMask;

// Comparisons of dates and dateTimes with and without a timezone hold within 14 hours either
// way (XSD's partial order); the ranges widen by that much.
constexpr std::uint64_t kDateSlackMinutes = 14 * 60;
constexpr std::uint64_t kDateTimeSlackMillis = 14 * 3600 * 1000;
constexpr int kTimezoneBits = storage::format::kTimezoneBits;

std::pair<TermId, TermId> WholeTag(TermTag tag) { return {MakeTermId(tag, 0), MakeTermId(tag, kMask)}; }

// Which sides of the constant the comparison accepts, the variable on the left.
struct Sides {
  bool below = false;  // values less than the constant
  bool equal = false;
  bool above = false;
};

std::optional<Sides> SidesOf(ast::ExprKind kind, bool variable_left) {
  Sides sides;
  switch (kind) {
    case ast::ExprKind::kEqual: sides.equal = true; break;
    case ast::ExprKind::kLess: sides.below = true; break;
    case ast::ExprKind::kLessEqual: sides.below = sides.equal = true; break;
    case ast::ExprKind::kGreater: sides.above = true; break;
    case ast::ExprKind::kGreaterEqual: sides.above = sides.equal = true; break;
    default: return std::nullopt;
  }
  if (!variable_left) std::swap(sides.below, sides.above);
  return sides;
}

// The range of one inlined kind around `value` (its payload), widened by `slack` payload
// units on each side, per `sides`.
std::pair<TermId, TermId> Around(TermTag tag, std::uint64_t value, std::uint64_t slack,
                                 const Sides& sides) {
  const std::uint64_t low = sides.below ? 0 : (value > slack ? value - slack : 0);
  const std::uint64_t high = sides.above ? kMask : std::min(kMask, value + slack);
  return {MakeTermId(tag, low), MakeTermId(tag, high)};
}

}  // namespace

bool IsRangeComparison(const ast::Expression& e, std::string* variable) {
  if (!SidesOf(e.kind, true) || e.args.size() != 2) return false;
  const ast::Expression& a = *e.args[0];
  const ast::Expression& b = *e.args[1];
  const ast::Expression* var = a.kind == ast::ExprKind::kVariable ? &a : &b;
  const ast::Expression* constant = var == &a ? &b : &a;
  if (var->kind != ast::ExprKind::kVariable || constant->kind != ast::ExprKind::kTerm ||
      !constant->term.IsLiteral()) {
    return false;
  }
  if (variable != nullptr) *variable = var->term.value;
  return true;
}

std::optional<IdRanges> RangesFor(const ast::Expression& comparison, const std::string& variable) {
  std::string name;
  if (!IsRangeComparison(comparison, &name) || name != variable) return std::nullopt;
  const bool variable_left = comparison.args[0]->kind == ast::ExprKind::kVariable;
  const std::optional<Sides> sides = SidesOf(comparison.kind, variable_left);
  const ast::Term& constant = comparison.args[variable_left ? 1 : 0]->term;
  const std::optional<TermId> id = storage::TryInline(constant.view().Canonical());
  if (!id) return std::nullopt;
  // Literals the dictionary holds may be of any value: always read.
  IdRanges ranges{WholeTag(TermTag::kLiteral)};
  const std::uint64_t payload = storage::PayloadOf(*id);
  switch (storage::TagOf(*id)) {
    case TermTag::kInteger:
      ranges.push_back(Around(TermTag::kInteger, payload, 0, *sides));
      ranges.push_back(WholeTag(TermTag::kDecimal));  // decimals compare by value with it
      break;
    case TermTag::kDecimal: {
      // Integers around the decimal's value, one either side for the rounding.
      const std::optional<double> value = storage::InlinedNumber(*id);
      if (!value || std::abs(*value) > 1e15) return std::nullopt;
      const auto whole = static_cast<std::int64_t>(std::floor(*value));
      const std::optional<TermId> near = storage::InlineInteger(whole);
      if (!near) return std::nullopt;
      ranges.push_back(Around(TermTag::kInteger, storage::PayloadOf(*near), 1, *sides));
      ranges.push_back(Around(TermTag::kDecimal, payload, 0, *sides));
      break;
    }
    case TermTag::kDate:
      ranges.push_back(Around(TermTag::kDate, payload, kDateSlackMinutes << kTimezoneBits, *sides));
      break;
    case TermTag::kDateTime:
      ranges.push_back(
          Around(TermTag::kDateTime, payload, kDateTimeSlackMillis << kTimezoneBits, *sides));
      break;
    default: return std::nullopt;
  }
  return ranges;
}

IdRanges Intersect(const IdRanges& a, const IdRanges& b) {
  IdRanges both;
  for (const auto& x : a) {
    for (const auto& y : b) {
      const TermId low = std::max(x.first, y.first);
      const TermId high = std::min(x.second, y.second);
      if (low <= high) both.emplace_back(low, high);
    }
  }
  std::sort(both.begin(), both.end());
  return both;
}

}  // namespace silk::query
