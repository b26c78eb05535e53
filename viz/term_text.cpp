#include "viz/term_text.h"

#include <array>
#include <cctype>

#include "engine/query/expr/vocabulary.h"

namespace silk::viz {
namespace {

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "12" → "Dec"; empty when not a month.
std::string_view MonthName(std::string_view digits) {
  if (digits.size() != 2 || !IsDigits(digits)) return {};
  const int month = (digits[0] - '0') * 10 + (digits[1] - '0');
  if (month < 1 || month > 12) return {};
  return kMonths[static_cast<std::size_t>(month - 1)];
}

// "2024-12-03" → "3 Dec 2024", "2024-12" → "Dec 2024"; the text itself when not of that form
// (a year before 1000, a time zone, a negative year).
std::string CompactDate(std::string_view text) {
  if (text.size() >= 7 && IsDigits(text.substr(0, 4)) && text[4] == '-') {
    const std::string_view month = MonthName(text.substr(5, 2));
    if (month.empty()) return std::string(text);
    if (text.size() == 7) return std::string(month) + " " + std::string(text.substr(0, 4));
    if (text.size() >= 10 && text[7] == '-' && IsDigits(text.substr(8, 2))) {
      const std::string_view day = text[8] == '0' ? text.substr(9, 1) : text.substr(8, 2);
      std::string out = std::string(day) + " " + std::string(month) + " " + std::string(text.substr(0, 4));
      // A dateTime keeps its time of day: "3 Dec 2024 22:23".
      if (text.size() >= 16 && text[10] == 'T') out += " " + std::string(text.substr(11, 5));
      return out;
    }
  }
  return std::string(text);
}

// "6000000000" → "6,000,000,000", "-1234.50" → "-1,234.5"; the text itself when not a plain
// decimal number (a double with an exponent, say).
std::string CompactNumber(std::string_view text) {
  std::string_view sign;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    if (text[0] == '-') sign = "-";
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!IsDigits(whole) || (dot != std::string_view::npos && !fraction.empty() && !IsDigits(fraction))) {
    return std::string(sign) + std::string(text);
  }
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  std::string_view digits = whole;
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  std::string out(sign);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (!fraction.empty()) out += "." + std::string(fraction);
  return out;
}

bool IsNumberType(std::string_view datatype) {
  constexpr std::string_view kNumberTypes[] = {
      "integer", "decimal", "double", "float", "int", "long", "short", "byte",
      "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
      "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"};
  if (!datatype.starts_with(rdf::kXsd)) return false;
  const std::string_view local = datatype.substr(rdf::kXsd.size());
  for (const std::string_view type : kNumberTypes) {
    if (local == type) return true;
  }
  return false;
}

}  // namespace

std::string_view LocalName(std::string_view iri) {
  const std::size_t cut = iri.find_last_of("#/:");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return iri;
  return iri.substr(cut + 1);
}

std::string NameAsWords(std::string_view local_name) {
  std::string out;
  for (std::size_t i = 0; i < local_name.size(); ++i) {
    const char c = local_name[i];
    if (c == '_' || c == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    const bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    const bool after_lower = i > 0 && std::islower(static_cast<unsigned char>(local_name[i - 1])) != 0;
    // camelCase breaks before its capitals; an acronym (USGS, KR) stays whole.
    if (upper && after_lower && !out.empty() && out.back() != ' ') {
      out += ' ';
      const bool next_lower = i + 1 < local_name.size() &&
                              std::islower(static_cast<unsigned char>(local_name[i + 1])) != 0;
      out += next_lower ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string(local_name) : out;
}

bool IsDateLiteral(const rdf::TermView& term) {
  return term.IsLiteral() && (term.datatype == query::expr::kXsdDate || term.datatype == query::expr::kXsdDateTime ||
                              term.datatype == query::expr::kXsdGYear || term.datatype == query::expr::kXsdGYearMonth);
}

std::string CompactLiteral(const rdf::TermView& literal) {
  if (IsDateLiteral(literal)) return CompactDate(literal.value);
  if (IsNumberType(literal.datatype)) return CompactNumber(literal.value);
  if (literal.datatype == query::expr::kXsdBoolean) {
    if (literal.value == "true" || literal.value == "1") return "yes";
    if (literal.value == "false" || literal.value == "0") return "no";
  }
  return std::string(literal.value);
}

std::string ValueWithUnit(const rdf::TermView& value, std::string_view unit,
                          std::string_view qualifier) {
  std::string number = CompactLiteral(value);
  if (!unit.empty()) {
    if (unit == "Percent" || unit == "percent") {
      number += " %";
    } else {
      // "Companies" reads as "companies"; an acronym such as "USD" stays as it is.
      std::string words = NameAsWords(unit);
      if (words.size() > 1 && std::islower(static_cast<unsigned char>(words[1])) != 0) {
        words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
      }
      number += " " + words;
    }
  }
  if (qualifier == "Approximately") return "\u2248 " + number;
  if (qualifier == "MoreThan") return "more than " + number;
  if (qualifier == "LessThan") return "less than " + number;
  if (qualifier == "Estimated") return number + " (estimated)";
  if (!qualifier.empty()) return number + " (" + NameAsWords(qualifier) + ")";
  return number;
}

}  // namespace silk::viz
