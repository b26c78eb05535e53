// Where `silk` finds its store, and opening it for a command.
#pragma once

#include <memory>
#include <string>

#include "engine/status.h"
#include "engine/storage/store.h"

namespace silk::shell {

// $SILK_DB, else $XDG_DATA_HOME/silkgraph/default, else ~/.local/share/silkgraph/default.
std::string DefaultStoreDir();

enum class Access { kRead, kWrite };

// Opens the store in `dir` (the default store when empty). An existing store is opened
// read-only for kRead, so reading works while another process writes; a missing one is
// created empty either way. `options` other than read_only apply as given.
Result<std::unique_ptr<storage::Store>> OpenStore(const std::string& dir, Access access,
                                                  storage::StoreOptions options = {});

}  // namespace silk::shell
