#include "engine/storage/pages_by_id.h"

#include <bit>
#include <iterator>

#include "engine/storage/flat_hash_map.h"
#include "engine/storage/key_pages.h"

namespace silk::storage {
namespace {

// Grows past this share of its slots used (in tenths): linear probing slows down beyond.
constexpr std::size_t kMaxLoadTenths = 7;
constexpr std::size_t kFirstSlots = 16;

// Whether pages [a.lo, a.hi) and [b.lo, b.hi) share a key (an empty hi: the index's end).
bool Overlap(const KeyPage& a, const KeyPage& b) {
  const bool a_before_b = !a.hi.empty() && a.hi.view() <= b.lo.view();
  const bool b_before_a = !b.hi.empty() && b.hi.view() <= a.lo.view();
  return !a_before_b && !b_before_a;
}

}  // namespace

std::size_t PagesById::Home(std::uint64_t id) const {
  return static_cast<std::size_t>(HashMix64(id) >> shift_);
}

const PagesById::Slot* PagesById::FindSlot(std::uint64_t id) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Home(id);; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (!slot.used()) return nullptr;
    if (slot.id == id) return &slot;
  }
}

const std::shared_ptr<const KeyPage>* PagesById::Before(std::uint64_t id, std::string_view key,
                                                         std::optional<KeyBytes>* next_lo) const {
  const Slot* slot = FindSlot(id);
  if (slot == nullptr) return nullptr;
  if (slot->one != nullptr) {
    if (!KeyLess(key, slot->one->lo.view())) return &slot->one;
    if (next_lo != nullptr) *next_lo = slot->one->lo;
    return nullptr;
  }
  const auto next = slot->many->upper_bound(key);
  if (next_lo != nullptr && next != slot->many->end()) *next_lo = next->first;
  if (next == slot->many->begin()) return nullptr;
  return &std::prev(next)->second;
}

bool PagesById::Insert(std::uint64_t id, std::shared_ptr<const KeyPage> page) {
  if (Slot* slot = FindSlot(id)) {
    if (slot->one != nullptr) {
      if (Overlap(*slot->one, *page)) return false;
      slot->many = std::make_unique<PageMap>();
      slot->many->emplace(slot->one->lo, std::move(slot->one));
      slot->one.reset();
    }
    PageMap& map = *slot->many;
    // The first page at or after lo must start at or after hi, and the one before must end at
    // or before lo.
    const auto next = map.lower_bound(page->lo.view());
    if ((next != map.end() && Overlap(*next->second, *page)) ||
        (next != map.begin() && Overlap(*std::prev(next)->second, *page))) {
      return false;
    }
    map.emplace_hint(next, page->lo, std::move(page));
    return true;
  }
  if ((size_ + 1) * 10 > slots_.size() * kMaxLoadTenths) Grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = Home(id);
  while (slots_[i].used()) i = (i + 1) & mask;
  slots_[i].id = id;
  slots_[i].one = std::move(page);
  ++size_;
  return true;
}

const KeyPage* PagesById::Get(std::uint64_t id, std::string_view lo) const {
  const Slot* slot = FindSlot(id);
  if (slot == nullptr) return nullptr;
  if (slot->one != nullptr) return slot->one->lo.view() == lo ? slot->one.get() : nullptr;
  const auto it = slot->many->find(lo);
  return it == slot->many->end() ? nullptr : it->second.get();
}

void PagesById::Erase(std::uint64_t id, std::string_view lo) {
  Slot* slot = FindSlot(id);
  if (slot == nullptr) return;
  if (slot->one != nullptr) {
    if (slot->one->lo.view() == lo) Vacate(static_cast<std::size_t>(slot - slots_.data()));
    return;
  }
  PageMap& map = *slot->many;
  const auto it = map.find(lo);
  if (it == map.end()) return;
  map.erase(it);
  if (map.size() == 1) {
    slot->one = std::move(map.begin()->second);
    slot->many.reset();
  } else if (map.empty()) {
    Vacate(static_cast<std::size_t>(slot - slots_.data()));
  }
}

void PagesById::Vacate(std::size_t at) {
  const std::size_t mask = slots_.size() - 1;
  slots_[at] = Slot{};
  --size_;
  // A slot after the hole moves into it unless its home lies after the hole (cyclically, in
  // (hole, slot]): probing from its home would then never pass the hole.
  for (std::size_t j = (at + 1) & mask; slots_[j].used(); j = (j + 1) & mask) {
    const std::size_t home = Home(slots_[j].id);
    if (((j - home) & mask) >= ((j - at) & mask)) {
      slots_[at] = std::move(slots_[j]);
      slots_[j] = Slot{};
      at = j;
    }
  }
}

void PagesById::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  const std::size_t capacity = old.empty() ? kFirstSlots : 2 * old.size();
  slots_.resize(capacity);
  shift_ = 64 - std::countr_zero(capacity);
  const std::size_t mask = capacity - 1;
  for (Slot& slot : old) {
    if (!slot.used()) continue;
    std::size_t i = Home(slot.id);
    while (slots_[i].used()) i = (i + 1) & mask;
    slots_[i] = std::move(slot);
  }
}

void PagesById::Clear() {
  std::vector<Slot>().swap(slots_);
  size_ = 0;
  shift_ = 64;
}

}  // namespace silk::storage
