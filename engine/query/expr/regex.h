// XPath regular expressions (fn:matches, fn:replace) on top of ICU.
// Flags: i (case-insensitive), s (dot matches newline), m (multi-line anchors),
// x (ignore whitespace in the pattern), q (the pattern is a literal string).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/query/expr/interruption.h"

namespace silk::query::expr {

class Regex {
 public:
  // Nullopt-like failure (nullptr) for an invalid pattern or an unknown flag.
  // The evaluator may cache the result when pattern and flags are constants.
  static std::unique_ptr<Regex> Compile(std::string_view pattern, std::string_view flags);

  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;
  ~Regex();

  // fn:matches: true if the pattern matches somewhere in `text` (UTF-8).
  // Matching polls `stop` (when given) every few thousand backtracking steps and gives up,
  // with nullopt, once it says so: a pattern such as (a+)+$ can otherwise backtrack for
  // longer than any timeout. Nullopt also for ICU's own limits (its backtrack stack).
  std::optional<bool> Matches(std::string_view text, const Interruption* stop = nullptr) const;
  // fn:replace: every non-overlapping match replaced by `replacement`, where $0..$9 name
  // groups (an unmatched group is empty), \$ and \\ are escapes, and with the q flag the
  // replacement is literal. Errors: a pattern that matches the empty string, a bad
  // replacement.
  // `stop` as for Matches.
  std::optional<std::string> Replace(std::string_view text, std::string_view replacement,
                                     const Interruption* stop = nullptr) const;

 private:
  struct Impl;
  explicit Regex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace silk::query::expr
