// Decoded intervals of the quad indexes, shared by every query of a process. Internal to
// engine/storage/.
//
// RocksDB spends about a hundred nanoseconds on each key an iterator steps to, most of it in
// the layers between its blocks and the caller (DBIter, the merging and level iterators),
// and a microsecond or more on each seek, descending its index and data blocks. The keys a
// scan read are kept here as plain arrays: the next scan of them steps through memory, and a
// seek among them is a binary search.
//
// A page is an interval [lo, hi) of one index's key space holding every key in it: a scan
// that read from lo up to a key k knows that no other key lies between. A page may hold no
// key at all (a probe that found nothing). The pages of an index never overlap, and a page
// lies within one first id (its keys', and lo's, first 8 bytes): the pages are kept in
// shards by first id, each with its own lock, so that the threads of a query and the
// queries of a process rarely wait for each other.
//
// Pages hold one state of the data. Every write to the quad indexes makes a new generation
// (BeginWrite and EndWrite around it), and a snapshot reads pages only when it was taken
// within one generation (GenerationOf); a page filled from a snapshot of an older generation
// is not kept.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/storage/flat_hash_map.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/pages_by_id.h"

namespace silk::storage {

// Bounds are held inline (KeyBytes): a probe of an index join gathers a page, and heap blocks
// for its bounds, the map's key and the clock's were a tenth of a first reading's time.
struct KeyPage {
  KeyBytes lo;
  KeyBytes hi;  // empty: the index's end
  std::vector<QuadKey> keys;
  std::uint64_t generation = 0;  // set by KeyPages::Insert
  // Read since the clock hand last passed (KeyPages evicts the pages it finds unread).
  mutable std::atomic<bool> read{true};

  bool Holds(std::string_view key) const {
    return !KeyLess(key, lo.view()) && (hi.empty() || KeyLess(key, hi.view()));
  }
  // The first position whose key is at or after `key`, searching from `from`.
  std::size_t LowerBound(std::string_view key, std::size_t from = 0) const;
  static std::string_view View(const QuadKey& key) { return {key.data(), key.size()}; }
  // What the page takes in memory, counted against the budget.
  std::size_t bytes() const;
};

class KeyPages {
 public:
  explicit KeyPages(std::size_t budget_bytes) : budget_(budget_bytes) {}
  KeyPages(const KeyPages&) = delete;
  KeyPages& operator=(const KeyPages&) = delete;

  // A write to the quad indexes is about to become visible, and has (odd generations are
  // writes under way). EndWrite drops every page.
  void BeginWrite();
  void EndWrite();
  // The generation whose data a snapshot holds, given `take`, which takes it: nullopt when a
  // write was under way or became visible meanwhile (or there is no budget).
  std::optional<std::uint64_t> GenerationOf(const std::function<void()>& take) const;

  struct Found {
    std::shared_ptr<const KeyPage> page;  // the page holding the key, or null
    std::optional<KeyBytes> next_lo;      // else where the next page starts, if any
  };
  Found Find(QuadIndex index, std::string_view key, std::uint64_t generation);
  // Keeps `page`, unless it overlaps a page kept meanwhile, is too big for the budget, or
  // holds an older generation. REQUIRES: the page lies within one first id.
  void Insert(QuadIndex index, std::shared_ptr<KeyPage> page, std::uint64_t generation);

  std::size_t bytes() const;
  std::size_t pages() const;

 private:
  struct Shard {
    std::mutex mu;
    std::array<PagesById, 4> ids;  // by QuadIndex
  };
  static constexpr std::size_t kShards = 64;

  // The first id of a key (its first 8 bytes, as they are).
  static std::uint64_t FirstId(std::string_view key);
  Shard& ShardOf(std::uint64_t first_id) { return shards_[HashMix64(first_id) % kShards]; }
  // Whether pages of `generation` may be read and kept: drops the pages of an older one.
  bool Advance(std::uint64_t generation);
  // REQUIRES: clock_mu_ held.
  void EvictOverBudget();

  const std::size_t budget_;
  std::atomic<std::uint64_t> generation_{0};        // of the data: odd while a write is
  std::atomic<std::uint64_t> pages_generation_{0};  // the generation the pages hold
  std::array<Shard, kShards> shards_;
  // Taken before a shard's lock, never after.
  mutable std::mutex clock_mu_;
  // The pages in the order they were kept: the clock hand evicts from the front, giving a
  // page read since it last passed a second round at the back.
  std::deque<std::pair<QuadIndex, KeyBytes>> clock_;
  std::size_t bytes_ = 0;
};

// A write to the quad indexes, from before it can become visible to after it has: no
// snapshot taken meanwhile reads pages, and the pages of the data before it are dropped.
class KeyPagesWrite {
 public:
  explicit KeyPagesWrite(KeyPages& pages) : pages_(pages) { pages_.BeginWrite(); }
  ~KeyPagesWrite() { pages_.EndWrite(); }
  KeyPagesWrite(const KeyPagesWrite&) = delete;
  KeyPagesWrite& operator=(const KeyPagesWrite&) = delete;

 private:
  KeyPages& pages_;
};

// How a cursor reads pages: which, and the generation of its snapshot. Null pages: none.
struct PageView {
  KeyPages* pages = nullptr;
  std::uint64_t generation = 0;
};

}  // namespace silk::storage
