// Sorted runs of quad records: the files a quad log spills, and merging them with the
// records still in memory into one stream of changes. Internal to engine/storage/.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "engine/status.h"
#include "engine/storage/format.h"
#include "engine/storage/quad_record.h"

namespace silk::storage {

// Writes `records`, sorted in the key order of one index, to a new file at `path`; with
// `named_only`, only the quads of named graphs (for gspo). Errors name the file and say when
// the disk is full.
Status WriteRunFile(const std::string& path, std::span<const QuadRecord> records,
                    bool named_only);

// The changes of `index`: run files written for it (oldest first) and then `in_memory`, the
// newest, sorted the same way, merged. For a quad in several, the newest record decides; only
// records that change the store come out. `in_memory` must outlive the cursor.
std::unique_ptr<ChangeCursor> MergeRuns(format::QuadIndex index,
                                        std::span<const std::string> run_files,
                                        std::span<const QuadRecord> in_memory);

}  // namespace silk::storage
