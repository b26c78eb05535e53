// QueryOptions::dataset: the graphs a request names beside its text (the SPARQL Protocol's
// default-graph-uri, named-graph-uri, using-graph-uri, using-named-graph-uri).
#include <gtest/gtest.h>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

using Strings = std::vector<std::string>;

class RequestDataset : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    Load("<http://e/a> <http://e/p> <http://e/x> <http://e/g1> .\n"
         "<http://e/b> <http://e/p> <http://e/x> <http://e/g2> .\n");
  }
};

TEST_F(RequestDataset, ReplacesTheQuerysFrom) {
  options_.dataset = query::RequestDataset{{"http://e/g1"}, {}};
  EXPECT_EQ(Rows("SELECT ?s FROM <http://e/g2> WHERE { ?s ?p ?o }"), (Strings{"?s=<http://e/a>"}));
  // Named graphs alone leave the default graph empty.
  options_.dataset = query::RequestDataset{{}, {"http://e/g2"}};
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s ?p ?o }"), Strings{});
  EXPECT_EQ(Rows("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), (Strings{"?g=<http://e/g2>"}));
  // A graph the store lacks is empty, not an error.
  options_.dataset = query::RequestDataset{{"http://e/none"}, {}};
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s ?p ?o }"), Strings{});
}

TEST_F(RequestDataset, NamesWhatAnUpdateReads) {
  options_.dataset = query::RequestDataset{{"http://e/g2"}, {}};
  Run("INSERT { GRAPH <http://e/g3> { ?s <http://e/seen> 1 } } WHERE { ?s ?p ?o }");
  options_.dataset.reset();
  EXPECT_EQ(Rows("SELECT ?s WHERE { GRAPH <http://e/g3> { ?s ?p ?o } }"), (Strings{"?s=<http://e/b>"}));
}

TEST_F(RequestDataset, AnUpdateThatNamesItsGraphsTooIsRefusedWhole) {
  options_.dataset = query::RequestDataset{{"http://e/g1"}, {}};
  const Status refused = Try(
      "INSERT DATA { <http://e/new> <http://e/p> 1 } ;"
      "WITH <http://e/g2> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }");
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.message().find("USING or WITH"), std::string::npos) << refused.message();
  options_.dataset.reset();
  EXPECT_EQ(Rows("SELECT ?s WHERE { <http://e/new> ?p ?o }"), Strings{});  // nothing ran
}

}  // namespace
}  // namespace silk::testing
