// Sorted runs of quad records: the files a quad log spills, and merging them with the
// records still in memory into one stream of changes. Internal to engine/storage/.
#pragma once

#include <cstddef>
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
// records that change the store come out. `in_memory` must outlive the cursor. Each run file
// is read through a buffer of `buffer_bytes`.
std::unique_ptr<ChangeCursor> MergeRuns(format::QuadIndex index,
                                        std::span<const std::string> run_files,
                                        std::span<const QuadRecord> in_memory,
                                        std::size_t buffer_bytes);

// The read buffer MergeRuns may give each run file: at most this, and at least
// kMinRunReadBuffer whatever a memory budget says.
inline constexpr std::size_t kMaxRunReadBuffer = std::size_t{1} << 20;
inline constexpr std::size_t kMinRunReadBuffer = std::size_t{4} << 10;

}  // namespace silk::storage
