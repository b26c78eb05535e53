// GET /viz?term=IRI: the picture of an entity's neighbourhood as SVG, drawn on the server, so
// that the web page shows it one click away from any IRI in a result.
#pragma once

namespace httplib {
class Server;
}

namespace silk::server {

struct ServerContext;

// Adds GET /viz to `http`. Parameters: term (an IRI, a prefixed name or a name, as `silk viz`
// takes it), depth (1 to 3, default 1), max-nodes (1 to 100, default 30). Answers
// image/svg+xml; 400 for bad parameters or a name that fits several entities, 404 for a term
// the store holds nothing about, 501 when Graphviz is not installed, 503 when drawing takes
// longer than the server's query timeout (at most 30 s) or the server is stopping.
// Nothing a request sends is read as a file, neither by silk nor by Graphviz.
// REQUIRES: `ctx` outlives `http`.
void AddVizRoute(httplib::Server& http, ServerContext& ctx);

}  // namespace silk::server
