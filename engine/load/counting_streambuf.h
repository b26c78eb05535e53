// A stream buffer that reads through another one and counts the bytes it passes on, so a
// loader can tell how far into its input it is without knowing what the input is.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <streambuf>

namespace silk::load {

// Reads from `source`, which must outlive it. Bulk reads (istream::read, as the parsers use)
// go straight to `source` without an extra copy. Not thread-safe, except bytes_taken().
class CountingStreambuf final : public std::streambuf {
 public:
  explicit CountingStreambuf(std::streambuf* source) : source_(source) {}
  CountingStreambuf(const CountingStreambuf&) = delete;
  CountingStreambuf& operator=(const CountingStreambuf&) = delete;

  // Bytes handed on so far.
  std::uint64_t bytes_read() const {
    return bytes_taken() - static_cast<std::uint64_t>(egptr() - gptr());
  }
  // Bytes taken from `source` so far, including any still buffered here (none when only bulk
  // reads are made). Unlike bytes_read(), this may be asked from another thread while one
  // reads: a load parses on a thread of its own, and its progress callback asks on another.
  std::uint64_t bytes_taken() const { return read_.load(std::memory_order_relaxed); }

 protected:
  int_type underflow() override;
  std::streamsize xsgetn(char* out, std::streamsize n) override;

 private:
  // Only the reading thread writes: a plain load and store, no read-modify-write needed.
  void Count(std::streamsize n) {
    read_.store(read_.load(std::memory_order_relaxed) + static_cast<std::uint64_t>(n),
                std::memory_order_relaxed);
  }

  std::streambuf* source_;
  // Taken from source_, including what still waits in buffer_. Written by the reading thread
  // only; atomic so bytes_taken() can read it from another.
  std::atomic<std::uint64_t> read_{0};
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace silk::load
