#include "grammar/rdf/ntriples_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "grammar/rdf/iri.h"
#include "grammar/rdf/ntriples_grammar.h"
#include "grammar/rdf/unescape.h"

namespace silk::rdf {
namespace {

namespace pegtl = tao::pegtl;

// Reads are this large; a buffer grows (doubling) only to hold one longer line.
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxLineBytes = std::size_t{256} << 20;

// The length of the well-formed UTF-8 sequence `s` starts with, or 0 (also for an empty `s`).
// As strict as PEGTL's utf8 rules: no overlong forms, no surrogates, nothing above U+10FFFF.
std::size_t Utf8SequenceLength(std::string_view s) {
  if (s.empty()) {
    return 0;
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto tail = [&](std::size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
  const unsigned char c = byte(0);
  if (c < 0x80) {
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    return tail(1) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!tail(1) || !tail(2)) {
      return 0;
    }
    if (c == 0xE0 && byte(1) < 0xA0) {
      return 0;  // overlong
    }
    if (c == 0xED && byte(1) >= 0xA0) {
      return 0;  // surrogate
    }
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!tail(1) || !tail(2) || !tail(3)) {
      return 0;
    }
    if (c == 0xF0 && byte(1) < 0x90) {
      return 0;  // overlong
    }
    if (c == 0xF4 && byte(1) >= 0x90) {
      return 0;  // above U+10FFFF
    }
    return 4;
  }
  return 0;
}

bool IsInvalidUtf8At(std::string_view rest) {
  return !rest.empty() && static_cast<unsigned char>(rest[0]) >= 0x80 &&
         Utf8SequenceLength(rest) == 0;
}

// How a message names the character `rest` starts with.
std::string ShowChar(std::string_view rest) {
  if (rest.empty()) {
    return "the end of the line";
  }
  const auto c = static_cast<unsigned char>(rest[0]);
  if (c == ' ') {
    return "a space";
  }
  if (c == '\t') {
    return "a tab";
  }
  if (c < 0x20 || c == 0x7F) {
    return fmt::format("U+{:04X}", c);
  }
  if (c < 0x80) {
    return fmt::format("'{}'", static_cast<char>(c));
  }
  const std::size_t n = Utf8SequenceLength(rest);
  if (n == 0) {
    return fmt::format("byte 0x{:02X}", c);
  }
  return fmt::format("'{}'", rest.substr(0, n));
}

// Names a code point an escape decoded to: 'x' when printable ASCII, else U+XXXX.
std::string ShowCodePoint(char32_t cp) {
  if (cp == ' ') {
    return "a space (U+0020)";
  }
  if (cp > 0x20 && cp < 0x7F) {
    return fmt::format("'{}'", static_cast<char>(cp));
  }
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp));
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
    if (c != prefix[i]) {
      return false;
    }
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return c - 'A' + 10;
}

// Words the problem with the malformed escape `rest` starts with (rest[0] == '\\').
std::string DescribeBadEscape(std::string_view rest, bool in_iri) {
  if (rest.size() < 2) {
    return "'\\' at the end of the line starts no escape";
  }
  const char kind = rest[1];
  if (kind == 'u' || kind == 'U') {
    const std::size_t digits = kind == 'u' ? 4 : 8;
    std::size_t shown = 2;
    // Show the escape as far as it goes, stopping at what plainly ends the token.
    while (shown < rest.size() && shown < 2 + digits &&
           Utf8SequenceLength(rest.substr(shown)) == 1 && rest[shown] != '"' &&
           rest[shown] != '>' && rest[shown] != ' ') {
      ++shown;
    }
    return fmt::format("invalid escape '{}': \\{} must be followed by {} hex digits",
                       rest.substr(0, shown), kind, digits);
  }
  const std::size_t n = std::max<std::size_t>(Utf8SequenceLength(rest.substr(1)), 1);
  if (in_iri) {
    return fmt::format("escape '\\{}' is not allowed in an IRI (only \\uXXXX and \\UXXXXXXXX are)",
                       rest.substr(1, n));
  }
  return fmt::format("unknown escape '\\{}' (known: \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U)",
                     rest.substr(1, n));
}

// The first escape in `raw` (a token that matched the grammar) that decodes to no character, or,
// in an IRI, to a character IRIs forbid: its offset in `raw` and the message. Only called after
// a fast check failed, so it may be slow.
std::pair<std::size_t, std::string> FindBadEscape(std::string_view raw, bool in_iri) {
  for (std::size_t i = raw.find('\\'); i != std::string_view::npos; i = raw.find('\\', i)) {
    const char kind = raw[i + 1];
    if (kind != 'u' && kind != 'U') {
      i += 2;
      continue;
    }
    const std::size_t digits = kind == 'u' ? 4 : 8;
    char32_t cp = 0;
    for (std::size_t k = 0; k < digits; ++k) {
      cp = cp * 16 + HexValue(raw[i + 2 + k]);
    }
    const std::string_view escape = raw.substr(i, 2 + digits);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return {i, fmt::format("escape '{}' is a surrogate, not a Unicode character", escape)};
    }
    if (cp > 0x10FFFF) {
      return {i, fmt::format("escape '{}' is beyond U+10FFFF, the last Unicode character", escape)};
    }
    if (in_iri && IsForbiddenInIriRef(cp)) {
      return {i, fmt::format("escape '{}' stands for {}, which is not allowed in an IRI", escape,
                             ShowCodePoint(cp))};
    }
    i += 2 + digits;
  }
  return {0, "invalid escape"};  // not reached for a token the caller found wanting
}

// scheme ":" with scheme ::= ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3987).
bool HasScheme(std::string_view iri) {
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (iri.empty() || !alpha(iri[0])) {
    return false;
  }
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') {
      return true;
    }
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

// An error found by an action rather than by the grammar; `offset` is a byte offset in the line.
struct ActionError {
  std::string message;
  std::size_t offset;
};

// The statement being parsed: term views into the line, or into a slot's buffer when the token
// had escapes. Reused for every line, so the buffers stop allocating once warm.
class LineState {
 public:
  explicit LineState(bool quads) : format_name_(quads ? "N-Quads" : "N-Triples") {}

  void Begin(const char* line_begin) {
    line_begin_ = line_begin;
    has_statement_ = false;
    quad_.graph = TermView::DefaultGraph();
  }

  // `text` is the IRI between '<' and '>'; `open` points at the '<'.
  void SetIri(nt::Slot slot, std::string_view text, const char* open) {
    std::string_view iri = text;
    if (std::memchr(text.data(), '\\', text.size()) != nullptr) {
      iri = DecodeIri(slot, text, open + 1);
    }
    if (!HasScheme(iri)) {
      throw ActionError{RelativeIriMessage(text), Offset(open)};
    }
    switch (slot) {
      case nt::kSubject:
        quad_.subject = TermView::Iri(iri);
        break;
      case nt::kPredicate:
        quad_.predicate = TermView::Iri(iri);
        break;
      case nt::kObject:
        quad_.object = TermView::Iri(iri);
        break;
      case nt::kGraph:
        quad_.graph = TermView::Iri(iri);
        break;
      case nt::kDatatype:
        quad_.object.datatype = iri;
        break;
      case nt::kSlotCount:
        break;
    }
  }

  void SetBlank(nt::Slot slot, std::string_view label) {
    switch (slot) {
      case nt::kSubject:
        quad_.subject = TermView::Blank(label);
        break;
      case nt::kObject:
        quad_.object = TermView::Blank(label);
        break;
      case nt::kGraph:
        quad_.graph = TermView::Blank(label);
        break;
      default:
        break;  // the grammar allows no blank node elsewhere
    }
  }

  // `text` is the string between the quotes, as written.
  void SetString(std::string_view text) {
    std::string_view value = text;
    if (std::memchr(text.data(), '\\', text.size()) != nullptr) {
      std::string& buffer = buffers_[nt::kObject];
      buffer.clear();
      if (!AppendUnescaped(buffer, text)) {
        auto [at, message] = FindBadEscape(text, /*in_iri=*/false);
        throw ActionError{std::move(message), Offset(text.data()) + at};
      }
      value = buffer;
    }
    quad_.object = TermView::Literal(value);
  }

  void SetLanguage(std::string_view tag) { quad_.object.language = tag; }
  void EndStatement() { has_statement_ = true; }

  bool has_statement() const { return has_statement_; }
  const QuadView& quad() const { return quad_; }

 private:
  std::string_view DecodeIri(nt::Slot slot, std::string_view text, const char* begin) {
    std::string& buffer = buffers_[slot];
    buffer.clear();
    bool ok = AppendUnescaped(buffer, text);
    // Raw characters were checked by the grammar; only escapes can bring in forbidden ones.
    if (ok) {
      ok = std::none_of(buffer.begin(), buffer.end(),
                        [](char c) { return IsForbiddenInIriRef(static_cast<unsigned char>(c)); });
    }
    if (!ok) {
      auto [at, message] = FindBadEscape(text, /*in_iri=*/true);
      throw ActionError{std::move(message), Offset(begin) + at};
    }
    return buffer;
  }

  std::string RelativeIriMessage(std::string_view text) const {
    if (text.empty()) {
      return fmt::format("the empty IRI <> is not allowed in {} (IRIs need a scheme such as http:)",
                         format_name_);
    }
    return fmt::format("relative IRI '{}' is not allowed in {} (it needs a scheme such as http:)",
                       text, format_name_);
  }

  std::size_t Offset(const char* p) const { return static_cast<std::size_t>(p - line_begin_); }

  std::string_view format_name_;
  const char* line_begin_ = nullptr;
  bool has_statement_ = false;
  QuadView quad_;
  std::array<std::string, nt::kSlotCount> buffers_;
};

}  // namespace

namespace nt {

// ---- Error messages ------------------------------------------------------------------------

template <typename Rule>
inline constexpr const char* kErrorMessage = nullptr;
template <>
inline constexpr const char* kErrorMessage<blank_node_label> =
    "expected a blank node label after '_:' (starting with a letter, digit or '_')";
template <>
inline constexpr const char* kErrorMessage<blank_node_label_end> =
    "':' is not allowed in a blank node label";
template <>
inline constexpr const char* kErrorMessage<string_end> =
    "\"\"\"long strings\"\"\" are Turtle, not N-Triples or N-Quads: "
    "write \"…\" with \\n escapes";
template <>
inline constexpr const char* kErrorMessage<lex::langtag> =
    "expected a language tag such as 'en' or 'de-CH' after '@'";
template <>
inline constexpr const char* kErrorMessage<iriref<kDatatype>> =
    "expected a datatype IRI in <…> after '^^'";
template <>
inline constexpr const char* kErrorMessage<line_end> =
    "expected the end of the line after '.' (one statement per line)";

struct Errors {
  template <typename Rule>
  static constexpr const char* message = kErrorMessage<Rule>;
};

// Rules whose message depends on the offending text.
template <typename Rule>
concept Diagnosed = requires(std::string_view rest) {
  { Rule::Diagnose(rest) } -> std::same_as<std::string>;
};

// must_if: a rule with a message raises when it fails, and must<> of a rule without one does not
// compile. Diagnosed rules raise only through must<> / raise<>, with their worded message.
template <typename Rule>
struct Control : pegtl::must_if<Errors>::control<Rule> {};

template <Diagnosed Rule>
struct Control<Rule> : pegtl::normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    throw pegtl::parse_error(Rule::Diagnose(std::string_view(in.current(), in.size(0))), in);
  }
};

std::string iri_close::Diagnose(std::string_view rest) {
  if (rest.empty()) {
    return "expected '>' to close the IRI";
  }
  if (rest[0] == '\\') {
    return DescribeBadEscape(rest, /*in_iri=*/true);
  }
  return fmt::format("{} is not allowed in an IRI (expected '>' to close it)", ShowChar(rest));
}

std::string string_close::Diagnose(std::string_view rest) {
  if (rest.empty()) {
    return "expected '\"' to close the string (it must end on the same line)";
  }
  if (rest[0] == '\\') {
    return DescribeBadEscape(rest, /*in_iri=*/false);
  }
  return "expected '\"' to close the string";
}

template <bool kQuads>
std::string subject_expected<kQuads>::Diagnose(std::string_view rest) {
  if (rest.starts_with('"')) {
    return "a literal cannot be the subject of a statement";
  }
  if (rest.starts_with('@') || StartsWithNoCase(rest, "PREFIX") || StartsWithNoCase(rest, "BASE")) {
    return fmt::format(
        "{} has no @prefix or @base directives (this looks like Turtle; use a .ttl "
        "file)",
        kQuads ? "N-Quads" : "N-Triples");
  }
  return fmt::format("expected a subject (an IRI in <…> or a blank node _:label), found {}",
                     ShowChar(rest));
}

std::string predicate_expected::Diagnose(std::string_view rest) {
  if (rest.starts_with("_:")) {
    return "a blank node cannot be the predicate of a statement";
  }
  if (rest.starts_with('"')) {
    return "a literal cannot be the predicate of a statement";
  }
  if (rest.starts_with('a') && (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\t')) {
    return "'a' is Turtle shorthand: write <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  }
  return fmt::format("expected a predicate (an IRI in <…>), found {}", ShowChar(rest));
}

std::string object_expected::Diagnose(std::string_view rest) {
  // Turtle's bare numbers: 1, -1, +1.5, .5
  std::string_view number = rest;
  if (number.starts_with('+') || number.starts_with('-')) {
    number.remove_prefix(1);
  }
  if (number.starts_with('.')) {
    number.remove_prefix(1);
  }
  if (!number.empty() && number[0] >= '0' && number[0] <= '9') {
    return "a number must be written as a literal, such as "
           "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>";
  }
  if (rest.starts_with('\'')) {
    return "strings are written in double quotes \"…\", not '…'";
  }
  return fmt::format(
      "expected an object (an IRI in <…>, a blank node _:label or a literal \"…\"), found {}",
      ShowChar(rest));
}

template <>
std::string statement_end<false>::Diagnose(std::string_view rest) {
  if (rest.starts_with('<') || rest.starts_with("_:")) {
    return "N-Triples has no graph names (this looks like N-Quads; use a .nq file)";
  }
  if (rest.starts_with(',') || rest.starts_with(';')) {
    return "N-Triples has no ',' or ';' lists (write each statement in full, one per line)";
  }
  return "expected '.' at the end of the statement";
}

template <>
std::string statement_end<true>::Diagnose(std::string_view rest) {
  if (rest.starts_with('"')) {
    return "a literal cannot be a graph name";
  }
  if (rest.starts_with('<') || rest.starts_with("_:")) {
    return "expected '.' after the graph name (a statement has at most four terms)";
  }
  if (rest.starts_with(',') || rest.starts_with(';')) {
    return "N-Quads has no ',' or ';' lists (write each statement in full, one per line)";
  }
  return "expected '.' at the end of the statement";
}

// ---- Actions: record views into the line; decode only tokens that have escapes -------------

template <typename Rule>
struct Action : pegtl::nothing<Rule> {};

template <Slot S>
struct Action<iriref<S>> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LineState& state) {
    state.SetIri(S, std::string_view(in.begin() + 1, in.size() - 2), in.begin());
  }
};

template <Slot S>
struct Action<blank_node<S>> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LineState& state) {
    state.SetBlank(S, std::string_view(in.begin() + 2, in.size() - 2));
  }
};

template <>
struct Action<quoted_string> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LineState& state) {
    state.SetString(std::string_view(in.begin() + 1, in.size() - 2));
  }
};

template <>
struct Action<lex::langtag> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LineState& state) {
    state.SetLanguage(std::string_view(in.begin() + 1, in.size() - 1));
  }
};

template <bool kQuads>
struct Action<statement<kQuads>> {
  static void apply0(LineState& state) { state.EndStatement(); }
};

}  // namespace nt

namespace {

template <bool kQuads>
class Parser {
 public:
  Parser(std::istream& in, const ParseOptions& options, QuadSink& sink)
      : in_(in), options_(options), sink_(sink), state_(kQuads) {}

  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  std::optional<ParseError> Run() {
    try {
      return ReadAndParse();
    } catch (const pegtl::parse_error& e) {
      return Error(e);
    } catch (const ActionError& e) {
      return Error(e.message, e.offset);
    }
  }

 private:
  std::optional<ParseError> ReadAndParse() {
    std::size_t capacity = kChunkBytes;
    buffer_ = std::make_unique_for_overwrite<char[]>(capacity);
    std::size_t size = 0;  // bytes held: the unfinished line, then what was read after it
    bool at_eof = false;
    bool first = true;
    while (!at_eof) {
      if (size == capacity) {
        // The whole buffer is one unfinished line.
        if (capacity >= kMaxLineBytes) {
          return ParseError{
              fmt::format("line {} is longer than {} MiB", line_number_, kMaxLineBytes >> 20),
              options_.source_name,
              line_number_,
              1,
              {}};
        }
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity * 2);
        std::memcpy(bigger.get(), buffer_.get(), size);
        buffer_ = std::move(bigger);
        capacity *= 2;
      }
      in_.read(buffer_.get() + size, static_cast<std::streamsize>(capacity - size));
      size += static_cast<std::size_t>(in_.gcount());
      if (!in_) {
        if (in_.bad()) {
          return ParseError{"could not read the input", options_.source_name, line_number_, 1, {}};
        }
        at_eof = true;
      }
      const char* begin = buffer_.get();
      if (first) {
        first = false;
        if (size >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0) {
          begin += 3;
        }
      }
      const char* end = buffer_.get() + size;
      const char* rest = ParseLines(begin, end, at_eof);
      if (rest == nullptr) {
        return std::nullopt;  // the sink asked to stop
      }
      size = static_cast<std::size_t>(end - rest);
      std::memmove(buffer_.get(), rest, size);
    }
    return std::nullopt;
  }

  // Parses every complete line in [p, end) (and at EOF the last one, unterminated too).
  // Returns where the unfinished line starts, or nullptr when the sink asked to stop.
  const char* ParseLines(const char* p, const char* end, bool at_eof) {
    // The next '\n' and '\r' at or after p, or end; searched again only once p passes them, so
    // a file with only one kind of line break is still scanned in linear time.
    const char* next_lf = nullptr;
    const char* next_cr = nullptr;
    while (p < end) {
      if (next_lf == nullptr || next_lf < p) {
        next_lf = Find(p, end, '\n');
      }
      if (next_cr == nullptr || next_cr < p) {
        next_cr = Find(p, end, '\r');
      }
      const char* brk = std::min(next_lf, next_cr);
      if (brk == end) {
        if (!at_eof) {
          return p;
        }
        return ParseLine(p, end) ? end : nullptr;
      }
      // A '\r' at the end of the data may be half of a CRLF that the next read completes.
      if (*brk == '\r' && brk + 1 == end && !at_eof) {
        return p;
      }
      if (!ParseLine(p, brk)) {
        return nullptr;
      }
      ++line_number_;
      p = brk + 1;
      if (*brk == '\r' && p < end && *p == '\n') {
        ++p;
      }
    }
    return p;
  }

  static const char* Find(const char* p, const char* end, char c) {
    const void* hit = std::memchr(p, c, static_cast<std::size_t>(end - p));
    return hit == nullptr ? end : static_cast<const char*>(hit);
  }

  // Parses one line without its line break. Returns false when the sink asks to stop.
  bool ParseLine(const char* begin, const char* end) {
    if (begin == end) {
      return true;
    }
    line_ = std::string_view(begin, static_cast<std::size_t>(end - begin));
    if (!options_.on_bad_statement) {
      return ParseStatement(begin, end);
    }
    // Skip mode: a line is one statement, and an error is raised before the sink sees it, so
    // dropping the line drops exactly the bad statement.
    try {
      return ParseStatement(begin, end);
    } catch (const pegtl::parse_error& e) {
      options_.on_bad_statement(Error(e));
    } catch (const ActionError& e) {
      options_.on_bad_statement(Error(e.message, e.offset));
    }
    return true;
  }

  bool ParseStatement(const char* begin, const char* end) {
    state_.Begin(begin);
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> input(
        begin, end, options_.source_name.c_str());
    pegtl::parse<nt::line<kQuads>, nt::Action, nt::Control>(input, state_);
    return !state_.has_statement() || sink_.Accept(state_.quad());
  }

  ParseError Error(const pegtl::parse_error& e) const {
    const std::size_t offset = e.positions().empty() ? 0 : e.positions().front().byte;
    return Error(std::string(e.message()), offset);
  }

  ParseError Error(std::string message, std::size_t offset) const {
    offset = std::min(offset, line_.size());
    // Whatever the grammar expected, bytes that are not UTF-8 are the real problem.
    if (IsInvalidUtf8At(line_.substr(offset))) {
      message =
          fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(line_[offset]));
    }
    return ParseError{std::move(message), options_.source_name, line_number_, offset + 1,
                      std::string(line_)};
  }

  std::istream& in_;
  const ParseOptions& options_;
  QuadSink& sink_;
  LineState state_;
  // A member, not a local: line_ points into it while an error is reported.
  std::unique_ptr<char[]> buffer_;
  std::uint64_t line_number_ = 1;
  std::string_view line_;  // the line being parsed, for error reports
};

}  // namespace

std::optional<ParseError> ParseNTriples(std::istream& in, const ParseOptions& options,
                                        QuadSink& sink) {
  if (options.format == RdfFormat::kNQuads) {
    return Parser<true>(in, options, sink).Run();
  }
  return Parser<false>(in, options, sink).Run();
}

}  // namespace silk::rdf
