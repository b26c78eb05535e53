// The one translation unit that instantiates the SPARQL grammar: parse to a tree, report
// syntax errors in words, hand the tree to AstBuilder and the AST to the validator.
#include "grammar/query/query_parser.h"

#include <fmt/format.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>
#include <type_traits>

#include "grammar/query/ast_builder.h"
#include "grammar/query/query_grammar.h"
#include "grammar/query/query_validator.h"

namespace silk::query {

namespace {

namespace pegtl = tao::pegtl;
namespace g = silk::query::grammar;
using internal::TreeNode;

// ---------------------------------------------------------------------------------------------
// Error messages: one per must<> point; a missing one fails to compile (must_if).

constexpr const char* kOpenedPlaceholder = "{opened}";

struct ErrorMessages {
  template <typename Rule>
  static constexpr const char* message = nullptr;
  // Raise only at must<> points, never because an optional branch failed.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

#define SILK_MESSAGE(rule, text) \
  template <>                    \
  constexpr const char* ErrorMessages::message<g::rule> = text

SILK_MESSAGE(expected_query_form, "expected SELECT, CONSTRUCT, DESCRIBE or ASK");
SILK_MESSAGE(end_of_query, "unexpected text after the end of the query");
SILK_MESSAGE(end_of_update, "expected ';' between update operations, or the end of the update");
SILK_MESSAGE(base_iri, "expected an IRI in <…> after BASE");
SILK_MESSAGE(prefix_name, "expected a prefix name ending in ':' after PREFIX");
SILK_MESSAGE(prefix_iri, "expected an IRI in <…> after the prefix name");
SILK_MESSAGE(select_items, "expected a variable, '(' expression AS ?var ')' or '*' after SELECT");
SILK_MESSAGE(expected_where, "expected WHERE or '{' to start the query pattern");
SILK_MESSAGE(where_pattern, "expected '{' to start the pattern");
SILK_MESSAGE(group_body_pattern, "expected '{' to start the pattern");
SILK_MESSAGE(union_alternative, "expected '{' after UNION");
SILK_MESSAGE(exists_pattern, "expected '{' after EXISTS");
SILK_MESSAGE(not_exists_keyword, "expected EXISTS after NOT");
SILK_MESSAGE(group_close, "expected '}' to close the group opened at {opened}");
SILK_MESSAGE(template_close, "expected '}' to close the template opened at {opened}");
SILK_MESSAGE(quads_close, "expected '}' to close the block opened at {opened}");
SILK_MESSAGE(quads_graph_open, "expected '{' after the graph name");
SILK_MESSAGE(quads_graph_close, "expected '}' to close the GRAPH block opened at {opened}");
SILK_MESSAGE(expected_quads, "expected '{' to start the triples");
SILK_MESSAGE(short_where_keyword, "expected '{' to start the template, or WHERE");
SILK_MESSAGE(construct_short_pattern, "expected '{' after CONSTRUCT WHERE");
SILK_MESSAGE(describe_targets, "expected an IRI, a variable or '*' after DESCRIBE");
SILK_MESSAGE(source_selector, "expected an IRI");
SILK_MESSAGE(graph_name, "expected a variable or an IRI after GRAPH");
SILK_MESSAGE(expected_property_list, "expected a predicate after the subject");
SILK_MESSAGE(expected_object, "expected an object after the predicate");
SILK_MESSAGE(collection_close, "expected ')' to close the collection");
SILK_MESSAGE(blank_node_property_list_close, "expected ']' to close the blank node");
SILK_MESSAGE(path_negated_set, "expected an IRI, 'a', '^' or '(' after '!' in a path");
SILK_MESSAGE(path_set_close, "expected ')' to close the negated property set");
SILK_MESSAGE(path_group_close, "expected ')' to close the path");
SILK_MESSAGE(constraint, "expected '(' expression ')' or a function call after FILTER");
SILK_MESSAGE(having_conditions, "expected '(' expression ')' or a function call after HAVING");
SILK_MESSAGE(bind_open, "expected '(' after BIND");
SILK_MESSAGE(bind_expression, "expected an expression after BIND (");
SILK_MESSAGE(bind_as, "expected AS after the expression in BIND");
SILK_MESSAGE(bind_variable, "expected a variable after AS");
SILK_MESSAGE(bind_close, "expected ')' to close BIND");
SILK_MESSAGE(expression, "expected an expression");
SILK_MESSAGE(expr_close, "expected ')' to close the expression");
SILK_MESSAGE(arg_expression, "expected an expression as argument");
SILK_MESSAGE(args_close, "expected ',' or ')' after the argument");
SILK_MESSAGE(builtin_args, "expected '(' and the arguments of the function");
SILK_MESSAGE(aggregate_open, "expected '(' after the aggregate name");
SILK_MESSAGE(aggregate_expression, "expected an expression in the aggregate");
SILK_MESSAGE(aggregate_close, "expected ')' to close the aggregate (it takes one expression)");
SILK_MESSAGE(separator_keyword, "expected SEPARATOR after ';' in GROUP_CONCAT");
SILK_MESSAGE(separator_equals, "expected '=' after SEPARATOR");
SILK_MESSAGE(separator_string, "expected a string after SEPARATOR =");
SILK_MESSAGE(operand, "expected an operand after the operator");
SILK_MESSAGE(multiplicative_operand, "expected an operand after the operator");
SILK_MESSAGE(additive_operand, "expected an operand after the operator");
SILK_MESSAGE(comparison_operand, "expected an operand after the comparison");
SILK_MESSAGE(and_operand, "expected an operand after '&&'");
SILK_MESSAGE(or_operand, "expected an operand after '||'");
SILK_MESSAGE(not_in_keyword, "expected IN after NOT");
SILK_MESSAGE(in_list, "expected '(' and a list of expressions after IN");
SILK_MESSAGE(datatype_iri, "expected a datatype IRI after '^^'");
SILK_MESSAGE(projection_as,
             "expected AS ?var after the expression in SELECT (write (expr AS ?var))");
SILK_MESSAGE(projection_variable, "expected a variable after AS");
SILK_MESSAGE(projection_close, "expected ')' after the variable");
SILK_MESSAGE(group_by_keyword, "expected BY after GROUP");
SILK_MESSAGE(group_conditions,
             "expected a variable, '(' expression ')' or a function call after GROUP BY");
SILK_MESSAGE(group_condition_close, "expected ')' to close the GROUP BY expression");
SILK_MESSAGE(order_by_keyword, "expected BY after ORDER");
SILK_MESSAGE(order_conditions,
             "expected a variable, ASC(…), DESC(…) or '(' expression ')' after ORDER BY");
SILK_MESSAGE(order_direction_expression, "expected '(' expression ')' after ASC or DESC");
SILK_MESSAGE(limit_value, "expected a non-negative integer");
SILK_MESSAGE(data_block, "expected a variable or '(' variables ')' after VALUES");
SILK_MESSAGE(values_block_open, "expected '{' and the rows of VALUES");
SILK_MESSAGE(values_close,
             "expected '}' to close the VALUES rows (values are IRIs, literals or UNDEF)");
SILK_MESSAGE(values_row_close,
             "expected ')' to close the VALUES row (values are IRIs, literals or UNDEF)");
SILK_MESSAGE(values_vars_close, "expected ')' after the VALUES variables");
SILK_MESSAGE(expected_modify_clauses, "expected DELETE { … } or INSERT { … } after WITH");
SILK_MESSAGE(modify_where_keyword, "expected WHERE and the pattern of the update");
SILK_MESSAGE(graph_ref_iri, "expected an IRI after GRAPH");
SILK_MESSAGE(expected_clear_target, "expected GRAPH <iri>, DEFAULT, NAMED or ALL after CLEAR");
SILK_MESSAGE(expected_drop_target, "expected GRAPH <iri>, DEFAULT, NAMED or ALL after DROP");
SILK_MESSAGE(expected_create_target, "expected GRAPH <iri> after CREATE");
SILK_MESSAGE(expected_load_source, "expected the IRI of the document to LOAD");
SILK_MESSAGE(expected_load_graph, "expected GRAPH <iri> after INTO");
SILK_MESSAGE(expected_transfer_source, "expected DEFAULT or a graph's IRI to take the quads from");
SILK_MESSAGE(transfer_to, "expected TO and the graph to put the quads in");
SILK_MESSAGE(expected_transfer_target, "expected DEFAULT or a graph's IRI after TO");
SILK_MESSAGE(service_not_supported, "SERVICE (federated query) is not supported");

#undef SILK_MESSAGE

// Deeper nesting of expressions, groups, '[ ]', '( )' and paths is refused. Each level costs
// the recursive descent a few kilobytes of stack (more under sanitizers), the AST builder and
// the later stages a little more; 1,000 levels stay far inside an 8 MiB stack, and real
// queries nest a handful of levels. Flat chains (a + b + …, a || b || …, UNION, ';') do not
// nest: they are loops in the grammar and n-ary nodes in the AST.
constexpr int kMaxNesting = 1000;

// What the control tracks while parsing: where each still-open '{' group began, innermost last,
// so that a missing '}' can be reported against the '{' it should close; and how deep the
// recursive rules nest.
struct OpenBraces {
  std::vector<pegtl::position> stack;
  int depth = 0;
};

template <typename Rule>
struct BraceTracking : pegtl::normal<Rule> {
  static constexpr bool kTracked = std::is_base_of_v<g::opens_brace, Rule>;
  static constexpr bool kNests = std::is_base_of_v<g::nests, Rule>;

  template <typename Input, typename... States>
  static void start(const Input& in, OpenBraces& braces, States&&... /*unused*/) {
    if constexpr (kTracked) {
      braces.stack.push_back(in.position());
    }
    if constexpr (kNests) {
      if (++braces.depth > kMaxNesting &&
          (Rule::kOpener == 0 || (!in.empty() && in.peek_char() == Rule::kOpener))) {
        throw pegtl::parse_error(
            fmt::format("nesting deeper than {} levels (of parentheses, function calls, groups, "
                        "'[ ]' or '( )'); simplify the query",
                        kMaxNesting),
            in);
      }
    }
  }
  template <typename Input, typename... States>
  static void success(const Input& /*in*/, OpenBraces& braces, States&&... /*unused*/) {
    if constexpr (kTracked) {
      braces.stack.pop_back();
    }
    if constexpr (kNests) {
      --braces.depth;
    }
  }
  template <typename Input, typename... States>
  static void failure(const Input& /*in*/, OpenBraces& braces, States&&... /*unused*/) {
    if constexpr (kTracked) {
      braces.stack.pop_back();
    }
    if constexpr (kNests) {
      --braces.depth;
    }
  }
};

template <typename Rule>
using Control = pegtl::must_if<ErrorMessages, BraceTracking>::control<Rule>;

// The parse tree keeps only what AstBuilder reads. Every rule deriving from opens_brace or nests
// must be selected: the parse tree calls the control's start() only for selected rules.
// Expression and path levels that wrap a single child are folded away, so `?x` is one node, not
// seven.
template <typename Rule>
using Selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<
        // terms
        g::iriref, g::prefixed_name, g::var_token, g::blank_node_label, g::anon, g::nil,
        g::rdf_literal, g::string_short_double, g::string_short_single, g::string_long_double,
        g::string_long_single, g::langtag, g::integer_literal, g::decimal_literal,
        g::double_literal, g::kw_true, g::kw_false, g::kw_a, g::kw_undef,
        // prologue and query forms
        g::base_decl, g::prefix_decl, g::prefix_label, g::select_query, g::sub_select,
        g::construct_query, g::describe_query, g::ask_query, g::kw_distinct, g::kw_reduced,
        g::select_star, g::projection_expression, g::dataset_clause, g::kw_named,
        g::construct_template, g::construct_short_pattern, g::describe_all,
        // modifiers
        g::group_clause, g::group_condition, g::having_clause, g::order_clause, g::order_condition,
        g::kw_asc, g::kw_desc, g::limit_clause, g::offset_clause, g::limit_value,
        // patterns
        g::group_graph_pattern, g::triples_block, g::triples_same_subject, g::property,
        g::collection, g::blank_node_property_list, g::path_inverse, g::path_negated,
        g::path_inverse_one, g::path_mod, g::group_or_union_pattern, g::optional_pattern,
        g::minus_pattern, g::graph_graph_pattern, g::filter, g::bind, g::inline_data,
        g::values_one_var, g::values_full, g::values_vars, g::values_row,
        // expressions
        g::op_not, g::op_unary_plus, g::op_unary_minus, g::op_multiply, g::op_divide, g::op_plus,
        g::op_minus, g::op_equal, g::op_not_equal, g::op_less_equal, g::op_greater_equal,
        g::op_less, g::op_greater, g::op_in, g::op_not_in, g::builtin_call_plain, g::builtin_name,
        g::aggregate_count, g::aggregate_simple, g::aggregate_simple_name,
        g::aggregate_group_concat, g::count_star, g::exists_call, g::not_exists_call,
        g::function_call, g::arg_list,
        // updates
        g::insert_data, g::delete_data, g::delete_where, g::modify_after_with, g::modify_plain,
        g::quad_pattern, g::with_graph, g::delete_clause, g::insert_clause, g::using_clause,
        g::quads_graph, g::clear, g::drop, g::create, g::load, g::add_graph, g::move_graph,
        g::copy_graph,
        g::kw_silent, g::graph_ref_iri, g::target_default, g::target_named, g::target_all,
        g::load_source>,
    pegtl::parse_tree::fold_one::on<
        g::expression, g::path_group,  // selected for their nesting count: always one child
        g::conditional_or_expression, g::conditional_and_expression, g::relational_expression,
        g::additive_expression, g::multiplicative_expression, g::unary_expression,
        g::iri_or_function, g::path_alternative, g::path_sequence, g::path_elt>>;

// The line of `text` that `line` (1-based) names, without its line break.
std::string LineOf(std::string_view text, std::uint64_t line) {
  std::size_t begin = 0;
  for (std::uint64_t i = 1; i < line; ++i) {
    const std::size_t eol = text.find('\n', begin);
    if (eol == std::string_view::npos) {
      return {};
    }
    begin = eol + 1;
  }
  std::size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) {
    end = text.size();
  }
  if (end > begin && text[end - 1] == '\r') {
    --end;
  }
  return std::string(text.substr(begin, end - begin));
}

ParseError MakeError(std::string_view text, const QueryParseOptions& options, std::string message,
                     std::uint64_t line, std::uint64_t column) {
  return ParseError{std::move(message), options.source_name, line, column, LineOf(text, line)};
}

// Parses `text` with `Grammar`, then builds and validates the AST with `build`.
template <typename T, typename Grammar, typename Build>
ParseResult<T> Parse(std::string_view text, const QueryParseOptions& options, Build build) {
  pegtl::memory_input<> in(text.data(), text.size(), options.source_name);
  OpenBraces braces;
  std::unique_ptr<TreeNode> root;
  try {
    root = pegtl::parse_tree::parse<Grammar, Selector, pegtl::nothing, Control>(in, braces);
  } catch (const pegtl::parse_error& e) {
    const pegtl::position& p = e.positions().front();
    std::string message(e.message());
    if (const std::size_t at = message.find(kOpenedPlaceholder); at != std::string::npos) {
      const std::string opened =
          braces.stack.empty()
              ? std::string("its start")
              : fmt::format("{}:{}", braces.stack.back().line, braces.stack.back().column);
      message.replace(at, std::string_view(kOpenedPlaceholder).size(), opened);
    }
    return MakeError(text, options, std::move(message), p.line, p.column);
  }
  if (!root) {
    // Every top-level rule ends in must<>, so a plain failure means nothing matched at all.
    return MakeError(text, options, "expected a query", 1, 1);
  }
  try {
    internal::AstBuilder builder(options);
    return build(builder, *root);
  } catch (const internal::AstBuildError& e) {
    return MakeError(text, options, e.message, e.pos.line, e.pos.column);
  }
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& WellKnownPrefixes() {
  static const auto* const kPrefixes = new std::vector<std::pair<std::string, std::string>>{
      {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"owl", "http://www.w3.org/2002/07/owl#"},
      {"skos", "http://www.w3.org/2004/02/skos/core#"},
      {"schema", "http://schema.org/"},
      {"prov", "http://www.w3.org/ns/prov#"},
      {"dct", "http://purl.org/dc/terms/"},
      {"foaf", "http://xmlns.com/foaf/0.1/"},
  };
  return *kPrefixes;
}

ParseResult<ast::Query> ParseQuery(std::string_view text, const QueryParseOptions& options) {
  return Parse<ast::Query, g::query_unit>(
      text, options,
      [&](internal::AstBuilder& builder, const TreeNode& root) -> ParseResult<ast::Query> {
        ast::Query query = builder.BuildQuery(root);
        if (auto error = ValidateQuery(query, options)) {
          return MakeError(text, options, std::move(error->message), error->pos.line,
                           error->pos.column);
        }
        return query;
      });
}

ParseResult<ast::Update> ParseUpdate(std::string_view text, const QueryParseOptions& options) {
  return Parse<ast::Update, g::update_unit>(
      text, options,
      [&](internal::AstBuilder& builder, const TreeNode& root) -> ParseResult<ast::Update> {
        ast::Update update = builder.BuildUpdate(root);
        if (auto error = ValidateUpdate(update, options)) {
          return MakeError(text, options, std::move(error->message), error->pos.line,
                           error->pos.column);
        }
        return update;
      });
}

}  // namespace silk::query
