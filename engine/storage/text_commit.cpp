#include "engine/storage/text_commit.h"

#include <fmt/format.h>

#include <memory>
#include <vector>

#include "engine/storage/format.h"
#include "engine/storage/key_codec.h"

namespace silk::storage {
namespace {

using format::Family;

// The stored record of `id`, or a Corruption when id2term lacks it.
Status ReadRecord(const RocksDb& rocks, const rocksdb::ReadOptions& read, TermId id,
                  std::string* record) {
  const rocksdb::Status s =
      rocks.db()->Get(read, rocks.family(Family::kId2Term), BigEndian64(id), record);
  if (s.IsNotFound()) {
    return Status::Corruption(fmt::format("literal {:#x} has quads but no id2term entry", id));
  }
  return s.ok() ? Status::Ok() : FromRocks(s, "cannot read the dictionary");
}

// Whether `id` is the object of some quad in the store, i.e. indexed before the commit.
Result<bool> HasQuads(const RocksDb& rocks, const rocksdb::ReadOptions& read, TermId id) {
  std::unique_ptr<rocksdb::Iterator> it(
      rocks.db()->NewIterator(read, rocks.family(Family::kOspg)));
  const std::string prefix = BigEndian64(id);
  it->Seek(prefix);
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read ospg");
  }
  return it->Valid() && it->key().starts_with(prefix);
}

// Whether `id` has exactly `lost` quads in the store, i.e. none once the commit lands.
Result<bool> LosesAllQuads(const RocksDb& rocks, const rocksdb::ReadOptions& read, TermId id,
                           std::uint64_t lost) {
  std::unique_ptr<rocksdb::Iterator> it(
      rocks.db()->NewIterator(read, rocks.family(Family::kOspg)));
  const std::string prefix = BigEndian64(id);
  std::uint64_t count = 0;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix) && count <= lost;
       it->Next()) {
    ++count;
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), "cannot read ospg");
  }
  return count == lost;
}

}  // namespace

Status WriteTextOfCommit(const RocksDb& rocks, const LiteralChanges& changes,
                         const TermEncoder& terms, const TextWriteSink& sink) {
  const rocksdb::ReadOptions read;
  TextIndexer indexer;
  if (!changes.gained_new.empty()) {
    // Both in id order: one pass over the new terms picks the records.
    auto next = changes.gained_new.begin();
    SILK_RETURN_IF_ERROR(terms.ForEachNewTermById([&](TermId id, std::string_view record) {
      if (next != changes.gained_new.end() && *next == id) {
        indexer.Add(id, record);
        ++next;
      }
      return Status::Ok();
    }));
  }
  std::string record;
  for (const TermId id : changes.gained_existing) {
    Result<bool> indexed = HasQuads(rocks, read, id);
    if (!indexed.ok()) {
      return indexed.status();
    }
    if (!*indexed) {
      SILK_RETURN_IF_ERROR(ReadRecord(rocks, read, id, &record));
      indexer.Add(id, record);
    }
  }
  for (const auto& [id, lost] : changes.lost) {
    Result<bool> leaves = LosesAllQuads(rocks, read, id, lost);
    if (!leaves.ok()) {
      return leaves.status();
    }
    if (*leaves) {
      SILK_RETURN_IF_ERROR(ReadRecord(rocks, read, id, &record));
      indexer.Remove(id, record);
    }
  }
  Result<std::optional<TextTotals>> totals = ReadTextTotals(rocks, read);
  if (!totals.ok()) {
    return totals.status();
  }
  return indexer.Finish(*totals, sink);
}

}  // namespace silk::storage
