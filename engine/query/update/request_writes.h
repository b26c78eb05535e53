// The writes of one update request, all in one transaction, and the store as the request has
// changed it so far.
//
// A WriteTransaction cannot read what it holds (its operations are sorted out only at commit),
// yet each operation of a request must see what the earlier ones did: `INSERT DATA {…};
// DELETE WHERE {…}` deletes what the first operation inserted. RequestWrites passes every
// write on to the transaction and, while recording, keeps the net change in memory: the quads
// added and removed, the graphs emptied as a whole, and the terms given ids. view() lays that
// change over the snapshot the request began with.
//
// What an operation writes becomes visible when it ends (EndOperation), not while it runs:
// SPARQL reads an operation's WHERE before any of its changes, and a WHERE is read in batches
// between which the operation already writes.
//
// Nothing reads after the last operation of a request, so it runs with recording off: a
// request of one LOAD, DROP or COPY of millions of quads holds none of them in memory. An
// emptied graph costs one entry however many quads it had; quads added by a recorded
// operation cost about 100 bytes each until the commit.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "engine/query/query_ids.h"
#include "engine/query/update/stop_check.h"
#include "engine/storage/store.h"

namespace silk::query {

class RequestWrites final : public storage::WriteTransaction {
 public:
  // REQUIRES: `tx` and `base` outlive this object; `base` was taken after `tx` began, so no
  // other writer changed the store in between.
  RequestWrites(storage::WriteTransaction& tx, const storage::Snapshot& base);
  ~RequestWrites() override;
  RequestWrites(const RequestWrites&) = delete;
  RequestWrites& operator=(const RequestWrites&) = delete;

  // Off: writes go to the transaction only, and view() no longer follows them.
  void set_recording(bool on) { recording_ = on; }

  // The store as the operations ended so far left it (while recording). Valid as long as this
  // object. No scan of it may be open when an operation ends.
  const storage::Snapshot& view() const { return *view_; }

  // What the current operation wrote becomes part of view().
  void EndOperation();

  // Deletes every quad of the graphs `scope` selects that view() shows: one graph (`graph`),
  // the default graph, every named graph, or all of them. `stop`, if given, is asked every
  // few thousand quads (its error is returned).
  enum class Graphs { kOne, kDefault, kNamed, kAll };
  Status ClearGraphs(Graphs scope, TermId graph = storage::kDefaultGraphId,
                     const StopCheck* stop = nullptr);

  // storage::WriteTransaction
  void NewBlankNodeScope() override { tx_.NewBlankNodeScope(); }
  Result<TermId> Encode(const rdf::TermView& term) override;
  Status Insert(const rdf::QuadView& quad) override;
  Status Insert(const storage::QuadIds& quad) override;
  Status Delete(const rdf::QuadView& quad) override;
  Status Delete(const storage::QuadIds& quad) override;
  std::uint64_t inserted() const override { return tx_.inserted(); }
  std::uint64_t deleted() const override { return tx_.deleted(); }
  Status Commit() override { return tx_.Commit(); }
  CommitProgress commit_progress() const override { return tx_.commit_progress(); }

  // What view() needs to know; read by the view only.
  struct Changes {
    std::set<storage::QuadIds> added;    // not necessarily absent from the base
    std::set<storage::QuadIds> removed;  // of the base; never also in `added`
    bool default_emptied = false;        // the base's default graph is hidden
    bool named_emptied = false;          // every named graph of the base is hidden
    std::set<TermId> graphs_emptied;     // these named graphs of the base are hidden
    std::map<TermId, rdf::Term> terms;   // ids this request assigned, with their terms
    std::map<rdf::Term, TermId> ids;     // the same, the other way (no blank nodes)

    // Whether every quad of the base is there as it was, and no other.
    bool quads_unchanged() const {
      return added.empty() && removed.empty() && !default_emptied && !named_emptied &&
             graphs_emptied.empty();
    }
    // Whether a quad of the base is still there.
    bool Keeps(const storage::QuadIds& quad) const;
  };

 private:
  // A write of the running operation, kept until it ends.
  struct PendingWrite {
    enum class Kind { kInsert, kDelete, kClear } kind;
    storage::QuadIds quad;         // kInsert, kDelete; for kClear, quad.g is the graph
    Graphs graphs = Graphs::kOne;  // kClear
  };
  void Apply(const PendingWrite& write);

  storage::WriteTransaction& tx_;
  bool recording_ = true;
  std::vector<PendingWrite> pending_;
  Changes changes_;
  std::unique_ptr<storage::Snapshot> view_;
};

}  // namespace silk::query
