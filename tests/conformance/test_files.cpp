#include "tests/conformance/test_files.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/conformance/rdfxml_reader.h"

namespace silk::conformance {
namespace {

class CollectingSink : public rdf::QuadSink {
 public:
  explicit CollectingSink(std::vector<rdf::Quad>& quads) : quads_(quads) {}
  bool Accept(const rdf::QuadView& quad) override {
    quads_.emplace_back(quad);
    return true;
  }

 private:
  std::vector<rdf::Quad>& quads_;
};

}  // namespace

std::optional<std::filesystem::path> FindConformanceDir(std::string* error) {
  std::filesystem::path dir;
  if (const char* override_dir = std::getenv("SILK_CONFORMANCE_DIR");
      override_dir != nullptr && *override_dir != '\0') {
    dir = override_dir;
  } else if (const char* source = std::getenv("SILK_SOURCE_DIR");
             source != nullptr && *source != '\0') {
    // The suites sit next to the source tree, not in it.
    dir = std::filesystem::path(source) / ".." / "shared" / "conformance";
  } else {
    *error =
        "neither SILK_CONFORMANCE_DIR nor SILK_SOURCE_DIR is set; run through ctest, or "
        "set SILK_CONFORMANCE_DIR to the W3C test data directory";
    return std::nullopt;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    *error = fmt::format("the W3C conformance data directory {} does not exist", dir.string());
    return std::nullopt;
  }
  return std::filesystem::weakly_canonical(dir, ec);
}

std::string TestFiles::IriOf(std::string_view relative) {
  return std::string(kTestsBase) + std::string(relative);
}

std::optional<std::filesystem::path> TestFiles::PathOf(std::string_view iri) const {
  if (!iri.starts_with(kTestsBase)) {
    return std::nullopt;
  }
  iri.remove_prefix(kTestsBase.size());
  iri = iri.substr(0, iri.find('#'));
  return root_ / std::filesystem::path(iri);
}

RdfFile ReadRdfFile(const std::filesystem::path& path, std::string_view base_iri) {
  RdfFile file;
  const std::string name = path.string();
  const std::optional<rdf::RdfFormat> format = rdf::RdfFormatFromPath(name);
  std::ifstream in(path, std::ios::binary);
  if (in && name.ends_with(".rdf")) {
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    std::optional<std::vector<rdf::Quad>> quads = ReadRdfXml(text.str(), base_iri, &error);
    if (!quads) {
      file.error = ParseError{"RDF/XML: " + error, name, 0, 0, ""};
    } else {
      file.quads = std::move(*quads);
    }
    return file;
  }
  if (!format || !in) {
    file.error =
        ParseError{format ? "cannot open the file" : "unknown RDF file extension", name, 0, 0, ""};
    return file;
  }
  rdf::ParseOptions options;
  options.format = *format;
  options.source_name = name;
  options.base_iri = std::string(base_iri);
  CollectingSink sink(file.quads);
  file.error = rdf::ParseRdf(in, options, sink);
  return file;
}

}  // namespace silk::conformance
