#include "engine/storage/term_cache.h"

namespace silk::storage {

std::size_t TermCache::BytesOf(const rdf::Term& term) {
  // The strings, the entry and its list and map nodes.
  return term.value.size() + term.datatype.size() + term.language.size() + sizeof(rdf::Term) + 96;
}

std::optional<rdf::Term> TermCache::Get(TermId id) {
  Shard& shard = ShardOf(id);
  const std::lock_guard<std::mutex> lock(shard.mu);
  const auto found = shard.index.find(id);
  if (found == shard.index.end()) return std::nullopt;
  shard.order.splice(shard.order.begin(), shard.order, found->second);
  return found->second->second;
}

void TermCache::Put(TermId id, const rdf::Term& term) {
  const std::size_t bytes = BytesOf(term);
  if (bytes > shard_bytes_) return;
  Shard& shard = ShardOf(id);
  const std::lock_guard<std::mutex> lock(shard.mu);
  if (shard.index.contains(id)) return;
  shard.order.emplace_front(id, term);
  shard.index.emplace(id, shard.order.begin());
  shard.bytes += bytes;
  while (shard.bytes > shard_bytes_) {
    const auto& [old_id, old_term] = shard.order.back();
    shard.bytes -= BytesOf(old_term);
    shard.index.erase(old_id);
    shard.order.pop_back();
  }
}

}  // namespace silk::storage
