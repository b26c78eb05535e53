#include "engine/storage/key_codec.h"

#include <algorithm>
#include <tuple>

#include "engine/storage/quad_order.h"

namespace silk::storage {
namespace {

// Position numbers: 0 = subject, 1 = predicate, 2 = object, 3 = graph.
using Order = std::array<int, 4>;

constexpr Order OrderOf(QuadIndex index) {
  switch (index) {
    case QuadIndex::kSpog:
      return {0, 1, 2, 3};
    case QuadIndex::kPosg:
      return {1, 2, 0, 3};
    case QuadIndex::kOspg:
      return {2, 0, 1, 3};
    case QuadIndex::kGspo:
      return {3, 0, 1, 2};
  }
  return {0, 1, 2, 3};
}

// The member of a quad or pattern (const or not) at a position number.
template <typename Quad>
auto& At(Quad& q, int position) {
  switch (position) {
    case 0:
      return q.s;
    case 1:
      return q.p;
    case 2:
      return q.o;
    default:
      return q.g;
  }
}

}  // namespace

format::Family FamilyOf(QuadIndex index) {
  switch (index) {
    case QuadIndex::kSpog:
      return format::Family::kSpog;
    case QuadIndex::kPosg:
      return format::Family::kPosg;
    case QuadIndex::kOspg:
      return format::Family::kOspg;
    case QuadIndex::kGspo:
      return format::Family::kGspo;
  }
  return format::Family::kSpog;
}

std::string_view IndexName(QuadIndex index) { return format::FamilyName(FamilyOf(index)); }

namespace {

// One instance per index: with the order a constant, each id is a load, a byte swap and a
// store (a scan decodes every key it reads).
template <QuadIndex kIndex>
QuadKey Encode(const QuadIds& quad) {
  constexpr Order order = OrderOf(kIndex);
  QuadKey key;
  PutBigEndian64(At(quad, order[0]), key.data());
  PutBigEndian64(At(quad, order[1]), key.data() + format::kIdSize);
  PutBigEndian64(At(quad, order[2]), key.data() + 2 * format::kIdSize);
  PutBigEndian64(At(quad, order[3]), key.data() + 3 * format::kIdSize);
  return key;
}

template <QuadIndex kIndex>
QuadIds Decode(const char* key) {
  constexpr Order order = OrderOf(kIndex);
  QuadIds quad;
  At(quad, order[0]) = GetBigEndian64(key);
  At(quad, order[1]) = GetBigEndian64(key + format::kIdSize);
  At(quad, order[2]) = GetBigEndian64(key + 2 * format::kIdSize);
  At(quad, order[3]) = GetBigEndian64(key + 3 * format::kIdSize);
  return quad;
}

}  // namespace

QuadKey EncodeQuadKey(QuadIndex index, const QuadIds& quad) {
  switch (index) {
    case QuadIndex::kSpog: return Encode<QuadIndex::kSpog>(quad);
    case QuadIndex::kPosg: return Encode<QuadIndex::kPosg>(quad);
    case QuadIndex::kOspg: return Encode<QuadIndex::kOspg>(quad);
    case QuadIndex::kGspo: return Encode<QuadIndex::kGspo>(quad);
  }
  return Encode<QuadIndex::kSpog>(quad);
}

QuadIds DecodeQuadKey(QuadIndex index, const char* key) {
  switch (index) {
    case QuadIndex::kSpog: return Decode<QuadIndex::kSpog>(key);
    case QuadIndex::kPosg: return Decode<QuadIndex::kPosg>(key);
    case QuadIndex::kOspg: return Decode<QuadIndex::kOspg>(key);
    case QuadIndex::kGspo: return Decode<QuadIndex::kGspo>(key);
  }
  return Decode<QuadIndex::kSpog>(key);
}

namespace {

template <QuadIndex kIndex>
void DecodeRun(const QuadKey* keys, std::size_t count, QuadIds* out) {
  for (std::size_t i = 0; i < count; ++i) out[i] = Decode<kIndex>(keys[i].data());
}

}  // namespace

void DecodeQuadKeys(QuadIndex index, const QuadKey* keys, std::size_t count, QuadIds* out) {
  switch (index) {
    case QuadIndex::kSpog: return DecodeRun<QuadIndex::kSpog>(keys, count, out);
    case QuadIndex::kPosg: return DecodeRun<QuadIndex::kPosg>(keys, count, out);
    case QuadIndex::kOspg: return DecodeRun<QuadIndex::kOspg>(keys, count, out);
    case QuadIndex::kGspo: return DecodeRun<QuadIndex::kGspo>(keys, count, out);
  }
}

bool LessInIndex(QuadIndex index, const QuadIds& a, const QuadIds& b) {
  return WithIndexOrder(index, [&](auto less) { return less(a, b); });
}

bool Matches(const QuadPattern& pattern, const QuadIds& quad) {
  return (!pattern.s || *pattern.s == quad.s) && (!pattern.p || *pattern.p == quad.p) &&
         (!pattern.o || *pattern.o == quad.o) && (!pattern.g || *pattern.g == quad.g) &&
         (!pattern.o_range ||
          (pattern.o_range->first <= quad.o && quad.o <= pattern.o_range->second));
}

bool IndexHolds(QuadIndex index, const QuadIds& quad) {
  return index != QuadIndex::kGspo || quad.g != kDefaultGraphId;
}

bool IndexServes(QuadIndex index, const QuadPattern& pattern) {
  return index != QuadIndex::kGspo || (pattern.g && *pattern.g != kDefaultGraphId);
}

namespace {

// How many positions `index` has bound before its first free one.
std::size_t BoundPrefix(QuadIndex index, const QuadPattern& pattern) {
  const Order order = OrderOf(index);
  std::size_t bound = 0;
  while (bound < 4 && At(pattern, order[bound]).has_value()) ++bound;
  return bound;
}

// Whether `index` narrows to the pattern's object range right after its `bound` positions.
bool RangeFollows(QuadIndex index, const QuadPattern& pattern, std::size_t bound) {
  return pattern.o_range && !pattern.o && bound < 4 && OrderOf(index)[bound] == 2;
}

}  // namespace

ScanPlans CandidatePlans(const QuadPattern& pattern) {
  // Ranked first, built after: a probe asks for a plan per left row, and most indexes lose.
  // An object range right after the prefix narrows the keys almost as much as one more bound
  // position: it ranks between this prefix and a longer one.
  std::size_t rank[4] = {0, 0, 0, 0};  // 0: the index does not serve the pattern
  std::size_t best = 0;
  for (std::size_t i = 0; i < kAllIndexes.size(); ++i) {
    const QuadIndex index = kAllIndexes[i];
    if (!IndexServes(index, pattern)) continue;
    const std::size_t bound = BoundPrefix(index, pattern);
    rank[i] = 1 + 2 * bound + (RangeFollows(index, pattern, bound) ? 1 : 0);
    best = std::max(best, rank[i]);
  }
  ScanPlans plans;
  for (std::size_t i = 0; i < kAllIndexes.size(); ++i) {
    if (rank[i] == best) plans.push_back(PlanOn(kAllIndexes[i], pattern));
  }
  return plans;
}

ScanPlan PlanOn(QuadIndex index, const QuadPattern& pattern) {
  const Order order = OrderOf(index);
  ScanPlan plan;
  plan.index = index;
  plan.residual = pattern;
  const std::size_t bound = BoundPrefix(index, pattern);
  for (std::size_t k = 0; k < bound; ++k) {
    PutBigEndian64(*At(pattern, order[k]), plan.prefix.data() + k * format::kIdSize);
    At(plan.residual, order[k]).reset();
  }
  plan.prefix_size = bound * format::kIdSize;
  plan.first_id_held = bound > 0 && (pattern.held >> order[0] & 1) != 0;
  if (RangeFollows(index, pattern, bound)) plan.range = pattern.o_range;
  return plan;
}

void ReplanOn(ScanPlan& plan, const QuadPattern& pattern) {
  const Order order = OrderOf(plan.index);
  const std::size_t bound = plan.prefix_size / format::kIdSize;
  plan.residual = pattern;
  for (std::size_t k = 0; k < bound; ++k) {
    PutBigEndian64(*At(pattern, order[k]), plan.prefix.data() + k * format::kIdSize);
    At(plan.residual, order[k]).reset();
  }
  if (plan.range) plan.range = pattern.o_range;
}

bool KeyBytes::ToPrefixUpperBound() {
  while (size_ > 0) {
    auto& last = reinterpret_cast<unsigned char&>(bytes_[size_ - 1]);
    if (last != 0xff) {
      ++last;
      return true;
    }
    --size_;
  }
  return false;
}

KeyBytes ScanPlan::LowerKey() const {
  KeyBytes key(prefix_view());
  if (range) key.Append(BigEndian64(range->first));
  return key;
}

std::optional<KeyBytes> ScanPlan::UpperKey() const {
  KeyBytes key(prefix_view());
  if (range) key.Append(BigEndian64(range->second));
  if (!key.ToPrefixUpperBound()) return std::nullopt;
  return key;
}

std::optional<std::string> PrefixUpperBound(std::string_view prefix) {
  std::string bound(prefix);
  while (!bound.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(bound.back());
    if (last != 0xff) {
      ++last;
      return bound;
    }
    bound.pop_back();
  }
  return std::nullopt;
}

}  // namespace silk::storage
