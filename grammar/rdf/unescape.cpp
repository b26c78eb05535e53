#include "grammar/rdf/unescape.h"

namespace silk::rdf {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

}  // namespace

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool AppendUnescaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the run up to the next escape in one go: most text has none.
    const std::size_t next = text.find('\\', i);
    if (next == std::string_view::npos) {
      out.append(text.substr(i));
      return true;
    }
    out.append(text.substr(i, next - i));
    const char kind = text[next + 1];
    i = next + 2;
    switch (kind) {
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 'u':
      case 'U': {
        const std::size_t digits = kind == 'u' ? 4 : 8;
        char32_t cp = 0;
        for (std::size_t k = 0; k < digits; ++k) cp = cp * 16 + HexValue(text[i + k]);
        i += digits;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        AppendUtf8(out, cp);
        break;
      }
      default: out += kind; break;  // \" \' \\ and, in local names, \~ \. \- …
    }
  }
  return true;
}

}  // namespace silk::rdf
