#include "shell/progress_bar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "shell/repl/box_table.h"

namespace silk::shell {
namespace {

constexpr std::size_t kWidths[] = {200, 80, 60, 40, 30};

// 12.3 MiB of 27.1 MiB, 1,204,311 statements in 2 s.
constexpr ProgressFigures kKnownTotal{.done_bytes = 12'897'484,
                                      .total_bytes = 28'416'000,
                                      .statements = 1'204'311,
                                      .elapsed_seconds = 2};
constexpr ProgressFigures kNoTotal{
    .done_bytes = 12'897'484, .total_bytes = 0, .statements = 1'204'311, .elapsed_seconds = 2};
// A large load: every figure at its widest.
constexpr ProgressFigures kLarge{.done_bytes = 1'073'000'000,
                                 .total_bytes = 1'073'741'000,
                                 .statements = 123'456'789,
                                 .elapsed_seconds = 7200};

// What a ProgressBar wrote to a file, split into the lines it drew after each "\r\033[K".
class Captured {
 public:
  Captured() : file_(std::tmpfile()) {}
  ~Captured() { std::fclose(file_); }
  Captured(const Captured&) = delete;
  Captured& operator=(const Captured&) = delete;

  std::FILE* file() { return file_; }
  std::vector<std::string> Lines() {
    std::fflush(file_);
    std::rewind(file_);
    std::string text;
    for (int c = std::fgetc(file_); c != EOF; c = std::fgetc(file_)) text += static_cast<char>(c);
    const std::string redraw = "\r\033[K";
    EXPECT_EQ(text.rfind(redraw, 0), 0u) << "every draw starts over the line: " << text;
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t next = text.find(redraw, at + redraw.size());
      lines.push_back(text.substr(at + redraw.size(), next - at - redraw.size()));
      at = next == std::string::npos ? text.size() : next;
    }
    return lines;
  }

 private:
  std::FILE* file_;
};

void ExpectFits(const std::string& line, std::size_t width) {
  EXPECT_LT(repl::DisplayWidth(line), width) << "'" << line << "' at " << width << " columns";
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
}

TEST(ProgressLine, WideShowsTheBarAndEveryFigureInFull) {
  EXPECT_EQ(ProgressLine(kKnownTotal, 199),
            "[##########--------------] 45%  12.3 MiB of 27.1 MiB  1,204,311 statements  "
            "602,155/s  0:02 left");
  EXPECT_EQ(ProgressLine(kNoTotal, 199), "12.3 MiB  1,204,311 statements  602,155/s");
}

TEST(ProgressLine, NeverWiderThanItsColumns) {
  for (const ProgressFigures& figures : {kKnownTotal, kNoTotal, kLarge}) {
    for (std::size_t columns = 0; columns <= 200; ++columns) {
      EXPECT_LE(ProgressLine(figures, columns).size(), columns);
    }
  }
}

TEST(ProgressLine, TheBarShrinksThenGoesBeforeAnyFigure) {
  const std::string figures =
      "45%  12.3 MiB of 27.1 MiB  1,204,311 statements  602,155/s  0:02 left";
  EXPECT_EQ(ProgressLine(kKnownTotal, figures.size() + 15), "[#####-------] " + figures);
  EXPECT_EQ(ProgressLine(kKnownTotal, figures.size() + 13), "[####------] " + figures);
  EXPECT_EQ(ProgressLine(kKnownTotal, figures.size() + 12), figures);
  EXPECT_EQ(ProgressLine(kKnownTotal, 79), figures);
}

TEST(ProgressLine, NarrowKeepsTheMostImportantFigures) {
  // Short forms before a figure goes.
  EXPECT_EQ(ProgressLine(kKnownTotal, 59),
            "45%  12.3/27.1 MiB  1,204,311 stmts  602,155/s  0:02 left");
  EXPECT_EQ(ProgressLine(kKnownTotal, 39), "45%  12.3/27.1 MiB  1,204,311 stmts");
  EXPECT_EQ(ProgressLine(kKnownTotal, 29), "45%  12.3 MiB of 27.1 MiB");
  EXPECT_EQ(ProgressLine(kKnownTotal, 18), "45%  12.3/27.1 MiB");
  EXPECT_EQ(ProgressLine(kKnownTotal, 5), "45%");
  EXPECT_EQ(ProgressLine(kKnownTotal, 2), "45");
  EXPECT_EQ(ProgressLine(kNoTotal, 39), "12.3 MiB  1,204,311 stmts  602,155/s");
  EXPECT_EQ(ProgressLine(kNoTotal, 29), "12.3 MiB  1,204,311 stmts");
  EXPECT_EQ(ProgressLine(kNoTotal, 9), "12.3 MiB");
}

TEST(ProgressLine, KeyFiguresSurviveFortyColumnsEvenForALargeLoad) {
  EXPECT_EQ(ProgressLine(kLarge, 39), "99%  1023/1024 MiB  123,456,789 stmts");
}

TEST(ProgressBar, DrawsOneLineThatFitsEachWidth) {
  for (const std::size_t width : kWidths) {
    for (const std::uint64_t total : {kKnownTotal.total_bytes, std::uint64_t{0}}) {
      Captured out;
      {
        ProgressBar bar(total, true, out.file(), [width] { return width; });
        bar.Update(kKnownTotal.done_bytes, kKnownTotal.statements);
      }
      const std::vector<std::string> lines = out.Lines();
      ASSERT_EQ(lines.size(), 2u) << "drawn, then cleared";
      ExpectFits(lines[0], width);
      EXPECT_EQ(lines[1], "");
      if (width >= 40) {
        EXPECT_NE(lines[0].find("1,204,311"), std::string::npos) << lines[0];
        EXPECT_NE(lines[0].find("12.3"), std::string::npos) << lines[0];
        if (total > 0) {
          EXPECT_NE(lines[0].find("45%"), std::string::npos) << lines[0];
          EXPECT_NE(lines[0].find("27.1"), std::string::npos) << lines[0];
        }
      }
    }
  }
}

TEST(ProgressBar, FollowsTheTerminalAsItIsResized) {
  std::size_t width = 60;
  Captured out;
  {
    ProgressBar bar(kKnownTotal.total_bytes, true, out.file(), [&width] { return width; });
    bar.Update(kKnownTotal.done_bytes, kKnownTotal.statements);
    width = 45;
    bar.Note("Writing the indexes…", "42%");
    width = 200;
    bar.Note("Writing the indexes…", "43%");
  }
  const std::vector<std::string> lines = out.Lines();
  ASSERT_EQ(lines.size(), 4u);
  ExpectFits(lines[0], 60);
  EXPECT_EQ(lines[1], "Writing the indexes… 42%");
  EXPECT_EQ(lines[2], "Writing the indexes… 43%");
}

TEST(ProgressBar, TheNoteFitsAndKeepsItsShare) {
  for (const std::size_t width : {200, 80, 60, 40, 30, 20, 10, 6, 3, 1}) {
    Captured out;
    {
      ProgressBar bar(0, true, out.file(), [width] { return std::size_t{width}; });
      bar.Note("Writing the indexes…", "42%");
      bar.Note("Writing the indexes…");
    }
    const std::vector<std::string> lines = out.Lines();
    ASSERT_EQ(lines.size(), 3u);
    ExpectFits(lines[0], width);
    ExpectFits(lines[1], width);
    if (width >= 6) {
      EXPECT_TRUE(lines[0].ends_with(" 42%")) << lines[0];
    }
  }
  EXPECT_EQ(NoteLine("Writing the indexes…", "42%", 10), "Writi… 42%");
  EXPECT_EQ(NoteLine("Writing the indexes…", "42%", 3), "42%");
}

TEST(ProgressBar, DisabledDrawsNothing) {
  Captured out;
  {
    ProgressBar bar(kKnownTotal.total_bytes, false, out.file(), [] { return std::size_t{80}; });
    bar.Update(kKnownTotal.done_bytes, kKnownTotal.statements);
    bar.Note("Writing the indexes…", "42%");
  }
  std::fseek(out.file(), 0, SEEK_END);
  EXPECT_EQ(std::ftell(out.file()), 0);
}

}  // namespace
}  // namespace silk::shell
