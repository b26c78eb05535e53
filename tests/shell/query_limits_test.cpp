// Hostile queries through `silk query`: each shape stops at --timeout and on Ctrl-C, and each
// operator that holds rows stops at --memory, all with a message that says why. The limits
// are small (1 s, 16 MiB) so the tests stay fast; the bounds on waiting only catch hangs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

// 40 subjects with 50 objects each: 2,000 triples, so { ?a ?p ?b . ?c ?q ?d } has 4 M rows.
// Also a clique of 60 nodes over <http://e/k> (3,600 edges) for paths, and a string on which
// ^(a+)+$ backtracks for about 2^40 steps.
std::string LimitsData() {
  std::string data;
  for (int s = 0; s < 40; ++s) {
    for (int o = 0; o < 50; ++o) {
      data += "<http://e/s" + std::to_string(s) + "> <http://e/p" + std::to_string(o % 5) +
              "> \"o" + std::to_string(s * 50 + o) + "\" .\n";
    }
  }
  for (int x = 0; x < 60; ++x) {
    for (int y = 0; y < 60; ++y) {
      data += "<http://e/n" + std::to_string(x) + "> <http://e/k> <http://e/n" +
              std::to_string(y) + "> .\n";
    }
  }
  data += "<http://e/r> <http://e/text> \"" + std::string(40, 'a') + "b\" .\n";
  return data;
}

const char* const kCartesian = "{ ?a ?p ?b . ?c ?q ?d }";
const char* const kRegex = "SELECT ?s WHERE { ?s <http://e/text> ?t FILTER REGEX(?t, \"^(a+)+$\") }";
const char* const kPath =
    "SELECT (COUNT(*) AS ?n) WHERE { ?x <http://e/k>/<http://e/k>/<http://e/k>/<http://e/k> ?y }";

class QueryLimits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteFile(dir_->Sub("data.nt"), LimitsData());
    ASSERT_EQ(RunSilk({"--db", dir_->Sub("db"), "load", dir_->Sub("data.nt")}).exit_code, 0);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static ProcessResult Query(const std::string& query, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"--db", dir_->Sub("db"), "query", query, "--format", "tsv"};
    args.insert(args.end(), more.begin(), more.end());
    return RunSilk(args);
  }

  // Runs `query` with no limit near, sends SIGINT (what Ctrl-C does) after half a second, and
  // returns the exit status and standard error once it has stopped.
  static std::pair<int, std::string> Interrupted(const std::string& query) {
    const std::string err_path = dir_->Sub("interrupted.err");
    // A memory limit far away, so that only the interruption can stop the query.
    const pid_t pid = StartSilk({"--db", dir_->Sub("db"), "query", "--memory", "16G", query}, err_path);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::kill(pid, SIGINT);
    int status = 0;
    // Generous: only a hang takes this long.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > give_up) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        return {-1, "still running a minute after SIGINT"};
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), ReadFile(err_path)};
  }

  static void ExpectTimeLimit(const std::string& query) {
    // A memory limit far away, so that only the clock can stop the query first on any machine.
    const ProcessResult result = Query(query, {"--timeout", "0.5", "--memory", "16G"});
    EXPECT_EQ(result.exit_code, 1) << query << "\n" << result.out.substr(0, 200);
    EXPECT_NE(result.err.find("time limit"), std::string::npos) << query << "\n" << result.err;
  }

  static void ExpectCancelled(const std::string& query) {
    const auto [code, err] = Interrupted(query);
    EXPECT_NE(code, 0) << query;
    EXPECT_NE(code, -1) << query << "\n" << err;
    EXPECT_NE(err.find("cancelled"), std::string::npos) << query << "\n" << err;
  }

  static void ExpectMemoryLimit(const std::string& query) {
    const ProcessResult result = Query(query, {"--memory", "16M"});
    EXPECT_EQ(result.exit_code, 1) << query << "\n" << result.out.substr(0, 200);
    EXPECT_NE(result.err.find("memory limit of 16 MiB"), std::string::npos)
        << query << "\n" << result.err;
  }

  static TempDir* dir_;
};

TempDir* QueryLimits::dir_ = nullptr;

// Catastrophic backtracking in REGEX is stopped, not taken for a non-match.
TEST_F(QueryLimits, RegexStopsAtTheTimeoutAndOnCtrlC) {
  ExpectTimeLimit(kRegex);
  ExpectCancelled(kRegex);
  // An ordinary regex still matches.
  EXPECT_EQ(Query("SELECT ?s WHERE { ?s <http://e/text> ?t FILTER REGEX(?t, \"^a+b$\") }").out,
            "?s\n<http://e/r>\n");
}

TEST_F(QueryLimits, ReplaceStopsAtTheTimeout) {
  ExpectTimeLimit(
      "SELECT (REPLACE(?t, \"^(a+)+$\", \"x\") AS ?r) WHERE { ?s <http://e/text> ?t }");
}

// A sequence path streams: LIMIT ends it early, the time limit and Ctrl-C reach it.
TEST_F(QueryLimits, SequencePathStreamsAndStops) {
  const ProcessResult first = Query(
      "SELECT ?x ?y WHERE { ?x <http://e/k>/<http://e/k>/<http://e/k> ?y } LIMIT 3", {"--memory", "16M"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(std::count(first.out.begin(), first.out.end(), '\n'), 4) << first.out;
  ExpectTimeLimit(kPath);
  ExpectCancelled(kPath);
  ExpectMemoryLimit("SELECT ?x ?y WHERE { ?x <http://e/k>/<http://e/k>/<http://e/k> ?y } ORDER BY ?y");
}

TEST_F(QueryLimits, OrderByStopsAtEveryLimit) {
  const std::string query = std::string("SELECT * WHERE ") + kCartesian + " ORDER BY ?d";
  ExpectMemoryLimit(query);
  ExpectTimeLimit(query);
  ExpectCancelled(query);
}

TEST_F(QueryLimits, DistinctStopsAtEveryLimit) {
  const std::string query = std::string("SELECT DISTINCT ?b ?d WHERE ") + kCartesian;
  ExpectMemoryLimit(query);
  ExpectTimeLimit(query);
  ExpectCancelled(query);
}

TEST_F(QueryLimits, GroupByStopsAtEveryLimit) {
  const std::string query =
      std::string("SELECT ?b ?d (COUNT(*) AS ?n) WHERE ") + kCartesian + " GROUP BY ?b ?d";
  ExpectMemoryLimit(query);
  ExpectMemoryLimit(std::string("SELECT (COUNT(DISTINCT *) AS ?n) WHERE ") + kCartesian);
  // Aggregates that keep what they are given.
  ExpectMemoryLimit(std::string("SELECT (STRLEN(GROUP_CONCAT(?d)) AS ?n) WHERE ") + kCartesian);
  ExpectMemoryLimit(std::string("SELECT (COUNT(DISTINCT CONCAT(STR(?b), STR(?d))) AS ?n) WHERE ") +
                    kCartesian);
  ExpectTimeLimit(query);
  ExpectCancelled(query);
}

// OPTIONAL and MINUS hold their right side in a hash table.
TEST_F(QueryLimits, HashTablesStopAtTheMemoryLimit) {
  ExpectMemoryLimit("SELECT * WHERE { ?x <http://e/text> ?t OPTIONAL { ?a ?p ?b . ?c ?q ?d } }");
  ExpectMemoryLimit("SELECT * WHERE { ?x <http://e/text> ?t MINUS { ?a ?p ?b . ?c ?q ?d } }");
}

// Terms a query computes for each row (BIND) are kept for the whole query: they count too.
TEST_F(QueryLimits, ComputedTermsStopAtTheMemoryLimit) {
  ExpectMemoryLimit(std::string("SELECT (COUNT(?x) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d "
                                "BIND(CONCAT(STR(?b), STR(?d)) AS ?x) }"));
}

// EXISTS runs its pattern once per row; the limits reach inside it.
TEST_F(QueryLimits, ExistsStopsAtTheTimeoutAndOnCtrlC) {
  const std::string query =
      "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { ?a ?p2 ?b . ?c ?q ?d FILTER(?d = \"none\") } }";
  ExpectTimeLimit(query);
  ExpectCancelled(query);
}

// Out of memory before the limit (an address-space cap lower than --memory): a clear error,
// exit 1, never an abort.
TEST_F(QueryLimits, RunningOutOfMemoryIsAnError) {
  const std::string sh = FindOnPath("sh");
  if (sh.empty()) GTEST_SKIP() << "no sh";
  const std::string err_path = dir_->Sub("oom.err");
  const std::string command = std::string("ulimit -v 1500000; exec '") + SilkBinary() +
                              "' --db '" + dir_->Sub("db") + "' query 'SELECT * WHERE " +
                              kCartesian + " ORDER BY ?d' --memory 64G >/dev/null 2>'" +
                              err_path + "'";
  const int code = RunProgram({"sh", "-c", command});
  EXPECT_EQ(code, 1) << ReadFile(err_path);
  EXPECT_NE(ReadFile(err_path).find("ran out of memory"), std::string::npos)
      << ReadFile(err_path);
}

}  // namespace
}  // namespace silk::testing
