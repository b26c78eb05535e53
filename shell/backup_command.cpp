// silk backup DIR: a copy of the store as of one commit, taken while others read or write it.
#include <fmt/format.h>

#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/store_location.h"

namespace silk::shell {

int RunBackup(const Invocation& invocation) {
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  const std::string& target = invocation.args[0];
  if (Status status = (*store)->Backup(target); !status.ok()) return ReportFailure(status);
  fmt::print("Copied the store at {} to {}\n", (*store)->dir(), target);
  return kExitOk;
}

}  // namespace silk::shell
