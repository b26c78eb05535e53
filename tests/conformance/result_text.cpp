#include "tests/conformance/result_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

namespace silk::conformance {
namespace {

bool LabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

// The lines of `text`, each blank node label replaced by _:bN, N counting labels as first met.
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::map<std::string, std::string, std::less<>> labels;
  std::string line;
  const auto finish = [&] {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      finish();
    } else if (text.substr(i, 2) == "_:") {
      std::size_t end = i + 2;
      while (end < text.size() && LabelChar(text[end])) ++end;
      const std::string label(text.substr(i, end - i));
      auto [it, added] = labels.emplace(label, fmt::format("_:b{}", labels.size()));
      line += it->second;
      i = end - 1;
    } else {
      line += text[i];
    }
  }
  if (!line.empty()) finish();
  return lines;
}

}  // namespace

bool SameResultText(std::string_view actual, std::string_view expected, bool ordered,
                    std::string* difference) {
  std::vector<std::string> got = Lines(actual);
  std::vector<std::string> want = Lines(expected);
  if (!ordered && got.size() > 1 && want.size() > 1) {
    std::sort(got.begin() + 1, got.end());
    std::sort(want.begin() + 1, want.end());
  }
  if (got == want) return true;
  if (difference != nullptr) {
    *difference = "the results differ; expected:\n";
    for (const std::string& line : want) *difference += "  " + line + "\n";
    *difference += "got:\n";
    for (const std::string& line : got) *difference += "  " + line + "\n";
  }
  return false;
}

}  // namespace silk::conformance
