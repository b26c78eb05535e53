// What `silk load` makes of its words: relative IRIs resolve against each file's own file: IRI
// or --base, never reach the store as written, and a dump loads back into the same store.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

class LoadRequestTest : public ::testing::Test {
 protected:
  ProcessResult Silk(std::vector<std::string> args, const std::string& input = "",
                     const std::string& db = "db") {
    args.insert(args.begin(), {"--db", dir_.Sub(db)});
    return RunSilk(args, input);
  }

  std::string Dump(const std::string& db = "db") {
    ProcessResult dump = Silk({"dump"}, "", db);
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    return dump.out;
  }

  TempDir dir_;
};

// The dump's lines in text order (a dump is in the order of term ids).
std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Blank nodes renamed in the order they first appear: two dumps of stores that differ only in
// their blank nodes' internal ids compare equal.
std::string WithBlankNodesInOrder(const std::string& dump) {
  static const std::regex kLabel("_:[A-Za-z0-9]+");
  std::map<std::string, std::string> renamed;
  std::string out;
  auto last = dump.cbegin();
  for (std::sregex_iterator it(dump.begin(), dump.end(), kLabel), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    auto [entry, added] = renamed.try_emplace(it->str(), "_:n" + std::to_string(renamed.size()));
    out += entry->second;
    last = (*it)[0].second;
  }
  out.append(last, dump.cend());
  return out;
}

TEST_F(LoadRequestTest, RelativeIrisResolveAgainstTheFilesOwnIri) {
  // A directory whose name an IRI cannot hold as it is.
  std::filesystem::create_directories(dir_.Sub("my data#1"));
  const std::string path = dir_.Sub("my data#1/rel.ttl");
  WriteFile(path, "<> <p> <#o> , <../up> , <sub/x> .\n");
  ProcessResult load = Silk({"load", path});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  const std::string dir = "file://" + dir_.path().string() + "/my%20data%231/";
  EXPECT_EQ(SortedLines(Dump()),
            SortedLines("<" + dir + "rel.ttl> <" + dir + "p> <" + dir + "rel.ttl#o> .\n"
                        "<" + dir + "rel.ttl> <" + dir + "p> <" + dir + "sub/x> .\n"
                        "<" + dir + "rel.ttl> <" + dir + "p> <file://" + dir_.path().string() +
                        "/up> .\n"));
}

TEST_F(LoadRequestTest, EachFileIsItsOwnBaseSoTheirEmptyIrisStayApart) {
  // The W3C manifests each say `<> a mf:Manifest`: two files, two manifests.
  const std::string manifest =
      "@prefix mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#> .\n"
      "<> a mf:Manifest ; mf:entries ( <#test-1> ) .\n";
  std::filesystem::create_directories(dir_.Sub("a"));
  std::filesystem::create_directories(dir_.Sub("b"));
  WriteFile(dir_.Sub("a/manifest.ttl"), manifest);
  WriteFile(dir_.Sub("b/manifest.ttl"), manifest);
  ASSERT_EQ(Silk({"load", dir_.Sub("a/manifest.ttl"), dir_.Sub("b/manifest.ttl")}).exit_code, 0);
  ProcessResult manifests = Silk(
      {"query", "--format", "tsv",
       "SELECT ?m WHERE { ?m a <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#Manifest> "
       "} ORDER BY ?m"});
  ASSERT_EQ(manifests.exit_code, 0) << manifests.err;
  EXPECT_EQ(manifests.out, "?m\n<file://" + dir_.Sub("a/manifest.ttl") + ">\n<file://" +
                               dir_.Sub("b/manifest.ttl") + ">\n");
}

TEST_F(LoadRequestTest, BaseOptionTakesThePlaceOfTheFilesIriAndAtBaseOfBoth) {
  WriteFile(dir_.Sub("a.ttl"), "<s> <p> <o> .\n@base <http://declared/> .\n<s> <p> <o> .\n");
  ProcessResult load = Silk({"load", dir_.Sub("a.ttl"), "--base", "<http://given/dir/>"});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(SortedLines(Dump()),
            SortedLines("<http://declared/s> <http://declared/p> <http://declared/o> .\n"
                        "<http://given/dir/s> <http://given/dir/p> <http://given/dir/o> .\n"));
}

TEST_F(LoadRequestTest, StandardInputHasNoIriSoARelativeIriNeedsABase) {
  ProcessResult load = Silk({"load", "-", "--format", "turtle"}, "<http://e/s> <http://e/p> <o> .\n");
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_NE(load.err.find("<stdin>:1:27: cannot resolve the relative IRI 'o': there is no base IRI"),
            std::string::npos)
      << load.err;
  EXPECT_NE(load.err.find("unchanged"), std::string::npos) << load.err;
  EXPECT_EQ(Dump(), "");

  load = Silk({"load", "-", "--format", "turtle", "--base", "http://b/"},
              "<http://e/s> <http://e/p> <o> .\n");
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(Dump(), "<http://e/s> <http://e/p> <http://b/o> .\n");
}

TEST_F(LoadRequestTest, NTriplesAndNQuadsAllowNoRelativeIri) {
  WriteFile(dir_.Sub("rel.nt"), "<http://e/s> <http://e/p> <o> .\n");
  WriteFile(dir_.Sub("rel.nq"), "<http://e/s> <http://e/p> <http://e/o> <g> .\n");
  for (const char* file : {"rel.nt", "rel.nq"}) {
    // --base changes nothing: these formats have no relative IRIs to resolve.
    ProcessResult load = Silk({"load", dir_.Sub(file), "--base", "http://b/"});
    EXPECT_EQ(load.exit_code, 1) << file;
    EXPECT_NE(load.err.find("relative IRI"), std::string::npos) << load.err;
  }
  EXPECT_EQ(Dump(), "");
}

TEST_F(LoadRequestTest, GraphAndBaseMustBeAbsoluteIris) {
  WriteFile(dir_.Sub("a.nt"), "<http://e/s> <http://e/p> <http://e/o> .\n");
  const std::pair<std::vector<std::string>, std::string> kCases[] = {
      {{"--graph", "not an iri"},
       "--graph needs an absolute IRI such as <http://example.org/g>, not 'not an iri' (it has "
       "no scheme such as http:)"},
      {{"--graph", "http://e/a b"}, "(it contains a space, which IRIs cannot)"},
      {{"--graph", "<http://e/<g>>"}, "(it contains '<', which IRIs cannot)"},
      {{"--graph", ""}, "not ''"},
      {{"--base", "dir/"}, "--base needs an absolute IRI such as <http://example.org/>, not 'dir/'"},
  };
  for (const auto& [options, message] : kCases) {
    std::vector<std::string> args = {"load", dir_.Sub("a.nt")};
    args.insert(args.end(), options.begin(), options.end());
    ProcessResult load = Silk(args);
    EXPECT_EQ(load.exit_code, 2) << options[1];
    EXPECT_NE(load.err.find(message), std::string::npos) << load.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("db")));  // a refused load makes no store
  ASSERT_EQ(Silk({"load", dir_.Sub("a.nt"), "--graph", "<http://e/g>"}).exit_code, 0);
  EXPECT_EQ(Dump(), "<http://e/s> <http://e/p> <http://e/o> <http://e/g> .\n");
}

TEST_F(LoadRequestTest, AGraphGivenAsASecondFileGetsAHint) {
  WriteFile(dir_.Sub("a.nt"), "<http://e/s> <http://e/p> <http://e/o> .\n");
  ProcessResult load = Silk({"load", dir_.Sub("a.nt"), "http://e/g"});
  EXPECT_EQ(load.exit_code, 2);
  EXPECT_NE(load.err.find("to load into the graph <http://e/g>, use --graph"), std::string::npos)
      << load.err;
}

TEST_F(LoadRequestTest, ADumpLoadsBackIntoTheSameStore) {
  // Relative IRIs, prefixes, collections, blank nodes, literals, named graphs.
  WriteFile(dir_.Sub("data.trig"),
            "@prefix : <#> .\n"
            "<> a :Manifest ; :entries ( <t1> <sub/t2> ) .\n"
            ":t1 :name \"one\"@en ; :next [ :name \"anon\" ] ; :n 7, 1.5, \"x\\ty\" .\n"
            "<#g> { <../up> :p _:x . _:x :q \"2024-06-11\"^^<http://www.w3.org/2001/XMLSchema#date> }\n");
  ASSERT_EQ(Silk({"load", dir_.Sub("data.trig")}).exit_code, 0);
  const std::string first = Dump();
  ASSERT_EQ(first.find("<#"), std::string::npos) << first;
  WriteFile(dir_.Sub("dump.nq"), first);
  ProcessResult reload = Silk({"load", dir_.Sub("dump.nq")}, "", "copy");
  ASSERT_EQ(reload.exit_code, 0) << reload.err;
  EXPECT_EQ(reload.out.substr(0, reload.out.find(" from ")),
            "Loaded 14 statements (14 new)");
  EXPECT_EQ(WithBlankNodesInOrder(Dump("copy")), WithBlankNodesInOrder(first));
  EXPECT_EQ(Silk({"check"}, "", "copy").exit_code, 0);
}

}  // namespace
}  // namespace silk::testing
