#include "engine/storage/pages_by_id.h"

#include <iterator>

#include "engine/storage/key_pages.h"

namespace silk::storage {
namespace {

// Whether pages [a.lo, a.hi) and [b.lo, b.hi) share a key (an empty hi: the index's end).
bool Overlap(const KeyPage& a, const KeyPage& b) {
  const bool a_before_b = !a.hi.empty() && a.hi.view() <= b.lo.view();
  const bool b_before_a = !b.hi.empty() && b.hi.view() <= a.lo.view();
  return !a_before_b && !b_before_a;
}

}  // namespace

const std::shared_ptr<const KeyPage>* PagesById::Before(std::uint64_t id, std::string_view key,
                                                         std::optional<KeyBytes>* next_lo) const {
  const Pages* pages = pages_.Find(id);
  if (pages == nullptr) return nullptr;
  if (pages->one != nullptr) {
    if (!KeyLess(key, pages->one->lo.view())) return &pages->one;
    if (next_lo != nullptr) *next_lo = pages->one->lo;
    return nullptr;
  }
  const auto next = pages->many->upper_bound(key);
  if (next_lo != nullptr && next != pages->many->end()) *next_lo = next->first;
  if (next == pages->many->begin()) return nullptr;
  return &std::prev(next)->second;
}

bool PagesById::Insert(std::uint64_t id, std::shared_ptr<const KeyPage> page) {
  Pages* pages = pages_.Find(id);
  if (pages == nullptr) {
    pages_.Insert(id, Pages{std::move(page), nullptr});
    return true;
  }
  if (pages->one != nullptr) {
    if (Overlap(*pages->one, *page)) return false;
    pages->many = std::make_unique<PageMap>();
    pages->many->emplace(pages->one->lo, std::move(pages->one));
    pages->one.reset();
  }
  PageMap& map = *pages->many;
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

const KeyPage* PagesById::Get(std::uint64_t id, std::string_view lo) const {
  const Pages* pages = pages_.Find(id);
  if (pages == nullptr) return nullptr;
  if (pages->one != nullptr) return pages->one->lo.view() == lo ? pages->one.get() : nullptr;
  const auto it = pages->many->find(lo);
  return it == pages->many->end() ? nullptr : it->second.get();
}

void PagesById::Erase(std::uint64_t id, std::string_view lo) {
  Pages* pages = pages_.Find(id);
  if (pages == nullptr) return;
  if (pages->one != nullptr) {
    if (pages->one->lo.view() == lo) pages_.Erase(id);
    return;
  }
  PageMap& map = *pages->many;
  const auto it = map.find(lo);
  if (it == map.end()) return;
  map.erase(it);
  if (map.size() == 1) {
    pages->one = std::move(map.begin()->second);
    pages->many.reset();
  } else if (map.empty()) {
    pages_.Erase(id);
  }
}

void PagesById::Clear() { pages_.Clear(); }

}  // namespace silk::storage
