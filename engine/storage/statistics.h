// Statistics: quads per predicate (with distinct subjects and objects), quads per graph, quads
// per class of rdf:type (what a pattern `?x a :Class` matches), and totals, kept exact by every
// commit. Records live in the `stats` family (see format.h).
// Internal to engine/storage/.
#pragma once

#include <rocksdb/options.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/store.h"

namespace silk::storage {

struct PredicateCounts {
  std::uint64_t quads = 0;
  std::uint64_t subjects = 0;  // distinct
  std::uint64_t objects = 0;   // distinct
  friend bool operator==(const PredicateCounts&, const PredicateCounts&) = default;
};

struct TotalCounts {
  std::uint64_t quads = 0;
  std::uint64_t terms = 0;  // dictionary entries
  friend bool operator==(const TotalCounts&, const TotalCounts&) = default;
};

std::string TotalsKey();
std::string PredicateKey(TermId predicate);
std::string GraphKey(TermId graph);
std::string ClassKey(TermId cls);
std::string PairKey(TermId predicate, TermId object);
// Whether the statistics keep a pair record for this object (format version 5).
bool CountsPairWith(TermId object);

// Reads statistics records at the snapshot of `read`. Thread-safe; borrows `rocks`.
class StatsReader {
 public:
  StatsReader(const RocksDb* rocks, rocksdb::ReadOptions read) : rocks_(rocks), read_(read) {}

  Result<TotalCounts> Totals() const;
  // Zero counts for a predicate or graph without quads.
  Result<PredicateCounts> Predicate(TermId predicate) const;
  Result<std::uint64_t> Graph(TermId graph) const;
  // The quads (rdf:type, cls), in any graph. Only stores of format version 4 keep them.
  Result<std::uint64_t> Class(TermId cls) const;
  // The quads (predicate, object), in any graph. Only stores of format version 5 keep them,
  // and only for objects with CountsPairWith.
  Result<std::uint64_t> Pair(TermId predicate, TermId object) const;
  // The pair records of `predicate`, or every pair record (for checks).
  Result<std::map<std::pair<TermId, TermId>, std::uint64_t>> Pairs(
      std::optional<TermId> predicate = std::nullopt) const;
  // The record of one count under `key` (GraphKey, ClassKey); 0 when there is none.
  Result<std::uint64_t> Single(const std::string& key) const;
  // Everything but bytes_on_disk; predicates by quads (largest first), graphs by id.
  Result<StoreStats> All() const;

 private:
  Result<std::optional<std::string>> Get(const std::string& key) const;

  const RocksDb* rocks_;
  rocksdb::ReadOptions read_;
};

struct IdPairHash {
  std::size_t operator()(const std::pair<TermId, TermId>& ids) const noexcept {
    return HashMix64(ids.first ^ HashMix64(ids.second));
  }
};

// How one commit moves the statistics.
struct StatsDelta {
  struct Predicate {
    std::int64_t quads = 0;
    std::int64_t subjects = 0;
    std::int64_t objects = 0;
  };
  std::int64_t quads = 0;
  std::int64_t terms = 0;
  std::unordered_map<TermId, Predicate> predicates;
  std::unordered_map<TermId, std::int64_t> graphs;
  std::unordered_map<TermId, std::int64_t> classes;
  // `fresh`: the pair has an id this commit made, so no record of it exists yet.
  struct PairMove {
    std::int64_t quads = 0;
    bool fresh = false;
  };
  std::unordered_map<std::pair<TermId, TermId>, PairMove, IdPairHash> pairs;

  void Merge(const StatsDelta& other);
};

class PairProbe;

// Counts how one commit moves the statistics, from its changes to one index in key order:
// spog gives total quads, quads per graph and distinct subjects per predicate; posg gives
// quads and distinct objects per predicate, and (in a store of format 5) the quads per pair.
// Asks the store (as `read` sees it) whether a
// (subject, predicate) or (predicate, object) pair was present before, unless `is_new` says
// an id was made by this commit. posg also gives the quads per class, given rdf:type's id
// (none: no class moves). Not thread-safe; one per index.
class StatsCounter {
 public:
  // REQUIRES: `index` is kSpog or kPosg.
  StatsCounter(const RocksDb& rocks, const rocksdb::ReadOptions& read, QuadIndex index,
               std::function<bool(TermId)> is_new, std::optional<TermId> type_id = std::nullopt);
  ~StatsCounter();
  StatsCounter(const StatsCounter&) = delete;
  StatsCounter& operator=(const StatsCounter&) = delete;

  // `added`: the store gains `quad` (it did not hold it); otherwise it loses it.
  Status Add(const QuadIds& quad, bool added);
  // After the last Add().
  Status Finish();
  const StatsDelta& delta() const { return delta_; }

 private:
  Status ClosePair();
  void FlushGraph();

  std::unique_ptr<PairProbe> probe_;
  QuadIndex index_;
  std::function<bool(TermId)> is_new_;
  std::optional<TermId> type_id_;
  bool count_pairs_ = false;
  StatsDelta delta_;
  // The pair whose changes are being gathered, and them.
  bool open_ = false;
  TermId a_ = 0;
  TermId b_ = 0;
  std::int64_t pair_quads_ = 0;
  bool pair_gains_ = false;
  std::vector<QuadIds> pair_losses_;  // in key order
  // spog: the graph of the last quads, and how they move its count.
  TermId graph_ = 0;
  std::int64_t graph_quads_ = 0;
};

// Statistics records to write, by key: the new value, or nullopt to delete the record.
using StatsWrites = std::map<std::string, std::optional<std::string>>;

// The pair records, counted from all of posg as `snapshot` (null: the latest) sees it, for a
// store made before format version 5 and for checks.
Result<StatsWrites> CountPairs(const RocksDb& rocks, const rocksdb::Snapshot* snapshot);

// The class records, counted from posg as `snapshot` (null: the latest) sees it, for a store
// that has none (one made before format version 4) and for checks; `type_id` is rdf:type's.
Result<StatsWrites> CountClasses(const RocksDb& rocks, const rocksdb::Snapshot* snapshot,
                                 TermId type_id);

// The records that move the store's statistics by `delta`. kCorruption when a count would
// become negative (the stored statistics were wrong).
Result<StatsWrites> ApplyStatsDelta(const StatsReader& reader, const StatsDelta& delta);

}  // namespace silk::storage
