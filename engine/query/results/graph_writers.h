// The writers of graphs (CONSTRUCT, DESCRIBE): N-Triples and N-Quads, a statement a line as
// the statements come; Turtle and TriG, grouped by subject, once every statement is in.
// Made through MakeResultWriter; only that factory includes this header.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/query/results/result_writer.h"

namespace silk::query {

// N-Triples drops the graph of each statement; N-Quads keeps it.
// REQUIRES: `out` outlives the writer.
std::unique_ptr<ResultWriter> MakeLineGraphWriter(std::ostream& out, bool with_graph);

// Turtle writes every statement into one graph; TriG keeps the default graph apart from the
// named ones (a block each). Statements are held until End(), so that each subject is
// written once: `s p o1, o2 ; q o3 .`, rdf:type first as `a`. The prefixes that the output
// uses are declared at its top.
// REQUIRES: `out` outlives the writer.
std::unique_ptr<ResultWriter> MakeTurtleWriter(
    std::ostream& out, std::vector<std::pair<std::string, std::string>> prefixes, bool trig);

}  // namespace silk::query
