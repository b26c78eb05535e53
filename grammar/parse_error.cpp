#include "grammar/parse_error.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace silk {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset `count` code points before `at` in `text` (or 0).
std::size_t CodePointsBefore(std::string_view text, std::size_t at, std::size_t count) {
  while (at > 0 && count > 0) {
    --at;
    while (at > 0 && IsContinuationByte(text[at])) --at;
    --count;
  }
  return at;
}

// The byte offset `count` code points after `at` in `text` (or its size).
std::size_t CodePointsAfter(std::string_view text, std::size_t at, std::size_t count) {
  while (at < text.size() && count > 0) {
    ++at;
    while (at < text.size() && IsContinuationByte(text[at])) ++at;
    --count;
  }
  return at;
}

}  // namespace

std::string ParseError::ToString() const {
  std::string out = fmt::format("{}:{}:{}: {}", source, line, column, message);
  if (line_text.empty()) return out;
  // A long line (a 20 MB line of minified data) is shown only around the column, so the
  // message stays readable and the caret line short.
  const std::string_view text(line_text);
  const std::size_t at = std::min<std::uint64_t>(column > 0 ? column - 1 : 0, text.size());
  const std::size_t begin = CodePointsBefore(text, at, kContextCodePoints);
  // The character at the column and kContextCodePoints after it.
  const std::size_t end = CodePointsAfter(text, at, kContextCodePoints + 1);
  std::string shown;
  std::string pad;
  if (begin > 0) {
    shown += "…";
    pad += ' ';
  }
  shown += text.substr(begin, end - begin);
  if (end < text.size()) shown += "…";
  // One pad character per code point (columns count bytes), and tabs stay tabs, so the
  // caret lines up under UTF-8 text in any terminal.
  for (std::size_t i = begin; i < at; ++i) {
    const char c = text[i];
    if (IsContinuationByte(c)) continue;
    pad += c == '\t' ? '\t' : ' ';
  }
  return fmt::format("{}\n  {}\n  {}^", out, shown, pad);
}

}  // namespace silk
