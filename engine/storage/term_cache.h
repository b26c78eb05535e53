// TermCache: terms decoded from the dictionary, kept for every snapshot of one open store, so
// that the queries of one process (a shell session, a server) read a term's entry once rather
// than once per query. A committed id names the same term for the store's whole life (ids are
// never reused), so entries never go stale; only reads of committed snapshots fill it.
// Internal to engine/storage/. Thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

#include "engine/storage/term_id.h"
#include "grammar/rdf/term.h"

namespace silk::storage {

class TermCache {
 public:
  // Holds terms of at most about `max_bytes`, least recently used leaving first.
  explicit TermCache(std::size_t max_bytes) : shard_bytes_(max_bytes / kShards) {}
  TermCache(const TermCache&) = delete;
  TermCache& operator=(const TermCache&) = delete;

  std::optional<rdf::Term> Get(TermId id);
  void Put(TermId id, const rdf::Term& term);

 private:
  static constexpr std::size_t kShards = 16;  // locks taken by concurrent queries rarely meet
  struct Shard {
    std::mutex mu;
    std::list<std::pair<TermId, rdf::Term>> order;  // most recently used first
    std::unordered_map<TermId, std::list<std::pair<TermId, rdf::Term>>::iterator> index;
    std::size_t bytes = 0;
  };
  Shard& ShardOf(TermId id) { return shards_[(id ^ (id >> 17)) % kShards]; }
  static std::size_t BytesOf(const rdf::Term& term);

  const std::size_t shard_bytes_;
  std::array<Shard, kShards> shards_;
};

}  // namespace silk::storage
