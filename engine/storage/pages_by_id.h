// The key pages of one index by their first id (key_pages.h). Internal to engine/storage/.
//
// An index join's probe finds its page here, once per probe: the look-up is a chain of
// dependent reads, each a cache miss when the probes go to thousands of ids. A node-based map
// of ids to a std::map of pages took five (bucket, node, map node, page, keys); here a flat
// table's slot holds the id's page itself when it has one, as a subject's keys mostly are, so
// a probe reads the slot, the page and its keys. An id with several pages (a predicate's,
// cut into runs of keys) keeps them in a map by lo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "engine/storage/flat_hash_map.h"
#include "engine/storage/key_codec.h"

namespace silk::storage {

struct KeyPage;

class PagesById {
 public:
  // The page of `id` whose lo is the greatest at or below `key`, if any; else null. With
  // `next_lo`, also where the page after `key` starts (the first lo above it), if any.
  // REQUIRES: `key` starts with `id` (its first 8 bytes).
  const std::shared_ptr<const KeyPage>* Before(std::uint64_t id, std::string_view key,
                                               std::optional<KeyBytes>* next_lo) const;
  // Adds `page` under `id`, unless a page of `id` overlaps it: false then.
  bool Insert(std::uint64_t id, std::shared_ptr<const KeyPage> page);
  // The page of `id` starting at `lo`, or null.
  const KeyPage* Get(std::uint64_t id, std::string_view lo) const;
  // Removes the page of `id` starting at `lo`, if there is one.
  void Erase(std::uint64_t id, std::string_view lo);
  // Removes every page, and the table's memory.
  void Clear();

  std::size_t ids() const { return pages_.size(); }

 private:
  // Orders bounds by their bytes, and finds them by a key's.
  struct ByBytes {
    using is_transparent = void;
    static std::string_view Bytes(const KeyBytes& k) { return k.view(); }
    static std::string_view Bytes(std::string_view k) { return k; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return Bytes(a) < Bytes(b);
    }
  };
  using PageMap = std::map<KeyBytes, std::shared_ptr<const KeyPage>, ByBytes>;

  // One id's pages: `one` or `many` is set, never both.
  struct Pages {
    std::shared_ptr<const KeyPage> one;  // the id's page, when it has one
    std::unique_ptr<PageMap> many;       // its pages by lo, when it has more
  };
  // The table's slot from a hash's high bits: its low bits chose the shard
  // (KeyPages::ShardOf), and are the same for every id here.
  struct IdHash {
    std::size_t operator()(std::uint64_t id) const { return HashMix64(id) >> 8; }
  };

  FlatHashMap<std::uint64_t, Pages, IdHash> pages_;
};

}  // namespace silk::storage
