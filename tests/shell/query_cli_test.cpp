// `silk query`: results in every format, updates, errors with their exit codes.
#include <gtest/gtest.h>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

class QueryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("data.nq"),
              "<http://e/japarov> <http://schema.org/name> \"Dschaparow\"@de <http://e/a0> .\n"
              "<http://e/japarov> <http://schema.org/name> \"Japarov\"@en <http://e/a1> .\n"
              "<http://e/japarov> <http://e/visited> <http://e/korea> <http://e/a1> .\n");
    ASSERT_EQ(Silk({"load", dir_.Sub("data.nq")}).exit_code, 0);
  }

  ProcessResult Silk(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", dir_.Sub("db")});
    return RunSilk(args, input);
  }

  TempDir dir_;
};

TEST_F(QueryCli, SelectInEveryFormat) {
  const std::string q = "SELECT ?n WHERE { ?p schema:name ?n } ORDER BY ?n";
  EXPECT_EQ(Silk({"query", q, "--format", "tsv"}).out, "?n\n\"Dschaparow\"@de\n\"Japarov\"@en\n");
  EXPECT_EQ(Silk({"query", q, "--format", "csv"}).out, "n\r\nDschaparow\r\nJaparov\r\n");
  EXPECT_NE(Silk({"query", q, "--format", "json"}).out.find("\"xml:lang\":\"de\""), std::string::npos);
  EXPECT_NE(Silk({"query", q, "--format", "xml"}).out.find("<literal xml:lang=\"en\">Japarov</literal>"),
            std::string::npos);
  const ProcessResult table = Silk({"query", q});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("(2 rows)"), std::string::npos) << table.out;
}

TEST_F(QueryCli, ProvenanceThroughGraph) {
  EXPECT_EQ(Silk({"query", "SELECT ?g WHERE { GRAPH ?g { ?p schema:name \"Dschaparow\"@de } }",
                  "--format", "tsv"}).out,
            "?g\n<http://e/a0>\n");
}

TEST_F(QueryCli, FileAndStandardInput) {
  WriteFile(dir_.Sub("q.rq"), "ASK { <http://e/japarov> <http://e/visited> <http://e/korea> }\n");
  EXPECT_EQ(Silk({"query", "-f", dir_.Sub("q.rq"), "--format", "tsv"}).out, "true\n");
  EXPECT_EQ(Silk({"query", "--format", "tsv"}, "ASK { ?s ?p <http://e/nowhere> }").out, "false\n");
}

TEST_F(QueryCli, UpdateThenQuery) {
  ProcessResult update = Silk({"query", "INSERT DATA { <http://e/yoon> <http://e/visited> <http://e/kazakhstan> }"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(Silk({"query", "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/visited> ?o }", "--format",
                  "tsv"}).out,
            "?n\n2\n");
}

// The README's update example, as it is written there.
TEST_F(QueryCli, TheReadmeUpdateExample) {
  ProcessResult update = Silk(
      {"query",
       "INSERT DATA { GRAPH <http://e/draft> { <http://e/report> <http://e/status> \"draft\" ; "
       "<http://e/title> \"Q3\" } };\n"
       "  COPY <http://e/draft> TO <http://e/final>;\n"
       "  DELETE WHERE { GRAPH <http://e/final> { ?r <http://e/status> ?old } };\n"
       "  INSERT DATA { GRAPH <http://e/final> { <http://e/report> <http://e/status> \"final\" } }"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(Silk({"dump", "--graph", "http://e/final"}).out,
            "<http://e/report> <http://e/status> \"final\" <http://e/final> .\n"
            "<http://e/report> <http://e/title> \"Q3\" <http://e/final> .\n");
  WriteFile(dir_.Sub("more.ttl"), "<http://e/x> <http://e/y> \"z\" .\n");
  ProcessResult load =
      Silk({"query", "LOAD <" + dir_.Sub("more.ttl") + "> INTO GRAPH <http://e/more>"});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_EQ(Silk({"dump", "--graph", "http://e/more"}).out,
            "<http://e/x> <http://e/y> \"z\" <http://e/more> .\n");
}

// A request that fails anywhere changes nothing, and says why: a missing graph, a malformed
// file (with its line), an update keyword the user mistyped.
TEST_F(QueryCli, AFailedUpdateRequestChangesNothing) {
  const std::string before = Silk({"dump"}).out;
  ProcessResult missing = Silk({"query", "DROP ALL; DROP GRAPH <http://e/none>"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no graph <http://e/none>"), std::string::npos) << missing.err;
  WriteFile(dir_.Sub("bad.nt"), "<http://e/a> <http://e/b> \"c\" .\n<http://e/a> <http://e/b> c .\n");
  ProcessResult bad = Silk({"query", "CLEAR ALL; LOAD <" + dir_.Sub("bad.nt") + ">"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.nt:2:"), std::string::npos) << bad.err;
  EXPECT_EQ(Silk({"dump"}).out, before);
  ProcessResult typo = Silk({"query", "DROP EVERYTHING"});
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find("expected GRAPH <iri>, DEFAULT, NAMED or ALL after DROP"),
            std::string::npos)
      << typo.err;
  EXPECT_EQ(typo.err.find("expected SELECT"), std::string::npos) << typo.err;
}

TEST_F(QueryCli, SyntaxErrorShowsCaretAndExitsOne) {
  const std::string before = Silk({"dump"}).out;
  ProcessResult bad = Silk({"query", "SELECT ?x WHERE {\n  ?x schem:name ?n }"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("<query>:2:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("did you mean 'schema'"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find('^'), std::string::npos) << bad.err;
  ProcessResult bad_update = Silk({"query", "INSERT DATA { <http://e/a> <http://e/b> }"});
  EXPECT_EQ(bad_update.exit_code, 1);
  EXPECT_EQ(Silk({"dump"}).out, before);
}

TEST_F(QueryCli, TimeoutEndsTheQueryWithExitOne) {
  std::string more;
  for (int i = 0; i < 50; ++i) more += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"x\" .\n";
  ASSERT_EQ(Silk({"load", "-", "--format", "ntriples"}, more).exit_code, 0);
  // 53^8 rows to count: only the time limit ends it.
  ProcessResult slow = Silk({"query",
                             "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
                             "?m ?n2 ?o . ?q ?r ?s . ?t ?u ?v . ?w ?x ?y }",
                             "--timeout", "0.2"});
  EXPECT_EQ(slow.exit_code, 1);
  EXPECT_NE(slow.err.find("time limit"), std::string::npos) << slow.err;
}

TEST_F(QueryCli, ExplainPrintsThePlan) {
  ProcessResult plan = Silk({"query", "EXPLAIN SELECT * WHERE { ?s <http://e/visited> ?o }"});
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("IndexScan ?s <http://e/visited> ?o"), std::string::npos) << plan.out;
}

// Dates as people expect them (README): YEAR and MONTH on gYear and gYearMonth, and one
// timeline for ORDER BY, MIN and MAX across dateTime, date, gYearMonth and gYear, whether the
// store inlined a value into its id (canonical dates and dateTimes) or keeps it in the
// dictionary (gYear, gYearMonth, "+00:00", ".000").
TEST_F(QueryCli, DatesOfEveryPrecisionOnOneTimeline) {
  WriteFile(dir_.Sub("dates.ttl"),
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "<http://e/a> <http://e/when> \"2024-01-01T00:00:00Z\"^^xsd:dateTime .\n"
            "<http://e/b> <http://e/when> \"2024-06\"^^xsd:gYearMonth .\n"
            "<http://e/c> <http://e/when> \"2024\"^^xsd:gYear .\n"
            "<http://e/d> <http://e/when> \"2023-12-31\"^^xsd:date .\n"
            "<http://e/e> <http://e/when> \"2024-01-01\"^^xsd:date .\n"
            "<http://e/f> <http://e/when> \"2024-01\"^^xsd:gYearMonth .\n"
            "<http://e/g> <http://e/when> \"1992\"^^xsd:gYear .\n"
            "<http://e/h> <http://e/when> \"2024-03-15+00:00\"^^xsd:date .\n"
            "<http://e/i> <http://e/when> \"2024-03-15T09:30:00.000Z\"^^xsd:dateTime .\n");
  ASSERT_EQ(Silk({"load", dir_.Sub("dates.ttl")}).exit_code, 0);
  const std::string select =
      "SELECT ?e (STR(?d) AS ?date) (YEAR(?d) AS ?y) (MONTH(?d) AS ?m) (DAY(?d) AS ?day) "
      "WHERE { ?e <http://e/when> ?d } ";
  ProcessResult timeline = Silk({"query", select + "ORDER BY ?d", "--format", "tsv"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_EQ(timeline.out,
            "?e\t?date\t?y\t?m\t?day\n"
            "<http://e/g>\t\"1992\"\t1992\t\t\n"
            "<http://e/d>\t\"2023-12-31\"\t2023\t12\t31\n"
            "<http://e/c>\t\"2024\"\t2024\t\t\n"
            "<http://e/f>\t\"2024-01\"\t2024\t1\t\n"
            "<http://e/e>\t\"2024-01-01\"\t2024\t1\t1\n"
            "<http://e/a>\t\"2024-01-01T00:00:00Z\"\t2024\t1\t1\n"
            "<http://e/h>\t\"2024-03-15+00:00\"\t2024\t3\t15\n"
            "<http://e/i>\t\"2024-03-15T09:30:00.000Z\"\t2024\t3\t15\n"
            "<http://e/b>\t\"2024-06\"\t2024\t6\t\n");
  EXPECT_EQ(Silk({"query", "SELECT ?e WHERE { ?e <http://e/when> ?d } ORDER BY DESC(?d)",
                  "--format", "tsv"}).out,
            "?e\n<http://e/b>\n<http://e/i>\n<http://e/h>\n<http://e/a>\n<http://e/e>\n"
            "<http://e/f>\n<http://e/c>\n<http://e/d>\n<http://e/g>\n");
  EXPECT_EQ(Silk({"query",
                  "SELECT (STR(MIN(?d)) AS ?first) (STR(MAX(?d)) AS ?last) "
                  "WHERE { ?e <http://e/when> ?d }",
                  "--format", "tsv"}).out,
            "?first\t?last\n\"1992\"\t\"2024-06\"\n");
  EXPECT_EQ(Silk({"query",
                  "SELECT (COUNT(*) AS ?n) WHERE { ?e <http://e/when> ?d "
                  "FILTER (YEAR(?d) = 2024) }",
                  "--format", "tsv"}).out,
            "?n\n7\n");
  // FILTER's '<' keeps SPARQL's rules: two gYears do not compare, so no row passes.
  EXPECT_EQ(Silk({"query",
                  "SELECT (COUNT(*) AS ?n) WHERE { ?e <http://e/when> ?d "
                  "FILTER (?d < \"2025\"^^xsd:gYear) }",
                  "--format", "tsv"}).out,
            "?n\n0\n");
}

// IRI(), URI() and STRDT() never make a term a dump could not write back: a string that is
// not an absolute IRI, after resolving against the base, is an error (the variable stays
// unbound and INSERT skips the triple), and the dump loads back.
TEST_F(QueryCli, InvalidIrisAreNeverStored) {
  const ProcessResult update = Silk(
      {"query",
       "INSERT { <http://e/x> <http://e/iri> ?i . <http://e/x> <http://e/uri> ?u . "
       "<http://e/x> <http://e/typed> ?t . <http://e/x> <http://e/ok> ?k } WHERE { "
       "VALUES (?a ?b) { (\"a b\" \"x\\ny\") (\"<http://e/q>\" \"norelative\") } "
       "BIND(IRI(?a) AS ?i) BIND(URI(?b) AS ?u) BIND(STRDT(\"v\", IRI(?b)) AS ?t) "
       "BIND(IRI(\"http://e/fine\") AS ?k) }"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(Silk({"query", "SELECT ?p ?o WHERE { <http://e/x> ?p ?o }", "--format", "tsv"}).out,
            "?p\t?o\n<http://e/ok>\t<http://e/fine>\n");
  // A relative reference resolves against the base.
  EXPECT_EQ(Silk({"query", "BASE <http://e/base/> SELECT (IRI(\"rel\") AS ?i) {}", "--format",
                  "tsv"}).out,
            "?i\n<http://e/base/rel>\n");
  const ProcessResult dump = Silk({"dump"});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  WriteFile(dir_.Sub("dump.nq"), dump.out);
  const ProcessResult reload =
      RunSilk({"--db", dir_.Sub("reloaded"), "load", dir_.Sub("dump.nq"), "--format", "nquads"});
  EXPECT_EQ(reload.exit_code, 0) << reload.err;
}

// XML 1.0 cannot hold U+0000 and most C0 controls, even as references: they are written as
// U+FFFD, so the document stays well-formed; a carriage return is kept as "&#13;".
TEST_F(QueryCli, XmlResultsStayWellFormed) {
  ASSERT_EQ(Silk({"load", "-", "--format", "ntriples"},
                 "<http://e/c> <http://e/text> \"nul\\u0000 bell\\u0007 cr\\r tab\\t\" .\n")
                .exit_code,
            0);
  const ProcessResult xml =
      Silk({"query", "SELECT ?t WHERE { <http://e/c> <http://e/text> ?t }", "--format", "xml"});
  ASSERT_EQ(xml.exit_code, 0) << xml.err;
  EXPECT_EQ(xml.out.find('\0'), std::string::npos);
  EXPECT_EQ(xml.out.find('\a'), std::string::npos);
  EXPECT_NE(xml.out.find("<literal>nul\xEF\xBF\xBD bell\xEF\xBF\xBD cr&#13; tab\t</literal>"),
            std::string::npos)
      << xml.out;
  const std::string python = FindOnPath("python3");
  if (!python.empty()) {
    WriteFile(dir_.Sub("result.xml"), xml.out);
    EXPECT_EQ(RunProgram({python, "-c",
                          "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])",
                          dir_.Sub("result.xml")}),
              0)
        << xml.out;
  }
}

// An xsd:integer beyond the exact range (about 38 digits) compares by value; arithmetic on it
// (SUM) is an error, so the sum is unbound.
TEST_F(QueryCli, HugeIntegersCompareByValue) {
  const std::string big(1000, '9');
  ASSERT_EQ(Silk({"load", "-", "--format", "ntriples"},
                 "<http://e/big> <http://e/n> \"" + big +
                     "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                     "<http://e/neg> <http://e/n> \"-" + big +
                     "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                     "<http://e/dec> <http://e/n> \"0" + big +
                     ".5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"
                     "<http://e/small> <http://e/n> "
                     "\"7\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
                .exit_code,
            0);
  EXPECT_EQ(Silk({"query", "SELECT ?s WHERE { ?s <http://e/n> ?o FILTER(?o > 5) } ORDER BY ?o",
                  "--format", "tsv"}).out,
            "?s\n<http://e/small>\n<http://e/big>\n<http://e/dec>\n");
  EXPECT_EQ(Silk({"query", "SELECT ?s WHERE { ?s <http://e/n> ?o FILTER(?o < 5.5e0) }",
                  "--format", "tsv"}).out,
            "?s\n<http://e/neg>\n");
  EXPECT_EQ(Silk({"query", "SELECT ?s WHERE { ?s <http://e/n> ?o } ORDER BY DESC(?o) LIMIT 1",
                  "--format", "tsv"}).out,
            "?s\n<http://e/dec>\n");
  EXPECT_EQ(Silk({"query", "ASK { <http://e/big> <http://e/n> ?o FILTER(?o = " + big + ") }",
                  "--format", "tsv"}).out,
            "true\n");
  EXPECT_EQ(Silk({"query", "SELECT (SUM(?o) AS ?sum) WHERE { ?s <http://e/n> ?o }", "--format",
                  "tsv"}).out,
            "?sum\n\n");
}

TEST_F(QueryCli, UsageErrors) {
  EXPECT_EQ(Silk({"query", "ASK {}", "--format", "yaml"}).exit_code, 2);
  EXPECT_EQ(Silk({"query", "ASK {}", "--default-graph", "some"}).exit_code, 2);
  EXPECT_EQ(Silk({"query", "ASK {}", "--timeout", "soon"}).exit_code, 2);
}

}  // namespace
}  // namespace silk::testing
