// `silk schema` and the shell's `.schema` on the shipped graph: classes with their
// instances, predicates with counts and an example, graphs with their sizes.
#include <gtest/gtest.h>

#include <regex>

#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {
namespace {

using Schema = ShippedGraphStore;

void ExpectShippedSchema(const std::string& out) {
  EXPECT_TRUE(std::regex_search(out, std::regex("\n +16  schema:Person\n"))) << out;
  EXPECT_TRUE(
      std::regex_search(out, std::regex("\n +10 +4 +4  kca:visited +kca:\\w+ \u2192 kca:\\w+\n")))
      << out;
  EXPECT_TRUE(std::regex_search(out, std::regex("\n +\\d+  src:000_46adbf2a63b891ee\n"))) << out;
  EXPECT_NE(out.find("40 classes\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n5 graphs\n"), std::string::npos) << out;
}

TEST_F(Schema, CommandLine) {
  ProcessResult schema = Silk({"schema"});
  EXPECT_EQ(schema.exit_code, 0) << schema.err;
  ExpectShippedSchema(schema.out);
}

TEST_F(Schema, ShellDotCommand) {
  ProcessResult schema = Silk({}, ".schema\n");
  EXPECT_EQ(schema.exit_code, 0) << schema.err;
  ExpectShippedSchema(schema.out);
  EXPECT_EQ(Silk({}, ".schema extra\n").exit_code, 1);
}

TEST_F(Schema, EmptyStore) {
  TempDir empty;
  ASSERT_EQ(RunSilk({"--db", empty.Sub("db"), "load", "-"}).exit_code, 0);  // reads make none
  ProcessResult schema = RunSilk({"--db", empty.Sub("db"), "schema"});
  EXPECT_EQ(schema.exit_code, 0) << schema.err;
  EXPECT_EQ(schema.out, "0 classes\n\n0 predicates\n\n0 graphs\n");
}

}  // namespace
}  // namespace silk::testing
