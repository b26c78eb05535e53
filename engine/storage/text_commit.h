// What one commit changes in the text index. Internal to engine/storage/.
#pragma once

#include "engine/status.h"
#include "engine/storage/quad_log.h"
#include "engine/storage/rocks_db.h"
#include "engine/storage/term_dictionary.h"
#include "engine/storage/text_index.h"

namespace silk::storage {

// The text family's writes that keep it exact after `quads` are applied: a string literal
// enters when it gains its first quad and leaves when it loses its last. Reads the store as
// it is before the commit (whether a literal is indexed, how many quads it has), so it must
// run before the commit's writes land; `terms` gives the records of the commit's new terms.
// REQUIRES: `quads` finished.
Result<TextWrites> TextWritesOfCommit(const RocksDb& rocks, const QuadLog& quads,
                                      const TermEncoder& terms);

}  // namespace silk::storage
