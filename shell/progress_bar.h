// A progress bar on the terminal for long loads (`silk load`, the shell's `.load`).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace silk::shell {

// Draws on one line of `out`, redrawn at most ten times a second:
//   [#########---------]  45%  12.3 MiB of 27.1 MiB  1,204,311 statements  850,112/s  0:12 left
// With no total (standard input) there is no bar and no time left:
//   12.3 MiB  1,204,311 statements  850,112/s
// Disabled, it draws nothing. Not thread-safe.
class ProgressBar {
 public:
  // `total_bytes` 0: unknown.
  ProgressBar(std::uint64_t total_bytes, bool enabled, std::FILE* out = stderr);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::uint64_t done_bytes, std::uint64_t statements);
  // Replaces the bar with a note, for a long step with no measure ("writing the indexes").
  void Note(std::string_view text);
  // Clears the line now, so other output can follow.
  void Clear();

 private:
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::FILE* out_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace silk::shell
