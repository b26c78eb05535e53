// The matches of an index join's recent probes, kept so that a probe repeating one is answered
// without a seek (PostgreSQL's Memoize does this for its parameterised nested loops). Chains
// repeat probes: in a chain of meetings, participants and their organisations, 14,890 rows
// probe 3,295 participants, then 10,921 rows probe 1,205 organisations. A seek costs a
// microsecond or two; looking the values up here costs tens of nanoseconds.
//
// It remembers only while probes repeat: once a join has made kTrialProbes probes, if fewer
// than one in kMinRepeatShare of them repeated, it stops (and no longer costs anything). A
// probe that repeats nothing costs about a tenth of a seek more while it remembers. It holds
// at most kMaxProbes probes and kMaxQuads matches, and forgets them all when full: the probes
// to come are more like the recent ones than the old ones.
//
// Only this thread uses it (the spare thread's probes are remembered as they are taken).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/query/exec_context.h"
#include "engine/query/query_ids.h"
#include "engine/storage/flat_hash_map.h"

namespace silk::query {

// What a probe substitutes into the pattern, by slot (s, p, o, g).
using ProbeBindings = std::array<std::optional<TermId>, 4>;
// One left row's probe: its bindings, or none when the row is not probed.
using ProbeValues = std::optional<ProbeBindings>;

class ProbeMemo {
 public:
  using Values = ProbeBindings;

  // Remembers only when the query's operators adapt (ExecContext::adapts).
  explicit ProbeMemo(ExecContext& ctx) : ctx_(ctx), memory_(ctx), active_(ctx.adapts()) {}

  // Whether probes are still worth remembering.
  bool active() const { return active_; }
  // Stops remembering, and forgets.
  void Stop();

  // What it knows of a probe: its matches (valid until the next Remember), that it has too
  // many to keep, or nothing.
  struct Recall {
    enum Kind { kUnknown, kMatches, kTooMany };
    Kind kind = kUnknown;
    std::span<const storage::QuadIds> matches;
  };
  Recall Find(const Values& values);
  // Remembers the matches of a probe of `values` that Find did not know (more than
  // kMaxMatchesPerProbe: as RememberTooMany). Stops instead when the memory it needs would
  // take the query past its limit: remembering is never worth failing for.
  void Remember(const Values& values, std::span<const storage::QuadIds> matches);
  // Remembers that a probe of `values` has more than kMaxMatchesPerProbe matches, to be
  // streamed rather than kept. After kMaxTooMany of them, stops: such probes cost far more
  // than the seek it saves, and reading their first matches to find out is wasted.
  void RememberTooMany(const Values& values);

  // For each row of a batch about to be probed: whether its probe is remembered here already,
  // or repeats an earlier row's (which will be remembered by the time its turn comes, unless
  // it has too many matches). Counts the batch toward the trial, and stops (all false) when
  // probes turn out not to repeat.
  std::vector<bool> Repeats(std::span<const ProbeValues> probes);

  // For EXPLAIN ANALYZE: the probes answered here.
  std::uint64_t hits() const { return hits_; }

  static constexpr std::size_t kMaxMatchesPerProbe = 1024;

 private:
  static constexpr std::size_t kMaxQuads = std::size_t{1} << 17;   // 4 MiB
  static constexpr std::size_t kMaxProbes = std::size_t{1} << 15;  // about 2 MiB of table
  static constexpr std::uint64_t kTrialProbes = 256;
  static constexpr std::uint64_t kMinRepeatShare = 16;
  static constexpr std::uint64_t kMaxTooMany = 64;

  using Key = std::array<TermId, 4>;  // kUnbound for a free slot
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept {
      using storage::HashMix64;
      return HashMix64(key[0] ^ HashMix64(key[1] ^ HashMix64(key[2] ^ HashMix64(key[3]))));
    }
  };
  struct Entry {
    std::uint32_t first = 0;  // in quads_
    std::uint32_t count = 0;  // kTooManyMark: RememberTooMany
  };
  static constexpr std::uint32_t kTooManyMark = ~std::uint32_t{0};
  // Adds an entry of `count` matches (appended to quads_ after) or kTooManyMark, and charges
  // its memory; forgets all first when full. False when it stopped instead.
  bool Insert(const Values& values, std::uint32_t count);
  static Key KeyOf(const Values& values);
  void Forget();

  ExecContext& ctx_;
  MemoryCharge memory_;
  storage::FlatHashMap<Key, Entry, KeyHash> entries_;
  std::vector<storage::QuadIds> quads_;
  bool active_;
  std::uint64_t probes_ = 0;    // counted by Repeats
  std::uint64_t repeated_ = 0;  // of them
  std::uint64_t hits_ = 0;
  std::uint64_t too_many_ = 0;
};

}  // namespace silk::query
