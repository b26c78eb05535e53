#include "engine/storage/rocks_db.h"

#include <fmt/format.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "engine/storage/commit_record.h"
#include "engine/storage/rocks_log.h"
#include "engine/storage/statistics.h"
#include "engine/storage/term_dictionary.h"
#include "engine/storage/text_index.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;
using format::Family;

// Measured on a million generated news quads, in bytes per quad, load time unchanged: 32 KiB
// blocks with a restart point every 64 keys take spog, posg and ospg from 15.6 to 14.1 (12.9
// without the whole-key filter), 16 KiB blocks take the dictionary from 7.5 to 5.7. A seek
// walks up to a restart interval of keys: every 32 keys costs 0.45 bytes a quad more than 64
// and gives back half of what 64 cost a join of index seeks (bench q4: 196 ms with 16, 206
// with 32, 217 with 64).
constexpr std::size_t kIndexBlockBytes = 32 << 10;
constexpr int kIndexRestartInterval = 32;
constexpr std::size_t kDictionaryBlockBytes = 16 << 10;

std::string NotAStore(const std::string& dir) {
  return fmt::format("{} is not a SilkGraph store", dir);
}

bool IsQuadIndex(Family f) {
  return f == Family::kSpog || f == Family::kPosg || f == Family::kOspg || f == Family::kGspo;
}

// `log` receives RocksDB's warnings and errors (rocks_log.h says why it is ours).
rocksdb::DBOptions MakeDbOptions(std::shared_ptr<rocksdb::Logger> log) {
  rocksdb::DBOptions o;
  o.info_log = std::move(log);
  o.max_background_jobs = 2;
  // RocksDB opens a family's table files on up to 16 threads of their own (default), for each
  // of the nine families: 140 threads made for a read of a store of a few dozen files, about
  // half the start-up time of `silk query`. Two match the machines this runs on.
  o.max_file_opening_threads = 2;
  // Bound the memory of all memtables together and the WAL replayed on open.
  o.db_write_buffer_size = std::size_t{256} << 20;
  o.max_total_wal_size = std::uint64_t{256} << 20;
  o.bytes_per_sync = 1 << 20;
  // Damage is never silent. A record in the write-ahead log that fails its checksum is
  // reported, not skipped (point-in-time recovery, the default, silently drops it and every
  // write after it); only an incomplete last record is tolerated, which is what a process
  // killed while writing leaves (that write was never acknowledged). Paranoid checks make
  // RocksDB verify files on open and stop writing after a background error.
  o.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  o.paranoid_checks = true;
  o.best_efforts_recovery = false;
  return o;
}

rocksdb::ColumnFamilyOptions MakeFamilyOptions(Family f,
                                               const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.format_version = 5;
  o.level_compaction_dynamic_level_bytes = true;
  // LZ4 while data moves through the upper levels, ZSTD where it settles (and for ingested
  // files, which SstFileWriter compresses as bottommost).
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  if (IsQuadIndex(f)) {
    // Fixed-width keys sharing long prefixes: bigger blocks compress better, and a key stored
    // whole at a restart point costs far more than the few steps a seek takes past one.
    table.block_size = kIndexBlockBytes;
    table.block_restart_interval = kIndexRestartInterval;
    // The first id is the prefix every bound-pattern scan seeks within, so bloom filters hold
    // prefixes. None holds whole keys: that cost 1.25 bytes a quad in spog, and only a point
    // Get of an absent quad whose subject exists gains from it (a microsecond or two).
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    table.whole_key_filtering = false;
    o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(format::kIdSize));
  } else if (f == Family::kId2Term || f == Family::kTerm2Id) {
    // Term records are text: bigger blocks compress them better, and looking terms up was no
    // slower with the blocks cached.
    table.block_size = kDictionaryBlockBytes;
    if (f == Family::kTerm2Id) {
      // Loads probe for terms that are usually absent: a filter saves the block reads.
      table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    }
  } else if (f == Family::kText) {
    // Postings keys share long prefixes (the word) and their values are a few bytes.
    table.block_size = kDictionaryBlockBytes;
  } else if (f == Family::kStats || f == Family::kMeta) {
    o.write_buffer_size = 4 << 20;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return o;
}

std::string EncodeVersion(std::uint32_t v) {
  std::string out(4, '\0');
  for (int i = 3; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

std::optional<std::uint32_t> DecodeVersion(std::string_view bytes) {
  if (bytes.size() != 4) {
    return std::nullopt;
  }
  std::uint32_t v = 0;
  for (const char c : bytes) {
    v = (v << 8) | static_cast<unsigned char>(c);
  }
  return v;
}

bool IsLockFailure(const rocksdb::Status& s) {
  // RocksDB reports a held LOCK file as an I/O error naming it ("While lock file: DIR/LOCK:
  // Resource temporarily unavailable", or "lock hold by current process" for this process).
  return s.IsIOError() && s.ToString().find("/LOCK") != std::string::npos;
}

// Read-only opens that race a writer: how often and how far apart to try.
constexpr int kReaderAttempts = 10;
constexpr auto kReaderRetryPause = std::chrono::milliseconds(20);
constexpr auto kWriterPoll = std::chrono::milliseconds(100);

// What a read-only open reads the store's state from: the MANIFEST it names, and the write-ahead
// logs it replays on top. A writer's flush, compaction or ingest that lands while a reader opens
// edits the MANIFEST and may delete a log the reader has yet to replay, so the reader could see
// one column family's new files without another's logged writes (quads whose terms it lacks).
// The same description before and after the open means no such change came in between. Logs
// that only grew are fine: a commit is one log record, and a torn last record is dropped.
std::vector<std::string> StateFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.ends_with(".log")) {
      files.push_back(name);
    } else if (name == "CURRENT" || name.starts_with("MANIFEST-")) {
      std::error_code size_ec;
      files.push_back(fmt::format("{}:{}", name, it->file_size(size_ec)));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A failed RocksDB open of an existing store: a file it needs that is unreadable or missing is
// damage.
Status OpenFailure(const rocksdb::Status& s, const std::string& dir) {
  if (IsLockFailure(s)) {
    return Status::Busy(fmt::format("store {} is in use by another process", dir));
  }
  if (s.IsCorruption() || (s.IsIOError() && (s.IsPathNotFound() ||
                                             s.ToString().find("No such file") != std::string::npos))) {
    return Status::Corruption(DamagedMessage(dir, s.ToString()));
  }
  return FromRocks(s, fmt::format("cannot open the store at {}", dir));
}

// This process's command as a person typed it, shortened: "silk load" for
// `silk --db DIR load data.nt`.
std::string ThisCommand() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> words;
  for (std::size_t start = 0; start < all.size();) {
    const std::size_t end = std::min(all.find('\0', start), all.size());
    words.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty()) return "another process";
  std::string command = fs::path(words[0]).filename().string();
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (!words[i].starts_with('-') && !words[i - 1].starts_with('-')) {
      return command + " " + words[i];
    }
  }
  return command;
}

// Who holds the writer file: "silk load (pid 1234)".
std::string Holder(int fd) {
  char buffer[512];
  const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
  if (n <= 0) return "another process";
  const std::string text(buffer, static_cast<std::size_t>(n));
  const std::size_t newline = text.find('\n');
  if (newline == std::string::npos) return "another process";
  std::string command = text.substr(newline + 1);
  while (!command.empty() && command.back() == '\n') command.pop_back();
  return fmt::format("{} (pid {})", command.empty() ? "another process" : command,
                     text.substr(0, newline));
}

// Takes the store's writer lock, waiting up to options.writer_wait, and writes who holds it.
Result<int> LockWriter(const std::string& dir, const StoreOptions& options, bool* created) {
  const std::string path = (fs::path(dir) / format::kWriterFile).string();
  std::error_code ec;
  *created = !fs::exists(path, ec);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  const auto deadline = std::chrono::steady_clock::now() + options.writer_wait;
  bool told = false;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int why = errno;
      ::close(fd);
      return Status::IOError(fmt::format("cannot lock {}: {}", path, std::strerror(why)));
    }
    const std::string holder = Holder(fd);
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd);
      return Status::Busy(fmt::format("store {} is in use by {}", dir, holder));
    }
    if (!told && options.on_wait) {
      options.on_wait(holder);
    }
    told = true;
    std::this_thread::sleep_for(kWriterPoll);
  }
  const std::string text = fmt::format("{}\n{}\n", ::getpid(), ThisCommand());
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
    const int why = errno;
    ::close(fd);
    return Status::IOError(fmt::format("cannot write {}: {}", path, std::strerror(why)));
  }
  return fd;
}

// Releases the writer lock unless Release() handed it on.
class WriterLock {
 public:
  explicit WriterLock(int fd) : fd_(fd) {}
  ~WriterLock() { Unlock(fd_); }
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  int Release() { return std::exchange(fd_, -1); }
  static void Unlock(int fd) {
    if (fd < 0) return;
    // Emptied, not removed: a process that opened the file to wait for it must lock the same
    // file as the next writer.
    if (::ftruncate(fd, 0) != 0) {
      // Only the holder's name is stale; the lock goes with the descriptor.
    }
    ::close(fd);
  }

 private:
  int fd_;
};

// Makes a new store in `dir` (missing or empty) atomically: in a sibling directory that is
// renamed into place, so that no process ever sees half a store. When another process made
// one there first, that one is kept.
Status CreateStore(const std::string& dir, const StoreOptions& options) {
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec);
  if (ec) {
    return Status::IOError(fmt::format("cannot create {}: {}", dir, ec.message()));
  }
  target = target.lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return Status::IOError(fmt::format("cannot create {}: {}", dir, ec.message()));
  }
  const fs::path tmp = target.string() + fmt::format(".tmp-{}", ::getpid());
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);  // the log opens before RocksDB would make the directory
  {
    rocksdb::DBOptions db_options = MakeDbOptions(MakeStoreLog(tmp.string(), /*read_only=*/false));
    db_options.create_if_missing = true;
    db_options.create_missing_column_families = true;
    const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.block_cache_bytes);
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
    for (std::size_t i = 0; i < format::kFamilyCount; ++i) {
      descriptors.emplace_back(std::string(format::kFamilyNames[i]),
                               MakeFamilyOptions(static_cast<Family>(i), cache));
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    rocksdb::Status s = rocksdb::DB::Open(db_options, tmp.string(), descriptors, &handles, &raw);
    if (!s.ok()) {
      fs::remove_all(tmp, ec);
      return FromRocks(s, fmt::format("cannot create the store at {}", dir));
    }
    std::unique_ptr<rocksdb::DB> db(raw);
    rocksdb::WriteOptions write;
    write.sync = true;
    s = db->Put(write, handles[1 + static_cast<std::size_t>(Family::kMeta)],
                std::string(format::kMetaFormatVersion), EncodeVersion(format::kFormatVersion));
    for (rocksdb::ColumnFamilyHandle* handle : handles) {
      db->DestroyColumnFamilyHandle(handle);
    }
    const rocksdb::Status closed = db->Close();
    if (s.ok()) s = closed;
    if (!s.ok()) {
      db.reset();
      fs::remove_all(tmp, ec);
      return FromRocks(s, fmt::format("cannot create the store at {}", dir));
    }
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int why = errno;
    fs::remove_all(tmp, ec);
    if (why == ENOTEMPTY || why == EEXIST) {
      return Status::Ok();  // another process created the store first
    }
    return Status::IOError(fmt::format("cannot create {}: {}", dir, std::strerror(why)));
  }
  const int parent = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
  if (parent >= 0) {
    ::fsync(parent);
    ::close(parent);
  }
  return Status::Ok();
}

bool FamilyIsEmpty(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* handle) {
  rocksdb::ReadOptions read;
  read.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, handle));
  it->SeekToFirst();
  return !it->Valid() && it->status().ok();
}

}  // namespace

Status FromRocks(const rocksdb::Status& status, std::string_view context) {
  const std::string detail = status.ToString();
  if (status.IsNoSpace()) {
    return Status::IOError(fmt::format("{}: the disk is full ({})", context, detail));
  }
  const std::string message = fmt::format("{}: {}", context, detail);
  switch (status.code()) {
    case rocksdb::Status::kCorruption:
      return Status::Corruption(fmt::format("{}: the store is damaged: {}", context, detail));
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain:
      return Status::Busy(message);
    case rocksdb::Status::kNotSupported:
    case rocksdb::Status::kInvalidArgument:
      return Status::Incompatible(message);
    default:
      return Status::IOError(message);
  }
}

RocksDb::~RocksDb() {
  if (!db_) {
    WriterLock::Unlock(writer_fd_);
    return;
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    if (handle != nullptr) {
      db_->DestroyColumnFamilyHandle(handle);
    }
  }
  for (rocksdb::ColumnFamilyHandle* handle : other_handles_) {
    db_->DestroyColumnFamilyHandle(handle);
  }
  // Close() reports errors the destructor would swallow; there is no one left to tell here.
  db_->Close().PermitUncheckedError();
  WriterLock::Unlock(writer_fd_);
}

rocksdb::Options RocksDb::FamilyOptions(format::Family f) const {
  return rocksdb::Options(db_options_, family_options_[static_cast<std::size_t>(f)]);
}

Result<std::unique_ptr<RocksDb>> RocksDb::OpenExisting(const std::string& dir,
                                                       const StoreOptions& options,
                                                       bool read_only) {
  // Which families exist decides whether this is one of ours, before anything is written.
  Result<std::optional<CommitRecord>> record = ReadCommitRecord(dir);
  if (!record.ok()) {
    return record.status();
  }
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
    if (*record) {
      return Status::Corruption(DamagedMessage(dir, "its CURRENT file is missing"));
    }
    return Status::Incompatible(NotAStore(dir));
  }
  SILK_RETURN_IF_ERROR(CheckFilesAgainstRecord(dir, *record));
  std::vector<std::string> names;
  {
    const rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
    if (!s.ok()) {
      return OpenFailure(s, dir);
    }
    if (std::find(names.begin(), names.end(), format::FamilyName(Family::kMeta)) == names.end()) {
      return Status::Incompatible(NotAStore(dir));
    }
  }

  auto rocks = std::make_unique<RocksDb>(PassKey());
  rocks->key_pages_ = std::make_unique<KeyPages>(options.key_cache_bytes);
  rocks->db_options_ = MakeDbOptions(MakeStoreLog(dir, read_only));
  if (!read_only) {
    rocks->sync_watch_ = std::make_shared<SyncWatch>();
    rocks->env_ = MakeWatchedEnv(rocks->sync_watch_);
    rocks->db_options_.env = rocks->env_.get();
  }
  rocks->dir_ = dir;
  const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<int> slots;  // family index for each descriptor, -1 for families not ours
  const std::string_view text_family = format::FamilyName(Family::kText);
  if (!read_only && std::find(names.begin(), names.end(), text_family) == names.end()) {
    // A store before format 6: a writable open makes its text family, and the upgrade fills
    // it. (A store that lacks it but claims 6 is refused below.)
    names.emplace_back(text_family);
    rocks->db_options_.create_missing_column_families = true;
  }
  for (const std::string& name : names) {
    const auto known = std::find(format::kFamilyNames.begin(), format::kFamilyNames.end(), name);
    if (known == format::kFamilyNames.end()) {
      descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
      slots.push_back(-1);
      continue;
    }
    const auto slot = static_cast<std::size_t>(known - format::kFamilyNames.begin());
    rocks->family_options_[slot] = MakeFamilyOptions(static_cast<Family>(slot), cache);
    descriptors.emplace_back(name, rocks->family_options_[slot]);
    slots.push_back(static_cast<int>(slot));
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status s =
      read_only
          ? rocksdb::DB::OpenForReadOnly(rocks->db_options_, dir, descriptors, &handles, &raw)
          : rocksdb::DB::Open(rocks->db_options_, dir, descriptors, &handles, &raw);
  if (!s.ok()) {
    return OpenFailure(s, dir);
  }
  rocks->db_.reset(raw);
  for (std::size_t i = 0; i < handles.size(); ++i) {
    if (slots[i] < 0) {
      rocks->other_handles_.push_back(handles[i]);
    } else {
      rocks->handles_[static_cast<std::size_t>(slots[i])] = handles[i];
    }
  }

  rocksdb::ColumnFamilyHandle* meta = rocks->family(Family::kMeta);
  const std::string version_key(format::kMetaFormatVersion);
  std::string value;
  rocksdb::Status got = rocks->db_->Get(rocksdb::ReadOptions(), meta, version_key, &value);
  if (!got.ok() && !got.IsNotFound()) {
    return FromRocks(got, fmt::format("cannot read the store at {}", dir));
  }
  if (got.ok()) {
    const auto version = DecodeVersion(value);
    if (!version) {
      return Status::Incompatible(NotAStore(dir));
    }
    if (*version < format::kOldestFormatVersion || *version > format::kFormatVersion) {
      return Status::Incompatible(fmt::format(
          "store at {} has format version {}; this silk reads versions {} to {}", dir, *version,
          format::kOldestFormatVersion, format::kFormatVersion));
    }
    rocks->version_ = *version;
  }
  if (*record && rocks->db_->GetLatestSequenceNumber() < (*record)->sequence) {
    return Status::Corruption(DamagedMessage(
        dir, fmt::format("it holds writes up to number {}, but writes up to {} were committed "
                         "(a MANIFEST or write-ahead log lost them)",
                         rocks->db_->GetLatestSequenceNumber(), (*record)->sequence)));
  }
  rocks->commits_ = *record ? (*record)->commits : 0;
  for (std::size_t i = 0; i < format::kFamilyCount; ++i) {
    const bool before_text = static_cast<Family>(i) == Family::kText && got.ok() &&
                             rocks->version_ < format::kTextIndexVersion;
    if (rocks->handles_[i] == nullptr && !before_text) {
      return got.ok() ? Status::Corruption(fmt::format("store at {} lacks its '{}' column family",
                                                       dir, format::kFamilyNames[i]))
                      : Status::Incompatible(NotAStore(dir));
    }
  }
  if (got.IsNotFound()) {
    // Only a creation cut short (the families exist, nothing else does) may be finished here;
    // anything else without a version is not ours to write into.
    const bool unfinished = !read_only &&
                            FamilyIsEmpty(rocks->db(), rocks->family(Family::kId2Term)) &&
                            FamilyIsEmpty(rocks->db(), rocks->family(Family::kSpog));
    if (!unfinished) {
      return Status::Incompatible(NotAStore(dir));
    }
    rocksdb::WriteOptions write;
    write.sync = true;
    const rocksdb::Status put =
        rocks->db_->Put(write, meta, version_key, EncodeVersion(format::kFormatVersion));
    if (!put.ok()) {
      return FromRocks(put, fmt::format("cannot create the store at {}", dir));
    }
  }
  return rocks;
}

Result<std::unique_ptr<RocksDb>> RocksDb::Open(const std::string& dir,
                                               const StoreOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  bool fresh = false;
  if (!fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return Status::IOError(fmt::format("cannot read {}: {}", dir, ec.message()));
    }
    fresh = true;
  } else if (!fs::is_directory(status)) {
    return Status::Incompatible(NotAStore(dir));
  } else {
    fresh = fs::is_empty(dir, ec);
    if (ec) {
      return Status::IOError(fmt::format("cannot read {}: {}", dir, ec.message()));
    }
  }
  if (fresh) {
    if (options.read_only || !options.create_if_missing) {
      return Status::IOError(fmt::format("no store at {}", dir));
    }
    SILK_RETURN_IF_ERROR(CreateStore(dir, options));
  }

  if (options.read_only) {
    // Opening read-only reads CURRENT, the MANIFEST, then the files it names, while a writer
    // may replace the MANIFEST or compact files away in between. Such a failure is gone on the
    // next try; damage stays.
    // An open that the writer changed the state under is tried again too.
    for (int attempt = 1;; ++attempt) {
      const std::vector<std::string> before = StateFiles(dir);
      Result<std::unique_ptr<RocksDb>> rocks = OpenExisting(dir, options, /*read_only=*/true);
      const StatusCode code = rocks.ok() ? StatusCode::kOk : rocks.status().code();
      const bool raced = rocks.ok() && StateFiles(dir) != before;
      if (attempt >= kReaderAttempts ||
          (!raced && code != StatusCode::kCorruption && code != StatusCode::kIOError)) {
        return rocks;
      }
      std::this_thread::sleep_for(kReaderRetryPause * attempt);
    }
  }

  bool created = false;
  Result<int> lock = LockWriter(dir, options, &created);
  if (!lock.ok()) {
    return lock.status();
  }
  WriterLock held(*lock);
  // A directory that turns out not to be a store is left as it was found.
  auto refuse = [&](const Status& why) {
    if (created && why.code() == StatusCode::kIncompatible) {
      std::error_code ignored;
      fs::remove(fs::path(dir) / format::kWriterFile, ignored);
    }
    return why;
  };
  // Checked read-only first: a writable RocksDB open deletes the files a damaged MANIFEST no
  // longer names, and replays a damaged log into new files before we could compare.
  {
    Result<std::unique_ptr<RocksDb>> check = OpenExisting(dir, options, /*read_only=*/true);
    if (!check.ok()) {
      return refuse(check.status());
    }
  }
  Result<std::unique_ptr<RocksDb>> rocks = OpenExisting(dir, options, /*read_only=*/false);
  if (!rocks.ok()) {
    return refuse(rocks.status());
  }
  (*rocks)->writer_fd_ = held.Release();
  if ((*rocks)->version_ < format::kFormatVersion) {
    SILK_RETURN_IF_ERROR((*rocks)->UpgradeFormat());
  }
  // RocksDB wrote a new MANIFEST and OPTIONS file as it opened: record them.
  Result<CommitRecord> record =
      CaptureCommitRecord(dir, (*rocks)->db_->GetLatestSequenceNumber(), (*rocks)->commits_);
  if (!record.ok()) {
    return record.status();
  }
  SILK_RETURN_IF_ERROR(WriteCommitRecord(dir, *record));
  return rocks;
}

namespace {

// The statistics records a store of version 3 or 4 lacks: its classes (3) and its pairs.
Result<StatsWrites> CountMissingStatistics(const RocksDb& rocks) {
  StatsWrites writes;
  if (!rocks.counts_classes()) {
    const TermDictionary dictionary(&rocks, rocksdb::ReadOptions());
    Result<std::optional<TermId>> type_id =
        dictionary.Lookup(rdf::TermView::Iri(format::kRdfType));
    if (!type_id.ok()) {
      return type_id.status();
    }
    if (*type_id) {
      Result<StatsWrites> counted = CountClasses(rocks, nullptr, **type_id);
      if (!counted.ok()) {
        return counted.status();
      }
      writes = std::move(*counted);
    }
  }
  Result<StatsWrites> pairs = CountPairs(rocks, nullptr);
  if (!pairs.ok()) {
    return pairs.status();
  }
  writes.merge(*pairs);
  return writes;
}

}  // namespace

Status RocksDb::UpgradeFormat() {
  StatsWrites writes;
  if (!counts_pairs()) {
    Result<StatsWrites> counted = CountMissingStatistics(*this);
    if (!counted.ok()) {
      return counted.status();
    }
    writes = std::move(*counted);
  }
  TextWrites text;
  if (!has_text_index()) {
    Result<TextWrites> built = ExpectedTextIndex(*this, rocksdb::ReadOptions());
    if (!built.ok()) {
      return built.status();
    }
    text = std::move(*built);
  }
  // The counts, the text index and the new version in one write: a store has all or none.
  rocksdb::WriteBatch batch;
  for (const auto& [key, value] : writes) {
    if (value) batch.Put(family(Family::kStats), key, *value);
  }
  for (const auto& [key, value] : text) {
    if (value) batch.Put(family(Family::kText), key, *value);
  }
  batch.Put(family(Family::kMeta), std::string(format::kMetaFormatVersion),
            EncodeVersion(format::kFormatVersion));
  rocksdb::WriteOptions write;
  write.sync = true;
  const rocksdb::Status s = db_->Write(write, &batch);
  if (!s.ok()) {
    return FromRocks(s, fmt::format("cannot bring the store at {} to format version {}", dir_,
                                    format::kFormatVersion));
  }
  version_ = format::kFormatVersion;
  return Status::Ok();
}


Status RocksDb::Checkpoint(const std::string& target) const {
  rocksdb::Checkpoint* raw = nullptr;
  rocksdb::Status s = rocksdb::Checkpoint::Create(db_.get(), &raw);
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  std::uint64_t sequence = 0;
  if (s.ok()) {
    // Never flush: a read-only database cannot, and the log files are copied instead.
    s = checkpoint->CreateCheckpoint(target, std::numeric_limits<std::uint64_t>::max(), &sequence);
  }
  if (!s.ok()) {
    return FromRocks(s, fmt::format("copying {} to {}", dir_, target));
  }
  Result<CommitRecord> record = CaptureCommitRecord(target, sequence, commits_);
  if (!record.ok()) {
    return record.status();
  }
  return WriteCommitRecord(target, *record);
}

void RocksDb::RecordCommit() {
  ++commits_;
  // The commit was written with sync (or ingested, which syncs the MANIFEST): what the record
  // claims is durable before the record is.
  Result<CommitRecord> record = CaptureCommitRecord(dir_, db_->GetLatestSequenceNumber(), commits_);
  const Status written = record.ok() ? WriteCommitRecord(dir_, *record) : record.status();
  if (!written.ok()) {
    rocksdb::Log(rocksdb::InfoLogLevel::ERROR_LEVEL, db_options_.info_log,
                 "the commit record was not updated after commit %llu: %s",
                 static_cast<unsigned long long>(commits_), written.message().c_str());
  }
}

}  // namespace silk::storage
