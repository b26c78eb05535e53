// The entries of the text index (family `text`, format.h) for literals: what a commit adds or
// removes, and the whole index as the quads say it should be (for the upgrade to format 6 and
// for `silk check`). Internal to engine/storage/.
#pragma once

#include <rocksdb/db.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/byte_arena.h"
#include "engine/storage/flat_hash_map.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_id.h"
#include "engine/storage/text_keys.h"
#include "engine/text/tokenizer.h"

namespace silk::storage {

// Writes to the text family: a value to put, or nullopt to delete; sorted by key once
// Finish() has run, as SST files need them.
using TextWrites = std::vector<std::pair<std::string, std::optional<std::string>>>;

// Receives the text family's writes one at a time, in key order: a value to put, or nullopt to
// delete. The views die when it returns.
using TextWriteSink =
    std::function<Status(std::string_view key, std::optional<std::string_view> value)>;

// Turns literals into their index entries. Not thread-safe (it owns a Tokenizer).
class TextIndexer {
 public:
  // The entries that add the literal `id` with the id2term record `record`; nothing when the
  // record is not a string literal (format.h says which are indexed).
  void Add(TermId id, std::string_view record) { Emit(id, record, /*remove=*/false); }
  // The deletes of the entries Add() made for the same literal. A literal is added or removed
  // at most once between two Finish() calls.
  void Remove(TermId id, std::string_view record) { Emit(id, record, /*remove=*/true); }

  // Moves the totals record by what Add() and Remove() did, from `before` (nullopt: an index
  // without a totals record yet), and passes every write to `sink` in key order, without
  // holding them all as strings at once. Stops at the sink's first error.
  Status Finish(std::optional<TextTotals> before, const TextWriteSink& sink);
  // The same writes, collected.
  TextWrites Finish(std::optional<TextTotals> before);

 private:
  void Emit(TermId id, std::string_view record, bool remove);
  // The number of the key prefix `kind text 0x00` (see AppendPostingPrefix), given on its first use.
  std::uint32_t PrefixNumber(char kind, std::string_view text);
  // Pending postings in key order: by prefix (compared once per distinct prefix, not per
  // posting), then by literal.
  std::vector<std::uint32_t> SortedPostings() const;
  void Clear();

  text::Tokenizer tokenizer_;
  // One literal's entry under one word (or part) prefix, its value in arena_: flat and small,
  // so that ordering millions of them moves and compares no strings.
  struct PendingPosting {
    std::uint32_t prefix;
    bool remove;
    TermId literal;
    std::string_view value;  // empty for a remove
  };
  ByteArena arena_;
  // The distinct key prefixes, in arena_, numbered in order of first use; most postings share
  // their word with many others.
  std::vector<std::string_view> prefixes_;
  FlatHashMap<std::string_view, std::uint32_t, std::hash<std::string_view>> prefix_numbers_;
  std::vector<PendingPosting> pending_;
  std::int64_t literals_delta_ = 0;
  std::int64_t words_delta_ = 0;
  // Emit's scratch, kept from one literal to the next.
  std::vector<std::pair<std::string_view, std::uint32_t>> forms_;
  std::vector<std::pair<std::string, std::uint32_t>> parts_;
  std::vector<std::uint32_t> positions_;
  std::string prefix_;
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
