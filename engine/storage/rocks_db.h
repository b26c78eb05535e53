// The RocksDB database behind a store: opening (with the checks that it is a SilkGraph store of
// our format version), the column-family handles, the tuned options, and the translation of
// rocksdb::Status into our Status. Internal to engine/storage/.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/storage/format.h"
#include "engine/storage/key_pages.h"
#include "engine/storage/store.h"
#include "engine/storage/sync_watch.h"

namespace silk::storage {

// Our Status for a RocksDB failure; `context` says what we were doing ("reading DIR").
// REQUIRES: !status.ok()
Status FromRocks(const rocksdb::Status& status, std::string_view context);

class RocksDb {
 public:
  // Opens the database in `dir`; creates a new store there when the directory is missing or
  // empty and options allow it.
  // Errors: kBusy (another writer holds it), kIncompatible (another format version, or not a
  // SilkGraph store), kIOError.
  static Result<std::unique_ptr<RocksDb>> Open(const std::string& dir, const StoreOptions& options);

  // Use Open(); the key keeps construction private while allowing std::make_unique.
  class PassKey {
    friend class RocksDb;
    PassKey() = default;
  };
  explicit RocksDb(PassKey /*key*/) {}
  ~RocksDb();
  RocksDb(const RocksDb&) = delete;
  RocksDb& operator=(const RocksDb&) = delete;

  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* family(format::Family f) const {
    return handles_[static_cast<std::size_t>(f)];
  }
  // The options a family was opened with (for writing SST files that match it).
  rocksdb::Options FamilyOptions(format::Family f) const;
  // The decoded intervals of the quad indexes that this process's queries share; every
  // write to the quad indexes goes between its BeginWrite and EndWrite.
  KeyPages& key_pages() const { return *key_pages_; }

  // Updates the commit record after a commit is durable. REQUIRES: opened for writing.
  // A failure to write the record does not undo the commit, and is not an error of it: the
  // old record stays, which still holds (commit_record.h), so the failure goes to the log
  // and the next commit writes the record again.
  void RecordCommit();

  // Whether the statistics count the quads per class of rdf:type (format version 4).
  bool counts_classes() const { return version_ >= 4; }
  // Whether they count the quads per (predicate, object) pair (format version 5).
  bool counts_pairs() const { return version_ >= 5; }
  // Whether the store has its text index (format version 6); family(kText) is null in a
  // store of an older version opened read-only.
  bool has_text_index() const { return version_ >= format::kTextIndexVersion; }

  // How many syncs of the files that decide what the store holds have failed (sync_watch.h).
  std::uint64_t failed_syncs() const { return sync_watch_ ? sync_watch_->failed() : 0; }

  // A RocksDB checkpoint of this database in `target`, which must not exist, with a commit
  // record of what it holds. A read-only database may fail when a writer deleted one of its
  // files meanwhile (kIOError); trying again with a fresh open succeeds.
  Status Checkpoint(const std::string& target) const;

 private:
  // Opens the RocksDB database of an existing store once, and checks it against the record.
  static Result<std::unique_ptr<RocksDb>> OpenExisting(const std::string& dir,
                                                       const StoreOptions& options,
                                                       bool read_only);

  // Brings a store of format version 3 to 5 to 6: counts its classes (3) and its pairs (4),
  // and builds its text index, in one write. REQUIRES: writable.
  Status UpgradeFormat();

  std::string dir_;
  std::uint32_t version_ = format::kFormatVersion;
  int writer_fd_ = -1;  // the locked format::kWriterFile of a writable open
  std::uint64_t commits_ = 0;
  // Before db_, which uses them until it is destroyed (a writable open only).
  std::shared_ptr<SyncWatch> sync_watch_;
  std::unique_ptr<rocksdb::Env> env_;
  std::unique_ptr<rocksdb::DB> db_;
  rocksdb::DBOptions db_options_;
  std::array<rocksdb::ColumnFamilyOptions, format::kFamilyCount> family_options_;
  std::array<rocksdb::ColumnFamilyHandle*, format::kFamilyCount> handles_{};
  std::vector<rocksdb::ColumnFamilyHandle*> other_handles_;  // "default" and unknown families
  std::unique_ptr<KeyPages> key_pages_;  // made by OpenExisting
};

}  // namespace silk::storage
