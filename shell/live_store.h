// The store as a long-lived session (the shell) sees it: each read sees the latest commit,
// also one made by another process, and the write lock is held only while a statement writes,
// so an idle shell never keeps `silk load` in another terminal out.
//
// Thread-safe: any number of threads may read (GetSnapshot, Stats) while one writes (the
// caller lets one WriteTransaction live at a time); waiting for another process's write
// lock holds up no reader.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::shell {

class LiveStore final : public storage::Store {
 public:
  // Opens the store in `dir` (the default store when empty), creating and seeding a new one
  // as OpenStore does, then holds it open read-only.
  static Result<std::unique_ptr<LiveStore>> Open(const std::string& dir);

  const std::string& dir() const override { return dir_; }
  // Never: a write opens the store for writing when it starts.
  bool read_only() const override { return false; }

  // A snapshot of the latest commit: the store is reopened first if anything committed since
  // it was opened. Inside a write, the writer's own view.
  std::unique_ptr<storage::Snapshot> GetSnapshot() const override;
  // Opens the store for writing, waiting up to kWriterWait for another writer to finish; the
  // lock is released when the transaction is destroyed. When the store stays busy, every
  // operation of the transaction fails with kBusy, saying so.
  std::unique_ptr<storage::WriteTransaction> BeginWrite(const storage::WriteOptions& options) override;
  Result<storage::StoreStats> Stats() const override;
  Status Check() const override;

  // How long a write waits for another process's write to end before it gives up.
  static constexpr std::chrono::seconds kWriterWait{10};

 private:
  explicit LiveStore(std::string dir) : dir_(std::move(dir)) {}
  // The read-only store, reopened when the store's files say something was committed.
  // REQUIRES: mutex_ held.
  Result<std::shared_ptr<storage::Store>> Reader() const;
  // The writer while a write is open, else Reader().
  Result<std::shared_ptr<storage::Store>> Current() const;
  // What identifies the store's committed state: names, sizes and times of its CURRENT,
  // MANIFEST and write-ahead log files, which every commit changes.
  std::string Fingerprint() const;

  std::string dir_;
  mutable std::mutex mutex_;  // guards the three below
  // Shared with the snapshots and transactions made from it, so that a refresh never pulls a
  // store out from under a reader that is still using it.
  mutable std::shared_ptr<storage::Store> reader_;
  mutable std::string reader_fingerprint_;
  mutable std::weak_ptr<storage::Store> writer_;
};

}  // namespace silk::shell
