#include "engine/storage/commit_writer.h"

#include <fmt/format.h>
#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <system_error>

#include "engine/storage/parallel.h"
#include "engine/storage/term_id.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;
using format::Family;

rocksdb::Slice AsSlice(const QuadKey& key) { return {key.data(), key.size()}; }
rocksdb::Slice AsSlice(std::string_view s) { return {s.data(), s.size()}; }

std::string WriteContext(const std::string& dir) {
  return fmt::format("cannot write to the store at {}", dir);
}

Status WriteBatchChanges(const RocksDb& rocks, const std::string& dir, const ChangeSet& changes) {
  rocksdb::WriteBatch batch;
  rocksdb::Status s;
  for (const QuadIndex index : kAllIndexes) {
    rocksdb::ColumnFamilyHandle* family = rocks.family(FamilyOf(index));
    for (const QuadIds& q : changes.inserted.in(index)) {
      s = batch.Put(family, AsSlice(EncodeQuadKey(index, q)), rocksdb::Slice());
      if (!s.ok()) {
        return FromRocks(s, WriteContext(dir));
      }
    }
    for (const QuadIds& q : changes.deleted.in(index)) {
      s = batch.Delete(family, AsSlice(EncodeQuadKey(index, q)));
      if (!s.ok()) {
        return FromRocks(s, WriteContext(dir));
      }
    }
  }
  for (const NewTerm& term : changes.new_terms) {
    const std::string id = BigEndian64(term.id);
    s = batch.Put(rocks.family(Family::kId2Term), id, AsSlice(term.record));
    if (s.ok() && TagOf(term.id) != TermTag::kBlank) {
      s = batch.Put(rocks.family(Family::kTerm2Id), AsSlice(term.key), id);
    }
    if (!s.ok()) {
      return FromRocks(s, WriteContext(dir));
    }
  }
  for (const auto& [key, value] : changes.stats) {
    s = value ? batch.Put(rocks.family(Family::kStats), key, *value)
              : batch.Delete(rocks.family(Family::kStats), key);
    if (!s.ok()) {
      return FromRocks(s, WriteContext(dir));
    }
  }
  rocksdb::WriteOptions write;
  write.sync = true;
  s = rocks.db()->Write(write, &batch);
  return s.ok() ? Status::Ok() : FromRocks(s, WriteContext(dir));
}

// One SST file per family, written by `fill` in key order.
struct IngestFile {
  using Fill = std::function<rocksdb::Status(rocksdb::SstFileWriter&)>;
  IngestFile(Family f, Fill fill_entries) : family(f), fill(std::move(fill_entries)) {}

  Family family;
  Fill fill;
  rocksdb::Status status;
};

rocksdb::Status WriteFile(const RocksDb& rocks, const std::string& path, IngestFile* file) {
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), rocks.FamilyOptions(file->family),
                                rocks.family(file->family));
  rocksdb::Status s = writer.Open(path);
  if (s.ok()) {
    s = file->fill(writer);
  }
  if (s.ok()) {
    s = writer.Finish();
  }
  return s;
}

// Removes the staging directory however the commit ends; the next writable open removes
// whatever a crash leaves.
class StagingDirectory {
 public:
  explicit StagingDirectory(const std::string& dir)
      : path_(fs::path(dir) / format::kIngestDirectory) {}
  ~StagingDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
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

Status IngestChanges(const RocksDb& rocks, const std::string& dir, unsigned threads,
                     const ChangeSet& changes) {
  StagingDirectory staging(dir);
  SILK_RETURN_IF_ERROR(staging.Create());

  std::vector<IngestFile> files;
  for (const QuadIndex index : kAllIndexes) {
    const std::vector<QuadIds>& inserted = changes.inserted.in(index);
    const std::vector<QuadIds>& deleted = changes.deleted.in(index);
    if (inserted.empty() && deleted.empty()) {
      continue;
    }
    // The two sets are disjoint: merged, they are one run of strictly increasing keys.
    files.emplace_back(FamilyOf(index), [&inserted, &deleted, index](rocksdb::SstFileWriter& w) {
      std::size_t i = 0;
      std::size_t j = 0;
      rocksdb::Status s;
      while (s.ok() && (i < inserted.size() || j < deleted.size())) {
        if (j == deleted.size() ||
            (i < inserted.size() && LessInIndex(index, inserted[i], deleted[j]))) {
          s = w.Put(AsSlice(EncodeQuadKey(index, inserted[i++])), rocksdb::Slice());
        } else {
          s = w.Delete(AsSlice(EncodeQuadKey(index, deleted[j++])));
        }
      }
      return s;
    });
  }
  const std::vector<NewTerm>& terms = changes.new_terms;
  if (!terms.empty()) {
    files.emplace_back(Family::kId2Term, [&terms](rocksdb::SstFileWriter& writer) {
      std::vector<NewTerm> by_id = terms;
      std::sort(by_id.begin(), by_id.end(),
                [](const NewTerm& a, const NewTerm& b) { return a.id < b.id; });
      rocksdb::Status s;
      for (std::size_t i = 0; s.ok() && i < by_id.size(); ++i) {
        s = writer.Put(BigEndian64(by_id[i].id), AsSlice(by_id[i].record));
      }
      return s;
    });
  }
  const bool named_terms = std::any_of(
      terms.begin(), terms.end(), [](const NewTerm& t) { return TagOf(t.id) != TermTag::kBlank; });
  if (named_terms) {
    files.emplace_back(Family::kTerm2Id, [&terms](rocksdb::SstFileWriter& writer) {
      std::vector<NewTerm> by_key;
      by_key.reserve(terms.size());
      std::copy_if(terms.begin(), terms.end(), std::back_inserter(by_key),
                   [](const NewTerm& t) { return TagOf(t.id) != TermTag::kBlank; });
      std::sort(by_key.begin(), by_key.end(),
                [](const NewTerm& a, const NewTerm& b) { return a.key < b.key; });
      rocksdb::Status s;
      for (std::size_t i = 0; s.ok() && i < by_key.size(); ++i) {
        s = writer.Put(AsSlice(by_key[i].key), BigEndian64(by_key[i].id));
      }
      return s;
    });
  }
  if (!changes.stats.empty()) {
    files.emplace_back(Family::kStats, [&changes](rocksdb::SstFileWriter& writer) {
      rocksdb::Status s;
      for (auto it = changes.stats.begin(); s.ok() && it != changes.stats.end(); ++it) {
        s = it->second ? writer.Put(it->first, *it->second) : writer.Delete(it->first);
      }
      return s;
    });
  }

  // The files are independent: sorting and compressing them uses every core.
  std::vector<std::function<void()>> tasks;
  tasks.reserve(files.size());
  for (IngestFile& file : files) {
    tasks.emplace_back([&rocks, &staging, &file] {
      file.status = WriteFile(rocks, staging.FileFor(file.family), &file);
    });
  }
  RunTasks(tasks, threads);

  std::vector<rocksdb::IngestExternalFileArg> args;
  for (const IngestFile& file : files) {
    if (!file.status.ok()) {
      return FromRocks(file.status, WriteContext(dir));
    }
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = rocks.family(file.family);
    arg.external_files.push_back(staging.FileFor(file.family));
    // Hard links instead of copies; the global sequence number lives in the MANIFEST only.
    arg.options.move_files = true;
    arg.options.write_global_seqno = false;
    args.push_back(std::move(arg));
  }
  if (args.empty()) {
    return Status::Ok();
  }
  // One call: RocksDB records every family's files in the MANIFEST atomically.
  const rocksdb::Status s = rocks.db()->IngestExternalFiles(args);
  return s.ok() ? Status::Ok() : FromRocks(s, WriteContext(dir));
}

}  // namespace

Status WriteChanges(const RocksDb& rocks, const std::string& dir, std::size_t ingest_threshold,
                    unsigned threads, const ChangeSet& changes) {
  if (changes.entries() == 0) {
    return Status::Ok();
  }
  if (changes.entries() <= ingest_threshold) {
    return WriteBatchChanges(rocks, dir, changes);
  }
  return IngestChanges(rocks, dir, threads, changes);
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
