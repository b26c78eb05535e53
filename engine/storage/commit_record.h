// The commit record: what a store held after its last commit, kept in a small file of ours
// beside RocksDB's (format::kCommitRecordFile) so that damage to RocksDB's own files that makes
// it forget a commit is noticed instead of silently accepted. Internal to engine/storage/.
//
// The record is written after a commit is durable, so the store always holds at least what the
// record says: a crash between the commit and the record leaves an older record, never a
// false alarm.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/status.h"

namespace silk::storage {

struct CommitRecord {
  std::uint64_t sequence = 0;  // RocksDB's last sequence number after the commit: a floor
  std::uint64_t commits = 0;   // commits recorded in this store's life
  // The MANIFEST then current, its size and a hash of those bytes: a MANIFEST only grows until
  // RocksDB replaces it with a new one, so the same file shorter or different is damage.
  std::string manifest;
  std::uint64_t manifest_bytes = 0;
  std::uint64_t manifest_hash = 0;
  // The OPTIONS files then, each with a hash: RocksDB never rewrites one in place, and
  // deletes old ones only when it writes a newer one.
  std::vector<std::pair<std::string, std::uint64_t>> options;
};

// The record of the store in `dir`; nullopt when it has none (a store made before records, or
// one whose first commit has not finished). Errors: kCorruption when it cannot be parsed.
Result<std::optional<CommitRecord>> ReadCommitRecord(const std::string& dir);

// Replaces the record atomically: a temporary file, fsync, rename, fsync of the directory.
Status WriteCommitRecord(const std::string& dir, const CommitRecord& record);

// The record of the store's files now, with `sequence` and `commits` as given.
Result<CommitRecord> CaptureCommitRecord(const std::string& dir, std::uint64_t sequence,
                                         std::uint64_t commits);

// Checks CURRENT, the MANIFEST and the OPTIONS file against `record` before RocksDB reads them
// (a writable RocksDB open may delete files a damaged MANIFEST no longer names).
// Errors: kCorruption, saying the store is damaged and how.
Status CheckFilesAgainstRecord(const std::string& dir, const std::optional<CommitRecord>& record);

// The message of every damage report: "the store at DIR is damaged: WHAT".
std::string DamagedMessage(const std::string& dir, const std::string& what);

}  // namespace silk::storage
