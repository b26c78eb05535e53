// silk load FILE… : every file in one transaction, so a bad line anywhere loads nothing
// (unless --skip-bad, which leaves bad lines out and lists them in a report). The shell's
// .load is the same load (shell/load_request.h).
#include <fmt/format.h>
#include <unistd.h>

#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/load_request.h"
#include "shell/store_location.h"

namespace silk::shell {

int RunLoad(const Invocation& invocation) {
  Result<LoadRequest> request = MakeLoadRequest(
      invocation, invocation.db_dir.empty() ? DefaultStoreDir() : invocation.db_dir);
  if (!request.ok()) {
    if (request.status().code() != StatusCode::kInvalidArgument) {
      return ReportFailure(request.status());
    }
    fmt::print(stderr, "silk: {}\n", request.status().message());
    return kExitUsageError;
  }
  // A bar where someone watches: on a terminal, or anywhere when asked for.
  request->show_progress = request->show_progress || ::isatty(STDERR_FILENO) == 1;

  Result<std::chrono::milliseconds> wait = WriterWait(invocation);
  if (!wait.ok()) {
    fmt::print(stderr, "silk: {}\n", wait.status().message());
    return kExitUsageError;
  }
  storage::StoreOptions options;
  options.block_cache_bytes = kLoadBlockCacheBytes;
  options.key_cache_bytes = 0;  // a load runs no query that would read the keys again
  options.writer_wait = *wait;
  auto store = OpenStore(invocation.db_dir, Access::kWrite, options);
  if (!store.ok()) return ReportFailure(store.status());
  LoadOutcome outcome;
  if (Status status = RunLoadRequest(**store, *request, outcome); !status.ok()) {
    ReportFailure(status);
    PrintWhereLoadStopped(outcome);
    return ReportFailure(NothingLoaded(status));
  }
  PrintLoadSummary(*request, outcome, stdout);
  return kExitOk;
}

}  // namespace silk::shell
