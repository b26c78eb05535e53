// SPARQL 1.1 Update's graph management: CLEAR, DROP, CREATE, ADD, MOVE and COPY
// (section 3.2), as range operations on the graphs' quads.
//
// A graph exists exactly when it holds a quad: the store keeps no list of graphs beside the
// quads. So CREATE GRAPH of a graph without quads succeeds and changes nothing (the graph
// appears with its first quad), CREATE of a graph that holds quads fails unless SILENT, DROP
// is CLEAR, and DROP, CLEAR, or ADD/MOVE/COPY from a named graph without quads fail unless
// SILENT. The default graph always exists.
#pragma once

#include "engine/query/update/request_writes.h"
#include "engine/query/update/stop_check.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Applies `op` (kClear, kDrop, kCreate, kAdd, kMove or kCopy) through `writes`: what view()
// shows is read, in batches of quads taken from one index range per graph, and written back
// through the request's one transaction.
// Errors: kNotFound for a missing graph, kInvalidArgument for CREATE of an existing one
// (neither with SILENT); storage errors.
// `stop` is asked once per batch.
Status ApplyGraphManagement(const ast::UpdateOperation& op, RequestWrites& writes,
                            const StopCheck& stop);

}  // namespace silk::query
