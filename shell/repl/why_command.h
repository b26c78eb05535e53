// `.why`: for each row of the last SELECT, the named graphs (the articles) that hold all of
// its facts, found by running the query's pattern again with the row's values fixed.
#pragma once

#include "engine/status.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

Status Why(Session& session);

}  // namespace silk::shell::repl
