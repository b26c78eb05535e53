#include "tests/conformance/known_failures.h"

#include <fmt/format.h>

#include <fstream>

namespace silk::conformance {
namespace {

std::string_view Trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) {
    return {};
  }
  const std::size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

}  // namespace

std::optional<KnownFailures> KnownFailures::Read(const std::filesystem::path& path,
                                                 std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = fmt::format("cannot open the known-failures list {}", path.string());
    return std::nullopt;
  }
  KnownFailures list;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string_view text = Trim(line);
    if (text.empty() || text.starts_with('#')) {
      continue;
    }
    const std::size_t space = text.find_first_of(" \t");
    const std::string_view reason =
        space == std::string_view::npos ? std::string_view() : Trim(text.substr(space));
    if (reason.empty()) {
      *error = fmt::format("{}:{}: a known failure needs a reason after the test IRI",
                           path.string(), number);
      return std::nullopt;
    }
    list.entries_.emplace(std::string(text.substr(0, space)), std::string(reason));
  }
  return list;
}

const std::string* KnownFailures::ReasonFor(std::string_view test_iri) const {
  const auto it = entries_.find(test_iri);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace silk::conformance
