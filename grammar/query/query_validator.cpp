#include "grammar/query/query_validator.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace silk::query {

namespace {

using VarSet = std::set<std::string, std::less<>>;

[[noreturn]] void Fail(ast::Position pos, std::string message) {
  throw ValidationError{std::move(message), pos};
}

void AddTermVariable(const ast::Term& term, VarSet& out) {
  if (term.IsVariable()) {
    out.insert(term.value);
  }
}

bool HasAggregate(const ast::Expression& e) {
  if (e.kind == ast::ExprKind::kAggregate) {
    return true;
  }
  for (const auto& arg : e.args) {
    if (HasAggregate(*arg)) {
      return true;
    }
  }
  return false;
}

// The variables of `e` outside aggregate calls, with the position of their first use.
void FreeVariables(const ast::Expression& e, std::map<std::string, ast::Position>& out) {
  if (e.kind == ast::ExprKind::kAggregate) {
    return;
  }
  if (e.kind == ast::ExprKind::kVariable) {
    out.emplace(e.term.value, e.pos);
  }
  for (const auto& arg : e.args) {
    FreeVariables(*arg, out);
  }
}

class Validator {
 public:
  explicit Validator(const QueryParseOptions& options) : options_(options) {}

  // Checks `query` and returns the in-scope variables of its WHERE clause (and trailing VALUES),
  // which SELECT * projects. Each subquery is visited once, so nesting costs linear time.
  VarSet Query(const ast::Query& query) {
    VarSet where_scope;
    if (query.where) {
      Group(*query.where, where_scope);
    }
    if (query.values) {
      for (const ast::Term& v : query.values->variables) {
        where_scope.insert(v.value);
      }
    }
    for (const auto& c : query.modifiers.group_by) {
      NoAggregate(*c.expression, "GROUP BY");
      Expression(*c.expression);
    }
    for (const auto& e : query.modifiers.having) {
      Expression(*e);
    }
    for (const auto& c : query.modifiers.order_by) {
      Expression(*c.expression);
    }
    if (query.form == ast::QueryForm::kSelect) {
      Projections(query, where_scope);
    }
    return where_scope;
  }

  // Checks `group` and adds the variables it binds (its in-scope variables) to `scope`.
  void Group(const ast::GroupPattern& group, VarSet& scope) {
    if (group.subquery) {
      const VarSet inner = Query(*group.subquery);
      ProjectedVariables(*group.subquery, inner, scope);
      return;
    }
    VarSet local;
    for (const ast::PatternElement& element : group.elements) {
      if (!std::holds_alternative<ast::FilterPattern>(element) &&
          !std::holds_alternative<ast::TriplesBlock>(element)) {
        ++bgp_;  // anything but a FILTER ends the basic graph pattern
      }
      std::visit([&](const auto& e) { Element(e, local); }, element);
    }
    ++bgp_;
    scope.insert(local.begin(), local.end());
  }

  void Expression(const ast::Expression& e) {
    if (e.pattern) {
      VarSet ignored;
      Group(*e.pattern, ignored);
    }
    for (const auto& arg : e.args) {
      Expression(*arg);
    }
  }

 private:
  void Element(const ast::TriplesBlock& block, VarSet& scope) {
    for (const ast::TriplePattern& t : block.triples) {
      for (const ast::Term* term : {&t.subject, &t.predicate, &t.object}) {
        AddTermVariable(*term, scope);
        if (term->IsBlank() && !term->IsGeneratedBlank()) {
          const auto [it, inserted] = blank_labels_.emplace(term->value, bgp_);
          if (!inserted && it->second != bgp_) {
            Fail(term->pos, fmt::format("blank node {} is already used in another basic graph "
                                        "pattern; use a variable to join them",
                                        term->written));
          }
        }
      }
    }
  }
  void Element(const ast::OptionalPattern& p, VarSet& scope) { Group(*p.group, scope); }
  void Element(const ast::UnionPattern& p, VarSet& scope) {
    for (const auto& alternative : p.alternatives) {
      Group(*alternative, scope);
    }
  }
  void Element(const ast::MinusPattern& p, VarSet& /*scope*/) {
    VarSet ignored;  // MINUS binds nothing
    Group(*p.group, ignored);
  }
  void Element(const ast::GraphPattern& p, VarSet& scope) {
    AddTermVariable(p.graph, scope);
    Group(*p.group, scope);
  }
  void Element(const ast::FilterPattern& p, VarSet& /*scope*/) {
    NoAggregate(*p.condition, "FILTER");
    Expression(*p.condition);
  }
  void Element(const ast::BindPattern& p, VarSet& scope) {
    NoAggregate(*p.expression, "BIND");
    Expression(*p.expression);
    if (scope.contains(p.variable.value)) {
      Fail(p.variable.pos, fmt::format("BIND assigns {} which is already bound earlier in the "
                                       "group; choose a new variable",
                                       p.variable.written));
    }
    scope.insert(p.variable.value);
  }
  void Element(const ast::ValuesPattern& p, VarSet& scope) {
    for (const ast::Term& v : p.values.variables) {
      scope.insert(v.value);
    }
  }

  void NoAggregate(const ast::Expression& e, std::string_view where) {
    if (e.kind == ast::ExprKind::kAggregate) {
      Fail(e.pos, fmt::format("{} is an aggregate; aggregates are only allowed in SELECT, HAVING "
                              "and ORDER BY, not in {}",
                              ast::AggregateName(e.aggregate), where));
    }
    for (const auto& arg : e.args) {
      NoAggregate(*arg, where);
    }
  }

  // Adds what `query` projects to `scope`; `where_scope` is what Query() returned for it.
  // (Walking the pattern again here, once per level, made nested SELECT * exponential.)
  static void ProjectedVariables(const ast::Query& query, const VarSet& where_scope,
                                 VarSet& scope) {
    if (query.select_all) {
      scope.insert(where_scope.begin(), where_scope.end());
      return;
    }
    for (const ast::Projection& p : query.projections) {
      scope.insert(p.variable.value);
    }
  }

  void Projections(const ast::Query& query, const VarSet& where_scope) {
    bool aggregated = !query.modifiers.group_by.empty();
    for (const auto& p : query.projections) {
      aggregated = aggregated || (p.expression && HasAggregate(*p.expression));
    }
    for (const auto& e : query.modifiers.having) {
      aggregated = aggregated || HasAggregate(*e);
    }
    for (const auto& c : query.modifiers.order_by) {
      aggregated = aggregated || HasAggregate(*c.expression);
    }

    VarSet group_keys;
    for (const auto& c : query.modifiers.group_by) {
      if (c.variable) {
        if (where_scope.contains(c.variable->value)) {
          Fail(c.variable->pos, fmt::format("GROUP BY … AS {} names a variable that is already "
                                            "bound in the WHERE clause",
                                            c.variable->written));
        }
        group_keys.insert(c.variable->value);
      } else if (c.expression->kind == ast::ExprKind::kVariable) {
        group_keys.insert(c.expression->term.value);
      }
    }

    if (aggregated && query.select_all) {
      Fail(query.pos,
           "SELECT * cannot be used with GROUP BY or aggregates; list the grouped "
           "variables and aggregates instead");
    }

    VarSet aliases;
    for (const ast::Projection& p : query.projections) {
      const std::string& name = p.variable.value;
      if (p.expression) {
        if (where_scope.contains(name)) {
          Fail(p.variable.pos, fmt::format("{} is already bound in the WHERE clause; choose "
                                           "another name after AS",
                                           p.variable.written));
        }
        if (aliases.contains(name) || group_keys.contains(name)) {
          Fail(p.variable.pos,
               fmt::format("{} is already defined by an earlier AS", p.variable.written));
        }
        Expression(*p.expression);
        if (aggregated) {
          std::map<std::string, ast::Position> free;
          FreeVariables(*p.expression, free);
          for (const auto& [var, pos] : free) {
            if (!group_keys.contains(var) && !aliases.contains(var)) {
              Fail(pos, fmt::format("variable ?{} is used outside an aggregate but is not in "
                                    "GROUP BY",
                                    var));
            }
          }
        }
        aliases.insert(name);
        continue;
      }
      if (aggregated && !group_keys.contains(name) && !aliases.contains(name)) {
        Fail(p.pos, fmt::format("variable {} is selected but neither grouped nor aggregated; "
                                "add it to GROUP BY or wrap it in an aggregate such as SAMPLE",
                                p.variable.written));
      }
      if (options_.reject_unbound_projections && !where_scope.contains(name) &&
          !aliases.contains(name) && !group_keys.contains(name)) {
        Fail(p.pos,
             fmt::format("variable {} is used in SELECT but never bound", p.variable.written));
      }
    }
  }

  const QueryParseOptions& options_;
  std::map<std::string, int, std::less<>> blank_labels_;  // label -> the BGP it belongs to
  int bgp_ = 0;
};

}  // namespace

std::optional<ValidationError> ValidateQuery(const ast::Query& query,
                                             const QueryParseOptions& options) {
  try {
    Validator(options).Query(query);
  } catch (const ValidationError& e) {
    return e;
  }
  return std::nullopt;
}

namespace {

// SPARQL 1.1 Update, section 19.6: the blank nodes of INSERT DATA are new nodes, and a label
// names one node in the operation that writes it; the same label in a later INSERT DATA of the
// request is an error (a template's blank nodes are new for each solution anyway, so its labels
// may repeat across operations).
class OperationBlankLabels {
 public:
  void Operation(const ast::UpdateOperation& op) {
    if (op.kind != ast::UpdateKind::kInsertData) return;
    std::set<std::string, std::less<>> current;
    for (const ast::QuadBlock& block : op.insert_quads) {
      for (const ast::TriplePattern& t : block.triples) {
        for (const ast::Term* term : {&t.subject, &t.predicate, &t.object}) {
          if (!term->IsBlank() || term->IsGeneratedBlank()) continue;
          if (earlier_.contains(term->value)) {
            Fail(term->pos, fmt::format("blank node {} is already used in an earlier INSERT DATA "
                                        "of this update; a label names one node of one operation",
                                        term->written));
          }
          current.insert(term->value);
        }
      }
    }
    earlier_.insert(current.begin(), current.end());
  }

 private:
  std::set<std::string, std::less<>> earlier_;
};

}  // namespace

std::optional<ValidationError> ValidateUpdate(const ast::Update& update,
                                              const QueryParseOptions& options) {
  try {
    OperationBlankLabels labels;
    for (const ast::UpdateOperation& op : update.operations) {
      if (op.where) {
        Validator validator(options);
        VarSet scope;
        validator.Group(*op.where, scope);
      }
      labels.Operation(op);
    }
  } catch (const ValidationError& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace silk::query
