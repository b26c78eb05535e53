// The SPARQL 1.1 Graph Store HTTP Protocol at /store: a graph by ?graph=IRI, the default graph
// by ?default.
//
//   GET, HEAD   the graph, in the format Accept asks for (Turtle unless it says otherwise);
//               404 for a graph the store does not hold
//   PUT         replaces the graph with the body, in one commit (201 when it is new, else 204)
//   POST        adds the body to the graph (201 / 204); with neither ?graph nor ?default, adds
//               an N-Quads or TriG body to the graphs it names
//   DELETE      removes every statement of the graph (204; 404 when there is none)
//
// Bodies are N-Triples, Turtle (and, to the whole store, N-Quads and TriG), loaded as `silk
// load` loads a file (spooled to a temporary file first, so memory never holds it): a
// malformed body changes nothing and gets a 400 with the parser's
// message, "request body:LINE:COL: …".
#pragma once

#include <httplib.h>

#include "server/server_context.h"

namespace silk::server {

void HandleStoreGet(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// PUT and POST read their bodies through `content`, into a temporary file (SpooledBody),
// only once the request has been found allowed and well-formed.
void HandleStorePut(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& content);
void HandleStorePost(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& content);
void HandleStoreDelete(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace silk::server
