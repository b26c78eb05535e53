#include "viz/dot_text.h"

namespace silk::viz {
namespace {

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Appends `text` escaped for the inside of a DOT string.
void AppendEscaped(std::string& out, std::string_view text, std::string_view line_break) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += line_break;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // \r\n is one break
    } else if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
}

}  // namespace

std::string DotQuoted(std::string_view text) {
  std::string out = "\"";
  AppendEscaped(out, text, "\\n");
  out += '"';
  return out;
}

std::string DotQuotedLines(const std::vector<std::string>& lines, bool left) {
  const std::string_view line_end = left ? "\\l" : "\\n";
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    AppendEscaped(out, lines[i], line_end);
    // A left-aligned label needs \l after its last line too; a centred one needs nothing.
    if (left || i + 1 < lines.size()) out += line_end;
  }
  out += '"';
  return out;
}

std::string HtmlEscaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
    }
  }
  return out;
}

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if (!IsContinuationByte(static_cast<unsigned char>(c))) ++n;
  }
  return n;
}

std::string Shorten(std::string_view text, std::size_t max) {
  if (CodePoints(text) <= max) return std::string(text);
  // Keep max - 1 code points and add the ellipsis.
  std::size_t kept = 0;
  std::size_t end = 0;
  for (; end < text.size(); ++end) {
    if (!IsContinuationByte(static_cast<unsigned char>(text[end]))) {
      if (kept == max - 1) break;
      ++kept;
    }
  }
  std::string out(text.substr(0, end));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\u2026";
}

std::vector<std::string> Wrap(std::string_view text, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && text[at] == ' ') ++at;
    if (at == text.size()) break;
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    // A word longer than a line is cut: a picture has no room for it.
    const std::string word = Shorten(text.substr(at, end - at), width);
    if (!line.empty() && CodePoints(line) + 1 + CodePoints(word) > width) {
      if (lines.size() + 1 == max_lines) {
        // The last line allowed: the rest of the text goes on it, shortened.
        lines.push_back(Shorten(line + " " + std::string(text.substr(at)), width));
        return lines;
      }
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    at = end;
  }
  if (!line.empty()) lines.push_back(Shorten(line, lines.size() + 1 == max_lines ? width : line.size()));
  return lines;
}

}  // namespace silk::viz
