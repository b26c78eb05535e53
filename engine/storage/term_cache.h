// TermCache: terms decoded from the dictionary, kept for every snapshot of one open store, so
// that the queries of one process (a shell session, a server) read a term's entry once rather
// than once per query. A committed id names the same term for the store's whole life (ids are
// never reused), so entries never go stale; only reads of committed snapshots fill it.
// Internal to engine/storage/. Thread-safe.
//
// A query's results look their terms up here one by one, in a cache holding hundreds of
// thousands once a process has answered a few large queries: each shard is one flat table
// (a look-up reads a slot, then the term's strings), and evicts by a clock (a hit sets a bit)
// rather than keeping a list in order of use, whose nodes a hit moved about (four more reads
// of memory, each a miss).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "engine/storage/flat_hash_map.h"
#include "engine/storage/term_id.h"
#include "grammar/rdf/term.h"

namespace silk::storage {

class TermCache {
 public:
  // Holds terms of at most about `max_bytes`; those not read since the clock's hand last
  // passed them leave first.
  explicit TermCache(std::size_t max_bytes) : shard_bytes_(max_bytes / kShards) {}
  TermCache(const TermCache&) = delete;
  TermCache& operator=(const TermCache&) = delete;

  std::optional<rdf::Term> Get(TermId id);
  void Put(TermId id, const rdf::Term& term);
  // Get and Put for a batch, taking each shard's lock once rather than once per term: a
  // query's results are decoded a batch at a time, and a lock per term cost about as much
  // as the lookup itself. GetMany assigns the cached term of ids[i] to out[i] and says
  // whether it found one.
  // REQUIRES: out.size() == ids.size(); terms.size() == ids.size()
  std::vector<bool> GetMany(std::span<const TermId> ids, std::span<rdf::Term> out);
  void PutMany(std::span<const TermId> ids, std::span<const rdf::Term> terms);

 private:
  static constexpr std::size_t kShards = 16;  // locks taken by concurrent queries rarely meet
  struct Entry {
    rdf::Term term;
    bool read = false;  // since the clock's hand last passed
  };
  struct Shard {
    std::mutex mu;
    FlatHashMap<TermId, Entry> entries;
    // The ids in the order they were kept: the hand evicts from the front, giving an entry
    // read since it last passed a second round at the back.
    std::deque<TermId> clock;
    std::size_t bytes = 0;
  };
  static std::size_t ShardIndex(TermId id) { return (id ^ (id >> 17)) % kShards; }
  Shard& ShardOf(TermId id) { return shards_[ShardIndex(id)]; }
  // The positions of `ids` grouped by shard: shard k's are order[first[k]] .. order[first[k+1]).
  static void GroupByShard(std::span<const TermId> ids, std::vector<std::uint32_t>& order,
                           std::array<std::size_t, kShards + 1>& first);
  // Calls f(shard, i) for each position i of `ids`, holding the lock of ids[i]'s shard, which
  // is taken once for all its ids.
  template <typename F>
  void ForEachLocked(std::span<const TermId> ids, F&& f);
  // REQUIRES: the shard's lock is held (FindLocked's term is valid while it is). PutLocked
  // keeps no term larger than a shard's budget.
  static const rdf::Term* FindLocked(Shard& shard, TermId id);
  void PutLocked(Shard& shard, TermId id, const rdf::Term& term);
  static std::size_t BytesOf(const rdf::Term& term);

  const std::size_t shard_bytes_;
  std::array<Shard, kShards> shards_;
};

}  // namespace silk::storage
