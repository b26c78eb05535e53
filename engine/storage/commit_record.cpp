#include "engine/storage/commit_record.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "engine/storage/fnv1a.h"
#include "engine/storage/format.h"

namespace silk::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeader = "silkgraph-commit-record 1";

// FNV-1a: the record guards against damage, not against an adversary.
std::uint64_t Hash(std::string_view bytes) { return Fnv1a64(bytes); }

// The first `limit` bytes of a file (all of it when limit is npos); nullopt when unreadable.
std::optional<std::string> ReadPrefix(const fs::path& path, std::size_t limit = std::string::npos) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  if (limit == std::string::npos) {
    std::ostringstream all;
    all << in.rdbuf();
    bytes = all.str();
  } else {
    bytes.resize(limit);
    in.read(bytes.data(), static_cast<std::streamsize>(limit));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }
  return bytes;
}

// The number in a RocksDB file name such as OPTIONS-000012; 0 when there is none.
std::uint64_t FileNumber(const std::string& name) {
  const std::size_t dash = name.rfind('-');
  if (dash == std::string::npos) return 0;
  std::uint64_t n = 0;
  for (std::size_t i = dash + 1; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    n = n * 10 + static_cast<std::uint64_t>(name[i] - '0');
  }
  return n;
}

std::string NewestOptionsFile(const std::string& dir) {
  std::string newest;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("OPTIONS-") && FileNumber(name) > FileNumber(newest)) newest = name;
  }
  return newest;
}

// The MANIFEST that CURRENT names; nullopt when CURRENT is not one line naming one.
std::optional<std::string> CurrentManifest(const std::string& dir) {
  const std::optional<std::string> current = ReadPrefix(fs::path(dir) / "CURRENT");
  if (!current || current->size() < 2 || current->back() != '\n') return std::nullopt;
  std::string name = current->substr(0, current->size() - 1);
  if (!name.starts_with("MANIFEST-") || FileNumber(name) == 0 ||
      name.find_first_not_of("0123456789", 9) != std::string::npos) {
    return std::nullopt;
  }
  return name;
}

Status SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return Status::IOError(fmt::format("cannot open {}: {}", dir, std::strerror(errno)));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::IOError(fmt::format("cannot sync {}: {}", dir, std::strerror(errno)));
  return Status::Ok();
}

}  // namespace

std::string DamagedMessage(const std::string& dir, const std::string& what) {
  return fmt::format("the store at {} is damaged: {}", dir, what);
}

Result<std::optional<CommitRecord>> ReadCommitRecord(const std::string& dir) {
  const fs::path path = fs::path(dir) / format::kCommitRecordFile;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::optional<CommitRecord>();
  const std::optional<std::string> text = ReadPrefix(path);
  if (!text) return Status::IOError(fmt::format("cannot read {}", path.string()));
  std::istringstream in(*text);
  std::string line;
  CommitRecord record;
  bool header = false;
  bool sequence = false;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (line == kHeader) {
      header = true;
    } else if (key == "sequence") {
      sequence = static_cast<bool>(words >> record.sequence);
    } else if (key == "commits") {
      words >> record.commits;
    } else if (key == "manifest") {
      words >> record.manifest >> record.manifest_bytes >> record.manifest_hash;
    } else if (key == "options") {
      std::pair<std::string, std::uint64_t> file;
      if (words >> file.first >> file.second) record.options.push_back(std::move(file));
    }
  }
  if (!header || !sequence) {
    return Status::Corruption(
        DamagedMessage(dir, fmt::format("its commit record {} is unreadable", path.string())));
  }
  return std::optional<CommitRecord>(record);
}

Status WriteCommitRecord(const std::string& dir, const CommitRecord& record) {
  std::string text =
      fmt::format("{}\nsequence {}\ncommits {}\nmanifest {} {} {}\n", kHeader, record.sequence,
                  record.commits, record.manifest, record.manifest_bytes, record.manifest_hash);
  for (const auto& [name, hash] : record.options) {
    text += fmt::format("options {} {}\n", name, hash);
  }
  const std::string path = (fs::path(dir) / format::kCommitRecordFile).string();
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(fmt::format("cannot write {}: {}", tmp, std::strerror(errno)));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) {
    const int why = written ? errno : saved;
    ::unlink(tmp.c_str());
    return Status::IOError(fmt::format("cannot write {}: {}", path, std::strerror(why)));
  }
  return SyncDirectory(dir);
}

Result<CommitRecord> CaptureCommitRecord(const std::string& dir, std::uint64_t sequence,
                                         std::uint64_t commits) {
  CommitRecord record;
  record.sequence = sequence;
  record.commits = commits;
  if (std::optional<std::string> manifest = CurrentManifest(dir)) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(fs::path(dir) / *manifest, ec);
    // Hash what is there now; the MANIFEST may grow meanwhile, never shrink.
    if (!ec) {
      if (std::optional<std::string> bytes = ReadPrefix(fs::path(dir) / *manifest, size)) {
        record.manifest = *manifest;
        record.manifest_bytes = bytes->size();
        record.manifest_hash = Hash(*bytes);
      }
    }
  }
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with("OPTIONS-") || FileNumber(name) == 0) continue;
    if (std::optional<std::string> bytes = ReadPrefix(it->path())) {
      record.options.emplace_back(name, Hash(*bytes));
    }
  }
  return record;
}

Status CheckFilesAgainstRecord(const std::string& dir, const std::optional<CommitRecord>& record) {
  const std::optional<std::string> manifest = CurrentManifest(dir);
  if (!manifest) {
    return Status::Corruption(DamagedMessage(dir, "its CURRENT file does not name a MANIFEST"));
  }
  std::error_code ec;
  const fs::path manifest_path = fs::path(dir) / *manifest;
  if (!fs::exists(manifest_path, ec)) {
    return Status::Corruption(
        DamagedMessage(dir, fmt::format("{}, which CURRENT names, is missing", *manifest)));
  }
  if (!record) return Status::Ok();
  if (!record->manifest.empty() && record->manifest == *manifest) {
    const std::optional<std::string> bytes = ReadPrefix(manifest_path, record->manifest_bytes);
    if (!bytes || bytes->size() < record->manifest_bytes) {
      return Status::Corruption(DamagedMessage(
          dir, fmt::format("{} is shorter than it was at the last commit ({} bytes)", *manifest,
                           record->manifest_bytes)));
    }
    if (Hash(*bytes) != record->manifest_hash) {
      return Status::Corruption(
          DamagedMessage(dir, fmt::format("{} changed since the last commit", *manifest)));
    }
  }
  const std::uint64_t newest = FileNumber(NewestOptionsFile(dir));
  for (const auto& [name, hash] : record->options) {
    const std::optional<std::string> bytes = ReadPrefix(fs::path(dir) / name);
    if (bytes) {
      if (Hash(*bytes) != hash) {
        return Status::Corruption(
            DamagedMessage(dir, fmt::format("{} changed since the last commit", name)));
      }
    } else if (newest <= FileNumber(name)) {
      // RocksDB deletes an OPTIONS file only after writing a newer one.
      return Status::Corruption(DamagedMessage(dir, fmt::format("{} is missing", name)));
    }
  }
  return Status::Ok();
}

}  // namespace silk::storage
