// Datatype IRIs the expression library recognises.
#pragma once

#include <string_view>

#include "grammar/rdf/term.h"

namespace silk::query::expr {

inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdGYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth";
inline constexpr std::string_view kXsdGYear = "http://www.w3.org/2001/XMLSchema#gYear";
inline constexpr std::string_view kXsdDayTimeDuration =
    "http://www.w3.org/2001/XMLSchema#dayTimeDuration";
using rdf::kRdfLangString;
using rdf::kXsdString;

}  // namespace silk::query::expr
