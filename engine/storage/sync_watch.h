// A RocksDB file system that counts failed syncs of the files that decide what a store holds
// (its write-ahead logs, its MANIFESTs and its directories), and after one deletes no file.
// Internal to engine/storage/.
//
// A write whose sync failed is neither done nor undone: the bytes may already be in the file,
// and RocksDB replays them on the next open (a failed fsync cannot be retried either, since the
// kernel may have dropped the dirty pages it reported on). So:
// - a commit that fails while the count moves is reported as kIndeterminate, never as "the
//   store is unchanged";
// - RocksDB cleans up after a failed ingestion by deleting the ingested tables, even when the
//   MANIFEST record naming them was written and only its sync failed; the next open then finds
//   the store damaged. Deletions are refused instead, and the next writable open removes
//   whatever its MANIFEST does not name.
#pragma once

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include <atomic>
#include <cstdint>
#include <memory>

namespace silk::storage {

class SyncWatch final : public rocksdb::FileSystemWrapper {
 public:
  SyncWatch();

  // Failed syncs so far, of any thread.
  std::uint64_t failed() const { return failed_->load(); }

  const char* Name() const override { return "SilkSyncWatch"; }
  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* file,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* file,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* file,
                                      rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& name, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* dir,
                                 rocksdb::IODebugContext* dbg) override;

 private:
  // Wraps `file` to count its failed syncs when `name` is a log or a MANIFEST.
  void Watch(const std::string& name, std::unique_ptr<rocksdb::FSWritableFile>* file);

  // Shared with the wrapped files, which RocksDB may keep after the file system goes.
  std::shared_ptr<std::atomic<std::uint64_t>> failed_;
};

// An Env that does its file work through `watch`, for DBOptions::env; it must outlive the
// database.
std::unique_ptr<rocksdb::Env> MakeWatchedEnv(const std::shared_ptr<SyncWatch>& watch);

}  // namespace silk::storage
