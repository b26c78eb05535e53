// Output that cannot be written fails loudly: every command that writes results or a dump to
// a full disk (/dev/full) exits with code 3 and says the disk is full, whatever the size of
// the output, instead of exiting 0 with a truncated file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

constexpr char kFull[] = "/dev/full";
constexpr char kDiskFull[] = "cannot write the output: the disk is full";

class OutputErrors : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kFull)) return;
    dir_ = new TempDir();
    // Small: a few hundred bytes. Large: about 3 MB, more than any buffer in between.
    std::string small;
    std::string large;
    for (int i = 0; i < 5; ++i) {
      small += fmt("<http://e/s{}> <http://e/p> \"small {}\" <http://e/g> .\n", i, i);
      small += fmt("<http://e/s{}> <http://e/p> \"default {}\" .\n", i, i);
    }
    for (int i = 0; i < 40000; ++i) {
      large += fmt("<http://example.org/subject/{}> <http://example.org/predicate> "
                   "\"a literal long enough to fill the buffers {}\" .\n", i, i);
    }
    WriteFile(dir_->Sub("small.nq"), small);
    WriteFile(dir_->Sub("large.nt"), large);
    ASSERT_EQ(RunSilk({"--db", dir_->Sub("small"), "load", dir_->Sub("small.nq")}).exit_code, 0);
    ASSERT_EQ(RunSilk({"--db", dir_->Sub("large"), "load", dir_->Sub("large.nt")}).exit_code, 0);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (dir_ == nullptr) GTEST_SKIP() << kFull << " does not exist on this system";
  }

  // "{}" replaced by each argument in turn: enough for the test data.
  template <typename... Args>
  static std::string fmt(std::string text, Args... args) {
    ((text.replace(text.find("{}"), 2, std::to_string(args))), ...);
    return text;
  }

  static void ExpectDiskFull(const ProcessResult& result, const std::string& what) {
    EXPECT_EQ(result.exit_code, 3) << what << "\n" << result.err;
    EXPECT_NE(result.err.find(kDiskFull), std::string::npos) << what << "\n" << result.err;
  }

  static ProcessResult SilkToFull(const std::string& store, std::vector<std::string> args,
                                  const std::string& input = "") {
    args.insert(args.begin(), {"--db", dir_->Sub(store)});
    return RunSilkTo(args, kFull, input);
  }

  static TempDir* dir_;
};

TempDir* OutputErrors::dir_ = nullptr;

TEST_F(OutputErrors, DumpOfAnySizeToAFullDiskFails) {
  for (const std::string store : {"small", "large"}) {
    ExpectDiskFull(SilkToFull(store, {"dump"}), store + " dump");
    ExpectDiskFull(SilkToFull(store, {"dump", "--format", "ntriples"}), store + " ntriples dump");
  }
}

TEST_F(OutputErrors, QueryInEveryFormatToAFullDiskFails) {
  const std::string select = "SELECT * WHERE { ?s ?p ?o }";
  const std::string construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
  for (const std::string store : {"small", "large"}) {
    for (const std::string format : {"table", "tsv", "csv", "json", "xml"}) {
      ExpectDiskFull(SilkToFull(store, {"query", "--format", format, select}),
                     store + " SELECT as " + format);
    }
    for (const std::string format : {"turtle", "trig", "ntriples", "nquads"}) {
      ExpectDiskFull(SilkToFull(store, {"query", "--format", format, construct}),
                     store + " CONSTRUCT as " + format);
    }
    ExpectDiskFull(SilkToFull(store, {"query", "ASK { ?s ?p ?o }"}), store + " ASK");
    ExpectDiskFull(SilkToFull(store, {"query", "EXPLAIN " + select}), store + " EXPLAIN");
  }
}

TEST_F(OutputErrors, OtherCommandsToAFullDiskFail) {
  ExpectDiskFull(SilkToFull("small", {"stats"}), "stats");
  ExpectDiskFull(SilkToFull("small", {"schema"}), "schema");
  ExpectDiskFull(SilkToFull("small", {"check"}), "check");
}

TEST_F(OutputErrors, ShellResultsToAFullDiskFail) {
  for (const std::string store : {"small", "large"}) {
    ExpectDiskFull(SilkToFull(store, {"shell"}, "SELECT * WHERE { ?s ?p ?o };\n"), store + " shell query");
    ExpectDiskFull(SilkToFull(store, {"shell"}, ".mode csv\nSELECT * WHERE { ?s ?p ?o };\n"),
                   store + " shell csv");
    ExpectDiskFull(SilkToFull(store, {"shell"}, ".dump\n"), store + " shell .dump");
  }
}

TEST_F(OutputErrors, ShellOutputFileOnAFullDiskFailsAndIsClosed) {
  for (const std::string store : {"small", "large"}) {
    for (const std::string statement : {"SELECT * WHERE { ?s ?p ?o };", ".dump"}) {
      const std::string script = ".output /dev/full\n" + statement + "\n";
      ProcessResult result = RunSilk({"--db", dir_->Sub(store), "shell"}, script);
      ExpectDiskFull(result, store + " " + statement);
      EXPECT_NE(result.err.find("(to '/dev/full'); .output is closed"), std::string::npos)
          << result.err;
    }
  }
  // --keep-going: the next statement writes to standard output again.
  ProcessResult result = RunSilk({"--db", dir_->Sub("small"), "shell", "--keep-going"},
                                 ".output /dev/full\n.dump\nASK { ?s ?p ?o };\n");
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.out.find("true"), std::string::npos) << result.out;
}

TEST_F(OutputErrors, OutputThatFitsStillSucceeds) {
  ProcessResult dump = RunSilk({"--db", dir_->Sub("small"), "dump"});
  EXPECT_EQ(dump.exit_code, 0) << dump.err;
  EXPECT_NE(dump.out.find("\"small 4\""), std::string::npos) << dump.out;
  ProcessResult to_null = RunSilkTo({"--db", dir_->Sub("large"), "dump"}, "/dev/null");
  EXPECT_EQ(to_null.exit_code, 0) << to_null.err;
}

}  // namespace
}  // namespace silk::testing
