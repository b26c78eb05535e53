// The W3C SPARQL test suites, as far as the parser is concerned: every positive syntax test
// parses, every negative one is rejected, and every query of an evaluation test parses.
// The manifests are read with a small regular expression over their Turtle; the full
// Turtle-based conformance runner takes over the evaluation tests.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/query/query_parser.h"

namespace silk::query {
namespace {

namespace fs = std::filesystem;

fs::path ConformanceDir() {
  if (const char* dir = std::getenv("SILK_CONFORMANCE_DIR")) {
    return dir;
  }
  if (const char* source = std::getenv("SILK_SOURCE_DIR")) {
    return fs::path(source) / ".." / "shared" / "conformance";
  }
  return {};
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct ManifestEntry {
  fs::path file;
  bool positive = true;
};

// The syntax tests of one manifest: each `mf:PositiveSyntaxTest11` / `mf:NegativeSyntaxTest11`
// with the `mf:action <file>` that follows it.
std::vector<ManifestEntry> SyntaxTests(const fs::path& manifest) {
  const std::string text = ReadFile(manifest);
  static const std::regex kType(R"(mf:(Positive|Negative)SyntaxTest11)");
  static const std::regex kAction(R"(mf:action\s*<([^>]+)>)");
  std::vector<ManifestEntry> entries;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kType);
       it != std::sregex_iterator(); ++it) {
    std::smatch action;
    const auto from = text.begin() + it->position() + it->length();
    if (std::regex_search(from, text.end(), action, kAction)) {
      entries.push_back({manifest.parent_path() / action[1].str(), (*it)[1] == "Positive"});
    }
  }
  return entries;
}

// The query files of the evaluation tests of one manifest (`qt:query <file>`).
std::vector<fs::path> EvaluationQueries(const fs::path& manifest) {
  const std::string text = ReadFile(manifest);
  static const std::regex kQuery(R"(qt:query\s*<([^>]+)>)");
  std::vector<fs::path> files;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kQuery);
       it != std::sregex_iterator(); ++it) {
    files.push_back(manifest.parent_path() / (*it)[1].str());
  }
  return files;
}

// SPARQL as the W3C tests assume it: no predeclared prefixes, unbound projections allowed.
QueryParseOptions W3cOptions(const fs::path& file) {
  QueryParseOptions options;
  options.source_name = file.filename().string();
  options.base_iri = "file://" + fs::absolute(file).lexically_normal().string();
  options.reject_unbound_projections = false;
  return options;
}

std::vector<fs::path> Manifests(const std::string& suite) {
  std::vector<fs::path> manifests;
  const fs::path root = ConformanceDir() / "sparql" / suite;
  if (!fs::is_directory(root)) {
    return manifests;
  }
  for (const auto& dir : fs::directory_iterator(root)) {
    if (fs::exists(dir.path() / "manifest.ttl")) {
      manifests.push_back(dir.path() / "manifest.ttl");
    }
  }
  std::sort(manifests.begin(), manifests.end());
  return manifests;
}

class QuerySyntaxConformance : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::is_directory(ConformanceDir() / "sparql"))
        << "the W3C SPARQL tests were not found under '" << ConformanceDir().string()
        << "'; set SILK_CONFORMANCE_DIR to the conformance data directory (or SILK_SOURCE_DIR "
           "to the repository root)";
  }
};

TEST_F(QuerySyntaxConformance, SyntaxQuerySuite) {
  const auto entries =
      SyntaxTests(ConformanceDir() / "sparql" / "sparql11" / "syntax-query" / "manifest.ttl");
  int positive = 0;
  int negative = 0;
  int positive_ok = 0;
  int negative_ok = 0;
  for (const ManifestEntry& entry : entries) {
    const auto result = ParseQuery(ReadFile(entry.file), W3cOptions(entry.file));
    if (entry.positive) {
      ++positive;
      positive_ok += result.ok() ? 1 : 0;
      EXPECT_TRUE(result.ok()) << entry.file.filename().string() << " should parse:\n"
                               << result.error().ToString();
    } else {
      ++negative;
      negative_ok += result.ok() ? 0 : 1;
      EXPECT_FALSE(result.ok()) << entry.file.filename().string() << " should be rejected";
    }
  }
  std::printf("syntax-query: %d/%d positive parse, %d/%d negative rejected\n", positive_ok,
              positive, negative_ok, negative);
  EXPECT_EQ(positive, 63);
  EXPECT_EQ(negative, 31);
}

TEST_F(QuerySyntaxConformance, NegativeSyntaxTestsOfEvaluationSuites) {
  int total = 0;
  int rejected = 0;
  for (const fs::path& manifest : Manifests("sparql11")) {
    if (manifest.parent_path().filename() == "syntax-query") {
      continue;
    }
    for (const ManifestEntry& entry : SyntaxTests(manifest)) {
      const auto result = ParseQuery(ReadFile(entry.file), W3cOptions(entry.file));
      ++total;
      if (entry.positive) {
        rejected += result.ok() ? 1 : 0;  // counted as "as expected"
        EXPECT_TRUE(result.ok()) << entry.file.string() << ":\n" << result.error().ToString();
      } else {
        rejected += result.ok() ? 0 : 1;
        EXPECT_FALSE(result.ok()) << entry.file.string() << " should be rejected";
      }
    }
  }
  std::printf("syntax tests of the evaluation suites: %d/%d as expected\n", rejected, total);
  EXPECT_GT(total, 0);
}

TEST_F(QuerySyntaxConformance, EvaluationQueriesParse) {
  for (const std::string suite : {"sparql10", "sparql11"}) {
    int total = 0;
    int parsed = 0;
    for (const fs::path& manifest : Manifests(suite)) {
      for (const fs::path& file : EvaluationQueries(manifest)) {
        ++total;
        const auto result = ParseQuery(ReadFile(file), W3cOptions(file));
        parsed += result.ok() ? 1 : 0;
        EXPECT_TRUE(result.ok()) << file.string() << ":\n" << result.error().ToString();
      }
    }
    std::printf("%s evaluation queries: %d/%d parse\n", suite.c_str(), parsed, total);
    EXPECT_GT(total, 0);
  }
}

}  // namespace
}  // namespace silk::query
