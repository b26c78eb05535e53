// SPARQL 1.1 Update's LOAD (section 3.1.4): a local RDF file into the request's transaction,
// through the loader `silk load` uses.
#pragma once

#include "engine/query/query_engine.h"
#include "engine/query/update/request_writes.h"
#include "grammar/query/ast.h"

namespace silk::query {

// Loads the document `op.load_source` names into op.target (the default graph, or INTO's
// graph; TriG and N-Quads statements that name a graph keep it). The source is a file: IRI or,
// without a scheme, a path; the format comes from the file name (.nt, .nq, .ttl, .trig, each
// optionally .gz) and relative IRIs in it resolve against the source's IRI.
// There is no network access: an http(s) IRI is refused. With options.local_files off, every
// LOAD is refused, SILENT or not.
// SILENT: a document that cannot be read or parsed loads nothing and is no error (it is
// parsed once before it is loaded, so that nothing of it enters the transaction).
// Errors: kInvalidArgument (turned off, not a file, unknown format), kNotFound / kIOError (the
// file), kSyntax (FILE:LINE:COL), storage errors.
Status ApplyLoad(const ast::UpdateOperation& op, RequestWrites& writes,
                 const QueryOptions& options);

}  // namespace silk::query
