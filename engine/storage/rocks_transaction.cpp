#include "engine/storage/rocks_transaction.h"

#include <fmt/format.h>
#include <rocksdb/db.h>

#include <utility>
#include <vector>

#include "engine/storage/commit_writer.h"
#include "engine/storage/key_codec.h"
#include "engine/storage/parallel.h"
#include "engine/storage/quad_log.h"
#include "engine/storage/statistics.h"
#include "engine/storage/term_dictionary.h"

namespace silk::storage {
namespace {

// Every call fails: the store is read-only or already has a writer.
class RefusedTransaction final : public WriteTransaction {
 public:
  explicit RefusedTransaction(Status why) : why_(std::move(why)) {}

  void NewBlankNodeScope() override {}
  Result<TermId> Encode(const rdf::TermView& /*term*/) override { return why_; }
  Status Insert(const rdf::QuadView& /*quad*/) override { return why_; }
  Status Insert(const QuadIds& /*quad*/) override { return why_; }
  Status Delete(const rdf::QuadView& /*quad*/) override { return why_; }
  Status Delete(const QuadIds& /*quad*/) override { return why_; }
  std::uint64_t inserted() const override { return 0; }
  std::uint64_t deleted() const override { return 0; }
  Status Commit() override { return why_; }
  CommitProgress commit_progress() const override { return {}; }

 private:
  Status why_;
};

class RocksTransaction final : public WriteTransaction {
 public:
  // REQUIRES: the caller has set core->writer_active for this transaction.
  RocksTransaction(StoreCore* core, const WriteOptions& options, std::uint64_t first_sequence,
                   bool store_empty)
      : core_(core),
        dictionary_(core->rocks.get(), rocksdb::ReadOptions()),
        // Half the memory each for new terms and for quad operations.
        encoder_(&dictionary_, first_sequence, SpillDirectory(core->dir, "terms"),
                 options.memory_bytes / 2),
        store_empty_(store_empty),
        log_(SpillDirectory(core->dir, "runs"), options.memory_bytes - options.memory_bytes / 2,
             [this](std::span<QuadRecord> records) { return Resolve(records); }) {}

  ~RocksTransaction() override {
    const std::lock_guard<std::mutex> lock(core_->mu);
    core_->writer_active = false;
  }

  void NewBlankNodeScope() override { encoder_.NewBlankNodeScope(); }

  Result<TermId> Encode(const rdf::TermView& term) override {
    if (spent_) {
      return Spent();
    }
    return encoder_.Encode(term);
  }

  Status Insert(const rdf::QuadView& quad) override {
    if (spent_) {
      return Spent();
    }
    QuadIds ids;
    SILK_RETURN_IF_ERROR(EncodePosition(quad.subject, "subject", &ids.s));
    SILK_RETURN_IF_ERROR(EncodePosition(quad.predicate, "predicate", &ids.p));
    SILK_RETURN_IF_ERROR(EncodePosition(quad.object, "object", &ids.o));
    Result<TermId> g = encoder_.Encode(quad.graph);
    if (!g.ok()) {
      return g.status();
    }
    ids.g = *g;
    return log_.Append(ids, QuadOp::kInsert);
  }

  Status Insert(const QuadIds& quad) override {
    if (spent_) {
      return Spent();
    }
    // Ids from outside may be anything: only terms of the store (or of this transaction) may
    // enter the indexes, or Check() would find ids that do not decode.
    if (quad.s == kDefaultGraphId || quad.p == kDefaultGraphId || quad.o == kDefaultGraphId) {
      return Status::InvalidArgument("the default graph can only be a quad's graph");
    }
    for (const TermId id : {quad.s, quad.p, quad.o, quad.g}) {
      Result<bool> exists = encoder_.Exists(id);
      if (!exists.ok()) {
        return exists.status();
      }
      if (!*exists) {
        return Status::InvalidArgument(fmt::format("id {:#x} is not a term of this store", id));
      }
    }
    return log_.Append(quad, QuadOp::kInsert);
  }

  Status Delete(const rdf::QuadView& quad) override {
    if (spent_) {
      return Spent();
    }
    QuadIds ids;
    for (auto [term, id] : {std::pair{&quad.subject, &ids.s}, std::pair{&quad.predicate, &ids.p},
                            std::pair{&quad.object, &ids.o}, std::pair{&quad.graph, &ids.g}}) {
      Result<std::optional<TermId>> found = encoder_.Find(*term);
      if (!found.ok()) {
        return found.status();
      }
      if (!*found) {
        return Status::Ok();  // an unknown term (or a blank node label): no such quad
      }
      *id = **found;
    }
    return log_.Append(ids, QuadOp::kDelete);
  }

  Status Delete(const QuadIds& quad) override {
    if (spent_) {
      return Spent();
    }
    return log_.Append(quad, QuadOp::kDelete);
  }

  std::uint64_t inserted() const override { return counts_.added; }
  std::uint64_t deleted() const override { return counts_.removed; }
  CommitProgress commit_progress() const override { return {meter_.done, meter_.total}; }

  Status Commit() override {
    if (spent_) {
      return Spent();
    }
    spent_ = true;
    const unsigned threads = CommitThreads();
    SILK_RETURN_IF_ERROR(log_.Finish(threads));
    CommitSource source;
    source.quads = &log_;
    source.terms = &encoder_;
    source.is_new = [this](TermId id) { return encoder_.IsNew(id); };
    Result<std::optional<TermId>> type_id = encoder_.Find(rdf::TermView::Iri(format::kRdfType));
    if (!type_id.ok()) {
      return type_id.status();
    }
    source.type_id = *type_id;
    source.meter = &meter_;
    const std::uint64_t failed_syncs = core_->rocks->failed_syncs();
    Result<CommitCounts> counts =
        WriteCommit(*core_->rocks, core_->dir, core_->tuning.ingest_threshold, threads, source);
    if (!counts.ok()) {
      if (core_->rocks->failed_syncs() != failed_syncs) {
        return Status::Indeterminate(fmt::format(
            "{}; the disk failed while the commit was made durable, so it may or may not be in "
            "the store",
            counts.status().message()));
      }
      return counts.status();
    }
    counts_ = *counts;
    core_->rocks->RecordCommit();
    const std::lock_guard<std::mutex> lock(core_->mu);
    core_->next_sequence = encoder_.next_sequence();
    return Status::Ok();
  }

 private:
  static Status Spent() {
    return Status::InvalidArgument("this write transaction has already been committed");
  }

  Status EncodePosition(const rdf::TermView& term, std::string_view position, TermId* id) {
    if (term.IsDefaultGraph()) {
      return Status::InvalidArgument(
          fmt::format("the default graph cannot be a quad's {}", position));
    }
    Result<TermId> encoded = encoder_.Encode(term);
    if (!encoded.ok()) {
      return encoded.status();
    }
    *id = *encoded;
    return Status::Ok();
  }

  // The effect of each operation in `records`: does it change the store? Runs on the log's
  // spill thread too, so it reads only what does not change during the transaction.
  Status Resolve(std::span<QuadRecord> records) const {
    for (QuadRecord& record : records) {
      Result<bool> stored = Stored(record.quad);
      if (!stored.ok()) {
        return stored.status();
      }
      if (record.op == QuadOp::kInsert) {
        record.effect = *stored ? Effect::kNone : Effect::kAdd;
      } else {
        record.effect = *stored ? Effect::kRemove : Effect::kNone;
      }
    }
    return Status::Ok();
  }

  // Whether the store (not this transaction) holds `quad`.
  Result<bool> Stored(const QuadIds& quad) const {
    // Nothing stored can contain an id this transaction made: bulk loads skip the read.
    if (store_empty_ || encoder_.IsNew(quad.s) || encoder_.IsNew(quad.p) ||
        encoder_.IsNew(quad.o) || encoder_.IsNew(quad.g)) {
      return false;
    }
    const QuadKey key = EncodeQuadKey(QuadIndex::kSpog, quad);
    std::string value;
    const rocksdb::Status s =
        core_->rocks->db()->Get(rocksdb::ReadOptions(), core_->rocks->family(format::Family::kSpog),
                                rocksdb::Slice(key.data(), key.size()), &value);
    if (s.IsNotFound()) {
      return false;
    }
    if (!s.ok()) {
      return FromRocks(s, "cannot read the quad indexes");
    }
    return true;
  }

  StoreCore* core_;
  TermDictionary dictionary_;
  TermEncoder encoder_;
  const bool store_empty_;
  QuadLog log_;
  CommitCounts counts_;  // after Commit()
  CommitMeter meter_;    // during Commit()
  bool spent_ = false;
};

}  // namespace

std::unique_ptr<WriteTransaction> NewWriteTransaction(StoreCore* core, const WriteOptions& options) {
  if (core->read_only) {
    return std::make_unique<RefusedTransaction>(Status::InvalidArgument(
        fmt::format("store {} is open read-only; it cannot be written", core->dir)));
  }
  std::uint64_t first_sequence = 0;
  {
    const std::lock_guard<std::mutex> lock(core->mu);
    if (core->writer_active) {
      return std::make_unique<RefusedTransaction>(
          Status::Busy(fmt::format("store {} already has an open write transaction", core->dir)));
    }
    core->writer_active = true;
    first_sequence = core->next_sequence;
  }
  Result<TotalCounts> totals = StatsReader(core->rocks.get(), rocksdb::ReadOptions()).Totals();
  if (!totals.ok()) {
    const std::lock_guard<std::mutex> lock(core->mu);
    core->writer_active = false;
    return std::make_unique<RefusedTransaction>(totals.status());
  }
  return std::make_unique<RocksTransaction>(core, options, first_sequence, totals->quads == 0);
}

}  // namespace silk::storage
