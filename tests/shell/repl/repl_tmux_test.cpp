// The interactive shell in a real terminal (tmux's), each test against a real store: pasted
// queries, a statement typed line by line, a huge result, two shells at once, and a window
// resized between two statements.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "tests/shell/repl/tmux_session.h"
#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::filesystem::path SourceDir() {
  const char* source = std::getenv("SILK_SOURCE_DIR");
  return source != nullptr ? source : ".";
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The body rows of the boxed table in `text`: its '│' lines after the header.
std::vector<std::string> TableRows(std::string_view text) {
  std::vector<std::string> rows;
  bool header = true;
  for (const std::string& line : Lines(text)) {
    if (!line.starts_with("\u2502")) continue;
    if (header) {
      header = false;
    } else {
      rows.push_back(line);
    }
  }
  return rows;
}

// The widest line of a boxed table in `text`, in characters (the tests' values are all
// narrow characters).
std::size_t WidestTableLine(std::string_view text) {
  std::size_t widest = 0;
  for (const std::string& line : Lines(text)) {
    if (!line.starts_with("\u250c") && !line.starts_with("\u2502") && !line.starts_with("\u251c") &&
        !line.starts_with("\u2514")) {
      continue;
    }
    const auto characters = std::count_if(line.begin(), line.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    widest = std::max(widest, static_cast<std::size_t>(characters));
  }
  return widest;
}

// The header line, then the other lines sorted: a result as a set of rows.
std::vector<std::string> RowSet(std::string_view tsv) {
  std::vector<std::string> lines = Lines(tsv);
  if (!lines.empty()) std::sort(lines.begin() + 1, lines.end());
  return lines;
}

// "1,234" for 1234, as the shell counts rows.
std::string Counted(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

// The last "N rows so far" count on `screen`, 0 if there is none.
std::uint64_t LiveCount(const std::string& screen) {
  const std::size_t at = screen.rfind(" rows so far");
  if (at == std::string::npos) return 0;
  std::size_t start = at;
  while (start > 0 && (std::isdigit(static_cast<unsigned char>(screen[start - 1])) || screen[start - 1] == ',')) --start;
  std::string digits = screen.substr(start, at - start);
  std::erase(digits, ',');
  return digits.empty() ? 0 : std::stoull(digits);
}

// The resident memory of process `pid` in bytes (VmRSS), 0 if it cannot be read.
std::uint64_t ResidentBytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

constexpr std::string_view kIntegerType = "<http://www.w3.org/2001/XMLSchema#integer>";

// <http://e/sI> <http://e/n> I, for I in 1..count.
std::string NumberedTriples(int count) {
  std::string triples;
  for (int i = 1; i <= count; ++i) {
    triples += "<http://e/s" + std::to_string(i) + "> <http://e/n> \"" + std::to_string(i) + "\"^^" +
               std::string(kIntegerType) + " .\n";
  }
  return triples;
}

// Each test has its own home (history, start-up file) and its stores in one directory.
class ShellTmuxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TmuxSession::FindTmux().empty()) {
      GTEST_SKIP() << "tmux is not installed (scripts/dev.sh installs it): these tests run the shell in it";
    }
    std::filesystem::create_directories(dir_.Sub("home"));
  }

  std::map<std::string, std::string> Env() const {
    return {{"HOME", dir_.Sub("home")},
            {"XDG_DATA_HOME", dir_.Sub("data")},
            {"XDG_CONFIG_HOME", dir_.Sub("config")},
            {"SILK_DB", dir_.Sub("unused-default")},
            {"NO_COLOR", "1"},
            {"LC_ALL", "C.UTF-8"},
            {"PATH", "/usr/bin:/bin"}};
  }

  // A store called `name` holding the N-Triples in `file`.
  std::string LoadStore(const std::string& name, const std::string& file) {
    const std::string db = dir_.Sub(name);
    const ProcessResult loaded = RunSilk({"--db", db, "load", file});
    EXPECT_EQ(loaded.exit_code, 0) << loaded.err;
    return db;
  }
  std::string Store(const std::string& name, const std::string& triples) {
    WriteFile(dir_.Sub(name + ".nt"), triples);
    return LoadStore(name, dir_.Sub(name + ".nt"));
  }

  // The shell on `db`, at its first prompt ("NAME> ").
  std::unique_ptr<TmuxSession> Start(const std::string& db, int columns = 100) {
    auto shell = std::make_unique<TmuxSession>(std::vector<std::string>{"--db", db}, Env(), columns, 40);
    EXPECT_TRUE(shell->WaitForPrompt(Prompt(db)));
    return shell;
  }
  static std::string Prompt(const std::string& db) {
    return std::filesystem::path(db).filename().string() + "> ";
  }

  TempDir dir_;
};

// The peers' benchmark queries, pasted, give the rows `silk query` gives for the same file.
class PastedQueryTest : public ShellTmuxTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PastedQueryTest, GivesTheRowsOfSilkQuery) {
  // The benchmark of peer stores sits beside the source tree, with its generator of a news
  // graph: generated here rather than kept in the tree (20,000 triples, about 2 MB).
  const std::filesystem::path peers = SourceDir() / ".." / "shared" / "peers";
  const std::filesystem::path query = peers / "queries" / GetParam();
  if (!std::filesystem::exists(query) || !std::filesystem::exists(peers / "gen_news_kg.py")) {
    GTEST_SKIP() << "the peers' benchmark (" << peers.string() << ") is not beside the source tree";
  }
  const std::string python = FindOnPath("python3");
  if (python.empty()) GTEST_SKIP() << "python3, which generates the benchmark's graph, is not installed";
  ASSERT_EQ(RunProgram({python, (peers / "gen_news_kg.py").string(), "20000", "1", dir_.Sub("kg.nt")}), 0);
  const std::string db = LoadStore("kg", dir_.Sub("kg.nt"));

  // Asked before the shell holds the store.
  const ProcessResult expected = RunSilk({"--db", db, "query", "-f", query.string(), "--format", "tsv"});
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  const std::vector<std::string> expected_rows = RowSet(expected.out);
  ASSERT_GT(expected_rows.size(), 1u) << "the benchmark query finds nothing: " << expected.out;
  const std::size_t count = expected_rows.size() - 1;
  const std::string text = ReadFile(query.string());

  auto shell = Start(db);
  // As a boxed table: its footer counts the rows.
  shell->Paste(text);
  ASSERT_TRUE(shell->WaitFor("\n" + Counted(count) + (count == 1 ? " row" : " rows")));
  ASSERT_TRUE(shell->WaitForPrompt("kg> "));
  // As TSV into a file: the rows themselves.
  const std::string out = dir_.Sub("pasted.tsv");
  shell->TypeLine(".mode tsv");
  ASSERT_TRUE(shell->WaitForPrompt("kg> "));
  shell->TypeLine(".output " + out);
  ASSERT_TRUE(shell->WaitForPrompt("kg> "));
  shell->Paste(text);
  ASSERT_TRUE(shell->WaitForPrompt("kg> "));
  shell->TypeLine(".output");
  ASSERT_TRUE(shell->WaitForPrompt("kg> "));
  EXPECT_EQ(RowSet(ReadFile(out)), expected_rows) << shell->Screen();
}

INSTANTIATE_TEST_SUITE_P(PeerQueries, PastedQueryTest,
                         ::testing::Values("q3_star.rq", "q5_filter_date_num.rq", "q7_count_group.rq"),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           return param_info.param.substr(0, param_info.param.find('_'));
                         });

TEST_F(ShellTmuxTest, OrderByAndLimitTypedOnTheirOwnLines) {
  auto shell = Start(Store("t", NumberedTriples(10)));
  // Typed over several lines, a statement waits for ';' or an empty line: ORDER BY and LIMIT
  // still belong to it.
  for (const std::string_view line :
       {"SELECT ?s ?n WHERE {", "  ?s <http://e/n> ?n", "}", "ORDER BY DESC(?n)", "LIMIT 3"}) {
    shell->TypeLine(line);
    ASSERT_TRUE(shell->WaitForPrompt("...> "));
  }
  shell->Press("Enter");
  ASSERT_TRUE(shell->WaitFor("\n3 rows"));
  const std::vector<std::string> rows = TableRows(shell->Passed());
  ASSERT_EQ(rows.size(), 3u) << shell->Passed();
  EXPECT_NE(rows[0].find("<http://e/s10>"), std::string::npos) << rows[0];
  EXPECT_NE(rows[1].find("<http://e/s9>"), std::string::npos) << rows[1];
  EXPECT_NE(rows[2].find("<http://e/s8>"), std::string::npos) << rows[2];
  ASSERT_TRUE(shell->WaitForPrompt("t> "));
}

TEST_F(ShellTmuxTest, AHugeResultStreamsInBoundedMemoryAndCtrlCStopsIt) {
  std::string triples;
  for (int i = 0; i < 20000; ++i) {
    triples += "<http://e/s" + std::to_string(i) + "> <http://e/p" + std::to_string(i % 7) + "> \"v" +
               std::to_string(i) + "\" .\n";
  }
  auto shell = Start(Store("big", triples));
  // 20,000 × 20,000 rows: far more than could stream by before Ctrl-C.
  shell->TypeLine("SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }");
  ASSERT_TRUE(shell->WaitFor("\u250c", seconds(10)));  // the table's top, at once
  ASSERT_TRUE(shell->WaitFor("<http://e/s0>"));
  const pid_t pid = shell->ProgramPid();
  constexpr std::uint64_t kRows = 1'000'000;
  constexpr std::uint64_t kMemoryBound = 300ull << 20;
  std::uint64_t most_memory = 0;
  std::uint64_t rows = 0;
  std::string screen;
  const auto deadline = std::chrono::steady_clock::now() + seconds(60);
  while (rows < kRows && std::chrono::steady_clock::now() < deadline) {
    most_memory = std::max(most_memory, ResidentBytes(pid));
    screen = shell->Screen();
    rows = LiveCount(screen);
    std::this_thread::sleep_for(milliseconds(100));
  }
  ASSERT_GE(rows, kRows) << "the live count did not pass " << kRows << " rows; the screen:\n" << screen;
  EXPECT_GT(most_memory, 0u) << "no VmRSS for process " << pid;
  EXPECT_LT(most_memory, kMemoryBound) << "the shell held " << (most_memory >> 20) << " MB";

  shell->Press("C-c");
  ASSERT_TRUE(shell->WaitFor("stopped after "));
  ASSERT_TRUE(shell->WaitFor(" rows (40 shown)"));
  ASSERT_TRUE(shell->WaitForPrompt("big> "));
  shell->TypeLine("ASK { <http://e/s1> ?p ?o }");
  ASSERT_TRUE(shell->WaitFor("true"));
}

TEST_F(ShellTmuxTest, TwoShellsKeepEachOthersHistory) {
  const std::string db = Store("t", NumberedTriples(10));
  auto a = Start(db);
  auto b = Start(db);
  const std::vector<std::string> entries = {
      "ASK { <http://e/s1> ?p ?o }", "ASK { <http://e/s2> ?p ?o }",
      "ASK { <http://e/s3> ?p ?o }", "ASK { <http://e/s4> ?p ?o }"};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    TmuxSession& shell = i % 2 == 0 ? *a : *b;  // A, B, A, B
    shell.TypeLine(entries[i]);
    ASSERT_TRUE(shell.WaitFor("true"));
    ASSERT_TRUE(shell.WaitForPrompt("t> "));
  }
  // A statement typed over lines, in B.
  for (const std::string_view line : {"SELECT ?n WHERE {", "  <http://e/s5> <http://e/n> ?n", "}"}) {
    b->TypeLine(line);
    ASSERT_TRUE(b->WaitForPrompt("...> "));
  }
  b->Press("Enter");
  ASSERT_TRUE(b->WaitFor("\n1 row"));
  ASSERT_TRUE(b->WaitForPrompt("t> "));
  a->Press("C-d");
  b->Press("C-d");
  ASSERT_EQ(a->WaitForExit(), 0) << a->Screen();
  ASSERT_EQ(b->WaitForExit(), 0) << b->Screen();

  // One entry a line, its line breaks written "\n".
  const std::string file = ReadFile(dir_.Sub("data") + "/silkgraph/history");
  for (const std::string& entry : entries) {
    EXPECT_NE(file.find(entry + "\n"), std::string::npos) << entry << " is not in:\n" << file;
  }
  EXPECT_NE(file.find("SELECT ?n WHERE {\\n  <http://e/s5> <http://e/n> ?n\\n}\n"), std::string::npos) << file;

  // A third shell goes back through both, the newest first: B's statement, on its lines.
  auto c = Start(db);
  c->Press("Up");
  ASSERT_TRUE(c->WaitFor("SELECT ?n WHERE {\n  <http://e/s5> <http://e/n> ?n\n}"));
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    c->Press("Up");
    ASSERT_TRUE(c->WaitForCursorLine(*entry));
  }
  // Down again to the newest: it runs whole, lines and all.
  for (std::size_t i = 0; i < entries.size(); ++i) c->Press("Down");
  c->Press("Enter");
  ASSERT_TRUE(c->WaitFor("\n1 row"));
  ASSERT_TRUE(c->WaitForPrompt("t> "));
}

// Issue 10: a second shell on a store sees what the first one wrote. (When this test was
// written, the second shell opened the store read-only and kept the view it opened with.)
TEST_F(ShellTmuxTest, ASecondShellSeesTheFirstOnesInsert) {
  const std::string db = Store("t", NumberedTriples(3));
  auto a = Start(db);
  auto b = Start(db);
  a->TypeLine("INSERT DATA { <http://e/x> <http://e/p> \"new\" }");
  ASSERT_TRUE(a->WaitFor("\nDone"));
  ASSERT_TRUE(a->WaitForPrompt("t> "));
  b->TypeLine("SELECT ?o WHERE { <http://e/x> <http://e/p> ?o }");
  ASSERT_TRUE(b->WaitForPrompt("t> "));
  EXPECT_NE(b->Passed().find("\u2502 \"new\" "), std::string::npos) << b->Screen();
  EXPECT_NE(b->Passed().find("\n1 row"), std::string::npos) << b->Screen();
}

TEST_F(ShellTmuxTest, AResizedWindowGetsNarrowerTables) {
  std::string triples;
  for (int i = 1; i <= 5; ++i) {
    triples += "<http://e/w" + std::to_string(i) + "> <http://e/label> \"" + std::to_string(i);
    for (int word = 0; word < 30; ++word) triples += " word";
    triples += "\" .\n";
  }
  auto shell = Start(Store("w", triples), 130);
  const std::string query = "SELECT ?s ?label WHERE { ?s <http://e/label> ?label }";
  shell->TypeLine(query);
  ASSERT_TRUE(shell->WaitFor("\n5 rows"));
  const std::size_t wide = WidestTableLine(shell->Passed());
  EXPECT_GT(wide, 80u) << shell->Passed();
  EXPECT_LE(wide, 130u) << shell->Passed();
  ASSERT_TRUE(shell->WaitForPrompt("w> "));

  ASSERT_TRUE(shell->Resize(80, 40));
  shell->TypeLine(query);
  ASSERT_TRUE(shell->WaitFor("\n5 rows"));
  EXPECT_LE(WidestTableLine(shell->Passed()), 80u) << shell->Passed();
  ASSERT_TRUE(shell->WaitForPrompt("w> "));
}

}  // namespace
}  // namespace silk::testing
