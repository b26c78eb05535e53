#include "tests/conformance/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "tests/conformance/test_files.h"

namespace silk::conformance {
namespace {

std::string Iri(std::string_view ns, std::string_view local) {
  return std::string(ns) + std::string(local);
}

bool IsIri(const rdf::Term* term, std::string_view iri) {
  return term != nullptr && term->kind == rdf::TermKind::kIri && term->value == iri;
}

}  // namespace

std::vector<const rdf::Term*> Graph::Objects(const rdf::Term& subject,
                                             std::string_view predicate) const {
  std::vector<const rdf::Term*> objects;
  for (const rdf::Quad& q : quads_) {
    if (q.subject == subject && q.predicate.value == predicate) {
      objects.push_back(&q.object);
    }
  }
  return objects;
}

const rdf::Term* Graph::Object(const rdf::Term& subject, std::string_view predicate) const {
  for (const rdf::Quad& q : quads_) {
    if (q.subject == subject && q.predicate.value == predicate) {
      return &q.object;
    }
  }
  return nullptr;
}

std::vector<const rdf::Term*> Graph::Subjects(std::string_view predicate,
                                              const rdf::Term& object) const {
  std::vector<const rdf::Term*> subjects;
  for (const rdf::Quad& q : quads_) {
    if (q.predicate.value == predicate && q.object == object) {
      subjects.push_back(&q.subject);
    }
  }
  return subjects;
}

std::optional<Manifest> ReadManifest(const std::filesystem::path& path, const std::string& iri,
                                     std::string* error) {
  RdfFile file = ReadRdfFile(path, iri);
  if (file.error) {
    *error = "cannot read the manifest: " + file.error->ToString();
    return std::nullopt;
  }
  Manifest manifest{iri, Graph(std::move(file.quads)), {}};
  const Graph& graph = manifest.graph;

  // The manifest node is usually `<>`, i.e. the file's own IRI; a few DAWG manifests make
  // it a blank node (`[] rdf:type mf:Manifest`).
  const std::vector<const rdf::Term*> manifests =
      graph.Subjects(Iri(kRdfNs, "type"), rdf::Term(rdf::TermView::Iri(Iri(kMfNs, "Manifest"))));
  if (manifests.empty()) {
    *error = fmt::format("{} has no node of rdf:type mf:Manifest", path.string());
    return std::nullopt;
  }
  rdf::Term self(rdf::TermView::Iri(iri));
  if (std::none_of(manifests.begin(), manifests.end(),
                   [&](const rdf::Term* node) { return *node == self; })) {
    self = *manifests.front();
  }
  const rdf::Term* list = graph.Object(self, Iri(kMfNs, "entries"));
  if (list == nullptr) {
    *error = fmt::format("{} has no mf:entries", path.string());
    return std::nullopt;
  }

  // Walk the RDF list; a cycle or a missing rdf:rest would otherwise loop or stop silently.
  const std::string nil = Iri(kRdfNs, "nil");
  std::unordered_set<std::string> seen;
  while (!IsIri(list, nil)) {
    const rdf::Term* first = graph.Object(*list, Iri(kRdfNs, "first"));
    if (first == nullptr || !seen.insert(list->value).second) {
      *error = fmt::format("{}: mf:entries is not a well-formed RDF list", path.string());
      return std::nullopt;
    }
    TestEntry entry;
    entry.node = *first;
    const rdf::Term* name = graph.Object(*first, Iri(kMfNs, "name"));
    entry.name = name != nullptr ? name->value : first->value;
    const rdf::Term* type = graph.Object(*first, Iri(kRdfNs, "type"));
    entry.type = type != nullptr ? type->value : "";
    if (const rdf::Term* action = graph.Object(*first, Iri(kMfNs, "action"))) {
      entry.action = *action;
    }
    if (const rdf::Term* result = graph.Object(*first, Iri(kMfNs, "result"))) {
      entry.result = *result;
    }
    // rdft:approval or dawgt:approval; both vocabularies end the IRI with "#Approved".
    for (const std::string& approval : {Iri(kRdftNs, "approval"), Iri(kDawgtNs, "approval")}) {
      const rdf::Term* value = graph.Object(*first, approval);
      if (value != nullptr && value->value.ends_with("#Approved")) {
        entry.approved = true;
      }
    }
    manifest.entries.push_back(std::move(entry));
    list = graph.Object(*list, Iri(kRdfNs, "rest"));
    if (list == nullptr) {
      *error = fmt::format("{}: mf:entries is not a well-formed RDF list", path.string());
      return std::nullopt;
    }
  }
  return manifest;
}

}  // namespace silk::conformance
