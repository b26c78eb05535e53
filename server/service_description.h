// The SPARQL 1.1 Service Description that GET /sparql without a query answers with.
#pragma once

#include <httplib.h>

#include "server/server_context.h"

namespace silk::server {

// Describes the endpoint (its IRI from the request's Host header), the languages it takes
// (SPARQL 1.1 Query, and Update when enabled), its result formats and its default dataset
// (the union of all graphs), in the graph format the Accept header asks for (Turtle unless
// it says otherwise).
void WriteServiceDescription(const ServerContext& ctx, const httplib::Request& req,
                             httplib::Response& res);

}  // namespace silk::server
