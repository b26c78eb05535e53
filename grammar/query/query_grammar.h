// The SPARQL 1.1 query and update grammar (https://www.w3.org/TR/sparql11-query/#grammar) as
// PEGTL rules, named after the productions of the specification.
// PEGTL types: include this only from grammar/query/*.cpp and grammar tests.
//
// Conventions:
//   - every token rule (tok<>, kw<>) eats the white space and comments after it, so structural
//     rules never mention white space and error positions point at the next real token;
//   - keywords are case-insensitive and must not run on into a name (kw<>);
//   - after a commit point, must<named_rule>; every such rule has a message in
//     query_parser.cpp (a missing one is a compile error);
//   - one triples grammar (with paths) serves WHERE, CONSTRUCT templates and update quads; the
//     AST conversion rejects paths where SPARQL does not allow them.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/rdf/terminals.h"

namespace silk::query::grammar {

namespace pegtl = tao::pegtl;
namespace lex = silk::rdf::lex;
using pegtl::at;
using pegtl::eof;
using pegtl::if_must;
using pegtl::list;
using pegtl::must;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::string;
namespace u8 = pegtl::utf8;

// Rules whose '{' opens a group: the parser remembers where, for "… opened at L:C" messages.
struct opens_brace {};
// Rules through which the grammar recurses (expressions, groups, '[ ]', '( )', paths): the
// parser counts how deep they nest and refuses input nested deeper than a limit, before the
// recursive descent can run out of stack. Such rules must be selected in the parse tree.
// kOpener: the character the rule starts with (it counts only when that is next, since the
// rule is also tried where it does not occur), or 0 when the rule is only tried after an
// opening parenthesis.
struct nests {};
template <char Opener>
struct nests_at : nests {
  static constexpr char kOpener = Opener;
};

// ---------------------------------------------------------------------------------------------
// Lexical level

struct ws : star<sor<pegtl::space, lex::comment>> {};
template <typename Rule>
struct tok : seq<Rule, ws> {};

// A character that may continue a name: a keyword followed by one is not a keyword ("a:b",
// "selector").
struct name_char : sor<lex::pn_chars, one<':'>> {};
template <typename Word>
struct kw : seq<Word, not_at<name_char>, ws> {};

#define SILK_KW(name, text) \
  struct name : kw<TAO_PEGTL_ISTRING(text)> {}

SILK_KW(kw_base, "BASE");
SILK_KW(kw_prefix, "PREFIX");
SILK_KW(kw_select, "SELECT");
SILK_KW(kw_construct, "CONSTRUCT");
SILK_KW(kw_describe, "DESCRIBE");
SILK_KW(kw_ask, "ASK");
SILK_KW(kw_distinct, "DISTINCT");
SILK_KW(kw_reduced, "REDUCED");
SILK_KW(kw_as, "AS");
SILK_KW(kw_from, "FROM");
SILK_KW(kw_named, "NAMED");
SILK_KW(kw_where, "WHERE");
SILK_KW(kw_group, "GROUP");
SILK_KW(kw_by, "BY");
SILK_KW(kw_having, "HAVING");
SILK_KW(kw_order, "ORDER");
SILK_KW(kw_asc, "ASC");
SILK_KW(kw_desc, "DESC");
SILK_KW(kw_limit, "LIMIT");
SILK_KW(kw_offset, "OFFSET");
SILK_KW(kw_values, "VALUES");
SILK_KW(kw_undef, "UNDEF");
SILK_KW(kw_optional, "OPTIONAL");
SILK_KW(kw_union, "UNION");
SILK_KW(kw_minus, "MINUS");
SILK_KW(kw_graph, "GRAPH");
SILK_KW(kw_service, "SERVICE");
SILK_KW(kw_silent, "SILENT");
SILK_KW(kw_filter, "FILTER");
SILK_KW(kw_bind, "BIND");
SILK_KW(kw_not, "NOT");
SILK_KW(kw_in, "IN");
SILK_KW(kw_exists, "EXISTS");
SILK_KW(kw_true, "true");
SILK_KW(kw_false, "false");
SILK_KW(kw_count, "COUNT");
SILK_KW(kw_sum, "SUM");
SILK_KW(kw_min, "MIN");
SILK_KW(kw_max, "MAX");
SILK_KW(kw_avg, "AVG");
SILK_KW(kw_sample, "SAMPLE");
SILK_KW(kw_group_concat, "GROUP_CONCAT");
SILK_KW(kw_separator, "SEPARATOR");
SILK_KW(kw_insert, "INSERT");
SILK_KW(kw_delete, "DELETE");
SILK_KW(kw_data, "DATA");
SILK_KW(kw_with, "WITH");
SILK_KW(kw_using, "USING");
SILK_KW(kw_clear, "CLEAR");
SILK_KW(kw_default, "DEFAULT");
SILK_KW(kw_all, "ALL");
SILK_KW(kw_load, "LOAD");
SILK_KW(kw_drop, "DROP");
SILK_KW(kw_create, "CREATE");
SILK_KW(kw_add, "ADD");
SILK_KW(kw_move, "MOVE");
SILK_KW(kw_copy, "COPY");
SILK_KW(kw_to, "TO");
SILK_KW(kw_into, "INTO");
// 'a' is the one case-sensitive keyword.
struct kw_a : seq<one<'a'>, not_at<name_char>, ws> {};

// The builtin function names (BuiltInCall minus aggregates, EXISTS and NOT EXISTS). The AST
// conversion maps the spelling to ast::Builtin and checks the argument count.
struct builtin_name
    : sor<TAO_PEGTL_ISTRING("STRLANG"), TAO_PEGTL_ISTRING("STRDT"), TAO_PEGTL_ISTRING("STRLEN"),
          TAO_PEGTL_ISTRING("STRSTARTS"), TAO_PEGTL_ISTRING("STRENDS"),
          TAO_PEGTL_ISTRING("STRBEFORE"), TAO_PEGTL_ISTRING("STRAFTER"),
          TAO_PEGTL_ISTRING("STRUUID"), TAO_PEGTL_ISTRING("STR"), TAO_PEGTL_ISTRING("LANGMATCHES"),
          TAO_PEGTL_ISTRING("LANG"), TAO_PEGTL_ISTRING("DATATYPE"), TAO_PEGTL_ISTRING("BOUND"),
          TAO_PEGTL_ISTRING("IRI"), TAO_PEGTL_ISTRING("URI"), TAO_PEGTL_ISTRING("BNODE"),
          TAO_PEGTL_ISTRING("RAND"), TAO_PEGTL_ISTRING("ABS"), TAO_PEGTL_ISTRING("CEIL"),
          TAO_PEGTL_ISTRING("FLOOR"), TAO_PEGTL_ISTRING("ROUND"), TAO_PEGTL_ISTRING("CONCAT"),
          TAO_PEGTL_ISTRING("UCASE"), TAO_PEGTL_ISTRING("LCASE"),
          TAO_PEGTL_ISTRING("ENCODE_FOR_URI"), TAO_PEGTL_ISTRING("CONTAINS"),
          TAO_PEGTL_ISTRING("YEAR"), TAO_PEGTL_ISTRING("MONTH"), TAO_PEGTL_ISTRING("DAY"),
          TAO_PEGTL_ISTRING("HOURS"), TAO_PEGTL_ISTRING("MINUTES"), TAO_PEGTL_ISTRING("SECONDS"),
          TAO_PEGTL_ISTRING("TIMEZONE"), TAO_PEGTL_ISTRING("TZ"), TAO_PEGTL_ISTRING("NOW"),
          TAO_PEGTL_ISTRING("UUID"), TAO_PEGTL_ISTRING("MD5"), TAO_PEGTL_ISTRING("SHA1"),
          TAO_PEGTL_ISTRING("SHA256"), TAO_PEGTL_ISTRING("SHA384"), TAO_PEGTL_ISTRING("SHA512"),
          TAO_PEGTL_ISTRING("COALESCE"), TAO_PEGTL_ISTRING("IF"), TAO_PEGTL_ISTRING("sameTerm"),
          TAO_PEGTL_ISTRING("isIRI"), TAO_PEGTL_ISTRING("isURI"), TAO_PEGTL_ISTRING("isBLANK"),
          TAO_PEGTL_ISTRING("isLITERAL"), TAO_PEGTL_ISTRING("isNUMERIC"),
          TAO_PEGTL_ISTRING("REGEX"), TAO_PEGTL_ISTRING("SUBSTR"), TAO_PEGTL_ISTRING("REPLACE")> {};
struct builtin_keyword : seq<builtin_name, not_at<name_char>, ws> {};

// Punctuation. Named so that must<> can say what was expected.
struct lbrace : tok<one<'{'>> {};
struct rbrace : tok<one<'}'>> {};
struct lparen : tok<one<'('>> {};
struct rparen : tok<one<')'>> {};
struct lbracket : tok<one<'['>> {};
struct rbracket : tok<one<']'>> {};
struct dot : tok<one<'.'>> {};
struct comma : tok<one<','>> {};
struct semicolon : tok<one<';'>> {};
struct star_token : tok<one<'*'>> {};

// IRIREF ::= '<' ([^<>"{}|^`\]-[#x00-#x20])* '>'   (escapes \u… allowed as in Turtle)
struct iriref_body : star<lex::iri_char> {};
struct iriref : seq<one<'<'>, iriref_body, one<'>'>> {};

// PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS|'.')* PN_CHARS)?
struct pn_prefix
    : seq<lex::pn_chars_base, star<sor<lex::pn_chars, seq<plus<one<'.'>>, lex::pn_chars>>>> {};
struct pname_ns : seq<opt<pn_prefix>, one<':'>> {};
// PLX ::= PERCENT | PN_LOCAL_ESC
struct plx : sor<seq<one<'%'>, lex::hex, lex::hex>,
                 seq<one<'\\'>, one<'_', '~', '.', '-', '!', '$', '&', '\'', '(', ')', '*', '+',
                                    ',', ';', '=', '/', '?', '#', '@', '%'>>> {};
struct pn_local_char : sor<lex::pn_chars, one<':'>, plx> {};
struct pn_local : seq<sor<lex::pn_chars_u, one<':'>, pegtl::digit, plx>,
                      star<sor<pn_local_char, seq<plus<one<'.'>>, pn_local_char>>>> {};
struct prefixed_name : seq<pname_ns, opt<pn_local>> {};

struct iri : sor<tok<iriref>, tok<prefixed_name>> {};

// VAR1 | VAR2; VARNAME ::= (PN_CHARS_U | [0-9]) (PN_CHARS_U | [0-9] | #x00B7 | … )*
struct varname_char : sor<lex::pn_chars_u, pegtl::digit,
                          u8::ranges<0x00B7, 0x00B7, 0x0300, 0x036F, 0x203F, 0x2040>> {};
struct var_token : seq<one<'?', '$'>, plus<varname_char>> {};
struct var : tok<var_token> {};

struct blank_node_label : lex::blank_node_label_of<lex::pn_chars_u, lex::pn_chars> {};
struct anon : seq<one<'['>, ws, one<']'>> {};
struct nil : seq<one<'('>, ws, one<')'>> {};
struct blank_node : sor<tok<blank_node_label>, tok<anon>> {};

// Strings, in the four quote styles.
struct string_char_single : sor<u8::not_one<'\'', '\\', '\n', '\r'>, lex::echar, lex::uchar> {};
struct long_char_single : sor<u8::not_one<'\'', '\\'>, lex::echar, lex::uchar> {};
struct long_char_double : sor<u8::not_one<'"', '\\'>, lex::echar, lex::uchar> {};
struct string_long_single
    : seq<string<'\'', '\'', '\''>,
          star<seq<opt<sor<string<'\'', '\''>, one<'\''>>>, long_char_single>>,
          string<'\'', '\'', '\''>> {};
struct string_long_double
    : seq<string<'"', '"', '"'>, star<seq<opt<sor<string<'"', '"'>, one<'"'>>>, long_char_double>>,
          string<'"', '"', '"'>> {};
struct string_short_single : seq<one<'\''>, star<string_char_single>, one<'\''>> {};
struct string_short_double : seq<one<'"'>, star<lex::string_char_quote>, one<'"'>> {};
struct string_literal
    : sor<string_long_single, string_long_double, string_short_single, string_short_double> {};
struct langtag : lex::langtag {};
struct datatype_mark : string<'^', '^'> {};
struct datatype_iri : seq<iri> {};
struct rdf_literal
    : seq<tok<string_literal>, opt<sor<tok<langtag>, seq<datatype_mark, ws, must<datatype_iri>>>>> {
};

// Numbers, with their optional sign.
struct sign : one<'+', '-'> {};
struct exponent : seq<one<'e', 'E'>, opt<sign>, plus<pegtl::digit>> {};
struct double_literal
    : seq<opt<sign>,
          sor<seq<plus<pegtl::digit>, one<'.'>, star<pegtl::digit>, exponent>,
              seq<one<'.'>, plus<pegtl::digit>, exponent>, seq<plus<pegtl::digit>, exponent>>> {};
struct decimal_literal : seq<opt<sign>, star<pegtl::digit>, one<'.'>, plus<pegtl::digit>> {};
struct integer_literal : seq<opt<sign>, plus<pegtl::digit>> {};
struct numeric_literal : tok<sor<double_literal, decimal_literal, integer_literal>> {};
// Unsigned forms, for expressions (where the sign is an operator).
struct unsigned_numeric_literal
    : tok<seq<not_at<sign>, sor<double_literal, decimal_literal, integer_literal>>> {};
struct boolean_literal : sor<kw_true, kw_false> {};

struct nil_token : tok<nil> {};

// ---------------------------------------------------------------------------------------------
// Expressions

struct expression;
struct group_graph_pattern;

struct expr_close : rparen {};
struct args_close : rparen {};
struct bracketted_expression : seq<lparen, must<expression>, must<expr_close>> {};

// ArgList ::= NIL | '(' 'DISTINCT'? Expression ( ',' Expression )* ')'
struct arg_expression : seq<expression> {};
struct arg_list : sor<nil_token, seq<lparen, opt<kw_distinct>, must<arg_expression>,
                                     star<comma, must<arg_expression>>, must<args_close>>> {};
// ExpressionList ::= NIL | '(' Expression ( ',' Expression )* ')'
struct expression_list
    : sor<nil_token,
          seq<lparen, must<arg_expression>, star<comma, must<arg_expression>>, must<args_close>>> {
};

struct builtin_args : seq<expression_list> {};
struct builtin_call_plain : seq<builtin_keyword, must<builtin_args>> {};

struct aggregate_open : lparen {};
struct aggregate_expression : seq<expression> {};
struct aggregate_close : rparen {};
struct count_star : star_token {};
struct aggregate_count : seq<kw_count, must<aggregate_open>, opt<kw_distinct>,
                             sor<count_star, must<aggregate_expression>>, must<aggregate_close>> {};
struct aggregate_simple_name : sor<kw_sum, kw_min, kw_max, kw_avg, kw_sample> {};
struct aggregate_simple : seq<aggregate_simple_name, must<aggregate_open>, opt<kw_distinct>,
                              must<aggregate_expression>, must<aggregate_close>> {};
struct separator_equals : tok<one<'='>> {};
struct separator_string : tok<string_literal> {};
struct separator_keyword : kw_separator {};
struct aggregate_group_concat
    : seq<kw_group_concat, must<aggregate_open>, opt<kw_distinct>, must<aggregate_expression>,
          opt<semicolon, must<separator_keyword>, must<separator_equals>, must<separator_string>>,
          must<aggregate_close>> {};
struct aggregate : sor<aggregate_count, aggregate_simple, aggregate_group_concat> {};

struct exists_pattern : seq<group_graph_pattern> {};
struct exists_call : seq<kw_exists, must<exists_pattern>> {};
struct not_exists_keyword : kw_exists {};
struct not_exists_call : seq<kw_not, must<not_exists_keyword>, must<exists_pattern>> {};

struct builtin_call : sor<aggregate, exists_call, not_exists_call, builtin_call_plain> {};

// iriOrFunction ::= iri ArgList?
struct function_iri : seq<iri> {};
struct iri_or_function : seq<function_iri, opt<arg_list>> {};
struct function_call : seq<function_iri, arg_list> {};

struct primary_expression : sor<bracketted_expression, builtin_call, iri_or_function, rdf_literal,
                                unsigned_numeric_literal, boolean_literal, var> {};

struct op_not : seq<one<'!'>, not_at<one<'='>>, ws> {};
struct op_unary_plus : tok<one<'+'>> {};
struct op_unary_minus : tok<one<'-'>> {};
struct operand : seq<primary_expression> {};
struct unary_expression : sor<seq<op_not, must<operand>>, seq<op_unary_plus, must<operand>>,
                              seq<op_unary_minus, must<operand>>, primary_expression> {};

struct op_multiply : tok<one<'*'>> {};
struct op_divide : tok<one<'/'>> {};
struct multiplicative_operand : seq<unary_expression> {};
struct multiplicative_expression
    : seq<unary_expression, star<sor<op_multiply, op_divide>, must<multiplicative_operand>>> {};

struct op_plus : tok<one<'+'>> {};
struct op_minus : tok<one<'-'>> {};
struct additive_operand : seq<multiplicative_expression> {};
struct additive_expression
    : seq<multiplicative_expression, star<sor<op_plus, op_minus>, must<additive_operand>>> {};

struct op_equal : tok<one<'='>> {};
struct op_not_equal : tok<string<'!', '='>> {};
struct op_less_equal : tok<string<'<', '='>> {};
struct op_greater_equal : tok<string<'>', '='>> {};
struct op_less : tok<one<'<'>> {};
struct op_greater : tok<one<'>'>> {};
struct op_in : kw_in {};
struct not_in_keyword : kw_in {};
struct op_not_in : seq<kw_not, must<not_in_keyword>> {};
struct comparison_operand : seq<additive_expression> {};
struct in_list : seq<expression_list> {};
struct relational_expression
    : seq<additive_expression,
          opt<sor<
              seq<sor<op_equal, op_not_equal, op_less_equal, op_greater_equal, op_less, op_greater>,
                  must<comparison_operand>>,
              seq<sor<op_in, op_not_in>, must<in_list>>>>> {};

struct op_and : tok<string<'&', '&'>> {};
struct and_operand : seq<relational_expression> {};
struct conditional_and_expression : seq<relational_expression, star<op_and, must<and_operand>>> {};
struct op_or : tok<string<'|', '|'>> {};
struct or_operand : seq<conditional_and_expression> {};
struct conditional_or_expression : seq<conditional_and_expression, star<op_or, must<or_operand>>> {
};
struct expression : seq<conditional_or_expression>, nests_at<0> {};

// Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall
struct constraint : sor<bracketted_expression, builtin_call, function_call> {};

// ---------------------------------------------------------------------------------------------
// Triples (with property paths)

struct var_or_term;
struct graph_node;
struct property_list_not_empty;
struct path;

struct collection_close : rparen {};
struct collection : seq<lparen, plus<graph_node>, must<collection_close>>, nests_at<'('> {};
struct blank_node_property_list_close : rbracket {};
struct blank_node_property_list
    : seq<lbracket, property_list_not_empty, must<blank_node_property_list_close>>,
      nests_at<'['> {};
struct triples_node : sor<collection, blank_node_property_list> {};

struct graph_term : sor<iri, rdf_literal, numeric_literal, boolean_literal, blank_node, nil_token> {
};
struct var_or_term : sor<var, graph_term> {};
struct graph_node : sor<var_or_term, triples_node> {};

// Paths. A '?' modifier must not be the start of a variable ("?x").
struct path_mod : sor<tok<seq<one<'?'>, not_at<varname_char>>>, tok<one<'*'>>, tok<one<'+'>>> {};
struct path_one_in_set : sor<iri, kw_a> {};
struct path_inverse_one : seq<tok<one<'^'>>, path_one_in_set> {};
struct path_set_item : sor<path_inverse_one, path_one_in_set> {};
struct path_set_close : rparen {};
struct path_negated_set
    : sor<path_set_item,
          seq<lparen, opt<list<path_set_item, tok<one<'|'>>>>, must<path_set_close>>> {};
struct path_negated : seq<tok<one<'!'>>, must<path_negated_set>> {};
struct path_group_close : rparen {};
struct path_group : seq<lparen, path, must<path_group_close>>, nests_at<'('> {};
struct path_primary : sor<iri, kw_a, path_negated, path_group> {};
struct path_elt : seq<path_primary, opt<path_mod>> {};
struct path_inverse : seq<tok<one<'^'>>, path_elt> {};
struct path_elt_or_inverse : sor<path_inverse, path_elt> {};
struct path_sequence : list<path_elt_or_inverse, tok<one<'/'>>> {};
struct path_alternative : list<path_sequence, seq<not_at<string<'|', '|'>>, tok<one<'|'>>>> {};
struct path : seq<path_alternative> {};

struct verb : sor<var, path> {};
struct object : seq<graph_node> {};
struct object_list : list<object, comma> {};
struct expected_object : seq<object_list> {};
struct property : seq<verb, must<expected_object>> {};
struct property_list_not_empty : seq<property, star<semicolon, opt<property>>> {};
struct expected_property_list : seq<property_list_not_empty> {};

// TriplesSameSubjectPath ::= VarOrTerm PropertyListPathNotEmpty | TriplesNodePath PropertyListPath
struct triples_same_subject : sor<seq<triples_node, opt<property_list_not_empty>>,
                                  seq<var_or_term, must<expected_property_list>>> {};
// TriplesBlock ::= TriplesSameSubjectPath ( '.' TriplesBlock? )?
struct triples_block : seq<triples_same_subject, star<dot, triples_same_subject>, opt<dot>> {};

// ---------------------------------------------------------------------------------------------
// Graph patterns

struct values_close : rbrace {};
struct values_row_close : rparen {};
struct data_block_value : sor<iri, rdf_literal, numeric_literal, boolean_literal, kw_undef> {};
struct values_row : sor<nil_token, seq<lparen, star<data_block_value>, must<values_row_close>>> {};
struct values_vars_close : rparen {};
struct values_vars : sor<nil_token, seq<lparen, star<var>, must<values_vars_close>>> {};
struct values_block_open : lbrace {};
struct values_one_var
    : seq<var, must<values_block_open>, star<data_block_value>, must<values_close>> {};
struct values_full
    : seq<values_vars, must<values_block_open>, star<values_row>, must<values_close>> {};
struct data_block_body : sor<values_one_var, values_full> {};
struct data_block : seq<data_block_body> {};
struct inline_data : seq<kw_values, must<data_block>> {};

struct group_body_pattern : seq<group_graph_pattern> {};
struct optional_pattern : seq<kw_optional, must<group_body_pattern>> {};
struct minus_pattern : seq<kw_minus, must<group_body_pattern>> {};
struct graph_name : sor<var, iri> {};
struct graph_graph_pattern : seq<kw_graph, must<graph_name>, must<group_body_pattern>> {};
// SERVICE is recognised so that the message can say it is not supported.
struct service_not_supported : pegtl::failure {};
struct service_pattern : seq<at<kw_service>, pegtl::raise<service_not_supported>> {};
struct filter : seq<kw_filter, must<constraint>> {};
struct bind_open : lparen {};
struct bind_expression : seq<expression> {};
struct bind_as : kw_as {};
struct bind_variable : var {};
struct bind_close : rparen {};
struct bind : seq<kw_bind, must<bind_open>, must<bind_expression>, must<bind_as>,
                  must<bind_variable>, must<bind_close>> {};
struct union_alternative : seq<group_graph_pattern> {};
struct group_or_union_pattern : seq<group_graph_pattern, star<kw_union, must<union_alternative>>> {
};
struct graph_pattern_not_triples
    : sor<group_or_union_pattern, optional_pattern, minus_pattern, graph_graph_pattern,
          service_pattern, filter, bind, inline_data> {};

struct group_graph_pattern_sub
    : seq<opt<triples_block>, star<graph_pattern_not_triples, opt<dot>, opt<triples_block>>> {};

struct sub_select;
struct group_close : rbrace {};
struct group_graph_pattern
    : seq<lbrace, sor<sub_select, group_graph_pattern_sub>, must<group_close>>,
      opens_brace,
      nests_at<'{'> {};

// ---------------------------------------------------------------------------------------------
// Queries

struct base_iri : tok<iriref> {};
struct base_decl : seq<kw_base, must<base_iri>> {};
struct prefix_label : pname_ns {};
struct prefix_name : tok<prefix_label> {};
struct prefix_iri : tok<iriref> {};
struct prefix_decl : seq<kw_prefix, must<prefix_name>, must<prefix_iri>> {};
struct prologue : star<sor<base_decl, prefix_decl>> {};

struct projection_as : kw_as {};
struct projection_variable : var {};
struct projection_close : rparen {};
struct projection_expression : seq<lparen, must<expression>, must<projection_as>,
                                   must<projection_variable>, must<projection_close>> {};
struct select_star : star_token {};
struct select_items : sor<select_star, plus<sor<var, projection_expression>>> {};
struct select_clause : seq<kw_select, opt<sor<kw_distinct, kw_reduced>>, must<select_items>> {};

struct source_selector : seq<iri> {};
struct dataset_clause : seq<kw_from, opt<kw_named>, must<source_selector>> {};

struct where_pattern : seq<group_graph_pattern> {};
struct where_clause : sor<seq<kw_where, must<where_pattern>>, group_graph_pattern> {};
struct expected_where : seq<where_clause> {};

// GroupCondition ::= BuiltInCall | FunctionCall | '(' Expression ( 'AS' Var )? ')' | Var
struct group_condition_close : rparen {};
struct group_condition_as : seq<kw_as, must<projection_variable>> {};
struct group_condition_bracketted
    : seq<lparen, must<expression>, opt<group_condition_as>, must<group_condition_close>> {};
struct group_condition : sor<builtin_call, function_call, group_condition_bracketted, var> {};
struct group_by_keyword : kw_by {};
struct group_conditions : plus<group_condition> {};
struct group_clause : seq<kw_group, must<group_by_keyword>, must<group_conditions>> {};
struct having_conditions : plus<constraint> {};
struct having_clause : seq<kw_having, must<having_conditions>> {};
struct order_direction_expression : seq<bracketted_expression> {};
struct order_condition
    : sor<seq<sor<kw_asc, kw_desc>, must<order_direction_expression>>, constraint, var> {};
struct order_by_keyword : kw_by {};
struct order_conditions : plus<order_condition> {};
struct order_clause : seq<kw_order, must<order_by_keyword>, must<order_conditions>> {};
struct limit_value : tok<plus<pegtl::digit>> {};
struct limit_clause : seq<kw_limit, must<limit_value>> {};
struct offset_clause : seq<kw_offset, must<limit_value>> {};
struct limit_offset_clauses
    : sor<seq<limit_clause, opt<offset_clause>>, seq<offset_clause, opt<limit_clause>>> {};
struct solution_modifier
    : seq<opt<group_clause>, opt<having_clause>, opt<order_clause>, opt<limit_offset_clauses>> {};
struct values_clause : opt<inline_data> {};

struct select_query
    : seq<select_clause, star<dataset_clause>, must<expected_where>, solution_modifier> {};
struct sub_select : seq<select_clause, must<expected_where>, solution_modifier, values_clause> {};

// ConstructQuery ::= 'CONSTRUCT' ( ConstructTemplate DatasetClause* WhereClause SolutionModifier
//                                | DatasetClause* 'WHERE' '{' TriplesTemplate? '}' SolutionModifier
//                                )
struct template_close : rbrace {};
struct construct_template : seq<lbrace, opt<triples_block>, must<template_close>>, opens_brace {};
struct short_where_keyword : kw_where {};
struct construct_short_pattern : seq<lbrace, opt<triples_block>, must<template_close>>,
                                 opens_brace {};
struct construct_short : seq<star<dataset_clause>, must<short_where_keyword>,
                             must<construct_short_pattern>, solution_modifier> {};
struct construct_long
    : seq<construct_template, star<dataset_clause>, must<expected_where>, solution_modifier> {};
struct construct_query : seq<kw_construct, sor<construct_long, construct_short>> {};

struct describe_all : star_token {};
struct describe_targets : sor<describe_all, plus<sor<var, iri>>> {};
struct describe_query : seq<kw_describe, must<describe_targets>, star<dataset_clause>,
                            opt<where_clause>, solution_modifier> {};
struct ask_query : seq<kw_ask, star<dataset_clause>, must<expected_where>, solution_modifier> {};

struct query_form : sor<select_query, construct_query, describe_query, ask_query> {};
struct expected_query_form : seq<query_form> {};
struct end_of_query : eof {};
struct query_unit
    : seq<ws, prologue, must<expected_query_form>, values_clause, must<end_of_query>> {};

// ---------------------------------------------------------------------------------------------
// Updates

struct quads_graph_close : rbrace {};
struct quads_graph_open : lbrace {};
struct quads_graph : seq<kw_graph, must<graph_name>, must<quads_graph_open>, opt<triples_block>,
                         must<quads_graph_close>>,
                     opens_brace {};
struct quads : seq<opt<triples_block>, star<quads_graph, opt<dot>, opt<triples_block>>> {};
struct quads_close : rbrace {};
struct quad_pattern : seq<lbrace, quads, must<quads_close>>, opens_brace {};
struct expected_quads : seq<quad_pattern> {};

struct insert_data : seq<kw_insert, kw_data, must<expected_quads>> {};
struct delete_data : seq<kw_delete, kw_data, must<expected_quads>> {};
struct delete_where : seq<kw_delete, kw_where, must<expected_quads>> {};
struct delete_clause : seq<kw_delete, must<expected_quads>> {};
struct insert_clause : seq<kw_insert, must<expected_quads>> {};
struct with_graph : seq<kw_with, must<source_selector>> {};
struct using_clause : seq<kw_using, opt<kw_named>, must<source_selector>> {};
struct modify_where_keyword : kw_where {};
struct modify_clauses : sor<seq<delete_clause, opt<insert_clause>>, insert_clause> {};
struct expected_modify_clauses : seq<modify_clauses> {};
struct modify_after_with : seq<with_graph, must<expected_modify_clauses>, star<using_clause>,
                               must<modify_where_keyword>, must<where_pattern>> {};
struct modify_plain
    : seq<modify_clauses, star<using_clause>, must<modify_where_keyword>, must<where_pattern>> {};

// Graph management (SPARQL 1.1 Update, section 3.2). GraphRef ::= 'GRAPH' iri;
// GraphRefAll ::= GraphRef | 'DEFAULT' | 'NAMED' | 'ALL'; GraphOrDefault ::= 'DEFAULT' | 'GRAPH'? iri.
struct graph_ref_iri : seq<iri> {};
struct graph_ref : seq<kw_graph, must<graph_ref_iri>> {};
struct target_default : kw_default {};
struct target_named : kw_named {};
struct target_all : kw_all {};
struct graph_ref_all : sor<graph_ref, target_default, target_named, target_all> {};
struct graph_or_default : sor<target_default, seq<opt<kw_graph>, graph_ref_iri>> {};

struct expected_clear_target : seq<graph_ref_all> {};
struct clear : seq<kw_clear, opt<kw_silent>, must<expected_clear_target>> {};
struct expected_drop_target : seq<graph_ref_all> {};
struct drop : seq<kw_drop, opt<kw_silent>, must<expected_drop_target>> {};
struct expected_create_target : seq<graph_ref> {};
struct create : seq<kw_create, opt<kw_silent>, must<expected_create_target>> {};

struct load_source : seq<iri> {};
struct expected_load_source : seq<load_source> {};
struct expected_load_graph : seq<graph_ref> {};
struct load_into : seq<kw_into, must<expected_load_graph>> {};
struct load : seq<kw_load, opt<kw_silent>, must<expected_load_source>, opt<load_into>> {};

// ADD, MOVE and COPY: ( SILENT )? GraphOrDefault TO GraphOrDefault.
struct expected_transfer_source : seq<graph_or_default> {};
struct transfer_to : kw_to {};
struct expected_transfer_target : seq<graph_or_default> {};
template <typename Keyword>
struct transfer : seq<Keyword, opt<kw_silent>, must<expected_transfer_source>, must<transfer_to>,
                      must<expected_transfer_target>> {};
struct add_graph : transfer<kw_add> {};
struct move_graph : transfer<kw_move> {};
struct copy_graph : transfer<kw_copy> {};

struct update_operation : sor<insert_data, delete_data, delete_where, modify_after_with,
                              modify_plain, clear, drop, create, load, add_graph, move_graph,
                              copy_graph> {};
// Update ::= Prologue ( Update1 ( ';' Update )? )?, written as a loop: the recursive form
// would recurse once per operation.
struct update_sequence
    : seq<prologue, opt<update_operation, star<semicolon, prologue, update_operation>,
                        opt<semicolon, prologue>>> {};
struct end_of_update : eof {};
struct update_unit : seq<ws, update_sequence, must<end_of_update>> {};

#undef SILK_KW

}  // namespace silk::query::grammar
