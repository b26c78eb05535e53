// SPARQL updates change the store atomically; a failing one changes nothing.
#include <gtest/gtest.h>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

using Strings = std::vector<std::string>;

class Update : public QueryFixture {
 protected:
  std::string Dump() {
    return Run("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } "
               "ORDER BY ?s ?p ?o ?g");
  }
};

TEST_F(Update, InsertAndDeleteData) {
  Run("INSERT DATA { <http://e/a> <http://e/p> 1 . GRAPH <http://e/g> { <http://e/a> <http://e/p> 2 } }");
  EXPECT_EQ(Rows("SELECT ?o WHERE { <http://e/a> <http://e/p> ?o }"),
            (Strings{R"(?o="1"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?o="2"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
  Run("DELETE DATA { GRAPH <http://e/g> { <http://e/a> <http://e/p> 2 } }");
  EXPECT_EQ(Rows("SELECT ?o WHERE { <http://e/a> <http://e/p> ?o }"),
            (Strings{R"(?o="1"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(Update, DeleteInsertWhereUsesOneSnapshot) {
  Load("<http://e/a> <http://e/age> \"30\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
       "<http://e/b> <http://e/age> \"40\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  Run("DELETE { ?x <http://e/age> ?a } INSERT { ?x <http://e/age> ?b } "
      "WHERE { ?x <http://e/age> ?a BIND(?a + 1 AS ?b) }");
  EXPECT_EQ(Rows("SELECT ?x ?a WHERE { ?x <http://e/age> ?a }"),
            (Strings{R"(?x=<http://e/a> ?a="31"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?x=<http://e/b> ?a="41"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(Update, InsertWhereMakesFreshBlankNodesPerSolution) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n<http://e/b> <http://e/p> <http://e/x> .\n");
  Run("INSERT { ?s <http://e/note> _:n . _:n <http://e/about> ?s } WHERE { ?s <http://e/p> ?o }");
  EXPECT_EQ(Rows("SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { ?s <http://e/note> ?n . ?n <http://e/about> ?s }"),
            (Strings{R"(?c="2"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(Update, DeleteWhereAndClear) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n"
       "<http://e/a> <http://e/q> <http://e/y> <http://e/g1> .\n"
       "<http://e/b> <http://e/q> <http://e/z> <http://e/g2> .\n");
  Run("DELETE WHERE { <http://e/a> <http://e/p> ?o }");
  EXPECT_EQ(Rows("SELECT ?o WHERE { <http://e/a> <http://e/p> ?o }"), Strings{});
  Run("CLEAR GRAPH <http://e/g1>");
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/q> ?o }"), (Strings{"?s=<http://e/b>"}));
  Run("CLEAR ALL");
  EXPECT_EQ(Rows("SELECT * WHERE { ?s ?p ?o }"), Strings{});
  EXPECT_FALSE(Try("CLEAR GRAPH <http://e/none>").ok());
  EXPECT_TRUE(Try("CLEAR SILENT GRAPH <http://e/none>").ok());
}

// A graph exists through its statements, so DROP empties it as CLEAR does.
TEST_F(Update, DropIsClear) {
  Load("<http://e/a> <http://e/q> <http://e/y> <http://e/g1> .\n"
       "<http://e/b> <http://e/q> <http://e/z> <http://e/g2> .\n");
  Run("DROP GRAPH <http://e/g1>");
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/q> ?o }"), (Strings{"?s=<http://e/b>"}));
  EXPECT_FALSE(Try("DROP GRAPH <http://e/none>").ok());
  EXPECT_TRUE(Try("DROP SILENT GRAPH <http://e/none>").ok());
  Run("DROP ALL");
  EXPECT_EQ(Rows("SELECT * WHERE { ?s ?p ?o }"), Strings{});
}

TEST_F(Update, CancelledUpdateChangesNothing) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n<http://e/b> <http://e/p> <http://e/y> .\n");
  const std::string before = Dump();
  std::atomic<bool> cancel{true};
  options_.limits.cancel = &cancel;
  const Status status = Try("DELETE { ?s ?p ?o } INSERT { ?o ?p ?s } WHERE { ?s ?p ?o }");
  EXPECT_EQ(status.code(), StatusCode::kCancelled);
  options_.limits.cancel = nullptr;
  EXPECT_EQ(Dump(), before);
}

TEST_F(Update, QueryErrorChangesNothing) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n");
  const std::string before = Dump();
  EXPECT_FALSE(Try("INSERT DATA { <http://e/a> <http://e/p> ?x }").ok());
  EXPECT_FALSE(Try("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o").ok());
  EXPECT_EQ(Dump(), before);
}

// A request is one atomic change whose operations see what the earlier ones did.
TEST_F(Update, LaterOperationsSeeEarlierOnes) {
  Run("INSERT DATA { <http://e/a> <http://e/p> 1 . <http://e/b> <http://e/p> 2 } ; "
      "DELETE WHERE { <http://e/a> <http://e/p> ?o } ; "
      "INSERT { GRAPH <http://e/g> { ?s <http://e/q> ?o } } WHERE { ?s <http://e/p> ?o } ; "
      "DELETE DATA { <http://e/b> <http://e/p> 2 }");
  // (The union default graph shows g's quad in it too.)
  EXPECT_EQ(Dump(),
            "?s\t?p\t?o\t?g\n<http://e/b>\t<http://e/q>\t2\t\n"
            "<http://e/b>\t<http://e/q>\t2\t<http://e/g>\n");
}

TEST_F(Update, AFailingOperationUndoesTheWholeRequest) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n");
  const std::string before = Dump();
  EXPECT_EQ(Try("INSERT DATA { <http://e/new> <http://e/p> 1 } ; CLEAR ALL ; "
                "DROP GRAPH <http://e/missing>")
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Dump(), before);
}

TEST_F(Update, ADeletedQuadInsertedAgainInTheSameRequestStays) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n");
  Run("DELETE DATA { <http://e/a> <http://e/p> <http://e/x> } ; "
      "INSERT DATA { <http://e/a> <http://e/p> <http://e/x> } ; "
      "INSERT { <http://e/a> <http://e/seen> ?o } WHERE { <http://e/a> <http://e/p> ?o }");
  EXPECT_EQ(Rows("SELECT ?p WHERE { <http://e/a> ?p ?o } ORDER BY ?p"),
            (Strings{"?p=<http://e/p>", "?p=<http://e/seen>"}));
}

// An operation's WHERE is read before its own changes, also when it spans many batches and
// the request's earlier operations changed the store.
TEST_F(Update, AnOperationDoesNotSeeItsOwnChanges) {
  std::string nquads;
  for (int i = 0; i < 3000; ++i) nquads += "<http://e/s" + std::to_string(i) + "> <http://e/p> <http://e/o> .\n";
  Load(nquads);
  // EXISTS row by row, so that each batch of solutions is made after the last one's writes.
  options_.rewrite = false;
  Run("INSERT DATA { <http://e/x> <http://e/y> <http://e/z> } ; "
      "DELETE { ?s <http://e/p> ?o } INSERT { ?s <http://e/q> ?o } "
      "WHERE { ?s <http://e/p> ?o FILTER EXISTS { <http://e/s0> <http://e/p> ?o } } ; "
      "INSERT DATA { <http://e/x2> <http://e/y> <http://e/z> }");
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/q> <http://e/o> }"),
            (Strings{R"(?n="3000"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/p> ?o }"),
            (Strings{R"(?n="0"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

// GRAPH ?g over an empty pattern lists the named graphs there are, from the statistics: within
// a request, the graphs its earlier operations added or dropped count too.
TEST_F(Update, GraphsListedAreThoseEarlierOperationsLeft) {
  Load("<http://e/a> <http://e/p> <http://e/x> <http://e/g1> .\n"
       "<http://e/a> <http://e/p> <http://e/x> <http://e/g3> .\n");
  Run("INSERT DATA { GRAPH <http://e/g2> { <http://e/b> <http://e/p> <http://e/x> } } ; "
      "DROP GRAPH <http://e/g1> ; "
      "INSERT { <http://e/report> <http://e/lists> ?g } WHERE { GRAPH ?g { } }");
  EXPECT_EQ(Rows("SELECT ?g WHERE { <http://e/report> <http://e/lists> ?g }"),
            (Strings{"?g=<http://e/g2>", "?g=<http://e/g3>"}));
  // A graph dropped and then written again is there.
  Run("DROP GRAPH <http://e/g3> ; "
      "INSERT DATA { GRAPH <http://e/g3> { <http://e/c> <http://e/p> <http://e/x> } } ; "
      "DELETE WHERE { <http://e/report> <http://e/lists> ?old } ; "
      "INSERT { <http://e/report> <http://e/lists> ?g } WHERE { GRAPH ?g { } }");
  EXPECT_EQ(Rows("SELECT ?g WHERE { <http://e/report> <http://e/lists> ?g }"),
            (Strings{"?g=<http://e/g2>", "?g=<http://e/g3>"}));
  // A graph whose quads were deleted one by one is gone.
  Run("DELETE WHERE { GRAPH <http://e/g2> { ?s ?p ?o } } ; "
      "DELETE WHERE { <http://e/report> <http://e/lists> ?old } ; "
      "INSERT { <http://e/report> <http://e/lists> ?g } WHERE { GRAPH ?g { } }");
  EXPECT_EQ(Rows("SELECT ?g WHERE { <http://e/report> <http://e/lists> ?g }"),
            (Strings{"?g=<http://e/g3>"}));
}

// COUNT is answered from the store's keys and statistics when it can be: within a request,
// after earlier operations, it must count what they left.
TEST_F(Update, CountsSeeEarlierOperations) {
  Load("<http://e/a> <http://e/p> <http://e/x> .\n<http://e/b> <http://e/p> <http://e/x> .\n");
  Run("INSERT DATA { <http://e/c> <http://e/p> <http://e/x> . GRAPH <http://e/g> { <http://e/c> <http://e/p> <http://e/x> } } ; "
      "DELETE DATA { <http://e/a> <http://e/p> <http://e/x> . <http://e/b> <http://e/p> <http://e/x> } ; "
      "INSERT { <http://e/all> <http://e/count> ?n } WHERE { SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/p> ?o } } ; "
      "INSERT { ?o <http://e/per> ?n } WHERE { SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s <http://e/p> ?o } GROUP BY ?o }");
  EXPECT_EQ(Rows("SELECT ?p ?n WHERE { ?s ?p ?n FILTER(?p IN (<http://e/count>, <http://e/per>)) }"),
            (Strings{R"(?p=<http://e/count> ?n="1"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?p=<http://e/per> ?n="1"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

// Scans with two constants come out sorted by their variable, and merge joins rely on it: the
// quads an earlier operation added are merged into that order, not appended to it.
TEST_F(Update, JoinsOfSortedScansSeeEarlierOperations) {
  // The odd subjects get their ids first, so the quads the request adds for them sort before
  // the stored ones of the even subjects.
  std::string nquads;
  for (int i = 1; i < 50; i += 2) {
    nquads += "<http://e/s" + std::to_string(i) + "> <http://e/name> \"s\" .\n";
  }
  for (int i = 0; i < 50; i += 2) {
    nquads += "<http://e/s" + std::to_string(i) + "> <http://e/p> <http://e/x> .\n";
    nquads += "<http://e/s" + std::to_string(i) + "> <http://e/q> <http://e/y> .\n";
  }
  Load(nquads);
  std::string insert = "INSERT DATA { ";
  for (int i = 1; i < 50; i += 2) {
    insert += "<http://e/s" + std::to_string(i) + "> <http://e/p> <http://e/x> . ";
    insert += "<http://e/s" + std::to_string(i) + "> <http://e/q> <http://e/y> . ";
  }
  Run(insert + "} ; INSERT { ?s <http://e/both> true } "
               "WHERE { ?s <http://e/p> <http://e/x> . ?s <http://e/q> <http://e/y> }");
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/both> true }"),
            (Strings{R"(?n="50"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(Update, AThousandOperationsInOneRequest) {
  std::string request;
  for (int i = 0; i < 1000; ++i) {
    request += "INSERT DATA { <http://e/s> <http://e/p> " + std::to_string(i) + " } ;\n";
  }
  request += "DELETE WHERE { <http://e/s> <http://e/p> 500 }";
  Run(request);
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { <http://e/s> <http://e/p> ?o }"),
            (Strings{R"(?n="999"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

}  // namespace
}  // namespace silk::testing
