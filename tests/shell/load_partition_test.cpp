// `silk load --partition K/N` end to end: N parts loaded from the same files hold every
// statement exactly once, all statements about a subject in one part; every input format
// puts a subject in the same part; and words that name no part are refused before any store
// is made.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

constexpr int kParts = 3;

// Subjects of every kind: IRIs written in full, with prefixes and relative to the base;
// labelled blank nodes; anonymous ones ([ ] and a list); statements in named graphs; a
// subject whose statements are spread over the file and over two graphs.
constexpr std::string_view kTriG = R"(@prefix ex: <http://example.org/> .
@base <http://example.org/base/> .
ex:alice ex:knows ex:bob ; ex:name "Alice" ; ex:address [ ex:city "Seoul" ; ex:zip "04524" ] .
<http://example.org/bob> ex:knows ex:carol ; ex:name "Bob"@en .
<dave> ex:knows ex:alice .
_:x ex:name "a labelled blank node" ; ex:knows ex:alice .
ex:list ex:members ( ex:alice ex:bob ) .
ex:g1 { ex:alice ex:age 42 . ex:erin ex:knows _:x . ex:frank ex:name "Frank" . }
ex:g2 { ex:alice ex:city "Almaty" . ex:gina ex:knows ex:harry . }
ex:harry ex:name "Harry" ; ex:knows ex:alice , ex:bob , ex:carol .
)";

class LoadPartition : public ::testing::Test {
 protected:
  ProcessResult Silk(const std::string& db, std::vector<std::string> args,
                     const std::string& input = "") {
    args.insert(args.begin(), {"--db", dir_.Sub(db)});
    return RunSilk(args, input);
  }

  // The dump of `db`, one line a statement, sorted, with each blank node's label (its id in
  // that store) replaced by "_:": stores number their blank nodes each their own way.
  std::vector<std::string> Dump(const std::string& db) {
    const ProcessResult dump = Silk(db, {"dump"});
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    static const std::regex kLabel("_:[A-Za-z0-9_.-]+");
    std::vector<std::string> lines;
    std::istringstream in(dump.out);
    for (std::string line; std::getline(in, line);) {
      lines.push_back(std::regex_replace(line, kLabel, "_:"));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  }

  // Loads `files` as part K of kParts into store "partK" for each K, and as a whole into
  // "whole"; expects every load to succeed.
  void LoadParts(const std::vector<std::string>& files) {
    std::vector<std::string> args = {"load"};
    args.insert(args.end(), files.begin(), files.end());
    ASSERT_EQ(Silk("whole", args).exit_code, 0);
    for (int k = 1; k <= kParts; ++k) {
      std::vector<std::string> part = args;
      part.push_back("--partition");
      part.push_back(std::to_string(k) + "/" + std::to_string(kParts));
      const ProcessResult load = Silk("part" + std::to_string(k), part);
      ASSERT_EQ(load.exit_code, 0) << load.err;
      EXPECT_NE(load.out.find("Part " + std::to_string(k) + " of 3: kept "), std::string::npos)
          << load.out;
    }
  }

  TempDir dir_;
};

TEST_F(LoadPartition, PartsHoldEveryStatementOnceAndEachSubjectInOnePart) {
  WriteFile(dir_.Sub("data.trig"), std::string(kTriG));
  LoadParts({dir_.Sub("data.trig")});

  std::vector<std::string> together;
  std::map<std::string, int> part_of_subject;
  for (int k = 1; k <= kParts; ++k) {
    const std::vector<std::string> part = Dump("part" + std::to_string(k));
    EXPECT_FALSE(part.empty()) << "part " << k << " is empty: the test data spreads too little";
    for (const std::string& line : part) {
      const std::string subject = line.substr(0, line.find(' '));
      if (subject == "_:") continue;  // labels differ per store; counted below as a whole
      const auto [it, added] = part_of_subject.emplace(subject, k);
      EXPECT_EQ(it->second, k) << subject << " is in parts " << it->second << " and " << k;
    }
    together.insert(together.end(), part.begin(), part.end());
  }
  std::sort(together.begin(), together.end());
  EXPECT_EQ(together, Dump("whole"));
}

// The same statements written as N-Triples, N-Quads, Turtle (prefixes, a base), TriG and
// gzipped N-Triples: each part is the same whatever the format.
TEST_F(LoadPartition, EveryFormatPutsASubjectInTheSamePart) {
  std::string ntriples;
  std::string turtle = "@prefix ex: <http://example.org/> .\n@base <http://example.org/> .\n";
  for (int i = 0; i < 300; ++i) {
    const std::string s = "s" + std::to_string(i);
    ntriples += "<http://example.org/" + s + "> <http://example.org/p> \"" + std::to_string(i) +
                "\" .\n<http://example.org/" + s + "> <http://example.org/q> <http://example.org/s" +
                std::to_string((i * 7) % 300) + "> .\n";
    turtle += (i % 2 ? "ex:" + s : "<" + s + ">") + " ex:p \"" + std::to_string(i) +
              "\" ; ex:q ex:s" + std::to_string((i * 7) % 300) + " .\n";
  }
  WriteFile(dir_.Sub("data.nt"), ntriples);
  WriteFile(dir_.Sub("data.nq"), ntriples);
  WriteFile(dir_.Sub("data.ttl"), turtle);
  const std::size_t body = turtle.find("<s0>");
  WriteFile(dir_.Sub("data.trig"), turtle.substr(0, body) + "{\n" + turtle.substr(body) + "}\n");
  gzFile gz = gzopen(dir_.Sub("data.nt.gz").c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, ntriples.data(), static_cast<unsigned>(ntriples.size())),
            static_cast<int>(ntriples.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);

  std::vector<std::string> reference;
  for (const std::string name : {"data.nt", "data.nq", "data.ttl", "data.trig", "data.nt.gz"}) {
    const std::string db = "p2_" + name;
    const ProcessResult load = Silk(db, {"load", dir_.Sub(name), "--partition", "2/3"});
    ASSERT_EQ(load.exit_code, 0) << name << ": " << load.err;
    const std::vector<std::string> part = Dump(db);
    if (reference.empty()) {
      reference = part;
      EXPECT_GT(part.size(), 100u);
      EXPECT_LT(part.size(), 500u);
    } else {
      EXPECT_EQ(part, reference) << name;
    }
  }
}

TEST_F(LoadPartition, WordsThatNameNoPartAreRefusedBeforeAnyStoreIsMade) {
  WriteFile(dir_.Sub("data.nt"), "<http://e/s> <http://e/p> <http://e/o> .\n");
  for (const std::string words : {"4/3", "0/3", "0/0", "1/0", "x/y", "3", "1/3/5", "-1/3", ""}) {
    const ProcessResult load = Silk("db", {"load", dir_.Sub("data.nt"), "--partition", words});
    EXPECT_EQ(load.exit_code, 2) << words;
    EXPECT_NE(load.err.find("--partition needs K/N"), std::string::npos) << load.err;
    EXPECT_NE(load.err.find("'" + words + "'"), std::string::npos) << load.err;
    EXPECT_FALSE(std::filesystem::exists(dir_.Sub("db"))) << words;
  }
}

TEST_F(LoadPartition, OnePartOfOneIsEverything) {
  WriteFile(dir_.Sub("data.trig"), std::string(kTriG));
  ASSERT_EQ(Silk("whole", {"load", dir_.Sub("data.trig")}).exit_code, 0);
  const ProcessResult load = Silk("one", {"load", dir_.Sub("data.trig"), "--partition", "1/1"});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(Dump("one"), Dump("whole"));
}

TEST_F(LoadPartition, TheShellsLoadAndTheHelpKnowIt) {
  WriteFile(dir_.Sub("data.trig"), std::string(kTriG));
  LoadParts({dir_.Sub("data.trig")});
  const ProcessResult shell =
      Silk("shell_part", {"shell"}, ".load " + dir_.Sub("data.trig") + " --partition 1/3\n");
  EXPECT_EQ(shell.exit_code, 0) << shell.err;
  EXPECT_EQ(Dump("shell_part"), Dump("part1"));

  const ProcessResult help = RunSilk({"load", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--partition K/N"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("FNV-1a-64"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace silk::testing
