// Set functions of GROUP BY (SPARQL 1.1 section 18.5.1): COUNT, SUM, MIN, MAX, AVG, SAMPLE,
// GROUP_CONCAT, each optionally DISTINCT.
//
// One Aggregator per (group, aggregate expression). The evaluator evaluates the aggregate's
// argument for every solution of the group and calls Add with the outcome, where std::nullopt
// stands for both "unbound" and "error":
//   COUNT          counts bound, non-error values. COUNT(*): call Add with any value once per
//                  solution; COUNT(DISTINCT *) compares whole solutions, which is the caller's
//                  job (dedupe before calling Add).
//   SUM, AVG       numeric sum (promotion as for '+'); a non-numeric value or a nullopt makes
//                  the group's result an error. Empty group: 0 (xsd:integer). AVG divides by
//                  the count ('/' rules: integer sums give decimals).
//   MIN, MAX       by ORDER BY's order (compare.h); nullopts are skipped; empty: error.
//   SAMPLE         the first value added; nullopts skipped; empty: error.
//   GROUP_CONCAT   STR() of each value joined by the separator, as a simple literal (language
//                  tags are dropped, as the W3C tests expect); a blank node or a nullopt is an
//                  error. Empty group: "".
// DISTINCT is handled here: with `distinct`, values equal as RDF terms are added only once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "engine/query/expr/value.h"

namespace silk::query::expr {

enum class AggregateFunction : unsigned char {
  kCount,
  kSum,
  kMin,
  kMax,
  kAvg,
  kSample,
  kGroupConcat,
};

struct AggregateSpec {
  AggregateFunction function = AggregateFunction::kCount;
  bool distinct = false;
  std::string separator = " ";  // GROUP_CONCAT only
};

// Accumulates one group. Not copyable; not thread-safe.
class Aggregator {
 public:
  static std::unique_ptr<Aggregator> Create(const AggregateSpec& spec);

  Aggregator() = default;
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;
  virtual ~Aggregator() = default;

  virtual void Add(const EvalResult& value) = 0;
  // The group's result; std::nullopt is an error (the variable stays unbound).
  virtual EvalResult Finish() const = 0;
  // The heap the aggregator's state has grown to (GROUP_CONCAT's text, DISTINCT's seen
  // values); never decreases, so a caller can charge the growth of each Add.
  virtual std::uint64_t MemoryBytes() const { return 0; }
};

}  // namespace silk::query::expr
