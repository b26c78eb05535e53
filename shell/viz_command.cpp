// silk viz TERM: a picture of the neighbourhood of an entity.
#include <fmt/format.h>

#include <iostream>

#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/prefixes.h"
#include "shell/store_location.h"
#include "shell/viz_request.h"
#include "viz/graphviz.h"

namespace silk::shell {

int RunViz(const Invocation& invocation) {
  Result<VizRequest> request = ReadVizRequest(invocation);
  if (!request.ok()) {
    fmt::print(stderr, "silk: {}\nTry 'silk viz --help'.\n", request.status().message());
    return kExitUsageError;
  }
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  std::unique_ptr<storage::Snapshot> snapshot = (*store)->GetSnapshot();
  Result<VizResult> result = MakeViz(*snapshot, *request, ShellPrefixes(), std::cout);
  std::cout.flush();
  if (!result.ok()) return ReportFailure(result.status());
  if (!std::cout) {
    fmt::print(stderr, "silk: cannot write the output\n");
    return kExitStorageError;
  }
  if (!result->left_out.empty()) fmt::print(stderr, "silk: not shown: {}\n", result->left_out);
  if (result->graphviz_missing) {
    fmt::print(stderr, "silk: wrote {} (DOT) instead of {}: Graphviz's dot is not installed; {}\n",
               result->written, request->output, viz::kInstallGraphvizHint);
    return kExitDataError;
  }
  if (!result->written.empty()) fmt::print(stderr, "silk: wrote {}\n", result->written);
  return kExitOk;
}

}  // namespace silk::shell
