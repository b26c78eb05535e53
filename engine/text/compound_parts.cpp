#include "engine/text/compound_parts.h"

namespace silk::text {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets where code points start.
std::vector<std::size_t> CodePointStarts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuationByte(text[i])) {
      starts.push_back(i);
    }
  }
  return starts;
}

}  // namespace

std::vector<std::string> CompoundParts(std::string_view surface) {
  const std::vector<std::size_t> starts = CodePointStarts(surface);
  std::vector<std::string> parts;
  if (starts.size() < kMinCompoundLength) {
    return parts;
  }
  for (std::size_t i = 0; i + kMinPartLength <= starts.size(); ++i) {
    parts.emplace_back(surface.substr(starts[i]));
  }
  return parts;
}

bool IsPartQuery(std::string_view surface) {
  return CodePointStarts(surface).size() >= kMinPartLength;
}

}  // namespace silk::text
