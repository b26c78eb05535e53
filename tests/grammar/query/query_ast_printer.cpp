#include "query_ast_printer.h"

#include <fmt/format.h>

namespace silk::query::testing {

namespace {

std::string Abbreviate(const std::string& iri) {
  static const std::pair<std::string_view, std::string_view> kNamespaces[] = {
      {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"},
      {"http://www.w3.org/2000/01/rdf-schema#", "rdfs:"},
      {"http://www.w3.org/2001/XMLSchema#", "xsd:"},
  };
  for (const auto& [ns, prefix] : kNamespaces) {
    if (iri.starts_with(ns)) {
      return std::string(prefix) + iri.substr(ns.size());
    }
  }
  return "<" + iri + ">";
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) {
      out += ' ';
    }
    out += p;
  }
  return out;
}

std::string ExprOp(ast::ExprKind kind) {
  switch (kind) {
    case ast::ExprKind::kOr:
      return "||";
    case ast::ExprKind::kAnd:
      return "&&";
    case ast::ExprKind::kEqual:
      return "=";
    case ast::ExprKind::kNotEqual:
      return "!=";
    case ast::ExprKind::kLess:
      return "<";
    case ast::ExprKind::kGreater:
      return ">";
    case ast::ExprKind::kLessEqual:
      return "<=";
    case ast::ExprKind::kGreaterEqual:
      return ">=";
    case ast::ExprKind::kIn:
      return "in";
    case ast::ExprKind::kNotIn:
      return "notin";
    case ast::ExprKind::kAdd:
      return "+";
    case ast::ExprKind::kSubtract:
      return "-";
    case ast::ExprKind::kMultiply:
      return "*";
    case ast::ExprKind::kDivide:
      return "/";
    case ast::ExprKind::kNot:
      return "!";
    case ast::ExprKind::kUnaryPlus:
      return "u+";
    case ast::ExprKind::kUnaryMinus:
      return "u-";
    default:
      return "?";
  }
}

std::string PrintTriples(const std::vector<ast::TriplePattern>& triples) {
  std::vector<std::string> parts;
  for (const ast::TriplePattern& t : triples) {
    parts.push_back(fmt::format("({} {} {})", Print(t.subject),
                                t.path ? Print(*t.path) : Print(t.predicate), Print(t.object)));
  }
  return Join(parts);
}

std::string PrintValues(const ast::ValuesBlock& values) {
  std::vector<std::string> vars;
  for (const ast::Term& v : values.variables) {
    vars.push_back(Print(v));
  }
  std::vector<std::string> rows;
  for (const auto& row : values.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) {
      cells.push_back(cell ? Print(*cell) : "UNDEF");
    }
    rows.push_back("(" + Join(cells) + ")");
  }
  return fmt::format("(values ({}){}{})", Join(vars), rows.empty() ? "" : " ", Join(rows));
}

struct ElementPrinter {
  std::string operator()(const ast::TriplesBlock& b) const {
    return "(bgp " + PrintTriples(b.triples) + ")";
  }
  std::string operator()(const ast::OptionalPattern& p) const {
    return "(optional " + Print(*p.group) + ")";
  }
  std::string operator()(const ast::UnionPattern& p) const {
    std::vector<std::string> parts;
    for (const auto& a : p.alternatives) {
      parts.push_back(Print(*a));
    }
    return (p.alternatives.size() == 1 ? "(group " : "(union ") + Join(parts) + ")";
  }
  std::string operator()(const ast::MinusPattern& p) const {
    return "(minus " + Print(*p.group) + ")";
  }
  std::string operator()(const ast::GraphPattern& p) const {
    return fmt::format("(graph {} {})", Print(p.graph), Print(*p.group));
  }
  std::string operator()(const ast::FilterPattern& p) const {
    return "(filter " + Print(*p.condition) + ")";
  }
  std::string operator()(const ast::BindPattern& p) const {
    return fmt::format("(bind {} {})", Print(*p.expression), Print(p.variable));
  }
  std::string operator()(const ast::ValuesPattern& p) const { return PrintValues(p.values); }
};

std::string PrintQuads(const std::vector<ast::QuadBlock>& blocks) {
  std::vector<std::string> parts;
  for (const ast::QuadBlock& b : blocks) {
    if (b.graph) {
      parts.push_back(fmt::format("(graph {} {})", Print(*b.graph), PrintTriples(b.triples)));
    } else {
      parts.push_back(PrintTriples(b.triples));
    }
  }
  return "{" + Join(parts) + "}";
}

}  // namespace

std::string Print(const ast::Term& term) {
  switch (term.kind) {
    case ast::TermKind::kVariable:
      return "?" + term.value;
    case ast::TermKind::kIri:
      return Abbreviate(term.value);
    case ast::TermKind::kBlank:
      return "_:" + term.value;
    case ast::TermKind::kLiteral: {
      std::string out = "\"" + term.value + "\"";
      if (!term.language.empty()) {
        out += "@" + term.language;
      } else if (!term.datatype.empty()) {
        out += "^^" + Abbreviate(term.datatype);
      }
      return out;
    }
  }
  return "?";
}

std::string Print(const ast::Path& path) {
  std::vector<std::string> parts;
  for (const auto& op : path.operands) {
    parts.push_back(Print(*op));
  }
  switch (path.kind) {
    case ast::PathKind::kLink:
      return Print(path.iri);
    case ast::PathKind::kInverse:
      return "(^ " + Join(parts) + ")";
    case ast::PathKind::kSequence:
      return "(/ " + Join(parts) + ")";
    case ast::PathKind::kAlternative:
      return "(| " + Join(parts) + ")";
    case ast::PathKind::kZeroOrMore:
      return "(* " + Join(parts) + ")";
    case ast::PathKind::kOneOrMore:
      return "(+ " + Join(parts) + ")";
    case ast::PathKind::kZeroOrOne:
      return "(? " + Join(parts) + ")";
    case ast::PathKind::kNegatedSet: {
      for (const ast::Term& t : path.negated_forward) {
        parts.push_back(Print(t));
      }
      for (const ast::Term& t : path.negated_inverse) {
        parts.push_back("^" + Print(t));
      }
      return "(! " + Join(parts) + ")";
    }
  }
  return "?";
}

std::string Print(const ast::Expression& e) {
  std::vector<std::string> args;
  for (const auto& a : e.args) {
    args.push_back(Print(*a));
  }
  switch (e.kind) {
    case ast::ExprKind::kTerm:
    case ast::ExprKind::kVariable:
      return Print(e.term);
    case ast::ExprKind::kBuiltin:
      return fmt::format("({}{}{})", ast::BuiltinName(e.builtin), args.empty() ? "" : " ",
                         Join(args));
    case ast::ExprKind::kFunction:
      return fmt::format("({}{}{}{})", Abbreviate(e.function_iri), e.distinct ? " distinct" : "",
                         args.empty() ? "" : " ", Join(args));
    case ast::ExprKind::kExists:
      return "(exists " + Print(*e.pattern) + ")";
    case ast::ExprKind::kNotExists:
      return "(notexists " + Print(*e.pattern) + ")";
    case ast::ExprKind::kAggregate:
      return fmt::format("({}{} {}{})", ast::AggregateName(e.aggregate),
                         e.distinct ? " distinct" : "", args.empty() ? "*" : Join(args),
                         e.separator ? fmt::format(" separator=\"{}\"", *e.separator) : "");
    case ast::ExprKind::kOr:
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kAdd:
    case ast::ExprKind::kSubtract:
    case ast::ExprKind::kMultiply:
    case ast::ExprKind::kDivide: {
      // A chain prints as the nested binary operations it stands for: (+ (+ a b) c).
      std::string text = args.at(0);
      for (std::size_t i = 1; i < args.size(); ++i) {
        text = fmt::format("({} {} {})", ExprOp(e.OperatorAfter(i - 1)), text, args[i]);
      }
      return text;
    }
    default:
      return fmt::format("({} {})", ExprOp(e.kind), Join(args));
  }
}

std::string Print(const ast::GroupPattern& group) {
  if (group.subquery) {
    return "{" + Print(*group.subquery) + "}";
  }
  std::vector<std::string> parts;
  for (const ast::PatternElement& element : group.elements) {
    parts.push_back(std::visit(ElementPrinter{}, element));
  }
  return "{" + Join(parts) + "}";
}

std::string Print(const ast::Query& q) {
  std::vector<std::string> parts;
  switch (q.form) {
    case ast::QueryForm::kSelect: {
      parts.push_back("select");
      if (q.distinct) {
        parts.push_back("distinct");
      }
      if (q.reduced) {
        parts.push_back("reduced");
      }
      std::vector<std::string> items;
      if (q.select_all) {
        items.push_back("*");
      }
      for (const ast::Projection& p : q.projections) {
        items.push_back(p.expression
                            ? fmt::format("(as {} {})", Print(*p.expression), Print(p.variable))
                            : Print(p.variable));
      }
      parts.push_back("(" + Join(items) + ")");
      break;
    }
    case ast::QueryForm::kConstruct:
      parts.push_back(q.construct_where ? "construct-where" : "construct");
      parts.push_back("{" + PrintTriples(q.construct_template) + "}");
      break;
    case ast::QueryForm::kAsk:
      parts.push_back("ask");
      break;
    case ast::QueryForm::kDescribe: {
      parts.push_back("describe");
      std::vector<std::string> items;
      if (q.describe_all) {
        items.push_back("*");
      }
      for (const ast::Term& t : q.describe_targets) {
        items.push_back(Print(t));
      }
      parts.push_back("(" + Join(items) + ")");
      break;
    }
  }
  for (const ast::DatasetClause& d : q.datasets) {
    parts.push_back(fmt::format("({} {})", d.named ? "from-named" : "from", Print(d.iri)));
  }
  if (q.where) {
    parts.push_back(Print(*q.where));
  }
  const ast::SolutionModifiers& m = q.modifiers;
  if (!m.group_by.empty()) {
    std::vector<std::string> items;
    for (const auto& c : m.group_by) {
      items.push_back(c.variable
                          ? fmt::format("(as {} {})", Print(*c.expression), Print(*c.variable))
                          : Print(*c.expression));
    }
    parts.push_back("(group-by " + Join(items) + ")");
  }
  for (const auto& h : m.having) {
    parts.push_back("(having " + Print(*h) + ")");
  }
  if (!m.order_by.empty()) {
    std::vector<std::string> items;
    for (const auto& c : m.order_by) {
      items.push_back(c.descending ? "(desc " + Print(*c.expression) + ")" : Print(*c.expression));
    }
    parts.push_back("(order-by " + Join(items) + ")");
  }
  if (m.limit) {
    parts.push_back(fmt::format("(limit {})", *m.limit));
  }
  if (m.offset) {
    parts.push_back(fmt::format("(offset {})", *m.offset));
  }
  if (q.values) {
    parts.push_back(PrintValues(*q.values));
  }
  return "(" + Join(parts) + ")";
}

std::string Print(const ast::Update& update) {
  std::vector<std::string> parts;
  for (const ast::UpdateOperation& op : update.operations) {
    switch (op.kind) {
      case ast::UpdateKind::kInsertData:
        parts.push_back("(insert-data " + PrintQuads(op.insert_quads) + ")");
        break;
      case ast::UpdateKind::kDeleteData:
        parts.push_back("(delete-data " + PrintQuads(op.delete_quads) + ")");
        break;
      case ast::UpdateKind::kDeleteWhere:
        parts.push_back("(delete-where " + PrintQuads(op.delete_quads) + ")");
        break;
      case ast::UpdateKind::kModify: {
        std::vector<std::string> items{"modify"};
        if (op.with_graph) {
          items.push_back("(with " + Print(*op.with_graph) + ")");
        }
        if (op.has_delete_clause) {
          items.push_back("(delete " + PrintQuads(op.delete_quads) + ")");
        }
        if (op.has_insert_clause) {
          items.push_back("(insert " + PrintQuads(op.insert_quads) + ")");
        }
        for (const ast::DatasetClause& d : op.using_clauses) {
          items.push_back(fmt::format("({} {})", d.named ? "using-named" : "using", Print(d.iri)));
        }
        items.push_back(Print(*op.where));
        parts.push_back("(" + Join(items) + ")");
        break;
      }
      case ast::UpdateKind::kClear:
      case ast::UpdateKind::kDrop:
      case ast::UpdateKind::kCreate:
      case ast::UpdateKind::kLoad:
      case ast::UpdateKind::kAdd:
      case ast::UpdateKind::kMove:
      case ast::UpdateKind::kCopy: {
        static const char* const kNames[] = {"", "", "", "", "clear", "drop", "create",
                                             "load", "add", "move", "copy"};
        const auto target = [&](const ast::GraphTarget& t) {
          static const char* const kScopes[] = {"graph", "default", "named", "all"};
          std::string text = kScopes[static_cast<int>(t.scope)];
          if (t.scope == ast::GraphScope::kGraph) text += " " + Print(t.iri);
          return text;
        };
        std::string text = std::string("(") + kNames[static_cast<int>(op.kind)];
        if (op.silent) text += " silent";
        if (op.kind == ast::UpdateKind::kLoad) text += " " + Print(op.load_source);
        if (op.kind == ast::UpdateKind::kAdd || op.kind == ast::UpdateKind::kMove ||
            op.kind == ast::UpdateKind::kCopy) {
          text += " " + target(op.source);
        }
        parts.push_back(text + " " + target(op.target) + ")");
        break;
      }
    }
  }
  return Join(parts);
}

}  // namespace silk::query::testing
