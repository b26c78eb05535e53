#include "shell/repl/progress_bar.h"

#include <fmt/format.h>

#include <algorithm>

#include "shell/text_format.h"

namespace silk::shell::repl {

ProgressBar::ProgressBar(std::uint64_t total_bytes, bool enabled, std::FILE* out)
    : total_(std::max<std::uint64_t>(total_bytes, 1)), enabled_(enabled), out_(out) {}

ProgressBar::~ProgressBar() {
  if (enabled_) {
    fmt::print(out_, "\r\033[K");
    std::fflush(out_);
  }
}

void ProgressBar::Update(std::uint64_t done_bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  constexpr int kCells = 30;
  const double fraction = std::min(1.0, static_cast<double>(done_bytes) / static_cast<double>(total_));
  const int filled = static_cast<int>(fraction * kCells);
  fmt::print(out_, "\r[{}{}] {:3.0f}%  {} of {}", std::string(filled, '#'),
             std::string(kCells - filled, '-'), fraction * 100, FormatBytes(done_bytes),
             FormatBytes(total_));
  std::fflush(out_);
}

CountingStreambuf::int_type CountingStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const std::streamsize n = source_->sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (n <= 0) return traits_type::eof();
  read_ += static_cast<std::uint64_t>(n);
  if (on_read_) on_read_(read_);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace silk::shell::repl
