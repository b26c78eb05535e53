#include "engine/query/request_dataset.h"

namespace silk::query {

std::vector<ast::DatasetClause> DatasetClauses(const RequestDataset& dataset) {
  std::vector<ast::DatasetClause> clauses;
  for (const auto* graphs : {&dataset.default_graphs, &dataset.named_graphs}) {
    for (const std::string& iri : *graphs) {
      ast::DatasetClause clause;
      clause.iri.kind = ast::TermKind::kIri;
      clause.iri.value = iri;
      clause.named = graphs == &dataset.named_graphs;
      clauses.push_back(std::move(clause));
    }
  }
  return clauses;
}

}  // namespace silk::query
