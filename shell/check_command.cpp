// silk check: whether the store is sound.
#include <fmt/format.h>

#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/store_location.h"
#include "shell/text_format.h"

namespace silk::shell {

int RunCheck(const Invocation& invocation) {
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  if (Status status = (*store)->Check(); !status.ok()) {
    if (status.message().find("damaged") == std::string::npos) {
      fmt::print(stderr, "silk: the store at {} is damaged:\n", (*store)->dir());
    }
    return ReportFailure(status);
  }
  Result<storage::StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) return ReportFailure(stats.status());
  fmt::print("ok: {} quads; the four indexes, the dictionary, the statistics and the text index agree\n",
             FormatCount(stats->quads));
  return kExitOk;
}

}  // namespace silk::shell
