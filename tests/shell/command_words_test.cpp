#include "shell/command_words.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace silk::shell {
namespace {

const CommandSpec& Load() {
  static const CommandSpec kLoad{
      .name = "load",
      .usage = "FILE...",
      .options = {{"--graph", "IRI", ""}, {"--skip-bad", "", ""}},
      .min_args = 1,
      .max_args = std::nullopt,
  };
  return kLoad;
}

Status Read(std::vector<std::string_view> words, Invocation& invocation) {
  return ReadCommandWords(Load(), words, {}, invocation);
}

TEST(ReadCommandWordsTest, OptionsFlagsAndArgumentsInAnyOrder) {
  Invocation invocation;
  ASSERT_TRUE(Read({"a.nt", "--graph", "http://e/g", "--skip-bad", "-", "b.nt"}, invocation).ok());
  EXPECT_EQ(invocation.args, (std::vector<std::string>{"a.nt", "-", "b.nt"}));
  EXPECT_EQ(invocation.Get("--graph"), "http://e/g");
  EXPECT_TRUE(invocation.Has("--skip-bad"));
  EXPECT_FALSE(invocation.help);
}

TEST(ReadCommandWordsTest, EqualsSignAndDoubleDash) {
  Invocation invocation;
  ASSERT_TRUE(Read({"--graph=http://e/g=1", "--", "--skip-bad"}, invocation).ok());
  EXPECT_EQ(invocation.Get("--graph"), "http://e/g=1");
  EXPECT_EQ(invocation.args, (std::vector<std::string>{"--skip-bad"}));
}

TEST(ReadCommandWordsTest, ExtraOptionsAreTakenToo) {
  const OptionSpec db[] = {{"--db", "DIR", ""}};
  Invocation invocation;
  ASSERT_TRUE(ReadCommandWords(Load(), std::vector<std::string_view>{"a.nt", "--db", "x"}, db,
                               invocation)
                  .ok());
  EXPECT_EQ(invocation.Get("--db"), "x");
}

TEST(ReadCommandWordsTest, HelpNeedsNoArguments) {
  Invocation invocation;
  ASSERT_TRUE(Read({"--help"}, invocation).ok());
  EXPECT_TRUE(invocation.help);
}

TEST(ReadCommandWordsTest, MistakesAreNamedInWords) {
  const std::pair<std::vector<std::string_view>, std::string_view> kCases[] = {
      {{"a.nt", "--bogus"}, "unknown option '--bogus' for 'load'"},
      {{"a.nt", "--graph"}, "--graph needs a value (IRI)"},
      {{"a.nt", "--skip-bad=yes"}, "--skip-bad takes no value"},
      {{"--skip-bad"}, "'load' needs FILE..."},
  };
  for (const auto& [words, message] : kCases) {
    Invocation invocation;
    const Status status = Read(words, invocation);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << message;
    EXPECT_EQ(status.message(), message);
  }
}

TEST(OptionHelpLineTest, NameAndValueInAColumn) {
  EXPECT_EQ(OptionHelpLine("--graph", "IRI", "Into this graph"),
            "  --graph IRI            Into this graph\n");
  EXPECT_EQ(OptionHelpLine("--skip-bad", "", "Go on"), "  --skip-bad             Go on\n");
}

}  // namespace
}  // namespace silk::shell
