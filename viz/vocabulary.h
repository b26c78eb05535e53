// The IRIs a picture treats specially: values with units, dates, articles' titles (classes
// are rdf::kRdfType's objects, names names::kLabelPredicates). Everything else is drawn as it
// is, an edge per predicate.
#pragma once

#include <string_view>

namespace silk::viz::vocab {

inline constexpr std::string_view kRdfValue = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value";
inline constexpr std::string_view kSchemaHeadline = "http://schema.org/headline";
inline constexpr std::string_view kDctDescription = "http://purl.org/dc/terms/description";
inline constexpr std::string_view kProvValue = "http://www.w3.org/ns/prov#value";

// The shipped graph's way of giving a number its unit and exactness (datasets/README.md).
inline constexpr std::string_view kKcaUnit = "https://silkgraph.org/kca/unit";
inline constexpr std::string_view kKcaQualifier = "https://silkgraph.org/kca/qualifier";
// How a date was worked out: a note for readers of the data, too long for a picture.
inline constexpr std::string_view kKcaDateResolvedFrom = "https://silkgraph.org/kca/dateResolvedFrom";

}  // namespace silk::viz::vocab
