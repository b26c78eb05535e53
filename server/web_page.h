// The web page at /: a query editor, a results table and the shipped graph's example
// questions, served from the binary itself (server/web/, embedded at build time).
#pragma once

namespace httplib {
class Server;
}

namespace silk::server {

// Adds the page's routes to `http`:
//   GET /                   the page (server/web/index.html)
//   GET /web/FILE           what it loads (app.js, style.css)
//   GET /web/prefixes.rq    the prefixes every query starts with, as PREFIX lines
//   GET /web/examples       the example questions' file names, one a line
//   GET /web/examples/NAME  one example question (a query opening with the question as a comment)
// Each answer forbids the page to load anything from another origin (Content-Security-Policy).
void AddWebPageRoutes(httplib::Server& http);

}  // namespace silk::server
