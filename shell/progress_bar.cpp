#include "shell/progress_bar.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "shell/text_format.h"

namespace silk::shell {
namespace {

// 75 → "1:15"; 3725 → "1:02:05".
std::string FormatClock(double seconds) {
  const auto s = static_cast<std::uint64_t>(std::max(seconds, 0.0) + 0.5);
  if (s >= 3600) {
    return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  }
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ProgressBar::ProgressBar(std::uint64_t total_bytes, bool enabled, std::FILE* out)
    : total_(total_bytes), enabled_(enabled), out_(out) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Clear() {
  if (enabled_ && drawn_) {
    fmt::print(out_, "\r\033[K");
    std::fflush(out_);
    drawn_ = false;
  }
}

void ProgressBar::Update(std::uint64_t done_bytes, std::uint64_t statements) {
  if (!enabled_) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_draw_ = now;
  const double elapsed = std::max(std::chrono::duration<double>(now - started_).count(), 1e-3);
  const std::string counts =
      fmt::format("{}  {} statements  {}/s", FormatBytes(done_bytes), FormatCount(statements),
                  FormatCount(static_cast<std::uint64_t>(static_cast<double>(statements) / elapsed)));
  std::string line;
  if (total_ == 0) {
    line = counts;
  } else {
    constexpr int kCells = 24;
    const double fraction =
        std::min(1.0, static_cast<double>(done_bytes) / static_cast<double>(total_));
    const int filled = static_cast<int>(fraction * kCells);
    // Time left from the byte rate so far: statements vary in size, bytes are what is known.
    const double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
    line = fmt::format("[{}{}] {:3.0f}%  {} of {}  {} statements  {}/s  {} left",
                       std::string(filled, '#'), std::string(kCells - filled, '-'),
                       fraction * 100, FormatBytes(done_bytes), FormatBytes(total_),
                       FormatCount(statements),
                       FormatCount(static_cast<std::uint64_t>(static_cast<double>(statements) /
                                                              elapsed)),
                       FormatClock(left));
  }
  fmt::print(out_, "\r\033[K{}", line);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::Note(std::string_view text) {
  if (!enabled_) {
    return;
  }
  fmt::print(out_, "\r\033[K{}", text);
  std::fflush(out_);
  drawn_ = true;
}

}  // namespace silk::shell
