// Many processes at once: readers in a loop while loads and updates commit never see part of a
// commit and never fail; a second writer waits for the first, naming it, then succeeds; two
// first loads into a new directory both succeed; a read never creates a store; and a backup
// taken while a load runs is a sound store.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr char kCountQuery[] = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
// Every commit adds quads in pairs, one with each predicate: a reader that sees the counts of
// the two differ saw part of a commit.
constexpr char kPairQuery[] =
    "SELECT (SUM(IF(?p = <http://e/a>, 1, 0)) AS ?a) (SUM(IF(?p = <http://e/b>, 1, 0)) AS ?b) "
    "WHERE { ?s ?p ?o }";

std::string Pairs(const std::string& prefix, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    const std::string s = "<http://e/" + prefix + std::to_string(i) + ">";
    text += s + " <http://e/a> \"" + std::to_string(i) + "\" .\n";
    text += s + " <http://e/b> <http://e/o" + std::to_string(i % 97) + "> .\n";
  }
  return text;
}

std::uint64_t Count(const std::string& db) {
  ProcessResult result = RunSilk({"--db", db, "query", kCountQuery, "--format", "tsv"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::size_t newline = result.out.find('\n');
  return newline == std::string::npos ? 0 : std::stoull(result.out.substr(newline + 1));
}

int Wait(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Waits until the store's writer file names a holder: the writer has the lock.
bool WaitForWriter(const std::string& db, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!ReadFile(db + "/WRITER").empty()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

constexpr int kBigPairs = 60000;
constexpr int kSmallPairs = 10;

// Loads a few pairs into `db`, then starts loading many more in another process and returns
// its pid once that process holds the writer lock.
pid_t StartABigLoad(const TempDir& dir, const std::string& db) {
  WriteFile(dir.Sub("big.nt"), Pairs("big", kBigPairs));
  WriteFile(dir.Sub("small.nt"), Pairs("small", kSmallPairs));
  EXPECT_EQ(RunSilk({"--db", db, "load", dir.Sub("small.nt")}).exit_code, 0);
  const pid_t pid = StartSilk({"--db", db, "load", dir.Sub("big.nt")});
  EXPECT_TRUE(WaitForWriter(db, 20s));
  return pid;
}

TEST(StoreConcurrency, ReadersNeverSeePartOfACommitNorFail) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  constexpr int kRounds = 6;
  for (int round = 0; round < kRounds; ++round) {
    WriteFile(dir.Sub("pairs" + std::to_string(round) + ".nt"), Pairs("r" + std::to_string(round) + "s", 300));
  }
  // One commit big enough to ingest SST files (more than 2^18 RocksDB entries).
  WriteFile(dir.Sub("bulk.nt"), Pairs("bulk", 35000));
  ASSERT_EQ(RunSilk({"--db", db, "load", dir.Sub("pairs0.nt")}).exit_code, 0);

  std::atomic<bool> writing{true};
  std::atomic<int> reads{0};
  std::atomic<int> failures{0};
  auto reader = [&](const std::vector<std::string>& command, bool pairs) {
    while (writing.load()) {
      ProcessResult result = RunSilk(command);
      ++reads;
      if (result.exit_code != 0) {
        ++failures;
        ADD_FAILURE() << command[3] << " failed: " << result.err;
        continue;
      }
      if (pairs) {
        // "?a\t?b\nA\tB\n"
        const std::string row = result.out.substr(result.out.find('\n') + 1);
        const std::size_t tab = row.find('\t');
        const std::string a = row.substr(0, tab);
        const std::string b = row.substr(tab + 1, row.find('\n') - tab - 1);
        if (a != b) {
          ++failures;
          ADD_FAILURE() << "a reader saw part of a commit: " << result.out;
        }
      }
    }
  };
  std::vector<std::thread> readers;
  readers.emplace_back(reader, std::vector<std::string>{"--db", db, "query", kPairQuery, "--format", "tsv"}, true);
  readers.emplace_back(reader, std::vector<std::string>{"--db", db, "query", kPairQuery, "--format", "tsv"}, true);
  readers.emplace_back(reader, std::vector<std::string>{"--db", db, "check"}, false);
  readers.emplace_back(reader, std::vector<std::string>{"--db", db, "stats"}, false);

  int commits = 0;
  for (int round = 1; round < kRounds; ++round) {
    ProcessResult loaded = RunSilk({"--db", db, "load", dir.Sub("pairs" + std::to_string(round) + ".nt")});
    EXPECT_EQ(loaded.exit_code, 0) << loaded.err;
    const std::string s = "<http://e/u" + std::to_string(round) + ">";
    ProcessResult inserted = RunSilk({"--db", db, "query",
                                      "INSERT DATA { " + s + " <http://e/a> 1 . " + s + " <http://e/b> 2 }"});
    EXPECT_EQ(inserted.exit_code, 0) << inserted.err;
    ProcessResult deleted = RunSilk({"--db", db, "query",
                                     "DELETE WHERE { <http://e/r" + std::to_string(round) + "s7> ?p ?o }"});
    EXPECT_EQ(deleted.exit_code, 0) << deleted.err;
    commits += 3;
    if (round == kRounds / 2) {
      ProcessResult bulk = RunSilk({"--db", db, "load", dir.Sub("bulk.nt")});
      EXPECT_EQ(bulk.exit_code, 0) << bulk.err;
      ++commits;
    }
  }
  writing = false;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Count(db), 2u * (300 * kRounds + 35000 + (kRounds - 1) - (kRounds - 1)));
  std::printf("[ concurrency ] %d commits, %d reads alongside, %d failed\n", commits, reads.load(),
              failures.load());
}

TEST(StoreConcurrency, ASecondWriterWaitsNamingTheFirstThenSucceeds) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  const pid_t first = StartABigLoad(dir, db);
  ProcessResult refused = RunSilk({"--db", db, "load", dir.Sub("small.nt"), "--wait", "0"});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("in use by silk load (pid " + std::to_string(first) + ")"),
            std::string::npos)
      << refused.err;
  ProcessResult update = RunSilk({"--db", db, "query", "INSERT DATA { <http://e/w> <http://e/a> 1 . <http://e/w> <http://e/b> 1 }",
                                  "--wait", "60"});
  EXPECT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.err.find("Waiting for silk load (pid " + std::to_string(first) + ")"),
            std::string::npos)
      << update.err;
  EXPECT_EQ(Wait(first), 0);
  EXPECT_EQ(Count(db), 2u * (kBigPairs + kSmallPairs + 1));
}

TEST(StoreConcurrency, TwoFirstLoadsIntoANewDirectoryBothSucceed) {
  TempDir dir;
  WriteFile(dir.Sub("a.nt"), Pairs("a", 500));
  WriteFile(dir.Sub("b.nt"), Pairs("b", 700));
  constexpr int kRounds = 4;
  for (int round = 0; round < kRounds; ++round) {
    const std::string db = dir.Sub("db" + std::to_string(round));
    const pid_t a = StartSilk({"--db", db, "load", dir.Sub("a.nt")}, dir.Sub("a.err"));
    const pid_t b = StartSilk({"--db", db, "load", dir.Sub("b.nt")}, dir.Sub("b.err"));
    EXPECT_EQ(Wait(a), 0) << ReadFile(dir.Sub("a.err"));
    EXPECT_EQ(Wait(b), 0) << ReadFile(dir.Sub("b.err"));
    EXPECT_EQ(Count(db), 2u * 1200);
  }
  std::printf("[ concurrency ] %d rounds of two first loads into a new store\n", kRounds);
}

TEST(StoreConcurrency, AReadNeverCreatesAStore) {
  TempDir dir;
  const std::string db = dir.Sub("none");
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"--db", db, "query", kCountQuery}, {"--db", db, "check"},
        {"--db", db, "stats"}, {"--db", db, "dump"}}) {
    ProcessResult result = RunSilk(command);
    EXPECT_EQ(result.exit_code, 3) << command[2];
    EXPECT_NE(result.err.find("no store at"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(db)) << command[2];
  }
}

TEST(StoreBackup, ACopyTakenDuringALoadIsASoundStore) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  ASSERT_EQ(RunSilk({"--db", db, "query", "INSERT DATA { <http://e/w> <http://e/a> 1 . <http://e/w> <http://e/b> 1 }"}).exit_code, 0);
  const pid_t load = StartABigLoad(dir, db);
  int copies = 0;
  bool running = true;
  while (running) {
    const std::string copy = dir.Sub("copy" + std::to_string(copies++));
    ProcessResult backup = RunSilk({"--db", db, "backup", copy});
    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    ProcessResult check = RunSilk({"--db", copy, "check"});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    const std::uint64_t quads = Count(copy);
    EXPECT_TRUE(quads == 2u * (kSmallPairs + 1) || quads == 2u * (kBigPairs + kSmallPairs + 1))
        << quads;
    int status = 0;
    running = ::waitpid(load, &status, WNOHANG) == 0;
    if (!running) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
  }
  // And after the load.
  const std::string last = dir.Sub("last");
  ASSERT_EQ(RunSilk({"--db", db, "backup", last}).exit_code, 0);
  EXPECT_EQ(RunSilk({"--db", last, "check"}).exit_code, 0);
  EXPECT_EQ(Count(last), 2u * (kBigPairs + kSmallPairs + 1));
  // Never into a directory that holds something.
  ProcessResult refused = RunSilk({"--db", db, "backup", last});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;
  std::printf("[ backup ] %d copies taken during a load, each checked\n", copies);
}

}  // namespace
}  // namespace silk::testing
