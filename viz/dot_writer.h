// A neighbourhood as a Graphviz DOT graph: nodes shaped and filled by their kind, edges
// coloured by the graphs (source articles) that state them, and a legend of both.
#pragma once

#include <string>
#include <string_view>

#include "viz/neighbourhood.h"

namespace silk::viz {

// The colour of the graph at `index` of Neighbourhood::graphs; the default graph is grey.
std::string_view GraphColour(const Source& graph, std::size_t index);

// Appends to `out` a DOT cluster listing the graphs (sources) of `neighbourhood` with their
// colours, and, when `kinds`, the kinds of node it holds with their shapes.
void WriteLegend(const Neighbourhood& neighbourhood, bool kinds, std::string& out);

// The DOT text of the picture. Every label from the data is escaped (DotQuoted) and
// shortened, so no data can change the graph's structure or make Graphviz read a file.
std::string NeighbourhoodDot(const Neighbourhood& neighbourhood);

}  // namespace silk::viz
