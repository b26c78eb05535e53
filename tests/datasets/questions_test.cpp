// Every questions/NAME.rq, run with `silk query --format tsv` against the shipped graph, must
// print exactly questions/NAME.tsv. One test per question, so a failure names the question.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

std::vector<std::string> QuestionNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(SILK_QUESTIONS_DIR)) {
    if (entry.path().extension() == ".rq") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// One store for all questions: loading the graph once keeps the suite fast, and no question
// writes to it.
class ShippedGraph : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    ProcessResult load = RunSilk({"--db", Db(), "load", SILK_DATASET_FILE});
    ASSERT_EQ(load.exit_code, 0) << load.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Db() { return dir_->Sub("db"); }

  static TempDir* dir_;
};

TempDir* ShippedGraph::dir_ = nullptr;

TEST_P(ShippedGraph, AnswersAsExpected) {
  const std::string base = std::string(SILK_QUESTIONS_DIR) + "/" + GetParam();
  ProcessResult result = RunSilk({"--db", Db(), "query", "-f", base + ".rq", "--format", "tsv"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, ReadFile(base + ".tsv")) << "question: " << base << ".rq";
}

INSTANTIATE_TEST_SUITE_P(Questions, ShippedGraph, ::testing::ValuesIn(QuestionNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return "q" + param.param;
                         });

TEST(ShippedGraphFile, HasAtLeastTwentyFiveQuestions) {
  EXPECT_GE(QuestionNames().size(), 25u);
}

// The graph is consistent once loaded: every index agrees.
TEST(ShippedGraphFile, LoadsAndChecks) {
  TempDir dir;
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", SILK_DATASET_FILE}).exit_code, 0);
  ProcessResult check = RunSilk({"--db", dir.Sub("db"), "check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

// Every statement inside a named graph must come from that article: no named graph other than
// the four articles, and each article is described in the default graph.
TEST(ShippedGraphFile, OneNamedGraphPerDescribedArticle) {
  TempDir dir;
  ASSERT_EQ(RunSilk({"--db", dir.Sub("db"), "load", SILK_DATASET_FILE}).exit_code, 0);
  ProcessResult graphs = RunSilk(
      {"--db", dir.Sub("db"), "query",
       "SELECT DISTINCT ?g ?described WHERE { GRAPH ?g { ?s ?p ?o } "
       "BIND (EXISTS { ?g a schema:NewsArticle ; <https://silkgraph.org/kca/fileId> ?id } "
       "AS ?described) } ORDER BY ?g",
       "--format", "tsv"});
  ASSERT_EQ(graphs.exit_code, 0) << graphs.err;
  EXPECT_EQ(graphs.out,
            "?g\t?described\n"
            "<https://silkgraph.org/kca/source/000_46adbf2a63b891ee>\ttrue\n"
            "<https://silkgraph.org/kca/source/001_064249028d0f084c>\ttrue\n"
            "<https://silkgraph.org/kca/source/002_ca40f1c41cd4de5d>\ttrue\n"
            "<https://silkgraph.org/kca/source/003_07e049bc62076820>\ttrue\n");
}

}  // namespace
}  // namespace silk::testing
