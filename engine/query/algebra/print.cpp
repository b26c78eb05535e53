#include "engine/query/algebra/print.h"

#include "grammar/rdf/ntriples_writer.h"

namespace silk::query::algebra {
namespace {

std::string TermText(const ast::Term& term) {
  if (!term.written.empty()) return term.written;
  if (term.IsVariable()) return "?" + term.value;
  std::string text;
  rdf::AppendTerm(text, term.view());
  return text;
}

std::string PathText(const ast::Path& path) {
  auto joined = [&](const char* separator) {
    std::string text = "(";
    for (std::size_t i = 0; i < path.operands.size(); ++i) {
      text += (i ? separator : "") + PathText(*path.operands[i]);
    }
    return text + ")";
  };
  switch (path.kind) {
    case ast::PathKind::kLink: return TermText(path.iri);
    case ast::PathKind::kInverse: return "^" + PathText(*path.operands[0]);
    case ast::PathKind::kSequence: return joined("/");
    case ast::PathKind::kAlternative: return joined("|");
    case ast::PathKind::kZeroOrMore: return PathText(*path.operands[0]) + "*";
    case ast::PathKind::kOneOrMore: return PathText(*path.operands[0]) + "+";
    case ast::PathKind::kZeroOrOne: return PathText(*path.operands[0]) + "?";
    case ast::PathKind::kNegatedSet: {
      std::string text = "!(";
      bool first = true;
      for (const ast::Term& iri : path.negated_forward) {
        text += (first ? "" : "|") + TermText(iri);
        first = false;
      }
      for (const ast::Term& iri : path.negated_inverse) {
        text += (first ? "^" : "|^") + TermText(iri);
        first = false;
      }
      return text + ")";
    }
  }
  return "?";
}

std::string TripleText(const ast::TriplePattern& triple) {
  return TermText(triple.subject) + " " +
         (triple.path ? PathText(*triple.path) : TermText(triple.predicate)) + " " +
         TermText(triple.object);
}

const char* OperatorText(ast::ExprKind kind) {
  switch (kind) {
    case ast::ExprKind::kOr: return " || ";
    case ast::ExprKind::kAnd: return " && ";
    case ast::ExprKind::kEqual: return " = ";
    case ast::ExprKind::kNotEqual: return " != ";
    case ast::ExprKind::kLess: return " < ";
    case ast::ExprKind::kGreater: return " > ";
    case ast::ExprKind::kLessEqual: return " <= ";
    case ast::ExprKind::kGreaterEqual: return " >= ";
    case ast::ExprKind::kAdd: return " + ";
    case ast::ExprKind::kSubtract: return " - ";
    case ast::ExprKind::kMultiply: return " * ";
    case ast::ExprKind::kDivide: return " / ";
    default: return " ? ";
  }
}

std::string Arguments(const ast::Expression& e, std::size_t from = 0) {
  std::string text;
  for (std::size_t i = from; i < e.args.size(); ++i) {
    text += (i > from ? ", " : "") + ExpressionText(*e.args[i]);
  }
  return text;
}

void Line(std::string& out, int depth, const std::string& text) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += text;
  out += '\n';
}

std::string Conditions(const std::vector<const ast::Expression*>& conditions) {
  std::string text;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    text += (i ? " " : "") + ExpressionText(*conditions[i]);
  }
  return text;
}

std::string OrderText(const std::vector<const ast::OrderCondition*>& order) {
  std::string text;
  for (const ast::OrderCondition* condition : order) {
    const std::string key = ExpressionText(*condition->expression);
    text += condition->descending ? " DESC(" + key + ")" : " " + key;
  }
  return text;
}

void PrintNode(std::string& out, const Node& node, int depth) {
  switch (node.kind) {
    case Kind::kBgp:
      Line(out, depth, "BGP");
      for (const ast::TriplePattern* triple : node.triples) Line(out, depth + 1, TripleText(*triple));
      return;
    case Kind::kJoin: Line(out, depth, "Join"); break;
    case Kind::kLeftJoin:
      Line(out, depth, node.conditions.empty() ? "LeftJoin" : "LeftJoin " + Conditions(node.conditions));
      break;
    case Kind::kFilter: Line(out, depth, "Filter " + Conditions(node.conditions)); break;
    case Kind::kUnion: Line(out, depth, "Union"); break;
    case Kind::kMinus: Line(out, depth, "Minus"); break;
    case Kind::kGraph: Line(out, depth, "Graph " + TermText(*node.graph)); break;
    case Kind::kExtend: {
      std::string text = "Extend";
      for (const Binding& binding : node.bindings) {
        text += " (" + ExpressionText(*binding.expression) + " AS " + TermText(*binding.variable) + ")";
      }
      Line(out, depth, text);
      break;
    }
    case Kind::kTable:
      if (node.values == nullptr) {
        Line(out, depth, "Table unit");
      } else {
        std::string text = "Table";
        for (const ast::Term& var : node.values->variables) text += " " + TermText(var);
        Line(out, depth, text + " (" + std::to_string(node.values->rows.size()) + " rows)");
      }
      break;
    case Kind::kSemiJoin: Line(out, depth, "SemiJoin"); break;
    case Kind::kAntiJoin: Line(out, depth, "AntiJoin"); break;
    case Kind::kGroup: {
      std::string text = "Group";
      for (const ast::GroupCondition& key : node.query->modifiers.group_by) {
        text += " " + ExpressionText(*key.expression);
        if (key.variable) text += " AS " + TermText(*key.variable);
      }
      for (const auto& having : node.query->modifiers.having) text += " HAVING " + ExpressionText(*having);
      Line(out, depth, text);
      break;
    }
    case Kind::kOrderBy: Line(out, depth, "OrderBy" + OrderText(node.order)); break;
    case Kind::kTopK:
      Line(out, depth, "TopK " + std::to_string(*node.limit) + OrderText(node.order));
      break;
    case Kind::kProject: {
      std::string text = "Project";
      for (const std::string& name : node.variables) text += " ?" + name;
      Line(out, depth, text);
      break;
    }
    case Kind::kDistinct: Line(out, depth, "Distinct"); break;
    case Kind::kReduced: Line(out, depth, "Reduced"); break;
    case Kind::kSlice:
      Line(out, depth, "Slice offset " + std::to_string(node.offset) + " limit " +
                           (node.limit ? std::to_string(*node.limit) : std::string("none")));
      break;
  }
  for (const NodePtr& child : node.children) PrintNode(out, *child, depth + 1);
}

}  // namespace

std::string ExpressionText(const ast::Expression& e) {
  switch (e.kind) {
    case ast::ExprKind::kTerm:
    case ast::ExprKind::kVariable: return TermText(e.term);
    case ast::ExprKind::kIn:
    case ast::ExprKind::kNotIn:
      return "(" + ExpressionText(*e.args[0]) + (e.kind == ast::ExprKind::kIn ? " IN (" : " NOT IN (") +
             Arguments(e, 1) + "))";
    case ast::ExprKind::kNot: return "!" + ExpressionText(*e.args[0]);
    case ast::ExprKind::kUnaryPlus: return "+" + ExpressionText(*e.args[0]);
    case ast::ExprKind::kUnaryMinus: return "-" + ExpressionText(*e.args[0]);
    case ast::ExprKind::kBuiltin:
      return std::string(ast::BuiltinName(e.builtin)) + "(" + Arguments(e) + ")";
    case ast::ExprKind::kFunction:
      return "<" + e.function_iri + ">(" + (e.distinct ? "DISTINCT " : "") + Arguments(e) + ")";
    case ast::ExprKind::kExists: return "EXISTS {…}";
    case ast::ExprKind::kNotExists: return "NOT EXISTS {…}";
    case ast::ExprKind::kAggregate:
      return std::string(ast::AggregateName(e.aggregate)) + "(" + (e.distinct ? "DISTINCT " : "") +
             (e.args.empty() ? "*" : Arguments(e)) + ")";
    default: {
      // Binary operators and chains (&&, ||, comparisons, arithmetic).
      std::string text = "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (i > 0) text += OperatorText(e.OperatorAfter(i - 1));
        text += ExpressionText(*e.args[i]);
      }
      return text + ")";
    }
  }
}

std::string Print(const Node& root) {
  std::string out;
  PrintNode(out, root, 0);
  return out;
}

}  // namespace silk::query::algebra
