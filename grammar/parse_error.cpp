#include "grammar/parse_error.h"

#include <fmt/format.h>

namespace silk {

std::string ParseError::ToString() const {
  std::string out = fmt::format("{}:{}:{}: {}", source, line, column, message);
  if (line_text.empty()) return out;
  // One pad character per code point (columns count bytes), and tabs stay tabs, so the
  // caret lines up under UTF-8 text in any terminal.
  std::string pad;
  for (std::uint64_t i = 0; i + 1 < column && i < line_text.size(); ++i) {
    const char c = line_text[i];
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
  }
  return fmt::format("{}\n  {}\n  {}^", out, line_text, pad);
}

}  // namespace silk
