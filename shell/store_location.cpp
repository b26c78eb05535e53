#include "shell/store_location.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

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

}  // namespace

std::string DefaultStoreDir() {
  if (std::string db = EnvOr("SILK_DB", ""); !db.empty()) return db;
  std::string data_home = EnvOr("XDG_DATA_HOME", "");
  if (data_home.empty()) data_home = EnvOr("HOME", ".") + "/.local/share";
  return data_home + "/silkgraph/default";
}

Result<std::unique_ptr<storage::Store>> OpenStore(const std::string& dir, Access access) {
  const std::filesystem::path path = dir.empty() ? DefaultStoreDir() : dir;
  storage::StoreOptions options;
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
  return storage::Store::Open(path.string(), options);
}

}  // namespace silk::shell
