#include "server/web_page.h"

#include <httplib.h>

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "server/embedded_file.h"
#include "server/http_reply.h"
#include "shell/prefixes.h"

namespace silk::server {
namespace {

// The page runs only its own script and style, and talks only to this server: nothing from
// a CDN, no inline script a query result could smuggle in, no framing by another site.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::string_view ContentTypeOf(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  return "text/plain; charset=utf-8";
}

void Reply(httplib::Response& res, std::string_view body, std::string_view content_type) {
  res.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  // A new binary may serve a new page: the browser asks again rather than keep an old one.
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::string(body), std::string(content_type));
}

const EmbeddedFile* Find(std::span<const EmbeddedFile> files, std::string_view name) {
  for (const EmbeddedFile& file : files) {
    if (file.name == name) return &file;
  }
  return nullptr;
}

// GET PREFIX/NAME for each of `files`; `what` names them in a 404.
void ServeFiles(httplib::Server& http, const std::string& prefix,
                std::span<const EmbeddedFile> files, std::string what) {
  http.Get(prefix + "([^/]+)", [files, what = std::move(what)](const httplib::Request& req,
                                                                httplib::Response& res) {
    const std::string name = req.matches[1];
    const EmbeddedFile* file = Find(files, name);
    if (file == nullptr) {
      ReplyText(res, 404, fmt::format("the web page has no {} named {}", what, name));
      return;
    }
    Reply(res, file->text, ContentTypeOf(file->name));
  });
}

}  // namespace

void AddWebPageRoutes(httplib::Server& http) {
  http.Get("/", [](const httplib::Request&, httplib::Response& res) {
    Reply(res, Find(WebPageFiles(), "index.html")->text, ContentTypeOf("index.html"));
  });
  // Declared here, not in the page, so that the page shows what the server really declares.
  http.Get("/web/prefixes.rq", [](const httplib::Request&, httplib::Response& res) {
    std::string lines;
    for (const auto& [name, iri] : shell::ShellPrefixes()) {
      lines += fmt::format("PREFIX {}: <{}>\n", name, iri);
    }
    Reply(res, lines, ContentTypeOf(".rq"));
  });
  http.Get("/web/examples", [](const httplib::Request&, httplib::Response& res) {
    std::string names;
    for (const EmbeddedFile& file : ExampleQuestions()) names += fmt::format("{}\n", file.name);
    Reply(res, names, ContentTypeOf(".txt"));
  });
  ServeFiles(http, "/web/examples/", ExampleQuestions(), "example question");
  ServeFiles(http, "/web/", WebPageFiles(), "file");
}

}  // namespace silk::server
