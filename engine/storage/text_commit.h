// What one commit changes in the text index. Internal to engine/storage/.
#pragma once

#include "engine/status.h"
#include "engine/storage/literal_changes.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_dictionary.h"
#include "engine/storage/text_index.h"

namespace silk::storage {

// The text family's writes that keep it exact after a commit, given the literals whose quads
// it changes: a string literal enters when it gains its first quad and leaves when it loses
// its last. Passed to `sink` in key order. Reads the store as it is before the commit (whether
// a literal is indexed, how many quads it has), so it must run before the commit's writes
// land; `terms` gives the records of the commit's new terms.
Status WriteTextOfCommit(const RocksDb& rocks, const LiteralChanges& changes,
                         const TermEncoder& terms, const TextWriteSink& sink);

}  // namespace silk::storage
