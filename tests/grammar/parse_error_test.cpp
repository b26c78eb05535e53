// How a syntax error is shown: the line around the column, cut on long lines, with the caret
// under the right character.
#include "grammar/parse_error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace silk {
namespace {

// The three lines of the display: message, shown text, caret line (without their indent).
std::vector<std::string> Lines(const ParseError& error) {
  std::vector<std::string> lines;
  const std::string text = error.ToString();
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  lines.push_back(text.substr(start));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].substr(0, 2), "  ");
    lines[i] = lines[i].substr(2);
  }
  return lines;
}

// Code points before the caret on the caret line, and the code point above it.
std::string Above(const std::vector<std::string>& lines) {
  const std::size_t caret_column = lines[2].size() - 1;  // the pad is ASCII (spaces, tabs)
  std::size_t at = 0;
  for (std::size_t n = 0; n < caret_column; ++n) {
    ++at;
    while (at < lines[1].size() && (static_cast<unsigned char>(lines[1][at]) & 0xC0) == 0x80) ++at;
  }
  std::size_t end = at + 1;
  while (end < lines[1].size() && (static_cast<unsigned char>(lines[1][end]) & 0xC0) == 0x80) ++end;
  return lines[1].substr(at, end - at);
}

TEST(ParseErrorTest, ShortLineIsShownWholeWithTheCaretUnderTheColumn) {
  const ParseError error{"expected '.'", "data.nt", 3, 5, "<a> <b> <c>"};
  EXPECT_EQ(error.ToString(), "data.nt:3:5: expected '.'\n  <a> <b> <c>\n      ^");
}

TEST(ParseErrorTest, CaretCountsCodePointsAndKeepsTabs) {
  const ParseError error{"bad", "q", 1, 9, "\t\"Жа\" x"};  // column 9: the byte of 'x'
  const std::vector<std::string> lines = Lines(error);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], "\t\"Жа\" x");
  EXPECT_EQ(lines[2], "\t     ^");
}

TEST(ParseErrorTest, LongLineIsCutAroundTheColumn) {
  // 20 MB of data with the error in the middle: the display stays about 200 characters.
  std::string line(10'000'000, 'a');
  line += 'X';
  line += std::string(10'000'000, 'b');
  const ParseError error{"unexpected X", "big.nt", 1, 10'000'001, line};
  const std::vector<std::string> lines = Lines(error);
  ASSERT_EQ(lines.size(), 3u);
  const std::size_t k = ParseError::kContextCodePoints;
  EXPECT_EQ(lines[1], "…" + std::string(k, 'a') + "X" + std::string(k, 'b') + "…");
  EXPECT_EQ(lines[2], std::string(k + 1, ' ') + "^");
  EXPECT_EQ(Above(lines), "X");
}

TEST(ParseErrorTest, CutsOnlyTheSideThatIsLong) {
  const std::size_t k = ParseError::kContextCodePoints;
  // Near the start: nothing cut before.
  std::string line = "ab" + std::string(1000, 'z');
  std::vector<std::string> lines = Lines({"m", "s", 1, 2, line});
  EXPECT_EQ(lines[1], line.substr(0, k + 2) + "…");
  EXPECT_EQ(lines[2], " ^");
  EXPECT_EQ(Above(lines), "b");
  // Near the end: nothing cut after.
  line = std::string(1000, 'z') + "ab";
  lines = Lines({"m", "s", 1, 1002, line});
  EXPECT_EQ(lines[1], "…" + std::string(k - 1, 'z') + "ab");
  EXPECT_EQ(Above(lines), "b");
  // Past the end (an error at the end of the line): the caret after the last character.
  lines = Lines({"m", "s", 1, 1003, line});
  EXPECT_EQ(lines[1], "…" + std::string(k - 2, 'z') + "ab");
  EXPECT_EQ(lines[2], std::string(k + 1, ' ') + "^");
}

TEST(ParseErrorTest, CutsBetweenCodePointsNeverInsideOne) {
  // Three-byte characters all along: every cut falls between two of them.
  std::string line;
  for (int i = 0; i < 500; ++i) line += "한";
  line += "!";
  for (int i = 0; i < 500; ++i) line += "글";
  const ParseError error{"m", "s", 1, 500 * 3 + 1, line};
  const std::vector<std::string> lines = Lines(error);
  const std::size_t k = ParseError::kContextCodePoints;
  std::string expected = "…";
  for (std::size_t i = 0; i < k; ++i) expected += "한";
  expected += "!";
  for (std::size_t i = 0; i < k; ++i) expected += "글";
  expected += "…";
  EXPECT_EQ(lines[1], expected);
  EXPECT_EQ(Above(lines), "!");
}

TEST(ParseErrorTest, NoLineTextMeansNoDisplay) {
  EXPECT_EQ((ParseError{"m", "s", 2, 3, ""}.ToString()), "s:2:3: m");
}

}  // namespace
}  // namespace silk
