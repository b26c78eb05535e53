// silk schema: the store's classes, predicates and graphs, with counts and examples.
#include <iostream>

#include "shell/commands.h"
#include "shell/exit_codes.h"
#include "shell/prefixes.h"
#include "shell/schema.h"
#include "shell/output_check.h"
#include "shell/store_location.h"

namespace silk::shell {

int RunSchema(const Invocation& invocation) {
  auto store = OpenStore(invocation.db_dir, Access::kRead);
  if (!store.ok()) return ReportFailure(store.status());
  const Status status = WriteSchema(**store, ShellPrefixes(), std::cout);
  const Status written = FlushAndCheck(std::cout);
  if (!status.ok()) return ReportFailure(status);
  if (!written.ok()) return ReportFailure(written);
  return kExitOk;
}

}  // namespace silk::shell
