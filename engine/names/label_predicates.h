// The predicates that name things, shared by the name index (silk find) and the pictures
// (silk viz), so that both read the same names.
#pragma once

#include <string_view>

namespace silk::names {

struct LabelPredicate {
  std::string_view iri;
  // The preferred name: a match on it ranks first in silk find.
  bool preferred;
  // How good a name it is to show, lower first; -1: never shown (SKOS's hiddenLabel is for
  // search only: a misprint or an inflected form an article prints).
  int display_rank;
};

inline constexpr LabelPredicate kLabelPredicates[] = {
    {"http://www.w3.org/2004/02/skos/core#prefLabel", true, 0},
    {"http://www.w3.org/2004/02/skos/core#altLabel", false, 2},
    {"http://www.w3.org/2004/02/skos/core#hiddenLabel", false, -1},
    {"http://schema.org/name", false, 1},
    {"https://schema.org/name", false, 1},
    {"http://www.w3.org/2000/01/rdf-schema#label", false, 1},
};

}  // namespace silk::names
