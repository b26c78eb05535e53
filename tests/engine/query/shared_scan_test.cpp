// A long index scan is read in pieces by two threads (SharedScan), and a long count counted in
// two halves: the rows, and their order, are those of one thread, with triples in two graphs (the default graph merges them), an
// object range, a graph variable, and a consumer that stops early.
#include <gtest/gtest.h>

#include <string>

#include "engine/query/operators/spare_threads.h"
#include "tests/engine/query/against_one_thread.h"

namespace silk::testing {
namespace {

constexpr const char* kType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

class SharedScans : public AgainstOneThread {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    // 60,000 q-triples, every third one in both graphs; their objects integers.
    for (int i = 0; i < 60000; ++i) {
      const std::string triple = Iri("s" + std::to_string(i % 7919)) + " " + Iri("q") + " \"" +
                                 std::to_string(i) +
                                 "\"^^<http://www.w3.org/2001/XMLSchema#integer> ";
      data += triple + Iri("g1") + " .\n";
      if (i % 3 == 0) data += triple + Iri("g2") + " .\n";
    }
    Load(data);
  }
};

TEST_F(SharedScans, GiveTheRowsInTheOrderOfOneThread) {
  const std::string scan = "SELECT ?s ?o WHERE { ?s " + Iri("q") + " ?o }";
  const bool shared = ExpectSameOutput(scan);
  if (query::SpareThreadCount() > 0) {
    EXPECT_TRUE(shared) << Plan("ANALYZE " + scan);
  }
  ExpectSameOutput("SELECT * WHERE { ?s ?p ?o }");
  ExpectSameOutput("SELECT * WHERE { GRAPH ?g { ?s " + Iri("q") + " ?o } }");
  ExpectSameOutput("SELECT ?s ?o WHERE { ?s " + Iri("q") + " ?o FILTER(?o >= 20000) }");
  // Counts are cut in two halves (CountInHalves), groups split by the cut summed.
  ExpectSameOutput("SELECT (COUNT(*) AS ?n) WHERE { ?s " + Iri("q") + " ?o }");
  ExpectSameOutput("SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s " + Iri("q") + " ?o } GROUP BY ?s");
  ExpectSameOutput("SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s " + Iri("q") + " ?o } GROUP BY ?o");
  ExpectSameOutput("SELECT ?s ?o WHERE { ?s " + Iri("q") + " ?o } LIMIT 10");
}

// A FILTER range on the objects is read as one key range per kind of value (inlined integers,
// the dictionary's): each range is cut into pieces of its own.
TEST_F(SharedScans, CutEachObjectRangeIntoPieces) {
  const std::string query = "SELECT ?s ?o WHERE { ?s " + Iri("q") + " ?o FILTER(?o > 5) }";
  ASSERT_NE(Plan(query).find("key ranges"), std::string::npos) << Plan(query);
  const bool shared = ExpectSameOutput(query);
  if (query::SpareThreadCount() > 0) {
    EXPECT_TRUE(shared) << Plan("ANALYZE " + query);
  }
}

// 70,000 members of one class, made one after another and loaded in one commit (written as
// table files, compressed as the store keeps them): their keys in posg differ in the last bytes
// only, and each 32 KiB block of them takes a few KiB on disk. The scan is still cut into
// pieces, as finely as the approximate sizes tell keys apart (a block). While a piece had to
// take 32 KiB on disk, it was one piece, read on one thread.
class SharedScansOfCompressedKeys : public AgainstOneThread {
 protected:
  void SetUp() override {
    QueryFixture::SetUp();
    std::string data;
    for (int i = 0; i < 70000; ++i) {
      data += Iri("m" + std::to_string(i)) + " " + kType + " " + Iri("C") + " .\n";
    }
    Load(data);
  }
};

TEST_F(SharedScansOfCompressedKeys, AreReadInPieces) {
  const std::string scan = "SELECT ?m WHERE { ?m a " + Iri("C") + " }";
  const bool shared = ExpectSameOutput(scan);
  if (query::SpareThreadCount() > 0) {
    EXPECT_TRUE(shared) << Plan("ANALYZE " + scan);
  }
  ExpectSameOutput("SELECT (COUNT(*) AS ?n) WHERE { ?m a " + Iri("C") + " }");
}

// The union default graph holds each triple once: 60,000, though 20,000 are in two graphs.
TEST_F(SharedScans, MergeTheGraphsWherePiecesMeet) {
  options_.parallel = true;
  EXPECT_EQ(Run("SELECT (COUNT(*) AS ?n) WHERE { ?s " + Iri("q") + " ?o }"), "?n\n60000\n");
  EXPECT_EQ(Run("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s " + Iri("q") + " ?o } }"),
            "?n\n80000\n");
}

}  // namespace
}  // namespace silk::testing
