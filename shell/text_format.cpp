#include "shell/text_format.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <stdexcept>

namespace silk::shell {

std::string FormatCount(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string FormatBytes(std::uint64_t bytes) {
  static constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", value, kUnits[unit]);
}

std::optional<std::uint64_t> ParseBytes(std::string_view text) {
  std::uint64_t value = 0;
  const auto [rest, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || rest == text.data() || value == 0) return std::nullopt;
  std::string_view unit(rest, static_cast<std::size_t>(text.data() + text.size() - rest));
  if (unit.ends_with("iB")) unit.remove_suffix(2);
  else if (unit.ends_with("B") && unit.size() == 2) unit.remove_suffix(1);
  static constexpr std::string_view kUnits = "KMGT";
  int shift = 0;
  if (unit.size() == 1 && kUnits.find(static_cast<char>(std::toupper(unit[0]))) != kUnits.npos) {
    shift = 10 * (1 + static_cast<int>(kUnits.find(static_cast<char>(std::toupper(unit[0])))));
  } else if (!unit.empty()) {
    return std::nullopt;
  }
  if (shift > 0 && value > (~std::uint64_t{0} >> shift)) return std::nullopt;
  return value << shift;
}

std::optional<double> ParseSeconds(const std::string& text) {
  try {
    std::size_t used = 0;
    const double seconds = std::stod(text, &used);
    if (used != text.size() || !(seconds > 0)) return std::nullopt;
    return seconds;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string_view WithoutAngles(std::string_view text) {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

std::string FormatSeconds(double seconds) {
  if (seconds < 1) return fmt::format("{:.1f} ms", seconds * 1000);
  return fmt::format("{:.2f} s", seconds);
}

std::string OneOf(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
    text += items[i];
  }
  return text;
}

}  // namespace silk::shell
