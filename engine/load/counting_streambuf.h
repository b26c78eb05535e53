// A stream buffer that reads through another one and counts the bytes it passes on, so a
// loader can tell how far into its input it is without knowing what the input is.
#pragma once

#include <array>
#include <cstdint>
#include <streambuf>

namespace silk::load {

// Reads from `source`, which must outlive it. Bulk reads (istream::read, as the parsers use)
// go straight to `source` without an extra copy. Not thread-safe.
class CountingStreambuf final : public std::streambuf {
 public:
  explicit CountingStreambuf(std::streambuf* source) : source_(source) {}
  CountingStreambuf(const CountingStreambuf&) = delete;
  CountingStreambuf& operator=(const CountingStreambuf&) = delete;

  // Bytes handed on so far.
  std::uint64_t bytes_read() const {
    return read_ - static_cast<std::uint64_t>(egptr() - gptr());
  }

 protected:
  int_type underflow() override;
  std::streamsize xsgetn(char* out, std::streamsize n) override;

 private:
  std::streambuf* source_;
  std::uint64_t read_ = 0;  // taken from source_, including what still waits in buffer_
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace silk::load
