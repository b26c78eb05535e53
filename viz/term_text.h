// The words a picture shows for terms: a literal made compact (a date as people write it, a
// number with its unit), an IRI by its local name, a predicate as words.
#pragma once

#include <string>
#include <string_view>

#include "grammar/rdf/term.h"

namespace silk::viz {

// What follows the last '#', '/' or ':' of `iri` (all of it when that is empty).
std::string_view LocalName(std::string_view iri);

// A local name as words: "participantState" → "participant state", "summit_2024_12_seoul" →
// "summit 2024 12 seoul".
std::string NameAsWords(std::string_view local_name);

// xsd:date, xsd:dateTime, xsd:gYear or xsd:gYearMonth.
bool IsDateLiteral(const rdf::TermView& term);

// A literal, compact: "2024-12-03"^^xsd:date → "3 Dec 2024", "2024-01"^^xsd:gYearMonth →
// "Jan 2024", 6000000000 → "6,000,000,000", true → "yes", a string → its text (without its
// language tag). A lexical form it does not understand is shown as it is.
std::string CompactLiteral(const rdf::TermView& literal);

// A number with its unit and how exact it is, as a person writes it: ("13", "Percent",
// "Estimated") → "13 % (estimated)", ("700", "Companies", "MoreThan") → "more than 700
// companies". `unit` and `qualifier` are local names or labels, empty when absent.
std::string ValueWithUnit(const rdf::TermView& value, std::string_view unit,
                          std::string_view qualifier);

}  // namespace silk::viz
