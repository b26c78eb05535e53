// The store that holds the data set of the SPARQL evaluation test being run, in a temporary
// directory.
//
// Opening and closing a RocksDB store per test would dominate the run's time (tens of
// milliseconds each, mostly background threads starting and stopping), so one store serves
// the whole run: consecutive tests that name the same files share its contents, and a test
// with other files replaces them in one transaction (every quad deleted, the new files
// inserted). Queries only read, so no test can see another test's writes; the dictionary
// keeps terms of earlier data sets, which only ever look like terms no quad uses.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "tests/conformance/test_files.h"

namespace silk::conformance {

// The files of one data set: each goes to the default graph or to a graph named by its IRI.
struct DatasetSpec {
  std::vector<std::string> default_graph;  // file IRIs (qt:data)
  std::vector<std::string> named_graphs;   // file IRIs (qt:graphData, local FROM targets)
  // (file IRI, graph IRI): update tests name a graph apart from its file (rdfs:label).
  std::vector<std::pair<std::string, std::string>> labelled_graphs;

  friend bool operator==(const DatasetSpec&, const DatasetSpec&) = default;
};

// Not copyable; removes its directories when destroyed.
class DatasetCache {
 public:
  explicit DatasetCache(const TestFiles& files);
  ~DatasetCache();
  DatasetCache(const DatasetCache&) = delete;
  DatasetCache& operator=(const DatasetCache&) = delete;

  // A store holding exactly `spec`'s data. The pointer is valid until the next call.
  // Errors: a data file that cannot be read or parsed, storage errors.
  Result<storage::Store*> Get(const DatasetSpec& spec);
  // Says the store no longer holds what the last Get asked for (an update test wrote to it):
  // the next Get loads its data afresh.
  void Forget() { spec_.reset(); }

 private:
  // Replaces the store's quads with `spec`'s.
  Status Replace(const DatasetSpec& spec);

  const TestFiles& files_;
  std::optional<DatasetSpec> spec_;  // what the store holds; nullopt after a failed load
  std::unique_ptr<storage::Store> store_;
  std::filesystem::path dir_;
};

}  // namespace silk::conformance
