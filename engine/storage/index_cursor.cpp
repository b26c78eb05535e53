#include "engine/storage/index_cursor.h"

#include <fmt/format.h>

namespace silk::storage {
namespace {

// How many keys a reseek steps through before it seeks instead: a step costs about a
// fifteenth of a seek within a cached block.
constexpr int kWalkKeys = 8;

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
                         const ScanPlan& plan)
    : IndexCursor(rocks, snapshot, plan.index, plan.LowerKey().view(), plan.UpperKey(),
                  plan.prefix_size >= format::kIdSize, plan.first_id_held) {}

IndexCursor::IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
                         std::string_view lower, std::optional<KeyBytes> upper,
                         bool same_first_id, bool first_id_held)
    : index_(index),
      same_first_id_(same_first_id),
      first_id_held_(same_first_id && first_id_held),
      bounded_(upper.has_value()) {
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  if (first_id_held_) {
    // An id the index holds: the filter would say so after a cache miss (about a tenth of a
    // seek within a cached block, in an index join's probes), and could never skip the seek.
    read.total_order_seek = true;
  } else if (same_first_id) {
    // Within one leading id: the prefix bloom filters apply.
    read.prefix_same_as_start = true;
  } else {
    read.total_order_seek = true;
    read.readahead_size = std::size_t{2} << 20;  // a scan of everything reads sequentially
  }
  if (upper) {
    upper_ = *upper;
    upper_slice_ = rocksdb::Slice(upper_.view().data(), upper_.view().size());
    if (!same_first_id_) read.iterate_upper_bound = &upper_slice_;
  }
  it_.reset(rocks.db()->NewIterator(read, rocks.family(FamilyOf(index))));
  SeekTo(lower);
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
  const bool may_walk = parked_ && lower.view() >= upper_.view();
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
  parked_ = false;
  for (int step = 0; step <= kWalkKeys; ++step) {
    const std::string_view key = it_->key().ToStringView();
    if (!SameFirstId(key, lower)) return false;
    if (key >= lower) return true;
    if (step == kWalkKeys) return false;
    it_->Next();
    if (!it_->Valid()) return it_->status().ok();  // nothing at or after `lower`
  }
  return false;
}

void IndexCursor::SeekTo(std::string_view lower) {
  parked_ = false;
  if (lower.empty()) {
    it_->SeekToFirst();
  } else {
    it_->Seek(rocksdb::Slice(lower.data(), lower.size()));
  }
  Settle();
}

void IndexCursor::Next() {
  parked_ = false;
  it_->Next();
  Settle();
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
