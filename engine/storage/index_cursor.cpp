#include "engine/storage/index_cursor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace silk::storage {
namespace {

// How many keys a reseek steps through before it seeks instead: a step costs about a
// fifteenth of a seek within a cached block.
constexpr int kWalkKeys = 8;

// A page gathered from a long scan is kept every this many keys (256 KiB).
constexpr std::size_t kKeysPerPage = 8192;

// The smallest key after `key`: every key that starts with it, and no other, lies before.
KeyBytes Successor(std::string_view key) {
  KeyBytes next(key);
  next.Append(std::string_view("\0", 1));
  return next;
}

bool SameFirstId(std::string_view a, std::string_view b) {
  return a.size() >= format::kIdSize && b.size() >= format::kIdSize &&
         a.substr(0, format::kIdSize) == b.substr(0, format::kIdSize);
}

std::optional<KeyBytes> UpperBoundOf(std::string_view prefix) {
  KeyBytes bound(prefix);
  if (!bound.ToPrefixUpperBound()) return std::nullopt;
  return bound;
}

}  // namespace

IndexCursor::IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
                         std::string_view prefix)
    : IndexCursor(rocks, snapshot, index, prefix, UpperBoundOf(prefix),
                  prefix.size() >= format::kIdSize) {}

IndexCursor::IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot,
                         const ScanPlan& plan, PageView pages)
    : IndexCursor(rocks, snapshot, plan.index, plan.LowerKey().view(), plan.UpperKey(),
                  plan.prefix_size >= format::kIdSize, plan.first_id_held, pages) {}

IndexCursor::IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
                         std::string_view lower, std::optional<KeyBytes> upper,
                         bool same_first_id, bool first_id_held, PageView pages)
    : index_(index),
      same_first_id_(same_first_id),
      first_id_held_(same_first_id && first_id_held),
      bounded_(upper.has_value()),
      rocks_(rocks),
      pages_(same_first_id && upper ? pages : PageView{}) {
  read_.snapshot = snapshot;
  if (first_id_held_) {
    // An id the index holds: the filter would say so after a cache miss (about a tenth of a
    // seek within a cached block, in an index join's probes), and could never skip the seek.
    read_.total_order_seek = true;
  } else if (same_first_id) {
    // Within one leading id: the prefix bloom filters apply.
    read_.prefix_same_as_start = true;
  } else {
    read_.total_order_seek = true;
    read_.readahead_size = std::size_t{2} << 20;  // a scan of everything reads sequentially
  }
  if (upper) {
    upper_ = *upper;
    upper_slice_ = rocksdb::Slice(upper_.view().data(), upper_.view().size());
    if (!same_first_id_) read_.iterate_upper_bound = &upper_slice_;
  }
  SeekTo(lower);
}

IndexCursor::~IndexCursor() { KeepGathered(); }

void IndexCursor::EnsureIterator() {
  if (!it_) it_.reset(rocks_.db()->NewIterator(read_, rocks_.family(FamilyOf(index_))));
}

bool IndexCursor::Reseek(const ScanPlan& plan) {
  const std::optional<KeyBytes> upper = plan.UpperKey();
  const bool same_first_id = plan.prefix_size >= format::kIdSize;
  if (plan.index != index_ || same_first_id != same_first_id_ ||
      (same_first_id && plan.first_id_held) != first_id_held_ ||
      upper.has_value() != bounded_) {
    return false;
  }
  const KeyBytes lower = plan.LowerKey();
  // Parked past the last range, having read every key before its bound (upper_, until it is
  // replaced below): when `lower` is not below that bound, no key from `lower` on was passed.
  const bool may_walk = parked_ && !KeyLess(lower.view(), upper_.view());
  // The iterator reads the bound through the pointer its options hold, at every seek.
  if (upper) {
    upper_ = *upper;
    upper_slice_ = rocksdb::Slice(upper_.view().data(), upper_.view().size());
  }
  status_ = Status::Ok();
  if (may_walk && WalkTo(lower.view())) {
    Settle();
  } else {
    SeekTo(lower.view());
  }
  return true;
}

bool IndexCursor::WalkTo(std::string_view lower) {
  // No key from `lower` on was passed (Reseek checked), so where the iterator is, or a key it
  // steps to, is the first at or after `lower` once it is not below it. The first id must
  // stay the same: with prefix bloom filters, the iterator reads only the one it sought.
  // Parked is only ever the iterator (a page's cursor does not park).
  parked_ = false;
  for (int step = 0; step <= kWalkKeys; ++step) {
    const std::string_view key = it_->key().ToStringView();
    if (!SameFirstId(key, lower)) return false;
    if (key >= lower) return true;
    if (step == kWalkKeys) return false;
    it_->Next();
    Gather();
    if (!it_->Valid()) return it_->status().ok();  // nothing at or after `lower`
  }
  return false;
}

void IndexCursor::SeekTo(std::string_view lower) {
  parked_ = false;
  KeepGathered();
  if (pages_.pages != nullptr && SeekInPages(lower)) return;
  SeekInRocks(lower);
}

bool IndexCursor::SeekInPages(std::string_view lower) {
  if (page_ != nullptr && page_->Holds(lower)) {
    // Probes in key order often land in the page being read, ahead of where it is.
    const bool ahead =
        page_at_ < page_->keys.size() && !KeyLess(lower, KeyPage::View(page_->keys[page_at_]));
    EnterPage(page_->LowerBound(lower, ahead ? page_at_ : 0));
    SettleInPage();
    return true;
  }
  KeyPages::Found found = pages_.pages->Find(index_, lower, pages_.generation);
  if (found.page == nullptr) {
    page_.reset();
    next_page_lo_ = std::move(found.next_lo);
    return false;
  }
  page_ = std::move(found.page);
  EnterPage(page_->LowerBound(lower));
  SettleInPage();
  return true;
}

void IndexCursor::EnterPage(std::size_t at) {
  page_at_ = at;
  // Keys before `at` are below the bound too: this cursor's keys start there.
  page_end_ = page_->LowerBound(upper_.view(), at);
}

void IndexCursor::SettleInPage() {
  while (page_at_ == page_->keys.size()) {
    // Past the page's last key: on at its end, unless that is past this cursor's keys.
    const KeyBytes hi = page_->hi;
    if (hi.empty() || !KeyLess(hi.view(), upper_.view())) {
      valid_ = false;
      page_.reset();
      return;
    }
    KeyPages::Found found = pages_.pages->Find(index_, hi.view(), pages_.generation);
    if (found.page == nullptr) {
      page_.reset();
      next_page_lo_ = std::move(found.next_lo);
      SeekInRocks(hi.view());
      return;
    }
    page_ = std::move(found.page);
    EnterPage(page_->LowerBound(hi.view()));
  }
  if (page_at_ >= page_end_) {
    valid_ = false;  // past this cursor's keys; a page's cursor does not park
    return;
  }
  valid_ = true;
  quad_ = DecodeQuadKey(index_, page_->keys[page_at_].data());
}

void IndexCursor::SeekInRocks(std::string_view lower) {
  page_.reset();
  EnsureIterator();
  if (pages_.pages != nullptr) {
    gathering_ = std::make_shared<KeyPage>();
    gathering_->lo = KeyBytes(lower);
    gathered_to_end_ = false;
  }
  if (lower.empty()) {
    it_->SeekToFirst();
  } else {
    it_->Seek(rocksdb::Slice(lower.data(), lower.size()));
  }
  Gather();
  Settle();
}

void IndexCursor::Next() {
  parked_ = false;
  if (page_ != nullptr) {
    ++page_at_;
    SettleInPage();
    return;
  }
  it_->Next();
  Gather();
  Settle();
}

std::size_t IndexCursor::Read(std::span<QuadIds> out) {
  std::size_t n = 0;
  while (n < out.size() && valid_) {
    if (page_ == nullptr) {
      out[n++] = quad_;
      Next();
      continue;
    }
    // Settled: page_at_ is before page_end_, which is at most the page's end.
    const std::size_t run = std::min(page_end_ - page_at_, out.size() - n);
    DecodeQuadKeys(index_, page_->keys.data() + page_at_, run, out.data() + n);
    n += run;
    page_at_ += run;
    SettleInPage();
  }
  return n;
}

void IndexCursor::Gather() {
  if (gathering_ == nullptr) return;
  if (!it_->Valid()) {
    if (!it_->status().ok()) {
      gathering_.reset();  // nothing is known of the keys past the failure
      return;
    }
    KeepGatheredToIdEnd();  // no key is left in lo's first id (nor, maybe, after it)
    return;
  }
  const rocksdb::Slice key = it_->key();
  if (key.size() != format::kQuadKeySize) {
    gathering_.reset();  // Settle reports it
    return;
  }
  if (!SameFirstId(key.ToStringView(), gathering_->lo.view())) {
    KeepGatheredToIdEnd();  // pages lie within one first id
    return;
  }
  if (next_page_lo_ && key.ToStringView() >= next_page_lo_->view()) {
    // Reached the next page: the keys gathered end where it starts. The iterator reads on;
    // the next seek reads from that page.
    gathering_->hi = *next_page_lo_;
    gathered_to_end_ = true;
    KeepGathered();
    return;
  }
  QuadKey& copy = gathering_->keys.emplace_back();
  std::memcpy(copy.data(), key.data(), copy.size());
  if (gathering_->keys.size() == kKeysPerPage) {
    // A long scan keeps pages of a bounded size as it goes.
    const KeyBytes next_lo = Successor(key.ToStringView());
    gathering_->hi = next_lo;
    gathered_to_end_ = true;
    KeepGathered();
    gathering_ = std::make_shared<KeyPage>();
    gathering_->lo = next_lo;
    gathered_to_end_ = false;
  }
}

void IndexCursor::KeepGatheredToIdEnd() {
  // Empty past the last first id: the index's end.
  KeyBytes end(gathering_->lo.view().substr(0, format::kIdSize));
  end.ToPrefixUpperBound();
  gathering_->hi = end;
  gathered_to_end_ = true;
  KeepGathered();
}

void IndexCursor::KeepGathered() {
  if (gathering_ == nullptr) return;
  std::shared_ptr<KeyPage> page = std::move(gathering_);
  gathering_.reset();
  if (!gathered_to_end_) {
    // Read up to the last key gathered: the page ends right after it.
    if (page->keys.empty()) return;
    page->hi = Successor(KeyPage::View(page->keys.back()));
  }
  if (!page->hi.empty() && page->hi.view() <= page->lo.view()) return;
  // A long page's spare capacity is worth a copy (it is counted against the budget).
  if (page->keys.capacity() - page->keys.size() > page->keys.size() / 4 + 4) {
    page->keys.shrink_to_fit();
  }
  pages_.pages->Insert(index_, std::move(page), pages_.generation);
}

void IndexCursor::Settle() {
  valid_ = it_->Valid();
  if (!valid_) {
    if (!it_->status().ok()) {
      status_ =
          FromRocks(it_->status(), fmt::format("cannot read the {} index", IndexName(index_)));
    }
    return;
  }
  if (it_->key().size() != format::kQuadKeySize) {
    valid_ = false;
    status_ =
        Status::Corruption(fmt::format("a key of the {} index is {} bytes, not {}",
                                       IndexName(index_), it_->key().size(), format::kQuadKeySize));
    return;
  }
  if (same_first_id_ && bounded_ && it_->key().ToStringView() >= upper_.view()) {
    valid_ = false;  // past the range; the iterator stays there (WalkTo)
    parked_ = true;
    return;
  }
  quad_ = DecodeQuadKey(index_, it_->key().data());
}

}  // namespace silk::storage
