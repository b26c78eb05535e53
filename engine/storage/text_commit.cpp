#include "engine/storage/text_commit.h"

#include <fmt/format.h>

#include <memory>
#include <vector>

#include "engine/storage/format.h"
#include "engine/storage/key_codec.h"

namespace silk::storage {
namespace {

using format::Family;

// The literal objects whose quads the commit changes, by what may happen to their entries.
struct LiteralChanges {
  std::vector<TermId> gained_new;       // new terms with quads: enter the index
  std::vector<TermId> gained_existing;  // stored terms that gained quads: enter if they had none
  std::vector<std::pair<TermId, std::uint64_t>> lost;  // lost quads, gained none: may leave
};

// ospg holds the object first, so one pass sees each literal's changes together.
Result<LiteralChanges> CollectLiteralChanges(const QuadLog& quads, const TermEncoder& terms) {
  LiteralChanges changes;
  std::unique_ptr<ChangeCursor> cursor = quads.Changes(format::QuadIndex::kOspg);
  TermId object = 0;
  std::uint64_t added = 0;
  std::uint64_t removed = 0;
  const auto flush = [&] {
    if (added + removed == 0) {
      return;
    }
    if (removed == 0) {
      (terms.IsNew(object) ? changes.gained_new : changes.gained_existing).push_back(object);
    } else if (added == 0) {
      changes.lost.emplace_back(object, removed);
    }
  };
  QuadRecord change;
  while (cursor->Next(&change)) {
    if (TagOf(change.quad.o) != TermTag::kLiteral) {
      continue;
    }
    if (change.quad.o != object) {
      flush();
      object = change.quad.o;
      added = removed = 0;
    }
    ++(change.effect == Effect::kAdd ? added : removed);
  }
  SILK_RETURN_IF_ERROR(cursor->status());
  flush();
  return changes;
}

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

Result<TextWrites> TextWritesOfCommit(const RocksDb& rocks, const QuadLog& quads,
                                      const TermEncoder& terms) {
  Result<LiteralChanges> changes = CollectLiteralChanges(quads, terms);
  if (!changes.ok()) {
    return changes.status();
  }
  const rocksdb::ReadOptions read;
  TextIndexer indexer;
  if (!changes->gained_new.empty()) {
    // Both in id order: one pass over the new terms picks the records.
    auto next = changes->gained_new.begin();
    SILK_RETURN_IF_ERROR(terms.ForEachNewTermById([&](TermId id, std::string_view record) {
      if (next != changes->gained_new.end() && *next == id) {
        indexer.Add(id, record);
        ++next;
      }
      return Status::Ok();
    }));
  }
  std::string record;
  for (const TermId id : changes->gained_existing) {
    Result<bool> indexed = HasQuads(rocks, read, id);
    if (!indexed.ok()) {
      return indexed.status();
    }
    if (!*indexed) {
      SILK_RETURN_IF_ERROR(ReadRecord(rocks, read, id, &record));
      indexer.Add(id, record);
    }
  }
  for (const auto& [id, lost] : changes->lost) {
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
  return indexer.Finish(*totals);
}

}  // namespace silk::storage
