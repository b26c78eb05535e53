#include "shell/repl/completer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace silk::shell::repl {
namespace {

// IRIs from a sorted list, as the store would give them.
class ListIris final : public IriSource {
 public:
  explicit ListIris(std::vector<std::string> iris) : iris_(std::move(iris)) {}
  std::vector<std::string> IrisStartingWith(std::string_view prefix, std::size_t limit) override {
    std::vector<std::string> out;
    for (const std::string& iri : iris_) {
      if (iri.starts_with(prefix) && out.size() < limit) out.push_back(iri);
    }
    return out;
  }
  std::vector<std::string> PredicatesStartingWith(std::string_view prefix) override {
    std::vector<std::string> out;
    for (const std::string& iri : iris_) {
      if (iri.starts_with(prefix) && (iri.find("visited") != std::string::npos || iri.ends_with("prefLabel"))) {
        out.push_back(iri);
      }
    }
    return out;
  }

 private:
  std::vector<std::string> iris_;
};

struct TempDirForRepl {
  TempDirForRepl()
      : path((std::filesystem::temp_directory_path() / ("silk-completer-" + std::to_string(::getpid()))).string()) {
    std::filesystem::create_directories(path);
  }
  ~TempDirForRepl() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

class CompleterTest : public ::testing::Test {
 protected:
  Completion Run(std::string_view line) {
    return Complete(line, line.size(), {.prefixes = &prefixes_, .iris = &iris_});
  }
  Prefixes prefixes_ = {{"kca", "https://silkgraph.org/kca/"},
                        {"skos", "http://www.w3.org/2004/02/skos/core#"},
                        {"schema", "http://schema.org/"}};
  ListIris iris_{{"https://silkgraph.org/kca/SadyrJaparov", "https://silkgraph.org/kca/Seoul",
                  "https://silkgraph.org/kca/odd/name", "http://www.w3.org/2004/02/skos/core#prefLabel"}};
};

TEST_F(CompleterTest, PrefixedNamesFromTheStore) {
  const Completion c = Run("SELECT * { kca:SadyrJa");
  EXPECT_EQ(c.word_start, 11u);
  EXPECT_EQ(c.candidates, std::vector<std::string>{"kca:SadyrJaparov"});
  // A local name that would not read back as a prefixed name is left out.
  EXPECT_EQ(Run("kca:").candidates, (std::vector<std::string>{"kca:SadyrJaparov", "kca:Seoul"}));
  EXPECT_TRUE(Run("nope:Sa").candidates.empty());
}

TEST_F(CompleterTest, IrisInAngleBrackets) {
  EXPECT_EQ(Run("?s <https://silkgraph.org/kca/Se").candidates,
            std::vector<std::string>{"<https://silkgraph.org/kca/Seoul>"});
}

TEST_F(CompleterTest, KeywordsInTheUsersCaseAndPrefixes) {
  EXPECT_EQ(Run("SEL").candidates, std::vector<std::string>{"SELECT"});
  EXPECT_EQ(Run("sel").candidates, std::vector<std::string>{"select"});
  const std::vector<std::string> s = Run("SELECT * { ?x s").candidates;
  EXPECT_NE(std::find(s.begin(), s.end(), "skos:"), s.end());
  EXPECT_NE(std::find(s.begin(), s.end(), "schema:"), s.end());
}

TEST_F(CompleterTest, WhereAPredicateGoesPredicatesAreOffered) {
  iris_ = ListIris({"https://silkgraph.org/kca/SadyrJaparov", "https://silkgraph.org/kca/Seoul",
                    "https://silkgraph.org/kca/visited", "https://silkgraph.org/kca/vision"});
  EXPECT_EQ(Run("?x kca:").candidates, std::vector<std::string>{"kca:visited"});
  EXPECT_EQ(Run("SELECT * { ?x kca:vis").candidates, std::vector<std::string>{"kca:visited"});
  EXPECT_EQ(Run("SELECT * { ?x a kca:Person ; kca:").candidates, std::vector<std::string>{"kca:visited"});
  EXPECT_EQ(Run("SELECT * { ?x <http://e/p> \"a b\" . ?y kca:").candidates, std::vector<std::string>{"kca:visited"});
  // Subjects and objects get every name; a predicate position with no matching predicate too.
  EXPECT_EQ(Run("SELECT * { kca:S").candidates, (std::vector<std::string>{"kca:SadyrJaparov", "kca:Seoul"}));
  EXPECT_EQ(Run("?x kca:visited kca:Se").candidates, std::vector<std::string>{"kca:Seoul"});
  EXPECT_EQ(Run("?x kca:Se").candidates, std::vector<std::string>{"kca:Seoul"});
}

TEST_F(CompleterTest, EveryMatchIsOffered) {
  std::vector<std::string> many;
  for (int i = 0; i < 302; ++i) many.push_back("https://silkgraph.org/kca/name" + std::to_string(1000 + i));
  iris_ = ListIris(many);
  EXPECT_EQ(Run("kca:").candidates.size(), 302u);
}

TEST_F(CompleterTest, DotCommandsAtTheStartOfALine) {
  EXPECT_EQ(Run(".de").candidates, std::vector<std::string>{".describe"});
  EXPECT_EQ(Run("  .tim").candidates, (std::vector<std::string>{".timeout", ".timer"}));
}

TEST_F(CompleterTest, VariablesAlreadyTyped) {
  EXPECT_EQ(Run("SELECT ?country ?count { ?x ?p ?co").candidates,
            (std::vector<std::string>{"?count", "?country"}));
}

TEST_F(CompleterTest, FileNamesAfterLoadAndRead) {
  TempDirForRepl dir;
  std::ofstream(dir.path + "/graph.trig") << "";
  std::ofstream(dir.path + "/good.rq") << "";
  std::filesystem::create_directories(dir.path + "/gz");
  EXPECT_EQ(Run(".load " + dir.path + "/gr").candidates,
            std::vector<std::string>{dir.path + "/graph.trig"});
  EXPECT_EQ(Run(".read " + dir.path + "/g").candidates,
            (std::vector<std::string>{dir.path + "/good.rq", dir.path + "/graph.trig", dir.path + "/gz/"}));
}

}  // namespace
}  // namespace silk::shell::repl
