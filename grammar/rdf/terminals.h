// The lexical rules (terminals) shared by the N-Triples, N-Quads, Turtle and TriG grammars,
// named as in the RDF 1.1 specifications. PEGTL types: include this only from grammar/*.cpp.
#pragma once

#include <tao/pegtl.hpp>

namespace silk::rdf::lex {

namespace pegtl = tao::pegtl;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
namespace u8 = pegtl::utf8;

struct hex : pegtl::xdigit {};
// UCHAR ::= '\u' HEX{4} | '\U' HEX{8}
struct uchar : sor<seq<one<'\\'>, one<'u'>, rep<4, hex>>, seq<one<'\\'>, one<'U'>, rep<8, hex>>> {};
// ECHAR ::= '\' [tbnrf"'\]
struct echar : seq<one<'\\'>, one<'t', 'b', 'n', 'r', 'f', '"', '\'', '\\'>> {};

// IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
struct iri_char : sor<u8::ranges<0x21, 0x21, 0x23, 0x3B, 0x3D, 0x3D, 0x3F, 0x5B, 0x5D, 0x5D,
                                 0x5F, 0x5F, 0x61, 0x7A, 0x7E, 0x10FFFF>,
                      uchar> {};

// PN_CHARS_BASE, with the code point ranges of the specification.
struct pn_chars_base
    : u8::ranges<'A', 'Z', 'a', 'z', 0x00C0, 0x00D6, 0x00D8, 0x00F6, 0x00F8, 0x02FF, 0x0370,
                 0x037D, 0x037F, 0x1FFF, 0x200C, 0x200D, 0x2070, 0x218F, 0x2C00, 0x2FEF, 0x3001,
                 0xD7FF, 0xF900, 0xFDCF, 0xFDF0, 0xFFFD, 0x10000, 0xEFFFF> {};
// PN_CHARS_U as Turtle defines it. The N-Triples grammar text adds ':', but the W3C tests
// (nt-syntax-bad-bnode-01/02) and RDF 1.2 reject colons in labels, so both syntaxes use this.
struct pn_chars_u : sor<pn_chars_base, one<'_'>> {};
struct pn_chars
    : sor<pn_chars_u, one<'-'>, pegtl::digit,
          u8::ranges<0x00B7, 0x00B7, 0x0300, 0x036F, 0x203F, 0x2040>> {};

// BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
// `Start` and `Chars` differ between N-Triples and Turtle only in whether ':' is allowed.
// The PEG form of "dots allowed, but not last": a run of dots must be followed by a char.
template <typename Start, typename Chars>
struct blank_node_label_of
    : seq<pegtl::string<'_', ':'>, sor<Start, pegtl::digit>,
          star<sor<Chars, seq<plus<one<'.'>>, Chars>>>> {};

// LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
struct langtag : seq<one<'@'>, plus<pegtl::alpha>, star<seq<one<'-'>, plus<pegtl::alnum>>>> {};

// A character inside "…" other than the quote, backslash and line breaks; valid UTF-8 only.
struct string_char_quote : sor<u8::not_one<'"', '\\', '\n', '\r'>, echar, uchar> {};

// '#' up to the end of the line (the line break itself is not part of the comment).
struct comment : seq<one<'#'>, star<u8::not_one<'\n', '\r'>>> {};
// Horizontal white space.
struct hspace : one<' ', '\t'> {};
struct eol : plus<one<'\n', '\r'>> {};

}  // namespace silk::rdf::lex
