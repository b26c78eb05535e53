// A small JSON reader for SPARQL JSON results (.srj): objects, arrays, strings (with \u
// escapes and surrogate pairs), numbers kept as text, true, false, null.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace silk::conformance {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // kString: the decoded string; kNumber: the number as written
  std::vector<JsonValue> array;
  std::vector<std::pair<std::string, JsonValue>> object;  // in document order

  // The member named `key` of an object, or nullptr.
  const JsonValue* Member(std::string_view key) const;
};

// Parses `text`. On failure returns nullopt and says why (with the byte offset) in `error`.
std::optional<JsonValue> ParseJson(std::string_view text, std::string* error);

}  // namespace silk::conformance
