// The writer for a statement's results in the session's `.mode`.
//
// Solutions and booleans: the mode's own writer. Graphs (CONSTRUCT, DESCRIBE): the modes for
// people, table and line, show them as Turtle with the session's prefixes (what `silk query`
// writes by default); tsv, csv, json and xml are SPARQL's formats of solutions, which have no
// form for a graph, so a graph there is an error rather than text of another format.
#pragma once

#include <memory>

#include "engine/query/query_engine.h"
#include "engine/status.h"
#include "shell/repl/session.h"

namespace silk::shell::repl {

// Errors: kInvalidArgument when the mode cannot show what `request` returns (a graph in
// tsv, csv, json or xml), naming the modes that can. `box` is set when the writer is a boxed
// table (the caller reads its counts and closes it after a failure), else left null.
Result<std::unique_ptr<query::ResultWriter>> MakeModeWriter(Session& session,
                                                            const query::PreparedRequest& request,
                                                            BoxTableWriter** box);

}  // namespace silk::shell::repl
