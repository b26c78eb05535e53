// Reading a W3C test manifest (manifest.ttl): the tests listed in mf:entries, in order.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::conformance {

inline constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kMfNs =
    "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr std::string_view kQtNs = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr std::string_view kRdftNs = "http://www.w3.org/ns/rdftest#";
inline constexpr std::string_view kDawgtNs =
    "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

// A graph small enough to search by scanning: manifests have a few thousand triples.
class Graph {
 public:
  Graph() = default;
  explicit Graph(std::vector<rdf::Quad> quads) : quads_(std::move(quads)) {}

  // The objects of every (subject, predicate, ?) triple, in document order.
  std::vector<const rdf::Term*> Objects(const rdf::Term& subject, std::string_view predicate) const;
  // The first of them, or nullptr.
  const rdf::Term* Object(const rdf::Term& subject, std::string_view predicate) const;
  // The subjects of every (?, predicate, object) triple.
  std::vector<const rdf::Term*> Subjects(std::string_view predicate, const rdf::Term& object) const;

 private:
  std::vector<rdf::Quad> quads_;
};

// One entry of mf:entries. Type-specific properties (SPARQL's qt:query, qt:data, …) are read
// from `Manifest::graph` by the runner for that type.
struct TestEntry {
  rdf::Term node;                   // the test's IRI (or blank node)
  std::string name;                 // mf:name, or the IRI when there is none
  std::string type;                 // rdf:type, an IRI
  std::optional<rdf::Term> action;  // mf:action
  std::optional<rdf::Term> result;  // mf:result
  bool approved = false;            // rdft:approval or dawgt:approval is …#Approved

  // The test's IRI, for reports and the known-failures list.
  const std::string& id() const { return node.value; }
};

struct Manifest {
  std::string iri;
  Graph graph;
  std::vector<TestEntry> entries;
};

// Reads the manifest at `path`, whose IRI is `iri`. On failure returns nullopt and says why
// in `error` (a syntax error, no mf:Manifest node, a broken mf:entries list).
std::optional<Manifest> ReadManifest(const std::filesystem::path& path, const std::string& iri,
                                     std::string* error);

}  // namespace silk::conformance
