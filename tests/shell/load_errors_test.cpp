// A failed load says where and why, exits with the documented code, and changes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "engine/storage/store.h"
#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

constexpr char kGood[] = "<http://e/s> <http://e/p> \"first\" .\n";

class LoadErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("good.nt"), kGood);
    ASSERT_EQ(Silk({"load", dir_.Sub("good.nt")}).exit_code, 0);
    before_ = Silk({"dump"}).out;
  }

  ProcessResult Silk(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", dir_.Sub("db")});
    return RunSilk(args, input);
  }

  void ExpectUnchanged() {
    EXPECT_EQ(Silk({"dump"}).out, before_);
    EXPECT_EQ(Silk({"check"}).exit_code, 0);
  }

  TempDir dir_;
  std::string before_;
};

TEST_F(LoadErrors, MalformedLineNamesFileLineAndColumn) {
  std::string text;
  for (int i = 0; i < 5000; ++i) {
    text += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"ok\" .\n";
  }
  text += "<http://e/bad> <http://e/p> \"unterminated .\n";
  WriteFile(dir_.Sub("bad.nt"), text);

  ProcessResult load = Silk({"load", dir_.Sub("bad.nt")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find(dir_.Sub("bad.nt") + ":5001:"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("^"), std::string::npos) << "a caret under the column: " << load.err;
  EXPECT_NE(load.err.find("unchanged"), std::string::npos) << load.err;
  ExpectUnchanged();
}

TEST_F(LoadErrors, ABadSecondFileLoadsNeitherFile) {
  WriteFile(dir_.Sub("fine.nt"), "<http://e/new> <http://e/p> \"new\" .\n");
  WriteFile(dir_.Sub("bad.nq"), "<http://e/s> <http://e/p> \"x\" <http://e/g> <http://e/extra> .\n");
  ProcessResult load = Silk({"load", dir_.Sub("fine.nt"), dir_.Sub("bad.nq")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find(dir_.Sub("bad.nq") + ":1:"), std::string::npos) << load.err;
  ExpectUnchanged();
}

TEST_F(LoadErrors, GraphNameInNTriplesIsAnError) {
  WriteFile(dir_.Sub("quads.nt"), "<http://e/s> <http://e/p> \"x\" <http://e/g> .\n");
  ProcessResult load = Silk({"load", dir_.Sub("quads.nt")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find(":1:"), std::string::npos) << load.err;
  ExpectUnchanged();
}

TEST_F(LoadErrors, SkipBadLeavesOutMalformedTurtleStatementsWhole) {
  const std::string path = dir_.Sub("mixed.ttl");
  WriteFile(path,
            "@prefix e: <http://e/> .\n"
            "e:a e:p \"one\", \"two\" .\n"
            "e:b e:p \"three\" ; e:q \"unterminated .\n"
            "e:c e:p \"\"\"a long\n"
            "string . \\q\"\"\" .\n"
            "e:d e:p \"four\" .\n");
  ProcessResult load = Silk({"load", "--skip-bad", path});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("Loaded 3 statements"), std::string::npos) << load.out;
  const std::string report = path + ".rejected.txt";
  EXPECT_NE(load.err.find("Skipped 2 malformed statements; see " + report), std::string::npos)
      << load.err;

  // The bad statements' triples are all left out, even those before the error.
  const std::string dump = Silk({"dump"}).out;
  EXPECT_NE(dump.find("\"four\""), std::string::npos) << dump;
  EXPECT_EQ(dump.find("\"three\""), std::string::npos) << dump;
  const std::string text = ReadFile(report);
  EXPECT_NE(text.find("# " + path + ":3:38: expected '\"' to close the string"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\ne:b e:p \"three\" ; e:q \"unterminated .\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# " + path + ":5:11: expected an escape sequence"), std::string::npos)
      << text;
  EXPECT_EQ(Silk({"check"}).exit_code, 0);
}

TEST_F(LoadErrors, MissingFileIsReportedBeforeAnythingIsLoaded) {
  ProcessResult load = Silk({"load", dir_.Sub("good.nt"), dir_.Sub("missing.nt")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find("cannot open"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("missing.nt"), std::string::npos) << load.err;
  ExpectUnchanged();
}

TEST_F(LoadErrors, SecondWriterIsToldTheStoreIsInUse) {
  auto holder = storage::Store::Open(dir_.Sub("db"), {});
  ASSERT_TRUE(holder.ok()) << holder.status().message();

  ProcessResult load = Silk({"load", dir_.Sub("good.nt")});
  EXPECT_EQ(load.exit_code, 3);
  EXPECT_NE(load.err.find("in use"), std::string::npos) << load.err;

  // Readers are not writers: they still get in.
  ProcessResult dump = Silk({"dump"});
  EXPECT_EQ(dump.exit_code, 0) << dump.err;
  EXPECT_EQ(dump.out, before_);
}

TEST_F(LoadErrors, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Silk({"load"}).exit_code, 2);
  EXPECT_EQ(Silk({"load", dir_.Sub("good.nt"), "--graph", "not an iri"}).exit_code, 2);
  EXPECT_EQ(Silk({"load", dir_.Sub("good.txt")}).exit_code, 2);
  EXPECT_EQ(Silk({"load", "-", "--format", "rdfxml"}).exit_code, 2);
  EXPECT_EQ(Silk({"dump", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(Silk({"stats", "--bogus"}).exit_code, 2);
  ProcessResult typo = Silk({"lod"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'load'"), std::string::npos) << typo.err;
  ExpectUnchanged();
}

// --report naming an input would truncate it before it is read: refused, by any name.
TEST_F(LoadErrors, ReportThatIsAnInputIsRefused) {
  const std::string data = dir_.Sub("data.nt");
  const std::string text = std::string(kGood) + "bad line\n<http://e/s2> <http://e/p> \"x\" .\n";
  WriteFile(data, text);
  std::filesystem::create_symlink(data, dir_.Sub("link.nt"));
  std::filesystem::create_hard_link(data, dir_.Sub("hard.nt"));
  for (const std::string& report :
       {data, dir_.Sub("link.nt"), dir_.Sub("hard.nt"), dir_.Sub("./data.nt")}) {
    ProcessResult load = Silk({"load", data, "--skip-bad", "--report", report});
    EXPECT_EQ(load.exit_code, 2) << report << "\n" << load.err;
    EXPECT_NE(load.err.find("is the input"), std::string::npos) << load.err;
    EXPECT_EQ(ReadFile(data), text) << report;
  }
  // The same through the shell's .load.
  ProcessResult shell =
      Silk({"shell"}, ".load '" + data + "' --skip-bad --report '" + dir_.Sub("link.nt") + "'\n");
  EXPECT_NE(shell.exit_code, 0);
  EXPECT_NE(shell.err.find("is the input"), std::string::npos) << shell.err;
  EXPECT_EQ(ReadFile(data), text);
  ExpectUnchanged();
}

// A report inside the store would overwrite or add to the store's own files: refused.
TEST_F(LoadErrors, ReportInsideTheStoreIsRefused) {
  WriteFile(dir_.Sub("bad.nt"), std::string(kGood) + "bad line\n");
  std::filesystem::create_directory_symlink(dir_.Sub("db"), dir_.Sub("db-link"));
  for (const std::string& report : {dir_.Sub("db/CURRENT"), dir_.Sub("db/report.txt"),
                                   dir_.Sub("db-link/CURRENT"), dir_.Sub("db/../db/OPTIONS")}) {
    ProcessResult load = Silk({"load", dir_.Sub("bad.nt"), "--skip-bad", "--report", report});
    EXPECT_EQ(load.exit_code, 2) << report << "\n" << load.err;
    EXPECT_NE(load.err.find("inside the store"), std::string::npos) << load.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("db/report.txt")));
  ProcessResult shell = Silk(
      {"shell"}, ".load '" + dir_.Sub("bad.nt") + "' --skip-bad --report '" + dir_.Sub("db/CURRENT") + "'\n");
  EXPECT_NE(shell.exit_code, 0);
  EXPECT_NE(shell.err.find("inside the store"), std::string::npos) << shell.err;
  ExpectUnchanged();
}

// The report is written whole beside its path and renamed: an old report is replaced only by
// a complete new one, and no temporary file is left behind.
TEST_F(LoadErrors, ReportReplacesAnOldOneWholeAndLeavesNoTemporaryFile) {
  const std::string report = dir_.Sub("report.txt");
  WriteFile(report, "an old report\n");
  WriteFile(dir_.Sub("bad.nt"), "bad line\n<http://e/s3> <http://e/p> \"y\" .\n");
  ProcessResult load = Silk({"load", dir_.Sub("bad.nt"), "--skip-bad", "--report", report});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  const std::string text = ReadFile(report);
  EXPECT_EQ(text.find("an old report"), std::string::npos) << text;
  EXPECT_NE(text.find("\nbad line\n"), std::string::npos) << text;
  // A load with nothing to report leaves the file at the path alone.
  WriteFile(report, "an old report\n");
  ASSERT_EQ(Silk({"load", dir_.Sub("good.nt"), "--skip-bad", "--report", report}).exit_code, 0);
  EXPECT_EQ(ReadFile(report), "an old report\n");
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".report.txt."), std::string::npos)
        << entry.path();
  }
}

// A directory is a data error (exit code 1), as a missing file is, and says so.
TEST_F(LoadErrors, DirectoryInputIsNamedAsADirectory) {
  std::filesystem::create_directory(dir_.Sub("data.nt"));
  for (const std::string& path : {dir_.Sub("data.nt"), dir_.Sub("data.nt/")}) {
    ProcessResult load = Silk({"load", path});
    EXPECT_EQ(load.exit_code, 1) << load.err;
    EXPECT_NE(load.err.find("'" + path + "' is a directory"), std::string::npos) << load.err;
    ProcessResult shell = Silk({"shell"}, ".load '" + path + "'\n");
    EXPECT_EQ(shell.exit_code, 1) << shell.err;
    EXPECT_NE(shell.err.find("'" + path + "' is a directory"), std::string::npos) << shell.err;
  }
  ExpectUnchanged();
}

// A syntax error on a huge line shows the line around the column, not all of it.
TEST_F(LoadErrors, SyntaxErrorOnAHugeLineShowsAShortExcerpt) {
  std::string line = "<http://e/s> <http://e/p> \"" + std::string(5'000'000, 'a') + "\" ";
  line += "oops .\n";
  WriteFile(dir_.Sub("huge.nt"), line);
  ProcessResult load = Silk({"load", dir_.Sub("huge.nt")});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find("huge.nt:1:"), std::string::npos) << load.err.substr(0, 500);
  EXPECT_LT(load.err.size(), 2000u) << load.err.substr(0, 500);
  EXPECT_NE(load.err.find("\n  …aaa"), std::string::npos) << load.err.substr(0, 500);
  ExpectUnchanged();
}

}  // namespace
}  // namespace silk::testing
