#include "shell/repl/history.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

namespace silk::shell::repl {
namespace {

class HistoryFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("silk-history-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "history").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST(HistoryEntry, KeepsTheLinesAsTyped) {
  EXPECT_EQ(HistoryEntry({"", "SELECT ?x WHERE {  ", "  ?x ?p ?o # a comment", "}", ""}),
            "SELECT ?x WHERE {\n  ?x ?p ?o # a comment\n}");
}

TEST(HistoryEscapes, RoundTrip) {
  for (const std::string entry : {"plain", "two\nlines", "back\\slash\\n not a break", "\\"}) {
    const std::string line = EscapeHistoryEntry(entry);
    EXPECT_EQ(line.find('\n'), std::string::npos) << entry;
    EXPECT_EQ(UnescapeHistoryEntry(line), entry);
  }
  EXPECT_EQ(UnescapeHistoryEntry("SELECT\\040*"), "SELECT *");  // libedit's own files
}

TEST_F(HistoryFileTest, ShellsSideBySideKeepEachOthersEntries) {
  HistoryFile a(path_);
  HistoryFile b(path_);
  // Interleaved from two threads, as from two shells: nothing is lost or torn.
  std::thread first([&] { for (int i = 0; i < 200; ++i) a.Append("a" + std::to_string(i) + "\nline two"); });
  std::thread second([&] { for (int i = 0; i < 200; ++i) b.Append("b" + std::to_string(i)); });
  first.join();
  second.join();
  const std::vector<std::string> entries = HistoryFile(path_).Load();
  ASSERT_EQ(entries.size(), 400u);
  EXPECT_EQ(std::count(entries.begin(), entries.end(), "a199\nline two"), 1);
  EXPECT_EQ(std::count(entries.begin(), entries.end(), "b0"), 1);
}

TEST_F(HistoryFileTest, ALongFileKeepsTheNewestEntries) {
  HistoryFile history(path_, /*max_entries=*/10);
  for (int i = 0; i < 25; ++i) history.Append("q" + std::to_string(i));
  const std::vector<std::string> entries = history.Load();
  ASSERT_EQ(entries.size(), 10u);
  EXPECT_EQ(entries.front(), "q15");
  EXPECT_EQ(entries.back(), "q24");
  // The file itself was cut back, and appends go on after it.
  history.Append("q25");
  EXPECT_EQ(HistoryFile(path_, 100).Load().size(), 11u);
}

}  // namespace
}  // namespace silk::shell::repl
