#include "engine/names/label_source.h"

#include <set>
#include <tuple>

#include "engine/names/label_predicates.h"

namespace silk::names {

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
