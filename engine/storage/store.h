// The store: a directory holding one RocksDB database of RDF quads.
//
// This header and the ones it includes are the whole public surface of engine/storage/;
// no RocksDB type appears in them. Every term is a 64-bit TermId (see term_id.h); quads are
// scanned as ids and decoded to terms only when printed.
#pragma once

#include <cstdint>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "engine/storage/term_id.h"
#include "engine/storage/text_match.h"
#include "grammar/rdf/term.h"

namespace silk::storage {

struct QuadIds {
  TermId s = 0;
  TermId p = 0;
  TermId o = 0;
  TermId g = kDefaultGraphId;

  friend bool operator==(const QuadIds&, const QuadIds&) = default;
  friend auto operator<=>(const QuadIds&, const QuadIds&) = default;
};

// Whether two quads hold the same triple, in whatever graphs: the default graph merges them.
inline bool SameTriple(const QuadIds& a, const QuadIds& b) {
  return a.s == b.s && a.p == b.p && a.o == b.o;
}

// Any subset of the four positions bound; an unbound position matches everything.
// `g == kDefaultGraphId` matches the default graph only; an unbound `g` matches every graph.
struct QuadPattern {
  std::optional<TermId> s;
  std::optional<TermId> p;
  std::optional<TermId> o;
  std::optional<TermId> g;
  // With `o` unbound: only objects whose ids lie in [first, second]. An index that holds the
  // object right after the bound positions reads only that range of its keys.
  std::optional<std::pair<TermId, TermId>> o_range;
  // Bound positions (bits 1 << QuadPosition) whose ids some quad of the snapshot read is known
  // to have at that position: values an index join read from there. Seeks to them skip the
  // bloom filters, which could only answer "maybe". A hint for speed; results never depend on
  // it.
  std::uint8_t held = 0;
};

// One position of a quad.
enum class QuadPosition : std::uint8_t { kSubject, kPredicate, kObject, kGraph };

inline TermId IdAt(const QuadIds& quad, QuadPosition position) {
  switch (position) {
    case QuadPosition::kSubject: return quad.s;
    case QuadPosition::kPredicate: return quad.p;
    case QuadPosition::kObject: return quad.o;
    case QuadPosition::kGraph: return quad.g;
  }
  return quad.s;
}

// How many quads (or triples) have one id at the position a count is grouped by.
struct GroupCount {
  TermId id = 0;
  std::uint64_t count = 0;
  friend bool operator==(const GroupCount&, const GroupCount&) = default;
};

// What Snapshot::CountPer counts.
struct CountRequest {
  QuadPattern pattern;
  // Group by the id at this position; nullopt: one group of id 0, present even when empty.
  std::optional<QuadPosition> per;
  // Quads that differ only in their graph count once: the triples of the union graph.
  bool merge_graphs = false;
  // Only the matching quads this says true of (empty: all of them): a semi-join, such as a
  // subject's membership in a class.
  std::function<bool(const QuadIds&)> keep;
  // Asked now and then (may be empty); once it says true, the count ends with kCancelled.
  std::function<bool()> stop;
  // Told the bytes of each growth of the groups the count holds, before it happens (may be
  // empty); may throw to end the count (a query's memory limit).
  std::function<void(std::uint64_t bytes)> charge;
  // Runs a task on another thread and says true, or says false when no thread is idle (may
  // be empty): a long count is then cut in two, one half counted there. `keep` and `stop`
  // are then called on both threads.
  std::function<bool(std::function<void()>)> share;
};

struct StoreOptions {
  bool read_only = false;          // open without the writer lock; writes are refused
  bool create_if_missing = true;   // an empty or missing directory becomes a new store
  // Memory for blocks read from disk, decompressed: queries gain from much of it, a load
  // (which reads little but whether its terms and quads are already stored) from little.
  std::size_t block_cache_bytes = std::size_t{128} << 20;
  // Memory for the index keys queries read, decoded (key_pages.h): a scan or a seek among
  // them costs a fraction of reading them from the blocks again. 0: none kept.
  std::size_t key_cache_bytes = std::size_t{256} << 20;
  // A writable open that finds another process writing waits this long for it to finish
  // (0: fails at once with kBusy), calling `on_wait` once with the holder ("silk load (pid
  // 1234)") when it starts waiting.
  std::chrono::milliseconds writer_wait{0};
  std::function<void(const std::string& holder)> on_wait{};
};

struct PredicateStats {
  TermId predicate = 0;
  std::uint64_t quads = 0;
  std::uint64_t distinct_subjects = 0;
  std::uint64_t distinct_objects = 0;
};

struct GraphStats {
  TermId graph = 0;
  std::uint64_t quads = 0;
};

// The quads (rdf:type, cls): how many things a class has (one per graph that says so).
struct ClassStats {
  TermId cls = 0;
  std::uint64_t quads = 0;
};

struct StoreStats {
  std::uint64_t quads = 0;
  std::uint64_t terms = 0;          // dictionary entries (inlined literals are not counted)
  std::uint64_t bytes_on_disk = 0;  // live SST and log files
  std::vector<PredicateStats> predicates;  // by quads, largest first
  std::vector<GraphStats> graphs;          // by graph id
  std::vector<ClassStats> classes;         // by class id; empty in a store of format 3
};

// Quads matching a pattern, in the order of the index that serves it.
// LevelDB's shape: check status() once Valid() turns false.
class QuadIterator {
 public:
  virtual ~QuadIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  // REQUIRES: Valid()
  virtual QuadIds quad() const = 0;
  // Ok, or why iteration ended early (I/O error, corruption).
  virtual Status status() const = 0;
  // Fills `out` with the quad here and those Next steps to after it, moving past them, and
  // returns how many: fewer than out.size() only at the end. Scans read a batch at a time.
  virtual std::size_t Read(std::span<QuadIds> out) {
    std::size_t n = 0;
    for (; n < out.size() && Valid(); Next()) out[n++] = quad();
    return n;
  }
  // Restarts on `pattern`, of the snapshot this iterator came from, when it can do so more
  // cheaply than a new Scan (the same index: a seek of the open cursor, so that probes in key
  // order mostly read blocks already at hand); false, changing nothing, when it cannot.
  virtual bool Seek(const QuadPattern& /*pattern*/) { return false; }
};

// The pieces of a scan (Snapshot::Cut). Thread-safe: each piece may be opened and read on
// another thread. Must not outlive its snapshot.
class ScanPieces {
 public:
  virtual ~ScanPieces() = default;
  // The quads of piece `i`, or null past the last piece.
  virtual std::unique_ptr<QuadIterator> Open(std::size_t i) const = 0;
};

// A consistent, read-only view of the store as of its creation; writes committed later are
// invisible to it. Thread-safe for concurrent readers. Must not outlive its Store.
class Snapshot {
 public:
  virtual ~Snapshot() = default;

  // Every quad matching `pattern`, served by the index whose leading positions are bound.
  // The iterator must not outlive this snapshot.
  virtual std::unique_ptr<QuadIterator> Scan(const QuadPattern& pattern) const = 0;
  // Scan(pattern) cut into at most `pieces` consecutive pieces of about equal size, so that
  // several threads can read one each: reading them in order gives Scan's quads in Scan's
  // order. One piece when the scan is too small to cut; the cuts are made as the pieces are
  // opened.
  virtual std::unique_ptr<ScanPieces> Cut(const QuadPattern& pattern, std::size_t pieces) const;
  // The exact number of matching quads.
  virtual Result<std::uint64_t> Count(const QuadPattern& pattern) const = 0;
  // The quads `request` asks for, counted per id at its position `per`, by ascending id (ids
  // without quads left out). Reads keys and statistics only: no term is decoded, no row
  // built.
  virtual Result<std::vector<GroupCount>> CountPer(const CountRequest& request) const = 0;
  // A cheap estimate of Count() from the statistics, for the planner; never reads the indexes
  // beyond a few keys.
  virtual std::uint64_t Estimate(const QuadPattern& pattern) const = 0;
  // The statistics as of this snapshot, for the planner: its estimates and the named graphs
  // (listed from the same commit as the quads). bytes_on_disk is left 0: Store::Stats counts
  // the files, which a query need not pay for.
  virtual Result<StoreStats> Stats() const = 0;

  // The id of a term already in the store, or nullopt. Blank nodes are never found: their
  // labels belong to the load that made them.
  virtual Result<std::optional<TermId>> Lookup(const rdf::TermView& term) const = 0;
  // The term behind an id. Blank nodes decode as `_:b<number>`, stable for the node's life.
  virtual Result<rdf::Term> Decode(TermId id) const = 0;
  // The terms behind `ids`, in order: Decode for many ids at once, with one batched read of
  // the dictionary (for writing large results).
  virtual Result<std::vector<rdf::Term>> DecodeMany(std::span<const TermId> ids) const = 0;
  // The string literals whose words match `query`: every word must occur in the literal (in
  // any of its forms: case, diacritics and, in English, German and Turkish, endings do not
  // matter), and the words of a "quoted phrase" in order; best first (BM25). Only literals
  // that are the object of a quad are found.
  // Errors: kInvalidArgument for a query without words; kIncompatible when the store has no
  // text index (a store of an older format opened read-only).
  virtual Result<std::vector<TextMatch>> MatchText(std::string_view query) const {
    return Status::Incompatible("this store has no text index: " + std::string(query));
  }
  // About how many literals MatchText(query) returns, cheaply, for the planner.
  virtual std::uint64_t EstimateText(std::string_view /*query*/) const { return 0; }
  // Up to `limit` IRIs of the dictionary that start with `prefix`, in code point order: one
  // seek, for completion at a prompt. The dictionary keeps IRIs that no quad uses any more.
  virtual Result<std::vector<std::string>> IrisWithPrefix(std::string_view prefix,
                                                          std::size_t limit) const = 0;
};

// A set of inserts and deletes that becomes visible all at once on Commit(), or not at all.
// Destroying it without Commit() discards it and leaves the store exactly as it was.
// Not thread-safe; one per Store at a time.
class WriteTransaction {
 public:
  virtual ~WriteTransaction() = default;

  // Blank-node labels are scoped: within one scope `_:x` is one fresh node, never equal to a
  // node already in the store. A transaction starts with one scope; call this between files.
  virtual void NewBlankNodeScope() = 0;

  // The id for `term`, assigning a new one if the store does not know it yet.
  virtual Result<TermId> Encode(const rdf::TermView& term) = 0;

  // Adding a quad that is present, or removing one that is absent, changes nothing.
  virtual Status Insert(const rdf::QuadView& quad) = 0;
  virtual Status Insert(const QuadIds& quad) = 0;
  // Quads with blank nodes given by label match nothing (labels are scoped); delete stored
  // blank nodes by id.
  virtual Status Delete(const rdf::QuadView& quad) = 0;
  virtual Status Delete(const QuadIds& quad) = 0;

  // After Commit(): the quads the store gained and lost (duplicates and no-ops excluded).
  // Zero before: operations are only sorted out at commit.
  virtual std::uint64_t inserted() const = 0;
  virtual std::uint64_t deleted() const = 0;

  // Applies everything atomically and durably. The transaction is spent afterwards.
  virtual Status Commit() = 0;

  // How far a running Commit() has got, for a display on another thread: entries written of
  // at most `total` (both 0 until the sorted changes are being written). Thread-safe.
  struct CommitProgress {
    std::uint64_t done = 0;
    std::uint64_t total = 0;
  };
  virtual CommitProgress commit_progress() const = 0;
};

struct WriteOptions {
  // Memory for the transaction: half for its quad operations (about 160 bytes each), half
  // for the terms it adds to the dictionary (about 120 bytes each). Beyond its half, each
  // moves to disk in the store's directory (sorted runs of quads merged at commit, a scratch
  // dictionary of terms), so a load of any size fits. The halves hold the scratch
  // dictionary's memtables and the commit's sorts and merge buffers too; not the block
  // caches, nor the filters RocksDB builds while the commit writes its files (about 12 bytes
  // for each new term and each distinct subject and object).
  std::size_t memory_bytes = std::size_t{1} << 30;
};

class Store {
 public:
  // Opens or creates the store in `dir`.
  // Errors: kBusy when another process has it open for writing (naming it); kCorruption, saying
  // "damaged", when RocksDB's files are damaged or hold less than the commit record says was
  // committed (nothing is deleted then); kIncompatible for a store
  // of another format version or a directory that holds something else; kIOError otherwise.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const StoreOptions& options);

  virtual ~Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  virtual const std::string& dir() const = 0;
  virtual bool read_only() const = 0;

  virtual std::unique_ptr<Snapshot> GetSnapshot() const = 0;
  // REQUIRES: !read_only() and no other transaction of this store alive.
  virtual std::unique_ptr<WriteTransaction> BeginWrite(const WriteOptions& options) = 0;
  std::unique_ptr<WriteTransaction> BeginWrite() { return BeginWrite(WriteOptions()); }

  virtual Result<StoreStats> Stats() const = 0;
  // Cross-checks the store: spog, posg and ospg hold the same quads and gspo those of named
  // graphs, every id decodes, the dictionary maps both ways, the statistics match the data.
  // Ok or a description of the first problems found.
  virtual Status Check() const = 0;

  // Copies the store, as of one commit, into `target` (missing or empty; a new store there,
  // with its own commit record), also while another process writes to it.
  // Errors: kIOError when `target` holds files, or the copy fails (nothing is left at target).
  virtual Status Backup(const std::string& target) const {
    return Status::Incompatible("this store cannot be backed up: " + target);
  }

 protected:
  Store() = default;
};

}  // namespace silk::storage
