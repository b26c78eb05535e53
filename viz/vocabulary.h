// The IRIs a picture treats specially: names, classes, values with units, dates. Everything
// else is drawn as it is, an edge per predicate.
#pragma once

#include <string_view>

namespace silk::viz::vocab {

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfValue = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value";
inline constexpr std::string_view kSkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view kSkosAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view kSkosHiddenLabel = "http://www.w3.org/2004/02/skos/core#hiddenLabel";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kSchemaName = "http://schema.org/name";
inline constexpr std::string_view kSchemaNameHttps = "https://schema.org/name";
inline constexpr std::string_view kSchemaHeadline = "http://schema.org/headline";
inline constexpr std::string_view kDctDescription = "http://purl.org/dc/terms/description";
inline constexpr std::string_view kProvValue = "http://www.w3.org/ns/prov#value";

// The shipped graph's way of giving a number its unit and exactness (datasets/README.md).
inline constexpr std::string_view kKcaUnit = "https://silkgraph.org/kca/unit";
inline constexpr std::string_view kKcaQualifier = "https://silkgraph.org/kca/qualifier";
// How a date was worked out: a note for readers of the data, too long for a picture.
inline constexpr std::string_view kKcaDateResolvedFrom = "https://silkgraph.org/kca/dateResolvedFrom";

}  // namespace silk::viz::vocab
