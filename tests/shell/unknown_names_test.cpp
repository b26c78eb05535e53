// Warnings about names the store does not hold: on standard error, with the nearest names
// the store does hold, from `silk query` and from the shell, never changing results.
#include "shell/unknown_names.h"

#include <gtest/gtest.h>

#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {
namespace {

TEST(NearestIris, TyposFindTheirNames) {
  const std::vector<std::string> known = {"http://e/visited", "http://e/visitor", "http://e/Person",
                                          "http://e/metWith", "http://s/name", "http://e/x"};
  EXPECT_EQ(shell::NearestIris("http://e/vistied", known),
            std::vector<std::string>{"http://e/visited"});
  EXPECT_EQ(shell::NearestIris("http://e/visiter", known),
            (std::vector<std::string>{"http://e/visited", "http://e/visitor"}));
  // Case costs less than another letter.
  EXPECT_EQ(shell::NearestIris("http://e/person", known),
            std::vector<std::string>{"http://e/Person"});
  // Another namespace, the same name: one edit.
  EXPECT_EQ(shell::NearestIris("http://e/name", known), std::vector<std::string>{"http://s/name"});
  // Nothing within a third of the name.
  EXPECT_EQ(shell::NearestIris("http://e/location", known), std::vector<std::string>{});
  EXPECT_EQ(shell::NearestIris("http://e/visited", {"http://e/visited"}),
            std::vector<std::string>{});
}

using UnknownNames = ShippedGraphStore;

TEST_F(UnknownNames, QueryWarnsWithTheNearestNameAndChangesNothing) {
  ProcessResult typo =
      Silk({"query", "SELECT ?who WHERE { ?who kca:vistied ?c }", "--format", "tsv"});
  EXPECT_EQ(typo.exit_code, 0);
  EXPECT_EQ(typo.out, "?who\n");
  EXPECT_EQ(typo.err, "warning: kca:vistied is not in the store; did you mean kca:visited?\n");

  ProcessResult right =
      Silk({"query", "SELECT ?who WHERE { ?who kca:visited kca:Kazakhstan }", "--format", "tsv"});
  EXPECT_EQ(right.exit_code, 0);
  EXPECT_EQ(right.err, "");
}

TEST_F(UnknownNames, ClassesObjectsAndGraphsToo) {
  ProcessResult typos = Silk({"query",
                              "ASK { GRAPH src:000_46adbf2a63b891e { ?p a schema:person ; "
                              "kca:visited kca:Kazakstan } }"});
  EXPECT_EQ(typos.exit_code, 0);
  EXPECT_EQ(typos.out, "false\n");
  EXPECT_EQ(typos.err,
            "warning: src:000_46adbf2a63b891e is not in the store; did you mean "
            "src:000_46adbf2a63b891ee?\n"
            "warning: schema:person is not in the store; did you mean schema:Person?\n"
            "warning: kca:Kazakstan is not in the store; did you mean kca:Kazakhstan?\n");
}

TEST_F(UnknownNames, UpdatesWarnOnlyAboutWhatTheyMatch) {
  TempDir copy;
  const std::string db = copy.Sub("db");
  ASSERT_EQ(RunSilk({"--db", db, "load", SILK_DATASET_FILE}).exit_code, 0);
  ProcessResult insert =
      RunSilk({"--db", db, "query", "INSERT DATA { kca:NewThing kca:newLink kca:Other }"});
  EXPECT_EQ(insert.exit_code, 0) << insert.err;
  EXPECT_EQ(insert.err, "");
  ProcessResult modify = RunSilk(
      {"--db", db, "query", "INSERT { ?p kca:brandNew kca:Thing } WHERE { ?p kca:vistied ?c }"});
  EXPECT_EQ(modify.exit_code, 0) << modify.err;
  EXPECT_EQ(modify.err, "warning: kca:vistied is not in the store; did you mean kca:visited?\n");
}

TEST_F(UnknownNames, TheShellWarnsInScripts) {
  ProcessResult script = Silk({}, ".mode tsv\n?who kca:vistied kca:Kazakhstan .\n");
  EXPECT_EQ(script.exit_code, 0);
  EXPECT_EQ(script.out, "?who\n");
  EXPECT_EQ(script.err, "warning: kca:vistied is not in the store; did you mean kca:visited?\n");
}

TEST_F(UnknownNames, AnEmptyStoreLacksEveryNameSoNothingIsSaid) {
  TempDir empty;
  ASSERT_EQ(RunSilk({"--db", empty.Sub("db"), "load", "-"}).exit_code, 0);  // reads make none
  ProcessResult result = RunSilk({"--db", empty.Sub("db"), "query", "ASK { ?s kca:vistied ?o }"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
}

}  // namespace
}  // namespace silk::testing
