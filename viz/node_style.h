// How a node looks by its class: a shape and a fill per kind of thing (person, country,
// event …), the same in every picture, so that the legend can name them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace silk::viz {

struct NodeStyle {
  std::string_view kind;   // "person", "event" …; shown in the legend
  std::string_view shape;  // a Graphviz shape
  std::string_view style;  // Graphviz style, "filled" at least
  std::string_view fill;   // fill colour
  std::string_view look;   // the shape in words, for the legend: "rounded box"
};

// The style of a node with `classes` (IRIs of its rdf:type): the first kind, in a fixed
// order of precedence, that one of its classes belongs to (by local name, so schema.org's
// http and https forms and the shipped graph's own classes both count); "other" when none.
const NodeStyle& StyleFor(const std::vector<std::string>& classes);

// Every style, in the legend's order.
const std::vector<NodeStyle>& AllStyles();

}  // namespace silk::viz
