#include "shell/store_location.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "engine/load/loader.h"
#include "shell/text_format.h"

namespace silk::shell {
namespace {

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

bool IsNewStore(const std::filesystem::path& dir) {
  std::error_code ec;
  return !std::filesystem::exists(dir, ec) || std::filesystem::is_empty(dir, ec);
}

// The graph a new default store starts with, so that a first `silk query` has something to
// answer. The build names the source tree's datasets/ (SILK_DATASETS_DIR).
constexpr const char* kShippedGraphFile = "korea-central-asia.trig";

// Loads the shipped graph into a store just created. A failure leaves the store empty and says
// so: the store itself is fine, and `silk load` can fill it later.
void SeedWithShippedGraph(storage::Store& store, const std::filesystem::path& dir) {
  const std::filesystem::path file = std::filesystem::path(SILK_DATASETS_DIR) / kShippedGraphFile;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "Created an empty default store at {} (the shipped graph {} is missing)\n",
               dir.string(), file.string());
    return;
  }
  std::unique_ptr<storage::WriteTransaction> tx = store.BeginWrite();
  load::LoadOptions options;
  options.format = rdf::RdfFormat::kTriG;
  options.source_name = file.string();
  Result<load::LoadCounts> counts = load::LoadInto(*tx, in, options);
  Status status = counts.ok() ? tx->Commit() : counts.status();
  if (!status.ok()) {
    fmt::print(stderr, "Created an empty default store at {} (loading the shipped graph failed: {})\n",
               dir.string(), status.message());
    return;
  }
  fmt::print(stderr, "Created the default store at {} with the Korea \u2013 Central Asia graph ({} statements)\n",
             dir.string(), FormatCount(counts->statements));
}

}  // namespace

std::string DefaultStoreDir() {
  if (std::string db = EnvOr("SILK_DB", ""); !db.empty()) return db;
  std::string data_home = EnvOr("XDG_DATA_HOME", "");
  if (data_home.empty()) data_home = EnvOr("HOME", ".") + "/.local/share";
  return data_home + "/silkgraph/default";
}

Result<std::unique_ptr<storage::Store>> OpenStore(const std::string& dir, Access access,
                                                  storage::StoreOptions options) {
  const std::filesystem::path path = dir.empty() ? DefaultStoreDir() : dir;
  const bool seed = dir.empty() && IsNewStore(path);
  options.read_only = false;
  if (IsNewStore(path)) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) {
      return Status::IOError("cannot create the store directory " + path.string() + ": " +
                             ec.message());
    }
  } else {
    options.read_only = access == Access::kRead;
  }
  Result<std::unique_ptr<storage::Store>> store = storage::Store::Open(path.string(), options);
  if (seed && store.ok()) SeedWithShippedGraph(**store, path);
  return store;
}

}  // namespace silk::shell
