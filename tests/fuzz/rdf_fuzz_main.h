// The body of the RDF parser fuzz targets: parse the input in one format to the end, in
// normal and in skip mode, with a sink that reads every term. SILK_FUZZ_FORMAT names the format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "grammar/rdf/rdf_parser.h"

namespace silk::fuzz {

class TouchingSink : public rdf::QuadSink {
 public:
  bool Accept(const rdf::QuadView& quad) override {
    // Read every byte, so that a view into freed or unwritten memory shows up under ASan.
    for (const rdf::TermView* t : {&quad.subject, &quad.predicate, &quad.object, &quad.graph}) {
      for (std::string_view s : {t->value, t->datatype, t->language}) {
        for (char c : s) {
          checksum_ += static_cast<unsigned char>(c);
        }
      }
    }
    return true;
  }
  std::size_t checksum_ = 0;
};

inline void ParseBoth(const std::uint8_t* data, std::size_t size, rdf::RdfFormat format) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  rdf::ParseOptions options;
  options.format = format;
  options.base_iri = "http://example.org/base/";
  {
    std::istringstream in(text);
    TouchingSink sink;
    (void)rdf::ParseRdf(in, options, sink);
  }
  {
    std::istringstream in(text);
    TouchingSink sink;
    options.on_bad_statement = [](const ParseError& /*error*/) {};
    (void)rdf::ParseRdf(in, options, sink);
  }
}

}  // namespace silk::fuzz
