#include "viz/dot_text.h"

#include <gtest/gtest.h>

namespace silk::viz {
namespace {

TEST(DotQuoted, EscapesQuotesAndBackslashesSoDataNeverEndsTheString) {
  EXPECT_EQ(DotQuoted("plain"), "\"plain\"");
  EXPECT_EQ(DotQuoted("say \"hi\""), "\"say \\\"hi\\\"\"");
  // A backslash is doubled: DOT's \N, \G, \l would otherwise fire on data.
  EXPECT_EQ(DotQuoted("C:\\N\\l"), "\"C:\\\\N\\\\l\"");
  EXPECT_EQ(DotQuoted("ends with \\"), "\"ends with \\\\\"");
}

TEST(DotQuoted, LineBreaksBecomeLabelBreaksAndControlCharactersSpaces) {
  EXPECT_EQ(DotQuoted("one\ntwo"), "\"one\\ntwo\"");
  EXPECT_EQ(DotQuoted("one\r\ntwo"), "\"one\\ntwo\"");
  EXPECT_EQ(DotQuoted("tab\there\x01"), "\"tab here \"");
}

TEST(DotQuoted, KeepsEveryScriptAsItIs) {
  EXPECT_EQ(DotQuoted("Садыр Жапаров"), "\"Садыр Жапаров\"");
  EXPECT_EQ(DotQuoted("윤석열 · 𝔘"), "\"윤석열 · 𝔘\"");
}

TEST(DotQuotedLines, CentredOrLeftAligned) {
  EXPECT_EQ(DotQuotedLines({"a", "b\"c"}), "\"a\\nb\\\"c\"");
  EXPECT_EQ(DotQuotedLines({"a", "b"}, true), "\"a\\lb\\l\"");
}

TEST(HtmlEscaped, DataAddsNoElementToALegend) {
  EXPECT_EQ(HtmlEscaped("<IMG SRC=\"/etc/passwd\"/> & 'x'"),
            "&lt;IMG SRC=&quot;/etc/passwd&quot;/&gt; &amp; &#39;x&#39;");
  EXPECT_EQ(HtmlEscaped("a\nb\tc"), "a b c");
  EXPECT_EQ(HtmlEscaped("Kazakistan ve Kore işbirliğine"), "Kazakistan ve Kore işbirliğine");
}

TEST(Shorten, CutsAtCodePointsNeverInsideASequence) {
  EXPECT_EQ(Shorten("short", 10), "short");
  EXPECT_EQ(Shorten("exactly", 7), "exactly");
  EXPECT_EQ(Shorten("a longer text", 6), "a lon\u2026");
  // Five Cyrillic letters (two bytes each): cut after four, whole.
  EXPECT_EQ(Shorten("Жапар", 4), "Жап\u2026");
  EXPECT_EQ(Shorten("윤석열윤석열", 3), "윤석\u2026");
  EXPECT_EQ(CodePoints(Shorten(std::string(1000, 'x'), 48)), 48u);
}

TEST(Wrap, BreaksAtSpacesAndShortensTheLastLine) {
  EXPECT_EQ(Wrap("South Korea – Kyrgyzstan summit, Seoul, December 2024", 24, 3),
            (std::vector<std::string>{"South Korea – Kyrgyzstan", "summit, Seoul, December", "2024"}));
  const std::vector<std::string> two = Wrap("one two three four five six seven eight", 10, 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0], "one two");
  EXPECT_EQ(CodePoints(two[1]), 10u);
  EXPECT_TRUE(two[1].ends_with("\u2026"));
  EXPECT_EQ(Wrap("", 10, 2), std::vector<std::string>{});
  EXPECT_EQ(Wrap(std::string(50, 'x'), 10, 1), std::vector<std::string>{std::string(9, 'x') + "\u2026"});
}

}  // namespace
}  // namespace silk::viz
