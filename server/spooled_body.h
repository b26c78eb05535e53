// A request body that may be large (a graph store upload): written to a temporary file as it
// arrives, so that the server's memory never holds it, and read back by the loader once all
// of it is there.
#pragma once

#include <httplib.h>

#include <array>
#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>

#include "engine/status.h"

namespace silk::server {

class SpooledBody final : private std::streambuf {
 public:
  // Reads the whole body through `reader` into a file in `dir` that no other process can
  // see (it is unlinked at once, and goes with the process whatever happens).
  // Errors: kIOError when the file cannot be made or written (a full disk); kInvalidArgument
  // when the body did not arrive whole (the client hung up, or the body is over the cap, for
  // which httplib has set the status to 413).
  static Result<std::unique_ptr<SpooledBody>> Receive(const httplib::ContentReader& reader,
                                                      const std::string& dir);
  ~SpooledBody() override;
  SpooledBody(const SpooledBody&) = delete;
  SpooledBody& operator=(const SpooledBody&) = delete;

  // The body from its start. REQUIRES: read once.
  std::istream& stream() { return stream_; }
  std::uint64_t size() const { return size_; }
  // Ok, or why reading it back failed (then the stream ended early).
  Status read_status() const;

 private:
  explicit SpooledBody(int fd) : fd_(fd), stream_(this) {}
  int_type underflow() override;

  int fd_;
  int read_error_ = 0;
  std::uint64_t size_ = 0;
  std::array<char, 1 << 16> buffer_{};
  std::istream stream_;
};

}  // namespace silk::server
