// The one list of conformance tests that are expected to fail, each with its reason.
//
// File format (known_failures.txt): one test per line, "<test IRI> <reason…>"; blank lines
// and lines starting with '#' are ignored. A test on the list that fails is reported but
// does not fail the run; one that passes is reported so the line can be removed.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace silk::conformance {

class KnownFailures {
 public:
  // Reads `path`. On failure returns nullopt and says why in `error`; a line without a reason
  // is an error too: every entry must say why.
  static std::optional<KnownFailures> Read(const std::filesystem::path& path, std::string* error);

  // The reason `test_iri` is expected to fail, or nullptr if it is not listed.
  const std::string* ReasonFor(std::string_view test_iri) const;

  // Every listed IRI with its reason, in IRI order.
  const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

 private:
  std::map<std::string, std::string, std::less<>> entries_;
};

}  // namespace silk::conformance
