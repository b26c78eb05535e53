#include "engine/storage/key_pages.h"

#include <algorithm>
#include <cstring>

namespace silk::storage {
namespace {

// What a kept page costs besides its keys: itself (with its bounds), its slot or map node
// (with a copy of lo) and the clock's entry.
constexpr std::size_t kPageOverheadBytes = 320;
// No page takes more than this share of the budget: one long scan must not empty the rest.
constexpr std::size_t kBudgetShareOfOnePage = 8;

}  // namespace

std::size_t KeyPage::LowerBound(std::string_view key, std::size_t from) const {
  const auto first = keys.begin() + static_cast<std::ptrdiff_t>(from);
  const auto before = [](const QuadKey& k, std::string_view target) {
    return KeyLess(View(k), target);
  };
  return static_cast<std::size_t>(std::lower_bound(first, keys.end(), key, before) -
                                  keys.begin());
}

std::size_t KeyPage::bytes() const {
  return keys.capacity() * sizeof(QuadKey) + kPageOverheadBytes;
}

std::uint64_t KeyPages::FirstId(std::string_view key) {
  std::uint64_t first_id = 0;
  std::memcpy(&first_id, key.data(), std::min(key.size(), sizeof first_id));
  return first_id;
}

void KeyPages::BeginWrite() { generation_.fetch_add(1); }

void KeyPages::EndWrite() { Advance(generation_.fetch_add(1) + 1); }

std::optional<std::uint64_t> KeyPages::GenerationOf(const std::function<void()>& take) const {
  const std::uint64_t before = generation_.load();
  take();
  const std::uint64_t after = generation_.load();
  if (budget_ == 0 || before != after || before % 2 != 0) return std::nullopt;
  return before;
}

bool KeyPages::Advance(std::uint64_t generation) {
  if (generation == pages_generation_.load()) return true;
  if (generation < pages_generation_.load()) return false;
  const std::lock_guard clock_lock(clock_mu_);
  if (pages_generation_.load() < generation) {
    // First the generation, then the shards: a page of the old one kept meanwhile is
    // dropped here, or not kept (Insert checks the generation under the shard's lock).
    pages_generation_.store(generation);
    for (Shard& shard : shards_) {
      const std::lock_guard lock(shard.mu);
      for (PagesById& ids : shard.ids) ids.Clear();
    }
    clock_.clear();
    bytes_ = 0;
  }
  return pages_generation_.load() == generation;
}

KeyPages::Found KeyPages::Find(QuadIndex index, std::string_view key, std::uint64_t generation) {
  if (!Advance(generation)) return {};
  const std::uint64_t first_id = FirstId(key);
  Shard& shard = ShardOf(first_id);
  const std::lock_guard lock(shard.mu);
  Found found;
  const std::shared_ptr<const KeyPage>* before =
      shard.ids[static_cast<std::size_t>(index)].Before(first_id, key, &found.next_lo);
  if (before != nullptr && (*before)->generation == generation && (*before)->Holds(key)) {
    (*before)->read.store(true, std::memory_order_relaxed);
    found.page = *before;
    found.next_lo.reset();
  }
  return found;
}

void KeyPages::Insert(QuadIndex index, std::shared_ptr<KeyPage> page, std::uint64_t generation) {
  if (page->bytes() > budget_ / kBudgetShareOfOnePage || !Advance(generation)) return;
  page->generation = generation;
  const std::size_t bytes = page->bytes();
  const KeyBytes lo = page->lo;
  {
    const std::uint64_t first_id = FirstId(lo.view());
    Shard& shard = ShardOf(first_id);
    const std::lock_guard lock(shard.mu);
    if (pages_generation_.load() != generation) return;
    // Another cursor may have kept an overlapping page since this one was begun.
    if (!shard.ids[static_cast<std::size_t>(index)].Insert(first_id, std::move(page))) return;
  }
  const std::lock_guard clock_lock(clock_mu_);
  // Advance may have dropped the page since; it then emptied the clock too.
  if (pages_generation_.load() != generation) return;
  bytes_ += bytes;
  clock_.emplace_back(index, lo);
  EvictOverBudget();
}

void KeyPages::EvictOverBudget() {
  // Each page gets at most one second round: two passes of the hand empty the clock.
  std::size_t turns = 2 * clock_.size();
  while (bytes_ > budget_ && !clock_.empty() && turns-- > 0) {
    auto [index, lo] = std::move(clock_.front());
    clock_.pop_front();
    const std::uint64_t first_id = FirstId(lo.view());
    Shard& shard = ShardOf(first_id);
    const std::lock_guard lock(shard.mu);
    PagesById& ids = shard.ids[static_cast<std::size_t>(index)];
    const KeyPage* page = ids.Get(first_id, lo.view());
    if (page == nullptr) continue;
    if (page->read.exchange(false, std::memory_order_relaxed)) {
      clock_.emplace_back(index, std::move(lo));
      continue;
    }
    bytes_ -= std::min(bytes_, page->bytes());
    ids.Erase(first_id, lo.view());
  }
}

std::size_t KeyPages::bytes() const {
  const std::lock_guard lock(clock_mu_);
  return bytes_;
}

std::size_t KeyPages::pages() const {
  const std::lock_guard lock(clock_mu_);
  return clock_.size();
}

}  // namespace silk::storage
