#include "engine/storage/rocks_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace silk::storage {
namespace {

constexpr off_t kRotateBytes = 1 << 20;

class SilentLog final : public rocksdb::Logger {
 public:
  SilentLog() : Logger(rocksdb::InfoLogLevel::HEADER_LEVEL) {}
  using Logger::Logv;
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
};

class AppendLog final : public rocksdb::Logger {
 public:
  explicit AppendLog(int fd) : Logger(rocksdb::InfoLogLevel::WARN_LEVEL), fd_(fd) {}
  ~AppendLog() override { ::close(fd_); }

  using Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[1024];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    std::size_t n = std::strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ ", &utc);
    const int body = std::vsnprintf(line + n, sizeof line - n - 1, format, ap);
    if (body < 0) return;
    n = std::min(sizeof line - 2, n + static_cast<std::size_t>(body));
    line[n++] = '\n';
    // One write per line, so lines of two processes never interleave; a failure is ignored.
    [[maybe_unused]] const ssize_t ignored = ::write(fd_, line, n);
  }

 private:
  int fd_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> MakeStoreLog(const std::string& dir, bool read_only) {
  if (read_only) return MakeSilentLog();
  const std::filesystem::path path = std::filesystem::path(dir) / "LOG";
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && info.st_size > kRotateBytes) {
    std::error_code ignored;
    std::filesystem::rename(path, path.string() + ".old", ignored);
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return MakeSilentLog();
  return std::make_shared<AppendLog>(fd);
}

std::shared_ptr<rocksdb::Logger> MakeSilentLog() { return std::make_shared<SilentLog>(); }

}  // namespace silk::storage
