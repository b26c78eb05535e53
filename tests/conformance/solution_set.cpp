#include "tests/conformance/solution_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "grammar/rdf/ntriples_writer.h"

namespace silk::conformance {
namespace {

std::string TermText(const rdf::Term& term) {
  std::string text;
  rdf::AppendTerm(text, term.view());
  return text;
}

// "1.50" and "+1.5" as "1.5", "007" as "7", "-0.0" as "0"; nullopt if not a decimal numeral.
std::optional<std::string> CanonicalDecimal(std::string_view lexical) {
  bool negative = false;
  if (!lexical.empty() && (lexical[0] == '+' || lexical[0] == '-')) {
    negative = lexical[0] == '-';
    lexical.remove_prefix(1);
  }
  const std::size_t dot = lexical.find('.');
  std::string_view whole = lexical.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : lexical.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  const auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(whole) || !digits(fraction)) return std::nullopt;
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  std::string text = whole.empty() ? "0" : std::string(whole);
  if (!fraction.empty()) text += "." + std::string(fraction);
  if (negative && text != "0") text.insert(0, "-");
  return text;
}

// Numbers compare by value within one datatype. The W3C result files disagree among
// themselves on the lexical form of computed numbers ("6"^^xsd:double in one file, "6.0E0"
// in another, "2.0" and "2" for the same xsd:decimal average), and SPARQL fixes no canonical
// form for them; the datatype must still match, so type promotion is still tested.
std::optional<std::string> NumericKey(const rdf::Term& term) {
  const std::string_view type = term.datatype;
  if (term.kind != rdf::TermKind::kLiteral || !type.starts_with(rdf::kXsd)) return std::nullopt;
  const std::string_view local = type.substr(rdf::kXsd.size());
  if (local == "integer" || local == "decimal") {
    std::optional<std::string> value = CanonicalDecimal(term.value);
    if (value) return fmt::format("\"{}\"^^<{}>", *value, type);
  } else if (local == "double" || local == "float") {
    const std::string lexical = term.value;
    char* end = nullptr;
    const double value = std::strtod(lexical.c_str(), &end);
    if (!lexical.empty() && end == lexical.c_str() + lexical.size()) {
      return fmt::format("\"{}\"^^<{}>", value, type);
    }
  }
  return std::nullopt;
}

// The text by which two non-blank terms are equal: N-Triples with ^^xsd:string folded away,
// the language tag lower-cased (tags compare case-insensitively), numbers by value.
std::string TermKey(const rdf::Term& term) {
  if (std::optional<std::string> numeric = NumericKey(term)) return *numeric;
  rdf::Term t(term.view().Canonical());
  std::transform(t.language.begin(), t.language.end(), t.language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return TermText(t);
}

bool HasBlank(const Solution& solution) {
  return std::any_of(solution.begin(), solution.end(),
                     [](const auto& binding) { return binding.second.kind == rdf::TermKind::kBlank; });
}

// The key of a whole solution without blank nodes.
std::string SolutionKey(const Solution& solution) {
  std::string key;
  for (const auto& [variable, term] : solution) {
    key += variable;
    key += '=';
    key += TermKey(term);
    key += '\n';
  }
  return key;
}

// Matches solutions that contain blank nodes, extending one bijection between the actual
// and the expected blank-node labels. Backtracking; results in the suites are small, and a
// step budget keeps a pathological case from hanging the run.
class BlankMatcher {
 public:
  BlankMatcher(const std::vector<const Solution*>& actual,
               const std::vector<const Solution*>& expected)
      : actual_(actual), expected_(expected), used_(expected.size(), false) {}

  bool Match() { return Match(0); }

 private:
  bool Match(std::size_t i) {
    if (i == actual_.size()) return true;
    if (++steps_ > 2'000'000) return false;
    for (std::size_t j = 0; j < expected_.size(); ++j) {
      if (used_[j]) continue;
      std::vector<std::string> added;
      if (Compatible(*actual_[i], *expected_[j], added)) {
        used_[j] = true;
        if (Match(i + 1)) return true;
        used_[j] = false;
      }
      for (const std::string& label : added) {
        reverse_.erase(forward_[label]);
        forward_.erase(label);
      }
    }
    return false;
  }

  bool Compatible(const Solution& a, const Solution& e, std::vector<std::string>& added) {
    if (a.size() != e.size()) return false;
    for (auto ai = a.begin(), ei = e.begin(); ai != a.end(); ++ai, ++ei) {
      if (ai->first != ei->first || ai->second.kind != ei->second.kind) return false;
      if (ai->second.kind != rdf::TermKind::kBlank) {
        if (TermKey(ai->second) != TermKey(ei->second)) return false;
        continue;
      }
      const std::string& from = ai->second.value;
      const std::string& to = ei->second.value;
      const auto f = forward_.find(from);
      const auto r = reverse_.find(to);
      if (f == forward_.end() && r == reverse_.end()) {
        forward_[from] = to;
        reverse_[to] = from;
        added.push_back(from);
      } else if (f == forward_.end() || r == reverse_.end() || f->second != to) {
        return false;
      }
    }
    return true;
  }

  const std::vector<const Solution*>& actual_;
  const std::vector<const Solution*>& expected_;
  std::vector<bool> used_;
  std::unordered_map<std::string, std::string> forward_;
  std::unordered_map<std::string, std::string> reverse_;
  std::uint64_t steps_ = 0;
};

bool SameMultiset(const SolutionSet& actual, const SolutionSet& expected, bool lax,
                  std::string* difference) {
  std::map<std::string, std::pair<int, int>> ground;  // key → (actual count, expected count)
  std::vector<const Solution*> actual_blank;
  std::vector<const Solution*> expected_blank;
  for (const Solution& s : actual.solutions) {
    if (HasBlank(s)) {
      actual_blank.push_back(&s);
    } else {
      ++ground[SolutionKey(s)].first;
    }
  }
  for (const Solution& s : expected.solutions) {
    if (HasBlank(s)) {
      expected_blank.push_back(&s);
    } else {
      ++ground[SolutionKey(s)].second;
    }
  }
  std::string missing;
  std::string extra;
  for (const auto& [key, counts] : ground) {
    const auto [got, want] = counts;
    const bool ok = lax ? (want == 0 ? got == 0 : got >= 1 && got <= want) : got == want;
    if (ok) continue;
    std::string row = key;
    std::replace(row.begin(), row.end(), '\n', ' ');
    if (got < want || (lax && got == 0)) {
      missing += fmt::format("\n    missing ({}x expected, {}x got): {}", want, got, row);
    } else {
      extra += fmt::format("\n    unexpected ({}x got, {}x expected): {}", got, want, row);
    }
  }
  if (!missing.empty() || !extra.empty()) {
    *difference = "the solutions differ:" + missing + extra;
    return false;
  }
  if (actual_blank.size() != expected_blank.size() ||
      !BlankMatcher(actual_blank, expected_blank).Match()) {
    *difference = fmt::format(
        "the solutions with blank nodes differ ({} got, {} expected) or match by no bijection",
        actual_blank.size(), expected_blank.size());
    return false;
  }
  return true;
}

// The sequence of sort-key values; blank nodes all look alike here (the multiset check has
// already matched them).
std::vector<std::string> OrderSequence(const SolutionSet& results,
                                       const std::vector<std::string>& keys) {
  std::vector<std::string> sequence;
  for (const Solution& s : results.solutions) {
    std::string key;
    for (const std::string& variable : keys) {
      const auto it = s.find(variable);
      key += it == s.end() ? "UNDEF"
                           : (it->second.kind == rdf::TermKind::kBlank ? "_:" : TermKey(it->second));
      key += ' ';
    }
    sequence.push_back(std::move(key));
  }
  return sequence;
}

}  // namespace

bool SameResults(const SolutionSet& actual, const SolutionSet& expected,
                 const CompareOptions& options, std::string* difference) {
  if (expected.boolean || actual.boolean) {
    if (actual.boolean != expected.boolean) {
      *difference = fmt::format("expected {}, got {}", Describe(expected), Describe(actual));
      return false;
    }
    return true;
  }
  const std::set<std::string> actual_vars(actual.variables.begin(), actual.variables.end());
  const std::set<std::string> expected_vars(expected.variables.begin(), expected.variables.end());
  if (actual_vars != expected_vars) {
    *difference = fmt::format("the variables differ: got ?{}, expected ?{}",
                              fmt::join(actual.variables, " ?"),
                              fmt::join(expected.variables, " ?"));
    return false;
  }
  if (!SameMultiset(actual, expected, options.lax_cardinality, difference)) {
    *difference += fmt::format("\n  expected: {}\n  got: {}", Describe(expected), Describe(actual));
    return false;
  }
  if (options.order_keys) {
    const std::vector<std::string> got = OrderSequence(actual, *options.order_keys);
    const std::vector<std::string> want = OrderSequence(expected, *options.order_keys);
    const auto mismatch = std::mismatch(got.begin(), got.end(), want.begin(), want.end());
    if (mismatch.first != got.end()) {
      *difference = fmt::format("the order differs at solution {} (sort keys ?{})\n  expected: {}\n  got: {}",
                                mismatch.first - got.begin() + 1,
                                fmt::join(*options.order_keys, " ?"), Describe(expected),
                                Describe(actual));
      return false;
    }
  }
  return true;
}

std::string Describe(const SolutionSet& results, std::size_t limit) {
  if (results.boolean) return *results.boolean ? "true" : "false";
  std::string text = fmt::format("{} solutions", results.solutions.size());
  for (std::size_t i = 0; i < results.solutions.size() && i < limit; ++i) {
    text += "\n    {";
    for (const auto& [variable, term] : results.solutions[i]) {
      text += fmt::format(" ?{}={}", variable, TermText(term));
    }
    text += " }";
  }
  if (results.solutions.size() > limit) text += "\n    …";
  return text;
}

}  // namespace silk::conformance
