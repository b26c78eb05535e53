// The SPARQL 1.1 Protocol at /sparql: queries by GET (?query=) and POST (a form, or the query
// as the body), updates by POST only (a form's update=, or the update as the body).
#pragma once

#include <httplib.h>

#include <string_view>

#include "engine/query/query_engine.h"
#include "server/server_context.h"

namespace silk::server {

// GET /sparql: a query, or with no query= the service description.
void HandleSparqlGet(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
// POST /sparql: a query or update as a form or as the body itself, read through `content`
// (httplib still caps it at --max-body).
void HandleSparqlPost(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                      const httplib::ContentReader& content);

// Whether the client of `req` may write (see RefuseWrite); when not, answers 401 or 403 itself.
bool MayWrite(const ServerContext& ctx, const httplib::Request& req, httplib::Response& res);

// Prepares and runs `text`, a query or an update as `update` says (the caller has checked
// that the client may write), with `options`, whose limits.cancel is `flag`, and answers in the format the Accept header
// asks for: 200 and the results, 204 after an update, or an error (see ReplyFailure); 400
// when the text is a query where an update was expected or the other way round.
void RunText(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
             std::string_view text, bool update, const query::QueryOptions& options,
             InFlight::Flag& flag);

}  // namespace silk::server
