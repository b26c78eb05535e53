// A store in a temporary directory, filled from inline N-Quads, that runs SPARQL through the
// engine's façade: the path `silk query` takes, minus the process.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/query/query_engine.h"
#include "engine/storage/store.h"
#include "engine/storage/store_core.h"

namespace silk::testing {

// An IRI of the tests' namespace, written as N-Triples and SPARQL take it: "<http://e/x>".
inline std::string Iri(const std::string& name) { return "<http://e/" + name + ">"; }

class QueryFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Loads N-Quads (N-Triples too) into the store, in one transaction.
  void Load(const std::string& nquads);

  // The rows of a SELECT, each "?a=<x> ?b=\"y\"" over the projected variables in order
  // (unbound ones left out), sorted, so tests compare multisets. Fails the test on error.
  std::vector<std::string> Rows(const std::string& sparql);
  // The output of any query in `format`, or of an update (empty).
  std::string Run(const std::string& sparql, query::ResultFormat format = query::ResultFormat::kTsv);
  // The status of running `sparql` (parse errors included).
  Status Try(const std::string& sparql, std::string* output = nullptr,
             query::ResultFormat format = query::ResultFormat::kTsv);
  // The physical plan of `sparql` (EXPLAIN is added in front; the algebra is left out).
  std::string Plan(const std::string& sparql);
  // The algebra of `sparql` after the optimizer's rewrites, as EXPLAIN shows it.
  std::string Rewritten(const std::string& sparql);
  // The estimated and actual rows (EXPLAIN ANALYZE) of the first operator of the plan whose
  // line starts with `op` ("PropertyPath", "IndexJoin ?x"); fails the test when none does.
  std::pair<double, double> EstimatedAndActual(const std::string& sparql, const std::string& op);

  query::QueryOptions options_;
  // Set before SetUp. An ingest threshold of 0 writes every load as table files, as a bulk
  // load does: their approximate sizes, and so the planner's estimates, are the same in every
  // run (those of the memtable depend on its skip list's random shape).
  storage::StoreTuning tuning_;
  std::unique_ptr<storage::Store> store_;
  std::filesystem::path dir_;
};

// A store whose queries are compared with and without the rewrites (the plan as written).
class AgainstNaive : public QueryFixture {
 protected:
  // Expects the same rows from `query` with and without the rewrites.
  void ExpectSameRows(const std::string& query);
};

}  // namespace silk::testing
