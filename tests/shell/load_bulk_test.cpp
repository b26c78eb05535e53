// silk load for large and imperfect inputs: --skip-bad and its report, compressed files,
// how far a failed load got, and the progress bar.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

constexpr char kCountQuery[] = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

// `n` well-formed N-Triples lines, numbered from `first`.
std::string Lines(int n, int first = 0) {
  std::string text;
  for (int i = first; i < first + n; ++i) {
    text += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"v" + std::to_string(i) + "\" .\n";
  }
  return text;
}

void WriteGzip(const std::string& path, const std::string& contents) {
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, contents.data(), static_cast<unsigned>(contents.size())),
            static_cast<int>(contents.size()));
  ASSERT_EQ(gzclose(out), Z_OK);
}

class LoadBulk : public ::testing::Test {
 protected:
  ProcessResult Silk(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", dir_.Sub("db")});
    return RunSilk(args, input);
  }

  // The number of quads in the store, by a query as a user would ask.
  std::string Count() {
    ProcessResult result = Silk({"query", kCountQuery, "--format", "tsv"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    // "?n\n" then the number
    const std::size_t newline = result.out.find('\n');
    std::string value = result.out.substr(newline + 1);
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
    return value;
  }

  TempDir dir_;
};

TEST_F(LoadBulk, SkipBadLoadsTheRestAndListsWhatItLeftOut) {
  const std::string path = dir_.Sub("mixed.nt");
  WriteFile(path, Lines(3) + "<http://e/bad> <http://e/p> \"unterminated .\n" + Lines(2, 3) +
                      "<relative> <http://e/p> <http://e/o> .\n" + Lines(1, 5));
  ProcessResult load = Silk({"load", "--skip-bad", path});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("Loaded 6 statements"), std::string::npos) << load.out;
  const std::string report = path + ".rejected.txt";
  EXPECT_NE(load.err.find("Skipped 2 malformed statements; see " + report), std::string::npos)
      << load.err;
  EXPECT_EQ(Count(), "6");

  // Each rejected line as written, after a comment saying where and why: the report is
  // N-Triples again once the lines are fixed.
  const std::string text = ReadFile(report);
  EXPECT_NE(text.find("# " + path + ":4:"), std::string::npos) << text;
  EXPECT_NE(text.find("close the string"), std::string::npos) << text;
  EXPECT_NE(text.find("\n<http://e/bad> <http://e/p> \"unterminated .\n"), std::string::npos);
  EXPECT_NE(text.find("# " + path + ":7:1: relative IRI"), std::string::npos) << text;
  EXPECT_EQ(Silk({"check"}).exit_code, 0);
}

TEST_F(LoadBulk, SkipBadWritesTheReportWhereAskedAndNoneWhenAllIsWell) {
  const std::string report = dir_.Sub("rejects.txt");
  ProcessResult load = Silk({"load", "--skip-bad", "--report", report, "-", "--format", "nquads"},
                            Lines(2) + "<http://e/s> <http://e/p> \"x\" <http://e/g> <http://e/h> .\n");
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.err.find("Skipped 1 malformed statement; see " + report), std::string::npos)
      << load.err;
  EXPECT_NE(ReadFile(report).find("<stdin>:3:"), std::string::npos) << ReadFile(report);

  const std::string clean = dir_.Sub("clean.nt");
  WriteFile(clean, Lines(2, 10));
  load = Silk({"load", "--skip-bad", clean});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(load.err.find("Skipped"), std::string::npos) << load.err;
  EXPECT_FALSE(std::filesystem::exists(clean + ".rejected.txt"));
  EXPECT_EQ(Count(), "4");
}

TEST_F(LoadBulk, LoadLargerThanItsMemorySpillsAndEndsTheSame) {
  // 16 MiB, the least --memory takes, sorts about 50,000 statements at a time and holds about
  // 50,000 new terms: these 160,000 (with repeats, and some already in the store) are sorted
  // in several runs on disk and merged at commit, and their terms spill too.
  WriteFile(dir_.Sub("first.nt"), Lines(5000));
  ASSERT_EQ(Silk({"load", dir_.Sub("first.nt")}).exit_code, 0);
  WriteFile(dir_.Sub("big.nt"), Lines(120000) + Lines(40000, 100000));
  ProcessResult load = Silk({"load", "--memory", "16M", dir_.Sub("big.nt")});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("Loaded 160,000 statements (135,000 new)"), std::string::npos)
      << load.out;
  EXPECT_EQ(Count(), "140000");
  EXPECT_EQ(Silk({"check"}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("db") + "/ingest.tmp"));
}

TEST_F(LoadBulk, MemoryMustBeASize) {
  WriteFile(dir_.Sub("a.nt"), Lines(1));
  for (const char* bad : {"lots", "0", "12X", "100", "15M"}) {
    ProcessResult load = Silk({"load", "--memory", bad, dir_.Sub("a.nt")});
    EXPECT_EQ(load.exit_code, 2) << bad;
    EXPECT_NE(load.err.find("--memory needs a size"), std::string::npos) << load.err;
  }
}

TEST_F(LoadBulk, ReportWithoutSkipBadIsAUsageError) {
  WriteFile(dir_.Sub("a.nt"), Lines(1));
  EXPECT_EQ(Silk({"load", "--report", dir_.Sub("r.txt"), dir_.Sub("a.nt")}).exit_code, 2);
}

TEST_F(LoadBulk, GzipFilesAreReadAndTheFormatComesFromTheInnerName) {
  WriteGzip(dir_.Sub("data.nt.gz"), Lines(1000));
  WriteGzip(dir_.Sub("quads.nq.gz"),
            "<http://e/a> <http://e/p> <http://e/b> <http://e/g> .\n");
  ProcessResult load = Silk({"load", dir_.Sub("data.nt.gz"), dir_.Sub("quads.nq.gz")});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(Count(), "1001");
  ProcessResult graph = Silk({"query", "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "tsv"});
  EXPECT_NE(graph.out.find("<http://e/g>"), std::string::npos) << graph.out;
}

TEST_F(LoadBulk, ConcatenatedGzipMembersAreAllRead) {
  const std::string a = dir_.Sub("a.gz");
  const std::string b = dir_.Sub("b.gz");
  WriteGzip(a, Lines(10));
  WriteGzip(b, Lines(10, 10));
  WriteFile(dir_.Sub("both.nt.gz"), ReadFile(a) + ReadFile(b));
  ProcessResult load = Silk({"load", dir_.Sub("both.nt.gz")});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(Count(), "20");
}

TEST_F(LoadBulk, TruncatedOrFakeGzipLoadsNothing) {
  WriteFile(dir_.Sub("seed.nt"), Lines(1, 999999));
  ASSERT_EQ(Silk({"load", dir_.Sub("seed.nt")}).exit_code, 0);

  WriteGzip(dir_.Sub("whole.nt.gz"), Lines(20000));
  const std::string whole = ReadFile(dir_.Sub("whole.nt.gz"));
  WriteFile(dir_.Sub("cut.nt.gz"), whole.substr(0, whole.size() / 2));
  ProcessResult load = Silk({"load", dir_.Sub("cut.nt.gz")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find("truncated"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("unchanged"), std::string::npos) << load.err;

  WriteFile(dir_.Sub("plain.nt.gz"), Lines(3));
  load = Silk({"load", dir_.Sub("plain.nt.gz")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find("not gzip data"), std::string::npos) << load.err;
  EXPECT_EQ(Count(), "1");
}

TEST_F(LoadBulk, AFailedLoadSaysHowFarItGot) {
  const std::string path = dir_.Sub("big.nt");
  WriteFile(path, Lines(5000) + "<http://e/s> <http://e/p> oops .\n" + Lines(10, 5000));
  const std::uint64_t size = std::filesystem::file_size(path);
  ProcessResult load = Silk({"load", path});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find("stopped at " + path + ":5001 after 5,000 statements ("),
            std::string::npos)
      << load.err;
  EXPECT_NE(load.err.find(fmt::format(" of {:.1f} KiB)", static_cast<double>(size) / 1024)),
            std::string::npos)
      << "the file's size: " << load.err;
  EXPECT_NE(load.err.find("unchanged"), std::string::npos) << load.err;
}

TEST_F(LoadBulk, ProgressOnAPipeOnlyWhenAskedFor) {
  const std::string path = dir_.Sub("data.nt");
  WriteFile(path, Lines(100));
  ProcessResult quiet = Silk({"load", path});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");

  ProcessResult shown = Silk({"load", "--progress", path});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.err.find("100%"), std::string::npos) << shown.err;
  EXPECT_NE(shown.err.find("100 statements"), std::string::npos) << shown.err;
  EXPECT_NE(shown.err.find("left"), std::string::npos) << shown.err;

  // Standard input has no size: counts and rate, but no bar and no time left.
  ProcessResult piped = Silk({"load", "--progress", "--format", "ntriples", "-"}, Lines(7, 500));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_NE(piped.err.find("7 statements"), std::string::npos) << piped.err;
  EXPECT_EQ(piped.err.find('%'), std::string::npos) << piped.err;
  EXPECT_EQ(piped.err.find("left"), std::string::npos) << piped.err;
}

}  // namespace
}  // namespace silk::testing
