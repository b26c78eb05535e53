// The entries of the text index (family `text`, format.h) for literals: what a commit adds or
// removes, and the whole index as the quads say it should be (for the upgrade to format 6 and
// for `silk check`). Internal to engine/storage/.
#pragma once

#include <rocksdb/db.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/byte_arena.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_id.h"
#include "engine/storage/text_keys.h"
#include "engine/text/tokenizer.h"

namespace silk::storage {

// Writes to the text family: a value to put, or nullopt to delete; sorted by key once
// Finish() has run, as SST files need them.
using TextWrites = std::vector<std::pair<std::string, std::optional<std::string>>>;

// Turns literals into their index entries. Not thread-safe (it owns a Tokenizer).
class TextIndexer {
 public:
  // The entries that add the literal `id` with the id2term record `record`; nothing when the
  // record is not a string literal (format.h says which are indexed).
  void Add(TermId id, std::string_view record) { Emit(id, record, /*remove=*/false); }
  // The deletes of the entries Add() made for the same literal.
  void Remove(TermId id, std::string_view record) { Emit(id, record, /*remove=*/true); }

  // Moves the totals record by what Add() and Remove() did, from `before` (nullopt: an index
  // without a totals record yet), sorts the writes, and hands them over.
  TextWrites Finish(std::optional<TextTotals> before);

 private:
  void Emit(TermId id, std::string_view record, bool remove);

  text::Tokenizer tokenizer_;
  // One literal's entry under one term (or part), its bytes in arena_: flat and small, so
  // that sorting half a million of them moves no strings.
  struct PendingPosting {
    std::string_view term;
    std::uint64_t head;  // the term's first bytes, for sorting
    TermId literal;
    std::string_view value;
    bool part;
    bool remove;
  };
  ByteArena arena_;
  std::vector<PendingPosting> pending_;
  std::int64_t literals_delta_ = 0;
  std::int64_t words_delta_ = 0;
};

// Whether the record of a dictionary term is one the text index holds.
bool IsTextRecord(std::string_view record);

// The totals record of the text family, or nullopt when it has none (an empty index).
Result<std::optional<TextTotals>> ReadTextTotals(const RocksDb& rocks,
                                                 const rocksdb::ReadOptions& read);

// Every entry the text index should hold, from the literal objects of the quads in ospg and
// their records in id2term, sorted. Reads the whole of ospg's literal range.
Result<TextWrites> ExpectedTextIndex(const RocksDb& rocks, const rocksdb::ReadOptions& read);

}  // namespace silk::storage
