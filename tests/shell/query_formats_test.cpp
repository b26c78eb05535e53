// `silk query --format` and the shell's `.mode` against the form of the query: graphs in
// Turtle, TriG, N-Triples and N-Quads that load back as they were; solutions in their own
// formats; a format that does not fit is a usage error that names the ones that do.
#include <gtest/gtest.h>

#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {
namespace {

using QueryFormats = ShippedGraphStore;

constexpr const char* kConstruct =
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }";

TEST_F(QueryFormats, AFormatThatDoesNotFitIsAUsageError) {
  ProcessResult json = Silk({"query", kConstruct, "--format", "json"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_EQ(json.out, "");
  EXPECT_EQ(json.err,
            "silk: --format json does not fit a CONSTRUCT query, which returns a graph; "
            "use turtle, trig, ntriples or nquads\n");

  ProcessResult ntriples = Silk({"query", "SELECT * WHERE { ?s ?p ?o }", "--format", "ntriples"});
  EXPECT_EQ(ntriples.exit_code, 2);
  EXPECT_EQ(ntriples.err,
            "silk: --format ntriples does not fit a SELECT query, which returns solutions; "
            "use table, tsv, csv, json or xml\n");

  ProcessResult ask = Silk({"query", "ASK { ?s ?p ?o }", "--format", "turtle"});
  EXPECT_EQ(ask.exit_code, 2);
  EXPECT_EQ(ask.err,
            "silk: --format turtle does not fit an ASK query, which returns true or false; "
            "use table, tsv, csv, json or xml\n");

  ProcessResult describe = Silk({"query", "DESCRIBE kca:Kazakhstan", "--format", "csv"});
  EXPECT_EQ(describe.exit_code, 2);
  EXPECT_NE(describe.err.find("a DESCRIBE query, which returns a graph"), std::string::npos)
      << describe.err;

  ProcessResult unknown = Silk({"query", "ASK {}", "--format", "yaml"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("turtle, trig, ntriples or nquads"), std::string::npos) << unknown.err;
}

// The check needs only the query, so it comes before the store is opened: even a store
// that cannot be opened gives the usage error.
TEST_F(QueryFormats, TheCheckComesBeforeTheStore) {
  TempDir other;
  WriteFile(other.Sub("not-a-store"), "a file where a directory should be");
  ProcessResult result =
      RunSilk({"--db", other.Sub("not-a-store"), "query", kConstruct, "--format", "xml"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
}

TEST_F(QueryFormats, AskKeepsItsFormats) {
  for (const char* format : {"table", "tsv", "csv", "json", "xml"}) {
    ProcessResult ask =
        Silk({"query", "ASK { ?s kca:visited kca:Kazakhstan }", "--format", format});
    EXPECT_EQ(ask.exit_code, 0) << format << ": " << ask.err;
    EXPECT_NE(ask.out.find("true"), std::string::npos) << format << ": " << ask.out;
  }
}

TEST_F(QueryFormats, GraphsLoadBackAsTheyWere) {
  ProcessResult reference = Silk({"query", kConstruct, "--format", "ntriples"});
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  TempDir work;
  WriteFile(work.Sub("reference.nt"), reference.out);
  ASSERT_EQ(RunSilk({"--db", work.Sub("reference"), "load", work.Sub("reference.nt")}).exit_code,
            0);
  const std::string expected = RunSilk({"--db", work.Sub("reference"), "dump"}).out;
  ASSERT_NE(expected, "");

  for (const auto& [format, extension] : std::vector<std::pair<std::string, std::string>>{
           {"turtle", "ttl"}, {"trig", "trig"}, {"nquads", "nq"}}) {
    ProcessResult written = Silk({"query", kConstruct, "--format", format});
    ASSERT_EQ(written.exit_code, 0) << format << ": " << written.err;
    const std::string file = work.Sub("out." + extension);
    WriteFile(file, written.out);
    ProcessResult load = RunSilk({"--db", work.Sub(format), "load", file});
    ASSERT_EQ(load.exit_code, 0) << format << ": " << load.err << "\n" << written.out;
    EXPECT_EQ(RunSilk({"--db", work.Sub(format), "dump"}).out, expected) << format;
  }
}

TEST_F(QueryFormats, TurtleIsTheDefaultForGraphsWithThePrefixesItUses) {
  ProcessResult turtle = Silk(
      {"query",
       "PREFIX ex: <http://example.org/> "
       "CONSTRUCT { ?who ex:went ?where } WHERE { ?who kca:visited ?where ; a schema:Person } "});
  ASSERT_EQ(turtle.exit_code, 0) << turtle.err;
  EXPECT_EQ(turtle.out.find("@prefix kca: <https://silkgraph.org/kca/> .\n"
                            "@prefix ex: <http://example.org/> .\n\n"), 0u) << turtle.out;
  EXPECT_EQ(turtle.out.find("@prefix schema:"), std::string::npos) << turtle.out;
  // One subject, its objects after commas.
  EXPECT_NE(turtle.out.find("kca:YoonSukYeol ex:went kca:Kazakhstan, "), std::string::npos)
      << turtle.out;
}

TEST_F(QueryFormats, TheShellShowsGraphsAsTurtleAndRefusesThemInSolutionModes) {
  ProcessResult table = Silk({}, "DESCRIBE kca:Kazakhstan\n");
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("kca:Kazakhstan a schema:Country ;\n"), std::string::npos) << table.out;

  ProcessResult csv = Silk({}, ".mode csv\nCONSTRUCT WHERE { ?s kca:visited ?o }\n");
  EXPECT_EQ(csv.exit_code, 1);
  EXPECT_EQ(csv.out, "");
  EXPECT_NE(csv.err.find(".mode csv does not fit a CONSTRUCT query, which returns a graph: use "
                         ".mode table or line"),
            std::string::npos)
      << csv.err;
}

}  // namespace
}  // namespace silk::testing
