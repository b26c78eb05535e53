#include "engine/storage/rocks_db.h"

#include <fmt/format.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

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

rocksdb::DBOptions MakeDbOptions() {
  rocksdb::DBOptions o;
  o.max_background_jobs = 2;
  // Bound the memory of all memtables together and the WAL replayed on open.
  o.db_write_buffer_size = std::size_t{256} << 20;
  o.max_total_wal_size = std::uint64_t{256} << 20;
  o.bytes_per_sync = 1 << 20;
  // RocksDB's own LOG files: keep them few and small; they are for post-mortems only.
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  o.keep_log_file_num = 2;
  o.max_log_file_size = 1 << 20;
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
      return Status::Corruption(message);
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
}

rocksdb::Options RocksDb::FamilyOptions(format::Family f) const {
  return rocksdb::Options(db_options_, family_options_[static_cast<std::size_t>(f)]);
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
    fs::create_directories(dir, ec);
    if (ec) {
      return Status::IOError(fmt::format("cannot create {}: {}", dir, ec.message()));
    }
  }

  // Which families exist decides whether this is one of ours, before anything is written.
  std::vector<std::string> names;
  if (fresh) {
    names.emplace_back(rocksdb::kDefaultColumnFamilyName);
    names.insert(names.end(), format::kFamilyNames.begin(), format::kFamilyNames.end());
  } else {
    const rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
    if (!s.ok()) {
      if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
        return Status::Incompatible(NotAStore(dir));
      }
      return FromRocks(s, fmt::format("cannot read the store at {}", dir));
    }
    if (std::find(names.begin(), names.end(), format::FamilyName(Family::kMeta)) == names.end()) {
      return Status::Incompatible(NotAStore(dir));
    }
  }

  auto rocks = std::make_unique<RocksDb>(PassKey());
  rocks->db_options_ = MakeDbOptions();
  rocks->db_options_.create_if_missing = fresh;
  rocks->db_options_.create_missing_column_families = fresh;
  const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::vector<int> slots;  // family index for each descriptor, -1 for families not ours
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
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(rocks->db_options_, dir, descriptors, &handles, &raw)
          : rocksdb::DB::Open(rocks->db_options_, dir, descriptors, &handles, &raw);
  if (!s.ok()) {
    if (IsLockFailure(s)) {
      return Status::Busy(fmt::format("store {} is in use by another process", dir));
    }
    return FromRocks(s, fmt::format("cannot open the store at {}", dir));
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
    if (*version != format::kFormatVersion) {
      return Status::Incompatible(
          fmt::format("store at {} has format version {}; this silk reads version {}", dir,
                      *version, format::kFormatVersion));
    }
  }
  for (std::size_t i = 0; i < format::kFamilyCount; ++i) {
    if (rocks->handles_[i] == nullptr) {
      return got.ok() ? Status::Corruption(fmt::format("store at {} lacks its '{}' column family",
                                                       dir, format::kFamilyNames[i]))
                      : Status::Incompatible(NotAStore(dir));
    }
  }
  if (got.IsNotFound()) {
    // Only a creation cut short (the families exist, nothing else does) may be finished here;
    // anything else without a version is not ours to write into.
    const bool unfinished = !options.read_only &&
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

}  // namespace silk::storage
