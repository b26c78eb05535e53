#include "shell/repl/history.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace silk::shell::repl {
namespace {

// The header line of files that libedit wrote itself, before this format.
constexpr std::string_view kOldHeader = "_HiStOrY_V2_";

// An open, locked history file that is still the one at its path: another shell may have
// replaced it (a rewrite renames a new file over it) between our open and our lock.
class LockedFile {
 public:
  explicit LockedFile(const std::string& path) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      fd_ = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
      if (fd_ < 0) return;
      struct stat held {};
      struct stat current {};
      if (::flock(fd_, LOCK_EX) == 0 && ::fstat(fd_, &held) == 0 &&
          ::stat(path.c_str(), &current) == 0 && held.st_ino == current.st_ino &&
          held.st_dev == current.st_dev) {
        return;
      }
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~LockedFile() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  LockedFile(const LockedFile&) = delete;
  LockedFile& operator=(const LockedFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

std::vector<std::string> ReadEntries(const std::string& path) {
  std::vector<std::string> entries;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line == kOldHeader || line.empty()) continue;
    entries.push_back(UnescapeHistoryEntry(line));
  }
  return entries;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

}  // namespace

std::string HistoryPath() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  std::string base;
  if (data_home != nullptr && *data_home != '\0') {
    base = data_home;
  } else {
    const char* home = std::getenv("HOME");
    base = std::string(home != nullptr ? home : ".") + "/.local/share";
  }
  return base + "/silkgraph/history";
}

std::string HistoryEntry(const std::vector<std::string>& lines) {
  std::size_t first = 0;
  std::size_t last = lines.size();
  const auto blank = [](const std::string& line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
  };
  while (first < last && blank(lines[first])) ++first;
  while (last > first && blank(lines[last - 1])) --last;
  std::string entry;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) entry += '\n';
    std::string_view line = lines[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    entry += line;
  }
  return entry;
}

std::string EscapeHistoryEntry(std::string_view entry) {
  std::string out;
  out.reserve(entry.size());
  for (const char c : entry) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string UnescapeHistoryEntry(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 == line.size()) {
      out += line[i];
      continue;
    }
    const char next = line[i + 1];
    if (next == 'n') {
      out += '\n';
      ++i;
    } else if (next == '\\') {
      out += '\\';
      ++i;
    } else if (i + 3 < line.size() && next >= '0' && next <= '3' && line[i + 2] >= '0' &&
               line[i + 2] <= '7' && line[i + 3] >= '0' && line[i + 3] <= '7') {
      out += static_cast<char>((next - '0') * 64 + (line[i + 2] - '0') * 8 + (line[i + 3] - '0'));
      i += 3;
    } else {
      out += line[i];
    }
  }
  return out;
}

HistoryFile::HistoryFile(std::string path, std::size_t max_entries)
    : path_(std::move(path)), max_entries_(max_entries) {}

std::vector<std::string> HistoryFile::Load() {
  std::vector<std::string> entries = ReadEntries(path_);
  if (entries.size() < 2 * max_entries_) {
    if (entries.size() > max_entries_) entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(max_entries_));
    return entries;
  }
  // Too long: keep the newest, written to a new file renamed over the old one, all under the
  // lock so that no shell appends in between.
  LockedFile lock(path_);
  if (lock.fd() < 0) return entries;
  entries = ReadEntries(path_);
  if (entries.size() > max_entries_) entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(max_entries_));
  std::string contents;
  for (const std::string& entry : entries) contents += EscapeHistoryEntry(entry) + '\n';
  const std::string temporary = path_ + ".new";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd >= 0) {
    const bool written = WriteAll(fd, contents) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), path_.c_str()) != 0) ::unlink(temporary.c_str());
  }
  return entries;
}

void HistoryFile::Append(std::string_view entry) {
  if (entry.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ec);
  LockedFile lock(path_);
  if (lock.fd() < 0) return;
  WriteAll(lock.fd(), EscapeHistoryEntry(entry) + '\n');
}

}  // namespace silk::shell::repl
