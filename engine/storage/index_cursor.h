// A forward scan over the keys of one quad index that start with a prefix, decoded to quads.
// Internal to engine/storage/.
#pragma once

#include <rocksdb/db.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/key_pages.h"
#include "engine/storage/rocks_db.h"

namespace silk::storage {

// LevelDB's iterator shape: check status() once Valid() turns false. Borrows `rocks` and
// `snapshot` (null: the latest data), which must outlive it. Neither copyable nor movable:
// RocksDB holds a pointer to its upper bound.
//
// Given a PageView, a cursor whose keys share their first id reads the keys the view's
// pages hold from them, and gathers the keys it reads from RocksDB into new pages
// (key_pages.h), kept when it seeks elsewhere, reaches a page, or goes.
class IndexCursor {
 public:
  // Positioned at the first key with `prefix` (empty: the whole index).
  IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
              std::string_view prefix);
  // The keys of `plan`: its prefix, narrowed to its object range if it has one.
  IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, const ScanPlan& plan,
              PageView pages = {});
  // The keys from `lower` to before `upper` (nullopt: to the end); `same_first_id`: all of
  // them start with the same id, so the prefix bloom filters apply, unless `first_id_held`
  // says the index is known to hold that id (ScanPlan::first_id_held).
  IndexCursor(const RocksDb& rocks, const rocksdb::Snapshot* snapshot, QuadIndex index,
              std::string_view lower, std::optional<KeyBytes> upper, bool same_first_id,
              bool first_id_held = false, PageView pages = {});
  ~IndexCursor();
  IndexCursor(const IndexCursor&) = delete;
  IndexCursor& operator=(const IndexCursor&) = delete;

  // Moves to the keys of `plan`, when it reads the same index in the same way (whether its
  // keys share their first id, whether the index is known to hold it, whether they have an
  // upper bound); false, unmoved, otherwise. Keys a few steps ahead under the same first id
  // are reached with Next rather than a seek (see `parked_`).
  bool Reseek(const ScanPlan& plan);

  bool Valid() const { return valid_; }
  void Next();
  // Fills `out` with this key's quad and those after it, as Next would step to them, and
  // returns how many: fewer only at the end. A run within a page is decoded in one loop.
  std::size_t Read(std::span<QuadIds> out);
  // REQUIRES: Valid()
  const QuadIds& quad() const { return quad_; }
  Status status() const { return status_; }

 private:
  void Settle();
  // Positions the cursor at the first key at or after `lower`.
  void SeekTo(std::string_view lower);
  // Reads from the pages from `lower` on, when one holds it: true then.
  bool SeekInPages(std::string_view lower);
  // Reads page_ from position `at`.
  void EnterPage(std::size_t at);
  // Settles on the page's key at page_at_, or moves on past its end: to the page after it,
  // or to RocksDB.
  void SettleInPage();
  // Positions the RocksDB iterator at the first key at or after `lower`, gathering the keys
  // it reads from there into a new page when there are pages.
  void SeekInRocks(std::string_view lower);
  // The RocksDB iterator moved: gathers its key, or where its keys ended.
  void Gather();
  // Keeps the keys gathered, if they make a page.
  void KeepGathered();
  // Keeps them as a page up to the end of their first id: no key is left in it.
  void KeepGatheredToIdEnd();
  void EnsureIterator();
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
  const RocksDb& rocks_;
  rocksdb::ReadOptions read_;
  // Made at the first read from RocksDB: a cursor that the pages serve never needs one.
  std::unique_ptr<rocksdb::Iterator> it_;
  QuadIds quad_;

  // Pages are read and gathered only within one first id and up to a bound: a scan across
  // ids (a whole index) would fill the pages with keys rarely read twice.
  PageView pages_;
  std::shared_ptr<const KeyPage> page_;  // reading from this page when set
  std::size_t page_at_ = 0;
  std::size_t page_end_ = 0;  // the page's first key at or past upper_
  // The keys read from RocksDB since its last seek, with their interval: lo is that seek's
  // target; hi is known once the iterator ran out (the bound it stopped at).
  std::shared_ptr<KeyPage> gathering_;
  bool gathered_to_end_ = false;  // gathering_->hi is set: no key past the last gathered
  std::optional<KeyBytes> next_page_lo_;  // where gathering must stop: the next page
  bool valid_ = false;
  Status status_;
};

}  // namespace silk::storage
