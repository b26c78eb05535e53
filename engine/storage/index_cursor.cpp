#include "engine/storage/index_cursor.h"

#include <fmt/format.h>

namespace silk::storage {
namespace {

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
    read.iterate_upper_bound = &upper_slice_;
  }
  it_.reset(rocks.db()->NewIterator(read, rocks.family(FamilyOf(index))));
  if (lower.empty()) {
    it_->SeekToFirst();
  } else {
    it_->Seek(rocksdb::Slice(lower.data(), lower.size()));
  }
  Settle();
}

bool IndexCursor::Reseek(const ScanPlan& plan) {
  const std::optional<KeyBytes> upper = plan.UpperKey();
  const bool same_first_id = plan.prefix_size >= format::kIdSize;
  if (plan.index != index_ || same_first_id != same_first_id_ ||
      (same_first_id && plan.first_id_held) != first_id_held_ ||
      upper.has_value() != bounded_) {
    return false;
  }
  // The iterator reads the bound through the pointer its options hold, at every seek.
  if (upper) {
    upper_ = *upper;
    upper_slice_ = rocksdb::Slice(upper_.view().data(), upper_.view().size());
  }
  const KeyBytes lower = plan.LowerKey();
  if (lower.empty()) {
    it_->SeekToFirst();
  } else {
    it_->Seek(rocksdb::Slice(lower.view().data(), lower.view().size()));
  }
  status_ = Status::Ok();
  Settle();
  return true;
}

void IndexCursor::Next() {
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
  quad_ = DecodeQuadKey(index_, it_->key().data());
}

}  // namespace silk::storage
