// Where `silk` finds its store, and opening it for a command.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "engine/status.h"
#include "engine/storage/store.h"
#include "shell/command_line.h"

namespace silk::shell {

// $SILK_DB, else $XDG_DATA_HOME/silkgraph/default, else ~/.local/share/silkgraph/default.
std::string DefaultStoreDir();

// kReadOrCreate: as kRead, but a missing store is created (the interactive shell, whose
// session may load into it).
enum class Access { kRead, kReadOrCreate, kWrite };

// Opens the store in `dir` (the default store when empty). An existing store is opened
// read-only for kRead, so reading works while another process writes. A read never creates a
// store, except the default one, which is created with the shipped graph; a write creates a
// missing store. A write waits up to options.writer_wait for another writer (see WriterWait),
// saying on standard error whom it waits for. `options` other than read_only apply as given.
Result<std::unique_ptr<storage::Store>> OpenStore(const std::string& dir, Access access,
                                                  storage::StoreOptions options = {});

// How long a write waits for another process's: --wait SECONDS, or kDefaultWriterWait.
// Errors: kInvalidArgument for a --wait that is not a number of seconds.
inline constexpr std::chrono::seconds kDefaultWriterWait{10};
Result<std::chrono::milliseconds> WriterWait(const Invocation& invocation);
// The option spec of --wait, for the commands that write.
OptionSpec WaitOptionSpec();

}  // namespace silk::shell
