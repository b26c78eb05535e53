// The log RocksDB writes its warnings and errors to, in place of its own LOG file writer.
// Internal to engine/storage/.
//
// RocksDB's writer aborts the process (a failed assertion in its file writer) when it is asked
// to log again after one of its writes failed, which a full or failing disk does at once. This
// log writes each line with one plain append and ignores failures: a log line is a post-mortem
// aid, never worth a crash or an error in a command that otherwise succeeded.
#pragma once

#include <rocksdb/env.h>

#include <memory>
#include <string>

namespace silk::storage {

// The log of the store in `dir`: DIR/LOG, moved to DIR/LOG.old when it passes 1 MiB at open.
// A read-only open logs nowhere, since readers never write into a store.
std::shared_ptr<rocksdb::Logger> MakeStoreLog(const std::string& dir, bool read_only);

// A log that drops every line (for scratch databases, such as the term spill of a load).
std::shared_ptr<rocksdb::Logger> MakeSilentLog();

}  // namespace silk::storage
