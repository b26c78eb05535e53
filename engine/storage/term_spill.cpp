#include "engine/storage/term_spill.h"

#include <fmt/format.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <filesystem>
#include <system_error>

#include "engine/storage/key_codec.h"
#include "engine/storage/rocks_log.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_dictionary.h"

namespace silk::storage {
namespace {

constexpr char kKeyRecord = 'k';
constexpr char kBlankRecord = 'b';
constexpr char kIdRecord = 'i';
// A spill is written in batches of about this size: one batch of all of it would be a copy of
// the terms it moves out of memory, and a memtable as large again.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;

std::string IdKey(TermId id) { return kIdRecord + BigEndian64(id); }

std::string BlankKey(std::uint64_t scope, std::string_view label) {
  std::string key = kBlankRecord + BigEndian64(scope);
  key += label;
  return key;
}

Status SpillError(const rocksdb::Status& s) {
  return FromRocks(s, "cannot use the load's scratch dictionary");
}

}  // namespace

Result<std::unique_ptr<SpilledTerms>> SpilledTerms::Create(std::string dir,
                                                           std::size_t memtable_bytes) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.error_if_exists = true;
  options.compression = rocksdb::kLZ4Compression;
  // One memtable filling while the other is written out; writes wait rather than make a third.
  options.write_buffer_size = memtable_bytes;
  options.max_write_buffer_number = 2;
  // Most lookups are of terms never spilled: filters answer them without a search, in the
  // memtable as in the files.
  options.memtable_whole_key_filtering = true;
  options.memtable_prefix_bloom_size_ratio = 0.1;
  options.info_log = MakeSilentLog();  // a scratch database: nothing to look back at
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(dir).parent_path(), ec);
  rocksdb::DB* db = nullptr;
  const rocksdb::Status s = rocksdb::DB::Open(options, dir, &db);
  if (!s.ok()) {
    return SpillError(s);
  }
  return std::unique_ptr<SpilledTerms>(
      new SpilledTerms(std::move(dir), std::unique_ptr<rocksdb::DB>(db)));
}

SpilledTerms::SpilledTerms(std::string dir, std::unique_ptr<rocksdb::DB> db)
    : dir_(std::move(dir)), db_(std::move(db)) {}

SpilledTerms::~SpilledTerms() {
  db_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  std::filesystem::remove(std::filesystem::path(dir_).parent_path(), ec);  // only if empty
}

Status SpilledTerms::Add(std::span<const NewTerm> terms, std::uint64_t scope,
                         std::span<const std::pair<std::string_view, TermId>> labels) {
  rocksdb::WriteBatch batch;
  rocksdb::WriteOptions write;
  write.disableWAL = true;  // scratch: nothing to recover after a crash
  // Writes the batch once it is full (or, with `last`, whatever it holds).
  const auto write_out = [&](bool last) {
    if (batch.Count() == 0 || (!last && batch.GetDataSize() < kBatchBytes)) {
      return rocksdb::Status::OK();
    }
    const rocksdb::Status s = db_->Write(write, &batch);
    batch.Clear();
    return s;
  };
  for (const NewTerm& term : terms) {
    rocksdb::Status s = batch.Put(IdKey(term.id), term.record);
    if (s.ok() && TagOf(term.id) != TermTag::kBlank) {
      s = batch.Put(kKeyRecord + std::string(term.key), BigEndian64(term.id));
    }
    if (s.ok()) {
      s = write_out(false);
    }
    if (!s.ok()) {
      return SpillError(s);
    }
  }
  for (const auto& [label, id] : labels) {
    rocksdb::Status s = batch.Put(BlankKey(scope, label), BigEndian64(id));
    if (s.ok()) {
      s = write_out(false);
    }
    if (!s.ok()) {
      return SpillError(s);
    }
  }
  const rocksdb::Status s = write_out(true);
  return s.ok() ? Status::Ok() : SpillError(s);
}

Result<std::optional<std::string>> SpilledTerms::Get(const std::string& key) const {
  std::string value;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, &value);
  if (s.IsNotFound()) {
    return std::optional<std::string>();
  }
  if (!s.ok()) {
    return SpillError(s);
  }
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<TermId>> SpilledTerms::FindKey(std::string_view key) const {
  Result<std::optional<std::string>> value = Get(kKeyRecord + std::string(key));
  if (!value.ok()) {
    return value.status();
  }
  if (!*value) {
    return std::optional<TermId>();
  }
  return std::optional<TermId>(GetBigEndian64((*value)->data()));
}

Result<std::optional<TermId>> SpilledTerms::FindBlank(std::uint64_t scope,
                                                      std::string_view label) const {
  Result<std::optional<std::string>> value = Get(BlankKey(scope, label));
  if (!value.ok()) {
    return value.status();
  }
  if (!*value) {
    return std::optional<TermId>();
  }
  return std::optional<TermId>(GetBigEndian64((*value)->data()));
}

Result<bool> SpilledTerms::HasId(TermId id) const {
  Result<std::optional<std::string>> value = Get(IdKey(id));
  if (!value.ok()) {
    return value.status();
  }
  return value->has_value();
}

Status SpilledTerms::ForEachById(
    TermId from, TermId to, const std::function<Status(TermId, std::string_view)>& visit) const {
  const std::string end = IdKey(to);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(IdKey(from)); it->Valid() && it->key().compare(end) < 0; it->Next()) {
    SILK_RETURN_IF_ERROR(
        visit(GetBigEndian64(it->key().data() + 1), it->value().ToStringView()));
  }
  return it->status().ok() ? Status::Ok() : SpillError(it->status());
}

SpilledTerms::KeyCursor SpilledTerms::Keys() const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  it->Seek(std::string(1, kKeyRecord));
  return KeyCursor(std::move(it));
}

SpilledTerms::KeyCursor::KeyCursor(std::unique_ptr<rocksdb::Iterator> it) : it_(std::move(it)) {}

bool SpilledTerms::KeyCursor::Valid() const {
  return it_->Valid() && !it_->key().empty() && it_->key()[0] == kKeyRecord;
}

std::string_view SpilledTerms::KeyCursor::key() const {
  return it_->key().ToStringView().substr(1);
}

TermId SpilledTerms::KeyCursor::id() const { return GetBigEndian64(it_->value().data()); }

void SpilledTerms::KeyCursor::Next() { it_->Next(); }

Status SpilledTerms::KeyCursor::status() const {
  return it_->status().ok() ? Status::Ok() : SpillError(it_->status());
}

}  // namespace silk::storage
