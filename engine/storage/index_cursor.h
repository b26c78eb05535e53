// A forward scan over the keys of one quad index that start with a prefix, decoded to quads.
// Internal to engine/storage/.
#pragma once

#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/rocks_db.h"

namespace silk::storage {

// LevelDB's iterator shape: check status() once Valid() turns false. Borrows `rocks` and
// `snapshot` (null: the latest data), which must outlive it. Neither copyable nor movable:
// RocksDB holds a pointer to its upper bound.
class IndexCursor {
 public:
  // Positioned at the first key with `prefix` (empty: the whole index).
  IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
              std::string_view prefix);
  // The keys of `plan`: its prefix, narrowed to its object range if it has one.
  IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, const ScanPlan& plan);
  // The keys from `lower` to before `upper` (nullopt: to the end); `same_first_id`: all of
  // them start with the same id, so the prefix bloom filters apply, unless `first_id_held`
  // says the index is known to hold that id (ScanPlan::first_id_held).
  IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
              std::string_view lower, std::optional<KeyBytes> upper, bool same_first_id,
              bool first_id_held = false);
  IndexCursor(const IndexCursor&) = delete;
  IndexCursor& operator=(const IndexCursor&) = delete;

  // Moves to the keys of `plan`, when it reads the same index in the same way (whether its
  // keys share their first id, whether the index is known to hold it, whether they have an
  // upper bound); false, unmoved, otherwise. Keys a few steps ahead under the same first id
  // are reached with Next rather than a seek (see `parked_`).
  bool Reseek(const ScanPlan& plan);

  bool Valid() const { return valid_; }
  void Next();
  // REQUIRES: Valid()
  const QuadIds& quad() const { return quad_; }
  // REQUIRES: Valid(); the raw key, valid until Next().
  std::string_view key() const { return it_->key().ToStringView(); }
  Status status() const { return status_; }

 private:
  void Settle();
  // Positions the iterator at the first key at or after `lower`.
  void SeekTo(std::string_view lower);
  // Whether the iterator, parked where the last range ended and not past `lower`, is at the
  // first key at or after `lower`, or gets there within a few steps without leaving its first
  // id.
  bool WalkTo(std::string_view lower);

  QuadIndex index_;
  // All keys share their first id. Then the upper bound is checked here, not by RocksDB: at
  // the end of a range, the iterator stays on the first key past it, where the next range
  // often begins (the patterns of a star, probed one after another for one subject).
  bool same_first_id_ = false;
  bool first_id_held_ = false;
  bool bounded_ = false;  // there is an upper bound (upper_)
  // The iterator stopped at the first key at or past upper_, having read every key of the
  // range before it.
  bool parked_ = false;
  KeyBytes upper_;
  rocksdb::Slice upper_slice_;  // the read options point at it unless same_first_id_
  std::unique_ptr<rocksdb::Iterator> it_;
  QuadIds quad_;
  bool valid_ = false;
  Status status_;
};

}  // namespace silk::storage
