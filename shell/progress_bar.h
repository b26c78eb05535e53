// A progress bar on the terminal for long loads (`silk load`, the shell's `.load`).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace silk::shell {

// What one redraw shows.
struct ProgressFigures {
  std::uint64_t done_bytes = 0;
  std::uint64_t total_bytes = 0;  // 0: unknown
  std::uint64_t statements = 0;
  double elapsed_seconds = 0;
};

// The line for `figures`, at most `columns` columns wide (ASCII only, so columns are bytes).
// Its parts, most important first: the percentage, the bytes done and in all, the statements,
// the rate, the time left, the bar. Wide enough, it reads
//  [##########--------------] 45%  12.3 MiB of 27.1 MiB  1,204,311 statements  850,112/s  0:12 left
// The bar shows only beside every figure in full, and shrinks to fit; narrower, the figures take
// short forms ("12.3/27.1 MiB", "1,204,311 stmts") and then the least important go. With no
// total there is no percentage, bar or time left:
//  12.3 MiB  1,204,311 statements  850,112/s
// Narrower than the percentage alone, the line is cut.
std::string ProgressLine(const ProgressFigures& figures, std::size_t columns);

// "`text` `detail`" in at most `columns` columns: `text` is cut (ending with '…') before `detail`.
std::string NoteLine(std::string_view text, std::string_view detail, std::size_t columns);

// The columns of the terminal behind `out` (asked of the kernel on each call, so it follows
// resizes); 80 when `out` is not a terminal.
std::size_t TerminalColumns(std::FILE* out);

// Draws on one line of `out`, redrawn at most ten times a second, as "\r", clear to the end of
// the line, and a line one column narrower than the terminal, so that it never wraps. The width
// is asked for on every redraw (cheap at this rate, and no SIGWINCH handler: no process-wide
// state): a resized terminal gets a line of its new width. A terminal that narrows rewraps the
// line already drawn, so its head may stay behind, once, above the bar.
// Disabled, it draws nothing. Not thread-safe.
class ProgressBar {
 public:
  // The terminal's width in columns, asked for before each redraw.
  using ColumnsFunction = std::function<std::size_t()>;

  // `total_bytes` 0: unknown. `columns` empty: TerminalColumns(out).
  ProgressBar(std::uint64_t total_bytes, bool enabled, std::FILE* out = stderr,
              ColumnsFunction columns = {});
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::uint64_t done_bytes, std::uint64_t statements);
  // Replaces the bar with a note, for a long step with no measure ("writing the indexes");
  // on a narrow terminal `text` is cut before `detail` (such as "42%").
  void Note(std::string_view text, std::string_view detail = {});
  // Clears the line now, so other output can follow.
  void Clear();

 private:
  void Draw(std::string_view line);
  // The columns a line may take: one fewer than the terminal's.
  std::size_t LineColumns() const;

  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::FILE* out_;
  ColumnsFunction columns_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace silk::shell
