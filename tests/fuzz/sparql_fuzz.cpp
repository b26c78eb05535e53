// libFuzzer target: the SPARQL parser and validator (ParseQuery, ParseUpdate) on any bytes.
// Every input must come back as an AST or a ParseError: no crash, no sanitizer report, no hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammar/query/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  silk::query::QueryParseOptions options;
  options.predeclared_prefixes = silk::query::WellKnownPrefixes();
  options.base_iri = "http://example.org/base/";
  (void)silk::query::ParseQuery(text, options);
  (void)silk::query::ParseUpdate(text, options);
  options.reject_unbound_projections = false;
  (void)silk::query::ParseQuery(text, options);
  return 0;
}
