#include "engine/query/pattern_iris.h"

#include <unordered_set>
#include <variant>

#include "engine/query/planner/text_match_plan.h"

namespace silk::query {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

class Collector {
 public:
  void Query(const ast::Query& query) {
    for (const ast::Term& target : query.describe_targets) Add(target, PatternIri::Role::kOther);
    if (query.where) Group(*query.where);
  }
  void Update(const ast::Update& update) {
    for (const ast::UpdateOperation& op : update.operations) {
      if (op.kind == ast::UpdateKind::kDeleteWhere) {
        for (const ast::QuadBlock& block : op.delete_quads) {
          if (block.graph) Add(*block.graph, PatternIri::Role::kGraph);
          for (const ast::TriplePattern& triple : block.triples) Triple(triple);
        }
      } else if (op.kind == ast::UpdateKind::kModify && op.where) {
        Group(*op.where);
      }
    }
  }
  std::vector<PatternIri> Take() { return std::move(iris_); }

 private:
  void Group(const ast::GroupPattern& group) {
    if (group.subquery) Query(*group.subquery);
    for (const ast::PatternElement& element : group.elements) {
      std::visit([&](const auto& e) { Element(e); }, element);
    }
  }
  void Element(const ast::TriplesBlock& block) {
    for (const ast::TriplePattern& triple : block.triples) Triple(triple);
  }
  void Element(const ast::OptionalPattern& optional) { Group(*optional.group); }
  void Element(const ast::MinusPattern& minus) { Group(*minus.group); }
  void Element(const ast::UnionPattern& alternatives) {
    for (const auto& group : alternatives.alternatives) Group(*group);
  }
  void Element(const ast::GraphPattern& graph) {
    Add(graph.graph, PatternIri::Role::kGraph);
    Group(*graph.group);
  }
  // A FILTER's EXISTS is a pattern like any other; its other terms are compared, not matched.
  void Element(const ast::FilterPattern& filter) { Expression(*filter.condition); }
  void Element(const ast::BindPattern&) {}
  void Element(const ast::ValuesPattern&) {}

  void Expression(const ast::Expression& expression) {
    if (expression.pattern) Group(*expression.pattern);
    for (const auto& arg : expression.args) Expression(*arg);
  }

  void Triple(const ast::TriplePattern& triple) {
    Add(triple.subject, PatternIri::Role::kOther);
    if (triple.path) {
      Path(*triple.path);
      Add(triple.object, PatternIri::Role::kOther);
      return;
    }
    // A text pattern's predicate is SilkGraph's own, never a term of the store.
    if (!IsTextPattern(triple)) Add(triple.predicate, PatternIri::Role::kPredicate);
    const bool typed = triple.predicate.IsIri() && triple.predicate.value == kRdfType;
    Add(triple.object, typed ? PatternIri::Role::kClass : PatternIri::Role::kOther);
  }
  // Negated property sets name what is excluded: an unknown one excludes nothing, harmlessly.
  void Path(const ast::Path& path) {
    if (path.kind == ast::PathKind::kLink) Add(path.iri, PatternIri::Role::kPredicate);
    for (const auto& operand : path.operands) Path(*operand);
  }

  void Add(const ast::Term& term, PatternIri::Role role) {
    if (!term.IsIri() || !seen_.insert(term.value).second) return;
    iris_.push_back(
        {term.value, term.written.empty() ? "<" + term.value + ">" : term.written, role});
  }

  std::vector<PatternIri> iris_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

std::vector<PatternIri> PatternIrisOf(const ast::Query& query) {
  Collector collector;
  collector.Query(query);
  return collector.Take();
}

std::vector<PatternIri> PatternIrisOf(const ast::Update& update) {
  Collector collector;
  collector.Update(update);
  return collector.Take();
}

}  // namespace silk::query
