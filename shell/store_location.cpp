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
  const bool is_new = IsNewStore(path);
  if (is_new && access == Access::kRead && !dir.empty()) {
    return Status::IOError(fmt::format("no store at {} (silk load creates one)", path.string()));
  }
  options.read_only = access != Access::kWrite && !is_new;
  if (!options.read_only) {
    if (access != Access::kWrite) options.writer_wait = kDefaultWriterWait;  // a new store
    if (!options.on_wait) {
      options.on_wait = [path](const std::string& holder) {
        fmt::print(stderr, "Waiting for {} to finish writing to {}\u2026\n", holder, path.string());
      };
    }
  }
  Result<std::unique_ptr<storage::Store>> store = storage::Store::Open(path.string(), options);
  if (dir.empty() && is_new && store.ok()) SeedWithShippedGraph(**store, path);
  return store;
}

Result<std::chrono::milliseconds> WriterWait(const Invocation& invocation) {
  if (!invocation.Has("--wait")) return std::chrono::milliseconds(kDefaultWriterWait);
  const std::string text = invocation.Get("--wait");
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(seconds >= 0) || seconds > 1e6) {
    return Status::InvalidArgument(
        fmt::format("--wait takes a number of seconds (0 to fail at once), not '{}'", text));
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

OptionSpec WaitOptionSpec() {
  return {"--wait", "SECONDS",
          "Wait this long for another process writing to the store (default 10; 0: fail at once)"};
}

}  // namespace silk::shell
