// An LD_PRELOAD library that makes file-system calls fail, to test what `silk` does on a bad
// disk. Set before starting the program:
//   SILK_FAULT_OP     write (write, pwrite, writev and friends), sync (fsync, fdatasync) or
//                     rename (rename, renameat); unset: count only
//   SILK_FAULT_AFTER  how many such calls succeed first (default 0)
//   SILK_FAULT_ERRNO  EIO (default) or ENOSPC
//   SILK_FAULT_ONCE   non-empty: only the one call fails (a transient error); unset: every later call
//                     fails too (a disk that stays bad or full)
//   SILK_FAULT_COUNT  a file that receives, at exit, how many calls of each kind were made
// Writes (including stdio's fwrite) count only on regular files other than standard error, so
// that messages still get out; short writes are not simulated, a failing write writes nothing.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

enum Op { kWrite = 0, kSync = 1, kRename = 2, kNone = 3 };

struct Config {
  Op op = kNone;
  long after = 0;
  int error = EIO;
  bool once = false;
  const char* count_file = nullptr;
};

const Config& GetConfig() {
  static const Config config = [] {
    Config c;
    if (const char* op = std::getenv("SILK_FAULT_OP")) {
      if (std::strcmp(op, "write") == 0) c.op = kWrite;
      if (std::strcmp(op, "sync") == 0) c.op = kSync;
      if (std::strcmp(op, "rename") == 0) c.op = kRename;
    }
    if (const char* after = std::getenv("SILK_FAULT_AFTER")) c.after = std::atol(after);
    if (const char* error = std::getenv("SILK_FAULT_ERRNO")) {
      if (std::strcmp(error, "ENOSPC") == 0) c.error = ENOSPC;
    }
    const char* once = std::getenv("SILK_FAULT_ONCE");
    c.once = once != nullptr && *once != '\0';
    c.count_file = std::getenv("SILK_FAULT_COUNT");
    return c;
  }();
  return config;
}

std::atomic<long> counts[3];

// Counts the call; true when it is to fail (errno is then set).
bool Fail(Op op) {
  const long n = counts[op].fetch_add(1);
  const Config& config = GetConfig();
  if (config.op != op || n < config.after || (config.once && n != config.after)) return false;
  errno = config.error;
  return true;
}

bool Counted(int fd) {
  if (fd == STDERR_FILENO) return false;
  struct stat info {};
  return ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
}

template <typename F>
F Next(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

struct Report {
  ~Report() {
    const char* path = GetConfig().count_file;
    if (path == nullptr) return;
    if (std::FILE* f = std::fopen(path, "w")) {
      std::fprintf(f, "write %ld\nsync %ld\nrename %ld\n", counts[kWrite].load(), counts[kSync].load(),
                   counts[kRename].load());
      std::fclose(f);
    }
  }
} report;

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n) {
  static auto next = Next<ssize_t (*)(int, const void*, size_t)>("write");
  if (Counted(fd) && Fail(kWrite)) return -1;
  return next(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset) {
  static auto next = Next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
  if (Counted(fd) && Fail(kWrite)) return -1;
  return next(fd, buf, n, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t offset) {
  static auto next = Next<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
  if (Counted(fd) && Fail(kWrite)) return -1;
  return next(fd, buf, n, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
  static auto next = Next<ssize_t (*)(int, const struct iovec*, int)>("writev");
  if (Counted(fd) && Fail(kWrite)) return -1;
  return next(fd, iov, count);
}

ssize_t pwritev(int fd, const struct iovec* iov, int count, off_t offset) {
  static auto next = Next<ssize_t (*)(int, const struct iovec*, int, off_t)>("pwritev");
  if (Counted(fd) && Fail(kWrite)) return -1;
  return next(fd, iov, count, offset);
}

// The C library's own stdio writes its buffers with an internal write that no preloaded
// library sees, so its entry point is failed instead (as a write that wrote nothing).
size_t fwrite(const void* data, size_t size, size_t count, FILE* stream) {
  static auto next = Next<size_t (*)(const void*, size_t, size_t, FILE*)>("fwrite");
  if (Counted(::fileno(stream)) && Fail(kWrite)) return 0;
  return next(data, size, count, stream);
}

int fsync(int fd) {
  static auto next = Next<int (*)(int)>("fsync");
  if (Fail(kSync)) return -1;
  return next(fd);
}

int fdatasync(int fd) {
  static auto next = Next<int (*)(int)>("fdatasync");
  if (Fail(kSync)) return -1;
  return next(fd);
}

int rename(const char* from, const char* to) {
  static auto next = Next<int (*)(const char*, const char*)>("rename");
  if (Fail(kRename)) return -1;
  return next(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
  static auto next = Next<int (*)(int, const char*, int, const char*)>("renameat");
  if (Fail(kRename)) return -1;
  return next(from_dir, from, to_dir, to);
}

}  // extern "C"
