#include "shell/repl/statement_splitter.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace silk::shell::repl {
namespace {

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

bool StartsWithKeyword(std::string_view text) {
  static constexpr std::array<std::string_view, 17> kKeywords = {
      "SELECT", "ASK",  "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE", "INSERT", "DELETE", "WITH",
      "CLEAR",  "LOAD", "DROP",      "CREATE",   "ADD",    "MOVE", "COPY",   "EXPLAIN"};
  text = Trim(text);
  while (text.starts_with('#')) {  // comments before the statement
    const auto end = text.find('\n');
    text = end == std::string_view::npos ? std::string_view() : Trim(text.substr(end + 1));
  }
  std::size_t n = 0;
  while (n < text.size() && std::isalpha(static_cast<unsigned char>(text[n]))) ++n;
  if (n < text.size() && (std::isalnum(static_cast<unsigned char>(text[n])) || text[n] == '_' ||
                          text[n] == ':' || text[n] == '-')) {
    return false;  // a prefixed name such as select:x, not the keyword
  }
  const std::string_view word = text.substr(0, n);
  return std::any_of(kKeywords.begin(), kKeywords.end(), [&](std::string_view keyword) {
    return keyword.size() == word.size() &&
           std::equal(word.begin(), word.end(), keyword.begin(), [](char a, char b) {
             return std::toupper(static_cast<unsigned char>(a)) == b;
           });
  });
}

bool IsDotCommand(std::string_view line) {
  line = Trim(line);
  return line.size() >= 2 && line[0] == '.' && std::isalpha(static_cast<unsigned char>(line[1]));
}

std::size_t IriEnd(std::string_view text, std::size_t at) {
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '>') return i;
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '^' || c == '`' || c == '\\') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

StatementSplitter::StatementSplitter(SplitterOptions options) : options_(std::move(options)) {}

void StatementSplitter::Reset() {
  buffer_.clear();
  lexical_ = Lexical::kCode;
  depth_ = 0;
  has_code_ = false;
  typed_break_ = false;
  start_ = Statement();
}

Completeness StatementSplitter::Ask() const {
  if (!options_.completeness) return Completeness::kIncomplete;
  return options_.completeness(Trim(buffer_));
}

void StatementSplitter::EndStatement(std::vector<Statement>& out) {
  if (has_code_) {
    start_.text = std::string(Trim(buffer_));
    out.push_back(std::move(start_));
  }
  Reset();
}

// Appends line[at, at + text.size()); a statement starts at its first character that is not
// white space, which is where its line and column are taken.
void StatementSplitter::Append(std::string_view text, std::string_view line, std::size_t at) {
  if (buffer_.empty()) {
    std::size_t skip = 0;
    while (skip < text.size() && IsSpace(text[skip])) ++skip;
    if (skip == text.size()) return;
    start_.line = line_number_;
    start_.column = at + skip + 1;
    start_.first_line = std::string(line);
    text.remove_prefix(skip);
  }
  buffer_.append(text);
}

std::vector<Statement> StatementSplitter::AddLine(std::string_view line, bool more_waiting) {
  std::vector<Statement> out;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++line_number_;
  const bool typed_before = !last_more_waiting_;
  last_more_waiting_ = more_waiting;

  // Rule 3: a dot-command is a statement of its own, and ends the one before it.
  if (Balanced() && IsDotCommand(line)) {
    EndStatement(out);
    Append(line, line, 0);
    has_code_ = true;
    EndStatement(out);
    return out;
  }
  // Rule 2: an empty line.
  if (IsBlank(line)) {
    const bool in_long_string = lexical_ == Lexical::kLongSingle || lexical_ == Lexical::kLongDouble;
    if (!in_long_string && (depth_ <= 0 || !more_waiting)) {
      EndStatement(out);
    } else if (!buffer_.empty()) {
      buffer_ += '\n';
    }
    return out;
  }
  // Rule 4: a keyword that opens a statement, after a complete one.
  if (has_code_ && Balanced() && StartsWithKeyword(line) && Ask() == Completeness::kComplete) {
    EndStatement(out);
  }
  if (!buffer_.empty()) {
    buffer_ += '\n';
    if (has_code_ && typed_before) typed_break_ = true;
  }

  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    switch (lexical_) {
      case Lexical::kCode:
        if (c == '#') {  // a comment runs to the end of the line
          Append(line.substr(i), line, i);
          i = line.size();
          continue;
        }
        if (c == '<') {
          if (const std::size_t end = IriEnd(line, i); end != std::string_view::npos) {
            Append(line.substr(i, end - i + 1), line, i);
            has_code_ = true;
            i = end;
            continue;
          }
        }
        // Rule 1.
        if (c == ';' && depth_ <= 0 && (!has_code_ || StartsWithKeyword(buffer_))) {
          EndStatement(out);
          continue;
        }
        if (c == '\'' || c == '"') {
          const bool is_long = line.substr(i, 3) == std::string(3, c);
          lexical_ = c == '\'' ? (is_long ? Lexical::kLongSingle : Lexical::kShortSingle)
                               : (is_long ? Lexical::kLongDouble : Lexical::kShortDouble);
          if (is_long) {
            Append(line.substr(i, 3), line, i);
            i += 2;
            has_code_ = true;
            continue;
          }
        } else if (c == '{' || c == '(' || c == '[') {
          ++depth_;
        } else if (c == '}' || c == ')' || c == ']') {
          --depth_;
        }
        if (!IsSpace(c)) has_code_ = true;
        Append(line.substr(i, 1), line, i);
        break;
      case Lexical::kShortSingle:
      case Lexical::kShortDouble:
      case Lexical::kLongSingle:
      case Lexical::kLongDouble: {
        const bool is_long = lexical_ == Lexical::kLongSingle || lexical_ == Lexical::kLongDouble;
        const char quote =
            lexical_ == Lexical::kShortSingle || lexical_ == Lexical::kLongSingle ? '\'' : '"';
        if (c == '\\' && i + 1 < line.size()) {
          Append(line.substr(i, 2), line, i);
          ++i;
          continue;
        }
        if (c == quote) {
          if (!is_long) {
            lexical_ = Lexical::kCode;
          } else if (line.substr(i, 3) == std::string(3, quote)) {
            Append(line.substr(i, 3), line, i);
            i += 2;
            lexical_ = Lexical::kCode;
            continue;
          }
        }
        Append(line.substr(i, 1), line, i);
        break;
      }
    }
  }
  // A short string cannot span lines: the parser will report it, so close it here.
  if (lexical_ == Lexical::kShortSingle || lexical_ == Lexical::kShortDouble) {
    lexical_ = Lexical::kCode;
  }
  // Rule 5.
  if (has_code_ && Balanced() && !more_waiting && !typed_break_ &&
      Ask() != Completeness::kIncomplete) {
    EndStatement(out);
  }
  return out;
}

std::optional<Statement> StatementSplitter::Finish() {
  std::vector<Statement> out;
  EndStatement(out);
  if (out.empty()) return std::nullopt;
  return std::move(out.front());
}

}  // namespace silk::shell::repl
