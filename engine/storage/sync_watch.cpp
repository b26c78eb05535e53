#include "engine/storage/sync_watch.h"

#include <string_view>
#include <utility>

namespace silk::storage {
namespace {

using Counter = std::shared_ptr<std::atomic<std::uint64_t>>;

rocksdb::IOStatus Counted(rocksdb::IOStatus status, const Counter& failed) {
  if (!status.ok()) failed->fetch_add(1);
  return status;
}

bool DecidesContents(const std::string& path) {
  const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
  return name.starts_with("MANIFEST-") || name.ends_with(".log");
}

class WatchedFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  WatchedFile(std::unique_ptr<rocksdb::FSWritableFile> file, Counter failed)
      : FSWritableFileOwnerWrapper(std::move(file)), failed_(std::move(failed)) {}

  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    return Counted(target()->Sync(options, dbg), failed_);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    return Counted(target()->Fsync(options, dbg), failed_);
  }
  rocksdb::IOStatus RangeSync(std::uint64_t offset, std::uint64_t bytes,
                              const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    return Counted(target()->RangeSync(offset, bytes, options, dbg), failed_);
  }

 private:
  Counter failed_;
};

class WatchedDirectory final : public rocksdb::FSDirectoryWrapper {
 public:
  WatchedDirectory(std::unique_ptr<rocksdb::FSDirectory> dir, Counter failed)
      : FSDirectoryWrapper(std::move(dir)), failed_(std::move(failed)) {}

  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    return Counted(FSDirectoryWrapper::Fsync(options, dbg), failed_);
  }
  rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions& options,
                                        rocksdb::IODebugContext* dbg,
                                        const rocksdb::DirFsyncOptions& dir_options) override {
    return Counted(FSDirectoryWrapper::FsyncWithDirOptions(options, dbg, dir_options), failed_);
  }

 private:
  Counter failed_;
};

}  // namespace

SyncWatch::SyncWatch()
    : FileSystemWrapper(rocksdb::FileSystem::Default()),
      failed_(std::make_shared<std::atomic<std::uint64_t>>(0)) {}

void SyncWatch::Watch(const std::string& name, std::unique_ptr<rocksdb::FSWritableFile>* file) {
  if (*file && DecidesContents(name)) {
    *file = std::make_unique<WatchedFile>(std::move(*file), failed_);
  }
}

rocksdb::IOStatus SyncWatch::NewWritableFile(const std::string& name,
                                             const rocksdb::FileOptions& options,
                                             std::unique_ptr<rocksdb::FSWritableFile>* file,
                                             rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->NewWritableFile(name, options, file, dbg);
  if (s.ok()) Watch(name, file);
  return s;
}

rocksdb::IOStatus SyncWatch::ReopenWritableFile(const std::string& name,
                                                const rocksdb::FileOptions& options,
                                                std::unique_ptr<rocksdb::FSWritableFile>* file,
                                                rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->ReopenWritableFile(name, options, file, dbg);
  if (s.ok()) Watch(name, file);
  return s;
}

rocksdb::IOStatus SyncWatch::ReuseWritableFile(const std::string& name, const std::string& old_name,
                                               const rocksdb::FileOptions& options,
                                               std::unique_ptr<rocksdb::FSWritableFile>* file,
                                               rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->ReuseWritableFile(name, old_name, options, file, dbg);
  if (s.ok()) Watch(name, file);
  return s;
}

rocksdb::IOStatus SyncWatch::DeleteFile(const std::string& name, const rocksdb::IOOptions& options,
                                        rocksdb::IODebugContext* dbg) {
  if (failed() != 0) {
    return rocksdb::IOStatus::IOError(name, "kept: a sync failed, so the MANIFEST may name it");
  }
  return target()->DeleteFile(name, options, dbg);
}

rocksdb::IOStatus SyncWatch::NewDirectory(const std::string& name,
                                          const rocksdb::IOOptions& options,
                                          std::unique_ptr<rocksdb::FSDirectory>* dir,
                                          rocksdb::IODebugContext* dbg) {
  rocksdb::IOStatus s = target()->NewDirectory(name, options, dir, dbg);
  if (s.ok() && *dir) *dir = std::make_unique<WatchedDirectory>(std::move(*dir), failed_);
  return s;
}

std::unique_ptr<rocksdb::Env> MakeWatchedEnv(const std::shared_ptr<SyncWatch>& watch) {
  return rocksdb::NewCompositeEnv(watch);
}

}  // namespace silk::storage
