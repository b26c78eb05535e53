#include "engine/query/algebra/translate.h"

#include <algorithm>

namespace silk::query::algebra {
namespace {

void AddName(std::vector<std::string>& names, const ast::Term& term) {
  if (term.IsVariable() && std::find(names.begin(), names.end(), term.value) == names.end()) {
    names.push_back(term.value);
  }
}

bool HasAggregate(const ast::Expression& e) {
  if (e.kind == ast::ExprKind::kAggregate) return true;
  return std::any_of(e.args.begin(), e.args.end(), [](const auto& arg) { return HasAggregate(*arg); });
}

// Join(left, right), or right alone when there is no left yet.
NodePtr JoinTo(NodePtr left, NodePtr right) {
  if (!left) return right;
  std::vector<NodePtr> children;
  children.push_back(std::move(left));
  children.push_back(std::move(right));
  return MakeNode(Kind::kJoin, std::move(children));
}

NodePtr Over(Kind kind, NodePtr input) {
  std::vector<NodePtr> children;
  children.push_back(std::move(input));
  return MakeNode(kind, std::move(children));
}

NodePtr Binary(Kind kind, NodePtr left, NodePtr right) {
  std::vector<NodePtr> children;
  children.push_back(left ? std::move(left) : Unit());
  children.push_back(std::move(right));
  return MakeNode(kind, std::move(children));
}

}  // namespace

NodePtr MakeNode(Kind kind, std::vector<NodePtr> children) {
  auto node = std::make_unique<Node>(kind);
  node->children = std::move(children);
  return node;
}

NodePtr Unit() { return MakeNode(Kind::kTable); }

void AddTripleVariables(const ast::TriplePattern& triple, std::vector<std::string>& names) {
  AddName(names, triple.subject);
  if (!triple.path) AddName(names, triple.predicate);
  AddName(names, triple.object);
}

void AddConjuncts(const ast::Expression& condition, std::vector<const ast::Expression*>& out) {
  if (condition.kind == ast::ExprKind::kAnd) {
    for (const auto& arg : condition.args) AddConjuncts(*arg, out);
    return;
  }
  out.push_back(&condition);
}

NodePtr TranslateGroup(const ast::GroupPattern& group, bool with_filters) {
  if (group.subquery) return TranslateQuery(*group.subquery);
  std::vector<const ast::Expression*> filters;
  NodePtr g;
  // Triples blocks with only FILTERs between them form one basic graph pattern (the filters
  // apply to the whole group anyway), so the planner orders all of their patterns together.
  Node* last_bgp = nullptr;
  for (const ast::PatternElement& element : group.elements) {
    if (const auto* block = std::get_if<ast::TriplesBlock>(&element)) {
      if (block->triples.empty()) continue;  // CONSTRUCT WHERE { } has one
      if (last_bgp == nullptr) {
        NodePtr bgp = MakeNode(Kind::kBgp);
        last_bgp = bgp.get();
        g = JoinTo(std::move(g), std::move(bgp));
      }
      for (const ast::TriplePattern& triple : block->triples) last_bgp->triples.push_back(&triple);
      continue;
    }
    if (const auto* filter = std::get_if<ast::FilterPattern>(&element)) {
      if (with_filters) AddConjuncts(*filter->condition, filters);
      continue;
    }
    last_bgp = nullptr;
    if (const auto* optional = std::get_if<ast::OptionalPattern>(&element)) {
      // OPTIONAL { P FILTER(F) } is LeftJoin(G, P, F): F sees the left row too.
      const ast::GroupPattern& inner = *optional->group;
      NodePtr left_join = Binary(Kind::kLeftJoin, std::move(g), TranslateGroup(inner, false));
      if (!inner.subquery) {
        for (const ast::PatternElement& e : inner.elements) {
          if (const auto* f = std::get_if<ast::FilterPattern>(&e)) {
            left_join->conditions.push_back(f->condition.get());
          }
        }
      }
      g = std::move(left_join);
    } else if (const auto* alternatives = std::get_if<ast::UnionPattern>(&element)) {
      if (alternatives->alternatives.size() == 1) {
        g = JoinTo(std::move(g), TranslateGroup(*alternatives->alternatives[0]));
      } else {
        std::vector<NodePtr> branches;
        for (const auto& alternative : alternatives->alternatives) {
          branches.push_back(TranslateGroup(*alternative));
        }
        g = JoinTo(std::move(g), MakeNode(Kind::kUnion, std::move(branches)));
      }
    } else if (const auto* minus = std::get_if<ast::MinusPattern>(&element)) {
      g = Binary(Kind::kMinus, std::move(g), TranslateGroup(*minus->group));
    } else if (const auto* graph = std::get_if<ast::GraphPattern>(&element)) {
      NodePtr in_graph = Over(Kind::kGraph, TranslateGroup(*graph->group));
      in_graph->graph = &graph->graph;
      in_graph->pattern = graph->group.get();
      g = JoinTo(std::move(g), std::move(in_graph));
    } else if (const auto* bind = std::get_if<ast::BindPattern>(&element)) {
      NodePtr extend = Over(Kind::kExtend, g ? std::move(g) : Unit());
      extend->bindings.push_back({&bind->variable, bind->expression.get()});
      g = std::move(extend);
    } else if (const auto* values = std::get_if<ast::ValuesPattern>(&element)) {
      NodePtr table = MakeNode(Kind::kTable);
      table->values = &values->values;
      g = JoinTo(std::move(g), std::move(table));
    }
  }
  if (!g) g = Unit();
  if (filters.empty()) return g;
  NodePtr filter = Over(Kind::kFilter, std::move(g));
  filter->conditions = std::move(filters);
  return filter;
}

NodePtr TranslateQuery(const ast::Query& query) {
  NodePtr op = query.where ? TranslateGroup(*query.where) : Unit();
  const ast::SolutionModifiers& modifiers = query.modifiers;

  bool aggregates = false;
  for (const ast::Projection& projection : query.projections) {
    aggregates = aggregates || (projection.expression && HasAggregate(*projection.expression));
  }
  for (const auto& having : modifiers.having) aggregates = aggregates || HasAggregate(*having);
  for (const ast::OrderCondition& order : modifiers.order_by) {
    aggregates = aggregates || HasAggregate(*order.expression);
  }
  if (!modifiers.group_by.empty() || aggregates) {
    op = Over(Kind::kGroup, std::move(op));
    op->query = &query;
  }
  if (query.values) {
    NodePtr table = MakeNode(Kind::kTable);
    table->values = &*query.values;
    op = JoinTo(std::move(op), std::move(table));
  }
  // SELECT's expressions form one Extend: one solution at a time, in the order written.
  std::vector<Binding> bindings;
  std::vector<std::string> projected;
  if (query.select_all && query.where) projected = VisibleVariables(*query.where);
  for (const ast::Projection& projection : query.projections) {
    if (projection.expression) bindings.push_back({&projection.variable, projection.expression.get()});
    projected.push_back(projection.variable.value);
  }
  if (!bindings.empty()) {
    op = Over(Kind::kExtend, std::move(op));
    op->bindings = std::move(bindings);
  }
  if (!modifiers.order_by.empty()) {
    op = Over(Kind::kOrderBy, std::move(op));
    for (const ast::OrderCondition& order : modifiers.order_by) op->order.push_back(&order);
  }
  if (query.form == ast::QueryForm::kSelect) {
    op = Over(Kind::kProject, std::move(op));
    op->variables = std::move(projected);
    if (query.distinct) op = Over(Kind::kDistinct, std::move(op));
    if (query.reduced) op = Over(Kind::kReduced, std::move(op));
  }
  if (modifiers.offset || modifiers.limit) {
    op = Over(Kind::kSlice, std::move(op));
    op->offset = modifiers.offset.value_or(0);
    op->limit = modifiers.limit;
  }
  if (query.form == ast::QueryForm::kAsk) {
    op = Over(Kind::kSlice, std::move(op));
    op->limit = 1;
  }
  return op;
}

std::vector<std::string> VisibleVariables(const ast::GroupPattern& pattern) {
  std::vector<std::string> names;
  if (pattern.subquery) {
    for (const ast::Projection& projection : pattern.subquery->projections) {
      AddName(names, projection.variable);
    }
    if (pattern.subquery->select_all && pattern.subquery->where) {
      for (const std::string& name : VisibleVariables(*pattern.subquery->where)) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    return names;
  }
  auto merge = [&](const std::vector<std::string>& more) {
    for (const std::string& name : more) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  };
  for (const ast::PatternElement& element : pattern.elements) {
    if (const auto* block = std::get_if<ast::TriplesBlock>(&element)) {
      for (const ast::TriplePattern& triple : block->triples) AddTripleVariables(triple, names);
    } else if (const auto* optional = std::get_if<ast::OptionalPattern>(&element)) {
      merge(VisibleVariables(*optional->group));
    } else if (const auto* alternatives = std::get_if<ast::UnionPattern>(&element)) {
      for (const auto& alternative : alternatives->alternatives) {
        merge(VisibleVariables(*alternative));
      }
    } else if (const auto* graph = std::get_if<ast::GraphPattern>(&element)) {
      AddName(names, graph->graph);
      merge(VisibleVariables(*graph->group));
    } else if (const auto* bind = std::get_if<ast::BindPattern>(&element)) {
      AddName(names, bind->variable);
    } else if (const auto* values = std::get_if<ast::ValuesPattern>(&element)) {
      for (const ast::Term& var : values->values.variables) AddName(names, var);
    }
  }
  return names;
}

}  // namespace silk::query::algebra
