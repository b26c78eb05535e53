// One triple pattern as the store is asked for it: constants as ids, variables as columns, and
// which graphs it may match.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "engine/query/operators/id_table.h"
#include "engine/query/operators/operator.h"
#include "engine/storage/store.h"

namespace silk::query {

// Which graphs a pattern reads when its graph position is not a constant.
enum class GraphScope : unsigned char {
  kAll,    // every graph, the default one included: the union default graph
  kNamed,  // every named graph (GRAPH ?g without FROM NAMED)
  kSet,    // the graphs listed in ScanPattern::graphs (FROM, FROM NAMED)
};

struct ScanSlot {
  std::optional<storage::TermId> constant;
  std::optional<VarId> variable;
};

enum Position : unsigned char { kS = 0, kP = 1, kO = 2, kG = 3 };

// The storage's name of a slot.
inline storage::QuadPosition QuadPositionOf(Position slot) {
  constexpr storage::QuadPosition kPositions[4] = {
      storage::QuadPosition::kSubject, storage::QuadPosition::kPredicate,
      storage::QuadPosition::kObject, storage::QuadPosition::kGraph};
  return kPositions[slot];
}

struct ScanPattern {
  std::array<ScanSlot, 4> slots;  // s, p, o, g; g is empty when the graph is not exposed
  GraphScope scope = GraphScope::kAll;
  std::vector<storage::TermId> graphs;  // kSet, sorted
  // When not empty and the object is not bound: only objects with ids in these ranges
  // (ascending, disjoint; see object_ranges.h), each read as a range of index keys; or, where
  // a probe binds the subject, checked on the keys of that subject (RangesAsSeeks).
  std::vector<std::pair<storage::TermId, storage::TermId>> object_ranges;
  // Slots (bits 1 << slot) that an index join's probes bind to values the store holds at that
  // position (Operator::PositionsHeld of its left side): their seeks skip the bloom filters.
  std::uint8_t held = 0;

  // The graph position is neither bound nor a variable: the pattern matches a triple once
  // however many graphs hold it (the default graph is their RDF merge).
  bool MergesGraphs() const { return !slots[kG].constant && !slots[kG].variable; }

  // The variables, each once, in s, p, o, g order: the columns a scan produces.
  std::vector<VarId> Variables() const;
  // The first slot that holds `var`, if any.
  std::optional<Position> SlotOf(VarId var) const;
};

// Each variable of `pattern` with the positions (s, p, o) it fills: the positions a scan of it
// holds its values at.
PositionsHeldList PositionsHeldBy(const ScanPattern& pattern);

// `pattern` with held set for the slots `left`'s rows bind to values held at that position:
// the pattern an index join with `left` probes.
ScanPattern WithProbesHeld(ScanPattern pattern, const Operator& left);

// Iterates the quads of a pattern whose variables may be substituted by values (for index
// nested-loop joins), applying what a QuadPattern cannot say: the graph scope, repeated
// variables (?x :p ?x), and the merge of graphs.
class PatternCursor {
 public:
  // Scans `pattern`, with `bound[i]` (when set) substituted for slot i's variable.
  PatternCursor(const storage::Snapshot& snapshot, const ScanPattern& pattern,
                const std::array<std::optional<storage::TermId>, 4>& bound);
  // Reads `it`: a piece (Snapshot::Cut) of the scan of `pattern` with nothing substituted, or
  // of one of its object ranges.
  PatternCursor(const storage::Snapshot& snapshot, const ScanPattern& pattern,
                std::unique_ptr<storage::QuadIterator> it);

  // The next matching quad, or nullopt at the end. Throws QueryAborted on a storage error.
  std::optional<storage::QuadIds> Next();
  // Fills `out` with the next matching quads and returns how many: fewer than out.size()
  // only at the end. Throws QueryAborted on a storage error.
  std::size_t Read(std::span<storage::QuadIds> out);

  // Starts over with other values substituted: the next probe of an index join. Reuses the
  // open store iterator where it can (a seek instead of a new iterator).
  void Restart(const std::array<std::optional<storage::TermId>, 4>& bound);
  // The same, reading with `it` when it is not null: the store iterator another cursor let go
  // of (TakeIterator), which seeks on from where that one stopped (StarJoin).
  void Restart(const std::array<std::optional<storage::TermId>, 4>& bound,
               std::unique_ptr<storage::QuadIterator> it);
  // Lets go of the store iterator; the next Restart takes another, or makes one.
  std::unique_ptr<storage::QuadIterator> TakeIterator() { return std::move(it_); }

 private:
  bool Accept(const storage::QuadIds& quad) const;
  // Whether `quad` is returned: accepted, and not the triple just returned in another graph.
  bool Keep(const storage::QuadIds& quad) {
    if (!accepts_all_ && !Accept(quad)) return false;
    // Quads differing only in the graph are adjacent (the graph is the last key position of
    // the indexes that serve a free graph), so comparing with the last one merges them.
    if (merges_graphs_ && last_ && storage::SameTriple(*last_, quad)) return false;
    last_ = quad;
    return true;
  }
  // Sets what depends on the values substituted.
  void SetBound(const std::array<std::optional<storage::TermId>, 4>& bound);
  // Reads `quads` next, with the open iterator if it can seek there.
  void Open(const storage::QuadPattern& quads);

  const storage::Snapshot& snapshot_;
  const ScanPattern& pattern_;
  std::array<std::optional<storage::TermId>, 4> bound_;
  std::size_t ranges_ = 1;  // how many scans: one per object range, or just one
  bool check_ranges_ = false;  // the object ranges are checked on each key, not sought
  std::size_t range_ = 0;   // the one being read
  const bool merges_graphs_;  // pattern_.MergesGraphs()
  const bool repeats_variable_;  // a variable fills two slots (?x :p ?x)
  bool accepts_all_ = false;  // Accept holds for every quad the store iterator gives
  std::unique_ptr<storage::QuadIterator> it_;
  std::optional<storage::QuadIds> last_;  // the last quad returned, for merging graphs
};

// Appends the quads `source` reads next (its Read: a PatternCursor's, a PatternMatches') to
// `out` until it holds `size` of them: false when they ran out first (every one read).
template <typename Source>
bool ReadInto(Source& source, std::vector<storage::QuadIds>& out, std::size_t size) {
  // Reads into `out`'s end, growing it by 8 quads first, then doubling: most probes have a
  // match or two, and each quad grown is written before it is read into.
  while (out.size() < size) {
    const std::size_t from = out.size();
    const std::size_t want = std::min(size - from, std::max<std::size_t>(8, from));
    out.resize(from + want);
    const std::size_t read = source.Read(std::span(out).subspan(from, want));
    out.resize(from + read);
    if (read < want) return false;
  }
  return true;
}

// Calls f(quad) for each quad `cursor` reads from here on, reading a run at a time (a short
// one: each call writes its buffer's quads before it reads into them).
template <typename F>
void ForEachQuad(PatternCursor& cursor, F&& f) {
  std::array<storage::QuadIds, 16> run;
  for (;;) {
    const std::size_t read = cursor.Read(run);
    for (std::size_t i = 0; i < read; ++i) f(run[i]);
    if (read < run.size()) return;
  }
}

// The next probe of an index join on `cursor`: made the first time, restarted after that (one
// cursor serves every probe: a seek of an open iterator costs less than a new one).
// With `it` (not null), the probe reads with that store iterator (PatternCursor::Restart).
PatternCursor& StartProbe(std::optional<PatternCursor>& cursor,
                          const storage::Snapshot& snapshot, const ScanPattern& pattern,
                          const std::array<std::optional<storage::TermId>, 4>& bound,
                          std::unique_ptr<storage::QuadIterator> it = nullptr);

// The QuadPattern a store scan needs for `pattern` with `bound` substituted, reading object
// range number `range` when the pattern has ranges and its object is not bound.
storage::QuadPattern ToQuadPattern(const ScanPattern& pattern,
                                   const std::array<std::optional<storage::TermId>, 4>& bound,
                                   std::size_t range = 0);

// Whether `pattern`'s object ranges, with `bound` substituted, are each a key range to seek.
// Not where a probe binds the subject: it reads the few keys of that subject, and a seek per
// range (the dictionary's literals are always one) would cost more than checking each key.
// A constant subject still seeks: it may have millions of values.
bool RangesAsSeeks(const ScanPattern& pattern,
                   const std::array<std::optional<storage::TermId>, 4>& bound);

// How many scans ToQuadPattern's ranges make of `pattern` with `bound` substituted (>= 1).
std::size_t RangeCount(const ScanPattern& pattern,
                       const std::array<std::optional<storage::TermId>, 4>& bound);

}  // namespace silk::query
