#include "engine/storage/term_cache.h"

#include <algorithm>

namespace silk::storage {

std::size_t TermCache::BytesOf(const rdf::Term& term) {
  // The strings, and the entry's slot (the table is between a third and two thirds full) and
  // place in the clock.
  return term.value.size() + term.datatype.size() + term.language.size() +
         2 * (sizeof(Entry) + 2 * sizeof(TermId)) + sizeof(TermId);
}

std::optional<rdf::Term> TermCache::Get(TermId id) {
  Shard& shard = ShardOf(id);
  const std::lock_guard<std::mutex> lock(shard.mu);
  const rdf::Term* term = FindLocked(shard, id);
  if (!term) return std::nullopt;
  return *term;
}

void TermCache::Put(TermId id, const rdf::Term& term) {
  Shard& shard = ShardOf(id);
  const std::lock_guard<std::mutex> lock(shard.mu);
  PutLocked(shard, id, term);
}

std::vector<bool> TermCache::GetMany(std::span<const TermId> ids, std::span<rdf::Term> out) {
  std::vector<bool> found(ids.size());
  ForEachLocked(ids, [&](Shard& shard, std::size_t i) {
    if (const rdf::Term* term = FindLocked(shard, ids[i])) {
      out[i] = *term;
      found[i] = true;
    }
  });
  return found;
}

void TermCache::PutMany(std::span<const TermId> ids, std::span<const rdf::Term> terms) {
  ForEachLocked(ids, [&](Shard& shard, std::size_t i) {
    PutLocked(shard, ids[i], terms[i]);
  });
}

template <typename F>
void TermCache::ForEachLocked(std::span<const TermId> ids, F&& f) {
  std::vector<std::uint32_t> order;
  std::array<std::size_t, kShards + 1> first{};
  GroupByShard(ids, order, first);
  for (std::size_t k = 0; k < kShards; ++k) {
    if (first[k] == first[k + 1]) continue;
    Shard& shard = shards_[k];
    const std::lock_guard<std::mutex> lock(shard.mu);
    for (std::size_t j = first[k]; j < first[k + 1]; ++j) f(shard, order[j]);
  }
}

void TermCache::GroupByShard(std::span<const TermId> ids, std::vector<std::uint32_t>& order,
                             std::array<std::size_t, kShards + 1>& first) {
  // A counting sort by shard: first[k + 1] counts shard k, then becomes where it ends.
  for (const TermId id : ids) ++first[ShardIndex(id) + 1];
  for (std::size_t k = 0; k < kShards; ++k) first[k + 1] += first[k];
  std::array<std::size_t, kShards> next{};
  std::copy(first.begin(), first.end() - 1, next.begin());
  order.resize(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    order[next[ShardIndex(ids[i])]++] = static_cast<std::uint32_t>(i);
  }
}

const rdf::Term* TermCache::FindLocked(Shard& shard, TermId id) {
  Entry* entry = shard.entries.Find(id);
  if (entry == nullptr) return nullptr;
  entry->read = true;
  return &entry->term;
}

void TermCache::PutLocked(Shard& shard, TermId id, const rdf::Term& term) {
  const std::size_t bytes = BytesOf(term);
  if (bytes > shard_bytes_) return;  // too large to keep
  if (!shard.entries.Insert(id, Entry{term, false}).second) return;  // kept already
  shard.clock.push_back(id);
  shard.bytes += bytes;
  // Each entry gets at most one second round: two passes of the hand empty the clock.
  std::size_t turns = 2 * shard.clock.size();
  while (shard.bytes > shard_bytes_ && !shard.clock.empty() && turns-- > 0) {
    const TermId old_id = shard.clock.front();
    shard.clock.pop_front();
    Entry* old = shard.entries.Find(old_id);
    if (old == nullptr) continue;  // (the clock holds only ids kept)
    if (old->read) {
      old->read = false;
      shard.clock.push_back(old_id);
      continue;
    }
    shard.bytes -= BytesOf(old->term);
    shard.entries.Erase(old_id);
  }
}

}  // namespace silk::storage
