// The Turtle 1.1 and TriG 1.1 grammars as PEGTL rules, named after the productions of the
// W3C recommendations. PEGTL types: include this only from grammar/*.cpp and grammar tests.
//
// Conventions:
// - Every token consumes the white space and comments after it (`token<>`), so structural
//   rules never mention white space and error positions point at the next real token.
// - After each commit point (the first token of a construct) the rest is under must<>, with
//   a named rule that has a message in turtle_parser.cpp. So a structural rule that has
//   matched a token either succeeds or throws; it never fails quietly, and only a token
//   backtracks (within itself). That is what makes `discard` safe after each object and
//   statement: no enclosing rule can rewind to a position in front of the discarded text.
//   Keep it so when adding rules: a quiet failure after a discard would resume at a stale
//   position. Text is dropped only at `checkpoint`, which also remembers the spot: it lies
//   between two tokens, so skip mode can re-read a malformed statement's rest from there.
// - Statements are matched by the `*_item` rules (turtle_item, trig_item, graph_item): each is
//   one statement that skip mode can leave out as a whole (turtle_parser.cpp).
// - Anonymous nodes (`[`, `(`, `{`) are factored so that each opening token is matched once,
//   whatever follows; their actions push builder state and must never be backtracked.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/rdf/terminals.h"

namespace silk::rdf::turtle {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::discard;
using pegtl::must;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
namespace u8 = pegtl::utf8;

// ---- White space and tokens ------------------------------------------------------------

struct ws : star<sor<one<' ', '\t', '\r', '\n'>, lex::comment>> {};
// Drops the text read so far (memory stays bounded) and remembers this position, which is
// always between tokens. Its control in turtle_parser.cpp does both.
struct checkpoint : discard {};
template <typename Rule>
struct token : seq<Rule, ws> {};

// A character that would continue a name: keywords must not be followed by one.
struct name_char : sor<lex::pn_chars, one<':'>> {};
template <typename Word>
struct keyword : token<seq<Word, not_at<name_char>>> {};
// '@prefix' and '@base': no name starts with '@', so a ':' may follow at once
// ("@prefix:<http://a.example/>." declares the empty prefix).
template <typename Word>
struct at_keyword : token<seq<Word, not_at<lex::pn_chars>>> {};

// ---- IRIs --------------------------------------------------------------------------------

// IRIREF. Only \u and \U escapes are allowed inside an IRI.
struct iri_escape : lex::uchar {};
struct iri_char : sor<seq<at<one<'\\'>>, must<iri_escape>>, lex::iri_char> {};
struct iri_body : star<iri_char> {};
struct iri_close : one<'>'> {};
struct iriref : seq<one<'<'>, iri_body, must<iri_close>> {};

// PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?
struct pn_prefix
    : seq<lex::pn_chars_base, star<sor<lex::pn_chars, seq<plus<one<'.'>>, lex::pn_chars>>>> {};
// PNAME_NS ::= PN_PREFIX? ':'
struct pname_ns : seq<opt<pn_prefix>, one<':'>> {};

// PLX ::= PERCENT | PN_LOCAL_ESC. Both commit on their first character: '%' and '\' can
// start nothing else inside a local name.
struct percent_hex : rep<2, lex::hex> {};
struct percent : seq<one<'%'>, must<percent_hex>> {};
struct local_escape_char : one<'_', '~', '.', '-', '!', '$', '&', '\'', '(', ')', '*', '+', ',',
                               ';', '=', '/', '?', '#', '@', '%'> {};
struct pn_local_esc : seq<one<'\\'>, must<local_escape_char>> {};
struct plx : sor<percent, pn_local_esc> {};
// PN_LOCAL ::= (PN_CHARS_U | ':' | [0-9] | PLX)
//              ((PN_CHARS | '.' | ':' | PLX)* (PN_CHARS | ':' | PLX))?
struct pn_local_first : sor<lex::pn_chars_u, one<':'>, pegtl::digit, plx> {};
struct pn_local_char : sor<lex::pn_chars, one<':'>, plx> {};
struct pn_local
    : seq<pn_local_first, star<sor<pn_local_char, seq<plus<one<'.'>>, pn_local_char>>>> {};
// PrefixedName ::= PNAME_LN | PNAME_NS
struct prefixed_name : seq<pname_ns, opt<pn_local>> {};

struct iri : sor<token<iriref>, token<prefixed_name>> {};

// ---- Blank nodes ---------------------------------------------------------------------------

struct blank_node_label : lex::blank_node_label_of<lex::pn_chars_u, lex::pn_chars> {};

struct bracket_open : token<one<'['>> {};
struct bracket_close : token<one<']'>> {};
struct paren_open : token<one<'('>> {};
struct paren_close : token<one<')'>> {};

// ---- Literals ------------------------------------------------------------------------------

// ECHAR | UCHAR: a backslash commits to an escape.
struct string_escape : sor<one<'t', 'b', 'n', 'r', 'f', '"', '\'', '\\'>,
                           seq<one<'u'>, rep<4, lex::hex>>, seq<one<'U'>, rep<8, lex::hex>>> {};
struct escape_sequence : seq<one<'\\'>, must<string_escape>> {};

// STRING_LITERAL_QUOTE and STRING_LITERAL_SINGLE_QUOTE: no raw line breaks.
template <char Q>
struct short_string_body : star<sor<u8::not_one<Q, '\\', '\n', '\r'>, escape_sequence>> {};
template <char Q>
struct short_string_close : one<Q> {};
template <char Q>
struct short_string : seq<one<Q>, short_string_body<Q>, must<short_string_close<Q>>> {};

// STRING_LITERAL_LONG_QUOTE and STRING_LITERAL_LONG_SINGLE_QUOTE: a quote character is
// content unless it starts the closing triple.
template <char Q>
struct long_string_open : pegtl::string<Q, Q, Q> {};
template <char Q>
struct long_string_body
    : star<sor<u8::not_one<Q, '\\'>, escape_sequence, seq<one<Q>, not_at<one<Q>, one<Q>>>>> {};
template <char Q>
struct long_string_close : pegtl::string<Q, Q, Q> {};
template <char Q>
struct long_string : seq<long_string_open<Q>, long_string_body<Q>, must<long_string_close<Q>>> {};

struct string_literal
    : token<sor<long_string<'"'>, long_string<'\''>, short_string<'"'>, short_string<'\''>>> {};

struct langtag_value : lex::langtag {};
struct language_tag : token<langtag_value> {};
struct datatype_marker : token<pegtl::string<'^', '^'>> {};
struct datatype_iri : iri {};
struct literal_suffix
    : sor<seq<at<one<'@'>>, must<language_tag>>, seq<datatype_marker, must<datatype_iri>>> {};
// RDFLiteral ::= String (LANGTAG | '^^' iri)?
struct rdf_literal : seq<string_literal, opt<literal_suffix>> {};

struct sign : one<'+', '-'> {};
struct exponent : seq<one<'e', 'E'>, opt<sign>, plus<pegtl::digit>> {};
// DOUBLE ::= [+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)
struct double_literal
    : seq<opt<sign>,
          sor<seq<plus<pegtl::digit>, one<'.'>, star<pegtl::digit>, exponent>,
              seq<one<'.'>, plus<pegtl::digit>, exponent>, seq<plus<pegtl::digit>, exponent>>> {};
// DECIMAL ::= [+-]? [0-9]* '.' [0-9]+
struct decimal_literal : seq<opt<sign>, star<pegtl::digit>, one<'.'>, plus<pegtl::digit>> {};
// INTEGER ::= [+-]? [0-9]+
struct integer_literal : seq<opt<sign>, plus<pegtl::digit>> {};
struct numeric_literal : token<sor<double_literal, decimal_literal, integer_literal>> {};

struct kw_true : keyword<pegtl::string<'t', 'r', 'u', 'e'>> {};
struct kw_false : keyword<pegtl::string<'f', 'a', 'l', 's', 'e'>> {};

struct literal : sor<rdf_literal, numeric_literal, kw_true, kw_false> {};

// ---- Triples -------------------------------------------------------------------------------

struct predicate_object_list;
struct object;

// A term in subject (or TriG graph name) position that is a single token.
struct subject : sor<iri, token<blank_node_label>> {};

struct predicate : iri {};
struct kw_a : keyword<one<'a'>> {};
struct verb : sor<predicate, kw_a> {};

// A term in object position that is a single token.
struct object_term : sor<iri, token<blank_node_label>, literal> {};

// blankNodePropertyList and ANON in object position: '[' (']' | predicateObjectList ']').
struct blank_node_body : sor<bracket_close, seq<predicate_object_list, must<bracket_close>>> {};
struct blank_node_object : seq<bracket_open, must<blank_node_body>> {};

// collection ::= '(' object* ')'; each element's triples are out before the next is read.
struct collection : seq<paren_open, star<object, checkpoint>, must<paren_close>> {};

struct object : sor<object_term, blank_node_object, collection> {};

struct object_after_comma : object {};
// objectList ::= object (',' object)*
struct comma : token<one<','>> {};
struct object_list : seq<object, checkpoint, star<comma, must<object_after_comma>, checkpoint>> {};
// predicateObjectList ::= verb objectList (';' (verb objectList)?)*
struct predicate_object_list
    : seq<verb, must<object_list>, star<token<one<';'>>, opt<verb, must<object_list>>>> {};

// In subject position, ANON needs a predicate list and a property list allows one.
struct subject_blank_node_body
    : sor<seq<bracket_close, must<predicate_object_list>>,
          seq<predicate_object_list, must<bracket_close>, opt<predicate_object_list>>> {};

// triples ::= subject predicateObjectList | blankNodePropertyList predicateObjectList?
struct triples
    : sor<seq<subject, must<predicate_object_list>>, seq<collection, must<predicate_object_list>>,
          seq<bracket_open, must<subject_blank_node_body>>> {};

// ---- Directives ----------------------------------------------------------------------------

struct prefix_name : pname_ns {};
struct prefix_name_decl : token<prefix_name> {};
struct prefix_iri_decl : token<iriref> {};
struct base_iri_decl : token<iriref> {};
struct directive_dot : token<one<'.'>> {};

struct kw_at_prefix : at_keyword<pegtl::string<'@', 'p', 'r', 'e', 'f', 'i', 'x'>> {};
struct kw_at_base : at_keyword<pegtl::string<'@', 'b', 'a', 's', 'e'>> {};
struct kw_prefix : keyword<TAO_PEGTL_ISTRING("PREFIX")> {};
struct kw_base : keyword<TAO_PEGTL_ISTRING("BASE")> {};

struct prefix_id : seq<kw_at_prefix, must<prefix_name_decl, prefix_iri_decl, directive_dot>> {};
struct base : seq<kw_at_base, must<base_iri_decl, directive_dot>> {};
struct sparql_prefix : seq<kw_prefix, must<prefix_name_decl, prefix_iri_decl>> {};
struct sparql_base : seq<kw_base, must<base_iri_decl>> {};
struct directive : sor<prefix_id, base, sparql_prefix, sparql_base> {};

// ---- Turtle documents ----------------------------------------------------------------------

struct triples_dot : token<one<'.'>> {};
struct statement : sor<directive, seq<triples, must<triples_dot>>> {};
struct turtle_end : pegtl::eof {};
// Anything before the end of the input must be a statement.
struct turtle_item : seq<not_at<turtle_end>, must<statement>> {};
// turtleDoc ::= statement*, after an optional byte order mark. Text is discarded after every
// statement and object, so memory does not grow with the input.
struct turtle_document
    : seq<opt<u8::bom>, ws, checkpoint, star<turtle_item, checkpoint>, must<turtle_end>> {};

// ---- TriG documents ------------------------------------------------------------------------

struct graph_open : token<one<'{'>> {};
struct graph_close : token<one<'}'>> {};
struct graph_dot : token<one<'.'>> {};
// triplesBlock ::= triples ('.' triplesBlock?)?, read as statements that each end with '.' or
// before the '}', so that skip mode can leave out one of them and keep the rest of the block.
struct graph_statement_end : sor<graph_dot, at<graph_close>> {};
struct graph_statement : seq<triples, must<graph_statement_end>> {};
// Anything in a block but its '}' must be a statement; the end of the input is left to
// wrapped_graph, which reports the missing '}'.
struct graph_item : seq<not_at<graph_close>, not_at<pegtl::eof>, must<graph_statement>> {};
// wrappedGraph ::= '{' triplesBlock? '}'
struct wrapped_graph : seq<graph_open, star<graph_item, checkpoint>, must<graph_close>> {};

struct kw_graph : keyword<TAO_PEGTL_ISTRING("GRAPH")> {};
struct anon_graph_name_close : bracket_close {};
// labelOrSubject ::= iri | BlankNode (ANON included).
struct graph_name : sor<subject, seq<bracket_open, must<anon_graph_name_close>>> {};
struct graph_after_name : wrapped_graph {};

// After a subject: either it names a graph, or its triples follow.
struct graph_or_predicates : sor<wrapped_graph, seq<predicate_object_list, must<triples_dot>>> {};
struct trig_blank_node_body : sor<seq<bracket_close, must<graph_or_predicates>>,
                                  seq<predicate_object_list, must<bracket_close>,
                                      opt<predicate_object_list>, must<triples_dot>>> {};

// block ::= triplesOrGraph | wrappedGraph | triples2 | "GRAPH" labelOrSubject wrappedGraph
struct block
    : sor<seq<kw_graph, must<graph_name, graph_after_name>>, wrapped_graph,
          seq<subject, must<graph_or_predicates>>, seq<bracket_open, must<trig_blank_node_body>>,
          seq<collection, must<predicate_object_list, triples_dot>>> {};
struct trig_end : pegtl::eof {};
// trigDoc ::= (directive | block)*, after an optional byte order mark.
struct trig_statement : sor<directive, block> {};
struct trig_item : seq<not_at<trig_end>, must<trig_statement>> {};
struct trig_document
    : seq<opt<u8::bom>, ws, checkpoint, star<trig_item, checkpoint>, must<trig_end>> {};

}  // namespace silk::rdf::turtle
