// SPARQL updates: INSERT DATA, DELETE DATA, DELETE WHERE, DELETE/INSERT … WHERE, CLEAR.
#pragma once

#include "engine/query/query_engine.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Applies the operations in order, each as one atomic write: its WHERE is read from a
// snapshot taken before it, all its deletions happen before its insertions (SPARQL 1.1
// Update, section 3.1.3), and a failure discards it whole. Templates without GRAPH write the
// store's default graph (or WITH's graph).
Status ExecuteUpdate(const ast::Update& update, storage::Store& store, const QueryOptions& options);

}  // namespace silk::query
