// Committing a large load while the user watches.
#pragma once

#include "engine/status.h"
#include "engine/storage/store.h"
#include "shell/progress_bar.h"

namespace silk::shell {

// Commits `tx`, showing "Writing the indexes…" on `bar` with the share written so far,
// redrawn from a second thread while the commit runs. `bar` must not be used meanwhile.
Status CommitWithProgress(storage::WriteTransaction& tx, ProgressBar& bar);

}  // namespace silk::shell
