#include "engine/query/results/turtle_text.h"

#include <algorithm>

#include "grammar/rdf/ntriples_writer.h"

namespace silk::query {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool IsBareInTurtle(const rdf::TermView& literal) {
  const std::string_view type = literal.datatype;
  if (!type.starts_with(rdf::kXsd)) return false;
  const std::string_view name = type.substr(rdf::kXsd.size());
  std::string_view text = literal.value;
  if (name == "boolean") return text == "true" || text == "false";
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  if (name == "integer") return AllDigits(text);
  if (name == "decimal") {
    const std::size_t dot = text.find('.');
    return dot != std::string_view::npos && (dot == 0 || AllDigits(text.substr(0, dot))) &&
           AllDigits(text.substr(dot + 1));
  }
  if (name == "double") {
    const std::size_t e = text.find_first_of("eE");
    if (e == std::string_view::npos) return false;
    std::string_view mantissa = text.substr(0, e);
    std::string_view exponent = text.substr(e + 1);
    if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
    const std::size_t dot = mantissa.find('.');
    const bool mantissa_ok =
        dot == std::string_view::npos
            ? AllDigits(mantissa)
            : (dot == 0 || AllDigits(mantissa.substr(0, dot))) &&
                  (dot + 1 == mantissa.size() || AllDigits(mantissa.substr(dot + 1))) &&
                  mantissa.size() > 1;
    return mantissa_ok && AllDigits(exponent);
  }
  return false;
}

std::string TurtleText(const rdf::TermView& term) {
  if (term.IsLiteral() && IsBareInTurtle(term)) return std::string(term.value);
  std::string text;
  rdf::AppendTerm(text, term);
  return text;
}

bool IsPlainLocalName(std::string_view local) {
  if (local.empty()) return true;
  // Turtle lets a name start with a digit or '_' but not with '-' or '.', nor end with '.'.
  if (local.front() == '-' || local.front() == '.' || local.back() == '.') return false;
  return std::all_of(local.begin(), local.end(),
                     [](char c) { return IsAsciiAlnum(c) || c == '_' || c == '-' || c == '.'; });
}

}  // namespace silk::query
