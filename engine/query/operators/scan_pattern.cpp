#include "engine/query/operators/scan_pattern.h"

#include <algorithm>

#include "engine/query/exec_context.h"

namespace silk::query {
namespace {

storage::TermId Get(const storage::QuadIds& quad, int position) {
  switch (position) {
    case kS: return quad.s;
    case kP: return quad.p;
    case kO: return quad.o;
    default: return quad.g;
  }
}

// The object ranges are checked on the keys read rather than sought (RangesAsSeeks).
bool ChecksRanges(const ScanPattern& pattern,
                  const std::array<std::optional<storage::TermId>, 4>& bound) {
  return !pattern.object_ranges.empty() && !pattern.slots[kO].constant && !bound[kO] &&
         !RangesAsSeeks(pattern, bound);
}

// Whether a variable fills two of the pattern's slots.
bool RepeatsVariable(const ScanPattern& pattern) {
  for (int i = 0; i < 4; ++i) {
    for (int j = i + 1; j < 4; ++j) {
      if (pattern.slots[i].variable && pattern.slots[j].variable == pattern.slots[i].variable) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::vector<VarId> ScanPattern::Variables() const {
  std::vector<VarId> vars;
  for (const ScanSlot& slot : slots) {
    if (slot.variable && std::find(vars.begin(), vars.end(), *slot.variable) == vars.end()) {
      vars.push_back(*slot.variable);
    }
  }
  return vars;
}

std::optional<Position> ScanPattern::SlotOf(VarId var) const {
  for (int i = kS; i <= kG; ++i) {
    if (slots[i].variable == var) return static_cast<Position>(i);
  }
  return std::nullopt;
}

PositionsHeldList PositionsHeldBy(const ScanPattern& pattern) {
  PositionsHeldList held;
  for (VarId var : pattern.Variables()) {
    std::uint8_t positions = 0;
    for (int i = kS; i <= kO; ++i) {
      if (pattern.slots[i].variable == var) positions |= 1 << i;
    }
    if (positions != 0) held.emplace_back(var, positions);
  }
  return held;
}

ScanPattern WithProbesHeld(ScanPattern pattern, const Operator& left) {
  pattern.held = 0;
  for (int i = kS; i <= kO; ++i) {
    const std::optional<VarId>& var = pattern.slots[i].variable;
    if (var && (left.PositionsHeld(*var) >> i & 1) != 0) pattern.held |= 1 << i;
  }
  return pattern;
}

bool RangesAsSeeks(const ScanPattern& pattern,
                   const std::array<std::optional<storage::TermId>, 4>& bound) {
  return !pattern.object_ranges.empty() && !pattern.slots[kO].constant && !bound[kO] &&
         !bound[kS];
}

std::size_t RangeCount(const ScanPattern& pattern,
                       const std::array<std::optional<storage::TermId>, 4>& bound) {
  return RangesAsSeeks(pattern, bound) ? pattern.object_ranges.size() : 1;
}

storage::QuadPattern ToQuadPattern(const ScanPattern& pattern,
                                   const std::array<std::optional<storage::TermId>, 4>& bound,
                                   std::size_t range) {
  std::array<std::optional<storage::TermId>, 4> ids;
  for (int i = 0; i < 4; ++i) {
    ids[i] = pattern.slots[i].constant ? pattern.slots[i].constant : bound[i];
  }
  // A one-graph set is a bound graph: the index can seek to it.
  if (!ids[kG] && pattern.scope == GraphScope::kSet && pattern.graphs.size() == 1) {
    ids[kG] = pattern.graphs[0];
  }
  storage::QuadPattern quads{ids[kS], ids[kP], ids[kO], ids[kG], std::nullopt, 0};
  for (int i = kS; i <= kO; ++i) {
    if (!pattern.slots[i].constant && bound[i] && (pattern.held >> i & 1) != 0) {
      quads.held |= 1 << i;
    }
  }
  if (RangesAsSeeks(pattern, bound)) quads.o_range = pattern.object_ranges[range];
  return quads;
}

PatternCursor::PatternCursor(const storage::Snapshot& snapshot, const ScanPattern& pattern,
                             const std::array<std::optional<storage::TermId>, 4>& bound)
    : snapshot_(snapshot),
      pattern_(pattern),
      merges_graphs_(pattern.MergesGraphs()),
      repeats_variable_(RepeatsVariable(pattern)),
      it_(snapshot.Scan(ToQuadPattern(pattern, bound))) {
  SetBound(bound);
}

PatternCursor::PatternCursor(const storage::Snapshot& snapshot, const ScanPattern& pattern,
                             std::unique_ptr<storage::QuadIterator> it)
    : snapshot_(snapshot),
      pattern_(pattern),
      merges_graphs_(pattern.MergesGraphs()),
      repeats_variable_(RepeatsVariable(pattern)),
      it_(std::move(it)) {
  SetBound({});
  ranges_ = 1;  // `it` is one piece
}

void PatternCursor::SetBound(const std::array<std::optional<storage::TermId>, 4>& bound) {
  bound_ = bound;
  ranges_ = RangeCount(pattern_, bound_);
  check_ranges_ = ChecksRanges(pattern_, bound_);
  accepts_all_ = !check_ranges_ && !repeats_variable_ &&
                 (pattern_.slots[kG].constant || pattern_.scope == GraphScope::kAll);
  range_ = 0;
  last_.reset();
}

std::optional<storage::QuadIds> PatternCursor::Next() {
  for (;;) {
    for (; it_->Valid(); it_->Next()) {
      const storage::QuadIds quad = it_->quad();
      if (!Keep(quad)) continue;
      it_->Next();
      return quad;
    }
    ExecContext::ThrowIfError(it_->status());
    if (++range_ >= ranges_) return std::nullopt;
    Open(ToQuadPattern(pattern_, bound_, range_));
  }
}

std::size_t PatternCursor::Read(std::span<storage::QuadIds> out) {
  std::size_t n = 0;
  while (n < out.size()) {
    const std::size_t read = it_->Read(out.subspan(n));
    if (read == 0) {
      ExecContext::ThrowIfError(it_->status());
      if (range_ + 1 >= ranges_) break;
      ++range_;
      Open(ToQuadPattern(pattern_, bound_, range_));
      continue;
    }
    const std::size_t end = n + read;
    for (std::size_t i = n; i < end; ++i) {
      if (Keep(out[i])) out[n++] = out[i];
    }
  }
  return n;
}

void PatternCursor::Restart(const std::array<std::optional<storage::TermId>, 4>& bound) {
  SetBound(bound);
  Open(ToQuadPattern(pattern_, bound_));
}

void PatternCursor::Restart(const std::array<std::optional<storage::TermId>, 4>& bound,
                            std::unique_ptr<storage::QuadIterator> it) {
  if (it) it_ = std::move(it);
  Restart(bound);
}

void PatternCursor::Open(const storage::QuadPattern& quads) {
  if (!it_ || !it_->Seek(quads)) it_ = snapshot_.Scan(quads);
}

PatternCursor& StartProbe(std::optional<PatternCursor>& cursor,
                          const storage::Snapshot& snapshot, const ScanPattern& pattern,
                          const std::array<std::optional<storage::TermId>, 4>& bound,
                          std::unique_ptr<storage::QuadIterator> it) {
  if (cursor) {
    cursor->Restart(bound, std::move(it));
  } else if (it) {
    cursor.emplace(snapshot, pattern, std::move(it));
    cursor->Restart(bound);
  } else {
    cursor.emplace(snapshot, pattern, bound);
  }
  return *cursor;
}

bool PatternCursor::Accept(const storage::QuadIds& quad) const {
  if (check_ranges_ && !std::any_of(pattern_.object_ranges.begin(), pattern_.object_ranges.end(),
                                    [&](const auto& range) {
                                      return range.first <= quad.o && quad.o <= range.second;
                                    })) {
    return false;
  }
  if (!pattern_.slots[kG].constant) {
    switch (pattern_.scope) {
      case GraphScope::kAll: break;
      case GraphScope::kNamed:
        if (quad.g == storage::kDefaultGraphId) return false;
        break;
      case GraphScope::kSet:
        if (!std::binary_search(pattern_.graphs.begin(), pattern_.graphs.end(), quad.g)) {
          return false;
        }
        break;
    }
  }
  // A variable used twice must have the same value in both places.
  for (int i = 0; i < 4; ++i) {
    if (!pattern_.slots[i].variable) continue;
    for (int j = i + 1; j < 4; ++j) {
      if (pattern_.slots[j].variable == pattern_.slots[i].variable &&
          Get(quad, i) != Get(quad, j)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace silk::query
