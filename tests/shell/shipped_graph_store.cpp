#include "tests/shell/shipped_graph_store.h"

namespace silk::testing {

TempDir* ShippedGraphStore::dir_ = nullptr;

void ShippedGraphStore::SetUpTestSuite() {
  dir_ = new TempDir();
  ProcessResult load = RunSilk({"--db", Db(), "load", SILK_DATASET_FILE});
  ASSERT_EQ(load.exit_code, 0) << load.err;
}

void ShippedGraphStore::TearDownTestSuite() {
  delete dir_;
  dir_ = nullptr;
}

std::string ShippedGraphStore::Db() { return dir_->Sub("db"); }

ProcessResult ShippedGraphStore::Silk(std::vector<std::string> args, const std::string& input) {
  args.insert(args.begin(), {"--db", Db()});
  return RunSilk(args, input);
}

}  // namespace silk::testing
