#include "server/spooled_body.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace silk::server {
namespace {

bool WriteAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<SpooledBody>> SpooledBody::Receive(const httplib::ContentReader& reader,
                                                          const std::string& dir) {
  // O_TMPFILE: a file with no name, gone when closed; the store's directory, not /tmp, which
  // is often small or in memory.
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    // A file system without O_TMPFILE: a named file, unlinked at once.
    std::string name = dir + "/.silk-upload-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
  }
  if (fd < 0) {
    return Status::IOError(fmt::format("cannot make a temporary file in {} for the request body: {}",
                                       dir, std::strerror(errno)));
  }
  std::unique_ptr<SpooledBody> body(new SpooledBody(fd));
  int write_error = 0;
  const bool whole = reader([&](const char* data, std::size_t size) {
    if (!WriteAll(fd, data, size)) {
      write_error = errno;
      return false;
    }
    body->size_ += size;
    return true;
  });
  if (write_error != 0) {
    return Status::IOError(fmt::format("cannot keep the request body in {}: {}", dir,
                                       std::strerror(write_error)));
  }
  if (!whole) return Status::InvalidArgument("the request body did not arrive whole");
  if (::lseek(fd, 0, SEEK_SET) != 0) {
    return Status::IOError(fmt::format("cannot read the request body back: {}", std::strerror(errno)));
  }
  return body;
}

SpooledBody::~SpooledBody() { ::close(fd_); }

Status SpooledBody::read_status() const {
  if (read_error_ == 0) return Status::Ok();
  return Status::IOError(fmt::format("cannot read the request body back: {}", std::strerror(read_error_)));
}

SpooledBody::int_type SpooledBody::underflow() {
  ssize_t got = 0;
  do {
    got = ::read(fd_, buffer_.data(), buffer_.size());
  } while (got < 0 && errno == EINTR);
  if (got < 0) read_error_ = errno;  // the body would look cut short: failed() says so
  if (got <= 0) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
  return traits_type::to_int_type(buffer_[0]);
}

}  // namespace silk::server
