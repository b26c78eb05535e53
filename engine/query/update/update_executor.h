// SPARQL 1.1 Update: INSERT DATA, DELETE DATA, DELETE WHERE, DELETE/INSERT … WHERE, LOAD,
// CLEAR, DROP, CREATE, ADD, MOVE and COPY.
#pragma once

#include "engine/query/query_engine.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Applies the request's operations in order, all in one transaction committed at the end: a
// failure anywhere discards the whole request. Each operation sees what the earlier ones did
// (request_writes.h); an operation's WHERE is read before any of its own changes, and all its
// deletions happen before its insertions (SPARQL 1.1 Update, section 3.1.3). Templates without
// GRAPH write the store's default graph (or WITH's graph).
Status ExecuteUpdate(const ast::Update& update, storage::Store& store, const QueryOptions& options);

}  // namespace silk::query
