// Where the W3C test data lives, and the IRIs its files are known by.
//
// Every file gets the IRI `kTestsBase` + its path below the data directory (as the data's
// README asks), so relative IRIs in manifests, inputs and expected results agree.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/parse_error.h"
#include "grammar/rdf/rdf_parser.h"
#include "grammar/rdf/term.h"

namespace silk::conformance {

inline constexpr std::string_view kTestsBase = "https://w3c.github.io/rdf-tests/";

// The data directory: $SILK_CONFORMANCE_DIR if set, else $SILK_SOURCE_DIR/../shared/conformance.
// On failure returns nullopt and says why in `error` (the variables are unset, or the
// directory is missing).
std::optional<std::filesystem::path> FindConformanceDir(std::string* error);

class TestFiles {
 public:
  explicit TestFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // "https://w3c.github.io/rdf-tests/" + `relative`.
  static std::string IriOf(std::string_view relative);
  // The local file an IRI names (its fragment dropped), or nullopt if the IRI is not below
  // kTestsBase.
  std::optional<std::filesystem::path> PathOf(std::string_view iri) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// The statements of an RDF file read through the loader's façade (rdf::ParseRdf), with the
// format taken from the file name and `base_iri` as the base. RDF/XML (.rdf), which the
// loader does not read, goes through the runner's own minimal reader (rdfxml_reader.h).
struct RdfFile {
  std::vector<rdf::Quad> quads;
  std::optional<ParseError> error;  // a syntax error, or a file that cannot be opened
};
RdfFile ReadRdfFile(const std::filesystem::path& path, std::string_view base_iri);

}  // namespace silk::conformance
