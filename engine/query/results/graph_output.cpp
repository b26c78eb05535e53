#include "engine/query/results/graph_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "grammar/rdf/ntriples_writer.h"

namespace silk::query {
namespace {

// Writes each triple once, in the order first produced.
class TripleSet {
 public:
  explicit TripleSet(ResultWriter& writer) : writer_(writer) {}
  void Add(const rdf::QuadView& triple) {
    std::string key;
    rdf::AppendQuad(key, triple, /*with_graph=*/false);
    if (seen_.insert(std::move(key)).second) writer_.WriteTriple(triple);
  }

 private:
  ResultWriter& writer_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

void WriteConstruct(ExecContext& ctx, Operator& root, const ast::Query& query,
                    ResultWriter& writer) {
  TripleSet triples(writer);
  IdTable batch;
  std::uint64_t solution = 0;
  std::vector<std::string> blank_labels(3);
  while (root.Next(batch)) {
    for (std::size_t r = 0; r < batch.rows(); ++r, ++solution) {
      const std::span<const TermId> row = batch.row(r);
      for (const ast::TriplePattern& pattern : query.construct_template) {
        rdf::TermView terms[3];
        const ast::Term* parts[3] = {&pattern.subject, &pattern.predicate, &pattern.object};
        bool complete = true;
        for (int i = 0; i < 3 && complete; ++i) {
          const ast::Term& part = *parts[i];
          if (part.IsVariable()) {
            const int column = root.ColumnOf(ctx.Variable(part.value));
            complete = column >= 0 && row[column] != kUnbound;
            if (complete) terms[i] = ctx.terms().TermOf(row[column]).view();
          } else if (part.IsBlank()) {
            // A template blank node is a new node for each solution.
            blank_labels[i] = fmt::format("c{}_{}", solution, part.IsGeneratedBlank()
                                                                 ? part.value.substr(1)
                                                                 : part.value);
            terms[i] = rdf::TermView::Blank(blank_labels[i]);
          } else {
            terms[i] = part.view();
          }
        }
        // RDF allows no literal subject and only IRIs as predicates.
        if (!complete || terms[0].IsLiteral() || !terms[1].IsIri()) continue;
        triples.Add({terms[0], terms[1], terms[2], rdf::TermView::DefaultGraph()});
      }
    }
  }
}

void WriteDescribe(ExecContext& ctx, Operator& root, const ast::Query& query,
                   const Dataset& dataset, ResultWriter& writer) {
  std::vector<TermId> resources;
  std::vector<int> columns;
  for (const ast::Term& target : query.describe_targets) {
    if (target.IsVariable()) {
      columns.push_back(root.ColumnOf(ctx.Variable(target.value)));
    } else if (std::optional<TermId> id = ctx.terms().Stored(rdf::TermView::Iri(target.value))) {
      resources.push_back(*id);
    }
  }
  if (query.describe_all) {
    for (std::size_t c = 0; c < root.columns().size(); ++c) {
      if (!ctx.VariableName(root.columns()[c]).starts_with("_:")) {
        columns.push_back(static_cast<int>(c));
      }
    }
  }
  IdTable batch;
  while (root.Next(batch)) {
    for (std::size_t r = 0; r < batch.rows(); ++r) {
      for (int column : columns) {
        if (column >= 0 && batch.at(r, column) != kUnbound) resources.push_back(batch.at(r, column));
      }
    }
  }
  std::sort(resources.begin(), resources.end());
  resources.erase(std::unique(resources.begin(), resources.end()), resources.end());

  TripleSet triples(writer);
  ScanPattern pattern;
  if (dataset.default_graphs) {
    pattern.scope = GraphScope::kSet;
    pattern.graphs = *dataset.default_graphs;
  } else if (!dataset.union_default_graph) {
    pattern.slots[kG].constant = storage::kDefaultGraphId;
  }
  for (TermId resource : resources) {
    if (IsLocalId(resource)) continue;
    PatternCursor cursor(ctx.snapshot(), pattern, {resource, std::nullopt, std::nullopt, std::nullopt});
    while (std::optional<storage::QuadIds> quad = cursor.Next()) {
      triples.Add({ctx.terms().TermOf(quad->s).view(), ctx.terms().TermOf(quad->p).view(),
                   ctx.terms().TermOf(quad->o).view(), rdf::TermView::DefaultGraph()});
    }
  }
}

}  // namespace silk::query
