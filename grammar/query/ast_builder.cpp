#include "grammar/query/ast_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "grammar/query/query_grammar.h"
#include "grammar/rdf/iri.h"
#include "grammar/rdf/unescape.h"

namespace silk::query::internal {

namespace g = silk::query::grammar;

namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

template <typename Rule>
bool Is(const TreeNode& node) {
  return node.is_type<Rule>();
}

ast::Position Pos(const TreeNode& node) {
  return {static_cast<std::uint32_t>(node.m_begin.line),
          static_cast<std::uint32_t>(node.m_begin.column)};
}

[[noreturn]] void Fail(const TreeNode& node, std::string message) {
  throw AstBuildError{std::move(message), Pos(node)};
}

// The node's text without the white space and comments a token rule swallowed after it.
std::string_view TokenText(const TreeNode& node) {
  std::string_view text = node.string_view();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// Levenshtein distance, for "did you mean" suggestions on short names.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

struct BuiltinInfo {
  std::string_view name;  // upper case
  ast::Builtin builtin;
  int min_args;
  int max_args;  // -1: any number
};

constexpr BuiltinInfo kBuiltins[] = {
    {"STR", ast::Builtin::kStr, 1, 1},
    {"LANG", ast::Builtin::kLang, 1, 1},
    {"LANGMATCHES", ast::Builtin::kLangMatches, 2, 2},
    {"DATATYPE", ast::Builtin::kDatatype, 1, 1},
    {"BOUND", ast::Builtin::kBound, 1, 1},
    {"IRI", ast::Builtin::kIri, 1, 1},
    {"URI", ast::Builtin::kUri, 1, 1},
    {"BNODE", ast::Builtin::kBnode, 0, 1},
    {"RAND", ast::Builtin::kRand, 0, 0},
    {"ABS", ast::Builtin::kAbs, 1, 1},
    {"CEIL", ast::Builtin::kCeil, 1, 1},
    {"FLOOR", ast::Builtin::kFloor, 1, 1},
    {"ROUND", ast::Builtin::kRound, 1, 1},
    {"CONCAT", ast::Builtin::kConcat, 0, -1},
    {"STRLEN", ast::Builtin::kStrLen, 1, 1},
    {"UCASE", ast::Builtin::kUCase, 1, 1},
    {"LCASE", ast::Builtin::kLCase, 1, 1},
    {"ENCODE_FOR_URI", ast::Builtin::kEncodeForUri, 1, 1},
    {"CONTAINS", ast::Builtin::kContains, 2, 2},
    {"STRSTARTS", ast::Builtin::kStrStarts, 2, 2},
    {"STRENDS", ast::Builtin::kStrEnds, 2, 2},
    {"STRBEFORE", ast::Builtin::kStrBefore, 2, 2},
    {"STRAFTER", ast::Builtin::kStrAfter, 2, 2},
    {"YEAR", ast::Builtin::kYear, 1, 1},
    {"MONTH", ast::Builtin::kMonth, 1, 1},
    {"DAY", ast::Builtin::kDay, 1, 1},
    {"HOURS", ast::Builtin::kHours, 1, 1},
    {"MINUTES", ast::Builtin::kMinutes, 1, 1},
    {"SECONDS", ast::Builtin::kSeconds, 1, 1},
    {"TIMEZONE", ast::Builtin::kTimezone, 1, 1},
    {"TZ", ast::Builtin::kTz, 1, 1},
    {"NOW", ast::Builtin::kNow, 0, 0},
    {"UUID", ast::Builtin::kUuid, 0, 0},
    {"STRUUID", ast::Builtin::kStrUuid, 0, 0},
    {"MD5", ast::Builtin::kMd5, 1, 1},
    {"SHA1", ast::Builtin::kSha1, 1, 1},
    {"SHA256", ast::Builtin::kSha256, 1, 1},
    {"SHA384", ast::Builtin::kSha384, 1, 1},
    {"SHA512", ast::Builtin::kSha512, 1, 1},
    {"COALESCE", ast::Builtin::kCoalesce, 0, -1},
    {"IF", ast::Builtin::kIf, 3, 3},
    {"STRLANG", ast::Builtin::kStrLang, 2, 2},
    {"STRDT", ast::Builtin::kStrDt, 2, 2},
    {"SAMETERM", ast::Builtin::kSameTerm, 2, 2},
    {"ISIRI", ast::Builtin::kIsIri, 1, 1},
    {"ISURI", ast::Builtin::kIsUri, 1, 1},
    {"ISBLANK", ast::Builtin::kIsBlank, 1, 1},
    {"ISLITERAL", ast::Builtin::kIsLiteral, 1, 1},
    {"ISNUMERIC", ast::Builtin::kIsNumeric, 1, 1},
    {"REGEX", ast::Builtin::kRegex, 2, 3},
    {"SUBSTR", ast::Builtin::kSubstr, 2, 3},
    {"REPLACE", ast::Builtin::kReplace, 3, 4},
};

std::string ArgumentCount(int n) { return n == 1 ? "1 argument" : fmt::format("{} arguments", n); }

// A PN_LOCAL with its backslash escapes removed (%XX stays as written, as SPARQL says).
std::string UnescapeLocal(std::string_view local) {
  std::string out;
  out.reserve(local.size());
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '\\' && i + 1 < local.size()) {
      ++i;
    }
    out += local[i];
  }
  return out;
}

std::unique_ptr<ast::Expression> Binary(ast::ExprKind kind, std::unique_ptr<ast::Expression> lhs,
                                        std::unique_ptr<ast::Expression> rhs) {
  auto e = std::make_unique<ast::Expression>();
  e->kind = kind;
  e->pos = lhs->pos;
  e->args.push_back(std::move(lhs));
  e->args.push_back(std::move(rhs));
  return e;
}

void CheckTemplateTriples(const std::vector<ast::TriplePattern>& triples, std::string_view what) {
  for (const ast::TriplePattern& t : triples) {
    if (t.path) {
      throw AstBuildError{fmt::format("property paths are not allowed in {}", what), t.pos};
    }
  }
}

}  // namespace

AstBuilder::AstBuilder(const QueryParseOptions& options)
    : options_(options), base_(options.base_iri) {
  for (const auto& [prefix, iri] : options.predeclared_prefixes) {
    prefixes_[prefix] = iri;
  }
}

// ---------------------------------------------------------------------------------------------
// Terms

ast::Term AstBuilder::NewBlank(ast::Position pos) {
  ast::Term t;
  t.kind = ast::TermKind::kBlank;
  t.value = fmt::format("%{}", next_blank_++);
  t.written = "[]";
  t.pos = pos;
  return t;
}

std::string AstBuilder::ResolveAgainstBase(const TreeNode& node, std::string_view iri_text) {
  std::string unescaped;
  if (!rdf::AppendUnescaped(unescaped, iri_text)) {
    Fail(node, "this \\u escape does not name a character");
  }
  return rdf::ResolveIri(base_, unescaped);
}

std::string AstBuilder::ExpandPrefixed(const TreeNode& node) {
  const std::string_view text = node.string_view();
  const std::size_t colon = text.find(':');
  const std::string_view prefix = text.substr(0, colon);
  const auto it = prefixes_.find(prefix);
  if (it == prefixes_.end()) {
    // Suggest the closest declared or well-known prefix, if one is close enough to be a typo.
    std::string best;
    std::size_t best_distance = prefix.size() <= 3 ? 1 : 2;
    auto consider = [&](const std::string& candidate) {
      const std::size_t d = EditDistance(prefix, candidate);
      if (d <= best_distance && candidate != prefix) {
        if (best.empty() || d < best_distance) {
          best = candidate;
        }
        best_distance = d;
      }
    };
    for (const auto& [p, iri] : prefixes_) {
      consider(p);
    }
    for (const auto& [p, iri] : WellKnownPrefixes()) {
      consider(p);
    }
    if (!best.empty()) {
      Fail(node, fmt::format("unknown prefix '{}' (did you mean '{}'?)", prefix, best));
    }
    Fail(node, fmt::format("unknown prefix '{}'", prefix));
  }
  return it->second + UnescapeLocal(text.substr(colon + 1));
}

ast::Term AstBuilder::Iri(const TreeNode& node) {
  ast::Term t;
  t.kind = ast::TermKind::kIri;
  t.pos = Pos(node);
  if (Is<g::iriref>(node)) {
    const std::string_view text = node.string_view();
    t.written = std::string(text);
    t.value = ResolveAgainstBase(node, text.substr(1, text.size() - 2));
  } else if (Is<g::prefixed_name>(node)) {
    t.written = std::string(node.string_view());
    t.value = ExpandPrefixed(node);
  } else if (Is<g::kw_a>(node)) {
    t.written = "a";
    t.value = std::string(kRdf) + "type";
  } else {
    Fail(node, "expected an IRI");
  }
  return t;
}

ast::Term AstBuilder::Term(const TreeNode& node) {
  ast::Term t;
  t.pos = Pos(node);
  if (Is<g::iriref>(node) || Is<g::prefixed_name>(node) || Is<g::kw_a>(node)) {
    return Iri(node);
  }
  if (Is<g::var_token>(node)) {
    t.kind = ast::TermKind::kVariable;
    t.written = std::string(node.string_view());
    t.value = t.written.substr(1);
    return t;
  }
  if (Is<g::blank_node_label>(node)) {
    t.kind = ast::TermKind::kBlank;
    t.written = std::string(node.string_view());
    t.value = t.written.substr(2);
    return t;
  }
  if (Is<g::anon>(node)) {
    return NewBlank(t.pos);
  }
  if (Is<g::nil>(node)) {
    t.kind = ast::TermKind::kIri;
    t.written = "()";
    t.value = std::string(kRdf) + "nil";
    return t;
  }
  t.kind = ast::TermKind::kLiteral;
  if (Is<g::rdf_literal>(node)) {
    const TreeNode& str = *node.children.at(0);
    const std::string_view text = str.string_view();
    const std::size_t quote =
        Is<g::string_long_single>(str) || Is<g::string_long_double>(str) ? 3 : 1;
    if (!rdf::AppendUnescaped(t.value, text.substr(quote, text.size() - 2 * quote))) {
      Fail(str, "this \\u escape does not name a character");
    }
    t.written = std::string(text);
    if (node.children.size() > 1) {
      const TreeNode& suffix = *node.children[1];
      if (Is<g::langtag>(suffix)) {
        t.language = std::string(suffix.string_view().substr(1));
        t.written += suffix.string_view();
      } else {
        ast::Term datatype = Iri(suffix);
        t.datatype = datatype.value;
        t.written += "^^" + datatype.written;
      }
    }
    return t;
  }
  t.written = std::string(node.string_view());
  t.value = t.written;
  if (Is<g::integer_literal>(node)) {
    t.datatype = std::string(kXsd) + "integer";
  } else if (Is<g::decimal_literal>(node)) {
    t.datatype = std::string(kXsd) + "decimal";
  } else if (Is<g::double_literal>(node)) {
    t.datatype = std::string(kXsd) + "double";
  } else if (Is<g::kw_true>(node) || Is<g::kw_false>(node)) {
    t.value = Is<g::kw_true>(node) ? "true" : "false";
    t.written = t.value;
    t.datatype = std::string(kXsd) + "boolean";
  } else {
    Fail(node, "expected an RDF term");
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Prologue

void AstBuilder::Prologue(const TreeNode& node) {
  if (Is<g::base_decl>(node)) {
    const std::string_view text = node.children.at(0)->string_view();
    base_ = ResolveAgainstBase(*node.children[0], text.substr(1, text.size() - 2));
    return;
  }
  // PREFIX name: <iri>
  std::string_view name = node.children.at(0)->string_view();
  name.remove_suffix(1);  // the ':'
  const std::string_view text = node.children.at(1)->string_view();
  std::string iri = ResolveAgainstBase(*node.children[1], text.substr(1, text.size() - 2));
  prefixes_[std::string(name)] = iri;
  declared_.emplace_back(std::string(name), std::move(iri));
}

// ---------------------------------------------------------------------------------------------
// Triples

ast::Term AstBuilder::GraphNode(const TreeNode& node, std::vector<ast::TriplePattern>& out) {
  if (Is<g::blank_node_property_list>(node)) {
    ast::Term subject = NewBlank(Pos(node));
    for (const auto& property : node.children) {
      Properties(subject, *property, out);
    }
    return subject;
  }
  if (Is<g::collection>(node)) {
    // ( a b ) is _:c1 rdf:first a; rdf:rest _:c2. _:c2 rdf:first b; rdf:rest rdf:nil.
    ast::Term head;
    ast::Term previous;
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      const TreeNode& item = *node.children[i];
      ast::Term cell = NewBlank(Pos(item));
      ast::Term value = GraphNode(item, out);
      if (i == 0) {
        head = cell;
      } else {
        ast::TriplePattern rest{previous, ast::Term{}, nullptr, cell, previous.pos};
        rest.predicate.value = std::string(kRdf) + "rest";
        rest.predicate.written = "rdf:rest";
        rest.predicate.pos = cell.pos;
        out.push_back(std::move(rest));
      }
      ast::TriplePattern first{cell, ast::Term{}, nullptr, std::move(value), cell.pos};
      first.predicate.value = std::string(kRdf) + "first";
      first.predicate.written = "rdf:first";
      first.predicate.pos = cell.pos;
      out.push_back(std::move(first));
      previous = std::move(cell);
    }
    ast::TriplePattern last{previous, ast::Term{}, nullptr, ast::Term{}, previous.pos};
    last.predicate.value = std::string(kRdf) + "rest";
    last.predicate.written = "rdf:rest";
    last.object.value = std::string(kRdf) + "nil";
    last.object.written = "()";
    last.object.pos = previous.pos;
    out.push_back(std::move(last));
    return head;
  }
  return Term(node);
}

void AstBuilder::Properties(const ast::Term& subject, const TreeNode& property,
                            std::vector<ast::TriplePattern>& out) {
  // property: verb object+
  const TreeNode& verb = *property.children.at(0);
  ast::Term predicate;
  std::unique_ptr<ast::Path> path;
  if (Is<g::var_token>(verb)) {
    predicate = Term(verb);
  } else {
    path = Path(verb);
    if (path->kind == ast::PathKind::kLink) {
      predicate = std::move(path->iri);
      path.reset();
    }
  }
  for (std::size_t i = 1; i < property.children.size(); ++i) {
    ast::Term object = GraphNode(*property.children[i], out);
    ast::TriplePattern triple;
    triple.subject = subject;
    triple.predicate = predicate;
    if (path) {
      // Each object gets its own copy of the path: paths are owned, not shared.
      auto copy = Path(verb);
      triple.path = std::move(copy);
    }
    triple.object = std::move(object);
    triple.pos = subject.pos;
    out.push_back(std::move(triple));
  }
}

void AstBuilder::Triples(const TreeNode& block, std::vector<ast::TriplePattern>& out) {
  for (const auto& same_subject : block.children) {
    const auto& children = same_subject->children;
    const ast::Term subject = GraphNode(*children.at(0), out);
    for (std::size_t i = 1; i < children.size(); ++i) {
      Properties(subject, *children[i], out);
    }
  }
}

std::unique_ptr<ast::Path> AstBuilder::Path(const TreeNode& node) {
  auto path = std::make_unique<ast::Path>();
  path->pos = Pos(node);
  if (Is<g::path_alternative>(node) || Is<g::path_sequence>(node)) {
    path->kind =
        Is<g::path_alternative>(node) ? ast::PathKind::kAlternative : ast::PathKind::kSequence;
    for (const auto& child : node.children) {
      path->operands.push_back(Path(*child));
    }
  } else if (Is<g::path_elt>(node)) {
    const char mod = node.children.at(1)->string_view().front();
    path->kind = mod == '*'   ? ast::PathKind::kZeroOrMore
                 : mod == '+' ? ast::PathKind::kOneOrMore
                              : ast::PathKind::kZeroOrOne;
    path->operands.push_back(Path(*node.children[0]));
  } else if (Is<g::path_inverse>(node)) {
    path->kind = ast::PathKind::kInverse;
    path->operands.push_back(Path(*node.children.at(0)));
  } else if (Is<g::path_negated>(node)) {
    path->kind = ast::PathKind::kNegatedSet;
    for (const auto& item : node.children) {
      if (Is<g::path_inverse_one>(*item)) {
        path->negated_inverse.push_back(Iri(*item->children.at(0)));
      } else {
        path->negated_forward.push_back(Iri(*item));
      }
    }
  } else {
    path->kind = ast::PathKind::kLink;
    path->iri = Iri(node);
  }
  return path;
}

// ---------------------------------------------------------------------------------------------
// Graph patterns

ast::ValuesBlock AstBuilder::Values(const TreeNode& node) {
  // node: values_one_var (var value*) or values_full (values_vars row*)
  ast::ValuesBlock values;
  values.pos = Pos(node);
  auto value_of = [&](const TreeNode& v) -> std::optional<ast::Term> {
    if (Is<g::kw_undef>(v)) {
      return std::nullopt;
    }
    return Term(v);
  };
  if (Is<g::values_one_var>(node)) {
    values.variables.push_back(Term(*node.children.at(0)));
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      values.rows.push_back({value_of(*node.children[i])});
    }
    return values;
  }
  for (const auto& child : node.children) {
    if (Is<g::values_vars>(*child)) {
      for (const auto& v : child->children) {
        if (Is<g::var_token>(*v)) {
          values.variables.push_back(Term(*v));
        }
      }
      continue;
    }
    // values_row
    std::vector<std::optional<ast::Term>> row;
    for (const auto& v : child->children) {
      if (!Is<g::nil>(*v)) {
        row.push_back(value_of(*v));
      }
    }
    if (row.size() != values.variables.size()) {
      Fail(*child, fmt::format("this VALUES row has {} value{} but {} variable{} were declared",
                               row.size(), row.size() == 1 ? "" : "s", values.variables.size(),
                               values.variables.size() == 1 ? "" : "s"));
    }
    values.rows.push_back(std::move(row));
  }
  return values;
}

std::unique_ptr<ast::GroupPattern> AstBuilder::Group(const TreeNode& node) {
  auto group = std::make_unique<ast::GroupPattern>();
  group->pos = Pos(node);
  for (const auto& child_ptr : node.children) {
    const TreeNode& child = *child_ptr;
    const ast::Position pos = Pos(child);
    if (Is<g::sub_select>(child)) {
      auto query = std::make_unique<ast::Query>();
      query->pos = pos;
      query->form = ast::QueryForm::kSelect;
      SelectParts(child, *query);
      group->subquery = std::move(query);
    } else if (Is<g::triples_block>(child)) {
      ast::TriplesBlock block{pos, {}};
      Triples(child, block.triples);
      group->elements.emplace_back(std::move(block));
    } else if (Is<g::group_or_union_pattern>(child)) {
      ast::UnionPattern u{pos, {}};
      for (const auto& alternative : child.children) {
        u.alternatives.push_back(Group(*alternative));
      }
      group->elements.emplace_back(std::move(u));
    } else if (Is<g::optional_pattern>(child)) {
      group->elements.emplace_back(ast::OptionalPattern{pos, Group(*child.children.at(0))});
    } else if (Is<g::minus_pattern>(child)) {
      group->elements.emplace_back(ast::MinusPattern{pos, Group(*child.children.at(0))});
    } else if (Is<g::graph_graph_pattern>(child)) {
      group->elements.emplace_back(
          ast::GraphPattern{pos, Term(*child.children.at(0)), Group(*child.children.at(1))});
    } else if (Is<g::filter>(child)) {
      group->elements.emplace_back(ast::FilterPattern{pos, Expr(*child.children.at(0))});
    } else if (Is<g::bind>(child)) {
      group->elements.emplace_back(
          ast::BindPattern{pos, Expr(*child.children.at(0)), Term(*child.children.at(1))});
    } else if (Is<g::inline_data>(child)) {
      group->elements.emplace_back(ast::ValuesPattern{pos, Values(*child.children.at(0))});
    } else {
      Fail(child, fmt::format("internal error: unexpected '{}' in a group", child.type));
    }
  }
  return group;
}

// ---------------------------------------------------------------------------------------------
// Expressions

std::unique_ptr<ast::Expression> AstBuilder::Builtin(const TreeNode& node) {
  // builtin_call_plain: builtin_name, then the arguments (or nil)
  const TreeNode& name_node = *node.children.at(0);
  const std::string name = Upper(name_node.string_view());
  const BuiltinInfo* info = nullptr;
  for (const BuiltinInfo& candidate : kBuiltins) {
    if (candidate.name == name) {
      info = &candidate;
    }
  }
  if (info == nullptr) {
    Fail(name_node, fmt::format("internal error: unknown builtin {}", name));
  }
  auto e = std::make_unique<ast::Expression>();
  e->kind = ast::ExprKind::kBuiltin;
  e->pos = Pos(node);
  e->builtin = info->builtin;
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    if (!Is<g::nil>(*node.children[i])) {
      e->args.push_back(Expr(*node.children[i]));
    }
  }
  const int n = static_cast<int>(e->args.size());
  if (n < info->min_args || (info->max_args >= 0 && n > info->max_args)) {
    const std::string expected =
        info->min_args == info->max_args
            ? ArgumentCount(info->min_args)
            : (info->max_args < 0
                   ? fmt::format("at least {}", ArgumentCount(info->min_args))
                   : fmt::format("{} to {} arguments", info->min_args, info->max_args));
    Fail(node, fmt::format("{} takes {}, not {}", ast::BuiltinName(info->builtin), expected, n));
  }
  if (info->builtin == ast::Builtin::kBound && e->args[0]->kind != ast::ExprKind::kVariable) {
    Fail(*node.children[1], "BOUND takes a variable");
  }
  return e;
}

std::unique_ptr<ast::Expression> AstBuilder::Aggregate(const TreeNode& node) {
  auto e = std::make_unique<ast::Expression>();
  e->kind = ast::ExprKind::kAggregate;
  e->pos = Pos(node);
  if (Is<g::aggregate_count>(node)) {
    e->aggregate = ast::Aggregate::kCount;
  } else if (Is<g::aggregate_group_concat>(node)) {
    e->aggregate = ast::Aggregate::kGroupConcat;
  }
  for (const auto& child_ptr : node.children) {
    const TreeNode& child = *child_ptr;
    if (Is<g::aggregate_simple_name>(child)) {
      const std::string name = Upper(TokenText(child));
      e->aggregate = name == "SUM"   ? ast::Aggregate::kSum
                     : name == "MIN" ? ast::Aggregate::kMin
                     : name == "MAX" ? ast::Aggregate::kMax
                     : name == "AVG" ? ast::Aggregate::kAvg
                                     : ast::Aggregate::kSample;
    } else if (Is<g::kw_distinct>(child)) {
      e->distinct = true;
    } else if (Is<g::count_star>(child)) {
      // COUNT(*): no argument
    } else if (Is<g::string_short_double>(child) || Is<g::string_short_single>(child) ||
               Is<g::string_long_double>(child) || Is<g::string_long_single>(child)) {
      const std::string_view text = child.string_view();
      const std::size_t quote =
          Is<g::string_long_single>(child) || Is<g::string_long_double>(child) ? 3 : 1;
      std::string separator;
      if (!rdf::AppendUnescaped(separator, text.substr(quote, text.size() - 2 * quote))) {
        Fail(child, "this \\u escape does not name a character");
      }
      e->separator = std::move(separator);
    } else {
      e->args.push_back(Expr(child));
    }
  }
  return e;
}

std::unique_ptr<ast::Expression> AstBuilder::Function(const TreeNode& node) {
  // iri_or_function / function_call: iri, arg_list
  auto e = std::make_unique<ast::Expression>();
  e->kind = ast::ExprKind::kFunction;
  e->pos = Pos(node);
  e->function_iri = Iri(*node.children.at(0)).value;
  for (const auto& arg : node.children.at(1)->children) {
    if (Is<g::kw_distinct>(*arg)) {
      e->distinct = true;
    } else if (!Is<g::nil>(*arg)) {
      e->args.push_back(Expr(*arg));
    }
  }
  return e;
}

std::unique_ptr<ast::Expression> AstBuilder::Expr(const TreeNode& node) {
  const auto& children = node.children;
  if (Is<g::conditional_or_expression>(node) || Is<g::conditional_and_expression>(node)) {
    const ast::ExprKind kind =
        Is<g::conditional_or_expression>(node) ? ast::ExprKind::kOr : ast::ExprKind::kAnd;
    // One n-ary node for the whole chain: a left-deep tree of 10,000 `||` would make every
    // later stage (and the destructor) recurse 10,000 deep.
    auto e = std::make_unique<ast::Expression>();
    e->kind = kind;
    e->pos = Pos(node);
    for (const auto& child : children) {
      e->args.push_back(Expr(*child));
    }
    e->pos = e->args.front()->pos;
    return e;
  }
  if (Is<g::additive_expression>(node) || Is<g::multiplicative_expression>(node)) {
    // One node for the chain, with its operators in `ops` (see ast::ExprKind::kAdd).
    auto e = std::make_unique<ast::Expression>();
    e->kind = Is<g::additive_expression>(node) ? ast::ExprKind::kAdd : ast::ExprKind::kMultiply;
    e->args.push_back(Expr(*children.at(0)));
    e->pos = e->args.front()->pos;
    bool mixed = false;
    for (std::size_t i = 1; i + 1 < children.size(); i += 2) {
      const TreeNode& op = *children[i];
      const ast::ExprKind kind = Is<g::op_plus>(op)       ? ast::ExprKind::kAdd
                                 : Is<g::op_minus>(op)    ? ast::ExprKind::kSubtract
                                 : Is<g::op_multiply>(op) ? ast::ExprKind::kMultiply
                                                          : ast::ExprKind::kDivide;
      mixed = mixed || (!e->ops.empty() && kind != e->ops.back());
      e->ops.push_back(kind);
      e->args.push_back(Expr(*children[i + 1]));
    }
    if (!mixed) {
      e->kind = e->ops.front();  // a + b + c is kAdd, a - b - c kSubtract: ops is redundant
      e->ops.clear();
    }
    return e;
  }
  if (Is<g::relational_expression>(node)) {
    const TreeNode& op = *children.at(1);
    if (Is<g::op_in>(op) || Is<g::op_not_in>(op)) {
      auto e = std::make_unique<ast::Expression>();
      e->kind = Is<g::op_in>(op) ? ast::ExprKind::kIn : ast::ExprKind::kNotIn;
      e->pos = Pos(node);
      e->args.push_back(Expr(*children[0]));
      for (std::size_t i = 2; i < children.size(); ++i) {
        if (!Is<g::nil>(*children[i])) {
          e->args.push_back(Expr(*children[i]));
        }
      }
      return e;
    }
    const ast::ExprKind kind = Is<g::op_equal>(op)           ? ast::ExprKind::kEqual
                               : Is<g::op_not_equal>(op)     ? ast::ExprKind::kNotEqual
                               : Is<g::op_less_equal>(op)    ? ast::ExprKind::kLessEqual
                               : Is<g::op_greater_equal>(op) ? ast::ExprKind::kGreaterEqual
                               : Is<g::op_less>(op)          ? ast::ExprKind::kLess
                                                             : ast::ExprKind::kGreater;
    return Binary(kind, Expr(*children[0]), Expr(*children.at(2)));
  }
  if (Is<g::unary_expression>(node)) {
    const TreeNode& op = *children.at(0);
    auto operand = Expr(*children.at(1));
    // -1 is the literal "-1", not the negation of 1: fold the sign into numeric literals.
    if (!Is<g::op_not>(op) && operand->kind == ast::ExprKind::kTerm && operand->term.IsLiteral() &&
        (Is<g::integer_literal>(*children[1]) || Is<g::decimal_literal>(*children[1]) ||
         Is<g::double_literal>(*children[1]))) {
      const char sign = Is<g::op_unary_minus>(op) ? '-' : '+';
      operand->term.value.insert(0, 1, sign);
      operand->term.written.insert(0, 1, sign);
      operand->pos = Pos(node);
      operand->term.pos = Pos(node);
      return operand;
    }
    auto e = std::make_unique<ast::Expression>();
    e->kind = Is<g::op_not>(op)          ? ast::ExprKind::kNot
              : Is<g::op_unary_plus>(op) ? ast::ExprKind::kUnaryPlus
                                         : ast::ExprKind::kUnaryMinus;
    e->pos = Pos(node);
    e->args.push_back(std::move(operand));
    return e;
  }
  if (Is<g::builtin_call_plain>(node)) {
    return Builtin(node);
  }
  if (Is<g::aggregate_count>(node) || Is<g::aggregate_simple>(node) ||
      Is<g::aggregate_group_concat>(node)) {
    return Aggregate(node);
  }
  if (Is<g::exists_call>(node) || Is<g::not_exists_call>(node)) {
    auto e = std::make_unique<ast::Expression>();
    e->kind = Is<g::exists_call>(node) ? ast::ExprKind::kExists : ast::ExprKind::kNotExists;
    e->pos = Pos(node);
    e->pattern = Group(*children.at(0));
    return e;
  }
  if (Is<g::iri_or_function>(node) || Is<g::function_call>(node)) {
    return Function(node);
  }
  auto e = std::make_unique<ast::Expression>();
  e->pos = Pos(node);
  e->term = Term(node);
  e->kind = e->term.IsVariable() ? ast::ExprKind::kVariable : ast::ExprKind::kTerm;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Queries

void AstBuilder::Modifier(const TreeNode& node, ast::Query& query) {
  ast::SolutionModifiers& m = query.modifiers;
  if (Is<g::group_clause>(node)) {
    for (const auto& condition : node.children) {
      ast::GroupCondition c;
      c.pos = Pos(*condition);
      c.expression = Expr(*condition->children.at(0));
      if (condition->children.size() > 1) {
        c.variable = Term(*condition->children[1]);
      }
      m.group_by.push_back(std::move(c));
    }
  } else if (Is<g::having_clause>(node)) {
    for (const auto& constraint : node.children) {
      m.having.push_back(Expr(*constraint));
    }
  } else if (Is<g::order_clause>(node)) {
    for (const auto& condition : node.children) {
      ast::OrderCondition c;
      c.pos = Pos(*condition);
      const TreeNode& first = *condition->children.at(0);
      if (Is<g::kw_asc>(first) || Is<g::kw_desc>(first)) {
        c.descending = Is<g::kw_desc>(first);
        c.expression = Expr(*condition->children.at(1));
      } else {
        c.expression = Expr(first);
      }
      m.order_by.push_back(std::move(c));
    }
  } else if (Is<g::limit_clause>(node) || Is<g::offset_clause>(node)) {
    const TreeNode& value = *node.children.at(0);
    const std::string_view digits = TokenText(value);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      Fail(value, fmt::format("{} is too large", digits));
    }
    (Is<g::limit_clause>(node) ? m.limit : m.offset) = n;
  }
}

// The parts shared by every query form: projections, datasets, WHERE, modifiers, VALUES.
void AstBuilder::SelectParts(const TreeNode& node, ast::Query& query) {
  for (const auto& child_ptr : node.children) {
    const TreeNode& child = *child_ptr;
    if (Is<g::kw_distinct>(child)) {
      query.distinct = true;
    } else if (Is<g::kw_reduced>(child)) {
      query.reduced = true;
    } else if (Is<g::select_star>(child)) {
      query.select_all = true;
    } else if (Is<g::var_token>(child) && query.form == ast::QueryForm::kSelect) {
      query.projections.push_back(ast::Projection{Pos(child), Term(child), nullptr});
    } else if (Is<g::projection_expression>(child)) {
      query.projections.push_back(
          ast::Projection{Pos(child), Term(*child.children.at(1)), Expr(*child.children.at(0))});
    } else if (Is<g::dataset_clause>(child)) {
      ast::DatasetClause d;
      d.pos = Pos(child);
      d.named = Is<g::kw_named>(*child.children.at(0));
      d.iri = Iri(*child.children.back());
      query.datasets.push_back(std::move(d));
    } else if (Is<g::group_graph_pattern>(child)) {
      query.where = Group(child);
    } else if (Is<g::construct_template>(child)) {
      if (!child.children.empty()) {
        Triples(*child.children[0], query.construct_template);
      }
      CheckTemplateTriples(query.construct_template, "a CONSTRUCT template");
    } else if (Is<g::construct_short_pattern>(child)) {
      // CONSTRUCT WHERE { triples }: the pattern is also the template.
      query.construct_where = true;
      query.where = std::make_unique<ast::GroupPattern>();
      query.where->pos = Pos(child);
      ast::TriplesBlock block{Pos(child), {}};
      if (!child.children.empty()) {
        Triples(*child.children[0], block.triples);
      }
      CheckTemplateTriples(block.triples, "the short form CONSTRUCT WHERE");
      for (const ast::TriplePattern& t : block.triples) {
        query.construct_template.push_back(
            ast::TriplePattern{t.subject, t.predicate, nullptr, t.object, t.pos});
      }
      query.where->elements.emplace_back(std::move(block));
    } else if (Is<g::describe_all>(child)) {
      query.describe_all = true;
    } else if (query.form == ast::QueryForm::kDescribe &&
               (Is<g::var_token>(child) || Is<g::iriref>(child) || Is<g::prefixed_name>(child))) {
      query.describe_targets.push_back(Term(child));
    } else if (Is<g::inline_data>(child)) {
      query.values = Values(*child.children.at(0));
    } else {
      Modifier(child, query);
    }
  }
}

ast::Query AstBuilder::BuildQuery(const TreeNode& root) {
  ast::Query query;
  for (const auto& child_ptr : root.children) {
    const TreeNode& child = *child_ptr;
    if (Is<g::base_decl>(child) || Is<g::prefix_decl>(child)) {
      Prologue(child);
      continue;
    }
    if (Is<g::inline_data>(child)) {
      query.values = Values(*child.children.at(0));
      continue;
    }
    query.pos = Pos(child);
    query.form = Is<g::select_query>(child)      ? ast::QueryForm::kSelect
                 : Is<g::construct_query>(child) ? ast::QueryForm::kConstruct
                 : Is<g::describe_query>(child)  ? ast::QueryForm::kDescribe
                                                 : ast::QueryForm::kAsk;
    SelectParts(child, query);
  }
  query.base_iri = base_;
  query.prefixes = declared_;
  return query;
}

// ---------------------------------------------------------------------------------------------
// Updates

std::vector<ast::QuadBlock> AstBuilder::Quads(const TreeNode& node, bool allow_variables,
                                              bool allow_blanks, std::string_view what) {
  std::vector<ast::QuadBlock> blocks;
  for (const auto& child_ptr : node.children) {
    const TreeNode& child = *child_ptr;
    ast::QuadBlock block;
    block.pos = Pos(child);
    if (Is<g::quads_graph>(child)) {
      block.graph = Term(*child.children.at(0));
      if (child.children.size() > 1) {
        Triples(*child.children[1], block.triples);
      }
      if (!allow_variables && block.graph->IsVariable()) {
        Fail(*child.children[0], fmt::format("variables are not allowed in {}", what));
      }
    } else {
      Triples(child, block.triples);
    }
    CheckTemplateTriples(block.triples, what);
    for (const ast::TriplePattern& t : block.triples) {
      for (const ast::Term* term : {&t.subject, &t.predicate, &t.object}) {
        if (!allow_variables && term->IsVariable()) {
          throw AstBuildError{fmt::format("variables are not allowed in {}", what), term->pos};
        }
        if (!allow_blanks && term->IsBlank()) {
          throw AstBuildError{fmt::format("blank nodes are not allowed in {}", what), term->pos};
        }
      }
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

namespace {

std::optional<ast::UpdateKind> GraphManagementKind(const TreeNode& node) {
  if (Is<g::clear>(node)) return ast::UpdateKind::kClear;
  if (Is<g::drop>(node)) return ast::UpdateKind::kDrop;
  if (Is<g::create>(node)) return ast::UpdateKind::kCreate;
  if (Is<g::load>(node)) return ast::UpdateKind::kLoad;
  if (Is<g::add_graph>(node)) return ast::UpdateKind::kAdd;
  if (Is<g::move_graph>(node)) return ast::UpdateKind::kMove;
  if (Is<g::copy_graph>(node)) return ast::UpdateKind::kCopy;
  return std::nullopt;
}

}  // namespace

// CLEAR, DROP, CREATE, LOAD, ADD, MOVE, COPY: SILENT, then the graphs in the order written
// (ADD/MOVE/COPY: the source, then the target; LOAD: the document, then INTO's graph).
void AstBuilder::GraphManagement(const TreeNode& node, ast::UpdateKind kind,
                                 ast::UpdateOperation& op) {
  op.kind = kind;
  const bool transfer = kind == ast::UpdateKind::kAdd || kind == ast::UpdateKind::kMove ||
                        kind == ast::UpdateKind::kCopy;
  int graphs_seen = 0;
  for (const auto& part : node.children) {
    if (Is<g::kw_silent>(*part)) {
      op.silent = true;
      continue;
    }
    if (Is<g::load_source>(*part)) {
      op.load_source = Iri(*part->children.at(0));
      continue;
    }
    ast::GraphTarget target;
    if (Is<g::graph_ref_iri>(*part)) {
      target.scope = ast::GraphScope::kGraph;
      target.iri = Iri(*part->children.at(0));
    } else if (Is<g::target_default>(*part)) {
      target.scope = ast::GraphScope::kDefault;
    } else if (Is<g::target_named>(*part)) {
      target.scope = ast::GraphScope::kNamed;
    } else {
      target.scope = ast::GraphScope::kAll;
    }
    (transfer && graphs_seen == 0 ? op.source : op.target) = std::move(target);
    ++graphs_seen;
  }
}

ast::Update AstBuilder::BuildUpdate(const TreeNode& root) {
  ast::Update update;
  for (const auto& child_ptr : root.children) {
    const TreeNode& child = *child_ptr;
    if (Is<g::base_decl>(child) || Is<g::prefix_decl>(child)) {
      Prologue(child);
      continue;
    }
    ast::UpdateOperation op;
    op.pos = Pos(child);
    if (Is<g::insert_data>(child)) {
      op.kind = ast::UpdateKind::kInsertData;
      op.insert_quads = Quads(*child.children.at(0), false, true, "INSERT DATA");
    } else if (Is<g::delete_data>(child)) {
      op.kind = ast::UpdateKind::kDeleteData;
      op.delete_quads = Quads(*child.children.at(0), false, false, "DELETE DATA");
    } else if (Is<g::delete_where>(child)) {
      op.kind = ast::UpdateKind::kDeleteWhere;
      op.delete_quads = Quads(*child.children.at(0), true, false, "DELETE WHERE");
    } else if (const std::optional<ast::UpdateKind> kind = GraphManagementKind(child)) {
      GraphManagement(child, *kind, op);
    } else {
      // modify_after_with / modify_plain
      op.kind = ast::UpdateKind::kModify;
      for (const auto& part : child.children) {
        if (Is<g::with_graph>(*part)) {
          op.with_graph = Iri(*part->children.at(0));
        } else if (Is<g::delete_clause>(*part)) {
          op.has_delete_clause = true;
          op.delete_quads = Quads(*part->children.at(0), true, false, "a DELETE template");
        } else if (Is<g::insert_clause>(*part)) {
          op.has_insert_clause = true;
          op.insert_quads = Quads(*part->children.at(0), true, true, "an INSERT template");
        } else if (Is<g::using_clause>(*part)) {
          ast::DatasetClause d;
          d.pos = Pos(*part);
          d.named = Is<g::kw_named>(*part->children.at(0));
          d.iri = Iri(*part->children.back());
          op.using_clauses.push_back(std::move(d));
        } else if (Is<g::group_graph_pattern>(*part)) {
          op.where = Group(*part);
        }
      }
    }
    update.operations.push_back(std::move(op));
  }
  update.base_iri = base_;
  update.prefixes = declared_;
  return update;
}

}  // namespace silk::query::internal
