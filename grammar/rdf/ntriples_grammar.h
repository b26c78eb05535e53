// The PEGTL grammar of one line of N-Triples or N-Quads (RDF 1.1).
// PEGTL types: include this only from grammar/rdf/ntriples_parser.cpp and from tests.
//
// The parser feeds the grammar one line at a time, without its line break, so `eof` is the end
// of the line. Every token eats the white space after it. Error points are named rules: each
// either has a fixed message in ntriples_parser.cpp's table, or a static `Diagnose(rest)` that
// words the message from the text at the error (`rest` runs to the end of the line).
#pragma once

#include <string>
#include <string_view>
#include <tao/pegtl.hpp>

#include "grammar/rdf/terminals.h"

namespace silk::rdf::nt {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::eof;
using pegtl::must;
using pegtl::one;
using pegtl::opt;
using pegtl::raise;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;

// Where a decoded token goes; the action on a term rule is chosen by its slot.
enum Slot : int { kSubject, kPredicate, kObject, kGraph, kDatatype, kSlotCount };

struct ws : star<lex::hspace> {};

// IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
// The action on iriref<S> sees the whole "<…>": it decodes \u escapes and checks that the IRI is
// absolute and that no escape smuggles in a character IRIREF forbids.
struct iri_close : one<'>'> {
  static std::string Diagnose(std::string_view rest);
};
template <Slot S>
struct iriref : seq<one<'<'>, star<lex::iri_char>, must<iri_close>> {};

// BLANK_NODE_LABEL. The N-Triples grammar text lets ':' into labels, but the W3C tests
// (nt-syntax-bad-bnode-01/02) reject "_::a" and "_:abc:def", as RDF 1.2 does: so Turtle's
// PN_CHARS_U / PN_CHARS, not ntriples_pn_chars_u.
struct blank_node_label : lex::blank_node_label_of<lex::pn_chars_u, lex::pn_chars> {};
struct blank_node_label_end : pegtl::not_at<one<':'>> {};
template <Slot S>
struct blank_node : seq<at<pegtl::string<'_', ':'>>, must<blank_node_label, blank_node_label_end>> {
};

// STRING_LITERAL_QUOTE, then an optional LANGTAG or '^^' IRIREF.
struct string_close : one<'"'> {
  static std::string Diagnose(std::string_view rest);
};
struct quoted_string : seq<one<'"'>, star<lex::string_char_quote>, must<string_close>> {};
// A quote right after a string: Turtle's """long string""" (or a stray quote).
struct string_end : pegtl::not_at<one<'"'>> {};
struct language : seq<at<one<'@'>>, must<lex::langtag>> {};
struct datatype : seq<pegtl::string<'^', '^'>, ws, must<iriref<kDatatype>>> {};
struct literal : seq<quoted_string, must<string_end>, ws, opt<sor<language, datatype>>> {};

// What stands where a term was expected, worded by what is there instead.
template <bool kQuads>
struct subject_expected {
  static std::string Diagnose(std::string_view rest);
};
struct predicate_expected {
  static std::string Diagnose(std::string_view rest);
};
struct object_expected {
  static std::string Diagnose(std::string_view rest);
};

template <bool kQuads>
struct subject
    : seq<sor<iriref<kSubject>, blank_node<kSubject>, raise<subject_expected<kQuads>>>, ws> {};
struct predicate : seq<sor<iriref<kPredicate>, raise<predicate_expected>>, ws> {};
struct object
    : seq<sor<iriref<kObject>, blank_node<kObject>, literal, raise<object_expected>>, ws> {};

// N-Quads: an optional graph label. N-Triples has none; statement_end<false> explains.
template <bool kQuads>
struct graph_label : pegtl::success {};
template <>
struct graph_label<true> : opt<sor<iriref<kGraph>, blank_node<kGraph>>, ws> {};

template <bool kQuads>
struct statement_end : one<'.'> {
  static std::string Diagnose(std::string_view rest);
};

template <bool kQuads>
struct statement : seq<subject<kQuads>, predicate, object, graph_label<kQuads>,
                       must<statement_end<kQuads>>, ws> {};

// After the '.', only a comment may follow on the same line.
struct line_end : eof {};

// One line: blank, a comment, or one statement with an optional comment after it.
template <bool kQuads>
struct line : seq<ws, sor<eof, seq<lex::comment, must<line_end>>,
                          seq<statement<kQuads>, opt<lex::comment>, must<line_end>>>> {};

}  // namespace silk::rdf::nt
