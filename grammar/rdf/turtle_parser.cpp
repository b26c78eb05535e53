#include "grammar/rdf/turtle_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <istream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <tao/pegtl.hpp>

#include "grammar/rdf/iri.h"
#include "grammar/rdf/turtle_builder.h"
#include "grammar/rdf/turtle_grammar.h"
#include "grammar/rdf/unescape.h"

namespace silk::rdf {
namespace {

namespace pegtl = tao::pegtl;
namespace g = turtle;
using turtle::Builder;
using turtle::Opener;
using turtle::SetTerm;
using turtle::StopParsing;
using turtle::TextPosition;

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

// Only the text between two discard points must fit; the buffer's pages are touched only as
// far as that text reaches. Fuzz builds (SILK_FUZZ) use 1 MiB: AddressSanitizer poisons the
// whole buffer on every parse, which made 64 MiB cost 25 ms per input.
#ifdef SILK_FUZZ_BUILD
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
#else
constexpr std::size_t kBufferBytes = std::size_t{64} << 20;
#endif
constexpr std::size_t kReadChunk = std::size_t{64} << 10;

// PEGTL's istream input, answering "is there enough buffered text?" inline. The rules ask
// before every character, and buffer_input::require() is an out-of-line call; checking what
// is already buffered first saves about a quarter of the parser's instructions.
class Input : public pegtl::istream_input<pegtl::eol::lf_crlf, kReadChunk> {
 public:
  using Base = pegtl::istream_input<pegtl::eol::lf_crlf, kReadChunk>;
  using Base::Base;

  [[nodiscard]] bool empty() { return buffer_occupied() == 0 && Base::empty(); }
  [[nodiscard]] std::size_t size(const std::size_t amount) {
    const std::size_t buffered = buffer_occupied();
    return buffered >= amount ? buffered : Base::size(amount);
  }
  [[nodiscard]] const char* end(const std::size_t amount) {
    return buffer_occupied() >= amount ? current() + buffer_occupied() : Base::end(amount);
  }

  // Skip mode's way back into a malformed statement (see g::checkpoint). The position stays
  // usable until the next discard(), which moves the buffered text.
  void SaveCheckpoint() { checkpoint_ = iterator(); }
  // REQUIRES: no discard() since SaveCheckpoint().
  void ReturnToCheckpoint() {
    // buffer_input has no setter for its position; its own markers rewind through the same
    // reference, which refers to a member that is not const.
    const_cast<iterator_t&>(iterator()) = checkpoint_;
  }

 private:
  iterator_t checkpoint_;
};

// Deeper nesting of '[' and '(' is refused: each level costs a few hundred bytes of stack in
// the recursive descent, and real data nests a handful of levels at most.
constexpr std::size_t kMaxNesting = 1000;

// How much of an offending line an error shows.
constexpr std::size_t kMaxLineHead = 4096;
constexpr std::size_t kMaxLineTail = 1024;

// The text of the line holding `at`, as far as the buffer still has it; empty if its start
// was already discarded (a caret under a partial line would point at the wrong place).
// REQUIRES: `at` lies in `input`'s buffer and `column` is its 1-based column.
template <typename BufferInput>
std::string LineAround(const BufferInput& const_input, const char* at, std::size_t column) {
  // Reading further ahead cannot disturb the parse: we are about to throw.
  auto& input = const_cast<BufferInput&>(const_input);
  const char* buffer_begin = input.current() - input.buffer_free_before_current();
  if (column == 0 || column - 1 > kMaxLineHead ||
      static_cast<std::size_t>(at - buffer_begin) < column - 1) {
    return {};
  }
  const char* line_begin = at - (column - 1);
  // `at` is at or before the current position (an action reports the start of its match).
  const auto behind = static_cast<std::size_t>(input.current() - at);
  if (behind < kMaxLineTail) {
    const std::size_t room = input.buffer_occupied() + input.buffer_free_after_end();
    try {
      input.require(std::min(kMaxLineTail - behind, room));
    } catch (const std::exception&) {
      // A read error now only shortens the line we show.
    }
  }
  const char* end = std::min(input.current() + input.buffer_occupied(), at + kMaxLineTail);
  const char* line_end = std::find_if(at, end, [](char c) { return c == '\n' || c == '\r'; });
  return {line_begin, line_end};
}

// Where a named rule's error also mentions where the construct it closes was opened.
template <typename Rule>
inline constexpr Opener kOpenerOf = Opener::kNone;
template <>
inline constexpr Opener kOpenerOf<g::bracket_close> = Opener::kInnermostNode;
template <>
inline constexpr Opener kOpenerOf<g::paren_close> = Opener::kInnermostNode;
template <>
inline constexpr Opener kOpenerOf<g::graph_close> = Opener::kGraph;
template <>
inline constexpr Opener kOpenerOf<g::graph_statement> = Opener::kGraph;
template <>
inline constexpr Opener kOpenerOf<g::graph_statement_end> = Opener::kGraph;
template <>
inline constexpr Opener kOpenerOf<g::long_string_close<'"'>> = Opener::kLongString;
template <>
inline constexpr Opener kOpenerOf<g::long_string_close<'\''>> = Opener::kLongString;

template <typename ActionInput>
TextPosition PositionOf(const ActionInput& in) {
  return {in.iterator().line, in.iterator().column};
}

// An error found by an action: reported at the start of the text the action matched.
template <typename ActionInput>
[[noreturn]] void Fail(const ActionInput& in, Builder& builder, const std::string& message) {
  builder.NoteError(LineAround(in.input(), in.begin(), in.iterator().column), Opener::kNone);
  throw pegtl::parse_error(message, in.position());
}

// ---- Error messages: one for every rule used in must<> (a missing one fails to compile).

template <typename Rule>
inline constexpr const char* kMessage = nullptr;

#define SILK_TURTLE_ERROR(rule, text) \
  template <>                         \
  inline constexpr const char* kMessage<rule> = text

SILK_TURTLE_ERROR(g::iri_close,
                  "expected '>' to close the IRI (spaces and the characters <>\"{}|^`\\ must be "
                  "percent-encoded)");
SILK_TURTLE_ERROR(g::iri_escape,
                  "expected \\uXXXX or \\UXXXXXXXX: no other escape is allowed in an IRI");
SILK_TURTLE_ERROR(g::percent_hex, "expected two hexadecimal digits after '%' in a local name");
SILK_TURTLE_ERROR(g::local_escape_char,
                  "expected one of _~.-!$&'()*+,;=/?#@% after '\\' in a local name");
SILK_TURTLE_ERROR(g::string_escape,
                  "expected an escape sequence: \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX or "
                  "\\UXXXXXXXX");
SILK_TURTLE_ERROR(g::short_string_close<'"'>,
                  "expected '\"' to close the string (a line break inside \"...\" is written \\n; "
                  "or use \"\"\"...\"\"\")");
SILK_TURTLE_ERROR(g::short_string_close<'\''>,
                  "expected \"'\" to close the string (a line break inside '...' is written \\n; "
                  "or use '''...''')");
SILK_TURTLE_ERROR(g::long_string_close<'"'>, "expected '\"\"\"' to close the string");
SILK_TURTLE_ERROR(g::long_string_close<'\''>, "expected \"'''\" to close the string");
SILK_TURTLE_ERROR(g::language_tag, "expected a language tag such as @en or @en-GB");
SILK_TURTLE_ERROR(g::datatype_iri, "expected a datatype IRI after '^^'");
SILK_TURTLE_ERROR(g::bracket_close, "expected ']' to close the blank node");
SILK_TURTLE_ERROR(g::paren_close, "expected ')' to close the collection");
SILK_TURTLE_ERROR(g::blank_node_body, "expected a predicate or ']' after '['");
SILK_TURTLE_ERROR(g::subject_blank_node_body, "expected a predicate or ']' after '['");
SILK_TURTLE_ERROR(g::object_list, "expected an object (an IRI, blank node, literal, '[' or '(')");
SILK_TURTLE_ERROR(g::object_after_comma, "expected an object after ','");
SILK_TURTLE_ERROR(g::predicate_object_list,
                  "expected a predicate (an IRI, a prefixed name or 'a')");
SILK_TURTLE_ERROR(g::triples_dot, "expected '.' after the triple");
SILK_TURTLE_ERROR(g::directive_dot, "expected '.' after the directive");
SILK_TURTLE_ERROR(g::prefix_name_decl, "expected a prefix name ending in ':', such as 'ex:'");
SILK_TURTLE_ERROR(g::prefix_iri_decl, "expected the prefix's IRI in <...>");
SILK_TURTLE_ERROR(g::base_iri_decl, "expected the base IRI in <...>");
SILK_TURTLE_ERROR(g::statement,
                  "expected a triple or a directive (@prefix, @base, PREFIX or BASE)");
SILK_TURTLE_ERROR(g::turtle_end, kMessage<g::statement>);
SILK_TURTLE_ERROR(g::trig_statement,
                  "expected a triple, a graph block or a directive (@prefix, @base, PREFIX or "
                  "BASE)");
SILK_TURTLE_ERROR(g::trig_end, kMessage<g::trig_statement>);
SILK_TURTLE_ERROR(g::graph_close, "expected '}' to close the graph");
SILK_TURTLE_ERROR(g::graph_statement, kMessage<g::graph_close>);
SILK_TURTLE_ERROR(g::graph_statement_end, kMessage<g::graph_close>);
SILK_TURTLE_ERROR(g::graph_name, "expected a graph name (an IRI or a blank node) after GRAPH");
SILK_TURTLE_ERROR(g::anon_graph_name_close, "expected ']': a graph name cannot have properties");
SILK_TURTLE_ERROR(g::graph_after_name, "expected '{' after the graph name");
SILK_TURTLE_ERROR(g::graph_or_predicates, "expected '{' or a predicate after the subject");
SILK_TURTLE_ERROR(g::trig_blank_node_body, "expected a predicate or ']' after '['");

#undef SILK_TURTLE_ERROR

struct ErrorMessages {
  template <typename Rule>
  static constexpr const char* message = kMessage<Rule>;
  // Errors are raised only at must<> points, so named rules may also appear as alternatives.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

// must_if's control, plus the line text and opener position, noted while the buffer still
// holds them (after the throw, rewinding leaves the input pointing at discarded text).
template <typename Rule>
struct ControlBase : pegtl::must_if<ErrorMessages>::control<Rule> {
  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, Builder& builder) {
    builder.NoteError(LineAround(in, in.current(), in.iterator().column), kOpenerOf<Rule>);
    pegtl::must_if<ErrorMessages>::control<Rule>::raise(in, builder);
  }
};

template <typename Rule>
struct Control : ControlBase<Rule> {};

template <>
struct Control<g::checkpoint> : ControlBase<g::checkpoint> {
  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class,
            template <typename...> class, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... /*unused*/) {
    in.discard();
    in.SaveCheckpoint();
    return true;
  }
};

ParseError MakeError(const ParseOptions& options, std::string message, const pegtl::position& at,
                     std::string line_text) {
  ParseError error;
  error.message = std::move(message);
  error.source = options.source_name;
  error.line = at.line;
  error.column = at.column;
  error.line_text = std::move(line_text);
  return error;
}

ParseError SyntaxError(const Builder& builder, const pegtl::parse_error& e) {
  std::string message(e.message());
  if (const auto& opened = builder.error_opened_at()) {
    message += fmt::format(" opened at {}:{}", opened->line, opened->column);
  }
  return MakeError(builder.options(), std::move(message), e.positions().front(),
                   builder.error_line_text());
}

// ---- Skip mode: leaving out a malformed statement and finding the next one.
//
// The statement is read again from the last checkpoint before the error, which lies between
// tokens, so that every IRI, string and comment is seen from its start. It ends at the first
// '.' outside IRIs <…>, strings (all four quotings, long ones across lines) and comments that
// is not followed by a character that would continue a name or number (a letter, digit, '_',
// '-', ':', '.', '%', '\' or any non-ASCII character: as in ex:a.b or 1.5), or at the end of
// the input. Besides:
// - A "…" or '…' string still open at the end of its line (such strings cannot span lines)
//   ends there; if that line ends with '.', so does the statement: `:s :p "unclosed .` is
//   one statement, not the start of a longer one.
// - A SPARQL-style PREFIX or BASE, which has no final '.', ends at the end of its line.
// - TriG: a '{ … }' block within the skipped text is skipped whole. A statement inside a graph
//   block also ends before the '}' that closes the block, so that the block's other
//   statements stay; a top-level one that reaches a block (a bad graph name) takes it along.

// Where a malformed statement was.
enum class Scope { kDocument, kGraph };

// The byte `offset` ahead of the input's position, or -1 past the end of the input. Drops the
// text already read first, so that skipping needs no more buffer however long the statement.
template <typename ParseInput>
int Peek(ParseInput& in, std::size_t offset = 0) {
  if (in.buffer_occupied() <= offset) {
    in.discard();
    if (in.size(offset + 1) <= offset) {
      return -1;
    }
  }
  return static_cast<unsigned char>(in.peek_char(offset));
}

bool IsLineBreak(int c) { return c == '\n' || c == '\r'; }

// Whether `c`, just after a '.', makes the '.' part of a name or number.
bool ContinuesName(int c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c == ':' || c == '.' || c == '%' || c == '\\';
}

// Whether `c` cannot occur in an IRI as written between < and >.
bool EndsIri(int c) {
  return c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
         c == '`';
}

// A comment, up to (not including) the line break.
template <typename ParseInput>
void SkipComment(ParseInput& in) {
  for (int c = Peek(in); c >= 0 && !IsLineBreak(c); c = Peek(in)) {
    in.bump(1);
  }
}

// An IRI's <…>. A character that no IRI contains means the '<' opened none: reading goes on
// from that character as ordinary text.
template <typename ParseInput>
void SkipIri(ParseInput& in) {
  in.bump(1);
  for (int c = Peek(in); c >= 0 && !EndsIri(c); c = Peek(in)) {
    in.bump(1);
    if (c == '>') {
      return;
    }
  }
}

// A long string, from its opening quotes to its closing ones.
template <typename ParseInput>
void SkipLongString(ParseInput& in, int quote) {
  in.bump(3);
  for (int c = Peek(in); c >= 0; c = Peek(in)) {
    if (c == quote && Peek(in, 1) == quote && Peek(in, 2) == quote) {
      in.bump(3);
      return;
    }
    in.bump(c == '\\' && Peek(in, 1) >= 0 ? 2 : 1);
  }
}

// A short string. One still open at the end of its line stops before the line break, and
// then returns whether the line ends with '.' (most likely the statement's end).
template <typename ParseInput>
bool SkipShortString(ParseInput& in, int quote) {
  in.bump(1);
  bool ends_with_dot = false;
  for (int c = Peek(in); c >= 0; c = Peek(in)) {
    if (IsLineBreak(c)) {
      return ends_with_dot;
    }
    in.bump(1);
    if (c == quote) {
      return false;
    }
    if (c == '\\') {
      ends_with_dot = false;
      if (const int escaped = Peek(in); escaped >= 0 && !IsLineBreak(escaped)) {
        in.bump(1);
      }
    } else if (c != ' ' && c != '\t') {
      ends_with_dot = c == '.';
    }
  }
  return false;
}

// The keywords of the directives that have no final '.'.
struct sparql_directive_keyword : pegtl::sor<g::kw_prefix, g::kw_base> {};

// Reads past the rest of a malformed statement, from the checkpoint before its error, by the
// rules above. `braces`: TriG, where '{' and '}' delimit graph blocks.
template <typename ParseInput>
void SkipRestOfStatement(ParseInput& in, Scope scope, bool braces) {
  const bool ends_at_line_end =
      scope == Scope::kDocument && pegtl::parse<sparql_directive_keyword>(in);
  std::size_t depth = 0;  // blocks opened in the skipped text and not yet closed
  for (int c = Peek(in); c >= 0; c = Peek(in)) {
    switch (c) {
      case '#':
        SkipComment(in);
        break;
      case '<':
        SkipIri(in);
        break;
      case '"':
      case '\'':
        if (Peek(in, 1) == c && Peek(in, 2) == c) {
          SkipLongString(in, c);
        } else if (SkipShortString(in, c) && depth == 0) {
          return;
        }
        break;
      case '\\':  // an escape in a local name, such as ex:a\.b
        in.bump(Peek(in, 1) >= 0 ? 2 : 1);
        break;
      case '.':
        in.bump(1);
        if (depth == 0 && !ContinuesName(Peek(in))) {
          return;
        }
        break;
      case '{':
        in.bump(1);
        depth += braces ? 1 : 0;
        break;
      case '}':
        if (braces && depth == 0 && scope == Scope::kGraph) {
          return;  // the block's own '}': the grammar reads it and closes the graph
        }
        in.bump(1);
        if (braces) {
          depth -= depth > 0 ? 1 : 0;
          if (depth == 0 && scope == Scope::kDocument) {
            return;  // the end of a block skipped whole, or a stray '}'
          }
        }
        break;
      default:
        in.bump(1);
        if (ends_at_line_end && depth == 0 && IsLineBreak(c)) {
          return;
        }
        break;
    }
  }
}

// The control of a rule that matches one whole statement (g::turtle_item and the like). In
// skip mode a syntax error inside it is reported, the statement's triples are dropped and
// the input moves past its end, so that the rule succeeds and parsing goes on. Without skip
// mode, or once the statement has passed triples on (see kMaxHeldBytes), the error stands.
template <typename Rule, Scope kScope>
struct RecoveringControl : ControlBase<Rule> {
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, Builder& builder) {
    if (!builder.skipping()) {
      return ControlBase<Rule>::template match<A, M, Action, Control>(in, builder);
    }
    try {
      return ControlBase<Rule>::template match<A, M, Action, Control>(in, builder);
    } catch (const pegtl::parse_error& e) {
      if (builder.statement_delivered()) {
        throw;
      }
      builder.options().on_bad_statement(SyntaxError(builder, e));
      builder.DropStatement(/*leave_graph=*/kScope == Scope::kDocument);
      // The markers unwound by the throw have left the position anywhere, even in text that
      // was discarded; the checkpoint's text is still in the buffer.
      in.ReturnToCheckpoint();
      SkipRestOfStatement(in, kScope, builder.options().format == RdfFormat::kTriG);
      (void)pegtl::parse<g::ws>(in);  // as after every token
      in.SaveCheckpoint();
      return true;
    }
  }
};

template <>
struct Control<g::turtle_item> : RecoveringControl<g::turtle_item, Scope::kDocument> {};
template <>
struct Control<g::trig_item> : RecoveringControl<g::trig_item, Scope::kDocument> {};
template <>
struct Control<g::graph_item> : RecoveringControl<g::graph_item, Scope::kGraph> {};

// ---- Actions: each records into the builder.

template <typename Rule>
struct Action : pegtl::nothing<Rule> {};

template <>
struct Action<g::iri_body> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    const std::string_view text = in.string_view();
    std::string_view iri = text;
    std::string& scratch = builder.scratch();
    if (text.find('\\') != std::string_view::npos) {
      scratch.clear();
      if (!AppendUnescaped(scratch, text)) {
        Fail(in, builder, "the \\u escape in this IRI names no character (a surrogate code point)");
      }
      // The grammar checked the raw characters; the escaped ones are checked here.
      for (const char c : scratch) {
        if (static_cast<unsigned char>(c) <= 0x20 ||
            std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) {
          Fail(in, builder,
               "an escape in this IRI stands for a character that IRIs cannot contain");
        }
      }
      iri = scratch;
    }
    SetTerm(builder.term(), TermKind::kIri, iri);  // resolved once the '>' has been seen
  }
};

// The whole <…>: a malformed IRI has been reported by now, so what is left to say is only
// about its meaning.
template <>
struct Action<g::iriref> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    Term& term = builder.term();
    if (HasScheme(term.value)) {
      return;
    }
    // Stored as written, a relative IRI would mean nothing (every file's <> the same node)
    // and could not be written as N-Quads.
    if (!HasScheme(builder.base())) {
      Fail(in, builder,
           fmt::format("cannot resolve the relative IRI '{}': there is no base IRI (declare "
                       "one with @base, or load with --base IRI)",
                       term.value));
    }
    SetTerm(term, TermKind::kIri, ResolveIri(builder.base(), term.value));
  }
};

template <>
struct Action<g::prefixed_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    const std::string_view text = in.string_view();
    const std::size_t colon = text.find(':');  // PN_PREFIX has no ':'
    const std::string_view prefix = text.substr(0, colon);
    const std::string* ns = builder.FindPrefix(prefix);
    if (ns == nullptr) {
      Fail(in, builder, fmt::format("unknown prefix '{}:' (declare it with @prefix)", prefix));
    }
    Term& term = builder.term();
    SetTerm(term, TermKind::kIri, *ns);
    // PN_LOCAL_ESC: the backslash goes, the character stays; %XX stays as written.
    const std::string_view local = text.substr(colon + 1);
    for (std::size_t i = 0; i < local.size(); ++i) {
      if (local[i] == '\\') {
        ++i;
      }
      term.value += local[i];
    }
  }
};

template <>
struct Action<g::blank_node_label> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    SetTerm(builder.term(), TermKind::kBlank, in.string_view().substr(2));  // after "_:"
  }
};

// The bodies of all four kinds of string.
struct StringBodyAction {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    Term& literal = builder.literal();
    SetTerm(literal, TermKind::kLiteral, {});
    if (!AppendUnescaped(literal.value, in.string_view())) {
      Fail(in, builder, "a \\u escape in this string names no character (a surrogate code point)");
    }
  }
};
template <char Q>
struct Action<g::short_string_body<Q>> : StringBodyAction {};
template <char Q>
struct Action<g::long_string_body<Q>> : StringBodyAction {};

template <char Q>
struct Action<g::long_string_open<Q>> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.NoteLongStringOpen(PositionOf(in));
  }
};

template <>
struct Action<g::langtag_value> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.literal().language.assign(in.string_view().substr(1));  // after '@'
  }
};

template <>
struct Action<g::datatype_iri> {
  static void apply0(Builder& builder) { builder.literal().datatype = builder.term().value; }
};

template <>
struct Action<g::rdf_literal> {
  static void apply0(Builder& builder) { builder.term() = builder.literal(); }
};

template <std::string_view const* Datatype>
struct TypedLiteralAction {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    Term& term = builder.term();
    SetTerm(term, TermKind::kLiteral, in.string_view());
    term.datatype.assign(*Datatype);
  }
};
template <>
struct Action<g::integer_literal> : TypedLiteralAction<&kXsdInteger> {};
template <>
struct Action<g::decimal_literal> : TypedLiteralAction<&kXsdDecimal> {};
template <>
struct Action<g::double_literal> : TypedLiteralAction<&kXsdDouble> {};

template <bool Value>
struct BooleanAction {
  static void apply0(Builder& builder) {
    Term& term = builder.term();
    SetTerm(term, TermKind::kLiteral, Value ? "true" : "false");
    term.datatype.assign(kXsdBoolean);
  }
};
template <>
struct Action<g::kw_true> : BooleanAction<true> {};
template <>
struct Action<g::kw_false> : BooleanAction<false> {};

template <>
struct Action<g::subject> {
  static void apply0(Builder& builder) { builder.SetSubject(builder.term()); }
};
template <>
struct Action<g::predicate> {
  static void apply0(Builder& builder) { builder.SetPredicate(builder.term()); }
};
template <>
struct Action<g::kw_a> {
  static void apply0(Builder& builder) { builder.SetPredicate(kRdfType); }
};
template <>
struct Action<g::object_term> {
  static void apply0(Builder& builder) { builder.AddObject(builder.term()); }
};

template <typename ActionInput>
void CheckNesting(const ActionInput& in, Builder& builder) {
  if (builder.nesting() >= kMaxNesting) {
    Fail(in, builder,
         fmt::format("blank nodes and collections nest more than {} deep", kMaxNesting));
  }
}

template <>
struct Action<g::bracket_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    CheckNesting(in, builder);
    builder.OpenBlankNode(PositionOf(in));
  }
};
template <>
struct Action<g::bracket_close> {
  static void apply0(Builder& builder) { builder.CloseBlankNode(); }
};
template <>
struct Action<g::anon_graph_name_close> : Action<g::bracket_close> {};
template <>
struct Action<g::paren_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    CheckNesting(in, builder);
    builder.OpenCollection(PositionOf(in));
  }
};
template <>
struct Action<g::paren_close> {
  static void apply0(Builder& builder) { builder.CloseCollection(); }
};

template <>
struct Action<g::triples_dot> {
  static void apply0(Builder& builder) { builder.EndStatement(); }
};
template <>
struct Action<g::graph_dot> : Action<g::triples_dot> {};
template <>
struct Action<g::graph_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    builder.OpenGraph(PositionOf(in));
  }
};
template <>
struct Action<g::graph_close> {
  static void apply0(Builder& builder) { builder.CloseGraph(); }
};

template <>
struct Action<g::prefix_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& builder) {
    const std::string_view text = in.string_view();
    builder.SetPendingPrefix(text.substr(0, text.size() - 1));  // without ':'
  }
};
template <>
struct Action<g::prefix_iri_decl> {
  static void apply0(Builder& builder) { builder.SetPendingPrefixIri(builder.term().value); }
};
template <>
struct Action<g::base_iri_decl> {
  static void apply0(Builder& builder) { builder.SetPendingBase(builder.term().value); }
};
// A directive counts once it is complete (with its '.', for the @ forms), so that a malformed
// one which skip mode leaves out changes nothing.
template <>
struct Action<g::prefix_id> {
  static void apply0(Builder& builder) { builder.DeclarePrefix(); }
};
template <>
struct Action<g::sparql_prefix> : Action<g::prefix_id> {};
template <>
struct Action<g::base> {
  static void apply0(Builder& builder) { builder.DeclareBase(); }
};
template <>
struct Action<g::sparql_base> : Action<g::base> {};

template <typename Document>
std::optional<ParseError> Parse(std::istream& in, const ParseOptions& options, QuadSink& sink) {
  Input input(in, kBufferBytes, options.source_name);
  Builder builder(options, sink);
  try {
    pegtl::parse<Document, Action, Control>(input, builder);
  } catch (const StopParsing&) {
    return std::nullopt;
  } catch (const pegtl::parse_error& e) {
    ParseError error = SyntaxError(builder, e);
    if (builder.statement_delivered()) {
      error.message += fmt::format(
          " (not skipped: the statement had produced more than {} MiB of triples, which were "
          "already passed on)",
          turtle::kMaxHeldBytes >> 20);
    }
    return error;
  } catch (const std::overflow_error&) {
    // The input's position is where the unfinished stretch began: after the throw the
    // iterator was rewound, and its line and column counters are still right.
    return MakeError(options,
                     fmt::format("a single term or the text between two objects is longer than "
                                 "{} MiB",
                                 kBufferBytes >> 20),
                     input.position(), {});
  } catch (const std::system_error& e) {
    return MakeError(options, fmt::format("cannot read the input: {}", e.what()), input.position(),
                     {});
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParseError> ParseTurtle(std::istream& in, const ParseOptions& options,
                                      QuadSink& sink) {
  if (options.format == RdfFormat::kTriG) {
    return Parse<g::trig_document>(in, options, sink);
  }
  return Parse<g::turtle_document>(in, options, sink);
}

}  // namespace silk::rdf
