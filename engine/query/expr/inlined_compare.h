// Comparisons that the ids of two inlined literals decide on their own, without decoding
// either term: a filter such as FILTER(?d >= "2015-01-01"^^xsd:date) runs on every row, and
// decoding a date to text and parsing it back costs a hundred times the comparison.
#pragma once

#include <optional>

#include "engine/storage/term_id.h"

namespace silk::query::expr {

enum class IdComparison : unsigned char { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

// `a op b` when the ids alone decide it, with SPARQL's result; nullopt when they do not and
// the values must be compared (compare.h).
// The ids decide when both are inlined with the same tag (an integer and a decimal do not:
// 1 = 1.0 holds by value) and, for dates and dateTimes, with the same timezone or none on
// both: within a tag the payload orders as the value does (format.h), and with equal
// timezones the instants order as the payloads do and are equal only when the ids are.
std::optional<bool> CompareInlinedIds(IdComparison op, storage::TermId a, storage::TermId b);

}  // namespace silk::query::expr
