// A progress bar on the terminal for long reads (`.load` of a large file), and a stream buffer
// that counts the bytes read through it so the bar knows how far the reader got.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <streambuf>

namespace silk::shell::repl {

// Draws "[#####-----]  45%  12.3 MiB of 27.1 MiB" on one line of `out`, redrawn at most ten
// times a second. Disabled, it draws nothing.
class ProgressBar {
 public:
  ProgressBar(std::uint64_t total_bytes, bool enabled, std::FILE* out = stderr);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::uint64_t done_bytes);

 private:
  std::uint64_t total_;
  bool enabled_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point last_draw_{};
};

// Reads from `source`, calling `on_read(total bytes so far)` after each refill.
class CountingStreambuf final : public std::streambuf {
 public:
  CountingStreambuf(std::streambuf* source, std::function<void(std::uint64_t)> on_read)
      : source_(source), on_read_(std::move(on_read)) {}

 protected:
  int_type underflow() override;

 private:
  std::streambuf* source_;
  std::function<void(std::uint64_t)> on_read_;
  std::array<char, 1 << 16> buffer_{};
  std::uint64_t read_ = 0;
};

}  // namespace silk::shell::repl
