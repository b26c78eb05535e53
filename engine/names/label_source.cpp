#include "engine/names/label_source.h"

#include <set>
#include <string_view>
#include <tuple>

namespace silk::names {
namespace {

struct LabelPredicate {
  std::string_view iri;
  bool preferred;
};

constexpr LabelPredicate kLabelPredicates[] = {
    {"http://www.w3.org/2004/02/skos/core#prefLabel", true},
    {"http://www.w3.org/2004/02/skos/core#altLabel", false},
    // SKOS's label for search only: a misprint or an inflected form an article prints.
    {"http://www.w3.org/2004/02/skos/core#hiddenLabel", false},
    {"http://schema.org/name", false},
    {"https://schema.org/name", false},
    {"http://www.w3.org/2000/01/rdf-schema#label", false},
};

}  // namespace

Result<std::vector<EntityLabel>> ReadLabels(const storage::Snapshot& snapshot) {
  std::vector<EntityLabel> labels;
  std::set<std::tuple<storage::TermId, storage::TermId, bool>> seen;
  for (const LabelPredicate& predicate : kLabelPredicates) {
    Result<std::optional<storage::TermId>> id = snapshot.Lookup(rdf::TermView::Iri(predicate.iri));
    if (!id.ok()) return id.status();
    if (!id->has_value()) continue;  // no statement uses this predicate
    storage::QuadPattern pattern;
    pattern.p = **id;
    std::unique_ptr<storage::QuadIterator> it = snapshot.Scan(pattern);
    for (; it->Valid(); it->Next()) {
      const storage::QuadIds quad = it->quad();
      if (!seen.emplace(quad.s, quad.o, predicate.preferred).second) continue;
      Result<rdf::Term> object = snapshot.Decode(quad.o);
      if (!object.ok()) return object.status();
      if (object->kind != rdf::TermKind::kLiteral) continue;
      Result<rdf::Term> subject = snapshot.Decode(quad.s);
      if (!subject.ok()) return subject.status();
      labels.push_back({subject->value, object->value, object->language, predicate.preferred});
    }
    if (Status status = it->status(); !status.ok()) return status;
  }
  return labels;
}

}  // namespace silk::names
