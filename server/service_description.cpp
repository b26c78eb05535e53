#include "server/service_description.h"

#include <fmt/format.h>

#include <sstream>

#include "grammar/rdf/rdf_parser.h"
#include "server/http_reply.h"
#include "server/media_types.h"

namespace silk::server {
namespace {

// Hands each parsed statement to a result writer.
class WriterSink final : public rdf::QuadSink {
 public:
  explicit WriterSink(query::ResultWriter& writer) : writer_(writer) {}
  bool Accept(const rdf::QuadView& quad) override {
    writer_.WriteTriple(quad);
    return true;
  }

 private:
  query::ResultWriter& writer_;
};

// The request's Host when it is a plain host name or address with a port, else where the
// server listens: the description never echoes characters that could break out of an IRI.
std::string Authority(const ServerContext& ctx, const httplib::Request& req) {
  const std::string host = req.get_header_value("Host");
  const bool plain = !host.empty() && host.size() < 256 &&
                     host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789.-:[]") == std::string::npos;
  return plain ? host : ctx.authority;
}

}  // namespace

void WriteServiceDescription(const ServerContext& ctx, const httplib::Request& req,
                             httplib::Response& res) {
  const bool updates = ctx.options.updates && !ctx.options.read_only;
  const std::string turtle = fmt::format(
      "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
      "@prefix formats: <http://www.w3.org/ns/formats/> .\n"
      "<#service> a sd:Service ;\n"
      "  sd:endpoint <http://{0}/sparql> ;\n"
      "  sd:supportedLanguage sd:SPARQL11Query{1} ;\n"
      "  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,\n"
      "    formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV, formats:Turtle,\n"
      "    formats:N-Triples, formats:N-Quads, formats:TriG ;\n"
      "  sd:feature sd:UnionDefaultGraph ;\n"
      "  sd:defaultDataset _:dataset .\n"
      // Labelled, not `[]`: the parser's labels for `[]` are not valid written labels, and
      // these statements go from the parser straight to the writer.
      "_:dataset a sd:Dataset ; sd:defaultGraph _:defaultGraph .\n"
      "_:defaultGraph a sd:Graph .\n",
      Authority(ctx, req), updates ? ", sd:SPARQL11Update" : "");
  const std::optional<query::ResultFormat> format =
      NegotiateFormat(req.get_header_value("Accept"), query::ResultKind::kGraph);
  if (!format) {
    ReplyText(res, 406,
              fmt::format("the service description is a graph; this server writes it as {}",
                          MediaTypesFor(query::ResultKind::kGraph)));
    return;
  }
  std::ostringstream out;
  std::unique_ptr<query::ResultWriter> writer = query::MakeResultWriter(
      *format, out, {.prefixes = {{"sd", "http://www.w3.org/ns/sparql-service-description#"},
                                  {"formats", "http://www.w3.org/ns/formats/"}}});
  WriterSink sink(*writer);
  std::istringstream in(turtle);
  rdf::ParseOptions options;
  options.format = rdf::RdfFormat::kTurtle;
  options.base_iri = fmt::format("http://{}/sparql", Authority(ctx, req));
  if (std::optional<ParseError> error = rdf::ParseRdf(in, options, sink)) {
    ReplyText(res, 500, "the service description is malformed: " + error->message);  // a bug
    return;
  }
  writer->End();
  res.set_content(out.str(), ContentTypeOf(*format));
}

}  // namespace silk::server
