#include "engine/storage/commit_writer.h"

#include <fmt/format.h>
#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>
#include <deque>
#include <optional>
#include <system_error>
#include <vector>

#include "engine/storage/key_codec.h"
#include "engine/storage/literal_changes.h"
#include "engine/storage/parallel.h"
#include "engine/storage/statistics.h"
#include "engine/storage/term_id.h"
#include "engine/storage/text_commit.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;
using format::Family;

rocksdb::Slice AsSlice(const QuadKey& key) { return {key.data(), key.size()}; }
rocksdb::Slice AsSlice(std::string_view s) { return {s.data(), s.size()}; }

std::string WriteContext(const std::string& dir) {
  return fmt::format("cannot write to the store at {}", dir);
}

// Receives one family's entries for a WriteBatch shared by all families.
class BatchSink {
 public:
  BatchSink(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* family)
      : batch_(batch), family_(family) {}
  rocksdb::Status Put(rocksdb::Slice key, rocksdb::Slice value = {}) {
    return batch_->Put(family_, key, value);
  }
  rocksdb::Status Delete(rocksdb::Slice key) { return batch_->Delete(family_, key); }

 private:
  rocksdb::WriteBatch* batch_;
  rocksdb::ColumnFamilyHandle* family_;
};

// Receives one family's entries, in key order, for an SST file to ingest, and counts them
// into `meter`. The file is made on the first entry: RocksDB cannot ingest an empty one.
class SstSink {
 public:
  SstSink(const RocksDb& rocks, Family family, std::string path, CommitMeter* meter)
      : rocks_(rocks), family_(family), path_(std::move(path)), meter_(meter) {}

  rocksdb::Status Put(rocksdb::Slice key, rocksdb::Slice value = {}) {
    rocksdb::Status s = Open();
    Count();
    return s.ok() ? writer_->Put(key, value) : s;
  }
  rocksdb::Status Delete(rocksdb::Slice key) {
    rocksdb::Status s = Open();
    Count();
    return s.ok() ? writer_->Delete(key) : s;
  }
  rocksdb::Status Finish() {
    FlushCount();
    return writer_ ? writer_->Finish() : rocksdb::Status::OK();
  }

  // After Finish(): the file to ingest, if any entry was written.
  std::optional<rocksdb::IngestExternalFileArg> Ingestion() const {
    if (!writer_) {
      return std::nullopt;
    }
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = rocks_.family(family_);
    arg.external_files.push_back(path_);
    // Hard links instead of copies; the global sequence number lives in the MANIFEST only.
    arg.options.move_files = true;
    arg.options.write_global_seqno = false;
    return arg;
  }

 private:
  rocksdb::Status Open() {
    if (writer_) {
      return rocksdb::Status::OK();
    }
    writer_.emplace(rocksdb::EnvOptions(), rocks_.FamilyOptions(family_), rocks_.family(family_));
    return writer_->Open(path_);
  }
  // In steps, so that the commit's threads do not contend for the meter.
  void Count() {
    if (++uncounted_ == kCountStep) {
      FlushCount();
    }
  }
  void FlushCount() {
    if (meter_ != nullptr) {
      meter_->done += uncounted_;
    }
    uncounted_ = 0;
  }

  static constexpr std::uint64_t kCountStep = 4096;
  const RocksDb& rocks_;
  Family family_;
  std::string path_;
  CommitMeter* meter_;
  std::uint64_t uncounted_ = 0;
  std::optional<rocksdb::SstFileWriter> writer_;
};

// The SST files of one commit live here until ingested; removed however the commit ends, and
// by the next writable open after a crash.
class StagingDirectory {
 public:
  explicit StagingDirectory(const std::string& dir)
      : path_(fs::path(dir) / format::kIngestDirectory / "sst") {}
  ~StagingDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
    fs::remove(path_.parent_path(), ec);  // only if nothing else is there
  }
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;

  Status Create() {
    std::error_code ec;
    fs::remove_all(path_, ec);
    fs::create_directories(path_, ec);
    if (ec) {
      return Status::IOError(fmt::format("cannot create {}: {}", path_.string(), ec.message()));
    }
    return Status::Ok();
  }
  std::string FileFor(Family family) const {
    return (path_ / fmt::format("{}.sst", format::FamilyName(family))).string();
  }

 private:
  fs::path path_;
};

// What one index's pass over its changes tells besides the index itself: the statistics
// (spog and posg), the counts (spog), the literals whose quads change (ospg).
struct IndexObservers {
  StatsCounter* stats = nullptr;
  CommitCounts* counts = nullptr;
  LiteralChangeCollector* literals = nullptr;
};

// One index's changes into `sink`, shown to `observers`.
template <typename Sink>
Status WriteIndex(QuadIndex index, ChangeCursor& changes, Sink& sink,
                  const IndexObservers& observers) {
  StatsCounter* const stats = observers.stats;
  CommitCounts* const counts = observers.counts;
  QuadRecord change;
  while (changes.Next(&change)) {
    const bool added = change.effect == Effect::kAdd;
    const QuadKey key = EncodeQuadKey(index, change.quad);
    const rocksdb::Status s = added ? sink.Put(AsSlice(key)) : sink.Delete(AsSlice(key));
    if (!s.ok()) {
      return FromRocks(s, "cannot write the quad indexes");
    }
    if (stats != nullptr) {
      SILK_RETURN_IF_ERROR(stats->Add(change.quad, added));
    }
    if (counts != nullptr) {
      ++(added ? counts->added : counts->removed);
    }
    if (observers.literals != nullptr) {
      observers.literals->Observe(change);
    }
  }
  SILK_RETURN_IF_ERROR(changes.status());
  return stats != nullptr ? stats->Finish() : Status::Ok();
}

template <typename Sink>
Status WriteTermsById(const TermEncoder& terms, Sink& sink) {
  return terms.ForEachNewTermById([&sink](TermId id, std::string_view record) {
    const rocksdb::Status s = sink.Put(BigEndian64(id), AsSlice(record));
    return s.ok() ? Status::Ok() : FromRocks(s, "cannot write the dictionary");
  });
}

template <typename Sink>
Status WriteTermsByKey(const TermEncoder& terms, Sink& sink) {
  return terms.ForEachNewTermByKey([&sink](std::string_view key, TermId id) {
    const rocksdb::Status s = sink.Put(AsSlice(key), BigEndian64(id));
    return s.ok() ? Status::Ok() : FromRocks(s, "cannot write the dictionary");
  });
}

// Puts and deletes in key order: the statistics (a map).
template <typename Writes, typename Sink>
Status WriteRecords(const Writes& writes, Sink& sink, std::string_view what) {
  for (const auto& [key, value] : writes) {
    const rocksdb::Status s = value ? sink.Put(AsSlice(key), AsSlice(*value)) : sink.Delete(AsSlice(key));
    if (!s.ok()) {
      return FromRocks(s, fmt::format("cannot write {}", what));
    }
  }
  return Status::Ok();
}

template <typename Sink>
Status WriteStats(const StatsWrites& writes, Sink& sink) {
  return WriteRecords(writes, sink, "the statistics");
}

// The commit's changes to the text index, computed from the store before the commit lands.
template <typename Sink>
Status WriteText(const RocksDb& rocks, const CommitSource& source, const LiteralChanges& changes,
                 Sink& sink) {
  return WriteTextOfCommit(
      rocks, changes, *source.terms,
      [&sink](std::string_view key, std::optional<std::string_view> value) {
        const rocksdb::Status s =
            value ? sink.Put(AsSlice(key), AsSlice(*value)) : sink.Delete(AsSlice(key));
        return s.ok() ? Status::Ok() : FromRocks(s, "cannot write the text index");
      });
}

// The statistics records after `spog` and `posg` counted the quads and `terms` were added.
Result<StatsWrites> StatsAfter(const RocksDb& rocks, const StatsCounter& spog,
                               const StatsCounter& posg, std::size_t terms) {
  StatsDelta delta = spog.delta();
  delta.Merge(posg.delta());
  delta.terms = static_cast<std::int64_t>(terms);
  return ApplyStatsDelta(StatsReader(&rocks, rocksdb::ReadOptions()), delta);
}

IndexObservers ObserversOf(QuadIndex index, StatsCounter* spog, StatsCounter* posg,
                           CommitCounts* counts, LiteralChangeCollector* literals) {
  return {index == QuadIndex::kSpog   ? spog
          : index == QuadIndex::kPosg ? posg
                                      : nullptr,
          index == QuadIndex::kSpog ? counts : nullptr,
          index == QuadIndex::kOspg ? literals : nullptr};
}

Result<CommitCounts> WriteBatchCommit(const RocksDb& rocks, const std::string& dir,
                                      const CommitSource& source, StatsCounter* spog,
                                      StatsCounter* posg) {
  rocksdb::WriteBatch batch;
  CommitCounts counts;
  LiteralChangeCollector literals(*source.terms);
  for (const QuadIndex index : kAllIndexes) {
    BatchSink sink(&batch, rocks.family(FamilyOf(index)));
    std::unique_ptr<ChangeCursor> changes = source.quads->Changes(index);
    SILK_RETURN_IF_ERROR(
        WriteIndex(index, *changes, sink, ObserversOf(index, spog, posg, &counts, &literals)));
  }
  BatchSink id2term(&batch, rocks.family(Family::kId2Term));
  SILK_RETURN_IF_ERROR(WriteTermsById(*source.terms, id2term));
  BatchSink term2id(&batch, rocks.family(Family::kTerm2Id));
  SILK_RETURN_IF_ERROR(WriteTermsByKey(*source.terms, term2id));
  BatchSink text(&batch, rocks.family(Family::kText));
  SILK_RETURN_IF_ERROR(WriteText(rocks, source, literals.Finish(), text));
  Result<StatsWrites> stats = StatsAfter(rocks, *spog, *posg, source.terms->new_term_count());
  if (!stats.ok()) {
    return stats.status();
  }
  BatchSink stats_sink(&batch, rocks.family(Family::kStats));
  SILK_RETURN_IF_ERROR(WriteStats(*stats, stats_sink));
  if (batch.Count() == 0) {
    return counts;
  }
  rocksdb::WriteOptions write;
  write.sync = true;
  const KeyPagesWrite changing(rocks.key_pages());
  const rocksdb::Status s = rocks.db()->Write(write, &batch);
  if (!s.ok()) {
    return FromRocks(s, WriteContext(dir));
  }
  return counts;
}

Result<CommitCounts> IngestCommit(const RocksDb& rocks, const std::string& dir, unsigned threads,
                                  const CommitSource& source, StatsCounter* spog,
                                  StatsCounter* posg) {
  StagingDirectory staging(dir);
  SILK_RETURN_IF_ERROR(staging.Create());

  std::deque<SstSink> sinks;  // SstFileWriter cannot move
  for (const QuadIndex index : kAllIndexes) {
    sinks.emplace_back(rocks, FamilyOf(index), staging.FileFor(FamilyOf(index)), source.meter);
  }
  sinks.emplace_back(rocks, Family::kId2Term, staging.FileFor(Family::kId2Term), source.meter);
  sinks.emplace_back(rocks, Family::kTerm2Id, staging.FileFor(Family::kTerm2Id), source.meter);
  sinks.emplace_back(rocks, Family::kText, staging.FileFor(Family::kText), nullptr);
  std::vector<Status> results(sinks.size());
  CommitCounts counts;
  LiteralChangeCollector literals(*source.terms);

  // The files are independent: merging, compressing and hashing them uses every core. The
  // longest tasks first, so that none is left to run alone at the end: ospg and then the text
  // index from the literals its pass met (tokenising them), then term2id, which sorts before
  // it writes; id2term has the fewest entries.
  std::vector<std::function<void()>> tasks;
  const std::size_t by_id = kAllIndexes.size();
  const auto write_index = [&](std::size_t i) {
    const QuadIndex index = kAllIndexes[i];
    std::unique_ptr<ChangeCursor> changes = source.quads->Changes(index);
    results[i] = WriteIndex(index, *changes, sinks[i],
                            ObserversOf(index, spog, posg, &counts, &literals));
  };
  const std::size_t ospg = static_cast<std::size_t>(
      std::find(kAllIndexes.begin(), kAllIndexes.end(), QuadIndex::kOspg) - kAllIndexes.begin());
  tasks.emplace_back([&] {
    write_index(ospg);
    if (results[ospg].ok()) {
      results[by_id + 2] = WriteText(rocks, source, literals.Finish(), sinks[by_id + 2]);
    }
  });
  tasks.emplace_back(
      [&] { results[by_id + 1] = WriteTermsByKey(*source.terms, sinks[by_id + 1]); });
  for (std::size_t i = 0; i < kAllIndexes.size(); ++i) {
    if (i != ospg) {
      tasks.emplace_back([&, i] { write_index(i); });
    }
  }
  tasks.emplace_back([&] { results[by_id] = WriteTermsById(*source.terms, sinks[by_id]); });
  RunTasks(tasks, threads);
  for (std::size_t i = 0; i < sinks.size(); ++i) {
    SILK_RETURN_IF_ERROR(results[i]);
    const rocksdb::Status s = sinks[i].Finish();
    if (!s.ok()) {
      return FromRocks(s, WriteContext(dir));
    }
  }

  Result<StatsWrites> stats = StatsAfter(rocks, *spog, *posg, source.terms->new_term_count());
  if (!stats.ok()) {
    return stats.status();
  }
  SstSink& stats_sink =
      sinks.emplace_back(rocks, Family::kStats, staging.FileFor(Family::kStats), nullptr);
  SILK_RETURN_IF_ERROR(WriteStats(*stats, stats_sink));
  if (const rocksdb::Status s = stats_sink.Finish(); !s.ok()) {
    return FromRocks(s, WriteContext(dir));
  }

  std::vector<rocksdb::IngestExternalFileArg> args;
  for (const SstSink& sink : sinks) {
    if (std::optional<rocksdb::IngestExternalFileArg> arg = sink.Ingestion()) {
      args.push_back(std::move(*arg));
    }
  }
  if (args.empty()) {
    return counts;
  }
  // One call: RocksDB records every family's files in the MANIFEST atomically.
  const KeyPagesWrite changing(rocks.key_pages());
  const rocksdb::Status s = rocks.db()->IngestExternalFiles(args);
  if (!s.ok()) {
    return FromRocks(s, WriteContext(dir));
  }
  return counts;
}

}  // namespace

Result<CommitCounts> WriteCommit(const RocksDb& rocks, const std::string& dir,
                                 std::size_t ingest_threshold, unsigned threads,
                                 const CommitSource& source) {
  const rocksdb::ReadOptions read;
  StatsCounter spog(rocks, read, QuadIndex::kSpog, source.is_new);
  StatsCounter posg(rocks, read, QuadIndex::kPosg, source.is_new, source.type_id);
  // An upper bound of the entries: each pending record may change its index.
  std::uint64_t entries = 2 * source.terms->new_term_count();
  for (const QuadIndex index : kAllIndexes) {
    entries += source.quads->pending(index);
  }
  if (source.meter != nullptr) {
    source.meter->total = entries;
  }
  if (!source.quads->spilled() && entries <= ingest_threshold) {
    return WriteBatchCommit(rocks, dir, source, &spog, &posg);
  }
  return IngestCommit(rocks, dir, threads, source, &spog, &posg);
}

std::string SpillDirectory(const std::string& dir, std::string_view what) {
  return (fs::path(dir) / format::kIngestDirectory / what).string();
}

Status RemoveIngestLeftovers(const std::string& dir) {
  std::error_code ec;
  const fs::path tmp = fs::path(dir) / format::kIngestDirectory;
  fs::remove_all(tmp, ec);
  if (ec) {
    return Status::IOError(fmt::format("cannot remove {}: {}", tmp.string(), ec.message()));
  }
  return Status::Ok();
}

}  // namespace silk::storage
