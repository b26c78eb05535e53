// The term dictionary: id2term (id -> term record) and term2id (term record -> id) for every
// term that is not inlined. Internal to engine/storage/.
//
// Ids are sequence numbers (one sequence for IRIs, literals and blank nodes) under the tag of
// their kind. The next free number is one past the largest in id2term, found on open, so an id
// once committed is never handed out again, even after a crash. Blank nodes are recorded in
// id2term (so their numbers are never reused) but never in term2id: a label means something only
// within the load that used it.
#pragma once

#include <rocksdb/options.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/status.h"
#include "engine/storage/byte_arena.h"
#include "engine/storage/flat_hash_map.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_cache.h"
#include "engine/storage/term_spill.h"
#include "engine/storage/term_id.h"
#include "grammar/rdf/term.h"

namespace silk::storage {

// Reads of the dictionary at the snapshot of `read`. Thread-safe; borrows `rocks` and `cache`.
class TermDictionary {
 public:
  // `cache` (may be null) serves and keeps decoded terms: only for reads of committed data,
  // whose ids never change meaning.
  TermDictionary(const RocksDb* rocks, rocksdb::ReadOptions read, TermCache* cache = nullptr)
      : rocks_(rocks), read_(read), cache_(cache) {}

  // One past the largest sequence number in use (1 for an empty store).
  Result<std::uint64_t> NextSequence() const;

  // The id of a stored term: kDefaultGraphId for the default graph, the inlined id of a
  // canonical literal, the dictionary id of a known IRI or literal; nullopt for unknown terms
  // and for every blank node.
  Result<std::optional<TermId>> Lookup(const rdf::TermView& term) const;
  // The id stored under a term2id key (see ToTermKey), or nullopt.
  Result<std::optional<TermId>> FindRecord(std::string_view key) const;

  // The term behind `id`. kNotFound when no term has that id.
  Result<rdf::Term> Decode(TermId id) const;
  // Decode for many ids, reading the dictionary entries in one MultiGet.
  Result<std::vector<rdf::Term>> DecodeMany(std::span<const TermId> ids) const;
  // Whether `id` names a term: inlined ids that decode, the default graph, dictionary ids
  // present in id2term.
  Result<bool> Exists(TermId id) const;

 private:
  const RocksDb* rocks_;
  rocksdb::ReadOptions read_;
  TermCache* cache_;
};

// A term the transaction adds to the dictionary.
struct NewTerm {
  TermId id = 0;
  std::string_view record;  // id2term's value; BlankNodeRecord() for blank nodes
  std::string_view key;     // term2id's key (see ToTermKey); empty for blank nodes
};

// The dictionary as one write transaction sees it: the store's terms plus the ones it adds.
// Caches every term it has resolved, so a load looks each distinct term up once. Past
// `memory_budget` bytes it moves the new terms out of memory into SpilledTerms (in
// `spill_dir`) and keeps going, so a load of any size fits; the budget covers the scratch
// dictionary's memtables and what the commit adds to sort the new terms too. Not thread-safe, except that
// const members may be called from several threads once encoding has ended.
class TermEncoder {
 public:
  // `first_sequence`: the store's next free sequence number when the transaction began.
  TermEncoder(const TermDictionary* dictionary, std::uint64_t first_sequence,
              std::string spill_dir, std::size_t memory_budget);
  ~TermEncoder();
  TermEncoder(const TermEncoder&) = delete;
  TermEncoder& operator=(const TermEncoder&) = delete;

  // The id of `term`, adding it when the store does not know it. Blank nodes by label get
  // one fresh id per label per scope.
  Result<TermId> Encode(const rdf::TermView& term);
  // The id of `term` if it exists, without adding it; nullopt for blank nodes by label.
  Result<std::optional<TermId>> Find(const rdf::TermView& term);
  void NewBlankNodeScope() {
    blank_scope_.clear();
    ++scope_;
  }

  // Whether `id` is a term of the store or of this transaction (see TermDictionary::Exists).
  Result<bool> Exists(TermId id);
  // Whether this transaction made `id`: then no stored quad can contain it.
  bool IsNew(TermId id) const { return IsDictionaryId(id) && PayloadOf(id) >= first_sequence_; }

  // The terms added, as id2term wants them: in id order.
  Status ForEachNewTermById(const std::function<Status(TermId, std::string_view)>& visit) const;
  // The added terms' term2id entries (blank nodes have none), in key order.
  Status ForEachNewTermByKey(const std::function<Status(std::string_view, TermId)>& visit) const;
  std::uint64_t new_term_count() const { return next_sequence_ - first_sequence_; }
  std::uint64_t next_sequence() const { return next_sequence_; }

 private:
  static constexpr std::size_t kMinMemoryBudget = std::size_t{4} << 20;
  static constexpr std::size_t kMinMemtableBytes = std::size_t{1} << 20;
  static constexpr std::size_t kMaxMemtableBytes = std::size_t{16} << 20;

  Result<TermId> NewId(TermTag tag, std::string_view record, std::string_view key);
  // scratch_ as the term2id key of the record in it, in key_.
  void MakeKey();
  // Bytes the caches and new terms hold, roughly.
  std::size_t MemoryUsed() const;
  // Moves the new terms and the current scope's labels to spilled_, and empties the caches.
  Status Spill();
  // The id of a spilled term with key key_, cached again; nullopt if none.
  Result<std::optional<TermId>> FindSpilled();

  const TermDictionary* dictionary_;
  const std::uint64_t first_sequence_;
  std::uint64_t next_sequence_;
  const std::string spill_dir_;
  const std::size_t memtable_bytes_;  // of SpilledTerms, which may have two
  const std::size_t memory_budget_;   // for the caches and new terms: the rest
  // Term keys this transaction has seen, and their ids; the keys of known_ and the records
  // and keys of new_terms_ are views into arena_.
  ByteArena arena_;
  FlatHashMap<std::string_view, TermId, std::hash<std::string_view>> known_;
  std::uint64_t scope_ = 0;  // of blank-node labels
  std::unordered_map<std::string, TermId> blank_scope_;
  std::unordered_set<TermId> checked_ids_;
  // The new terms still in memory: sequence numbers from memory_first_sequence_ on, in order.
  std::vector<NewTerm> new_terms_;
  std::uint64_t memory_first_sequence_;
  std::unique_ptr<SpilledTerms> spilled_;  // the rest, once memory ran out
  std::string scratch_;  // a term record
  std::string key_;      // its term2id key
};

}  // namespace silk::storage
