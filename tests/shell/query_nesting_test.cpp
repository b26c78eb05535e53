// Hostile nesting through the real binary: deep nesting is refused with exit 1 and a message at
// its position, and long flat chains are evaluated; never a crash (exit_code -1 is a signal).
#include <gtest/gtest.h>

#include <string>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

std::string Repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

class QueryNesting : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("data.nt"), "<http://e/s> <http://e/p> \"x\" .\n");
    ASSERT_EQ(Silk({"load", dir_.Sub("data.nt")}).exit_code, 0);
  }

  // Runs the query (or update) in `text` from a file: some are longer than an argument may be.
  ProcessResult Query(const std::string& text) {
    WriteFile(dir_.Sub("q.rq"), text);
    return Silk({"query", "-f", dir_.Sub("q.rq"), "--format", "tsv"});
  }

  ProcessResult Silk(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_.Sub("db")});
    return RunSilk(args);
  }

  // The query runs (exit 0) and prints `expected`.
  void ExpectOutput(const std::string& text, const std::string& expected) {
    const ProcessResult r = Query(text);
    EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
    EXPECT_EQ(r.out, expected);
  }

  // The query is refused with exit 1 and the nesting message, at `where` ("1:1009") if given.
  void ExpectTooDeep(const std::string& text, const std::string& where = "") {
    const ProcessResult r = Query(text);
    EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 500);
    EXPECT_NE(r.err.find(where + ": nesting deeper than 1000"), std::string::npos)
        << r.err.substr(0, 500);
  }

  int Count() {
    const ProcessResult r = Silk({"query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "tsv"});
    return std::stoi(r.out.substr(r.out.find('\n') + 1));
  }

  TempDir dir_;
};

TEST_F(QueryNesting, FlatSumOfTenThousandTerms) {
  ExpectOutput("SELECT (1" + Repeat("+1", 9999) + " AS ?n) {}", "?n\n10000\n");
}

TEST_F(QueryNesting, FlatMixedArithmetic) {
  // 5 - 1 + 1 - 1 … changes operator at every term and is still one flat chain.
  ExpectOutput("SELECT (5" + Repeat("-1+1", 5000) + " AS ?n) {}", "?n\n5\n");
  ExpectOutput("ASK { FILTER(3" + Repeat("*2/2", 5000) + " = 3) }", "true\n");
}

TEST_F(QueryNesting, FlatOrOfTenThousandTermsAndLongAnd) {
  ExpectOutput("SELECT ?s { ?s ?p ?o FILTER(?o = 1" + Repeat(" || ?o = 1", 9998) +
                   " || ?o = \"x\") }",
               "?s\n<http://e/s>\n");
  // (FILTER splits && into one condition each, placed one by one: 2,000 keep the test quick.)
  ExpectOutput("ASK { ?s ?p ?o FILTER(true" + Repeat(" && true", 1998) + " && ?o = \"y\") }",
               "false\n");
}

TEST_F(QueryNesting, ManySequentialOptionals) {
  ExpectOutput("SELECT ?s { ?s ?p ?o " + Repeat("OPTIONAL { ?s ?p ?o } ", 2000) + "}",
               "?s\n<http://e/s>\n");
}

TEST_F(QueryNesting, ConcatNestedTenThousandDeep) {
  ExpectTooDeep("SELECT (" + Repeat("CONCAT(", 10000) + "\"a\"" + Repeat(")", 10000) +
                " AS ?x) {}");
}

TEST_F(QueryNesting, ParenthesesNestedEightThousandDeep) {
  // SELECT ( is 8 columns: the 1,001st level is the 1,001st '('.
  ExpectTooDeep("SELECT (" + Repeat("(", 8000) + "1" + Repeat(")", 8000) + " AS ?x) {}",
                "1:1009");
  ExpectTooDeep("ASK { FILTER(" + Repeat("(", 8000) + "1" + Repeat(")", 8000) + ") }");
}

TEST_F(QueryNesting, GroupsAndOptionalsNestedDeep) {
  ExpectTooDeep("SELECT * " + Repeat("{ ", 100000) + Repeat("} ", 100000));
  ExpectTooDeep("SELECT * { " + Repeat("OPTIONAL { ", 100000) + Repeat("} ", 100001));
  ExpectTooDeep("SELECT * { ?s ?p ?o FILTER EXISTS " + Repeat("{ FILTER NOT EXISTS ", 5000) +
                Repeat("} ", 5001));
}

TEST_F(QueryNesting, NestingUpToTheLimitWorks) {
  ExpectOutput("SELECT ?s " + Repeat("{ ", 300) + "?s ?p ?o" + Repeat(" }", 300),
               "?s\n<http://e/s>\n");
  ExpectOutput("SELECT (" + Repeat("(", 300) + "2" + Repeat(")", 300) + " AS ?x) {}",
               "?x\n2\n");
}

TEST_F(QueryNesting, InsertDataWithDeepBlankNodesAndCollections) {
  ExpectTooDeep("INSERT DATA { <http://e/a> <http://e/p> " + Repeat("[ <http://e/p> ", 10000) +
                "1" + Repeat(" ]", 10000) + " }");
  ExpectTooDeep("INSERT DATA { <http://e/a> <http://e/p> " + Repeat("( ", 10000) + "1" +
                Repeat(" )", 10000) + " }");
  ExpectTooDeep("SELECT * { ?s " + Repeat("(", 10000) + "<http://e/p>" + Repeat(")", 10000) +
                " ?o }");
  EXPECT_EQ(Count(), 1) << "nothing was inserted";
}

TEST_F(QueryNesting, ManyUpdateOperations) {
  // Operations separated by ';' are a loop, not a recursion.
  const ProcessResult r = Query(Repeat("INSERT DATA { <http://e/a> <http://e/p> 1 } ;\n", 20000));
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  EXPECT_EQ(Count(), 2);
}

}  // namespace
}  // namespace silk::testing
