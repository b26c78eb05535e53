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
}

bool StatementSplitter::SemicolonEnds() const { return StartsWithKeyword(buffer_); }

void StatementSplitter::EndStatement(std::vector<std::string>& out) {
  if (has_code_) out.emplace_back(Trim(buffer_));
  Reset();
}

std::vector<std::string> StatementSplitter::AddLine(std::string_view line) {
  std::vector<std::string> out;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  // A dot-command is a line of its own, and only between statements.
  if (!has_code_ && lexical_ == Lexical::kCode && Trim(line).starts_with('.')) {
    Reset();
    out.emplace_back(Trim(line));
    return out;
  }
  // A blank line ends a statement whose braces are balanced.
  if (IsBlank(line)) {
    if (lexical_ == Lexical::kCode && depth_ <= 0) {
      EndStatement(out);
    } else {
      buffer_ += '\n';
    }
    return out;
  }

  if (!buffer_.empty()) buffer_ += '\n';
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    switch (lexical_) {
      case Lexical::kCode:
        if (c == '#') {
          buffer_.append(line.substr(i));  // a comment runs to the end of the line
          i = line.size();
          continue;
        }
        if (c == '<') {
          const std::size_t end = IriEnd(line, i);
          if (end != std::string_view::npos) {
            buffer_.append(line.substr(i, end - i + 1));
            has_code_ = true;
            i = end;
            continue;
          }
        }
        if (c == ';' && depth_ <= 0 && (!has_code_ || SemicolonEnds())) {
          EndStatement(out);
          continue;
        }
        if (c == '\'' || c == '"') {
          const bool is_long = line.substr(i, 3) == std::string(3, c);
          lexical_ = c == '\'' ? (is_long ? Lexical::kLongSingle : Lexical::kShortSingle)
                               : (is_long ? Lexical::kLongDouble : Lexical::kShortDouble);
          if (is_long) {
            buffer_.append(3, c);
            i += 2;
            has_code_ = true;
            continue;
          }
        } else if (c == '{' || c == '(' || c == '[') {
          ++depth_;
        } else if (c == '}' || c == ')' || c == ']') {
          --depth_;
        }
        if (!std::isspace(static_cast<unsigned char>(c))) has_code_ = true;
        buffer_ += c;
        break;
      case Lexical::kShortSingle:
      case Lexical::kShortDouble:
      case Lexical::kLongSingle:
      case Lexical::kLongDouble: {
        const bool is_long = lexical_ == Lexical::kLongSingle || lexical_ == Lexical::kLongDouble;
        const char quote =
            lexical_ == Lexical::kShortSingle || lexical_ == Lexical::kLongSingle ? '\'' : '"';
        if (c == '\\' && i + 1 < line.size()) {
          buffer_.append(line.substr(i, 2));
          ++i;
          continue;
        }
        if (c == quote) {
          if (!is_long) {
            lexical_ = Lexical::kCode;
          } else if (line.substr(i, 3) == std::string(3, quote)) {
            buffer_.append(3, quote);
            i += 2;
            lexical_ = Lexical::kCode;
            continue;
          }
        }
        buffer_ += c;
        break;
      }
    }
  }
  // A short string cannot span lines: the parser will report it, so close it here.
  if (lexical_ == Lexical::kShortSingle || lexical_ == Lexical::kShortDouble) {
    lexical_ = Lexical::kCode;
  }
  if (has_code_ && lexical_ == Lexical::kCode && depth_ <= 0 && options_.is_complete &&
      options_.is_complete(Trim(buffer_))) {
    EndStatement(out);
  }
  return out;
}

std::optional<std::string> StatementSplitter::Finish() {
  std::vector<std::string> out;
  EndStatement(out);
  if (out.empty()) return std::nullopt;
  return std::move(out.front());
}

}  // namespace silk::shell::repl
