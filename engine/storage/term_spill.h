// New terms a large write transaction has moved out of memory, so that its dictionary stays
// within a budget whatever the size of the load. Internal to engine/storage/.
//
// They live in a scratch RocksDB in the store's ingest directory, written without a log: a
// crash leaves it to the next writable open, which removes the whole directory. Records:
//   'k' key            -> id      terms with a term2id key (not blank nodes)
//   'b' scope label    -> id      blank-node labels of a scope
//   'i' id             -> record  every term, for id2term
#pragma once

#include <rocksdb/db.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/term_id.h"

namespace silk::storage {

struct NewTerm;

class SpilledTerms {
 public:
  // Creates the scratch database in `dir`, which must not exist yet. Its memtables (what it
  // holds before writing files) take at most twice `memtable_bytes`.
  static Result<std::unique_ptr<SpilledTerms>> Create(std::string dir,
                                                      std::size_t memtable_bytes);
  ~SpilledTerms();  // closes it and removes `dir`
  SpilledTerms(const SpilledTerms&) = delete;
  SpilledTerms& operator=(const SpilledTerms&) = delete;

  // Adds `terms` and the blank-node labels of scope `scope`.
  Status Add(std::span<const NewTerm> terms, std::uint64_t scope,
             std::span<const std::pair<std::string_view, TermId>> labels);

  Result<std::optional<TermId>> FindKey(std::string_view key) const;
  Result<std::optional<TermId>> FindBlank(std::uint64_t scope, std::string_view label) const;
  // Whether a term with exactly this id was spilled.
  Result<bool> HasId(TermId id) const;

  // Every spilled term with an id in [from, to), in id order.
  Status ForEachById(TermId from, TermId to,
                     const std::function<Status(TermId, std::string_view)>& visit) const;

  // The spilled term2id keys in key order, one at a time (for a merge).
  class KeyCursor {
   public:
    explicit KeyCursor(std::unique_ptr<rocksdb::Iterator> it);
    bool Valid() const;
    std::string_view key() const;  // REQUIRES: Valid()
    TermId id() const;             // REQUIRES: Valid()
    void Next();
    Status status() const;

   private:
    std::unique_ptr<rocksdb::Iterator> it_;
  };
  KeyCursor Keys() const;

 private:
  SpilledTerms(std::string dir, std::unique_ptr<rocksdb::DB> db);
  Result<std::optional<std::string>> Get(const std::string& key) const;

  std::string dir_;
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace silk::storage
