#include "shell/reject_report.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace silk::shell {
namespace {

namespace fs = std::filesystem;

struct FileId {
  dev_t device;
  ino_t inode;
  bool operator==(const FileId&) const = default;
};

// stat(), which follows symlinks: two names of one file give one id.
std::optional<FileId> IdOf(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileId{info.st_dev, info.st_ino};
}

// The absolute form of `path` with every symlink of its existing part resolved.
fs::path Resolved(const std::string& path) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::absolute(path).lexically_normal() : resolved;
}

// Whether `path` is `dir` or lies below it, by name after resolving symlinks, and by device
// and inode for the directories that exist (a bind mount or a hard-to-spell name).
bool IsInside(const std::string& path, const std::string& dir) {
  const fs::path resolved_path = Resolved(path);
  fs::path resolved_dir = Resolved(dir);
  if (resolved_dir.filename().empty()) resolved_dir = resolved_dir.parent_path();  // "db/"
  auto [dir_end, path_at] = std::mismatch(resolved_dir.begin(), resolved_dir.end(),
                                          resolved_path.begin(), resolved_path.end());
  if (dir_end == resolved_dir.end()) return true;
  const std::optional<FileId> dir_id = IdOf(dir);
  if (!dir_id) return false;
  for (fs::path at = resolved_path; !at.empty(); at = at.parent_path()) {
    if (IdOf(at) == dir_id) return true;
    if (at == at.parent_path()) break;
  }
  return false;
}

}  // namespace

Status CheckReportPath(const std::string& report_path, const std::vector<std::string>& inputs,
                       const std::string& store_dir) {
  std::error_code ec;
  if (fs::is_directory(report_path, ec)) {
    return Status::InvalidArgument(fmt::format("the report '{}' is a directory; --report names a file", report_path));
  }
  if (const std::optional<FileId> report = IdOf(report_path)) {
    for (const std::string& input : inputs) {
      if (input != "-" && IdOf(input) == report) {
        return Status::InvalidArgument(fmt::format(
            "the report '{}' is the input '{}': writing it would destroy the data; name another "
            "file with --report",
            report_path, input));
      }
    }
  }
  if (!store_dir.empty() && IsInside(report_path, store_dir)) {
    return Status::InvalidArgument(fmt::format(
        "the report '{}' is inside the store '{}', whose files only the store may write; name a "
        "file outside it with --report",
        report_path, store_dir));
  }
  return Status::Ok();
}

RejectReport::~RejectReport() {
  if (file_ != nullptr) std::fclose(file_);
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

bool RejectReport::Open() {
  // Beside the report, so that the final rename stays on one file system.
  const fs::path path(path_);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string name = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return false;
  // mkstemp makes it private (0600); a report is an ordinary file, as fopen would make it.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  temp_path_ = name;
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return false;
  }
  return true;
}

void RejectReport::Add(const ParseError& error) {
  ++count_;
  fmt::print(file_, "# {}:{}:{}: {}\n{}\n", error.source, error.line, error.column, error.message,
             error.line_text);
}

bool RejectReport::Close() {
  bool ok = std::fflush(file_) == 0 && !std::ferror(file_);
  int error = errno;
  if (ok && count_ > 0 && ::fsync(::fileno(file_)) != 0) {
    ok = false;
    error = errno;
  }
  if (std::fclose(file_) != 0 && ok) {
    ok = false;
    error = errno;
  }
  file_ = nullptr;
  if (ok && count_ > 0) {
    if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
      ok = false;
      error = errno;
    } else {
      temp_path_.clear();  // it is the report now
    }
  }
  // Not renamed (empty, or failed): the temporary file goes.
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
  }
  errno = error;
  return ok;
}

}  // namespace silk::shell
