// CLEAR, DROP, CREATE, ADD, MOVE, COPY and LOAD, and what a careless user might ask of them.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>

#include "tests/support/query_fixture.h"

namespace silk::testing {
namespace {

using Strings = std::vector<std::string>;

class GraphManagement : public QueryFixture {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    Load("<http://e/d> <http://e/p> \"default\" .\n"
         "<http://e/a> <http://e/p> \"one\" <http://e/g1> .\n"
         "<http://e/b> <http://e/p> \"two\" <http://e/g1> .\n"
         "<http://e/c> <http://e/p> \"three\" <http://e/g2> .\n");
  }
  // Every quad, "s o g" with the graph's last letters, sorted.
  Strings Quads() {
    return Rows("SELECT ?s ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }");
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::filesystem::path path = dir_.parent_path() / (dir_.filename().string() + name);
    std::ofstream(path) << text;
    files_.push_back(path);
    return path.string();
  }
  void TearDown() override {
    for (const auto& path : files_) std::filesystem::remove(path);
    QueryFixture::TearDown();
  }

 private:
  std::vector<std::filesystem::path> files_;
};

// The store's default graph only: the union default graph would also show the named ones.
TEST_F(GraphManagement, DropTheDefaultGraph) {
  options_.union_default_graph = false;
  Run("DROP DEFAULT");
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s ?p ?o }"), Strings{});
  EXPECT_EQ(Rows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"),
            (Strings{R"(?g=<http://e/g1> ?n="2"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?g=<http://e/g2> ?n="1"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(GraphManagement, DropNamedKeepsTheDefaultGraph) {
  Run("DROP NAMED");
  EXPECT_EQ(Quads(), (Strings{R"(?s=<http://e/d> ?o="default")"}));
  Run("DROP ALL");
  EXPECT_EQ(Quads(), Strings{});
}

TEST_F(GraphManagement, AMissingGraphIsAnErrorUnlessSilent) {
  const Strings before = Quads();
  EXPECT_EQ(Try("DROP GRAPH <http://e/none>").code(), StatusCode::kNotFound);
  EXPECT_EQ(Try("ADD <http://e/none> TO <http://e/g1>").code(), StatusCode::kNotFound);
  EXPECT_EQ(Try("MOVE <http://e/none> TO DEFAULT").code(), StatusCode::kNotFound);
  EXPECT_TRUE(Try("DROP SILENT GRAPH <http://e/none>").ok());
  EXPECT_TRUE(Try("COPY SILENT <http://e/none> TO <http://e/g1>").ok());
  EXPECT_EQ(Quads(), before);
}

// Graphs exist while they hold quads: CREATE of a new graph changes nothing, CREATE of one
// with quads is an error unless SILENT, and a dropped graph is gone.
TEST_F(GraphManagement, CreateAndEmptyGraphs) {
  const Strings before = Quads();
  EXPECT_TRUE(Try("CREATE GRAPH <http://e/new>").ok());
  EXPECT_EQ(Quads(), before);
  EXPECT_EQ(Try("CREATE GRAPH <http://e/g1>").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Try("CREATE SILENT GRAPH <http://e/g1>").ok());
  Run("DROP GRAPH <http://e/g2>");
  EXPECT_TRUE(Try("CREATE GRAPH <http://e/g2>").ok());
  EXPECT_EQ(Try("DROP GRAPH <http://e/g2>").code(), StatusCode::kNotFound);
}

TEST_F(GraphManagement, SameSourceAndTargetChangeNothing) {
  const Strings before = Quads();
  Run("MOVE <http://e/g1> TO <http://e/g1>");
  Run("COPY DEFAULT TO DEFAULT");
  Run("ADD GRAPH <http://e/g2> TO <http://e/g2>");
  EXPECT_EQ(Quads(), before);
}

TEST_F(GraphManagement, AddCopyMove) {
  Run("ADD <http://e/g2> TO <http://e/g1>");
  EXPECT_EQ(Rows("SELECT ?o WHERE { GRAPH <http://e/g1> { ?s ?p ?o } }"),
            (Strings{R"(?o="one")", R"(?o="three")", R"(?o="two")"}));
  Run("COPY DEFAULT TO <http://e/g1>");  // replaces what g1 held
  EXPECT_EQ(Rows("SELECT ?o WHERE { GRAPH <http://e/g1> { ?s ?p ?o } }"),
            (Strings{R"(?o="default")"}));
  Run("MOVE <http://e/g2> TO DEFAULT");
  options_.union_default_graph = false;
  EXPECT_EQ(Rows("SELECT ?o WHERE { ?s ?p ?o }"), (Strings{R"(?o="three")"}));
  EXPECT_EQ(Rows("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), (Strings{"?g=<http://e/g1>"}));
}

// Enough quads for several of the batches a copy writes in.
TEST_F(GraphManagement, CopyALargeGraph) {
  std::string nquads;
  for (int i = 0; i < 10000; ++i) {
    nquads += "<http://e/s" + std::to_string(i) + "> <http://e/p> \"" + std::to_string(i) +
              "\" <http://e/big> .\n";
  }
  Load(nquads);
  Run("COPY <http://e/big> TO <http://e/copy> ; MOVE <http://e/copy> TO <http://e/moved>");
  EXPECT_EQ(Rows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                 "FILTER(?g IN (<http://e/big>, <http://e/copy>, <http://e/moved>)) } GROUP BY ?g"),
            (Strings{R"(?g=<http://e/big> ?n="10000"^^<http://www.w3.org/2001/XMLSchema#integer>)",
                     R"(?g=<http://e/moved> ?n="10000"^^<http://www.w3.org/2001/XMLSchema#integer>)"}));
}

TEST_F(GraphManagement, ACancelledRequestChangesNothing) {
  const Strings before = Quads();
  std::atomic<bool> cancel{true};
  options_.limits.cancel = &cancel;
  const Status status = Try("COPY <http://e/g1> TO <http://e/g3> ; DROP ALL");
  options_.limits.cancel = nullptr;
  EXPECT_EQ(status.code(), StatusCode::kCancelled);
  EXPECT_EQ(Quads(), before);
}

TEST_F(GraphManagement, LoadAFileIntoAGraph) {
  const std::string path =
      WriteFile("-data.ttl", "@prefix : <http://e/> .\n:x :p \"loaded\" ; :q <rel> .\n");
  Run("LOAD <" + path + "> INTO GRAPH <http://e/l> ; "
      "INSERT { ?s <http://e/seen> true } WHERE { GRAPH <http://e/l> { ?s <http://e/p> ?o } }");
  EXPECT_EQ(Rows("SELECT ?o WHERE { GRAPH <http://e/l> { <http://e/x> ?p ?o } }"),
            (Strings{R"(?o="loaded")", "?o=<file://" + std::filesystem::path(path).parent_path().string() + "/rel>"}));
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/seen> true }"), (Strings{"?s=<http://e/x>"}));
}

TEST_F(GraphManagement, AMalformedFileLoadsNothing) {
  const std::string path = WriteFile("-bad.nt", "<http://e/x> <http://e/p> \"ok\" .\n<http://e/x> oops\n");
  const Strings before = Quads();
  const Status status = Try("INSERT DATA { <http://e/new> <http://e/p> 1 } ; LOAD <" + path + ">");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find(":2:"), std::string::npos) << status.message();
  EXPECT_TRUE(Try("LOAD SILENT <" + path + ">").ok());
  EXPECT_EQ(Quads(), before);
}

TEST_F(GraphManagement, LoadRefusesWhatItCannotRead) {
  EXPECT_EQ(Try("LOAD </no/such/file.nt>").code(), StatusCode::kNotFound);
  EXPECT_EQ(Try("LOAD <http://example.org/data.ttl>").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Try("LOAD SILENT <http://example.org/data.ttl>").ok());
  const std::string path = WriteFile("-good.nt", "<http://e/x> <http://e/p> \"ok\" .\n");
  options_.local_files = false;
  const Status refused = Try("LOAD <" + path + ">");
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.message().find("turned off"), std::string::npos);
  EXPECT_EQ(Try("LOAD SILENT <" + path + ">").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Rows("SELECT ?s WHERE { ?s <http://e/p> \"ok\" }"), Strings{});
}

}  // namespace
}  // namespace silk::testing
