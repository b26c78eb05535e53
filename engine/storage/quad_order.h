// The key order of each index as a comparison of QuadIds, one type per index so that sorting
// millions of quads inlines the comparison. Internal to engine/storage/.
#pragma once

#include <tuple>
#include <utility>

#include "engine/storage/format.h"
#include "engine/storage/store.h"

namespace silk::storage {

// Strict weak order of quads as index `kIndex` stores them (its key byte order).
template <format::QuadIndex kIndex>
struct IndexOrder {
  static auto Tie(const QuadIds& q) {
    if constexpr (kIndex == format::QuadIndex::kSpog) return std::tie(q.s, q.p, q.o, q.g);
    if constexpr (kIndex == format::QuadIndex::kPosg) return std::tie(q.p, q.o, q.s, q.g);
    if constexpr (kIndex == format::QuadIndex::kOspg) return std::tie(q.o, q.s, q.p, q.g);
    if constexpr (kIndex == format::QuadIndex::kGspo) return std::tie(q.g, q.s, q.p, q.o);
  }
  bool operator()(const QuadIds& a, const QuadIds& b) const { return Tie(a) < Tie(b); }
};

// Calls `f(IndexOrder<index>{})`: turns a run-time index into a compile-time order.
template <typename F>
decltype(auto) WithIndexOrder(format::QuadIndex index, F&& f) {
  switch (index) {
    case format::QuadIndex::kPosg: return std::forward<F>(f)(IndexOrder<format::QuadIndex::kPosg>{});
    case format::QuadIndex::kOspg: return std::forward<F>(f)(IndexOrder<format::QuadIndex::kOspg>{});
    case format::QuadIndex::kGspo: return std::forward<F>(f)(IndexOrder<format::QuadIndex::kGspo>{});
    case format::QuadIndex::kSpog: break;
  }
  return std::forward<F>(f)(IndexOrder<format::QuadIndex::kSpog>{});
}

}  // namespace silk::storage
