// FlatHashMap: an open-addressing hash map for the write path, where a bulk load keeps
// millions of term keys and a node per entry would cost an allocation and a cache miss each,
// and for caches that queries read entry by entry (TermCache).
// Internal to engine/storage/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace silk::storage {

// A 64-bit finalizer (MurmurHash3's fmix64): every input bit affects every output bit, so
// the low bits that pick a slot are well mixed even for sequential ids.
inline std::uint64_t HashMix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Linear probing over a power-of-two array of slots, each holding the full hash (so probes
// rarely compare keys) next to the key and value. Key must be default-constructible and
// copyable, Value default-constructible and movable.
// Pointers to values are invalidated by Insert() and Erase(). Not thread-safe.
template <typename Key, typename Value, typename Hash = std::hash<Key>,
          typename Equal = std::equal_to<Key>>
class FlatHashMap {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The value stored under `key`, or null.
  const Value* Find(const Key& key) const {
    if (size_ == 0) {
      return nullptr;
    }
    const std::uint64_t hash = HashOf(key);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.hash == 0) {
        return nullptr;
      }
      if (slot.hash == hash && equal_(slot.key, key)) {
        return &slot.value;
      }
    }
  }
  Value* Find(const Key& key) {
    return const_cast<Value*>(std::as_const(*this).Find(key));
  }

  // Adds (key, value) unless `key` is present. Returns the value under `key` and whether it
  // was added.
  std::pair<Value*, bool> Insert(const Key& key, Value value) {
    if ((size_ + 1) * 10 > slots_.size() * 7) {
      Grow();
    }
    const std::uint64_t hash = HashOf(key);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.hash == 0) {
        slot = Slot{hash, key, std::move(value)};
        ++size_;
        return {&slot.value, true};
      }
      if (slot.hash == hash && equal_(slot.key, key)) {
        return {&slot.value, false};
      }
    }
  }

  // Removes `key`, if present: the entries after it move back to close the gap, so that
  // every entry stays reachable from its home slot without passing an empty one.
  void Erase(const Key& key) {
    if (size_ == 0) {
      return;
    }
    const std::uint64_t hash = HashOf(key);
    std::size_t hole = hash & mask_;
    for (;; hole = (hole + 1) & mask_) {
      if (slots_[hole].hash == 0) {
        return;
      }
      if (slots_[hole].hash == hash && equal_(slots_[hole].key, key)) {
        break;
      }
    }
    slots_[hole] = Slot{};
    --size_;
    // An entry moves into the hole unless its home lies after the hole (cyclically, in
    // (hole, its slot]): probing from its home would never pass the hole then.
    for (std::size_t i = (hole + 1) & mask_; slots_[i].hash != 0; i = (i + 1) & mask_) {
      const std::size_t home = slots_[i].hash & mask_;
      if (((i - home) & mask_) >= ((i - hole) & mask_)) {
        slots_[hole] = std::move(slots_[i]);
        slots_[i] = Slot{};
        hole = i;
      }
    }
  }

  // Makes room for `entries` entries in all without growing again.
  void Reserve(std::size_t entries) {
    std::size_t capacity = std::max<std::size_t>(kFirstSlots, slots_.size());
    while (entries * 10 > capacity * 7) capacity *= 2;
    if (capacity > slots_.size()) Rehash(capacity);
  }

  // Drops every entry and the memory.
  void Clear() {
    std::vector<Slot>().swap(slots_);
    size_ = 0;
    mask_ = 0;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty; stored hashes have the top bit set
    Key key{};
    Value value{};
  };

  std::uint64_t HashOf(const Key& key) const {
    return static_cast<std::uint64_t>(hasher_(key)) | (std::uint64_t{1} << 63);
  }

  static constexpr std::size_t kFirstSlots = 16;

  void Grow() { Rehash(slots_.empty() ? kFirstSlots : 2 * slots_.size()); }

  // Moves the entries into `capacity` slots (a power of two).
  void Rehash(std::size_t capacity) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(capacity);
    mask_ = capacity - 1;
    for (Slot& slot : old) {
      if (slot.hash == 0) {
        continue;
      }
      std::size_t i = slot.hash & mask_;
      while (slots_[i].hash != 0) {
        i = (i + 1) & mask_;
      }
      slots_[i] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  Hash hasher_;
  Equal equal_;
};

}  // namespace silk::storage
