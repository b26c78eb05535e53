#include "engine/query/expr/lexical.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace silk::query::expr {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool MatchesFloatingPointSyntax(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    ++i;
  }
  size_t digits = 0;
  while (i < text.size() && IsDigit(text[i])) {
    ++i;
    ++digits;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsDigit(text[i])) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) {
    return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    size_t exponent_digits = 0;
    while (i < text.size() && IsDigit(text[i])) {
      ++i;
      ++exponent_digits;
    }
    if (exponent_digits == 0) {
      return false;
    }
  }
  return i == text.size();
}

// Turns to_chars' scientific output ("3.21e+04", "2e-01") into XSD's ("3.21E4", "2.0E-1").
std::string ScientificToXsd(std::string_view s) {
  const size_t e = s.find('e');
  std::string mantissa(s.substr(0, e));
  if (mantissa.find('.') == std::string::npos) {
    mantissa += ".0";
  }
  int exponent = 0;
  std::string_view exp_text = s.substr(e + 1);
  if (!exp_text.empty() && exp_text.front() == '+') {
    exp_text.remove_prefix(1);
  }
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  return mantissa + "E" + std::to_string(exponent);
}

template <typename T>
std::string FormatFloating(T value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value < 0 ? "-INF" : "INF";
  }
  if (value == 0) {
    return std::signbit(value) ? "-0.0E0" : "0.0E0";
  }
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                 std::chars_format::scientific);
  return ScientificToXsd(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

}  // namespace

std::optional<double> ParseXsdDouble(std::string_view text) {
  if (text == "INF" || text == "+INF") {
    return std::numeric_limits<double>::infinity();
  }
  if (text == "-INF") {
    return -std::numeric_limits<double>::infinity();
  }
  if (text == "NaN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (!MatchesFloatingPointSyntax(text)) {
    return std::nullopt;
  }
  // from_chars takes no leading '+'.
  if (text.front() == '+') {
    text.remove_prefix(1);
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Out of range is not invalid for XSD: it rounds to infinity or zero.
    const bool negative = text.front() == '-';
    const size_t e = text.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && text.find('-', e) != std::string_view::npos;
    if (tiny) {
      return negative ? -0.0 : 0.0;
    }
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<float> ParseXsdFloat(std::string_view text) {
  std::optional<double> d = ParseXsdDouble(text);
  if (!d) {
    return std::nullopt;
  }
  return static_cast<float>(*d);
}

std::optional<bool> ParseXsdBoolean(std::string_view text) {
  if (text == "true" || text == "1") {
    return true;
  }
  if (text == "false" || text == "0") {
    return false;
  }
  return std::nullopt;
}

std::string FormatXsdDouble(double d) { return FormatFloating(d); }

std::string FormatXsdFloat(float f) { return FormatFloating(f); }

std::string_view TrimXmlWhitespace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) {
    return {};
  }
  const size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

}  // namespace silk::query::expr
