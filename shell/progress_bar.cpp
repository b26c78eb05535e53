#include "shell/progress_bar.h"

#include <fmt/format.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "shell/repl/box_table.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

constexpr std::size_t kBarCells = 24;     // the bar's cells when there is room
constexpr std::size_t kMinBarCells = 10;  // fewer tell too little to be worth the room
constexpr std::size_t kDefaultColumns = 80;
constexpr std::string_view kGap = "  ";

// 75 → "1:15"; 3725 → "1:02:05".
std::string FormatClock(double seconds) {
  const auto s = static_cast<std::uint64_t>(std::max(seconds, 0.0) + 0.5);
  if (s >= 3600) {
    return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  }
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

// Both in the total's unit: "12.3/27.1 MiB"; "812/1023 MiB" from a hundred on.
std::string FormatBytesOfTotal(std::uint64_t done, std::uint64_t total) {
  if (total < 1024) {
    return fmt::format("{}/{} bytes", done, total);
  }
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  double scale = 1024;
  std::size_t unit = 0;
  while (static_cast<double>(total) / scale >= 1024 && unit + 1 < std::size(kUnits)) {
    scale *= 1024;
    ++unit;
  }
  const double done_value = static_cast<double>(done) / scale;
  const double total_value = static_cast<double>(total) / scale;
  if (total_value >= 100) {
    return fmt::format("{:.0f}/{:.0f} {}", done_value, total_value, kUnits[unit]);
  }
  return fmt::format("{:.1f}/{:.1f} {}", done_value, total_value, kUnits[unit]);
}

// One figure of the line, in full and in short (often the same).
struct Part {
  std::string full;
  std::string brief;
};

// The first `count` parts, in full or in short, with gaps between.
std::string Join(const std::vector<Part>& parts, std::size_t count, bool brief) {
  std::string line;
  for (std::size_t i = 0; i < count; ++i) {
    if (!line.empty()) line += kGap;
    line += brief ? parts[i].brief : parts[i].full;
  }
  return line;
}

}  // namespace

std::string ProgressLine(const ProgressFigures& figures, std::size_t columns) {
  const double elapsed = std::max(figures.elapsed_seconds, 1e-3);
  const std::string statements = FormatCount(figures.statements);
  const std::string rate =
      FormatCount(static_cast<std::uint64_t>(static_cast<double>(figures.statements) / elapsed)) +
      "/s";
  const bool known_total = figures.total_bytes > 0;
  double fraction = 0;
  std::vector<Part> parts;  // most important first
  if (known_total) {
    fraction = std::min(
        1.0, static_cast<double>(figures.done_bytes) / static_cast<double>(figures.total_bytes));
    // Rounded down: "100%" only when done.
    const std::string percent = fmt::format("{}%", static_cast<int>(fraction * 100));
    parts.push_back({percent, percent});
    parts.push_back(
        {fmt::format("{} of {}", FormatBytes(figures.done_bytes), FormatBytes(figures.total_bytes)),
         FormatBytesOfTotal(figures.done_bytes, figures.total_bytes)});
  } else {
    const std::string done = FormatBytes(figures.done_bytes);
    parts.push_back({done, done});
  }
  parts.push_back({statements + " statements", statements + " stmts"});
  parts.push_back({rate, rate});
  if (known_total) {
    // Time left from the byte rate so far: statements vary in size, bytes are what is known.
    const std::string left =
        fraction > 0 ? FormatClock(elapsed * (1 - fraction) / fraction) + " left" : "?:?? left";
    parts.push_back({left, left});
  }

  const std::string everything = Join(parts, parts.size(), false);
  // "[" cells "] " before the figures.
  if (known_total && columns >= everything.size() + kMinBarCells + 3) {
    const std::size_t cells = std::min(kBarCells, columns - everything.size() - 3);
    const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(cells));
    return fmt::format("[{}{}] {}", std::string(filled, '#'), std::string(cells - filled, '-'),
                       everything);
  }
  // Short forms before a figure goes, so that a narrow line keeps the most important ones.
  for (std::size_t count = parts.size(); count > 0; --count) {
    for (const bool brief : {false, true}) {
      std::string line = Join(parts, count, brief);
      if (line.size() <= columns) return line;
    }
  }
  return Join(parts, 1, true).substr(0, columns);
}

std::string NoteLine(std::string_view text, std::string_view detail, std::size_t columns) {
  if (detail.empty()) return repl::Elide(text, columns);
  const std::size_t detail_columns = repl::DisplayWidth(detail);
  if (repl::DisplayWidth(text) + 1 + detail_columns <= columns) {
    return fmt::format("{} {}", text, detail);
  }
  // Room for "…" and a space at least, or the detail alone.
  if (columns < detail_columns + 2) return repl::Elide(detail, columns);
  return fmt::format("{} {}", repl::Elide(text, columns - detail_columns - 1), detail);
}

std::size_t TerminalColumns(std::FILE* out) {
  winsize size{};
  if (::ioctl(::fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return kDefaultColumns;
}

ProgressBar::ProgressBar(std::uint64_t total_bytes, bool enabled, std::FILE* out,
                         ColumnsFunction columns)
    : total_(total_bytes), enabled_(enabled), out_(out), columns_(std::move(columns)) {}

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
  const ProgressFigures figures{
      .done_bytes = done_bytes,
      .total_bytes = total_,
      .statements = statements,
      .elapsed_seconds = std::chrono::duration<double>(now - started_).count()};
  Draw(ProgressLine(figures, LineColumns()));
}

void ProgressBar::Note(std::string_view text, std::string_view detail) {
  if (!enabled_) {
    return;
  }
  Draw(NoteLine(text, detail, LineColumns()));
}

void ProgressBar::Draw(std::string_view line) {
  fmt::print(out_, "\r\033[K{}", line);
  std::fflush(out_);
  drawn_ = true;
}

std::size_t ProgressBar::LineColumns() const {
  const std::size_t columns = columns_ ? columns_() : TerminalColumns(out_);
  // Writing into the last column leaves some terminals about to wrap.
  return columns > 0 ? columns - 1 : 0;
}

}  // namespace silk::shell
